"""Where on the page the report is: the block to read, and a title found outside it.

Strategy: a report page is a site's chrome (header, menus, a "当前位置：首页 > …" trail, link
lists, footer) around one block that holds the report. That block is found from the page's
structure, not its words:

1. *Anchors*: the data tables (tables of two or more rows with a digit that are neither
   layout, lists of links nor boxes of ``label：value`` pairs; a table repeating an earlier
   one's text exactly, a print view, is not an anchor).
   A page without data tables anchors on the element whose own paragraphs (``<p>``
   children, ``<br>``-separated text) hold the most text.
2. The block starts as the deepest element holding 95% of the anchors' text (their lowest
   common ancestor, except that a small stray table elsewhere, a calendar in a side bar, does
   not count). While it holds less than
   :data:`PROSE_ENOUGH` characters outside its tables (the tables' own wrapper, without the
   report's prose), it grows to its parent, as long as the parent adds at most
   :data:`LINKS_ALLOWED` links (``<a href>``) and no copy of a table already read: a report's
   own text has hardly any links, a site's chrome is made of them. So the headings and prose
   around the tables join the block, and the menus, tabs and share buttons around the
   report's own block never do.

A title standing outside the block (an article-title ``<div>`` or ``<h1>`` above it, or only
the page's ``<title>``) is offered when the block does not start with one: the nearest heading
element or ``*title*``-classed element before the block whose text the page's ``<title>`` (or
its ``ArticleTitle`` meta) contains, else that meta, else the ``<title>``'s first part (sites
append ``_栏目_站点`` to it).
"""

from __future__ import annotations

import itertools
import re

import attrs
from lxml import etree

from govinfo.reading.html._tables import (
    is_form,
    is_layout,
    is_link_list,
    link_count,
    table_rows,
)
from govinfo.reading.html._text import all_text, lines_of, signature, source_line, text_size

__all__ = [
    "LINKS_ALLOWED",
    "PROSE_ENOUGH",
    "TABLE_SHARE",
    "Content",
    "Title",
    "find_content",
    "lacks_title",
    "outside_title",
]

#: Links a parent may add to the block and still be part of the report (a web address or an
#: attachment written into the text).
LINKS_ALLOWED = 2
#: The share of the data tables' text the report's block must hold.
TABLE_SHARE = 0.95
#: Characters of text outside the tables that show a block holds the report's prose, so it
#: need not grow: a report's overview alone runs to hundreds of characters.
PROSE_ENOUGH = 200
#: A title longer than this is not a title.
_TITLE_MAX = 80

_TITLE_SPLIT = re.compile(r"\s*(?:_|\||｜| - | — |--|——)\s*")
_HEADINGS = frozenset({"h1", "h2", "h3"})
#: The first line of a block that is not a title: a sentence, or a numbered section heading.
_NOT_TITLE = re.compile(r"。|^\s*[一二三四五六七八九十]+\s*[、.．]")


@attrs.frozen
class Content:
    """The block holding the report.

    Attributes:
        block: the element to read.
        anchors: the data tables the block was chosen around.
        whole: whether the block is the whole body (nothing was found to narrow it).
        signatures: each table's text (:func:`._text.signature`), to tell copies apart.
    """

    block: etree._Element
    anchors: tuple[etree._Element, ...]
    whole: bool
    signatures: dict[etree._Element, str]


@attrs.frozen
class Title:
    """A title found outside the report block: its text, source line and what held it.

    Attributes:
        text: the title on one line.
        line: the source line of the element that held it.
        holder: what held it (``<div>``, ``ArticleTitle meta``, ``<title>``).
        lines: the title's lines as the page breaks them (organ and title on two lines).
    """

    text: str
    line: int | None
    holder: str
    lines: tuple[str, ...] = ()


def _squash(text: str) -> str:
    return "".join(text.split())


def _data_tables(
    body: etree._Element, signatures: dict[etree._Element, str]
) -> tuple[list[etree._Element], set[str]]:
    """The data tables, and the texts of tables that copy one of them (print views)."""
    seen: set[str] = set()
    copies: set[str] = set()
    tables: list[etree._Element] = []
    for table, text in signatures.items():
        groups = table_rows(table)
        if is_layout(table, groups) or is_form(table, groups):
            continue
        if next(itertools.islice(table.iter("tr"), 1, None), None) is None:
            continue  # fewer than two rows
        if text in seen:
            copies.add(text)
            continue
        if not any(ch.isdigit() for ch in text) or is_link_list(table):
            continue
        seen.add(text)
        tables.append(table)
    return tables, copies


