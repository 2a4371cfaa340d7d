"""Turn one matched row into cell values, deciding placement when the count is off.

Strategy: a row's values are used as they stand when there are exactly as many as columns;
else, when the row was printed whole on one line, its blank cells are counted as slots (a
blank keeps its column); else every placement is tried (:mod:`._placement`). A placement must
satisfy the row's own equations once inference fills its gaps; the distinct results that
remain are then tested against the whole table. One result: used, with a warning. Several:
the row is left unknown, with an error that says so.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

import attrs

from govinfo._digits import MAX_FIGURE_DIGITS, figure_fits
from govinfo.locations import Location
from govinfo.model.fields import ValueKind
from govinfo.model.flat import CellValue
from govinfo.reading.interpret._placement import (
    MAX_CANDIDATES,
    placement_count,
    placements,
    splits,
)
from govinfo.reading.interpret._tables import RowReading
from govinfo.reading.interpret._tokens import Token
from govinfo.reading.interpret._values import Kind, normalise
from govinfo.reading.result import Diagnostic, Severity

__all__ = ["Judge", "Mark", "ReadCell", "is_direct", "read_row"]


class Mark:
    READ = "read"
    NOT_APPLICABLE = "not-applicable"
    BLANK = "blank"


class ReadCell(NamedTuple):
    """A cell as read: its value, how it was read (:class:`Mark`) and where."""

    value: CellValue
    mark: str
    location: Location | None


#: Tests a candidate row (address -> value, gaps None): returns the row after inference, or
#: ``None`` when the invariants refuse it. ``whole`` asks for the whole-table test.
Judge = Callable[[dict[str, CellValue], bool], dict[str, CellValue] | None]


def _convert(
    token: Token, kind: ValueKind, column: str, notes: list[Diagnostic], address: str
) -> ReadCell:
    value = token.value
    # ``integer`` is set only for a whole number within the bound: most cells skip the test.
    if value.integer is None and value.number is not None and not figure_fits(value.number):
        return _too_long(token, notes, address)
    if kind is ValueKind.COUNT and value.integer is not None and value.integer >= 0:
        if value.separators:
            notes.append(
                _note(
                    "value-normalised",
                    f"read {token.text.strip()!r} as {value.integer}",
                    token,
                    address,
                )
            )
        return ReadCell(value.integer, Mark.READ, token.location)
    if value.kind is Kind.NOT_APPLICABLE:
        return ReadCell(None, Mark.NOT_APPLICABLE, token.location)
    if value.kind is Kind.BLANK or value.number is None:
        return ReadCell(None, Mark.BLANK, token.location)
    number: Decimal = value.number
    if kind is ValueKind.AMOUNT:
        if column == "amount_wan_yuan" and value.unit == "元":
            number = number / Decimal(10000)
            notes.append(
                _note(
                    "value-unit-converted",
                    f"{token.text.strip()!r} converted to 万元",
                    token,
                    address,
                )
            )
        elif column != "amount_wan_yuan" and value.unit == "万元":
            number = number * Decimal(10000)
            notes.append(
                _note(
                    "value-unit-converted",
                    f"{token.text.strip()!r} converted to 元",
                    token,
                    address,
                )
            )
        if number < 0:
            notes.append(
                _note(
                    "value-invalid",
                    f"negative amount {token.text.strip()!r}",
                    token,
                    address,
                    Severity.ERROR,
                )
            )
            return ReadCell(None, Mark.READ, token.location)
        if not figure_fits(number):  # 万元 converted to 元 may grow past the bound
            return _too_long(token, notes, address)
        return ReadCell(number, Mark.READ, token.location)
    if number != number.to_integral_value() or (kind is ValueKind.COUNT and number < 0):
        notes.append(
            _note(
                "value-invalid",
                f"{token.text.strip()!r} is not a count",
                token,
                address,
                Severity.ERROR,
            )
        )
        return ReadCell(None, Mark.READ, token.location)
    if value.separators:
        notes.append(
            _note(
                "value-normalised", f"read {token.text.strip()!r} as {int(number)}", token, address
            )
        )
    return ReadCell(int(number), Mark.READ, token.location)


def _too_long(token: Token, notes: list[Diagnostic], address: str) -> ReadCell:
    text = token.text.strip()
    shown = repr(text) if len(text) <= 24 else f"{text[:20]!r}… ({len(text)} characters)"
    message = f"{shown} has more digits than a report's figure may ({MAX_FIGURE_DIGITS})"
    notes.append(_note("value-invalid", message, token, address, Severity.ERROR))
    return ReadCell(None, Mark.READ, token.location)


def _note(
    code: str, message: str, token: Token, address: str | None, severity: Severity = Severity.INFO
) -> Diagnostic:
    return Diagnostic(
        code=code, message=message, severity=severity, location=token.location, address=address
    )


def _positional(reading: RowReading, columns: int) -> list[Token] | None:
    slots = reading.slots
    if not any(t.kind is Kind.BLANK for t in slots):
        return None
    trims = [(0, len(slots))]
    end = len(slots)
    while end and slots[end - 1].kind is Kind.BLANK:
        end -= 1
        trims.append((0, end))
    for start_end in list(trims):
        start = 0
        while start < start_end[1] and slots[start].kind is Kind.BLANK:
            start += 1
            trims.append((start, start_end[1]))
    for start, stop in trims:
        if stop - start == columns:
            return slots[start:stop]
    return None


def is_direct(reading: RowReading) -> bool:
    """Whether the row's values fit its columns as they stand (no placement to decide)."""
    columns = len(reading.spec.columns)
    return len(reading.values) == columns or _positional(reading, columns) is not None


