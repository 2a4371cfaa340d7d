"""The annual report: metadata, narrative, and the tables of its template."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import attrs

from govinfo._hooks import provided
from govinfo.errors import InvalidValueError
from govinfo.model.classes import table_class
from govinfo.model.frozen import FrozenMapping
from govinfo.model.narrative import Narrative
from govinfo.templates import (
    LABEL,
    Applications,
    Applications2019,
    ProactiveDisclosure,
    ProactiveDisclosure2019,
    ReviewLitigation,
    TemplateSpec,
    ValueKind,
    template_spec,
)
from govinfo.templates._fields import check_value, text

if TYPE_CHECKING:
    from govinfo.rules.result import CheckResult

__all__ = ["AnnualReport", "LegacyValue"]

#: A pre-2019 statistic: a count, or an amount of money (元) as a Decimal.
LegacyValue = int | Decimal

_LEGACY_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_")


def _check_year(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and (type(value) is not int or not 1900 <= value <= 2999):
        raise InvalidValueError("AnnualReport.year", value, "an int between 1900 and 2999 or None")


def _freeze_legacy(value: Mapping[str, LegacyValue] | None) -> Mapping[str, LegacyValue]:
    # Read-only, in key order (equal reports compare equal whatever order the reader found the
    # statistics in), and picklable so that reports cross process boundaries.
    return FrozenMapping(dict(sorted((value or {}).items())))


def _check_legacy(
    instance: AnnualReport, attribute: attrs.Attribute[Any], value: Mapping[str, object]
) -> None:
    prefix = instance.template.open_prefix
    if value and prefix is None:
        raise InvalidValueError(
            "AnnualReport.legacy",
            dict(value),
            f"empty: template {instance.template} has no open statistics",
        )
    for key, item in value.items():
        field = f"{prefix}{key}"
        if not isinstance(key, str) or not key or not set(key) <= _LEGACY_KEY_CHARS:
            raise InvalidValueError("AnnualReport.legacy", key, "a snake_case key")
        if item is None:
            raise InvalidValueError(field, item, "a non-negative int or Decimal")
        check_value(ValueKind.COUNT if type(item) is int else ValueKind.AMOUNT, field, item)


def _table_validator(table: str) -> Any:
    def check(instance: AnnualReport, attribute: attrs.Attribute[Any], value: object) -> None:
        spec = instance.template.table(table)
        expected = None if spec is None else table_class(spec)
        if expected is None:
            if value is not None:
                raise InvalidValueError(
                    f"AnnualReport.{table}", value, f"None for template {instance.template}"
                )
        elif type(value) is not expected:
            raise InvalidValueError(
                f"AnnualReport.{table}",
                value,
                f"a {expected.__name__} for template {instance.template}",
            )

    return check


def _table_default(table: str) -> Any:
    def make(instance: AnnualReport) -> object:
        spec = instance.template.table(table)
        return None if spec is None else table_class(spec)()

    return attrs.Factory(make, takes_self=True)


@attrs.frozen(kw_only=True)
class AnnualReport:
    """One body's annual report on government information disclosure for one year.

    Tables default to all cells ``None`` (not stated) for the two table templates and are
    ``None`` for ``legacy_2008``, whose statistics live in :attr:`legacy`. Values are checked
    for type and sign on construction; the arithmetic between them is checked by
    :meth:`check`, so a report that does not add up still loads.

    Attributes:
        template: the template version the report follows.
        organ: the reporting body (e.g. ``阜新市细河区人民政府``).
        year: the report year.
        title: the title as printed.
        narrative: the prose of the six sections.
        proactive_disclosure: section 二 (``ProactiveDisclosure`` or ``ProactiveDisclosure2019``).
        applications: section 三 (``Applications`` or ``Applications2019``).
        review_litigation: section 四.
        legacy: pre-2019 statistics by key (FORMAT.md §8, ``legacy.<key>``).

    Raises:
        InvalidValueError: a value no report could hold, naming the field.
    """

    template: TemplateSpec = attrs.field(converter=template_spec, metadata={LABEL: "模板"})
    organ: str | None = text("机关")
    year: int | None = attrs.field(default=None, validator=_check_year, metadata={LABEL: "年度"})
    title: str | None = text("标题")
    narrative: Narrative = attrs.field(
        factory=Narrative, validator=attrs.validators.instance_of(Narrative)
    )
    proactive_disclosure: ProactiveDisclosure | ProactiveDisclosure2019 | None = attrs.field(
        default=_table_default("proactive_disclosure"),
        validator=_table_validator("proactive_disclosure"),
    )
    applications: Applications | Applications2019 | None = attrs.field(
        default=_table_default("applications"), validator=_table_validator("applications")
    )
    review_litigation: ReviewLitigation | None = attrs.field(
        default=_table_default("review_litigation"),
        validator=_table_validator("review_litigation"),
    )
    legacy: Mapping[str, LegacyValue] = attrs.field(
        factory=dict, converter=_freeze_legacy, validator=_check_legacy, hash=False
    )

    def check(
        self,
        *,
        previous: AnnualReport | None = None,
        select: tuple[str, ...] | None = None,
        ignore: tuple[str, ...] = (),
    ) -> CheckResult:
        """Check every invariant of the template and return what holds, fails or cannot be told.

        Args:
            previous: the same organ's report for the year before, for the cross-report rules.
            select: only run the rules with these ids (default: all).
            ignore: skip the rules with these ids.
        """
        result: CheckResult = provided("check")(  # registered by govinfo.rules
            self, previous=previous, select=select, ignore=ignore
        )
        return result

    def _repr_html_(self) -> str:
        html: str = provided("report_html")(self)  # registered by govinfo.display
        return html
