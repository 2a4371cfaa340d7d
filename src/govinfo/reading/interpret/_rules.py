"""The invariants as the interpreter uses them: fill what they determine, test feasibility.

Strategy: the equations and inference are the rules package's
(:func:`govinfo.rules.catalogue.equations`, :func:`govinfo.rules.infer.infer_cells`); inference
fills nothing in a component that contradicts itself, so the interpreter also needs to know
whether a candidate reading *can* hold. :func:`feasible` answers that per equation: a stated
equation must balance, and one whose unknowns all sit on one side must leave them a
non-negative sum. Cells missing from the map count as unknown.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from decimal import Decimal

from govinfo.model.flat import CellValue
from govinfo.model.template import Template
from govinfo.rules.catalogue import Equation, equations
from govinfo.rules.infer import Fill, infer_cells

__all__ = ["Fill", "feasible", "fill_within", "infer_cells"]


Number = int | Decimal


@functools.cache
def _equations(template: Template) -> tuple[Equation, ...]:
    return equations(template)


@functools.cache
def _within(template: Template, addresses: frozenset[str]) -> tuple[Equation, ...]:
    return tuple(eq for eq in _equations(template) if addresses.issuperset(eq.cells))


def fill_within(cells: dict[str, CellValue], template: Template) -> dict[str, CellValue]:
    """Fill the unknowns of ``cells`` that the equations lying wholly inside it determine.

    The cheap first test of a row placement: :func:`infer_cells` would treat every cell
    outside the row as unknown and build the whole table's system. Within one row each
    equation is a single sum, so an unknown is determined when it is the only one, and all
    unknowns are 0 when the stated parts already make the total.
    """
    values = dict(cells)
    for eq in _within(template, frozenset(values)):
        unknown = [a for a in eq.cells if values[a] is None]
        if not unknown:
            continue
        left = sum(v for a in eq.lhs if (v := values[a]) is not None)
        right = sum(v for a in eq.rhs if (v := values[a]) is not None)
        if len(unknown) == 1:
            gap = right - left if unknown[0] in eq.lhs else left - right
            if gap >= 0:
                values[unknown[0]] = gap
        elif left == right and (
            all(a in eq.rhs for a in unknown) or all(a in eq.lhs for a in unknown)
        ):
            values.update(dict.fromkeys(unknown, 0))
    return values


def _side(cells: Mapping[str, CellValue], addresses: tuple[str, ...]) -> tuple[Number, bool]:
    """The sum of the stated cells of one side, and whether any is unknown."""
    total: Number = 0
    unknown = False
    for address in addresses:
        value = cells.get(address)
        if value is None:
            unknown = True
        else:
            total += value
    return total, unknown


def feasible(
    cells: Mapping[str, CellValue], template: Template, only: frozenset[str] | None = None
) -> bool:
    """Whether every equation can hold with non-negative unknowns.

    With ``only``, just the equations lying wholly within those cells (the others have an
    unknown on each side when nothing else is known, so they always can).
    """
    eqs = _equations(template) if only is None else _within(template, only)
    for eq in eqs:
        left, unknown_left = _side(cells, eq.lhs)
        right, unknown_right = _side(cells, eq.rhs)
        if unknown_left and unknown_right:
            continue
        if unknown_left:
            if right < left:
                return False
        elif unknown_right:
            if left < right:
                return False
        elif left != right:
            return False
    return True
