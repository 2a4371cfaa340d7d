"""The report block of a page as neutral blocks: lines of text and tables, in reading order.

Strategy: one walk over the block the content finder chose. Inline text gathers into a line
until a block element or ``<br>`` ends it (see :mod:`._text` for what is never text); each line
becomes a :class:`~govinfo.reading.document.Paragraph` located at the source line of the
element its text starts in. A line made mostly of link text (``<a href>``: a menu, a "related
links" list, a breadcrumb) is navigation and is left out; an ``<a name>`` anchor, as Word puts
around headings, is not a link.

Tables:

* a *layout* table (one whose cells hold tables with more cells than its own, or that has
  one column) is a box: its cells are walked as containers, so the report tables inside
  them are read as tables and the wrapper is not; so is a table listing links (a link for
  every other row: related articles with their dates), whose link lines are then left out
  as navigation;
* any other table is expanded to its grid (a small table nested in one of its cells, such as
  a header drawn as a table, is that cell's lines) (:mod:`._tables`) and read as a
  :class:`~govinfo.reading.document.Table` with ``geometry=True``; a caption row (one cell
  spanning the row, ``第二十条第（一）项`` or a heading drawn in the table) becomes a paragraph,
  as in the DOCX reader, and a ``<caption>`` is a line before its table;
* a box of ``label：value`` pairs (索引号：…, 发文机关：…, the catalogue data a disclosure
  page puts above the article) is not the report, and is left out: its values would pass for
  a title or an organ;
* a table whose text repeats an earlier table's exactly (a print view of the same table) is
  read once.
"""

from __future__ import annotations

from lxml import etree

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.errors import UnsafeInputError
from govinfo.locations import Location, line_location
from govinfo.reading.document import Block, Paragraph
from govinfo.reading.docx._body import _split_at_captions as split_at_captions
from govinfo.reading.html._tables import Grid, is_form, is_layout, is_link_list, table_rows
from govinfo.reading.html._text import BLOCK_TAGS, SKIP_TAGS, cell_text, signature, source_line

__all__ = ["MAX_CELLS", "MAX_DEPTH", "BlockWalker"]

#: Most cells, covered ones included, a page's tables may expand to.
MAX_CELLS = 500_000
#: Deepest element nesting walked (libxml2 itself flattens past 255).
MAX_DEPTH = 512


class BlockWalker:
    """Walks one page's report block; create one per page.

    Attributes:
        tables: how many tables were read (they are numbered 1, 2, … in that order).
        navigation: how many lines were left out as navigation.
        notes: what the walk noticed (duplicate tables).
    """

    def __init__(self, source: str, signatures: dict[etree._Element, str] | None = None) -> None:
        self.source = source
        self.grid = Grid(source, cell_text, MAX_CELLS)
        self.tables = 0
        self.navigation = 0
        self.notes: list[Diagnostic] = []
        self.blocks: list[Block] = []
        self._seen: dict[str, Location] = {}
        self._signatures = signatures or {}
        self._pieces: list[str] = []
        self._link = 0
        self._line: int | None = None

    def walk(self, element: etree._Element) -> list[Block]:
        """The blocks of ``element``'s content, in reading order."""
        self._text(element.text, element, False)
        self._visit(element, 0, False)
        self._flush()
        return self.blocks

    def add_title(self, lines: tuple[str, ...], line: int | None) -> None:
        """Put a title found outside the report block, line by line, in front of its blocks."""
        self.blocks[:0] = [Paragraph(text=text, location=self._at(line)) for text in lines]

    def _at(self, line: int | None) -> Location:
        if line is None:
            return Location(source=self.source)
        return line_location(self.source, line)

    def _text(self, text: str | None, where: etree._Element, link: bool) -> None:
        if not text:
            return
        if not self._pieces:
            self._line = source_line(where)
        self._pieces.append(text)
        if link:
            self._link += len(text.strip())

    def _flush(self) -> None:
        pieces = self._pieces
        if not pieces:
            return
        text = " ".join("".join(pieces).split())
        pieces.clear()
        link, self._link = self._link, 0
        if not text:
            return
        if link * 2 >= len(text.replace(" ", "")):
            self.navigation += 1
            return
        self.blocks.append(Paragraph(text=text, location=self._at(self._line)))

    def _visit(self, element: etree._Element, depth: int, link: bool) -> None:
        if depth > MAX_DEPTH:
            raise UnsafeInputError(
                f"elements are nested more than {MAX_DEPTH} deep",
                location=Location(source=self.source, line=source_line(element)),
            )
        for child in element:
            tag = child.tag
            if tag in SKIP_TAGS or not isinstance(tag, str):
                pass
            elif tag == "br":
                self._flush()
            elif tag == "table":
                self._flush()
                self._table(child, depth + 1)
            elif tag in BLOCK_TAGS:
                self._flush()
                self._text(child.text, child, link)
                self._visit(child, depth + 1, link)
                self._flush()
            else:
                inner = link or (tag == "a" and child.get("href") is not None)
                self._text(child.text, child, inner)
                self._visit(child, depth + 1, inner)
            if child.tail:
                self._text(child.tail, element, link)

    def _table(self, table: etree._Element, depth: int) -> None:
        groups = table_rows(table)
        if is_layout(table, groups) or is_link_list(table):
            for group in groups:
                for tr in group:
                    for td in tr:
                        if td.tag in ("td", "th"):
                            self._text(td.text, td, False)
                            self._visit(td, depth + 1, False)
                            self._flush()
            return
        if is_form(table, groups):
            self.notes.append(
                diagnostic(
                    "html-info-box", location=Location(source=self.source, line=source_line(table))
                )
            )
            return
        text = self._signatures.get(table)
        if text is None:
            text = signature(table)
        first = self._seen.get(text)
        here = Location(source=self.source, line=source_line(table))
        if first is not None:
            self.notes.append(
                diagnostic(
                    "html-duplicate-table", table=first.table, line=first.line, location=here
                )
            )
            return
        self.tables += 1
        number = self.tables
        location = Location(source=self.source, table=number, line=source_line(table))
        if text:
            self._seen[text] = location
        for caption in table.iterchildren("caption"):
            self._text(caption.text, caption, False)
            self._visit(caption, depth + 1, False)
            self._flush()
        rows = self.grid.build(table, number, groups)
        if rows:
            self.blocks.extend(split_at_captions(rows, location))
