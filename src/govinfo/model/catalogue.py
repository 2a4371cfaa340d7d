"""The cell addresses of each template, derived from its spec.

Strategy: an address is ``table.row.column`` where each part is a key of the template spec
(FORMAT.md §8). Rather than keeping a second list that could drift from the spec, the
catalogue walks the spec once per template and records each cell's labels, kind and role.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
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
    "absent_variants",
    "addresses",
    "cell_spec",
    "cell_specs",
    "cell_words",
    "column_variant",
    "printed_columns",
    "printed_rows",
    "row_variant",
    "row_words",
    "unprinted",
    "variant_cells",
]


def row_variant(table: str, row: str) -> str:
    """The name of the variant that is an optional row (``applications.withheld.*``)."""
    return f"{table}.{row}.*"


def column_variant(table: str, column: str) -> str:
    """The name of the variant that is an optional column (``applications.*.organisations``)."""
    return f"{table}.*.{column}"


@attrs.frozen(kw_only=True)
class CellSpec:
    """One cell of a template: its address, its parts, its labels and what it may hold.

    Attributes:
        optional: the cell belongs to a variant some reports print (a group subtotal row or
            the 法人或其他组织 小计 column); ``None`` where the report does not print it.
        row_role: what the cell's row is to its table's arithmetic.
        column_role: what the cell's column is to its row's arithmetic.
        variants: the names of the variants (optional row, optional column) the cell belongs
            to; a report prints the cell only where it prints all of them.
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
    variants: tuple[str, ...] = ()

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
        variants=tuple(
            name
            for name, optional in (
                (row_variant(table.key, row.key), row.optional),
                (column_variant(table.key, column.key), column.optional),
            )
            if optional
        ),
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


@functools.cache
def _variant_cells(template: TemplateSpec) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for spec in _cells(template):
        for name in spec.variants:
            found.setdefault(name, []).append(spec.address)
    return {name: tuple(cells) for name, cells in found.items()}


def variant_cells(template: TemplateSpec | str) -> dict[str, tuple[str, ...]]:
    """The cells of each variant of ``template`` (an optional row or column), by its name."""
    return dict(_variant_cells(template_spec(template)))


def absent_variants(template: TemplateSpec | str, cells: Mapping[str, object]) -> frozenset[str]:
    """The variants of ``template`` that ``cells`` (values by address) do not print.

    A variant is printed when the report states at least one of its cells: a subtotal row
    with one figure is a printed row with blanks, not an absent one.
    """
    return frozenset(
        name
        for name, members in _variant_cells(template_spec(template)).items()
        if all(cells.get(a) is None for a in members)
    )


def unprinted(template: TemplateSpec | str, cells: Mapping[str, object]) -> frozenset[str]:
    """The addresses of the cells of the variants that ``cells`` do not print.

    Rules and inference leave these out: a row or column the report does not print is not
    a figure it failed to state.
    """
    spec = template_spec(template)
    absent = absent_variants(spec, cells)
    return frozenset(a for name in absent for a in _variant_cells(spec)[name])


def printed_rows(table: TableSpec, absent: Iterable[str]) -> tuple[RowSpec, ...]:
    """The rows of ``table`` a report prints, given the variants it does not print
    (:func:`absent_variants`)."""
    skipped = frozenset(absent)
    return tuple(r for r in table.rows if row_variant(table.key, r.key) not in skipped)


def printed_columns(
    table: TableSpec, row: RowSpec, absent: Iterable[str]
) -> tuple[ColumnSpec, ...]:
    """The columns of ``row`` of ``table`` a report prints, given the variants it does not
    print (:func:`absent_variants`)."""
    skipped = frozenset(absent)
    return tuple(c for c in row.columns if column_variant(table.key, c.key) not in skipped)
