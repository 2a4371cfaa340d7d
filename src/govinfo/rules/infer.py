"""Fill the cells a report leaves unstated when its invariants determine them.

Strategy: the within-report ``sum`` rules of the template are a linear system over the
unknown cells. Only equations that contain an unknown are built (known cells move to the
constant), and they are split into components that share unknowns, so a typical call touches a
handful of small systems. Each component is brought to reduced row-echelon form with exact
integer (fraction-free) elimination: an unknown is *determined* iff its reduced row holds no
other unknown. Non-negativity adds one more deduction: a row (original or reduced) whose
unknowns all carry the same sign and whose constant is 0 forces all of them to 0. Both steps
repeat until nothing changes. A component whose stated cells contradict it (no solution, or
a negative or fractional value) fills nothing: ``check()`` reports it, and guessing would hide
it. An equation that on its own cannot hold with non-negative unknowns is left out first, so
one bad row does not stop every fill around it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Mapping
from math import gcd
from typing import Any

import attrs

from govinfo.model.catalogue import variant_cells
from govinfo.model.flat import CellValue, flatten
from govinfo.model.report import AnnualReport
from govinfo.rules._cells import with_cells
from govinfo.rules.catalogue import Equation, Unstated, equations, rule
from govinfo.templates import TemplateSpec, template_spec

__all__ = ["Fill", "Inference", "feasible", "infer", "infer_cells"]


@attrs.frozen(kw_only=True)
class Fill:
    """A cell that inference filled.

    Attributes:
        address: the cell address.
        value: the value filled in.
        rule: the id of the (first) rule whose equations determine it.
        reason: a sentence saying how, naming every equation used.
        equations: the names of the equations used (``T3-ROW-TOTAL[disclosed]``).
    """

    address: str
    value: int
    rule: str
    reason: str
    equations: tuple[str, ...] = ()

    def __str__(self) -> str:
        return f"{self.address} = {self.value} ({self.reason})"


@attrs.frozen(kw_only=True)
class Inference:
    """A report with every determined cell filled, and what was filled.

    Unpacks as a pair: ``report, filled = infer(r)``.

    Attributes:
        report: the completed report (the input itself when nothing was filled).
        filled: the cells filled, in print order.
    """

    report: AnnualReport
    filled: tuple[Fill, ...] = ()

    def __iter__(self) -> Iterator[Any]:
        """Yield ``report`` then ``filled``."""
        yield self.report
        yield self.filled


def infer(report: AnnualReport) -> Inference:
    """Fill every unstated cell of ``report`` that the template's invariants determine.

    A cell is filled only when exactly one non-negative integer is possible: by linear
    algebra over the within-report rules, or by non-negativity (a zero total forces zero
    parts). Cells in equations that the stated values already break are left alone.
    ``legacy_2008`` reports have nothing to infer.

    Example:
        >>> from govinfo import unflatten
        >>> r = unflatten({"review_litigation.litigation_direct.total": 0})
        >>> report, filled = infer(r)
        >>> report.review_litigation.litigation_direct.upheld
        0
    """
    if not report.template.has_tables:
        return Inference(report=report)
    _, filled = infer_cells(flatten(report), report.template)
    if not filled:
        return Inference(report=report)
    completed = with_cells(report, {f.address: f.value for f in filled})
    return Inference(report=completed, filled=filled)


# -- the solver on flat cells ------------------------------------------------------------------


@attrs.frozen(eq=False)  # one per template (cached): hashed by identity, as a cache key
class _System:
    """The template's equations as coefficient maps, with an index from cell to equations."""

    equations: tuple[Equation, ...]
    terms: tuple[tuple[tuple[str, int], ...], ...]
    by_cell: Mapping[str, tuple[int, ...]]
    order: Mapping[str, int]
    #: The variants (optional rows or columns) each equation concerns, by equation.
    variants_of: tuple[tuple[str, ...], ...]
    variants: Mapping[str, tuple[str, ...]]

    def skips(self, i: int, cells: Mapping[str, CellValue], absent: dict[str, bool]) -> bool:
        """Whether equation ``i`` concerns a variant that ``cells`` do not print (none of its
        cells is stated): such equations are left out, so inference never adds a row or
        column the report does not print. ``absent`` memoises the answer per variant for
        one ``cells``; the placement search asks about a few equations many times."""
        for name in self.variants_of[i]:
            gone = absent.get(name)
            if gone is None:
                gone = absent[name] = all(cells.get(a) is None for a in self.variants[name])
            if gone:
                return True
        return False


@functools.cache
def _system(template: TemplateSpec) -> _System:
    eqs = tuple(eq for eq in equations(template) if rule(eq.rule).unstated is Unstated.UNKNOWN)
    terms = tuple(tuple((a, 1) for a in eq.lhs) + tuple((a, -1) for a in eq.rhs) for eq in eqs)
    by_cell: dict[str, list[int]] = {}
    for i, eq in enumerate(eqs):
        for a in eq.cells:
            by_cell.setdefault(a, []).append(i)
    order: dict[str, int] = {}
    for eq in eqs:
        for a in eq.cells:
            order.setdefault(a, len(order))
    variants = variant_cells(template)
    concerns: list[list[str]] = [[] for _ in eqs]
    for name, members in variants.items():
        for i in sorted({i for a in members for i in by_cell.get(a, ())}):
            concerns[i].append(name)
    return _System(
        eqs,
        terms,
        {a: tuple(v) for a, v in by_cell.items()},
        order,
        tuple(tuple(names) for names in concerns),
        variants,
    )


