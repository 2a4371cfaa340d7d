"""Where a row's values go when there are more or fewer of them than columns.

Strategy: enumerate the order-preserving placements: keep any ``n`` of ``m > n`` values (the
extras are stray cells), or put ``m < n`` values in any ``m`` of the ``n`` columns (the others
unknown). A run of digits with no separator (``6210009``) is split every way into ``n``
numbers. The interpreter keeps the placements the invariants allow and uses one only if they
all agree once inference has filled the gaps; this module only enumerates, and keeps the
:class:`Budget` that bounds the whole search of one document.

Candidate readings are the entry point of the search: a row offers a list of candidate
readings (one token or ``None`` per column, see ``row_candidates`` in :mod:`._cells`); the
interpreter keeps a reading only if every candidate the invariants allow agrees on it. A new
source of candidates (digits run together, split where the invariants decide) adds its
readings there and needs nothing else.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable, Iterator, Sequence

__all__ = ["MAX_CANDIDATES", "Budget", "placements", "splits"]

#: Beyond this many placements a row is left unknown rather than searched.
MAX_CANDIDATES = 1000
#: Work units one document's placement search may spend: a candidate tested against its row's
#: equations costs 1, against the whole table's 10, a whole-table inference 100 (about their
#: relative costs; 3,000 units are some 30 ms on a slow machine).
WORK = 3000
_WHOLE = 10
_INFER = 100


class Budget:
    """The work left for the placement search of one document.

    Every candidate tested and every whole-table test or inference spends from it; when it
    runs out, rows still undecided are left unknown with a diagnostic that says so, rather
    than searched on (a row of five numbers for section 四's fifteen columns has 3,003
    placements).
    """

    def __init__(self, work: int = WORK) -> None:
        self.left = work
        self.placements = 0

    @property
    def exhausted(self) -> bool:
        return self.left <= 0

    def check(self, count: int = 1) -> bool:
        """Spend ``count`` row tests (placements); ``False`` when there were not that many left."""
        if self.left < count:
            self.left = 0
            return False
        self.left -= count
        self.placements += count
        return True

    def whole(self) -> bool:
        """Spend one whole-table test; ``False`` when none is left."""
        return self._spend(_WHOLE)

    def infer(self) -> bool:
        """Spend one whole-table inference; ``False`` when none is left."""
        return self._spend(_INFER)

    def _spend(self, units: int) -> bool:
        if self.left < units:
            self.left = 0
            return False
        self.left -= units
        return True


def placements(
    count: int, columns: int, keys: Sequence[Hashable] | None = None
) -> Iterator[tuple[int | None, ...]]:
    """For each placement, the index of the value in each column (``None``: left unknown).

    With ``keys`` (one per value, e.g. its text), placements that would give the same keys
    column by column are yielded once: dropping any one of several equal stray zeros is one
    reading, not several.
    """
    if count >= columns:
        if keys is None:
            yield from itertools.combinations(range(count), columns)
        else:
            yield from _distinct(keys, 0, columns)
        return
    for positions in itertools.combinations(range(columns), count):
        slots: list[int | None] = [None] * columns
        for index, position in enumerate(positions):
            slots[position] = index
        yield tuple(slots)


def _distinct(keys: Sequence[Hashable], start: int, need: int) -> Iterator[tuple[int, ...]]:
    # Each distinct subsequence once: at every step take only the first occurrence of each
    # key among the positions that still leave room for the rest.
    if need == 0:
        yield ()
        return
    taken: set[Hashable] = set()
    for index in range(start, len(keys) - need + 1):
        if keys[index] in taken:
            continue
        taken.add(keys[index])
        for rest in _distinct(keys, index + 1, need - 1):
            yield (index, *rest)


def placement_count(count: int, columns: int) -> int:
    """How many placements :func:`placements` yields."""
    return math.comb(max(count, columns), min(count, columns))


def splits(digits: str, columns: int) -> Iterator[tuple[int, ...]]:
    """Every way to cut ``digits`` into ``columns`` numbers without leading zeros."""
    if not digits.isdigit() or not columns <= len(digits):
        return
    if math.comb(len(digits) - 1, columns - 1) > MAX_CANDIDATES:
        return
    for cuts in itertools.combinations(range(1, len(digits)), columns - 1):
        bounds = (0, *cuts, len(digits))
        parts = [digits[a:b] for a, b in itertools.pairwise(bounds)]
        if all(p == "0" or not p.startswith("0") for p in parts):
            yield tuple(int(p) for p in parts)
