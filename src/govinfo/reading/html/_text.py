"""The visible text of HTML elements, cut into lines where a browser breaks them.

Strategy: a browser collapses every run of white space (line breaks in the markup, tabs,
``&nbsp;``) to one space and starts a new line at a block element or ``<br>``. Word- and
WPS-exported pages lean on both: one table label is often spelled as one ``<p>`` (or ``<br>``)
per character (``结/果/维/持``), and a blank cell is ``&nbsp;``. So an element's text is read as
lines; a cell joins its lines with ``\\n`` as the DOCX reader joins a cell's paragraphs, except
that a run of lines of one CJK character each is one word again (``结果维持``). Digits are never
joined: ``1<br>2`` stays two lines, never the number 12.

What is never text: scripts, styles, templates, form controls, embedded objects and Word's
``<xml>`` islands; comments and processing instructions were dropped by the parser. Word's
``<o:p>`` paragraph marks are inline elements a browser shows, holding ``&nbsp;``: blank.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import cast

from lxml import etree

__all__ = [
    "BLOCK_TAGS",
    "SKIP_TAGS",
    "all_text",
    "cell_text",
    "join_cell_lines",
    "lines_of",
    "signature",
    "source_line",
    "text_size",
]

#: Elements whose content is never visible text.
SKIP_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "head", "title", "iframe", "object",
        "embed", "select", "option", "textarea", "button", "input", "svg", "canvas", "map",
        "xml", "meta", "link", "applet", "audio", "video",
    }
)  # fmt: skip
#: Elements that start and end a line.
BLOCK_TAGS = frozenset(
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
        "tr", "td", "th", "table", "thead", "tbody", "tfoot", "caption", "blockquote", "pre",
        "section", "article", "header", "footer", "nav", "aside", "main", "address",
        "center", "form", "fieldset", "legend", "figure", "figcaption", "hr", "details",
        "summary", "body", "html",
    }
)  # fmt: skip


def _visit(element: etree._Element, pieces: list[str], lines: list[str]) -> None:
    for child in element:
        tag = child.tag
        if tag in SKIP_TAGS or not isinstance(tag, str):
            pass
        elif tag == "br":
            _flush(pieces, lines)
        elif tag in BLOCK_TAGS:
            _flush(pieces, lines)
            if child.text:
                pieces.append(child.text)
            _visit(child, pieces, lines)
            _flush(pieces, lines)
        else:
            if child.text:
                pieces.append(child.text)
            _visit(child, pieces, lines)
        if child.tail:
            pieces.append(child.tail)


def _flush(pieces: list[str], lines: list[str]) -> None:
    if pieces:
        text = " ".join("".join(pieces).split())
        pieces.clear()
        if text:
            lines.append(text)


def lines_of(element: etree._Element) -> list[str]:
    """The visible lines of ``element``'s content, white space collapsed, empty lines dropped."""
    pieces: list[str] = [element.text] if element.text else []
    lines: list[str] = []
    _visit(element, pieces, lines)
    _flush(pieces, lines)
    return lines


def _one_cjk(line: str) -> bool:
    return len(line) == 1 and "\u3400" <= line <= "\u9fff"


def join_cell_lines(lines: list[str]) -> str:
    """A cell's lines as its text: ``\\n`` between lines, none inside a run of single CJK ones."""
    if len(lines) <= 1:
        return lines[0] if lines else ""
    out = lines[0]
    previous_single = _one_cjk(lines[0])
    for line in lines[1:]:
        single = _one_cjk(line)
        out += line if single and previous_single else "\n" + line
        previous_single = single
    return out


def _one_line(cell: etree._Element) -> bool:
    """Whether ``cell`` is one line of inline markup, perhaps inside one paragraph."""
    inner: etree._Element | None = None
    for element in cell.iter():
        tag = element.tag
        if tag in SKIP_TAGS or tag == "br":
            return False
        if tag in BLOCK_TAGS and element is not cell:
            if inner is not None:
                return False
            inner = element
    if inner is None:
        return True
    # Text beside the paragraph would be a line of its own.
    return not ((cell.text or "").strip() or (inner.tail or "").strip())


def cell_text(cell: etree._Element) -> str:
    """The text of a table cell (``td``/``th``) as the neutral document carries it."""
    if len(cell) == 0:  # text only, as generated pages write cells
        text = cell.text
        return " ".join(text.split()) if text else ""
    if _one_line(cell):
        # Word's <p><span><font>…</font></span></p>: libxml2 serialises the text in one call,
        # several times faster than walking the few elements in Python.
        text = etree.tostring(cell, method="text", encoding="unicode", with_tail=False)
        return " ".join(text.split())
    return join_cell_lines(lines_of(cell))


def source_line(element: etree._Element) -> int | None:
    """The source line lxml recorded for ``element``, if any."""
    line = element.sourceline
    return line if isinstance(line, int) else None


def all_text(element: etree._Element) -> str:
    """Every text node under ``element``, concatenated (script text included)."""
    # An HTML tree's text nodes are str; the stubs allow bytes for XML parsed from bytes.
    return "".join(cast(Iterator[str], element.itertext()))


_NORMALIZED = etree.XPath("normalize-space(.)")
_SIZE = etree.XPath("string-length(normalize-space(.))")


def signature(element: etree._Element) -> str:
    """All of ``element``'s text, white space runs made one space: equal for a table and its
    copy (computed by libxml2, not in Python: tables of Word pages are large)."""
    return str(_NORMALIZED(element))


def text_size(element: etree._Element) -> int:
    """How many characters of text ``element`` holds, white space runs counted once."""
    return int(_SIZE(element))  # type: ignore[arg-type]
