"""Workbooks changed the way users change them still read back to the report written."""

from __future__ import annotations

import io

import openpyxl
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl.formula.translate import Translator
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.worksheet import Worksheet

from govinfo.model.report import AnnualReport
from govinfo.reading.xlsx import read_xlsx
from govinfo.strategies import consistent_reports, reports
from govinfo.writing.xlsx import xlsx_bytes

_SOME = settings(max_examples=12)
_ASCII = str.maketrans("", "")
_FULL_WIDTH = str.maketrans("0123456789-", "０１２３４５６７８９－")


def _shift_merges(ws: Worksheet, *, rows: int = 0, cols: int = 0, at: int = 1) -> None:
    """Insert rows or columns as a user would; openpyxl moves neither the merged ranges nor
    the references in formulas, so both are moved here (every formula and every cell it
    refers to lies after the insertion point)."""
    ranges = [CellRange(str(r)) for r in ws.merged_cells.ranges]
    for cell_range in ranges:
        ws.unmerge_cells(cell_range.coord)
    if rows:
        ws.insert_rows(at, rows)
    if cols:
        ws.insert_cols(at, cols)
    for row in ws.iter_rows():
        for cell in row:
            if cell.data_type == "f" and isinstance(cell.value, str):
                cell.value = Translator(cell.value, origin="A1").translate_formula(
                    row_delta=rows, col_delta=cols
                )
    for cell_range in ranges:
        moved = CellRange(cell_range.coord)
        if rows and cell_range.min_row >= at:
            moved.shift(row_shift=rows)
        if cols and cell_range.min_col >= at:
            moved.shift(col_shift=cols)
        ws.merge_cells(moved.coord)


def _copy(source: Worksheet, target: Worksheet, *, first_row: int, to_row: int) -> None:
    """Copy ``source`` rows from ``first_row`` on to ``target`` starting at ``to_row``."""
    offset = to_row - first_row
    for row in source.iter_rows(min_row=first_row):
        for cell in row:
            if cell.value is None and not cell.has_style:
                continue
            if type(cell).__name__ == "MergedCell":
                continue
            new = target.cell(row=cell.row + offset, column=cell.column)
            value = cell.value
            if cell.data_type == "f" and isinstance(value, str):
                value = Translator(value, origin=cell.coordinate).translate_formula(new.coordinate)
            new.value = value
            if cell.data_type == "s":
                new.data_type = "s"
            new._style = cell._style
    for cell_range in source.merged_cells.ranges:
        if cell_range.min_row >= first_row:
            moved = CellRange(cell_range.coord)
            moved.shift(row_shift=offset)
            target.merge_cells(moved.coord)


@st.composite
def perturbed(draw: st.DrawFn, report: AnnualReport) -> bytes:
    """The report's workbook after a user's edits: rows and columns inserted before the
    tables, tables moved to other sheets, numbers stored as text, totals as formulas."""
    formulas = draw(st.booleans())
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(report, formulas=formulas)))
    tables = book.worksheets[1:]
    for ws in tables:
        blank_rows = draw(st.integers(min_value=0, max_value=3))
        if blank_rows:
            # above the heading, or between the heading and the table
            _shift_merges(ws, rows=blank_rows, at=draw(st.sampled_from([1, 2])))
        blank_cols = draw(st.integers(min_value=0, max_value=2))
        if blank_cols:
            _shift_merges(ws, cols=blank_cols, at=1)
    if not formulas and draw(st.booleans()):
        digits = draw(st.sampled_from([_ASCII, _FULL_WIDTH]))
        for ws in tables:
            for row in ws.iter_rows():
                for cell in row:
                    if type(cell.value) is int:
                        cell.value = str(cell.value).translate(digits)
                        cell.data_type = "s"
    move = draw(st.sampled_from(["none", "one sheet", "split"]))
    if move == "one sheet":
        joined = book.create_sheet("报告表格", index=1)
        at = draw(st.integers(min_value=1, max_value=3))
        for ws in tables:
            _copy(ws, joined, first_row=1, to_row=at)
            at += ws.max_row + draw(st.integers(min_value=1, max_value=2))
            book.remove(ws)
    elif move == "split":
        index = draw(st.integers(min_value=0, max_value=len(tables) - 1))
        ws = tables[index]
        part = book.create_sheet(f"Sheet{index}", index=book.index(ws) + 1)
        start = next(r for r in range(2, ws.max_row + 1) if any(c.value is not None for c in ws[r]))
        _copy(ws, part, first_row=start, to_row=draw(st.integers(min_value=1, max_value=3)))
        for cell_range in [CellRange(str(r)) for r in ws.merged_cells.ranges]:
            if cell_range.min_row >= start:
                ws.unmerge_cells(cell_range.coord)
        ws.delete_rows(start, ws.max_row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@_SOME
@given(st.data(), reports(template="gb_2021") | reports(template="gb_2019"))
def test_perturbed_workbook_reads_back(data: st.DataObject, report: AnnualReport) -> None:
    """Any report, its workbook edited as users do, reads back to the same report."""
    assert read_xlsx(data.draw(perturbed(report))).report == report


@_SOME
@given(st.data(), consistent_reports())
def test_perturbed_consistent_workbook_reads_back(
    data: st.DataObject, report: AnnualReport
) -> None:
    """A consistent report (totals as formulas when drawn) survives the same edits."""
    assert read_xlsx(data.draw(perturbed(report))).report == report
