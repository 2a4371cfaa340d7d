"""A worksheet's grid as the neutral document's blocks: paragraphs and tables.

Strategy: a sheet is a grid, a report is a sequence of title lines, headings, prose and
tables. A row with cells in two or more places, or with a bordered cell, belongs to a table;
a row whose only content is one cell (however wide its merge) is a paragraph; empty rows
separate tables. Consecutive table rows form one table. Merged ranges are expanded: every
covered cell repeats its origin's text and points to it through ``merged_from``. Grid columns
that hold no cell of their own in a table (LibreOffice's narrow filler columns, always covered
by a merge from the left, or a blank first column) are left out of that table, so the
interpreter sees the logical grid. Nothing here knows a label.
"""

from __future__ import annotations

from collections.abc import Callable

from govinfo._safe import MAX_CELLS
from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.errors import UnsafeInputError
from govinfo.locations import Location, sheet_location
from govinfo.reading.document import Block, Cell, Paragraph, Table, new_cell
from govinfo.reading.xlsx._formula import Evaluator
from govinfo.reading.xlsx._sheet import Grid, RawCell, col_letters, render_number

__all__ = ["CellText", "sheet_blocks"]

#: Gives the display text of a stored cell of a sheet (formulas evaluated), noting problems.
CellText = Callable[[Grid, int, int, RawCell], str]

_MAX_MERGE_CELLS = 100_000


def cell_text_function(evaluator: Evaluator, source: str, notes: list[Diagnostic]) -> CellText:
    """The display text of a cell: its value, a formula's cached or computed value, or ``""``."""

    def text(grid: Grid, row: int, col: int, cell: RawCell) -> str:
        if cell.formula is None and cell.shared is None:
            if cell.kind == "e":
                notes.append(_note(grid, row, col, source, code="cell-error", detail=cell.text))
                return ""
            if cell.kind == "b":
                return "TRUE" if cell.text == "1" else "FALSE"
            return cell.text or ""
        if cell.kind == "e":
            notes.append(_note(grid, row, col, source, code="cell-error", detail=cell.text))
            return ""
        if cell.text is not None and ((cell.kind != "" and cell.text != "") or cell.kind == "str"):
            return "TRUE" if cell.kind == "b" and cell.text == "1" else cell.text
        value = evaluator.value(grid.name, row, col)
        if value is None:
            notes.append(
                _note(grid, row, col, source, code="formula-not-evaluated", detail=cell.formula)
            )
            return ""
        return render_number(format(value, "f"))

    return text


def _note(
    grid: Grid, row: int, col: int, source: str, *, code: str, detail: str | None
) -> Diagnostic:
    where = Location(source=source, sheet=grid.name, ref=f"{col_letters(col)}{row}")
    if code == "cell-error":
        return diagnostic(code, error=detail or "#N/A", location=where)
    return diagnostic(code, formula=detail or "", location=where)