# A row: sum(coef * unknown) == const, with the equations (indices) it was derived from.
_Row = tuple[dict[str, int], int, frozenset[int]]


class _Contradiction(Exception):
    """The stated cells leave a component without a non-negative integer solution."""


def infer_cells(
    cells: Mapping[str, CellValue],
    template: TemplateSpec | str,
    *,
    nonnegativity: bool = True,
    within: bool = False,
) -> tuple[dict[str, CellValue], tuple[Fill, ...]]:
    """Fill the determined ``None`` cells of a flat ``{address: value}`` map.

    The fast path behind :func:`infer`, for callers (the text reader) that try many
    placements of a row's numbers: only equations with an unknown are built, and the work
    grows with the unknowns, not with the table.

    Args:
        cells: values by address; addresses left out count as unknown.
        template: the template whose rules apply.
        nonnegativity: also fill cells that non-negativity forces to 0 (default). With
            ``False`` only linear determination is used.
        within: use only the equations whose every cell is a key of ``cells`` (e.g. the
            row total of one row being placed), ignoring the rest of the table.

    Returns:
        A new map with the filled cells added, and the fills in print order.
    """
    system = _system(template_spec(template))
    rows = [row for row in _rows(system, cells, within=within) if not _infeasible(*row[:2])]
    fills: dict[str, Fill] = {}
    for component in _components(rows):
        try:
            found = _solve(component, nonnegativity=nonnegativity)
        except _Contradiction:
            continue
        for a, (value, sources, zero) in found.items():
            fills[a] = _fill(system, a, value, sources, zero=zero)
    result: dict[str, CellValue] = dict(cells)
    ordered = tuple(sorted(fills.values(), key=lambda f: system.order[f.address]))
    for f in ordered:
        result[f.address] = f.value
    return result, ordered


def feasible(
    cells: Mapping[str, CellValue], template: TemplateSpec | str, *, within: bool = False
) -> bool:
    """Whether every equation, taken on its own, can still hold with non-negative unknowns.

    A fully stated equation must balance; one whose unknowns all sit on one side must leave
    them a non-negative sum. The cheap test of a candidate reading before inference.

    Args:
        cells: values by address; addresses left out count as unknown.
        template: the template whose rules apply.
        within: test only the equations whose every cell is a key of ``cells``.
    """
    system = _system(template_spec(template))
    absent: dict[str, bool] = {}
    indices = _within(system, cells) if within else range(len(system.terms))
    # The hot test of the text reader's placement search: sums and signs only, no row dicts.
    for i in indices:
        if system.variants_of[i] and system.skips(i, cells, absent):
            continue
        const = 0
        positive = negative = False
        for a, c in system.terms[i]:
            value = cells.get(a)
            if value is None:
                if c > 0:
                    positive = True
                else:
                    negative = True
            else:
                const -= c * int(value)
        if positive and negative:
            continue
        if (positive and const < 0) or (negative and const > 0):
            return False
        if not positive and not negative and const != 0:
            return False
    return True


def _within(system: _System, cells: Mapping[str, CellValue]) -> tuple[int, ...]:
    """The equations whose every cell is a key of ``cells``, found through the index."""
    # The placement search asks this of the same few key sets (one row's cells) thousands of
    # times with other values: remember the answer per key set.
    return _within_keys(system, tuple(cells))


@functools.lru_cache(maxsize=4096)
def _within_keys(system: _System, keys: tuple[str, ...]) -> tuple[int, ...]:
    by_cell, terms = system.by_cell, system.terms
    present = set(keys)
    near = {i for a in keys for i in by_cell.get(a, ())}
    return tuple(sorted(i for i in near if all(a in present for a, _ in terms[i])))


def _rows(system: _System, cells: Mapping[str, CellValue], *, within: bool) -> Iterator[_Row]:
    """The equations as rows over the unknowns (known cells moved to the constant).

    Only equations with an unknown; only those inside ``cells`` if ``within``.
    """
    known = {a: v for a, v in cells.items() if v is not None}
    absent: dict[str, bool] = {}
    if within:
        indices = _within(system, cells)
    else:
        touched = {i for a in system.by_cell if a not in known for i in system.by_cell[a]}
        indices = tuple(sorted(touched))
    for i in indices:
        if system.variants_of[i] and system.skips(i, cells, absent):
            continue
        coefs: dict[str, int] = {}
        const = 0
        for a, c in system.terms[i]:
            value = known.get(a)
            if value is None:
                coefs[a] = c
            else:
                const -= c * int(value)
        if coefs:
            yield coefs, const, frozenset((i,))


