"""The registry of template versions: one :class:`TemplateSpec` per version, as data.

Everything else in govinfo that depends on what a template prints (the model's classes, the
address catalogue, the rules' domains, the XSD, the layouts, the interpreter's labels and
template detection) is derived from these specs; no other module names a template version.
"""

from __future__ import annotations

import types
from collections.abc import Mapping

from govinfo.errors import InvalidValueError
from govinfo.templates._family import ApplicantCounts, OutcomeCounts, ReviewLitigation
from govinfo.templates._fields import KIND, LABEL, SPEC
from govinfo.templates._spec import (
    ColumnSpec,
    GroupSpec,
    Role,
    RowSpec,
    TableSpec,
    TemplateSpec,
    ValueKind,
)
from govinfo.templates.gb_2019 import (
    GB_2019,
    Applications2019,
    CentralizedProcurement,
    DocumentCounts2019,
    FeeItems2019,
    ItemCounts2019,
    ProactiveDisclosure2019,
)
from govinfo.templates.gb_2021 import (
    GB_2021,
    Applications,
    DecisionCount,
    DocumentCounts,
    FeeAmount,
    ProactiveDisclosure,
)
from govinfo.templates.legacy_2008 import LEGACY_2008, LEGACY_PREFIX

__all__ = [
    "DEFAULT_TEMPLATE",
    "KIND",
    "LABEL",
    "LEGACY_PREFIX",
    "SPEC",
    "TEMPLATES",
    "ApplicantCounts",
    "Applications",
    "Applications2019",
    "CentralizedProcurement",
    "ColumnSpec",
    "DecisionCount",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeAmount",
    "FeeItems2019",
    "GroupSpec",
    "ItemCounts2019",
    "OutcomeCounts",
    "ProactiveDisclosure",
    "ProactiveDisclosure2019",
    "ReviewLitigation",
    "Role",
    "RowSpec",
    "TableSpec",
    "TemplateSpec",
    "ValueKind",
    "open_template",
    "table_templates",
    "template_for_year",
    "template_spec",
]

_REGISTERED = {spec.id: spec for spec in (GB_2021, GB_2019, LEGACY_2008)}

#: Every registered template version by id, newest first (read-only).
TEMPLATES: Mapping[str, TemplateSpec] = types.MappingProxyType(_REGISTERED)

#: The template a report follows when nothing says otherwise: the one in force now.
DEFAULT_TEMPLATE: TemplateSpec = GB_2021


def template_spec(template: TemplateSpec | str) -> TemplateSpec:
    """The spec of ``template``: a spec is returned as it is, an id is looked up.

    Raises:
        InvalidValueError: the id names no registered template.
    """
    if isinstance(template, TemplateSpec):
        return template
    spec = TEMPLATES.get(template) if isinstance(template, str) else None
    if spec is None:
        raise InvalidValueError("template", template, f"one of {', '.join(TEMPLATES)}")
    return spec


def template_for_year(year: int | None) -> TemplateSpec:
    """The table template in force for reports on ``year`` (the default when unknown)."""
    if year is not None:
        for spec in TEMPLATES.values():
            if spec.has_tables and spec.applies_to(year):
                return spec
    return DEFAULT_TEMPLATE


def open_template() -> TemplateSpec:
    """The registered template whose statistics are an open set of ``legacy.<key>``
    addresses rather than tables (the pre-2019 prose reports)."""
    return next(spec for spec in TEMPLATES.values() if spec.open_prefix is not None)


def table_templates() -> tuple[TemplateSpec, ...]:
    """The registered templates with statistics tables, newest first."""
    return tuple(spec for spec in TEMPLATES.values() if spec.has_tables)
