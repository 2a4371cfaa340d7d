"""The cell addresses of each template, derived from its spec.

Strategy: an address is ``table.row.column`` where each part is a key of the template spec
(FORMAT.md §8). Rather than keeping a second list that could drift from the spec, the
catalogue walks the spec once per template and records each cell's labels, kind and role.
"""

from __future__ import annotations

import functools
from decimal import Decimal

import attrs

from govinfo.templates import (
    LEGACY_PREFIX,
    ColumnSpec,
    Role,
    RowSpec,
    TableSpec,
    TemplateSpec,
    ValueKind,
    template_spec,
)
from govinfo.templates._fields import check_value, to_decimal

__all__ = [
    "LEGACY_PREFIX",
    "CellSpec",
    "addresses",
    "cell_spec",
    "cell_specs",
    "cell_words",
    "row_words",
]


@attrs.frozen(kw_only=True)
class CellSpec:
    """One cell of a template: its address, its parts, its labels and what it may hold.

    Attributes:
        optional: the cell belongs to a variant some reports print (a group subtotal row or
            the 法人或其他组织 小计 column); ``None`` where the report does not print it.
        row_role: what the cell's row is to its table's arithmetic.
        column_role: what the cell's column is to its row's arithmetic.
    """

    address: str
    table: str
    row: str
    column: str
    kind: ValueKind
    table_label: str
    row_label: str
    column_label: str
    row_role: Role = Role.ITEM
    column_role: Role = Role.ITEM
    optional: bool = False

    def parse_value(self, value: object) -> int | Decimal | None:
        """Return ``value`` if this cell may hold it, else raise ``InvalidValueError``."""
        if self.kind is ValueKind.AMOUNT:
            value = to_decimal(value)
        check_value(self.kind, self.address, value)
        assert value is None or isinstance(value, (int, Decimal))  # what check_value let by
        return value


def _cell(table: TableSpec, row: RowSpec, column: ColumnSpec) -> CellSpec:
    return CellSpec(
        address=f"{table.key}.{row.key}.{column.key}",
        table=table.key,
        row=row.key,
        column=column.key,
        kind=column.kind,
        table_label=table.label,
        row_label=row.label,
        column_label=column.label,
        row_role=row.role,
        column_role=column.role,
        optional=row.optional or column.optional,
    )


@functools.cache
def _cells(template: TemplateSpec) -> tuple[CellSpec, ...]:
    return tuple(_cell(t, r, c) for t, r, c in template.cells())


def cell_specs(template: TemplateSpec | str) -> tuple[CellSpec, ...]:
    """Every table cell of ``template`` in print order (empty for a template without tables)."""
    return _cells(template_spec(template))


@functools.cache
def _by_address(template: TemplateSpec) -> dict[str, CellSpec]:
    return {spec.address: spec for spec in _cells(template)}


def cell_spec(template: TemplateSpec | str, address: str) -> CellSpec | None:
    """The :class:`CellSpec` of ``address`` in ``template``, or ``None`` if it has no such cell."""
    return _by_address(template_spec(template)).get(address)


def addresses(template: TemplateSpec | str) -> tuple[str, ...]:
    """Every table cell address of ``template``, in the order the report prints them.

    A template without tables (``legacy_2008``) has no fixed cells: its statistics live under
    the open ``legacy.<key>`` set.

    Example:
        >>> addresses("gb_2021")[0]
        'proactive_disclosure.rules.issued'
    """
    return tuple(spec.address for spec in cell_specs(template))


def row_words(template: TemplateSpec, spec: CellSpec) -> str:
    """A cell's row as the report prints it, with the group a numbered item belongs to."""
    table = template.table(spec.table)
    group = None if table is None else table.group_of(spec.row)
    # A numbered item ("1.属于国家秘密") means little without the group its label spans.
    return f"{group.label} {spec.row_label}" if group else spec.row_label


def cell_words(template: TemplateSpec | str, address: str) -> str | None:
    """A cell in the report's own words: ``（一）予以公开 · 自然人``; ``None`` for an address
    the template's tables do not have (a pre-2019 statistic)."""
    template = template_spec(template)
    spec = cell_spec(template, address)
    return None if spec is None else f"{row_words(template, spec)} · {spec.column_label}"
