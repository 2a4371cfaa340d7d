"""The HTML front end: a report as its web page, read with lxml's HTML parser.

Strategy: decide the encoding before parsing (:mod:`._decode`), parse through the safety edge
(:func:`govinfo._safe.parse_html`), find the block of the page that holds the report
(:mod:`._content`), and walk it into the neutral document (:mod:`._blocks`): lines of text as
paragraphs, tables expanded to their grid by rowspan/colspan (:mod:`._tables`) with
``geometry=True``. The interpreter does the rest, as for every other format.
"""

from __future__ import annotations

import os
from typing import BinaryIO

from govinfo._safe import load_source, parse_html
from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.errors import NotAReportError
from govinfo.locations import Location
from govinfo.reading.document import Document, Paragraph
from govinfo.reading.html._blocks import BlockWalker
from govinfo.reading.html._content import find_content, lacks_title, outside_title
from govinfo.reading.html._decode import decode_page
from govinfo.reading.html._text import source_line
from govinfo.reading.interpret import interpret
from govinfo.reading.result import ReadResult

__all__ = ["read_html", "read_html_document"]

HtmlSource = str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO


def _load(source: HtmlSource, name: str | None) -> tuple[str, str, list[Diagnostic]]:
    if isinstance(source, str):
        return source, name or "<html>", []
    data, display = load_source(source, name=name)
    text, notes = decode_page(data, display)
    return text, display, notes


def read_html_document(source: HtmlSource, *, name: str | None = None) -> Document:
    """Read a web page into the neutral document, without interpreting it.

    Useful to see what the interpreter is given: the lines of the block that holds the report
    (site navigation left out), a title found outside that block first, and each table as
    its grid (covered cells repeat their origin and name it in ``merged_from``).

    Args:
        source: the markup (``str``), its bytes, a path (``os.PathLike``) or a binary file.
        name: the name to use in locations and messages (default: the path, ``<bytes>`` or
            ``<html>`` for a ``str``).

    Raises:
        UnsafeInputError: the page breaks a safety limit (size, entity declarations, tables
            that expand past the cell limit).
        ReadError: the page cannot be read or parsed.
        NotAReportError: the page is empty.
        TypeError: ``source`` is of a type the reader does not accept.
    """
    return _page(source, name)[0]


def _page(source: HtmlSource, name: str | None) -> tuple[Document, int]:
    """The neutral document of a page, and how many lines of links were left out."""
    text, display, notes = _load(source, name)
    if not text.strip():
        raise NotAReportError(
            "the page is empty", location=Location(source=display), message_zh="网页是空的"
        )
    root = parse_html(text, source=display)
    content = find_content(root)
    walker = BlockWalker(display, content.signatures)
    blocks = walker.walk(content.block)
    block_line = source_line(content.block)
    if not content.whole:
        notes.append(
            diagnostic(
                "html-content",
                path=root.getroottree().getpath(content.block),
                line=block_line,
                location=Location(source=display, line=block_line),
            )
        )
    leading = [b.text if isinstance(b, Paragraph) else None for b in blocks[:6]]
    if lacks_title(leading):
        title = outside_title(root, content.block)
        if title is not None:
            walker.add_title(title.lines or (title.text,), title.line)
            notes.append(
                diagnostic(
                    "html-title-outside",
                    title=title.text,
                    holder=title.holder,
                    location=Location(source=display, line=title.line),
                )
            )
    if walker.navigation:
        notes.append(
            diagnostic(
                "html-navigation-skipped",
                count=walker.navigation,
                location=Location(source=display, line=block_line),
            )
        )
    notes.extend(walker.notes)
    return Document(blocks=tuple(walker.blocks), source=display, notes=tuple(notes)), (
        walker.navigation
    )


def read_html(source: HtmlSource, *, name: str | None = None) -> ReadResult:
    """Read a report from its web page (``.html``, ``.htm``, ``.shtml``).

    The encoding is decided before parsing: a byte-order mark, then a charset declared in a
    meta tag (GB2312/GBK read as GB18030), then strict UTF-8, then GB18030; the decision is
    recorded (``html-encoding``). Only the block of the page that holds the report is read;
    site navigation, link lists and footers never become the title or the organ. Tables are
    read by their geometry: ``rowspan``/``colspan`` expanded to the grid, every cell located
    by table, row, grid column and source line.

    Args:
        source: the markup (``str``), its bytes, a path (``os.PathLike``) or a binary file.
        name: the name to use in locations and messages.

    Returns:
        The report, with the reading's diagnostics, the cells filled by inference, and where
        each read cell came from.

    Raises:
        NotAReportError: the page holds no annual report (a list of links, an index, an
            error page); the message says what the page holds instead.
        UnsafeInputError: the page breaks a safety limit.
        ReadError: the page cannot be read or parsed.
        TypeError: ``source`` is of a type the reader does not accept.

    Example:
        >>> from pathlib import Path
        >>> result = read_html(Path("tests/data/html/001_6936dc3b40e04b6e.html"))
        >>> result.report.applications.new_received.total
        4
    """
    document, navigation = _page(source, name)
    try:
        return interpret(document)
    except NotAReportError as exc:
        holds = _what_the_page_holds(document, navigation)
        raise NotAReportError(
            f"{exc.message}; {holds}",
            location=exc.location,
            # the page's description stays English: it is counts and a verdict, read alike
            message_zh=f"{exc.message_zh}（{holds}）" if exc.message_zh else None,
        ) from exc


def _what_the_page_holds(document: Document, links: int) -> str:
    lines = [b for b in document.blocks if isinstance(b, Paragraph)]
    tables = len(document.blocks) - len(lines)
    text = sum(len(b.text) for b in lines)
    found = f"the page holds {len(lines)} line(s) of text ({text} characters), {tables} table(s) "
    found += f"and {links} line(s) of links"
    if links > max(len(lines), 5):
        return found + ": a list or index of pages, not a report"
    if text < 200 and not tables:
        return found + ": an error or empty page, not a report"
    return found