def read_row(
    reading: RowReading,
    judge: Judge,
    notes: list[Diagnostic],
    *,
    final: bool = True,
    whole: bool = True,
) -> dict[str, ReadCell] | None:
    """The cells of one row: address -> value, how it was read, and where.

    An ambiguous row gives ``None`` unless ``final``, when it is reported and gives no cells
    (the caller retries ambiguous rows once the other rows are known). With ``whole`` false
    only the row's own equations are consulted (cheap: tried first for every row).
    """
    spec = reading.spec
    columns = len(spec.columns)
    addresses = [spec.address(c) for c in spec.columns]
    values = reading.values
    where = reading.label[-1].location

    cache: dict[tuple[int, int], ReadCell] = {}

    def build(tokens: list[Token | None], sink: list[Diagnostic] = notes) -> dict[str, ReadCell]:
        out: dict[str, ReadCell] = {}
        for index, token in enumerate(tokens):
            if token is None:
                continue
            if sink is notes:
                out[addresses[index]] = _convert(
                    token, spec.kinds[index], spec.columns[index], sink, addresses[index]
                )
                continue
            cached = cache.get((id(token), index))
            if cached is None:
                cached = _convert(
                    token, spec.kinds[index], spec.columns[index], sink, addresses[index]
                )
                cache[id(token), index] = cached
            out[addresses[index]] = cached
        return out

    if len(values) == columns:
        return build(list(values))
    positional = _positional(reading, columns)
    if positional is not None:
        return build(list(positional))
    if not values:
        return {}
    code = "row-extra-values" if len(values) > columns else "row-short"
    candidates: list[list[Token | None]] = []
    # One number holding at least as many digits as there are columns: the cells ran
    # together with no separator ("6210009"); only its splits are readings.
    digits = normalise(values[0].text).replace(" ", "") if len(values) == 1 else ""
    run_together = columns > 1 and digits.isascii() and digits.isdigit() and len(digits) >= columns
    if run_together:
        code = "digits-run-together"
        token = values[0]
        for parts in splits(digits, columns):
            candidates.append(
                [
                    token._replace(
                        text=str(p),
                        value=attrs.evolve(token.value, number=Decimal(p), integer=p),
                    )
                    for p in parts
                ]
            )
    elif placement_count(len(values), columns) <= MAX_CANDIDATES:
        for placement in placements(len(values), columns, [v.text for v in values]):
            candidates.append([None if i is None else values[i] for i in placement])
    found: dict[tuple[CellValue, ...], list[Token | None]] = {}
    scratch: list[Diagnostic] = []
    seen: set[tuple[CellValue, ...]] = set()
    seen_values: set[tuple[object, ...]] = set()
    for candidate in candidates:
        same = tuple(None if t is None else t.text for t in candidate)
        if same in seen_values:
            continue  # dropping any one of several equal values gives the same row
        seen_values.add(same)
        cells = build(candidate, scratch)
        if any(c.mark is Mark.READ and c.value is None for c in cells.values()):
            continue
        row = {a: (cells[a].value if a in cells else None) for a in addresses}
        raw = tuple(row.values())
        if raw in seen:
            continue
        seen.add(raw)
        judged = judge(row, False)
        if judged is None:
            continue
        found.setdefault(tuple(judged[a] for a in addresses), candidate)
    if len(found) > 1 and whole:
        narrowed: dict[tuple[CellValue, ...], list[Token | None]] = {}
        for candidate in found.values():
            cells = build(candidate, scratch)
            row = {a: (cells[a].value if a in cells else None) for a in addresses}
            judged = judge(row, True)
            if judged is not None:
                narrowed.setdefault(tuple(judged[a] for a in addresses), candidate)
        found = narrowed
    del scratch
    count = len(values)
    if len(found) == 1:
        chosen = next(iter(found.values()))
        notes.append(
            Diagnostic(
                code=code,
                message=f"row {spec.label!r} has {count} values for {columns} columns; "
                "the invariants allow one reading, used",
                severity=Severity.WARNING,
                location=where,
                address=f"{spec.table}.{spec.row}" if spec.row else spec.table,
            )
        )
        return build(chosen)
    if not final:
        return None
    notes.append(
        Diagnostic(
            code="row-ambiguous",
            message=f"row {spec.label!r} has {count} values for {columns} columns and the "
            f"invariants allow {len(found) or 'no'} readings; its cells are left unknown",
            severity=Severity.ERROR,
            location=where,
            address=f"{spec.table}.{spec.row}" if spec.row else spec.table,
        )
    )
    return {}
