"""The neutral document: what every front end produces and the interpreter consumes.

Strategy: a front end (text, DOCX, XLSX) knows its format and nothing about the template's
labels; the interpreter knows the labels and nothing about formats. Between them sits this
small, format-free shape: a sequence of blocks in reading order, each a paragraph of text or
a table given as rows of cell strings, and every piece carries the :class:`Location` it came
from so diagnostics can point back into the source.

Merged cells are expanded to the logical grid by the front end. A cell covered by a merge
repeats the text of the merge's origin and records the origin in ``merged_from``, so the
interpreter can apply a spanning label to every row it spans without counting a spanning
value twice.
"""

from __future__ import annotations

import attrs

from govinfo._safe import (
    MAX_CELLS,
    MAX_PARAGRAPHS,
    MAX_ROW_CELLS,
    MAX_TABLE_ROWS,
    MAX_TEXT_CHARS,
)
from govinfo.diagnostics import Diagnostic
from govinfo.errors import UnsafeInputError
from govinfo.locations import Location

__all__ = ["Block", "Cell", "Document", "Paragraph", "Table", "new_cell"]


@attrs.frozen(kw_only=True)
class Cell:
    """One cell of a table: its text as the source gives it, and where it is.

    Attributes:
        text: the cell's text, with line breaks inside the cell kept as ``\\n``.
        location: where the cell is in the source.
        merged_from: for a cell covered by a merge, the location of the merge's origin cell.
    """

    text: str
    location: Location
    merged_from: Location | None = None


# A front end builds one Cell per table cell; filling the slots through their descriptors
# skips the keyword __init__'s per-field object.__setattr__ (see govinfo.locations).
_set_text, _set_location, _set_merged_from = (
    getattr(Cell, name).__set__ for name in ("text", "location", "merged_from")
)


def new_cell(text: str, location: Location, merged_from: Location | None = None) -> Cell:
    """``Cell(text=, location=, merged_from=)``, built without the keyword ``__init__``."""
    cell: Cell = object.__new__(Cell)
    _set_text(cell, text)
    _set_location(cell, location)
    _set_merged_from(cell, merged_from)
    return cell


@attrs.frozen(kw_only=True)
class Paragraph:
    """A line or paragraph of running text outside any table."""

    text: str
    location: Location


@attrs.frozen(kw_only=True)
class Table:
    """A table as rows of cells. Rows may have different lengths; nothing is padded.

    Attributes:
        rows: the rows, top to bottom; each a tuple of cells, left to right.
        location: where the table starts.
        geometry: ``True`` when the cells' columns are the source's own (a DOCX, XLSX, HTML or
            PDF table, a box-drawn text table): cell *n* of every row lies in grid column *n*,
            so the interpreter reads each cell by its column and never moves a value to
            another. ``False`` for rows a front end made by splitting lines of text, whose
            columns cannot be trusted (a blank cell may have left no separator).
    """

    rows: tuple[tuple[Cell, ...], ...]
    location: Location
    geometry: bool = True


Block = Paragraph | Table


@attrs.frozen(kw_only=True)
class Document:
    """A source read into blocks, in reading order.

    Attributes:
        blocks: paragraphs and tables in the order the source presents them.
        source: the name of the source (a file name), for locations and messages.
        notes: what the front end noticed about the source itself (encoding guessed, parts
            skipped), as diagnostics to pass on to the user.
    """

    blocks: tuple[Block, ...]
    source: str | None = None
    notes: tuple[Diagnostic, ...] = ()

    def __attrs_post_init__(self) -> None:
        _check_limits(self.blocks, self.source)


def _check_limits(blocks: tuple[Block, ...], source: str | None) -> None:
    # Reading is linear in the document, but a hostile file can be huge in one dimension at
    # little cost (a 100 KB workbook of 100,000 rows, a megabyte on one line). Limits that no
    # real report reaches (govinfo._safe) refuse those at once, naming the limit.
    paragraphs = cells = 0
    for block in blocks:
        if isinstance(block, Paragraph):
            paragraphs += 1
            _check(len(block.text), MAX_TEXT_CHARS, "characters in a paragraph", source)
            continue
        _check(len(block.rows), MAX_TABLE_ROWS, "rows in a table", source)
        for row in block.rows:
            _check(len(row), MAX_ROW_CELLS, "cells in a table row", source)
            cells += len(row)
            for cell in row:
                _check(len(cell.text), MAX_TEXT_CHARS, "characters in a cell", source)
    _check(paragraphs, MAX_PARAGRAPHS, "paragraphs", source)
    _check(cells, MAX_CELLS, "table cells", source)


def _check(size: int, limit: int, what: str, source: str | None) -> None:
    if size > limit:
        raise UnsafeInputError(
            f"the document has {size} {what}, over the limit of {limit}",
            location=Location(source=source),
        )
