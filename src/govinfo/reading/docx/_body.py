"""The body of a WordprocessingML document as neutral blocks, in document order.

Strategy: one walker per document visits the block-level children of the body (paragraphs,
tables, and the content controls and custom-XML wrappers around them) and emits
:class:`~govinfo.reading.document.Paragraph` and :class:`~govinfo.reading.document.Table`
blocks. Paragraph text comes from :mod:`._inline`; tables are expanded to their logical grid
here:

* ``w:gridSpan`` and legacy ``w:hMerge``: the origin cell is followed by covered cells that
  repeat its text and point at it through ``merged_from``;
* ``w:vMerge`` continue: each grid column takes the origin of the same column in the row above;
* ``w:gridBefore``: that many empty cells open the row, so a cell's index in the row is always
  its grid column less one; ``w:gridAfter`` adds nothing (trailing empties carry no value);
* a table nested in a cell: the cell's own text leaves the nested table out, and the nested
  table's rows follow the row that holds it, as rows of the outer table whose cells keep the
  nested table's own number in their locations; a row that held nothing but nested tables is
  dropped;
* a text box is read as blocks of its own, right after the paragraph it is anchored in (inside a
  cell, its paragraphs join the cell's text);
* a caption row (one cell spanning all of its row) becomes a paragraph located at its cell,
  cutting the table in two, so a heading drawn inside a table (``四、…`` when sections 三 and
  四 share one table) reads as a heading; both pieces keep the table's number;
* rows and cells deleted as tracked changes are left out.

Tables are numbered 1, 2, … in the order their start tags appear (outer before nested), which
is what a user counting tables in Word sees; rows are numbered by their position among the
table's ``w:tr`` elements and cells by grid column.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from govinfo.errors import UnsafeInputError
from govinfo.locations import Location, table_location
from govinfo.reading.document import Cell, Paragraph, Table, new_cell
from govinfo.reading.docx._inline import InlineReader, alternate_branch, shows_placeholder
from govinfo.reading.docx._names import MC_ALTERNATE, Tags

__all__ = ["MAX_CELLS", "MAX_GRID_COLUMNS", "MAX_NESTING", "BodyWalker", "NestedTable"]

#: Most grid columns one row may expand to (Word allows 63).
MAX_GRID_COLUMNS = 256
#: Most cells, covered ones included, all tables of a document may expand to; a merge-heavy
#: document could otherwise turn a few megabytes of XML into gigabytes of cells.
MAX_CELLS = 500_000  # the document's own limit (govinfo._safe.MAX_CELLS) is lower
#: Deepest nesting of tables in cells and text boxes in paragraphs.
MAX_NESTING = 32

Row = tuple[Cell, ...]
# What a container yields: body-level paragraphs (with locations), cell-level paragraph text
# (plain strings, which the cell joins), and tables.
_Item = Paragraph | str | Table


class _CellProps:
    """A cell's w:gridSpan, whether its w:vMerge/w:hMerge continue a merge, and deletion.

    A merge element without ``w:val`` continues: ``<w:vMerge/>`` joins the cell above.
    """

    __slots__ = ("deleted", "horizontal", "span", "vertical")

    def __init__(self) -> None:
        self.span = 1
        self.vertical = False
        self.horizontal = False
        self.deleted = False


class _RowProps:
    """A row's w:gridBefore and whether it is a tracked deletion."""

    __slots__ = ("before", "deleted")

    def __init__(self) -> None:
        self.before = 0
        self.deleted = False


_NO_CELL_PROPS = _CellProps()
_NO_ROW_PROPS = _RowProps()


class NestedTable:
    """A table found inside another table's cell (for the front end's notes)."""

    __slots__ = ("inner", "outer")

    def __init__(self, inner: Location, outer: Location) -> None:
        self.inner = inner
        self.outer = outer


