"""Cell text and style for the workbook writer: Excel's escapes, its cell limit, row heights.

Strategy: a text is cut into pieces *first* and each piece escaped *after*, so an escape is
never cut in two and every piece is a cell Excel (and openpyxl, which truncates silently at
Excel's 32,767 characters) holds whole. Characters XML cannot carry, and ``\\r`` (which an
XML parser turns into ``\\n``), are written as Excel's ``_xHHHH_`` escape; a literal
``_xHHHH_`` in the text gets its underscore escaped, as Excel does, so it reads back as
written. Row heights are set from the wrapped text, because a spreadsheet application does not
grow a row for wrapped text it did not lay out itself: without them printed labels overprint
their neighbours.
"""

from __future__ import annotations

import math
import re
import unicodedata
from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import column_index_from_string
from openpyxl.worksheet.worksheet import Worksheet

__all__ = [
    "BOX",
    "CENTRE",
    "INVOLVED",
    "PIECE_CHARS",
    "RIGHT",
    "SUSPECT",
    "WRAP",
    "Styles",
    "escape",
    "fit_rows",
    "pieces",
]

#: Excel's limit on the characters of one cell.
EXCEL_CELL_CHARS = 32_767
#: Characters of text per cell of the metadata sheet: a piece of this size, escaped (7
#: characters at most per character), stays under Excel's limit, and a row of it still prints
#: on one page.
PIECE_CHARS = 1_500

_UNDERSCORE = re.compile(r"_(?=x[0-9A-Fa-f]{4}_)")
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\r\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

_THIN = Side(style="thin")
BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
WRAP = Alignment(wrap_text=True, vertical="center")
CENTRE = Alignment(wrap_text=True, vertical="center", horizontal="center")
RIGHT = Alignment(vertical="center", horizontal="right")
SUSPECT = PatternFill(fill_type="solid", start_color="FFFF9999", end_color="FFFF9999")
INVOLVED = PatternFill(fill_type="solid", start_color="FFFFF2CC", end_color="FFFFF2CC")

_DEFAULT_WIDTH = 8.43  # Excel's default column width, in characters of the default font
# A line of 11-point text: 15 points for Latin fonts, more for the CJK fonts that replace them.
_POINTS_PER_LINE = 16.5
_MAX_ROW_POINTS = 409.0  # Excel's tallest row
_ROW_LINES = int(_MAX_ROW_POINTS // _POINTS_PER_LINE) - 1  # lines a piece may wrap to


def escape(text: str) -> str:
    """``text`` as an Excel cell stores it: ``_xHHHH_`` for what XML cannot carry."""
    text = _UNDERSCORE.sub("_x005F_", text)
    return _ILLEGAL.sub(lambda m: f"_x{ord(m.group(0)):04X}_", text)


def pieces(text: str, width: float, size: int = PIECE_CHARS) -> list[str]:
    """``text`` cut into cells of a column ``width`` wide, joined back by ``"".join``.

    A piece has at most ``size`` characters and, wrapped at ``width``, at most as many lines
    as Excel's tallest row shows; it ends after a line break where one falls in its second
    half, so that a reader of the workbook sees whole paragraphs where it can. An empty text
    is one empty piece.
    """
    usable = _usable(width)
    result: list[str] = []
    start = 0
    while start < len(text):
        end = _fit(text, start, usable, size)
        if end < len(text):
            cut = text.rfind("\n", start + (end - start) // 2, end)
            end = cut + 1 if cut >= 0 else end
        result.append(text[start:end])
        start = end
    return result or [""]


def _fit(text: str, start: int, usable: float, size: int) -> int:
    # The end of the longest piece from ``start`` that fits: ``size`` characters, and the
    # lines Excel's tallest row shows once wrapped at ``usable`` widths.
    lines, column = 1, 0
    limit = min(len(text), start + size)
    for index in range(start, limit):
        char = text[index]
        if char == "\n":
            lines, column = lines + 1, 0
        else:
            wide = 2 if unicodedata.east_asian_width(char) in "WF" else 1
            if column + wide > usable:
                lines, column = lines + 1, 0
            column += wide
        if lines > _ROW_LINES:
            return max(index, start + 1)
    return limit


class Styles:
    """Style prototypes built once per workbook; cells copy them (much faster than
    assigning Font/Border objects cell by cell, which openpyxl hashes each time)."""

    def __init__(self, book: Workbook) -> None:
        scratch = book.create_sheet("scratch")
        self._cell = scratch.cell(row=1, column=1)
        self._cache: dict[tuple[Any, ...], Any] = {}
        self._book = book
        self._scratch = scratch

    def get(
        self,
        *,
        border: bool = True,
        align: Alignment | None = None,
        bold: bool = False,
        size: float | None = None,
        grey: bool = False,
        number_format: str = "General",
    ) -> Any:
        key = (border, id(align), bold, size, grey, number_format)
        found = self._cache.get(key)
        if found is None:
            cell = self._cell
            cell.style = "Normal"
            if border:
                cell.border = BOX
            if align is not None:
                cell.alignment = align
            if bold or size or grey:
                cell.font = Font(bold=bold, size=size, color="FF808080" if grey else None)
            cell.number_format = number_format
            found = self._cache[key] = copy(cell._style)
        return found

    def done(self) -> None:
        self._book.remove(self._scratch)


def _display_width(line: str) -> int:
    # A CJK character takes about two widths of a Latin digit, the unit of column widths.
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in line)


def _usable(width: float) -> float:
    return max(width * 0.92 - 1.0, 1.0)  # cell padding, and wider glyphs than estimated


def _lines(text: str, width: float) -> int:
    usable = _usable(width)
    return sum(max(1, math.ceil(_display_width(line) / usable)) for line in text.split("\n"))


def fit_rows(ws: Worksheet) -> None:
    """Set each row's height to show its wrapped text whole (up to Excel's tallest row)."""
    widths: dict[int, float] = {}
    for letter, dimension in ws.column_dimensions.items():
        if dimension.width:
            widths[column_index_from_string(letter)] = float(dimension.width)
    spans: dict[tuple[int, int], tuple[int, int, int]] = {}
    for merged in ws.merged_cells.ranges:
        spans[(merged.min_row, merged.min_col)] = (
            merged.max_col,
            merged.max_row - merged.min_row + 1,
            0,
        )
    # The style arrays of the book, read once: through cell.alignment and cell.font openpyxl
    # builds a proxy object per cell, which cost more than the rest of this function.
    book = ws.parent
    wrapping = {index for index, align in enumerate(book._alignments) if align.wrap_text}
    sizes = [float(font.sz or 11) for font in book._fonts]
    needed: dict[int, float] = {}
    for cell in ws._cells.values():
        value = cell.value
        if not isinstance(value, str) or not value or cell._style.alignmentId not in wrapping:
            continue
        last_col, rows, _ = spans.get((cell.row, cell.column), (cell.column, 1, 0))
        width = sum(widths.get(c, _DEFAULT_WIDTH) for c in range(cell.column, last_col + 1))
        scale = sizes[cell._style.fontId] / 11
        points = _lines(value, width / scale) * _POINTS_PER_LINE * scale / rows
        if points > needed.get(cell.row, _POINTS_PER_LINE):
            needed[cell.row] = points
    for row_no, points in needed.items():
        current = ws.row_dimensions[row_no].height
        if current is None or current < points:
            ws.row_dimensions[row_no].height = min(math.ceil(points), _MAX_ROW_POINTS)
