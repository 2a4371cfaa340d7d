"""The XLSX front end: a workbook's sheets as the neutral document, read by the interpreter.

Strategy: read the SpreadsheetML parts directly with lxml (workbook and sheet names, shared
and inline strings, cell types, cached formula values, merged ranges), turn each sheet into
paragraphs and tables (:mod:`._blocks`), and hand the document to the shared interpreter,
which knows the labels. Formulas without a saved value are computed when they are sums or
additions (:mod:`._formula`). A workbook written by :func:`govinfo.write_xlsx` also carries a
key column (:mod:`._own`) from which metadata, narrative and pre-2019 statistics come back
exactly; in such a workbook an empty table cell means "not stated", as the writer wrote it.
"""

from __future__ import annotations

import os
import pathlib
from typing import BinaryIO

import attrs

from govinfo._safe import MAX_CELLS, load_source
from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.reading.document import Block, Document
from govinfo.reading.interpret import interpret
from govinfo.reading.result import ReadResult
from govinfo.reading.xlsx._blocks import cell_text_function, sheet_blocks
from govinfo.reading.xlsx._formula import Evaluator
from govinfo.reading.xlsx._own import OwnValues, find_own
from govinfo.reading.xlsx._sheet import Grid, parse_sheet
from govinfo.reading.xlsx._workbook import open_package

__all__ = ["grids_document", "read_xlsx", "read_xlsx_document", "workbook_result"]

#: A workbook: bytes, a path (``str`` or ``os.PathLike``), or a binary file.
XlsxSource = str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO


def _load(source: XlsxSource, name: str | None) -> tuple[Document, OwnValues | None]:
    # A workbook is never text, so a str can only be a path.
    data, display = load_source(
        pathlib.Path(source) if isinstance(source, str) else source, name=name
    )
    package = open_package(data, source=display)
    notes: list[Diagnostic] = []
    if package.macros:
        notes.append(diagnostic("workbook-macros-ignored"))
    grids: dict[str, Grid] = {}
    left = MAX_CELLS  # all sheets together: a workbook of many large sheets is refused early
    for ref in package.sheets:
        grid = grids[ref.name] = parse_sheet(package, ref.name, ref.part, left)
        left -= len(grid.cells)
    return grids_document(grids, source=display, bordered=package.bordered, notes=notes)


def grids_document(
    grids: dict[str, Grid], *, source: str, bordered: frozenset[int], notes: list[Diagnostic]
) -> tuple[Document, OwnValues | None]:
    """A workbook's sheets (as grids, in workbook order) as the neutral document.

    Shared by the workbook front ends (XLSX here, XLS on xlrd): also returns the key column
    of a workbook :func:`govinfo.write_xlsx` wrote, whose sheets are read through the keys.
    """
    own = find_own(grids)
    text = cell_text_function(Evaluator(grids), source, notes)
    blocks: list[Block] = []
    for grid in grids.values():
        if own is not None and grid.name in own.sheets:
            continue  # read exactly through the keys, not as prose
        blocks.extend(sheet_blocks(grid, source=source, bordered=bordered, text=text))
    return Document(blocks=tuple(blocks), source=source, notes=tuple(notes)), own


def read_xlsx_document(source: XlsxSource, *, name: str | None = None) -> Document:
    """Read a workbook into the neutral document, without interpreting it.

    Useful to see what the interpreter is given: each sheet in workbook order, as paragraphs
    (rows with one cell) and tables (rows with several cells or with borders), merged cells
    expanded, formulas replaced by their saved or computed values.

    Args:
        source: the workbook as bytes, a path, or a binary file.
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Raises:
        UnsupportedFormatError: not a workbook (``.xls``, encrypted, ``.docx``, other data).
        UnsafeInputError: the file breaks a size or zip-ratio limit, or an XML part has a DTD.
        ReadError: the file cannot be read or a part is corrupt.
    """
    return _load(source, name)[0]


def read_xlsx(source: XlsxSource, *, name: str | None = None) -> ReadResult:
    """Read an annual report from an Excel workbook (``.xlsx``; ``.xlsm`` values only).

    The tables are found by their labels wherever they are: on one sheet or several, below a
    title block or blank rows, after a blank first column, with headers on one to three rows
    and merged cells. Cells are read as typed (numbers stored as text, full-width digits,
    ``/``, ``—``, blanks); formulas give their saved value, or, when there is none, their
    computed value if they are sums or additions; otherwise the cell is unknown and a
    ``formula-not-evaluated`` diagnostic says so. Macros are never run.

    A workbook written by :func:`govinfo.write_xlsx` reads back to the same report.

    Args:
        source: the workbook as bytes, a path, or a binary file.
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Returns:
        The report with the diagnostics of the reading, the inferred cells and the location
        (sheet and cell) of every value read.

    Raises:
        UnsupportedFormatError: not a workbook: a legacy ``.xls``, a password-protected file,
            a Word document, another zip archive, or other data.
        UnsafeInputError: the file breaks a size or zip-ratio limit, or an XML part has a DTD.
        NotAReportError: the workbook holds no report.
        ReadError: the file cannot be read or a part is corrupt.

    Example:
        >>> result = read_xlsx("report.xlsx")  # doctest: +SKIP
        >>> result.report.applications.new_received.total  # doctest: +SKIP
        8
    """
    return workbook_result(*_load(source, name))


def workbook_result(document: Document, own: OwnValues | None) -> ReadResult:
    """Interpret a workbook's document; a govinfo workbook's key column is applied exactly."""
    if own is not None and not own.template.has_tables:
        return ReadResult(report=own.report(), diagnostics=document.notes, source=document.source)
    # In govinfo's own workbooks an empty cell means "not stated": nothing is inferred.
    result = interpret(document, infer=own is None)
    if own is None:
        return result
    return _own_result(result, own)


def _own_result(result: ReadResult, own: OwnValues) -> ReadResult:
    """Apply a govinfo workbook's key column: exact metadata, narrative and template."""
    report = result.report
    notes = list(result.diagnostics)
    if report.template is not own.template:
        notes.append(diagnostic("template-disagrees", stated=own.template, read=report.template))
    report = own.apply(report)
    if "organ" in own.fields and "year" in own.fields:
        # the title lines were not given to the interpreter; the key column states these
        notes = [n for n in notes if n.code != "metadata-missing"]
    return attrs.evolve(result, report=report, diagnostics=tuple(notes))