class BodyWalker:
    """Walks one document body; create one per document.

    Attributes:
        inline: the paragraph reader (its flags say what the document held).
        nested: tables found nested in other tables.
        text_boxes: how many text boxes were read.
    """

    def __init__(self, tags: Tags, source: str, root: etree._Element) -> None:
        self.tags = tags
        self.source = source
        self._cell_props: dict[etree._Element, _CellProps] = {}
        self._row_props: dict[etree._Element, _RowProps] = {}
        properties = frozenset(
            {
                tags.grid_span,
                tags.v_merge,
                tags.h_merge,
                tags.cell_del,
                tags.grid_before,
                tags.deleted,
            }
        )
        self.inline = InlineReader(tags, root, extra=properties, on_extra=self._take_property)
        self.nested: list[NestedTable] = []
        self.text_boxes = 0
        self._tables = 0
        self._cells = 0

    def _take_property(self, prop: etree._Element, tag: str) -> bool:
        # Called for each merge or revision property in the inline reader's one pass over the
        # document, so a cell's properties are looked up, not read from its w:tcPr in Python.
        tags = self.tags
        holder = prop.getparent()
        owner = None if holder is None else holder.getparent()
        if holder is None or owner is None:
            return tag != tags.deleted
        if holder.tag == tags.tcpr and owner.tag == tags.tc:
            cell = self._cell_props.setdefault(owner, _CellProps())
            if tag == tags.grid_span:
                cell.span = _integer(prop.get(tags.val), 1)
            elif tag == tags.v_merge:
                cell.vertical = prop.get(tags.val) != "restart"
            elif tag == tags.h_merge:
                cell.horizontal = prop.get(tags.val) != "restart"
            elif tag == tags.cell_del:
                cell.deleted = True
            return True
        if holder.tag == tags.trpr and owner.tag == tags.tr:
            row = self._row_props.setdefault(owner, _RowProps())
            if tag == tags.grid_before:
                row.before = _integer(prop.get(tags.val), 0)
            elif tag == tags.deleted:
                row.deleted = True
            return True
        return tag != tags.deleted  # a w:del elsewhere is tracked text: paragraph markup

    def blocks(self, body: etree._Element, path: str) -> list[Paragraph | Table]:
        """The blocks of ``body`` (whose XPath is ``path``), in document order."""
        items: list[_Item] = []
        self._container(body, path, items, 0)
        return [item for item in items if not isinstance(item, str)]

    def _container(
        self, parent: etree._Element, path: str | None, out: list[_Item], depth: int
    ) -> None:
        # ``path`` is None inside table cells, where paragraphs only contribute text.
        if depth > MAX_NESTING:
            raise UnsafeInputError(
                f"tables and text boxes are nested more than {MAX_NESTING} deep",
                location=Location(source=self.source, xpath=path),
            )
        tags = self.tags
        inline = self.inline
        paragraphs = tables = 0
        wrappers: dict[str, int] = {}
        for child in parent:
            tag = child.tag
            if tag == tags.p:
                paragraphs += 1
                text = inline.paragraph(child)
                where = None if path is None else f"{path}/w:p[{paragraphs}]"
                if text.strip():
                    if where is None:
                        out.append(text)
                    else:
                        out.append(Paragraph(text=text, location=self._at(xpath=where)))
                if inline.text_boxes:
                    boxes, inline.text_boxes = inline.text_boxes, []
                    for number, box in enumerate(boxes, 1):
                        self.text_boxes += 1
                        box_path = None if where is None else f"{where}//w:txbxContent[{number}]"
                        self._container(box, box_path, out, depth + 1)
            elif tag == tags.tbl:
                tables += 1
                where = None if path is None else f"{path}/w:tbl[{tables}]"
                out.extend(self._table(child, where, depth + 1))
            elif tag in (tags.sdt, tags.custom_xml, MC_ALTERNATE):
                wrappers[tag] = wrappers.get(tag, 0) + 1
                content = self._unwrap(child)
                if content is not None:
                    where = None
                    if path is not None:
                        where = f"{path}/{_short(tag)}[{wrappers[tag]}]"
                        if content is not child:
                            where += f"/{_short(content.tag)}"
                    self._container(content, where, out, depth + 1)

    def _unwrap(self, wrapper: etree._Element) -> etree._Element | None:
        tag = wrapper.tag
        if tag == self.tags.sdt:
            if shows_placeholder(wrapper, self.tags):
                return None
            return wrapper.find(self.tags.sdt_content)
        if tag == MC_ALTERNATE:
            return alternate_branch(wrapper)
        return wrapper

    def _members(self, parent: etree._Element, tag: str) -> Iterator[etree._Element]:
        """Children of ``parent`` named ``tag``, looking through content controls and custom XML."""
        tags = self.tags
        for child in parent:
            child_tag = child.tag
            if child_tag == tag:
                yield child
            elif child_tag in (tags.sdt, tags.custom_xml):
                content = self._unwrap(child)
                if content is not None:
                    yield from self._members(content, tag)

    def _at(
        self,
        *,
        table: int | None = None,
        row: int | None = None,
        cell: int | None = None,
        xpath: str | None = None,
    ) -> Location:
        return Location(source=self.source, table=table, row=row, cell=cell, xpath=xpath)

    def _table(self, tbl: etree._Element, path: str | None, depth: int) -> list[Table | Paragraph]:
        tags = self.tags
        source = self.source
        self._tables += 1
        number = self._tables
        location = self._at(table=number, xpath=path)
        rows: list[Row] = []
        above: Row = ()  # the previous row, for vertical merges
        for row_number, tr in enumerate(self._members(tbl, tags.tr), 1):
            row_props = self._row_props.get(tr, _NO_ROW_PROPS)
            if row_props.deleted:
                self.inline.revisions = True
                continue
            cells: list[Cell] = []
            nested: list[Row] = []
            held_text = False
            for _ in range(min(max(row_props.before, 0), MAX_GRID_COLUMNS)):
                cells.append(new_cell("", self._cell_at(number, row_number, cells)))
            for tc in self._members(tr, tags.tc):
                props = self._cell_props.get(tc, _NO_CELL_PROPS)
                if len(cells) >= MAX_GRID_COLUMNS:
                    continue
                if props.deleted:
                    self.inline.revisions = True
                    continue
                text = self._plain_cell_text(tc)
                if text is None:
                    text, inner = self._cell_content(tc, depth, location)
                    nested.extend(inner)
                held_text = held_text or bool(text.strip())
                if props is _NO_CELL_PROPS:  # the common case: one grid column, no merge
                    at = table_location(source, number, row_number, len(cells) + 1)
                    cells.append(new_cell(text, at))
                    continue
                span = min(max(props.span, 1), MAX_GRID_COLUMNS - len(cells))
                origins: list[Cell | None]
                if props.horizontal and cells:
                    origins = [cells[-1]] * span
                elif props.vertical:
                    start = len(cells)
                    origins = [
                        above[c] if c < len(above) else None for c in range(start, start + span)
                    ]
                else:
                    origins = [None] * span
                first: Cell | None = None
                for covering in origins:
                    at = self._cell_at(number, row_number, cells)
                    origin = covering or first
                    if origin is None:
                        first = new_cell(text, at)
                        cells.append(first)
                    else:
                        cells.append(
                            new_cell(origin.text, at, origin.merged_from or origin.location)
                        )
            self._count_cells(len(cells) + sum(len(row) for row in nested), location)
            above = tuple(cells)
            if cells and (held_text or not nested):
                rows.append(above)
            rows.extend(nested)
        if path is None:  # nested: the outer table's rows will be cut instead
            return [Table(rows=tuple(rows), location=location)]
        return _split_at_captions(rows, location)

    def _plain_cell_text(self, tc: etree._Element) -> str | None:
        """A cell's text when it holds only plain paragraphs (most do), else None."""
        tags = self.tags
        inline = self.inline
        marked = inline.marked
        texts: list[str] = []
        for child in tc:
            tag = child.tag
            if tag == tags.p and child not in marked:
                text = inline.paragraph(child)
                if text.strip():
                    texts.append(text)
            elif tag != tags.tcpr:
                return None
        return "\n".join(texts)

    def _cell_content(
        self, tc: etree._Element, depth: int, outer: Location
    ) -> tuple[str, list[Row]]:
        items: list[_Item] = []
        self._container(tc, None, items, depth)
        texts: list[str] = []
        nested: list[Row] = []
        for item in items:
            if isinstance(item, str):
                texts.append(item)
            elif isinstance(item, Table):
                if not self.nested or self.nested[-1].inner != item.location:
                    self.nested.append(NestedTable(item.location, outer))
                nested.extend(item.rows)
        return "\n".join(texts), nested

    def _cell_at(self, table: int, row: int, cells: list[Cell]) -> Location:
        return table_location(self.source, table, row, len(cells) + 1)

    def _count_cells(self, count: int, where: Location) -> None:
        self._cells += count
        if self._cells > MAX_CELLS:
            raise UnsafeInputError(
                f"the document's tables expand to more than {MAX_CELLS} cells", location=where
            )


