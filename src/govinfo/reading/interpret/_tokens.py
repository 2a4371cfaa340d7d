"""A table section's blocks as one stream of tokens.

Strategy: the interpreter never asks how a table was laid out. Within a section that holds a
table, every table cell and every non-prose paragraph line is cut into tokens, each with the
location it came from and an id of its source row. One cell per line, tab-separated rows,
``pdftotext`` output with or without ``-layout`` and DOCX grids then all read alike: a row is a
label (one or more text tokens) followed by its values. The source-row id is kept so that a
row printed whole on one line can still be read by position when it has blank cells.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from govinfo.locations import Location
from govinfo.reading.document import Block, Cell, Paragraph
from govinfo.reading.interpret._labels import key
from govinfo.reading.interpret._values import Kind, Value, parse_value

__all__ = ["Token", "is_prose", "row_texts", "tokenise"]

_WORDS = re.compile(r"\S+")


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


def _cell_tokens(text: str, location: Location, row_id: int, covered: bool) -> list[Token]:
    value = parse_value(text)
    if value.kind is Kind.TEXT:
        pieces = _WORDS.findall(text)
        if len(pieces) > 1:
            values = [parse_value(piece) for piece in pieces]
            if all(v.kind in (Kind.NUMBER, Kind.NOT_APPLICABLE) for v in values):
                return [Token(p, v, location, row_id) for p, v in zip(pieces, values, strict=True)]
        return [Token(text, value, location, row_id, key(text))]
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
                tokens.append(
                    Token(
                        piece,
                        value,
                        block.location,
                        row_id,
                        key(piece) if value.kind is Kind.TEXT else "",
                    )
                )
            continue
        for row in block.rows:
            row_id += 1
            for cell in row:
                tokens.extend(
                    _cell_tokens(cell.text, cell.location, row_id, cell.merged_from is not None)
                )
    return tokens
