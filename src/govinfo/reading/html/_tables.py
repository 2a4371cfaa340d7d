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
from govinfo.reading.html._text import signature, source_line

__all__ = [
    "MAX_COLSPAN",
    "MAX_GRID_COLUMNS",
    "MAX_ROWSPAN",
    "Grid",
    "is_form",
    "is_layout",
    "is_link_list",
    "link_count",
    "table_rows",
]

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


_LINKS = etree.XPath("count(.//a[@href])")


def link_count(element: etree._Element) -> int:
    """How many links (``<a href>``) ``element`` holds (counted by libxml2)."""
    return int(_LINKS(element))  # type: ignore[arg-type]


def is_link_list(table: etree._Element) -> bool:
    """Whether ``table`` lists links (a news or file list with dates), not data: a link for
    every other row or more."""
    links = link_count(table)
    return links >= 2 and links * 2 >= sum(1 for _ in table.iter("tr"))


_COLONS = ("：", ":")
_NESTED_CELLS = etree.XPath("count(.//table//td | .//table//th)")


def is_layout(table: etree._Element, groups: list[list[etree._Element]]) -> bool:
    """Whether ``table`` only lays out its content: tables nested in its cells hold more
    cells than it does itself (a page or a report laid out in a table), or it has one column.

    A data table with a small table in one cell (a header drawn as a table) is not layout.
    """
    if next(table.iterdescendants("table"), None) is not None:
        own = sum(1 for group in groups for tr in group for td in tr if td.tag in _CELLS)
        return int(_NESTED_CELLS(table)) >= own  # type: ignore[arg-type]
    return not _has_two_columns(groups)


def is_form(table: etree._Element, groups: list[list[etree._Element]]) -> bool:
    """Whether ``table`` is a box of ``label：value`` pairs (the 索引号/发文机关/成文日期 box of a
    disclosure page), not data: its first row opens with a label ending in a colon, and a
    third or more of its filled cells do."""
    rows = [tr for group in groups for tr in group]
    first = next((td for td in rows[0] if td.tag in _CELLS), None) if rows else None
    if first is None or not signature(first).endswith(_COLONS):
        return False  # most tables: one cell looked at
    labels = filled = 0
    for tr in rows:
        for td in tr:
            if td.tag in _CELLS:
                text = signature(td)
                if text:
                    filled += 1
                    labels += text.endswith(_COLONS)
    return labels >= 2 and labels * 3 >= filled


def _has_two_columns(groups: list[list[etree._Element]]) -> bool:
    for group in groups:
        for tr in group:
            cells = [td for td in tr if td.tag in _CELLS]
            if len(cells) > 1 or any(
                td.get("colspan", "1").strip() not in ("", "1") for td in cells
            ):
                return True
    return False


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
        text = self.text
        rows: list[tuple[Cell, ...]] = []
        row_number = 0
        for group in groups:
            # row within the group -> {column: origin} of the rowspans reaching down into it
            below: dict[int, dict[int, Cell]] = {}
            for index, tr in enumerate(group):
                row_number += 1
                pending = below.pop(index, None)
                row: list[Cell] = []
                for td in tr:
                    if td.tag not in _CELLS:
                        continue
                    if pending:
                        while len(row) in pending:
                            row.append(
                                self._covered(pending.pop(len(row)), number, row_number, len(row))
                            )
                    column = len(row)
                    if column >= MAX_GRID_COLUMNS:
                        break
                    at = table_location(
                        source, number, row_number, column + 1, line=source_line(td)
                    )
                    origin = new_cell(text(td), at)
                    row.append(origin)
                    get = td.get
                    if get("colspan") is None and get("rowspan") is None:  # most cells
                        continue
                    colspan = max(_span(td, "colspan", 1, MAX_COLSPAN), 1)
                    colspan = min(colspan, MAX_GRID_COLUMNS - column)
                    rowspan = _span(td, "rowspan", 1, MAX_ROWSPAN) or len(group) - index
                    rowspan = max(min(rowspan, len(group) - index), 1)
                    self._count(colspan * rowspan, number, row_number)
                    for across in range(1, colspan):
                        row.append(self._covered(origin, number, row_number, column + across))
                    for down in range(1, rowspan):
                        reach = below.setdefault(index + down, {})
                        for across in range(colspan):
                            reach.setdefault(column + across, origin)
                if pending:
                    for column in range(len(row), min(max(pending) + 1, MAX_GRID_COLUMNS)):
                        above = pending.get(column)
                        if above is None:
                            at = table_location(source, number, row_number, column + 1)
                            row.append(new_cell("", at))
                        else:
                            row.append(self._covered(above, number, row_number, column))
                if row:
                    self._count(len(row), number, row_number)
                    rows.append(tuple(row))
        return rows

    def _covered(self, origin: Cell, number: int, row_number: int, column: int) -> Cell:
        """The slot at ``column`` (0-based) of a row that ``origin``'s span covers."""
        location = origin.location
        at = table_location(self.source, number, row_number, column + 1, line=location.line)
        return new_cell(origin.text, at, location)

    def _count(self, cells: int, number: int, row_number: int) -> None:
        self.cells += cells
        if self.cells > self.max_cells:
            raise UnsafeInputError(
                f"the page's tables expand to more than {self.max_cells} cells",
                location=Location(source=self.source, table=number, row=row_number),
            )
