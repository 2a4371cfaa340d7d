"""Turn one matched row into cell values, deciding placement when the count is off.

Strategy: a row's values are used as they stand when there are exactly as many as columns;
else, when the row was printed whole on one line, its blank cells are counted as slots (a
blank keeps its column); else every placement is tried (:mod:`._placement`). A placement must
satisfy the row's own equations once inference fills its gaps; the distinct results that
remain are then tested against the whole table. One result: used, with a warning. Several:
the row is left unknown, with an error that says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import NamedTuple

import attrs

from govinfo._digits import MAX_FIGURE_DIGITS, figure_fits
from govinfo.diagnostics import Diagnostic, Text, clause, diagnostic
from govinfo.locations import Location
from govinfo.model.flat import CellValue
from govinfo.reading.interpret._digits import DigitRuns, describe, digit_runs
from govinfo.reading.interpret._placement import (
    MAX_CANDIDATES,
    Budget,
    placement_count,
    placements,
)
from govinfo.reading.interpret._tables import RowReading
from govinfo.reading.interpret._tokens import Token
from govinfo.reading.interpret._values import Kind, chinese_numeral, normalise
from govinfo.templates import ValueKind

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
    # ``integer`` is set only for a whole number within the bound: most cells skip the test.
    if value.integer is None and value.number is not None and not figure_fits(value.number):
        return _too_long(token, notes, address)
    if value.kind is Kind.TEXT:
        # Words in a value cell: a count in Chinese numerals, or not a number at all.
        numeral = chinese_numeral(token.text) if kind is ValueKind.COUNT else None
        if numeral is not None:
            notes.append(_note("value-chinese-numeral", token, address, value=numeral))
            return ReadCell(numeral, Mark.READ, token.location)
        notes.append(
            diagnostic(
                "value-not-a-number",
                text=token.text.strip()[:40],
                location=token.location,
                address=address,
            )
        )
        return ReadCell(None, Mark.READ, token.location)
    if kind is ValueKind.COUNT and value.integer is not None and value.integer >= 0:
        if value.separators:
            notes.append(_note("value-normalised", token, address, value=value.integer))
        return ReadCell(value.integer, Mark.READ, token.location)
    if value.kind is Kind.NOT_APPLICABLE:
        return ReadCell(None, Mark.NOT_APPLICABLE, token.location)
    if value.kind is Kind.BLANK or value.number is None:
        return ReadCell(None, Mark.BLANK, token.location)
    number: Decimal = value.number
    if kind is ValueKind.AMOUNT:
        if column == "amount_wan_yuan" and value.unit == "元":
            number = number / Decimal(10000)
            notes.append(_note("value-unit-converted", token, address))
        elif column != "amount_wan_yuan" and value.unit == "万元":
            number = number * Decimal(10000)
            notes.append(_note("value-unit-converted", token, address, variant="to-yuan"))
        if number < 0:
            notes.append(_note("value-invalid", token, address, variant="negative"))
            return ReadCell(None, Mark.READ, token.location)
        if not figure_fits(number):  # 万元 converted to 元 may grow past the bound
            return _too_long(token, notes, address)
        return ReadCell(number, Mark.READ, token.location)
    if number != number.to_integral_value() or (kind is ValueKind.COUNT and number < 0):
        notes.append(_note("value-invalid", token, address))
        return ReadCell(None, Mark.READ, token.location)
    if value.separators:
        notes.append(_note("value-normalised", token, address, value=int(number)))
    return ReadCell(int(number), Mark.READ, token.location)


def _too_long(token: Token, notes: list[Diagnostic], address: str) -> ReadCell:
    text = token.text.strip()
    shown = repr(text) if len(text) <= 24 else f"{text[:20]!r}… ({len(text)} characters)"
    notes.append(
        diagnostic(
            "value-invalid",
            variant="too-long",
            shown=shown,
            digits=MAX_FIGURE_DIGITS,
            location=token.location,
            address=address,
        )
    )
    return ReadCell(None, Mark.READ, token.location)


def _note(
    code: str, token: Token, address: str | None, *, variant: str = "", **fields: object
) -> Diagnostic:
    """The note ``code`` about ``token``, whose text is the field ``text``."""
    return diagnostic(
        code,
        variant=variant,
        location=token.location,
        address=address,
        text=token.text.strip(),
        **fields,
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


def _split_tokens(values: list[Token], runs: DigitRuns) -> list[list[Token | None]]:
    # Each part of a split is a token at its run's place, so a diagnostic names the run;
    # one token per (run, number), however many splits share it.
    made: dict[tuple[int, str], Token] = {}  # by run and number as printed (1 is not 1.0)
    out: list[list[Token | None]] = []
    for split, owners in zip(runs.candidates, runs.owners, strict=True):
        row: list[Token | None] = []
        for p, o in zip(split, owners, strict=True):
            token = made.get((o, str(p)))
            if token is None:
                whole = p if isinstance(p, int) else None
                token = values[o]._replace(
                    text=str(p),
                    value=attrs.evolve(values[o].value, number=Decimal(p), integer=whole),
                )
                made[o, str(p)] = token
            row.append(token)
        out.append(row)
    return out


def _ambiguous_digits(
    runs: DigitRuns | None, found: Mapping[tuple[CellValue, ...], object]
) -> Text:
    if runs is None:
        return clause("row-ambiguous", "digits-none")
    digits = " ".join(runs.runs)
    if runs.gave_up:
        return clause("row-ambiguous", "digits-gave-up", digits=digits, splits=runs.count)
    if not found:
        return clause("row-ambiguous", "digits-no-split", digits=digits, splits=runs.count)
    shown = "; ".join(describe(k) for k in list(found)[:5])
    if len(found) > 5:
        return clause(
            "row-ambiguous", "digits-could-be-more", digits=digits, shown=shown, more=len(found) - 5
        )
    return clause("row-ambiguous", "digits-could-be", digits=digits, shown=shown)


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
    code = "row-extra-values" if len(values) > columns else "row-short"
    # Digit runs with no separator between cells ("6210009", "500000 5"): their splits are
    # readings (see ._digits); beside other tokens, so are the placements that keep each
    # token whole.
    runs = _runs(reading)
    if runs is not None:
        if runs.gave_up:
            return None
        code = "digits-run-together"
        candidates.extend(_split_tokens(values, runs))
        if len(values) == 1:
            return code, candidates
    if placement_count(len(values), columns) > MAX_CANDIDATES:
        return None
    for placement in placements(len(values), columns, [v.text for v in values]):
        candidates.append([None if i is None else values[i] for i in placement])
    return code, candidates


def _runs(reading: RowReading) -> DigitRuns | None:
    texts = [normalise(v.text).replace(" ", "") for v in reading.values]
    return digit_runs(texts, len(reading.spec.columns))


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
    runs = _runs(reading)
    if offered is None:
        if runs is not None and runs.gave_up:
            return _gave_up(
                reading, clause("row-ambiguous", "reason-splits", splits=runs.count), notes
            )
        return _gave_up(
            reading, clause("row-ambiguous", "reason-placements", limit=MAX_CANDIDATES), notes
        )
    if not budget.check(len(offered[1])):
        return _gave_up(reading, _spent(budget), notes)
    code, candidates = offered
    found: dict[tuple[CellValue, ...], list[Token | None]] = {}
    seen: set[tuple[CellValue, ...]] = set()
    seen_values: set[tuple[object, ...]] = set()
    # Words among the values are a cell of the row (见附件, or a mark glued to the next
    # label: "/行政强制"): a reading that drops one as a stray guesses what it held.
    words = {id(t) for t in values if t.value.kind is Kind.TEXT}
    for candidate in candidates:
        if words and len(values) > columns and not words <= {id(t) for t in candidate if t}:
            continue
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
            if budget.exhausted:
                # A candidate the budget left unjudged is not ruled out: narrowing to the
                # ones judged before it ran out would pick a reading no equation chose.
                del scratch
                return _gave_up(reading, _spent(budget), notes) if final else None
            if judged is not None:
                narrowed.setdefault(tuple(judged[a] for a in addresses), candidate)
        found = narrowed
    del scratch
    count = len(values)
    if len(found) == 1:
        chosen = next(iter(found.values()))
        variant, split = "", dict[str, object]()
        if runs is not None:
            placed = [None if t is None else t.text for t in chosen]
            variant = "split"
            split = {"digits": " ".join(runs.runs), "split": describe(placed), "splits": runs.count}
        notes.append(
            diagnostic(
                code,
                variant=variant,
                label=spec.label,
                found=count,
                expected=columns,
                location=where,
                address=address,
                **split,
            )
        )
        return build(chosen)
    if not final:
        return None
    if budget.exhausted:
        return _gave_up(reading, _spent(budget), notes)
    digits = _ambiguous_digits(runs, found)
    why = (
        clause("row-ambiguous", "why-readings", readings=len(found), digits=digits)
        if found
        else clause("row-ambiguous", "why-no-reading", digits=digits)
    )
    return leave_unknown(reading, why, notes)


def _spent(budget: Budget) -> Text:
    return clause("row-ambiguous", "reason-budget", placements=budget.placements)


def _gave_up(reading: RowReading, reason: Text, notes: list[Diagnostic]) -> dict[str, ReadCell]:
    return leave_unknown(reading, clause("row-ambiguous", "why-gave-up", reason=reason), notes)


def leave_unknown(reading: RowReading, why: Text, notes: list[Diagnostic]) -> dict[str, ReadCell]:
    """Note that ``reading``'s cells are left unknown (``row-ambiguous``), saying ``why`` (a
    ``row-ambiguous`` clause)."""
    spec = reading.spec
    notes.append(
        diagnostic(
            "row-ambiguous",
            label=spec.label,
            found=len(reading.values),
            expected=len(spec.columns),
            why=why,
            location=reading.label[-1].location,
            address=f"{spec.table}.{spec.row}" if spec.row else spec.table,
        )
    )
    return {}
