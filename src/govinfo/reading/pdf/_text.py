"""Characters into lines, lines into paragraphs; page numbers in the margins left out.

Strategy: characters whose vertical centres lie within half a line of each other form a line,
read left to right; a gap wider than a fifth of the line's height is a space, except between
two CJK characters (justified text spreads them). The same rule
builds a cell's text (its lines joined by ``\\n``, as a cell's own line breaks) and the page's
running text. Running text is then joined into paragraphs the way a reader sees them: a line
continues the paragraph above when that line ran to the right margin and this one starts at
the left margin without a larger gap, and neither spreads its words into columns (an unruled
table's rows stay lines of their own); an indented first line, a short last line, a centred
title or a heading all end or start paragraphs. A line alone in the top or bottom margin that
is only a page number (``-1-``, ``— 2 —``, ``第3页``, ``4/6``) is dropped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from govinfo.reading.pdf._shapes import Char

__all__ = ["TextLine", "cell_text", "is_page_number", "join_lines", "paragraphs", "text_lines"]

#: A gap between characters wider than this share of the line height is a space.
_SPACE = 0.2
#: A gap wider than this share of the line height separates columns.
_SPREAD = 1.0
#: Lines in the outer share of the page (top or bottom) may be running heads and page numbers.
_MARGIN = 0.1
_PAGE_NUMBER = re.compile(
    r"[-—–－_\s]*(?:\d{1,4}|[ivxlcIVXLC]{1,6})[-—–－_\s]*"
    r"|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}"
)
_ASCII_WORD = re.compile(r"[0-9A-Za-z]")


class TextLine(NamedTuple):
    """A line of text with its box (top-down page coordinates)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float
    spread: bool = False  #: words far apart: columns of an unruled table, not prose


def text_lines(chars: Iterable[Char]) -> list[TextLine]:
    """Group characters into lines, top to bottom, each read left to right."""
    ordered = sorted(chars, key=lambda c: (c.top + c.bottom) / 2)
    groups: list[list[Char]] = []
    centre = 0.0
    half = 0.0
    for char in ordered:
        middle = (char.top + char.bottom) / 2
        if groups and middle - centre <= half:
            groups[-1].append(char)
            continue
        groups.append([char])
        centre = middle
        half = max((char.bottom - char.top) / 2, 0.5)
    return [_line(group) for group in groups]


def _line(chars: list[Char]) -> TextLine:
    chars.sort(key=lambda c: c.x0)
    top = min(c.top for c in chars)
    bottom = max(c.bottom for c in chars)
    height = bottom - top
    parts: list[str] = []
    previous: Char | None = None
    widest = 0.0
    for char in chars:
        if previous is not None:
            gap = char.x0 - previous.x1
            widest = max(widest, gap)
            if gap > _SPACE * height and not (_cjk(previous.text) and _cjk(char.text)):
                parts.append(" ")
        parts.append(char.text)
        previous = char
    return TextLine(
        "".join(parts),
        chars[0].x0,
        top,
        max(c.x1 for c in chars),
        bottom,
        widest > _SPREAD * height,
    )


def _cjk(char: str) -> bool:
    # Justified CJK text spreads its characters; a gap between two of them is not a space.
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def cell_text(chars: Iterable[Char]) -> str:
    """A cell's text: its lines joined by ``\\n``; vertical text read column by column."""
    chars = list(chars)
    columns = _vertical_columns(chars)
    if columns is not None:
        return "\n".join("".join(c.text for c in column) for column in columns)
    return "\n".join(line.text for line in text_lines(chars))


def _vertical_columns(chars: list[Char]) -> list[list[Char]] | None:
    """Upright characters set top to bottom in columns read right to left (Word's and
    LibreOffice's vertical text direction), or ``None`` when the text runs in lines.

    Vertical text has several columns of two or more characters each, and no two characters
    of a column's neighbour touch sideways (in lines, the characters of a word do).
    """
    if len(chars) < 4:
        return None
    by_x = sorted(chars, key=lambda c: (c.x0 + c.x1) / 2)
    columns: list[list[Char]] = [[by_x[0]]]
    for char in by_x[1:]:
        last = columns[-1][-1]
        width = max(last.x1 - last.x0, char.x1 - char.x0, 0.5)
        if (char.x0 + char.x1) / 2 - (last.x0 + last.x1) / 2 > 0.5 * width:
            columns.append([char])
        else:
            columns[-1].append(char)
    if len(columns) < 2 or any(len(column) < 2 for column in columns):
        return None
    for left, right in itertools.pairwise(columns):
        gap = min(c.x0 for c in right) - max(c.x1 for c in left)
        if gap < 0.25 * (left[0].x1 - left[0].x0):
            return None
    for column in columns:
        column.sort(key=lambda c: c.top)
    return columns[::-1]


def is_page_number(line: TextLine, height: float) -> bool:
    """Whether ``line`` is a page number (or page count) in the top or bottom margin."""
    in_margin = line.bottom < height * _MARGIN or line.top > height * (1 - _MARGIN)
    return in_margin and _PAGE_NUMBER.fullmatch(line.text.strip()) is not None


def join_lines(texts: Sequence[str]) -> str:
    """Join a paragraph's lines: no separator between CJK characters, a space between words."""
    joined = texts[0] if texts else ""
    for text in texts[1:]:
        if joined and text and _ASCII_WORD.match(joined[-1]) and _ASCII_WORD.match(text[0]):
            joined += " "
        joined += text
    return joined


class Paragraph(NamedTuple):
    """A paragraph's lines; ``open_end`` when its last line runs to the right margin."""

    lines: tuple[TextLine, ...]
    open_end: bool
    indented: bool


def paragraphs(lines: Sequence[TextLine], left: float, right: float) -> list[Paragraph]:
    """Join ``lines`` (top to bottom, page numbers removed) into paragraphs.

    Args:
        lines: the running text's lines.
        left, right: the text block's margins (the usual start and the furthest end of a line).
    """
    found: list[Paragraph] = []
    current: list[TextLine] = []
    for line in lines:
        height = line.bottom - line.top
        if current:
            above = current[-1]
            full = above.x1 >= right - 1.5 * height
            flush = line.x0 <= left + 0.5 * height
            close = line.top - above.bottom <= 0.8 * height
            if full and flush and close and not (line.spread or above.spread):
                current.append(line)
                continue
            found.append(_paragraph(current, left, right))
        current = [line]
    if current:
        found.append(_paragraph(current, left, right))
    return found


def _paragraph(lines: list[TextLine], left: float, right: float) -> Paragraph:
    last = lines[-1]
    first = lines[0]
    height = last.bottom - last.top
    return Paragraph(
        lines=tuple(lines),
        open_end=last.x1 >= right - 1.5 * height,
        indented=first.x0 > left + 0.5 * (first.bottom - first.top),
    )
