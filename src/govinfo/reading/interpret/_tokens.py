"""A table section's blocks as one stream of tokens.

Strategy: the interpreter never asks how a table was laid out. Within a section that holds a
table, every table cell and every non-prose paragraph line is cut into tokens, each with the
location it came from and an id of its source row. One cell per line, tab-separated rows,
``pdftotext`` output with or without ``-layout`` and DOCX grids then all read alike: a row is a
label (one or more text tokens) followed by its values. The source-row id is kept so that a
row printed whole on one line can still be read by position when it has blank cells.
"""

from __future__ import annotations

import functools
import re
from typing import NamedTuple

from govinfo.locations import Location
from govinfo.reading.document import Block, Cell, Paragraph
from govinfo.reading.interpret._labels import key
from govinfo.reading.interpret._values import Kind, Value, parse_value

__all__ = ["Token", "is_prose", "row_texts", "tokenise"]

_WORDS = re.compile(r"\S+")
_VALUES = (Kind.NUMBER, Kind.NOT_APPLICABLE)
#: Digits run on from a label that ends in a CJK character or a closing bracket or quote
#: (with a decimal part: an amount such as 行政事业性收费24252.311082 on a crawled page).
_GLUED = re.compile(r"(.*[\u3400-\u9fff）)”」])([0-9０-９]+(?:[.．][0-9０-９]+)?)", re.S)


class Token(NamedTuple):
    """One cell, or one piece of a line, of a table section (a tuple: thousands per report)."""

    text: str
    value: Value
    location: Location
    row_id: int
    key: str = ""

    @property
    def kind(self) -> Kind:
        return self.value.kind


def is_prose(text: str) -> bool:
    """Whether a paragraph is running text rather than a piece of a table."""
    return "。" in text or len(text) > 120


def row_texts(row: tuple[Cell, ...]) -> list[str]:
    """The non-empty texts of a row, each merged cell once.

    A cell covered by a merge repeats its origin's text: a heading or title row spanning the
    table would otherwise count as many cells as it spans.
    """
    return [cell.text.strip() for cell in row if cell.merged_from is None and cell.text.strip()]


def _text_tokens(text: str, location: Location, row_id: int) -> list[Token]:
    return [Token(piece, value, location, row_id, k) for piece, value, k in _split_text(text)]


@functools.lru_cache(maxsize=4096)
def _split_text(text: str) -> tuple[tuple[str, Value, str], ...]:
    # A label with its values in the same cell or piece: "行政规范性文件 0" (pdftotext -layout
    # puts one space after a long label) or "（一）予以公开1000001" (cells copied with no
    # separator). The trailing numbers become value pieces; digits glued to a label stay one
    # run, which placement splits (or leaves unknown when the split is not determined).
    # Cached: labels repeat across reports. Each piece: text, value, key (labels only).
    pieces = _WORDS.findall(text)
    values = [parse_value(piece) for piece in pieces]
    numeric = 0
    while numeric < len(pieces) and values[-1 - numeric].kind in _VALUES:
        numeric += 1
    if numeric == len(pieces) and len(pieces) > 1:
        return tuple((p, v, "") for p, v in zip(pieces, values, strict=True))
    tail = [
        (p, v, "")
        for p, v in zip(
            pieces[len(pieces) - numeric :], values[len(pieces) - numeric :], strict=True
        )
    ]
    label = " ".join(pieces[: len(pieces) - numeric]) if numeric else text
    glued = _GLUED.fullmatch(label.strip())
    if glued is not None:
        label = glued[1]
        tail.insert(0, (glued[2], parse_value(glued[2]), ""))
    return ((label, parse_value(label), key(label)), *tail)


def _cell_tokens(text: str, location: Location, row_id: int, covered: bool) -> list[Token]:
    value = parse_value(text)
    if value.kind is Kind.TEXT:
        if covered:
            return [Token(text, value, location, row_id, key(text))]
        return _text_tokens(text, location, row_id)
    if covered:
        # A merged cell repeats its origin's text; a number counted twice would shift a row.
        return [Token("", Value(Kind.BLANK), location, row_id)]
    return [Token(text, value, location, row_id)]


def tokenise(blocks: list[Block], first_row_id: int = 0) -> list[Token]:
    """Cut ``blocks`` into tokens; prose paragraphs are left out (they are narrative)."""
    tokens: list[Token] = []
    row_id = first_row_id
    for block in blocks:
        if isinstance(block, Paragraph):
            row_id += 1
            if is_prose(block.text):
                continue
            for piece in _WORDS.findall(block.text):
                value = parse_value(piece)
                if value.kind is Kind.TEXT:
                    tokens.extend(_text_tokens(piece, block.location, row_id))
                else:
                    tokens.append(Token(piece, value, block.location, row_id))
            continue
        for row in block.rows:
            row_id += 1
            for cell in row:
                tokens.extend(
                    _cell_tokens(cell.text, cell.location, row_id, cell.merged_from is not None)
                )
    return tokens
