"""The cell addresses of each template, derived from the model classes.

Strategy: an address is ``table.row.column`` where each part is an attrs field name of the
model (FORMAT.md §8). Rather than keeping a second list that could drift from the classes,
the catalogue walks the classes once per template and records each cell's labels and kind.
"""

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any

import attrs

from govinfo.model.fields import KIND, LABEL, ValueKind, check_value, to_decimal
from govinfo.model.tables import (
    Applications,
    Applications2019,
    ProactiveDisclosure,
    ProactiveDisclosure2019,
    ReviewLitigation,
)
from govinfo.model.template import Template

__all__ = ["LEGACY_PREFIX", "TABLES", "CellSpec", "addresses", "cell_spec", "cell_specs"]

#: Table classes of each template, in the order the report prints them.
TABLES: dict[Template, dict[str, type[Any]]] = {
    Template.GB_2021: {
        "proactive_disclosure": ProactiveDisclosure,
        "applications": Applications,
        "review_litigation": ReviewLitigation,
    },
    Template.GB_2019: {
        "proactive_disclosure": ProactiveDisclosure2019,
        "applications": Applications2019,
        "review_litigation": ReviewLitigation,
    },
    Template.LEGACY_2008: {},
}

#: Prefix of the open set of pre-2019 statistics addresses (``legacy.<key>``).
LEGACY_PREFIX = "legacy."

_TABLE_LABELS = {
    "proactive_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
}


@attrs.frozen(kw_only=True)
class CellSpec:
    """One cell of a template: its address, its parts, its labels and what it may hold."""

    address: str
    table: str
    row: str
    column: str
    kind: ValueKind
    table_label: str
    row_label: str
    column_label: str

    def parse_value(self, value: object) -> int | Decimal | None:
        """Return ``value`` if this cell may hold it, else raise ``InvalidValueError``."""
        if self.kind is ValueKind.AMOUNT:
            value = to_decimal(value)
        check_value(self.kind, self.address, value)
        assert value is None or isinstance(value, (int, Decimal))  # what check_value let by
        return value


@functools.cache
def cell_specs(template: Template) -> tuple[CellSpec, ...]:
    """Every table cell of ``template`` in print order (empty for ``legacy_2008``)."""
    specs: list[CellSpec] = []
    for table, table_cls in TABLES[Template(template)].items():
        for row_field in attrs.fields(table_cls):
            for col_field in attrs.fields(_row_class(table_cls, row_field.name)):
                specs.append(
                    CellSpec(
                        address=f"{table}.{row_field.name}.{col_field.name}",
                        table=table,
                        row=row_field.name,
                        column=col_field.name,
                        kind=col_field.metadata[KIND],
                        table_label=_TABLE_LABELS[table],
                        row_label=row_field.metadata[LABEL],
                        column_label=col_field.metadata[LABEL],
                    )
                )
    return tuple(specs)


def _row_class(table_cls: type[Any], name: str) -> type[Any]:
    # Annotations are strings under ``from __future__ import annotations``; the default
    # factory of a row field is the row class itself, which is the reliable source.
    field = attrs.fields_dict(table_cls)[name]
    factory = field.default.factory  # type: ignore[union-attr]
    assert isinstance(factory, type)
    return factory


@functools.cache
def _by_address(template: Template) -> dict[str, CellSpec]:
    return {spec.address: spec for spec in cell_specs(template)}


def cell_spec(template: Template | str, address: str) -> CellSpec | None:
    """The :class:`CellSpec` of ``address`` in ``template``, or ``None`` if it has no such cell."""
    return _by_address(Template(template)).get(address)


def addresses(template: Template | str) -> tuple[str, ...]:
    """Every table cell address of ``template``, in the order the report prints them.

    ``legacy_2008`` has no fixed cells: its statistics live under the open ``legacy.<key>`` set.

    Example:
        >>> addresses("gb_2021")[0]
        'proactive_disclosure.rules.issued'
    """
    return tuple(spec.address for spec in cell_specs(Template(template)))
