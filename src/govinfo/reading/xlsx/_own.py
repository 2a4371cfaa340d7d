"""govinfo's own workbooks: reading the key column (its keys: :mod:`govinfo.schema._workbook`)."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import attrs

from govinfo._digits import figure_fits
from govinfo.model.catalogue import LEGACY_PREFIX
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport, LegacyValue
from govinfo.reading.xlsx._sheet import Grid, RawCell
from govinfo.schema._workbook import (
    CONTINUED_KEY,
    METADATA_KEYS,
    NARRATIVE_PREFIX,
    continued_key,
)
from govinfo.templates import TemplateSpec, template_spec

__all__ = ["OwnValues", "find_own"]

_KEYS = frozenset(METADATA_KEYS)
_LEGACY_KEY = re.compile(r"^legacy\.[a-z0-9_]+$")
_INTEGER = re.compile(r"^-?[0-9]+$")


@attrs.frozen
class OwnValues:
    """What the key column of a govinfo workbook states.

    Attributes:
        template: the template the report was written with.
        fields: ``AnnualReport`` keyword arguments (organ, year, title, narrative).
        legacy: the ``legacy.<key>`` statistics, without the prefix.
        sheets: the names of the sheets holding keys.
    """

    template: TemplateSpec
    fields: dict[str, Any]
    legacy: dict[str, LegacyValue]
    sheets: tuple[str, ...]

    def apply(self, report: AnnualReport) -> AnnualReport:
        """``report`` with the metadata and narrative replaced by what the keys state."""
        return attrs.evolve(report, **self.fields)

    def report(self) -> AnnualReport:
        """A report holding only what the keys state (for ``legacy_2008``: everything)."""
        return AnnualReport(template=self.template, legacy=self.legacy, **self.fields)


def _text(cell: RawCell | None) -> str | None:
    if cell is None or cell.kind == "":
        return None
    if cell.kind == "inlineStr" and cell.text is None:
        return ""
    return cell.text


def _number(text: str | None) -> LegacyValue | None:
    if text is None:
        return None
    text = text.strip()
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    if not figure_fits(value):  # no report's figure; int() of it could raise ValueError
        return None
    return int(value) if _INTEGER.match(text) else value


def find_own(grids: dict[str, Grid]) -> OwnValues | None:
    """The values of a govinfo key column, or ``None`` when the workbook has none.

    A workbook has one when a string cell reads ``template`` and the cell to its left names a
    template. Each key's value is the cell to the key's left; keys may be on several sheets.
    """
    found: dict[str, RawCell | None] = {}
    sheets: list[str] = []
    for grid in grids.values():
        before = len(found)
        for (row, col), cell in grid.cells.items():
            if cell.kind not in ("s", "inlineStr", "str") or cell.text is None or col < 2:
                continue
            if cell.text in _KEYS or _LEGACY_KEY.match(cell.text) or _is_continued(cell.text):
                found.setdefault(cell.text, grid.cells.get((row, col - 1)))
        if len(found) > before:
            sheets.append(grid.name)
    template_text = _text(found.get("template"))
    if template_text is None:
        return None
    try:
        template = template_spec(template_text.strip())
    except ValueError:
        return None
    return _values(found, template, tuple(sheets))


def _is_continued(text: str) -> bool:
    match = CONTINUED_KEY.match(text)
    return match is not None and match.group(1) in _KEYS


def _joined(found: dict[str, RawCell | None], key: str) -> str | None:
    # The text of ``key`` and of its continuation rows, in order; a text is None only when
    # its first cell is.
    first = _text(found[key])
    if first is None:
        return None
    parts = [first]
    number = 2
    while (more := continued_key(key, number)) in found:
        parts.append(_text(found[more]) or "")
        number += 1
    return "".join(parts)


def _values(
    found: dict[str, RawCell | None], template: TemplateSpec, sheets: tuple[str, ...]
) -> OwnValues:
    fields: dict[str, Any] = {}
    for key in ("title", "organ"):
        if key in found:
            fields[key] = _joined(found, key)
    if "year" in found:
        year = _number(_text(found["year"]))
        fields["year"] = year if type(year) is int and 1900 <= year <= 2999 else None
    narrative = {
        key[len(NARRATIVE_PREFIX) :]: _joined(found, key)
        for key in found
        if key.startswith(NARRATIVE_PREFIX) and key in _KEYS
    }
    if narrative:
        fields["narrative"] = Narrative(**narrative)
    legacy: dict[str, LegacyValue] = {}
    for key, cell in found.items():
        if key.startswith(LEGACY_PREFIX):
            value = _number(_text(cell))
            if value is not None and value >= 0:
                legacy[key[len(LEGACY_PREFIX) :]] = value
    return OwnValues(template=template, fields=fields, legacy=legacy, sheets=sheets)
