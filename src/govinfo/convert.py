"""Reports as JSON-safe dicts and JSON text, through one cattrs converter.

Strategy: cattrs' global converter is never touched (other code in the same process may use
it). :func:`make_converter` builds a converter and :func:`configure_converter` adds govinfo's
hooks to any converter a user brings:

* ``Decimal`` ↔ its exact string (``"24252.311082"``), never a float;
* ``TemplateSpec`` ↔ its id (``"gb_2021"``), looked up in the registry;
* ``AnnualReport``: the tables are structured with the classes of the report's own template,
  since the gb_2021 and gb_2019 tables cannot be told apart by shape alone;
* legacy statistics: ints stay ints, Decimals become strings (and come back as Decimals);
* unknown keys are refused, missing ones take the model's defaults (``None``, not 0).

Errors from structuring become one :class:`~govinfo.StructureError` listing every problem
with its path, in cattrs' ``… @ $.path`` form.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

import cattrs
import cattrs.v
from cattrs.errors import ClassValidationError

from govinfo.errors import InvalidValueError, StructureError
from govinfo.model.classes import table_class
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport, LegacyValue
from govinfo.templates import TemplateSpec, template_spec

__all__ = [
    "configure_converter",
    "from_dict",
    "from_json",
    "make_converter",
    "to_dict",
    "to_json",
]

_TABLE_NAMES = ("proactive_disclosure", "applications", "review_litigation")


def _structure_decimal(value: object, _: type) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, (str, int)):
        raise InvalidValueError("amount", value, "a decimal string or an int")
    try:
        return Decimal(value)
    except InvalidOperation as exc:
        raise InvalidValueError("amount", value, "a decimal string") from exc


def _structure_legacy_value(value: object) -> LegacyValue:
    if type(value) is int:
        return value
    return _structure_decimal(value, Decimal)


def _structure_int(value: object, _: type) -> int:
    # cattrs' default calls int(), which would turn "3" or 3.7 into 3: a silent change.
    if type(value) is not int:
        raise InvalidValueError("value", value, "an int")
    return value


def _structure_str(value: object, _: type) -> str:
    if not isinstance(value, str):
        raise InvalidValueError("value", value, "a string")
    return value


def configure_converter(converter: cattrs.Converter) -> None:
    """Add govinfo's hooks to ``converter``.

    The hooks: ints and strings are taken only as ints and strings (never coerced),
    ``Decimal`` as exact strings, ``TemplateSpec`` as its id, ``AnnualReport`` structured with
    the table classes of its template, legacy statistics keeping ints as ints.
    """
    converter.register_structure_hook(int, _structure_int)
    converter.register_structure_hook(str, _structure_str)
    converter.register_unstructure_hook(Decimal, str)
    converter.register_structure_hook(Decimal, _structure_decimal)
    converter.register_unstructure_hook(TemplateSpec, lambda t: t.id)
    converter.register_structure_hook(TemplateSpec, lambda v, _: template_spec(v))

    def unstructure_report(report: AnnualReport) -> dict[str, Any]:
        out: dict[str, Any] = {
            "template": report.template.id,
            "organ": report.organ,
            "year": report.year,
            "title": report.title,
            "narrative": converter.unstructure(report.narrative),
        }
        for name in _TABLE_NAMES:
            table = getattr(report, name)
            out[name] = None if table is None else converter.unstructure(table)
        out["legacy"] = {
            key: value if type(value) is int else str(value) for key, value in report.legacy.items()
        }
        return out

    def structure_report(data: object, _: type) -> AnnualReport:
        if not isinstance(data, Mapping):
            raise InvalidValueError("report", data, "a mapping")
        unknown = set(data) - {
            "template",
            "organ",
            "year",
            "title",
            "narrative",
            "legacy",
            *_TABLE_NAMES,
        }
        if unknown:
            raise InvalidValueError("report", sorted(unknown), "no keys other than the report's")
        template = template_spec(data["template"])
        kwargs: dict[str, Any] = {
            "template": template,
            "organ": data.get("organ"),
            "year": data.get("year"),
            "title": data.get("title"),
        }
        for table in template.tables:
            if data.get(table.key) is not None:
                kwargs[table.key] = _structure_at(
                    converter, data[table.key], table_class(table), f"$.{table.key}"
                )
        if data.get("narrative") is not None:
            kwargs["narrative"] = _structure_at(
                converter, data["narrative"], Narrative, "$.narrative"
            )
        legacy = data.get("legacy") or {}
        if not isinstance(legacy, Mapping):
            raise InvalidValueError("legacy", legacy, "a mapping")
        kwargs["legacy"] = {k: _structure_legacy_value(v) for k, v in legacy.items()}
        return AnnualReport(**kwargs)

    converter.register_unstructure_hook(AnnualReport, unstructure_report)
    converter.register_structure_hook(AnnualReport, structure_report)


def _format_problem(exc: BaseException, type_: type | None) -> str:
    # The model's own validators say what was wrong and what was expected; keep that.
    if isinstance(exc, InvalidValueError):
        return str(exc)
    return cattrs.v.format_exception(exc, type_)


def _structure_at(converter: cattrs.Converter, data: object, cls: type[Any], path: str) -> Any:
    try:
        return converter.structure(data, cls)
    except ClassValidationError as exc:
        problems = tuple(cattrs.transform_error(exc, path=path, format_exception=_format_problem))
        raise StructureError("; ".join(problems), problems) from exc


def make_converter() -> cattrs.Converter:
    """A new cattrs converter configured for govinfo (see :func:`configure_converter`)."""
    converter = cattrs.Converter(forbid_extra_keys=True)
    configure_converter(converter)
    return converter


_CONVERTER = make_converter()


def to_dict(report: AnnualReport) -> dict[str, Any]:
    """The report as a JSON-safe dict: decimals as exact strings, ``None`` kept as ``None``."""
    result: dict[str, Any] = _CONVERTER.unstructure(report)
    return result


def from_dict(data: Mapping[str, Any]) -> AnnualReport:
    """The inverse of :func:`to_dict`: ``from_dict(to_dict(r)) == r`` for every report.

    Raises:
        StructureError: ``data`` does not describe a report; every problem is listed with
            its path.
    """
    try:
        return _CONVERTER.structure(data, AnnualReport)
    except StructureError:
        raise
    except ClassValidationError as exc:
        problems = tuple(cattrs.transform_error(exc, path="$", format_exception=_format_problem))
        raise StructureError("; ".join(problems), problems) from exc
    except KeyError as exc:
        message = f"required key missing @ $.{exc.args[0]}"
        raise StructureError(message, (message,)) from exc
    except (ValueError, TypeError) as exc:
        message = f"{exc} @ $"
        raise StructureError(message, (message,)) from exc


def to_json(report: AnnualReport, *, indent: int | None = None) -> str:
    """The report as JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(to_dict(report), ensure_ascii=False, indent=indent)


def from_json(text: str | bytes) -> AnnualReport:
    """The inverse of :func:`to_json`.

    Raises:
        StructureError: the text is not JSON, or does not describe a report.
    """
    try:
        data = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise StructureError(f"not JSON: {exc}", (str(exc),)) from exc
    return from_dict(data)
