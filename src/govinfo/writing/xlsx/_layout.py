"""The workbook's layout: one sheet per table section, laid out as the template prints it.

See :mod:`govinfo.writing.xlsx` for what the sheets hold; this module places every text, value,
merge and print setting. Cells are made through :mod:`._cells` (escapes, pieces, row heights).
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from copy import copy
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs
from openpyxl import Workbook
from openpyxl.comments import Comment
from openpyxl.styles import Alignment
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.merge import MergedCellRange
from openpyxl.worksheet.worksheet import Worksheet

from govinfo.model.catalogue import LEGACY_PREFIX, CellSpec, cell_specs, unprinted
from govinfo.model.flat import CellValue, flatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.rules.catalogue import RULES, RuleKind
from govinfo.schema._workbook import METADATA_KEYS, NARRATIVE_PREFIX, continued_key
from govinfo.templates import LABEL, TableSpec
from govinfo.writing.xlsx._cells import (
    CENTRE,
    INVOLVED,
    RIGHT,
    SUSPECT,
    WRAP,
    Styles,
    escape,
    fit_rows,
    pieces,
)

if TYPE_CHECKING:
    from govinfo.rules.result import CheckResult, Violation

__all__ = ["Writer"]

# Texts the template prints that label no value of the model (see the module docstring).
_METADATA_SHEET = "年度报告"
_LEGACY_SHEET = "统计"
_FIXED_TIME = datetime.datetime(2000, 1, 1)  # OOXML core times are naive UTC
_MAX_DIGITS = 15
_VALUE_WIDTH = 80  # the metadata sheet's value column, in widths of a digit
_RISKY_START = ("=", "+", "-", "@", "\t", "\r", "\n")
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


class Writer:
    """Builds the workbook of one report, sheet by sheet."""

    def __init__(self, report: AnnualReport, formulas: bool) -> None:
        self.report = report
        self.formulas = formulas
        self.book = Workbook()
        self.styles = Styles(self.book)
        self.positions: dict[str, tuple[Worksheet, int, int]] = {}
        self.values: dict[str, CellValue] = flatten(report)
        self.used_titles: set[str] = set()

    # -- cells --------------------------------------------------------------------------

    def text(self, ws: Worksheet, row: int, col: int, text: str | None, style: Any) -> None:
        cell = ws.cell(row=row, column=col)
        if text is not None:
            cell.value = escape(text)
            cell.data_type = "s"  # never a formula, whatever the text starts with
            if text.startswith(_RISKY_START):
                style = self._quoted(style)
        cell._style = copy(style)

    def _quoted(self, style: Any) -> Any:
        quoted = copy(style)
        quoted.quotePrefix = 1
        return quoted

    def value(
        self,
        ws: Worksheet,
        row: int,
        col: int,
        value: CellValue,
        *,
        address: str,
    ) -> None:
        cell = ws.cell(row=row, column=col)
        number_format = "0"
        if isinstance(value, Decimal):
            places = max(0, -int(value.as_tuple().exponent))
            number_format = "0." + "0" * places if places else "0"
        style = self.styles.get(align=RIGHT, number_format=number_format)
        if value is not None:
            digits = (
                len(value.as_tuple().digits) if isinstance(value, Decimal) else len(str(abs(value)))
            )
            if digits > _MAX_DIGITS:
                # a double cannot hold it exactly: text keeps every digit
                cell.value = format(value, "f") if isinstance(value, Decimal) else str(value)
                cell.data_type = "s"
            else:
                cell.value = value
        cell._style = copy(style)
        self.positions[address] = (ws, row, col)

    def merge(self, ws: Worksheet, r1: int, c1: int, r2: int, c2: int) -> None:
        if (r1, c1) != (r2, c2):
            # ws.merge_cells would re-style the range's edges cell by cell, hashing Border
            # objects each time (3/4 of the writing time); the range is recorded directly and
            # the covered cells get the box style, the same for every cell of a table.
            ref = f"{get_column_letter(c1)}{r1}:{get_column_letter(c2)}{r2}"
            ws.merged_cells.add(MergedCellRange(ws, ref))
            style = self.styles.get(border=True)
            for r in range(r1, r2 + 1):
                for c in range(c1, c2 + 1):
                    if (r, c) != (r1, c1):
                        ws.cell(row=r, column=c)._style = copy(style)

    def sheet(self, title: str) -> Worksheet:
        clean = _SHEET_FORBIDDEN.sub("", title).strip("'") or "Sheet"
        clean = clean[:31]
        base, n = clean, 1
        while clean in self.used_titles:
            n += 1
            suffix = f" ({n})"
            clean = base[: 31 - len(suffix)] + suffix
        self.used_titles.add(clean)
        return self.book.create_sheet(clean)

    # -- sheets -------------------------------------------------------------------------

    def metadata(self) -> None:
        ws = self.sheet(_METADATA_SHEET)
        report = self.report
        label_style = self.styles.get(align=Alignment(wrap_text=True, vertical="top"), bold=True)
        value_style = self.styles.get(align=Alignment(wrap_text=True, vertical="top"))
        key_style = self.styles.get(align=Alignment(vertical="top"), grey=True, size=8)
        year_style = self.styles.get(align=Alignment(vertical="top", horizontal="left"))
        labels = {f.name: f.metadata.get(LABEL) for f in attrs.fields(AnnualReport)}
        narrative_labels = {f.name: f.metadata[LABEL] for f in attrs.fields(Narrative)}
        row = 0
        for key in METADATA_KEYS:
            if key.startswith(NARRATIVE_PREFIX):
                name = key[len(NARRATIVE_PREFIX) :]
                label = narrative_labels[name]
                value: object = getattr(report.narrative, name)
            else:
                label = labels.get(key) or key
                value = getattr(report, key)
            row += 1
            if key == "year":
                self.text(ws, row, 1, label, label_style)
                cell = ws.cell(row=row, column=2, value=value)
                cell._style = copy(year_style)
                self.text(ws, row, 3, key, key_style)
                continue
            # A long text continues on rows keyed <key>#2, <key>#3…: one cell holds 32,767
            # characters at most, and a row prints on one page only when it is short.
            parts = pieces(str(value), _VALUE_WIDTH) if value is not None else [None]
            for number, part in enumerate(parts, start=1):
                if number > 1:
                    row += 1
                shown = label if number == 1 else f"{label}（续{number}）"
                self.text(ws, row, 1, shown, label_style)
                self.text(ws, row, 2, part, value_style)
                self.text(ws, row, 3, continued_key(key, number), key_style)
        ws.column_dimensions["A"].width = 18
        ws.column_dimensions["B"].width = _VALUE_WIDTH
        ws.column_dimensions["C"].width = 24
        # The key column is for govinfo's reader; the printed page is label and value.
        ws.print_area = f"A1:B{row}"
        self._page(ws, landscape=False)

    def legacy(self) -> None:
        ws = self.sheet(_LEGACY_SHEET)
        label_style = self.styles.get(align=WRAP)
        key_style = self.styles.get(align=Alignment(vertical="center"), grey=True, size=8)
        for row, (key, value) in enumerate(self.report.legacy.items(), start=1):
            address = LEGACY_PREFIX + key
            self.text(ws, row, 1, key, label_style)
            self.value(ws, row, 2, value, address=address)
            self.text(ws, row, 3, address, key_style)
        ws.column_dimensions["A"].width = 40
        ws.column_dimensions["B"].width = 16
        ws.column_dimensions["C"].width = 40
        self._page(ws, landscape=False)

    def heading(self, ws: Worksheet, text: str) -> None:
        self.text(ws, 1, 1, text, self.styles.get(border=False, bold=True, size=14))
        ws.row_dimensions[1].height = 24

    def proactive(self, table: TableSpec, specs: Sequence[CellSpec]) -> None:
        ws = self.sheet(specs[0].table_label)
        self.heading(ws, specs[0].table_label)
        rows = _group_rows(specs)
        width = max(len(cols) for _, cols in rows)
        header = self.styles.get(align=CENTRE, bold=True)
        label = self.styles.get(align=WRAP)
        r = 2
        previous: tuple[str, ...] = ()
        for row_key, cols in rows:
            columns = tuple(spec.column for spec in cols)
            caption = table.row(row_key).caption
            if caption is not None or columns != previous:
                if caption is not None:
                    self.text(ws, r, 1, caption, header)
                    self.merge(ws, r, 1, r, width + 1)
                    r += 1
                self.text(ws, r, 1, table.row_header or "", header)
                for col, span, spec in _spread(cols, width):
                    self.text(ws, r, col, spec.column_label, header)
                    self.merge(ws, r, col, r, col + span - 1)
                r += 1
                previous = columns
            self.text(ws, r, 1, cols[0].row_label, label)
            for col, span, spec in _spread(cols, width):
                self.value(ws, r, col, self.values[spec.address], address=spec.address)
                self.merge(ws, r, col, r, col + span - 1)
            r += 1
        ws.column_dimensions["A"].width = 24
        for col in range(2, width + 2):
            ws.column_dimensions[get_column_letter(col)].width = 22
        ws.freeze_panes = "B2"
        self._page(ws, landscape=False)

    def applications(self, table: TableSpec, specs: Sequence[CellSpec]) -> None:
        ws = self.sheet(specs[0].table_label)
        self.heading(ws, specs[0].table_label)
        rows = _group_rows(specs)
        columns = rows[0][1]
        header = self.styles.get(align=CENTRE, bold=True)
        label = self.styles.get(align=WRAP)
        first = 4  # first value column: after the three label columns
        last = first + len(columns) - 1
        self.text(ws, 2, 1, table.note or "", header)
        self.merge(ws, 2, 1, 4, 3)
        applicants, organisations = table.column_groups
        self.text(ws, 2, first, applicants.label, header)
        self.merge(ws, 2, first, 2, last)
        self.text(ws, 3, first, columns[0].column_label, header)
        self.merge(ws, 3, first, 4, first)
        self.text(ws, 3, first + 1, organisations.label, header)
        self.merge(ws, 3, first + 1, 3, last - 1)
        for offset, spec in enumerate(columns[1:-1], start=1):
            self.text(ws, 4, first + offset, spec.column_label, header)
        self.text(ws, 3, last, columns[-1].column_label, header)
        self.merge(ws, 3, last, 4, last)
        top = 5
        # The first two rows and the last stand alone; those between are the outcomes.
        block = rows[2:-1]
        groups = _outcome_groups(table, [row for row, _ in block])
        lone = {start for start, _, group in groups if group is None}
        for index, (_, cols) in enumerate(rows):
            r = top + index
            if index < 2 or index == len(rows) - 1:
                self.text(ws, r, 1, cols[0].row_label, label)
                self.merge(ws, r, 1, r, 3)
            elif index - 2 in lone:  # a row of its own: its label spans both columns
                self.text(ws, r, 2, cols[0].row_label, label)
                self.merge(ws, r, 2, r, 3)
            else:
                self.text(ws, r, 3, cols[0].row_label, label)
            for offset, spec in enumerate(cols):
                self.value(ws, r, first + offset, self.values[spec.address], address=spec.address)
        block_top = top + 2
        self.text(ws, block_top, 1, table.row_groups[0].label, header)
        self.merge(ws, block_top, 1, block_top + len(block) - 1, 1)
        for start, size, group_label in groups:
            if group_label is not None:
                self.text(ws, block_top + start, 2, group_label, header)
                self.merge(ws, block_top + start, 2, block_top + start + size - 1, 2)
        ws.column_dimensions["A"].width = 8
        ws.column_dimensions["B"].width = 14
        ws.column_dimensions["C"].width = 44
        for col in range(first, last + 1):
            ws.column_dimensions[get_column_letter(col)].width = 11
        ws.freeze_panes = ws.cell(row=top, column=first).coordinate
        ws.print_title_rows = "2:4"
        self._page(ws, landscape=True)

    def review(self, table: TableSpec, specs: Sequence[CellSpec]) -> None:
        ws = self.sheet(specs[0].table_label)
        self.heading(ws, specs[0].table_label)
        header = self.styles.get(align=CENTRE, bold=True)
        rows = _group_rows(specs)
        col = 1
        spans: dict[str, tuple[int, int]] = {}
        for row_key, cols in rows:
            top_label, _, sub_label = cols[0].row_label.partition("/")
            end = col + len(cols) - 1
            if sub_label:
                spans.setdefault(top_label, (col, end))
                spans[top_label] = (spans[top_label][0], end)
                self.text(ws, 3, col, sub_label, header)
                self.merge(ws, 3, col, 3, end)
                label_row = 4
            else:
                spans[top_label] = (col, end)
                label_row = 3
            for offset, spec in enumerate(cols):
                self.text(ws, label_row, col + offset, spec.column_label, header)
                if label_row == 3:
                    self.merge(ws, 3, col + offset, 4, col + offset)
                self.value(ws, 5, col + offset, self.values[spec.address], address=spec.address)
            col = end + 1
            del row_key
        for top_label, (start, end) in spans.items():
            self.text(ws, 2, start, top_label, header)
            self.merge(ws, 2, start, 2, end)
        for c in range(1, col):
            ws.column_dimensions[get_column_letter(c)].width = 10
        ws.freeze_panes = "A5"
        ws.print_title_rows = "2:4"
        self._page(ws, landscape=True)

    def _page(self, ws: Worksheet, *, landscape: bool) -> None:
        ws.page_setup.orientation = "landscape" if landscape else "portrait"
        ws.page_setup.paperSize = ws.PAPERSIZE_A4
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        fit_rows(ws)

    # -- formulas and highlights --------------------------------------------------------

    def add_formulas(self) -> None:
        done: set[str] = set()
        for rule in RULES:
            if rule.kind is not RuleKind.SUM or rule.cross_report or len(rule.lhs) != 1:
                continue
            for equation in rule.equations(self.report.template):
                (target,) = equation.lhs
                if target in done or target not in self.positions:
                    continue
                parts = equation.rhs
                values = [self.values.get(a) for a in (target, *parts)]
                numbers = [v for v in values if v is not None]
                if len(numbers) != len(values) or any(a not in self.positions for a in parts):
                    continue
                if not parts or sum(numbers[1:]) != numbers[0]:
                    continue  # a total that disagrees is written as stated
                ws, row, col = self.positions[target]
                formula = _sum_formula(ws, [self.positions[a] for a in parts])
                if formula is None:
                    continue
                ws.cell(row=row, column=col).value = formula
                done.add(target)

    def highlight(self, result: Iterable[Violation]) -> None:
        notes: dict[str, list[str]] = {}
        suspects: set[str] = set()
        involved: set[str] = set()
        for violation in result:
            cells = [a for a in violation.cells if a in self.positions]
            involved.update(cells)
            target = violation.suspect if violation.suspect in self.positions else None
            if target is not None:
                suspects.add(target)
            anchor = target or (cells[0] if cells else None)
            if anchor is None:
                continue
            notes.setdefault(anchor, []).append(
                f"{violation.name}: expected {violation.expected}, found {violation.actual}"
                + (f" ({_message(violation)})" if _message(violation) else "")
                + (_suggested(violation) if anchor == target else "")
            )
        for address in involved | suspects:
            ws, row, col = self.positions[address]
            ws.cell(row=row, column=col).fill = SUSPECT if address in suspects else INVOLVED
        for address, lines in notes.items():
            ws, row, col = self.positions[address]
            comment = Comment("\n".join(lines), "govinfo")
            comment.width = 300
            comment.height = 20 + 18 * len(lines)
            ws.cell(row=row, column=col).comment = comment

    # -- the whole book -------------------------------------------------------------------

    def build(self, highlight: CheckResult | None) -> Workbook:
        self.book.remove(self.book.active)
        self.metadata()
        template = self.report.template
        if not template.has_tables:
            self.legacy()
        else:
            by_table: dict[str, list[CellSpec]] = {}
            # A variant row or column (a group subtotal, the 小计 column) only where the
            # report prints it: a report without them is laid out as the template prints it.
            absent = unprinted(template, self.values)
            for spec in cell_specs(template):
                if spec.address not in absent:
                    by_table.setdefault(spec.table, []).append(spec)
            for table in template.tables:
                # Three shapes: one row under grouped headers (四), items of differing
                # columns under a row header (二), a grid of one set of columns (三).
                if table.single_row:
                    self.review(table, by_table[table.key])
                elif table.row_header is not None:
                    self.proactive(table, by_table[table.key])
                else:
                    self.applications(table, by_table[table.key])
            if self.formulas:
                self.add_formulas()
        if highlight is not None:
            self.highlight(highlight)
        self.styles.done()
        self.book.active = 0
        props = self.book.properties
        props.creator = "govinfo"
        props.lastModifiedBy = "govinfo"
        props.created = _FIXED_TIME
        props.modified = _FIXED_TIME
        return self.book


def _message(violation: object) -> str:
    return str(getattr(violation, "message_zh", "") or "")


def _suggested(violation: Violation) -> str:
    value = violation.suggested
    return "" if value is None else f"; 应为 {value} / should be {value}"


def _group_rows(specs: Sequence[CellSpec]) -> list[tuple[str, list[CellSpec]]]:
    rows: dict[str, list[CellSpec]] = {}
    for spec in specs:
        rows.setdefault(spec.row, []).append(spec)
    return list(rows.items())


def _spread(cols: Sequence[CellSpec], width: int) -> list[tuple[int, int, CellSpec]]:
    """Columns and spans of a group's cells over ``width`` value columns (the last widens)."""
    result = []
    col = 2
    for index, spec in enumerate(cols):
        span = width - len(cols) + 1 if index == len(cols) - 1 else 1
        result.append((col, span, spec))
        col += span
    return result