def _split_at_captions(rows: list[Row], location: Location) -> list[Table | Paragraph]:
    """Cut a table at each caption row (one cell spanning all of its row) into a paragraph.

    Such a row is a line of text drawn across the table: a heading (``四、…`` when two
    sections share one table) or an item caption. As a paragraph located at its cell it reads
    as what it is. A row of values always has a label cell and value cells, so it is never cut.
    """
    blocks: list[Table | Paragraph] = []
    piece: list[Row] = []
    for row in rows:
        origin = row[0]
        if (
            len(row) >= 2
            and origin.merged_from is None
            and all(cell.merged_from == origin.location for cell in row[1:])
        ):
            if piece:
                blocks.append(Table(rows=tuple(piece), location=location))
                piece = []
            if origin.text.strip():
                blocks.append(Paragraph(text=origin.text, location=origin.location))
        else:
            piece.append(row)
    if piece or not blocks:
        blocks.append(Table(rows=tuple(piece), location=location))
    return blocks


def _integer(text: str | None, default: int) -> int:
    try:
        return int(text or "")
    except ValueError:
        return default


def _short(tag: str) -> str:
    namespace, _, local = tag.rpartition("}")
    return f"mc:{local}" if namespace == MC_ALTERNATE.rpartition("}")[0] else f"w:{local}"
