"""The text front end: text extracted from PDFs, Word files and web pages.

See :func:`read_text`. The front end turns lines into the neutral document; everything the
template means is left to :mod:`govinfo.reading.interpret`.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from govinfo._safe import check_lines, load_source
from govinfo.diagnostics import Diagnostic
from govinfo.errors import NotAReportError
from govinfo.reading.document import Document
from govinfo.reading.interpret import interpret
from govinfo.reading.result import ReadResult
from govinfo.reading.text._canonical import read_canonical
from govinfo.reading.text._decode import decode
from govinfo.reading.text._lines import to_blocks

__all__ = ["read_text"]


def read_text(
    source: str | bytes | os.PathLike[str] | BinaryIO, *, name: str | None = None
) -> ReadResult:
    """Read a report from extracted text.

    Args:
        source: the text itself (a ``str``), its bytes in any of UTF-8 (with or without BOM),
            UTF-16 or GB18030/GBK, a path (``os.PathLike``) or a binary file object. A ``str``
            is always text, never a path: pass ``pathlib.Path`` to read a file.
        name: the name to use in locations and messages (default: the path, or ``<text>``).

    Returns:
        The report, with a diagnostic for every repair or guess (each naming its line), the
        cells filled by inference, and where each read cell came from.

    Raises:
        NotAReportError: the text holds no annual report (no sections, tables or statistics).
        ReadError: the file cannot be read.
        UnsafeInputError: the source is larger than the reader accepts.
        TypeError: ``source`` is of a type the reader does not accept.

    Example:
        >>> result = read_text(open("examples/reports/001_6936dc3b40e04b6e.txt").read())
        >>> result.report.applications.new_received.total
        4
    """
    notes: list[Diagnostic]
    if isinstance(source, str):
        text, display, notes = source, name or "<text>", []
    else:
        data, display = load_source(source, name=name)
        if name is None and display == "<bytes>":
            display = "<bytes>"
        text, notes = decode(data, display)
    canonical = read_canonical(text, display)
    if isinstance(canonical, ReadResult):
        return canonical  # govinfo's own text: read exactly, nothing guessed
    if canonical is not None:  # the header of a text changed since: read the rest as text
        notes.append(canonical)
        text = text.split("\n", 1)[1] if "\n" in text else ""
    check_lines(text, source=display)
    blocks, line_notes = to_blocks(text, display)
    document = Document(blocks=blocks, source=display, notes=tuple(notes + line_notes))
    try:
        return interpret(document)
    except NotAReportError as error:
        if isinstance(source, str) and _looks_like_path(source):
            raise NotAReportError(
                f"{error.message}; the text given is a file name: pass pathlib.Path({source!r}) "
                "to read the file",
                location=error.location,
                message_zh=f"{error.message_zh or error.message}；所给的文本是一个文件名："
                f"请传入 pathlib.Path({source!r}) 以读取该文件",
            ) from error
        raise


def _looks_like_path(text: str) -> bool:
    return len(text) < 1024 and "\n" not in text and os.path.isfile(text)