def _outcome_groups(table: TableSpec, rows: Sequence[str]) -> list[tuple[int, int, str | None]]:
    """``(start, size, group label)`` runs of the outcome rows; ``None`` for a lone row."""

    def label_of(row: str) -> str | None:
        group = table.group_of(row)
        return None if group is None else group.label

    groups: list[tuple[int, int, str | None]] = []
    index = 0
    while index < len(rows):
        label = label_of(rows[index])
        size = 1
        while (
            label is not None and index + size < len(rows) and label_of(rows[index + size]) == label
        ):
            size += 1
        groups.append((index, size, label if size > 1 else None))
        index += size
    return groups


def _sum_formula(ws: Worksheet, cells: list[tuple[Worksheet, int, int]]) -> str | None:
    if any(sheet is not ws for sheet, _, _ in cells):
        return None
    rows = {r for _, r, _ in cells}
    cols = {c for _, _, c in cells}
    ordered = sorted((r, c) for _, r, c in cells)
    if len(rows) == 1 or len(cols) == 1:
        line = [c for _, c in ordered] if len(rows) == 1 else [r for r, _ in ordered]
        if line == list(range(line[0], line[0] + len(line))):
            first, last = ordered[0], ordered[-1]
            return (
                f"=SUM({get_column_letter(first[1])}{first[0]}:"
                f"{get_column_letter(last[1])}{last[0]})"
            )
    return "=SUM(" + ",".join(f"{get_column_letter(c)}{r}" for r, c in ordered) + ")"
