"""An HTML table as its logical grid: the HTML table algorithm over rowspan and colspan.

Strategy: rows are the table's own ``tr`` elements (directly, or in its ``thead``/``tbody``/
``tfoot``), never a nested table's. Each cell takes the first grid slot of its row that no
``rowspan`` from above occupies, and occupies ``colspan`` × ``rowspan`` slots (``rowspan=0``:
to the end of its row group; values out of range are clamped as browsers clamp them). Every
slot then becomes a :class:`~govinfo.reading.document.Cell`: the origin slot carries the
cell's text and location, and each covered slot repeats that text and names the origin in
``merged_from``, as the DOCX reader does for ``w:gridSpan``/``w:vMerge``. A slot no cell
reaches, inside a row, is an empty cell; nothing is padded after a row's last cell.

Locations: table *n* among the tables read, row *r* among the table's rows, cell *c* the grid
column, and the source line lxml gives for the ``td``/``th`` (for a covered slot, its origin's).
"""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from govinfo.errors import UnsafeInputError
from govinfo.locations import Location, table_location
from govinfo.reading.document import Cell, new_cell
from govinfo.reading.html._text import source_line

__all__ = ["MAX_COLSPAN", "MAX_GRID_COLUMNS", "MAX_ROWSPAN", "Grid", "table_rows"]

#: Most grid columns one row may expand to; the rest of a wider row is left out.
MAX_GRID_COLUMNS = 256
#: The HTML standard's clamps: colspan at most 1000, rowspan at most 65534.
MAX_COLSPAN = 1000
MAX_ROWSPAN = 65534

_ROW_GROUPS = frozenset({"thead", "tbody", "tfoot"})
_CELLS = frozenset({"td", "th"})


def table_rows(table: etree._Element) -> list[list[etree._Element]]:
    """The table's own rows as groups: each ``thead``/``tbody``/``tfoot`` (or run of bare rows)."""
    groups: list[list[etree._Element]] = []
    loose: list[etree._Element] = []
    for child in table:
        tag = child.tag
        if tag == "tr":
            loose.append(child)
        elif tag in _ROW_GROUPS:
            if loose:
                groups.append(loose)
                loose = []
            groups.append([tr for tr in child if tr.tag == "tr"])
    if loose:
        groups.append(loose)
    return groups


def _span(element: etree._Element, name: str, default: int, most: int) -> int:
    raw = element.get(name)
    if raw is None:
        return default
    digits = raw.strip()
    end = 0
    while end < len(digits) and digits[end].isdigit() and digits[end].isascii():
        end += 1
    if end == 0:
        return default
    return min(int(digits[:end]), most)


class Grid:
    """Builds the grids of one page's tables; counts the cells against a limit.

    Attributes:
        cells: how many cells (covered ones included) the grids built so far hold.
    """

    def __init__(self, source: str, text: Callable[[etree._Element], str], max_cells: int):
        self.source = source
        self.text = text
        self.max_cells = max_cells
        self.cells = 0

    def build(
        self, table: etree._Element, number: int, groups: list[list[etree._Element]]
    ) -> list[tuple[Cell, ...]]:
        """The rows of ``table`` (whose row groups are ``groups``) as table ``number``'s grid."""
        source = self.source
        rows: list[tuple[Cell, ...]] = []
        row_number = 0
        for group in groups:
            # row within the group -> {column: origin} of the rowspans reaching down into it
            below: dict[int, dict[int, Cell]] = {}
            for index, tr in enumerate(group):
                row_number += 1
                slots = below.pop(index, {})
                column = 0
                for td in tr:
                    if td.tag not in _CELLS:
                        continue
                    while column in slots:
                        column += 1
                    if column >= MAX_GRID_COLUMNS:
                        break
                    origin = new_cell(
                        self.text(td),
                        table_location(
                            source, number, row_number, column + 1, line=source_line(td)
                        ),
                    )
                    get = td.get
                    if get("colspan") is None and get("rowspan") is None:  # most cells
                        self.cells += 1
                        slots[column] = origin
                        column += 1
                        continue
                    colspan = max(_span(td, "colspan", 1, MAX_COLSPAN), 1)
                    colspan = min(colspan, MAX_GRID_COLUMNS - column)
                    rowspan = _span(td, "rowspan", 1, MAX_ROWSPAN) or len(group) - index
                    rowspan = max(min(rowspan, len(group) - index), 1)
                    self._count(colspan * rowspan, number, row_number)
                    for across in range(colspan):
                        slots.setdefault(column + across, origin)
                    for down in range(1, rowspan):
                        reach = below.setdefault(index + down, {})
                        for across in range(colspan):
                            reach.setdefault(column + across, origin)
                    column += colspan
                if slots:
                    self._count(0, number, row_number)
                    rows.append(self._row(slots, number, row_number))
        return rows

    def _count(self, cells: int, number: int, row_number: int) -> None:
        self.cells += cells
        if self.cells > self.max_cells:
            raise UnsafeInputError(
                f"the page's tables expand to more than {self.max_cells} cells",
                location=Location(source=self.source, table=number, row=row_number),
            )

    def _row(self, slots: dict[int, Cell], number: int, row_number: int) -> tuple[Cell, ...]:
        width = max(slots) + 1
        cells: list[Cell] = []
        for column in range(width):
            origin = slots.get(column)
            if origin is None:
                at = table_location(self.source, number, row_number, column + 1)
                cells.append(new_cell("", at))
                continue
            location = origin.location
            if location.row == row_number and location.cell == column + 1:
                cells.append(origin)
            else:
                at = table_location(self.source, number, row_number, column + 1, line=location.line)
                cells.append(new_cell(origin.text, at, location))
        return tuple(cells)
