"""Field factories for report values, and the metadata keys they carry.

Strategy: every table cell of the typed classes is an attrs field made here from the template
spec's :class:`ColumnSpec` (or a row field from its :class:`RowSpec`), so the official Chinese
label and the value kind are written once, in the spec, and copied into field metadata for
anyone who introspects the classes with :func:`attrs.fields`.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import attrs

from govinfo._digits import MAX_FIGURE, MAX_FIGURE_DIGITS, MAX_FRACTION_DIGITS, figure_fits
from govinfo.errors import InvalidValueError
from govinfo.templates._spec import ColumnSpec, RowSpec, ValueKind

__all__ = [
    "KIND",
    "LABEL",
    "SPEC",
    "cell",
    "check_value",
    "row",
    "text",
    "to_decimal",
]

#: Metadata key under which each model field keeps its official Chinese label.
LABEL = "govinfo.label"
#: Metadata key under which each cell field keeps its :class:`ValueKind`.
KIND = "govinfo.kind"
#: Metadata key under which each cell or row field keeps its :class:`ColumnSpec` or
#: :class:`RowSpec`.
SPEC = "govinfo.spec"


_BOUND = f"at most {MAX_FIGURE_DIGITS} digits"
_COUNT = f"a non-negative int of {_BOUND}, or None"
_SIGNED = f"an int of {_BOUND}, or None"
_AMOUNT = (
    f"a non-negative finite Decimal of {_BOUND} before the point and "
    f"{MAX_FRACTION_DIGITS} after it, or None"
)


def _qualname(instance: object, attribute: attrs.Attribute[Any]) -> str:
    return f"{type(instance).__name__}.{attribute.name}"


def check_value(kind: ValueKind, field: str, value: object) -> None:
    """Raise :class:`~govinfo.InvalidValueError` unless a cell of ``kind`` may hold ``value``.

    The one statement of the value rules: the field validators, the address catalogue and the
    legacy statistics all call it. ``bool`` is an ``int`` subclass; a ``True`` in a count is
    always a bug upstream, so the type test is exact. The common case (a count within the
    bound) is tested first: every cell of every report built passes through here.
    """
    if value is None or (
        type(value) is int and 0 <= value <= MAX_FIGURE and kind is not ValueKind.AMOUNT
    ):
        return
    if kind is ValueKind.AMOUNT:
        if not isinstance(value, Decimal) or not figure_fits(value) or value < 0:
            raise InvalidValueError(field, value, _AMOUNT)
    elif type(value) is not int or not figure_fits(value):
        raise InvalidValueError(field, value, _SIGNED if kind is ValueKind.SIGNED else _COUNT)
    elif kind is ValueKind.COUNT and value < 0:
        raise InvalidValueError(field, value, _COUNT)


def _validator(kind: ValueKind) -> Any:
    whole = kind is not ValueKind.AMOUNT

    def check(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
        # The common cases first, without naming the field: every cell of every report
        # built passes through here.
        if value is None or (whole and type(value) is int and 0 <= value <= MAX_FIGURE):
            return
        check_value(kind, _qualname(instance, attribute), value)

    return check


def to_decimal(value: object) -> object:
    """An ``int`` as the ``Decimal`` it stands for (exact); anything else unchanged.

    A float is never exact and is left for :func:`check_value` to refuse.
    """
    if type(value) is int:
        return Decimal(value)
    return value


def _find(specs: Sequence[ColumnSpec] | Sequence[RowSpec], key: str) -> ColumnSpec | RowSpec:
    for spec in specs:
        if spec.key == key:
            return spec
    raise KeyError(key)


def cell(columns: Sequence[ColumnSpec], key: str) -> Any:
    """The attrs field of the column ``key`` of ``columns``: validated by its kind, ``None``
    (not stated) by default, with the column's label and kind in its metadata."""
    column = _find(columns, key)
    assert isinstance(column, ColumnSpec)
    return attrs.field(
        default=None,
        converter=to_decimal if column.kind is ValueKind.AMOUNT else None,
        validator=_validator(column.kind),
        metadata={LABEL: column.label, KIND: column.kind, SPEC: column},
    )


def row(cls: type[Any], rows: Sequence[RowSpec], key: str) -> Any:
    """The attrs field of the row ``key`` of ``rows``, holding an instance of ``cls``."""
    spec = _find(rows, key)
    # One empty row shared by every report that does not state the row: rows are frozen, and
    # a report builds dozens of them (a reader builds one report per file).
    return attrs.field(
        default=cls(),
        validator=attrs.validators.instance_of(cls),
        metadata={LABEL: spec.label, SPEC: spec},
    )


def _check_text(instance: object, attribute: attrs.Attribute[Any], value: object) -> None:
    if value is not None and not isinstance(value, str):
        raise InvalidValueError(_qualname(instance, attribute), value, "a str or None")


def text(label: str) -> Any:
    """A free-text field (a narrative section), ``None`` when the source has none."""
    return attrs.field(default=None, validator=_check_text, metadata={LABEL: label})
