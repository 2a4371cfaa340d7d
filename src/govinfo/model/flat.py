"""``flatten`` and ``unflatten``: a report as ``{address: value}`` and back."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from govinfo.errors import InvalidValueError
from govinfo.model.catalogue import cell_spec, cell_specs
from govinfo.model.classes import row_class, table_class
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport, LegacyValue
from govinfo.templates import DEFAULT_TEMPLATE, TemplateSpec, template_spec

__all__ = ["CellValue", "flatten", "unflatten"]

#: What a cell holds: a count, a signed change, an amount, or ``None`` (not stated).
CellValue = int | Decimal | None


def flatten(report: AnnualReport) -> dict[str, CellValue]:
    """Every value of ``report`` by its address (FORMAT.md §8), in print order.

    Table templates give every cell of the template, ``None`` included, so the keys depend on
    the template only. ``legacy_2008`` gives the ``legacy.<key>`` statistics the report states.
    Metadata and narrative are not cells and are not included.

    Example:
        >>> r = AnnualReport(template="gb_2021")
        >>> flatten(r)["applications.new_received.total"] is None
        True
    """
    cells: dict[str, CellValue] = {}
    for spec in cell_specs(report.template):
        row = getattr(getattr(report, spec.table), spec.row)
        cells[spec.address] = getattr(row, spec.column)
    prefix = report.template.open_prefix
    for key, value in report.legacy.items():
        cells[f"{prefix}{key}"] = value
    return cells


def unflatten(
    cells: Mapping[str, object],
    *,
    template: TemplateSpec | str = DEFAULT_TEMPLATE,
    organ: str | None = None,
    year: int | None = None,
    title: str | None = None,
    narrative: Narrative | None = None,
) -> AnnualReport:
    """Build a report from ``{address: value}``; the inverse of :func:`flatten`.

    Addresses not given are ``None``. ``legacy.<key>`` addresses are accepted for a template
    with open statistics (``legacy_2008``) only.

    Raises:
        InvalidValueError: an unknown address, or a value the cell cannot hold; the message
            names the address.
    """
    template = template_spec(template)
    prefix = template.open_prefix
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    legacy: dict[str, LegacyValue] = {}
    for address, value in cells.items():
        if prefix is not None and address.startswith(prefix):
            if value is not None:
                legacy[address[len(prefix) :]] = value  # type: ignore[assignment]
            continue
        spec = cell_spec(template, address)
        if spec is None:
            raise InvalidValueError(address, value, f"a cell address of template {template}")
        rows.setdefault((spec.table, spec.row), {})[spec.column] = spec.parse_value(value)
    tables: dict[str, Any] = {}
    for table in template.tables:
        row_values: dict[str, Any] = {}
        for row in table.rows:
            given = rows.get((table.key, row.key))
            if given:
                row_values[row.key] = row_class(row)(**given)
        tables[table.key] = table_class(table)(**row_values)
    return AnnualReport(
        template=template,
        organ=organ,
        year=year,
        title=title,
        narrative=narrative if narrative is not None else Narrative(),
        legacy=legacy,
        **tables,
    )
