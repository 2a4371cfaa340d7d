"""``write_text``: a report as canonical plain text, which ``read_text`` reads back exactly.

Strategy: the text is what a careful extraction of a well-made report looks like: the title,
the six official headings, each section's prose, and the tables as tab-separated rows under
their official labels (taken from the model's field metadata, like every other writer). A cell
the report does not state is written ``/``, which a reader keeps unknown; a blank would be read
as 0 when the table adds up that way. One header line (``#govinfo-text 1 {...}``) states what
visible text cannot (``None`` against an empty title, the template of a report without tables,
how many lines of prose each section has), so govinfo's reader gives back exactly the report
written. The layout and the header are defined once, in :mod:`govinfo.schema._text`, which the
reader's exact path reads back against.
"""

from __future__ import annotations

from govinfo.model.report import AnnualReport
from govinfo.schema._text import render

__all__ = ["write_text"]


def write_text(report: AnnualReport) -> str:
    """Render ``report`` as plain text that :func:`govinfo.read_text` reads back exactly.

    ``read_text(write_text(report)).report == report`` for every report: title and organ
    (``None`` or not), year, template, prose (any characters: line breaks other than ``\\n``,
    control characters and backslashes in prose are escaped as ``\\uXXXX`` and ``\\\\``),
    every cell and every pre-2019 statistic. The first line is a header that govinfo's reader
    uses for that; without it (or after an edit) the rest reads as any extracted report does.

    Args:
        report: the report to render.

    Returns:
        The text, lines separated by ``\\n``, ending with a newline.
    """
    return render(report)
