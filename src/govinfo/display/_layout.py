"""The tables of a report as printable blocks, shared by the terminal and HTML renderers.

Strategy: the model catalogue lists every cell in print order with its official labels. Rows of
one table that share the same columns (the same row class) form one block with one header, which
reproduces the template's sub-tables (第二十条第（一）项, （五）项, … in section 二; the 7 applicant
columns of section 三; the 5 outcome columns of section 四) without spelling a single label here.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govinfo.model.catalogue import CellSpec, cell_specs, cell_words, row_words
from govinfo.model.flat import CellValue
from govinfo.templates import TemplateSpec

__all__ = ["Block", "Highlight", "blocks", "cell_words", "format_value", "marks", "row_words"]


class Highlight:
    """How a cell is marked: one character in the terminal, one CSS class in HTML."""

    INFERRED = "inferred"
    VIOLATED = "violated"
    SUSPECT = "suspect"


@attrs.frozen(kw_only=True)
class Block:
    """Rows of one table that share their columns, with the labels as the model gives them."""

    table: str
    table_label: str
    column_labels: tuple[str, ...]
    rows: tuple[tuple[str, tuple[CellSpec, ...]], ...]


@functools.cache
def blocks(template: TemplateSpec, absent: frozenset[str] = frozenset()) -> tuple[Block, ...]:
    """The blocks of ``template`` in print order (none for ``legacy_2008``), without the
    ``absent`` cells (those of variants a report does not print, :func:`unprinted`)."""
    by_row: dict[tuple[str, str], list[CellSpec]] = {}
    for spec in cell_specs(template):
        if spec.address not in absent:
            by_row.setdefault((spec.table, spec.row), []).append(spec)
    result: list[Block] = []
    for specs in by_row.values():
        first = specs[0]
        columns = tuple(s.column_label for s in specs)
        row = (row_words(template, first), tuple(specs))
        last = result[-1] if result else None
        if last is not None and last.table == first.table and last.column_labels == columns:
            result[-1] = attrs.evolve(last, rows=(*last.rows, row))
        else:
            result.append(
                Block(
                    table=first.table,
                    table_label=first.table_label,
                    column_labels=columns,
                    rows=(row,),
                )
            )
    return tuple(result)


def marks(
    *,
    inferred: Iterable[str] = (),
    violated: Iterable[str] = (),
    suspects: Iterable[str] = (),
) -> dict[str, str]:
    """The mark of each marked address; a suspect outranks a violated or inferred cell."""
    result: dict[str, str] = {}
    for mark, addresses in (
        (Highlight.INFERRED, inferred),
        (Highlight.VIOLATED, violated),
        (Highlight.SUSPECT, suspects),
    ):
        for address in addresses:
            result[address] = mark
    return result


def format_value(value: CellValue) -> str:
    """A cell value as printed: the number exactly, an empty string when not stated."""
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)
