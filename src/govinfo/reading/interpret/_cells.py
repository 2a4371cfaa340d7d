"""Turn one matched row into cell values, deciding placement when the count is off.

Strategy: a row's values are used as they stand when there are exactly as many as columns;
else, when the row was printed whole on one line, its blank cells are counted as slots (a
blank keeps its column); else every placement is tried (:mod:`._placement`). A placement must
satisfy the row's own equations once inference fills its gaps; the distinct results that
remain are then tested against the whole table. One result: used, with a warning. Several:
the row is left unknown, with an error that says so.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple

import attrs

from govinfo.locations import Location
from govinfo.model.fields import ValueKind
from govinfo.model.flat import CellValue
from govinfo.reading.interpret._placement import (
    MAX_CANDIDATES,
    Budget,
    placement_count,
    placements,
    splits,
)
from govinfo.reading.interpret._tables import RowReading
from govinfo.reading.interpret._tokens import Token
from govinfo.reading.interpret._values import Kind, chinese_numeral, normalise
from govinfo.reading.result import Diagnostic, Severity

__all__ = [
    "Judge",
    "Mark",
    "ReadCell",
    "convert",
    "is_direct",
    "is_positional",
    "read_positional",
    "read_row",
    "row_candidates",
]


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


def convert(
    token: Token, kind: ValueKind, column: str, notes: list[Diagnostic], address: str
) -> ReadCell:
    """One value cell's token as the column reads it, noting every repair or refusal."""
    value = token.value
    if value.kind is Kind.TEXT:
        # Words in a value cell: a count in Chinese numerals, or not a number at all.
        numeral = chinese_numeral(token.text) if kind is ValueKind.COUNT else None
        if numeral is not None:
            notes.append(
                _note(
                    "value-chinese-numeral",
                    f"read {token.text.strip()!r} as {numeral}",
                    token,
                    address,
                )
            )
            return ReadCell(numeral, Mark.READ, token.location)
        notes.append(
            _note(
                "value-not-a-number",
                f"{token.text.strip()[:40]!r} is not a number; the cell is left unknown",
                token,
                address,
                Severity.WARNING,
            )
        )
        return ReadCell(None, Mark.READ, token.location)
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
    return len(reading.values) == len(reading.spec.columns)


def read_positional(
    reading: RowReading, judge: Judge, notes: list[Diagnostic]
) -> dict[str, ReadCell] | None:
    """A row printed on one line whose blank cells make up the count, read by position.

    Only when the whole table allows that reading: a blank next to the label may be the
    label's own merged cell rather than a value, and then the row lost a value (``None``:
    the caller places its values like any other row's).
    """
    spec = reading.spec
    positional = _positional(reading, len(spec.columns))
    if positional is None:
        return None
    addresses = [spec.address(c) for c in spec.columns]
    scratch: list[Diagnostic] = []
    cells = {
        a: convert(t, kind, column, scratch, a)
        for a, t, kind, column in zip(addresses, positional, spec.kinds, spec.columns, strict=True)
    }
    if judge({a: cells[a].value for a in addresses}, True) is None:
        return None
    return {
        a: convert(t, kind, column, notes, a)
        for a, t, kind, column in zip(addresses, positional, spec.kinds, spec.columns, strict=True)
    }


def is_positional(reading: RowReading) -> bool:
    """Whether the row, printed on one line, has blank cells that make up its count."""
    return _positional(reading, len(reading.spec.columns)) is not None


def row_candidates(reading: RowReading) -> tuple[str, list[list[Token | None]]] | None:
    """The candidate readings of a row whose values do not fit its columns, and the code of
    the diagnostic a chosen one gets; ``None`` when there are too many to search.

    The search's entry point (see :mod:`._placement`): every reading a row's text allows,
    one token or ``None`` (unknown) per column. Digits run together with no separator
    (``6210009``) offer their splits; other rows every order-preserving placement.
    """
    spec = reading.spec
    columns = len(spec.columns)
    values = reading.values
    candidates: list[list[Token | None]] = []
    # One number holding at least as many digits as there are columns: the cells ran
    # together with no separator ("6210009"); only its splits are readings.
    digits = normalise(values[0].text).replace(" ", "") if len(values) == 1 else ""
    if columns > 1 and digits.isascii() and digits.isdigit() and len(digits) >= columns:
        token = values[0]
        if math.comb(len(digits) - 1, columns - 1) > MAX_CANDIDATES:
            return None
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
        return "digits-run-together", candidates
    if placement_count(len(values), columns) > MAX_CANDIDATES:
        return None
    for placement in placements(len(values), columns, [v.text for v in values]):
        candidates.append([None if i is None else values[i] for i in placement])
    return ("row-extra-values" if len(values) > columns else "row-short"), candidates


def read_row(
    reading: RowReading,
    judge: Judge,
    notes: list[Diagnostic],
    budget: Budget,
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
    address = f"{spec.table}.{spec.row}" if spec.row else spec.table

    cache: dict[tuple[int, int], ReadCell] = {}

    def build(tokens: list[Token | None], sink: list[Diagnostic] = notes) -> dict[str, ReadCell]:
        out: dict[str, ReadCell] = {}
        for index, token in enumerate(tokens):
            if token is None:
                continue
            if sink is notes:
                out[addresses[index]] = convert(
                    token, spec.kinds[index], spec.columns[index], sink, addresses[index]
                )
                continue
            cached = cache.get((id(token), index))
            if cached is None:
                cached = convert(
                    token, spec.kinds[index], spec.columns[index], sink, addresses[index]
                )
                cache[id(token), index] = cached
            out[addresses[index]] = cached
        return out

    def row_of(cells: dict[str, ReadCell]) -> dict[str, CellValue]:
        return {a: (cells[a].value if a in cells else None) for a in addresses}

    if len(values) == columns:
        return build(list(values))
    scratch: list[Diagnostic] = []
    if not values:
        return {}
    offered = row_candidates(reading)
    if offered is None:
        return _gave_up(reading, f"more than {MAX_CANDIDATES} placements to try", notes)
    if not budget.check(len(offered[1])):
        return _gave_up(reading, _spent(budget), notes)
    code, candidates = offered
    found: dict[tuple[CellValue, ...], list[Token | None]] = {}
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
        row = row_of(cells)
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
            judged = judge(row_of(build(candidate, scratch)), True)
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
                address=address,
            )
        )
        return build(chosen)
    if not final:
        return None
    if budget.exhausted:
        return _gave_up(reading, _spent(budget), notes)
    return leave_unknown(reading, f" and the invariants allow {len(found) or 'no'} readings", notes)


def _spent(budget: Budget) -> str:
    return f"the document's work budget spent after {budget.placements} placements"


def _gave_up(reading: RowReading, why: str, notes: list[Diagnostic]) -> dict[str, ReadCell]:
    return leave_unknown(reading, f"; the search for their placement gave up ({why})", notes)


def leave_unknown(reading: RowReading, why: str, notes: list[Diagnostic]) -> dict[str, ReadCell]:
    """Note that ``reading``'s cells are left unknown (``row-ambiguous``), saying ``why``."""
    spec = reading.spec
    notes.append(
        Diagnostic(
            code="row-ambiguous",
            message=f"row {spec.label!r} has {len(reading.values)} values for "
            f"{len(spec.columns)} columns{why}; its cells are left unknown",
            severity=Severity.ERROR,
            location=reading.label[-1].location,
            address=f"{spec.table}.{spec.row}" if spec.row else spec.table,
        )
    )
    return {}