def _fill(
    system: _System, address: str, value: int, sources: frozenset[int], *, zero: bool
) -> Fill:
    names = tuple(system.equations[i].name for i in sorted(sources))
    first = system.equations[min(sources)].rule
    if zero:
        reason = f"a zero sum of non-negative cells in {', '.join(names)}"
    else:
        reason = f"determined by {', '.join(names)}"
    return Fill(address=address, value=value, rule=first, reason=reason, equations=names)


def _infeasible(coefs: Mapping[str, int], const: int) -> bool:
    """Whether one row alone has no non-negative solution."""
    if not coefs:
        return const != 0
    signs = {c > 0 for c in coefs.values()}
    if len(signs) > 1:
        return False
    positive = signs.pop()
    return const < 0 if positive else const > 0


def _components(rows: list[_Row]) -> list[list[_Row]]:
    parent: dict[str, str] = {}

    def find(a: str) -> str:
        while parent.setdefault(a, a) != a:
            parent[a] = parent[parent[a]]
            a = parent[a]
        return a

    for coefs, _, _ in rows:
        first, *others = coefs
        for other in others:
            parent[find(other)] = find(first)
    groups: dict[str, list[_Row]] = {}
    for row in rows:
        groups.setdefault(find(next(iter(row[0]))), []).append(row)
    return list(groups.values())


def _solve(rows: list[_Row], *, nonnegativity: bool) -> dict[str, tuple[int, frozenset[int], bool]]:
    """Values of the unknowns the rows determine: ``{cell: (value, equations, by_zero)}``.

    Raises:
        _Contradiction: the rows have no non-negative integer solution.
    """
    found: dict[str, tuple[int, frozenset[int], bool]] = {}
    while True:
        # The rows as they stand settle most cells; reduce only when they are stuck.
        new = _deductions(rows, nonnegativity=nonnegativity)
        if not new:
            new = _deductions(_reduce(rows), nonnegativity=nonnegativity)
            if not new:
                return found
        found.update(new)
        rows = [_substitute(row, new) for row in rows]
        rows = [row for row in rows if row[0] or _check_empty(row)]


def _deductions(
    rows: list[_Row], *, nonnegativity: bool
) -> dict[str, tuple[int, frozenset[int], bool]]:
    """Cells that single rows settle: one unknown left, or a zero sum of one sign."""
    new: dict[str, tuple[int, frozenset[int], bool]] = {}
    for coefs, const, sources in rows:
        if nonnegativity and _infeasible(coefs, const):
            raise _Contradiction
        if len(coefs) == 1:
            ((a, c),) = coefs.items()
            if const % c or const // c < 0:
                raise _Contradiction
            new[a] = (const // c, sources, False)
        elif nonnegativity and const == 0 and len({c > 0 for c in coefs.values()}) == 1:
            for a in coefs:
                new.setdefault(a, (0, sources, True))
    return new


def _check_empty(row: _Row) -> bool:
    if row[1] != 0:
        raise _Contradiction
    return False


def _substitute(row: _Row, values: Mapping[str, tuple[int, frozenset[int], bool]]) -> _Row:
    coefs, const, sources = row
    if not any(a in values for a in coefs):
        return row
    kept: dict[str, int] = {}
    for a, c in coefs.items():
        if a in values:
            value, more, _ = values[a]
            const -= c * value
            sources |= more
        else:
            kept[a] = c
    return kept, const, sources


def _reduce(rows: list[_Row]) -> list[_Row]:
    """Reduced row-echelon form by fraction-free Gauss-Jordan elimination.

    Raises:
        _Contradiction: the rows are inconsistent (``0 == c`` with ``c != 0``).
    """
    pivots: list[tuple[str, _Row]] = []
    for original in rows:
        row = original
        for var, pivot_row in pivots:
            if var in row[0]:
                row = _eliminate(row, pivot_row, var)
        if not row[0]:
            _check_empty(row)
            continue
        var = min(row[0], key=lambda a: abs(row[0][a]))
        pivots = [(v, _eliminate(p, row, var) if var in p[0] else p) for v, p in pivots]
        pivots.append((var, row))
    return [row for _, row in pivots]


def _eliminate(row: _Row, pivot_row: _Row, var: str) -> _Row:
    """``row`` with ``var`` removed by subtracting a multiple of ``pivot_row``."""
    coefs, const, sources = row
    p_coefs, p_const, p_sources = pivot_row
    a, b = p_coefs[var], coefs[var]
    new = {v: c * a for v, c in coefs.items()}
    for v, c in p_coefs.items():
        value = new.get(v, 0) - c * b
        if value:
            new[v] = value
        else:
            new.pop(v, None)
    new_const = const * a - p_const * b
    divisor = gcd(new_const, *new.values())
    if divisor > 1 or (new and next(iter(new.values())) < 0):
        if new and next(iter(new.values())) < 0:
            divisor = -divisor
        new = {v: c // divisor for v, c in new.items()}
        new_const //= divisor
    return new, new_const, sources | p_sources
