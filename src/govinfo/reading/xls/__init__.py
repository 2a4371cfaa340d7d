"""The XLS front end (Excel 97–2003): a legacy workbook's sheets as the neutral document.

Strategy: xlrd (the optional ``govinfo[xls]`` extra; it reads ``.xls`` only and is small)
parses the BIFF records; each sheet becomes the same :class:`Grid` the XLSX front end builds
(values as text, the cell's format index for borders, merged ranges), and from there the XLSX
front end's helpers make the document and interpret it, so both workbook formats read alike:
tables with ``geometry=True``, merged cells expanded with ``merged_from``, ``Sheet!A1``
locations. An ``.xls`` keeps each formula's last computed value, which is what is read.
"""

from __future__ import annotations

import importlib
import io
import os
from typing import Any, BinaryIO

from govinfo._safe import load_source, sniff
from govinfo.diagnostics import Diagnostic
from govinfo.errors import ReadError, UnsupportedFormatError
from govinfo.locations import Location
from govinfo.reading.document import Document
from govinfo.reading.result import ReadResult
from govinfo.reading.xlsx import grids_document, workbook_result
from govinfo.reading.xlsx._own import OwnValues
from govinfo.reading.xlsx._sheet import Grid, RawCell, render_number

__all__ = ["INSTALL", "read_xls", "read_xls_document"]

#: A legacy workbook: bytes, a path (``str`` or ``os.PathLike``), or a binary file.
XlsSource = str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO

#: What to do when xlrd is missing.
INSTALL = 'reading .xls needs xlrd: pip install "govinfo[xls]" (or save the file as .xlsx)'

# xlrd's cell types (xlrd.XL_CELL_*): empty, text, number, date, boolean, error, blank.
_EMPTY, _TEXT, _NUMBER, _DATE, _BOOLEAN, _ERROR, _BLANK = range(7)


def _xlrd(where: Location) -> Any:
    # Imported by name on use: xlrd is an optional extra and ships no type information.
    try:
        return importlib.import_module("xlrd")
    except ImportError as exc:
        raise UnsupportedFormatError(INSTALL, location=where) from exc


def _bordered(book: Any) -> frozenset[int]:
    """The format (XF) indexes that draw a line on some side of a cell."""
    found = set()
    for index, xf in enumerate(book.xf_list):
        b = xf.border
        if b.top_line_style or b.bottom_line_style or b.left_line_style or b.right_line_style:
            found.add(index)
    return frozenset(found)


def _raw(kind: int, value: object, style: int, error_text: dict[int, str]) -> RawCell | None:
    """A cell with a value as the XLSX front end stores it; ``None`` for other types."""
    if kind == _TEXT:
        return RawCell("s", str(value), None, None, style)
    if kind in (_NUMBER, _DATE):
        # repr() gives the shortest text that round-trips the double; render_number drops
        # ".0" and float noise past 15 digits, as the XLSX front end does with stored text.
        return RawCell("n", render_number(repr(float(value))), None, None, style)  # type: ignore[arg-type]
    if kind == _BOOLEAN:
        return RawCell("b", "1" if value else "0", None, None, style)
    if kind == _ERROR:
        return RawCell("e", error_text.get(value, "#N/A"), None, None, style)  # type: ignore[call-overload]
    return None


def _grid(sheet: Any, bordered: frozenset[int], error_text: dict[int, str]) -> Grid:
    grid = Grid(sheet.name)
    cells = grid.cells
    style_of = sheet.cell_xf_index
    for r in range(sheet.nrows):
        values = sheet.row_values(r)
        for c, kind in enumerate(sheet.row_types(r)):
            if kind == _EMPTY:
                continue
            style = style_of(r, c)
            if kind == _BLANK:
                # a formatted empty cell matters only when it draws a border
                if style in bordered:
                    cells[(r + 1, c + 1)] = RawCell("", None, None, None, style)
                continue
            cell = _raw(kind, values[c], style, error_text)
            if cell is not None:
                cells[(r + 1, c + 1)] = cell
    # xlrd: (first row, row after the last, first column, column after the last), 0-based
    grid.merges = [(r1 + 1, c1 + 1, r2, c2) for r1, r2, c1, c2 in sheet.merged_cells]
    return grid


def _load(source: XlsSource, name: str | None) -> tuple[Document, OwnValues | None]:
    data, display = load_source(source, name=name)
    where = Location(source=display)
    xlrd = _xlrd(where)
    try:
        book = xlrd.open_workbook(
            file_contents=data, formatting_info=True, logfile=io.StringIO(), on_demand=False
        )
    except xlrd.XLRDError as exc:
        hint = ""
        if sniff(data) in ("xml", "text"):
            # Sites often serve a web page or text export under an .xls name.
            hint = "; it looks like a web page or text saved under an .xls name: give it its "
            hint += "own suffix (.html, .txt) or read it with the reader of that format"
        raise UnsupportedFormatError(
            f"not an Excel 97–2003 workbook (.xls): {exc}{hint}", location=where
        ) from exc
    except Exception as exc:  # xlrd fails on corrupt records with many builtin errors
        raise ReadError(
            f"the .xls workbook is corrupt: {type(exc).__name__}: {exc}", location=where
        ) from exc
    bordered = _bordered(book)
    error_text: dict[int, str] = dict(xlrd.error_text_from_code)
    grids = {s.name: _grid(s, bordered, error_text) for s in book.sheets()}
    notes: list[Diagnostic] = []
    return grids_document(grids, source=display, bordered=bordered, notes=notes)


def read_xls_document(source: XlsSource, *, name: str | None = None) -> Document:
    """Read a legacy workbook into the neutral document, without interpreting it.

    Args:
        source: the workbook as bytes, a path, or a binary file.
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Raises:
        UnsupportedFormatError: xlrd is not installed (``pip install "govinfo[xls]"``), or
            the data is not an ``.xls`` workbook.
        ReadError: the file cannot be read or the workbook is corrupt.
        UnsafeInputError: the source is larger than the size limit.
    """
    return _load(source, name)[0]


def read_xls(source: XlsSource, *, name: str | None = None) -> ReadResult:
    """Read an annual report from an Excel 97–2003 workbook (``.xls``; the ``xls`` extra).

    Tables are found by their labels as in :func:`govinfo.read_xlsx`, and read by their cell
    geometry; merged cells are expanded; formulas give the value Excel saved with them.

    Args:
        source: the workbook as bytes, a path (``str`` or ``os.PathLike``), or a binary file.
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Returns:
        The report with the reading's diagnostics, the inferred cells and the location
        (``Sheet!A1``) of every value read.

    Raises:
        UnsupportedFormatError: xlrd is not installed (``pip install "govinfo[xls]"``), or
            the data is not an ``.xls`` workbook.
        NotAReportError: the workbook holds no report.
        ReadError: the file cannot be read or the workbook is corrupt.
        UnsafeInputError: the source is larger than the size limit.

    Example:
        >>> result = read_xls("report.xls")  # doctest: +SKIP
        >>> result.report.applications.new_received.total  # doctest: +SKIP
        8
    """
    return workbook_result(*_load(source, name))
