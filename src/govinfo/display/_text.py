"""A report's tables as aligned plain text for a terminal.

Strategy: Chinese characters take two terminal columns, so widths are measured with
``unicodedata.east_asian_width`` ("W" and "F" count 2) and padding is added by hand instead
of with ``str.ljust``. Marks are suffixes (``*``, ``!``, ``!!``) so a value is never hidden.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence

from govinfo.display._layout import Highlight, blocks, format_value
from govinfo.model.catalogue import unprinted
from govinfo.model.flat import CellValue, flatten
from govinfo.model.report import AnnualReport

__all__ = ["SUFFIX", "render_text", "text_width"]

#: The suffix that marks a cell in the terminal.
SUFFIX = {Highlight.INFERRED: "*", Highlight.VIOLATED: "!", Highlight.SUSPECT: "!!"}

_LEGEND = {
    Highlight.INFERRED: "inferred (not in the source; filled by the invariants)",
    Highlight.VIOLATED: "in a broken equation",
    Highlight.SUSPECT: "the cell most likely wrong",
}


def text_width(text: str) -> int:
    """How many terminal columns ``text`` takes (CJK wide and full-width characters count 2)."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int, *, right: bool) -> str:
    fill = " " * (width - text_width(text))
    return fill + text if right else text + fill


def _grid(rows: Sequence[Sequence[str]]) -> list[str]:
    widths = [max(text_width(row[i]) for row in rows) for i in range(len(rows[0]))]
    return [
        "  ".join(_pad(cell, widths[i], right=i > 0) for i, cell in enumerate(row)) for row in rows
    ]


def _suffix(marks: Mapping[str, str], address: str, room: int) -> str:
    return SUFFIX.get(marks.get(address, ""), "").ljust(room)


def render_text(
    report: AnnualReport, cells: Mapping[str, CellValue], marks: Mapping[str, str]
) -> str:
    """The report's heading and tables as text, each marked cell followed by its suffix."""
    heading = " ".join(str(p) for p in (report.organ, report.year) if p is not None)
    lines = [heading or "(organ and year not stated)", f"template: {report.template}"]
    if report.title:
        lines.insert(1, report.title)
    # Every value keeps room for the widest mark in use, so the digits stay aligned.
    room = max((len(SUFFIX[m]) for m in marks.values()), default=0)
    table = None
    for block in blocks(report.template, unprinted(report.template, flatten(report))):
        if block.table != table:
            table = block.table
            lines += ["", block.table_label]
        rows = [["", *block.column_labels]]
        for label, specs in block.rows:
            rows.append(
                [
                    label,
                    *(
                        format_value(cells[s.address]) + _suffix(marks, s.address, room)
                        for s in specs
                    ),
                ]
            )
        lines += ["", *_grid(rows)]
    legacy = {a: v for a, v in cells.items() if a.startswith("legacy.")}
    if legacy:
        rows = [[a, format_value(v) + _suffix(marks, a, room)] for a, v in legacy.items()]
        lines += ["", *_grid(rows)]
    used = set(marks.values())
    if used:
        lines.append("")
        lines += [f"{SUFFIX[m]:>2} {_LEGEND[m]}" for m in SUFFIX if m in used]
    return "\n".join(lines)
