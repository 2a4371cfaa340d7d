"""Runs of digits with no separator between cells (``640020470`` is 64,0,0,2,0,4,70).

Strategy: a row that expects ``k`` numbers and holds fewer tokens, one of them a run of
several digits, may have lost the separators between its cells (a crawled web page, cells
copied without tabs). Each run may hold one or more cells: every way to give each run a
number of parts (at least one, at most its digits; ``k`` in all) and to cut each run into
that many numbers without leading zeros (``0`` itself allowed) is a candidate reading. The
interpreter keeps the candidates the invariants allow and takes one only when exactly one
survives the row's equations and the table's; this module only enumerates, within a budget
(a run too long to enumerate gives up and says how many splits it would have had).
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

from govinfo.rules.catalogue import equations
from govinfo.templates import TemplateSpec

__all__ = ["BUDGET", "DigitRuns", "bound_cells", "describe", "digit_runs"]

#: The most candidate splits a row may have before the reader gives up on it.
BUDGET = 5000


class DigitRuns:
    """The candidate splits of one row's digit runs, or how many there would have been."""

    __slots__ = ("candidates", "count", "owners", "runs")

    def __init__(
        self,
        runs: tuple[str, ...],
        count: int,
        candidates: list[tuple[int | Decimal, ...]],
        owners: list[tuple[int, ...]],
    ) -> None:
        self.runs = runs
        self.count = count
        #: Each candidate: the numbers, left to right (a fraction's a Decimal); ``owners``: the
        #: run each number is from.
        self.candidates = candidates
        self.owners = owners

    @property
    def gave_up(self) -> bool:
        return self.count > BUDGET


def _split_count(length: int, parts: int) -> int:
    return math.comb(length - 1, parts - 1) if 1 <= parts <= length else 0


def _cuts(run: str, parts: int) -> Iterator[tuple[int | Decimal, ...]]:
    # A run ending in a fraction ("10.1") is cut in its whole part only: the fraction stays
    # with the last number ("1" and "0.1"), as the digits of a glued amount would read.
    whole, point, fraction = run.partition(".")
    for cuts in itertools.combinations(range(1, len(whole)), parts - 1):
        bounds = (0, *cuts, len(whole))
        pieces = [whole[a:b] for a, b in itertools.pairwise(bounds)]
        if all(p == "0" or p[0] != "0" for p in pieces):
            numbers: list[int | Decimal] = [int(p) for p in pieces]
            if point:
                numbers[-1] = Decimal(f"{pieces[-1]}.{fraction}")
            yield tuple(numbers)


def _allocations(lengths: Sequence[int], total: int) -> Iterator[tuple[int, ...]]:
    if len(lengths) == 1:
        if 1 <= total <= lengths[0]:
            yield (total,)
        return
    rest_min = len(lengths) - 1
    for parts in range(1, min(lengths[0], total - rest_min) + 1):
        for rest in _allocations(lengths[1:], total - parts):
            yield (parts, *rest)


#: A run of ASCII digits, which may end in a fraction (an amount glued to the count before it).
_RUN = re.compile(r"[0-9]+(?:\.[0-9]+)?")


def digit_runs(texts: Sequence[str], columns: int) -> DigitRuns | None:
    """The splits of ``texts`` (each a run of ASCII digits, perhaps ending in a fraction)
    into ``columns`` numbers.

    ``None`` when the row is not a row of digit runs: a token that is not plain digits, as
    many tokens as columns or more, or fewer digits in all than columns.
    """
    return _digit_runs(tuple(texts), columns)


@functools.lru_cache(maxsize=1024)
def _digit_runs(texts: tuple[str, ...], columns: int) -> DigitRuns | None:
    # Cached: rows of zeros ("0000000") repeat in every report.
    if columns < 2 or len(texts) >= columns:
        return None
    if not all(_RUN.fullmatch(t) for t in texts):
        return None
    runs = tuple(texts)
    lengths = [len(t.partition(".")[0]) for t in runs]  # a fraction is never cut
    if sum(lengths) < columns or all(n == 1 for n in lengths):
        return None
    allocations = list(_allocations(lengths, columns))
    count = sum(
        math.prod(_split_count(n, p) for n, p in zip(lengths, a, strict=True)) for a in allocations
    )
    if count > BUDGET:
        return DigitRuns(runs, count, [], [])
    candidates: list[tuple[int | Decimal, ...]] = []
    owners: list[tuple[int, ...]] = []
    for allocation in allocations:
        per_run = [list(_cuts(run, p)) for run, p in zip(runs, allocation, strict=True)]
        owner = tuple(i for i, parts in enumerate(allocation) for _ in range(parts))
        for combo in itertools.product(*per_run):
            candidates.append(tuple(itertools.chain.from_iterable(combo)))
            owners.append(owner)
    return DigitRuns(runs, count, candidates, owners)


def describe(split: Sequence[object]) -> str:
    """A split as printed in diagnostics: ``64|0|0|2|0|4|70``."""
    return "|".join("?" if v is None else str(v) for v in split)


@functools.cache
def bound_cells(template: TemplateSpec) -> frozenset[str]:
    """The cells that some equation of ``template`` holds (section 二's cells are in none)."""
    return frozenset(a for eq in equations(template) for a in eq.cells)