def sheet_blocks(
    grid: Grid, *, source: str, bordered: frozenset[int], text: CellText
) -> list[Block]:
    """The paragraphs and tables of one sheet, in reading order (top to bottom)."""
    # Display text of every stored cell that shows something, and which cells draw a border;
    # in the same pass, per row, the origins with text it shows and the columns where it has
    # a cell of its own (text, a border, or a formula, which keeps its column even when its
    # value is unknown).
    shown: dict[tuple[int, int], str] = {}
    lined: set[tuple[int, int]] = set(grid.lined)
    filled: dict[int, set[tuple[int, int]]] = {}
    own: dict[int, set[int]] = {}
    for place, cell in grid.cells.items():
        row, col = place
        keep = False
        if cell.formula is None and cell.shared is None and cell.kind not in ("e", "b"):
            value = cell.text or ""  # the common case, without the call
        else:
            value = text(grid, row, col, cell)
            keep = cell.formula is not None or cell.shared is not None
        if value.strip():
            shown[place] = value
            filled.setdefault(row, set()).add(place)
            keep = True
        if cell.style in bordered:
            lined.add(place)
            keep = True
        if keep:
            own.setdefault(row, set()).add(col)
    if not shown:
        return []
    for row, col in lined:
        own.setdefault(row, set()).add(col)
    max_row = max(own)
    max_col = max(max(cols) for cols in own.values())
    lined_rows = {r for r, _ in lined}
    # The merges crossing each row: (first column, last column, origin).
    spans: dict[int, list[tuple[int, int, tuple[int, int]]]] = {}
    for r1, c1, bottom, right in grid.merges:
        r2, c2 = min(bottom, max_row), min(right, max_col)
        if r1 > r2 or c1 > c2 or (r2 - r1 + 1) * (c2 - c1 + 1) > _MAX_MERGE_CELLS:
            continue
        start = (r1, c1)
        active = start in shown or start in lined
        for r in range(r1, r2 + 1):
            spans.setdefault(r, []).append((c1, c2, start))
            row_own = own.get(r)
            if row_own:  # a covered cell is not a cell of its own
                if c2 - c1 < len(row_own):  # a narrow merge: drop its columns
                    row_own.difference_update(range(c1, c2 + 1))
                else:
                    row_own.difference_update([c for c in row_own if c1 <= c <= c2])
            if active:
                own.setdefault(r, set()).add(c1)
                if start in shown:
                    filled.setdefault(r, set()).add(start)
                if start in lined:  # covered cells draw their origin's border
                    lined_rows.add(r)

    blocks: list[Block] = []
    table_rows: list[int] = []

    def flush() -> None:
        # A table's leading one-cell rows are its heading or caption even when the borders
        # are drawn around them too: paragraphs, as in a sheet without borders.
        leading = 0
        while leading < len(table_rows) and len(filled.get(table_rows[leading], ())) <= 1:
            row = table_rows[leading]
            leading += 1
            for first in filled.get(row, ()):
                if first[0] == row:
                    blocks.append(
                        Paragraph(text=shown[first], location=_where(source, grid.name, *first))
                    )
        del table_rows[:leading]  # at once: popping one by one is quadratic
        if table_rows:
            cols = sorted(set().union(*(own.get(r, ()) for r in table_rows)))
            blocks.append(
                _table(grid, source=source, rows=table_rows, cols=cols, shown=shown, spans=spans)
            )
            table_rows.clear()

    # Only rows that show something or draw a border are visited (a sheet's last row may be
    # row 1,048,576); a gap between them ends a table, as an empty row does.
    previous = 0
    for row in sorted(filled.keys() | lined_rows):
        if row > previous + 1:
            flush()
        previous = row
        texts = filled.get(row, ())
        if len(texts) >= 2 or row in lined_rows:
            table_rows.append(row)
            continue
        flush()
        if len(texts) == 1:
            (first,) = texts
            if first[0] == row:  # a merge reaching down from a paragraph above adds nothing
                blocks.append(
                    Paragraph(text=shown[first], location=_where(source, grid.name, *first))
                )
    flush()
    return blocks


def _where(source: str, sheet: str, row: int, col: int) -> Location:
    return sheet_location(source, sheet, f"{col_letters(col)}{row}", row, col)


def _table(
    grid: Grid,
    *,
    source: str,
    rows: list[int],
    cols: list[int],
    shown: dict[tuple[int, int], str],
    spans: dict[int, list[tuple[int, int, tuple[int, int]]]],
) -> Table:
    # ``cols`` are the columns where some row has a cell of its own (text, a border, or a
    # merge's origin column); columns only ever covered from the left are filler.
    # One location per grid place, shared by a merge's origin and the cells it covers.
    locations: dict[tuple[int, int], Location] = {}
    sheet = grid.name
    letters = [col_letters(col) for col in cols]

    def where(r: int, c: int) -> Location:
        found = locations.get((r, c))
        if found is None:
            found = locations[(r, c)] = _where(source, sheet, r, c)
        return found

    if len(rows) * len(cols) > MAX_CELLS:  # one far cell widens every row of the table
        raise UnsafeInputError(
            f"a table of {len(rows)} rows by {len(cols)} columns is over the limit of "
            f"{MAX_CELLS} cells",
            location=where(rows[0], cols[0] if cols else 1),
        )
    out_rows: list[tuple[Cell, ...]] = []
    for row in rows:
        row_spans = spans.get(row)
        origin = (
            {
                col: start
                for c1, c2, start in row_spans
                for col in cols
                if c1 <= col <= c2 and start != (row, col)
            }
            if row_spans
            else {}
        )
        cells: list[Cell] = []
        for col, letter in zip(cols, letters, strict=True):
            place = (row, col)
            at = locations.get(place)
            if at is None:
                at = locations[place] = sheet_location(source, sheet, f"{letter}{row}", row, col)
            start = origin.get(col)
            if start is None:
                cells.append(new_cell(shown.get(place, ""), at))
            else:
                cells.append(new_cell(shown.get(start, ""), at, where(*start)))
        out_rows.append(tuple(cells))
    return Table(rows=tuple(out_rows), location=where(rows[0], cols[0] if cols else 1))