def _prose_anchor(body: etree._Element) -> etree._Element:
    scores: dict[etree._Element, int] = {}
    for element in body.iter("p", "br"):
        parent = element.getparent()
        if parent is None:
            continue
        size = text_size(element) if element.tag == "p" else len(_squash(element.tail or ""))
        scores[parent] = scores.get(parent, 0) + size
    if not scores:
        return body
    return max(scores, key=scores.__getitem__)


def _heart(
    anchors: list[etree._Element], signatures: dict[etree._Element, str], body: etree._Element
) -> etree._Element:
    """The deepest element holding :data:`TABLE_SHARE` of the anchors' text.

    Every anchor counts by its text, so a small stray table elsewhere (a calendar in a side
    bar) does not pull the block up to the page's whole layout, while the report's own tables,
    which share one block, always do.
    """
    weights: dict[etree._Element, int] = {}
    for table in anchors:
        weight = len(signatures[table]) + 1
        weights[table] = weights.get(table, 0) + weight
        for ancestor in table.iterancestors():
            weights[ancestor] = weights.get(ancestor, 0) + weight
    total = sum(len(signatures[t]) + 1 for t in anchors)
    block = body
    while True:
        heavy = next((c for c in block if weights.get(c, 0) >= TABLE_SHARE * total), None)
        if heavy is None:
            return block
        block = heavy


def _grow(
    block: etree._Element,
    body: etree._Element,
    tables: int,
    copies: set[str],
    signatures: dict[etree._Element, str],
) -> etree._Element:
    # How many tables whose text appears more than once each element holds, counted once
    # up front: a page of many copies must not cost a walk over its tables per step.
    held: dict[etree._Element, int] = {}
    for table, text in signatures.items():
        if text in copies:
            held[table] = held.get(table, 0) + 1
            for ancestor in table.iterancestors():
                held[ancestor] = held.get(ancestor, 0) + 1
    links = link_count(block)
    while block is not body and text_size(block) - tables < PROSE_ENOUGH:
        parent = block.getparent()
        if parent is None:
            break
        more = link_count(parent)
        if more - links > LINKS_ALLOWED or held.get(parent, 0) > held.get(block, 0):
            break
        block, links = parent, more
    return block


def _page_title(root: etree._Element) -> Title | None:
    for meta in root.iter("meta"):
        if str(meta.get("name", "")).lower() == "articletitle":
            content = " ".join(str(meta.get("content", "")).split())
            if content:
                return Title(content, source_line(meta), "ArticleTitle meta")
    title = root.find(".//title")
    if title is None or not all_text(title).strip():
        return None
    text = _TITLE_SPLIT.split(" ".join(all_text(title).split()))[0]
    if not any("\u3400" <= ch <= "\u9fff" for ch in text):
        return None  # "- no title specified", "404 Not Found": not a report's title
    return Title(text, source_line(title), "<title>")


_TITLE_HOLDERS = etree.XPath(
    "preceding::*[self::h1 or self::h2 or self::h3 or "
    "contains(translate(@class, 'TITLE', 'title'), 'title')]"
)


def _title_before(block: etree._Element, page: str) -> Title | None:
    wanted = _squash(page)
    holders: list[etree._Element] = _TITLE_HOLDERS(block)  # type: ignore[assignment]
    for element in reversed(holders):
        text = " ".join(all_text(element).split())
        if text and len(text) <= _TITLE_MAX and _squash(text) in wanted:
            lines = tuple(lines_of(element))
            return Title(text, source_line(element), f"<{element.tag}>", lines)
    return None


def lacks_title(lines: list[str | None]) -> bool:
    """Whether a block whose first lines are ``lines`` (``None``: a table) starts without a title.

    Lines with a colon (``来源：…``, ``发布时间：…``) are a page's article info, never a title:
    the first other line decides.
    """
    for line in lines:
        if line is not None and ("：" in line or ":" in line) and len(line) <= _TITLE_MAX:
            continue
        return line is None or len(line) > _TITLE_MAX or bool(_NOT_TITLE.search(line))
    return True


def outside_title(root: etree._Element, block: etree._Element) -> Title | None:
    """A title for the report from outside ``block``: a heading above it, or the page's own."""
    page = _page_title(root)
    if page is None:
        return None
    return _title_before(block, page.text) or page


def find_content(root: etree._Element) -> Content:
    """The block of ``root`` (an ``html`` element) that holds the report."""
    body = root.find("body")
    if body is None:
        body = root
    signatures = {table: signature(table) for table in body.iter("table")}
    anchors, copies = _data_tables(body, signatures)
    start = _heart(anchors, signatures, body) if anchors else _prose_anchor(body)
    tables = sum(len(signatures[t]) for t in anchors)
    block = _grow(start, body, tables, copies, signatures)
    return Content(block=block, anchors=tuple(anchors), whole=block is body, signatures=signatures)
