"""Field factories for report values, and the metadata keys they carry.

Strategy: every table cell of the model is an attrs field made here, so the official Chinese
label and the value kind are written once, in field metadata (attrs' recommended place for
such facts). The address catalogue, the readers, the writers and the docs all read them back
with :func:`attrs.fields`; nothing else spells a label.
"""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from govinfo.errors import InvalidValueError

__all__ = ["KIND", "LABEL", "ValueKind", "amount", "count", "group", "signed", "text"]

#: Metadata key under which each model field keeps its official Chinese label.
LABEL = "govinfo.label"
#: Metadata key under which each cell field keeps its :class:`ValueKind`.
KIND = "govinfo.kind"


class ValueKind(enum.Enum):
    """What a cell may hold. ``None`` (not stated in the source) is allowed for every kind."""

    COUNT = "count"  #: a non-negative integer
    SIGNED = "signed"  #: an integer of either sign (gb_2019 本年增/减)
    AMOUNT = "amount"  #: a non-negative Decimal, kept exactly as printed


def _qualname(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def _check_count(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    # bool is an int subclass; a True in a count is always a bug upstream.
    if value is None:
        return
    if type(value) is not int or value < 0:
        raise InvalidValueError(_qualname(instance, attribute), value, "a non-negative int or None")


def _check_signed(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and type(value) is not int:
        raise InvalidValueError(_qualname(instance, attribute), value, "an int or None")


def _to_decimal(value: object) -> object:
    # An int is exact, so it may stand for a Decimal; a float is never exact and is refused
    # by the validator below.
    if type(value) is int:
        return Decimal(value)
    return value


def _check_amount(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is None:
        return
    if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
        raise InvalidValueError(
            _qualname(instance, attribute), value, "a non-negative finite Decimal or None"
        )


def count(label: str) -> Any:
    """A non-negative integer cell with its official label."""
    return attrs.field(
        default=None,
        validator=_check_count,
        metadata={LABEL: label, KIND: ValueKind.COUNT},
    )


def signed(label: str) -> Any:
    """A signed integer cell with its official label."""
    return attrs.field(
        default=None,
        validator=_check_signed,
        metadata={LABEL: label, KIND: ValueKind.SIGNED},
    )


def amount(label: str) -> Any:
    """A non-negative Decimal cell with its official label."""
    return attrs.field(
        default=None,
        converter=_to_decimal,
        validator=_check_amount,
        metadata={LABEL: label, KIND: ValueKind.AMOUNT},
    )


def group(cls: type[Any], label: str) -> Any:
    """A row or table field holding an attrs instance of ``cls``, empty by default."""
    return attrs.field(
        factory=cls,
        validator=attrs.validators.instance_of(cls),
        metadata={LABEL: label},
    )


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidValueError(_qualname(instance, attribute), value, "a str or None")


def text(label: str) -> Any:
    """A free-text field (a narrative section), ``None`` when the source has none."""
    return attrs.field(default=None, validator=_check_text, metadata={LABEL: label})
