"""infer(): fills exactly the cells the invariants determine, with their true values."""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo import AnnualReport, flatten, unflatten
from govinfo.model.catalogue import unprinted
from govinfo.rules import Inference, feasible, infer, infer_cells
from govinfo.rules.catalogue import domain, equations
from govinfo.strategies import (
    CellCorrupted,
    CellsRemoved,
    consistent_reports,
    reports,
    with_cell_corrupted,
    with_cells_removed,
)
from govinfo.templates import TEMPLATES, TemplateSpec


def rank(rows: list[list[Fraction]]) -> int:
    """Rank by plain dense elimination: an oracle independent of the library's solver."""
    rows = [r[:] for r in rows]
    found = 0
    for col in range(len(rows[0]) if rows else 0):
        pivot = next((i for i in range(found, len(rows)) if rows[i][col]), None)
        if pivot is None:
            continue
        rows[found], rows[pivot] = rows[pivot], rows[found]
        for i in range(len(rows)):
            if i != found and rows[i][col]:
                factor = rows[i][col] / rows[found][col]
                rows[i] = [a - factor * b for a, b in zip(rows[i], rows[found], strict=True)]
        found += 1
    return found


def linearly_determined(
    template: TemplateSpec, unknown: list[str], absent: frozenset[str] = frozenset()
) -> set[str]:
    """Unknowns whose unit vector lies in the row space of the system (rank test), without
    the equations about variants the report does not print (``absent`` cells)."""
    unknown = [a for a in unknown if a not in absent]
    eqs = [
        eq
        for eq in equations(template)
        if set(unknown) & set(eq.cells) and absent.isdisjoint(eq.cells)
    ]

    def matrix(columns: list[str]) -> list[list[Fraction]]:
        return [
            [Fraction(1 if a in eq.lhs else -1 if a in eq.rhs else 0) for a in columns]
            for eq in eqs
        ]

    full = rank(matrix(unknown))
    return {a for a in unknown if rank(matrix([b for b in unknown if b != a])) == full - 1}


@given(with_cells_removed(consistent_reports()))
def test_fills_are_sound(case: CellsRemoved) -> None:
    """Whatever is removed, every filled value is the original one."""
    report, filled = infer(case.report)
    original = flatten(case.original)
    assert {f.address for f in filled} <= set(case.removed)
    for fill in filled:
        assert fill.value == original[fill.address], fill
        assert fill.rule in {
            "T3-BALANCE",
            "T3-ROW-TOTAL",
            "T3-OUTCOME-TOTAL",
            "T3-GROUP-SUBTOTAL",
            "T3-OUTCOME-TOTAL-BY-GROUP",
            "T3-ORG-SUBTOTAL",
            "T4-TOTAL",
        }
        assert fill.equations
        assert fill.reason
    for address, value in flatten(report).items():
        assert value in (None, original[address])


@given(with_cells_removed(determined_only=True))
def test_determined_cells_are_restored_exactly(case: CellsRemoved) -> None:
    """Removing cells that linear algebra determines is undone exactly."""
    restored = infer(case.report)
    assert restored.report == case.original
    assert {f.address for f in restored.filled} == set(case.removed)


@given(with_cells_removed(consistent_reports(), max_size=40))
def test_linear_determination_matches_a_rank_oracle(case: CellsRemoved) -> None:
    """Without non-negativity, exactly the cells the rank test calls determined are filled."""
    cells = flatten(case.report)
    _, fills = infer_cells(cells, case.report.template, nonnegativity=False)
    oracle = linearly_determined(case.report.template, list(case.removed))
    assert {f.address for f in fills} == oracle


@given(consistent_reports(), st.data())
def test_any_single_covered_cell_is_restored(report: AnnualReport, data: st.DataObject) -> None:
    """One unknown cell of sections 三 or 四 is always determined by its equations."""
    absent = unprinted(report.template, flatten(report))  # variants the report does not print
    covered = sorted({a for eq in equations(report.template) for a in eq.cells} - absent)
    address = data.draw(st.sampled_from(covered))
    cells = {**flatten(report), address: None}
    filled, fills = infer_cells(cells, report.template)
    assert filled == flatten(report)
    assert [f.address for f in fills] == [address]


@given(consistent_reports(), st.data())
def test_a_whole_leaf_row_is_restored(report: AnnualReport, data: st.DataObject) -> None:
    """A missing outcome row of section 三 is fixed by the column totals."""
    row = data.draw(st.sampled_from([key for key, _ in domain("leaf", report.template)]))
    cells = flatten(report)
    removed = {
        a: None for a in cells if a.startswith(f"applications.{row}.") and cells[a] is not None
    }
    assert len(removed) in (7, 8)  # 8 with the 小计 column some reports print
    filled, fills = infer_cells({**cells, **removed}, report.template)
    assert filled == cells
    assert {f.address for f in fills} == set(removed)


@pytest.mark.parametrize("template", [TEMPLATES["gb_2021"], TEMPLATES["gb_2019"]])
def test_a_zero_total_forces_zero_parts(template: TemplateSpec) -> None:
    """（七）总计 of 0 makes every outcome cell 0, and nothing else."""
    report = unflatten({"applications.outcome_total.total": 0}, template=template)
    completed, filled = infer(report)
    leaves = [key for key, _ in domain("leaf", template)]
    expected = {
        f"applications.{row}.{column}"
        for row in [*leaves, "outcome_total"]
        for column, _ in domain("column", template)
    } - {"applications.outcome_total.total"}
    # inference never adds a row or column the report does not print (the 小计 column)
    expected -= unprinted(template, flatten(report))
    assert {f.address for f in filled} == expected
    assert all(f.value == 0 for f in filled)
    assert completed.applications is not None
    assert completed.applications.new_received.total is None
    assert "zero" in filled[0].reason


def test_a_zero_group_total_forces_zero_outcomes() -> None:
    """Section 四: a total of 0 fills the four outcomes with 0 (the issue's example)."""
    report = unflatten({"review_litigation.litigation_after_review.total": 0})
    _, filled = infer(report)
    assert [(f.address.rsplit(".", 1)[1], f.value, f.rule) for f in filled] == [
        ("upheld", 0, "T4-TOTAL"),
        ("corrected", 0, "T4-TOTAL"),
        ("other_outcome", 0, "T4-TOTAL"),
        ("pending", 0, "T4-TOTAL"),
    ]


def test_undetermined_cells_stay_unknown() -> None:
    """Two unknown parts of one positive total are not determined, so nothing is filled."""
    report = unflatten(
        {
            "review_litigation.administrative_review.total": 5,
            "review_litigation.administrative_review.upheld": 1,
            "review_litigation.administrative_review.corrected": 2,
        }
    )
    assert infer(report).filled == ()
    assert infer(report).report is report


def test_contradicted_equations_fill_nothing() -> None:
    """Known cells that already break an equation are not used to fill (no negative values)."""
    group = "review_litigation.administrative_review"
    too_big = {f"{group}.total": 2, f"{group}.upheld": 3, f"{group}.corrected": 0}
    too_big |= {f"{group}.other_outcome": 0}
    _, fills = infer_cells(too_big, "gb_2021")
    assert fills == ()
    # two equations that give the one unknown different values
    cells = flatten(unflatten({}))
    cells |= {f"applications.disclosed.{c}": 1 for c, _ in domain("applicant", "gb_2021")}
    cells |= {f"applications.{r}.total": 0 for r, _ in domain("leaf", "gb_2021")}
    cells["applications.disclosed.total"] = None  # 6 by its row, 9 by the total column
    cells["applications.outcome_total.total"] = 9
    _, fills = infer_cells(cells, "gb_2021")
    assert "applications.disclosed.total" not in {f.address for f in fills}


@given(reports())
def test_infer_never_breaks_a_report(report: AnnualReport) -> None:
    """On any report, inference only fills unknown cells, with non-negative integers."""
    completed, filled = infer(report)
    before, after = flatten(report), flatten(completed)
    for fill in filled:
        assert before[fill.address] is None
        assert after[fill.address] == fill.value >= 0
    assert {a for a in before if before[a] != after[a]} == {f.address for f in filled}
    assert (completed.organ, completed.year, completed.narrative) == (
        report.organ,
        report.year,
        report.narrative,
    )


def test_inference_unpacks_and_leaves_legacy_alone() -> None:
    """Inference is a (report, filled) pair; legacy reports have nothing to infer."""
    legacy = AnnualReport(template="legacy_2008", legacy={"applications_received": 3})
    result = infer(legacy)
    assert isinstance(result, Inference)
    report, filled = result
    assert report is legacy
    assert filled == ()


def test_infer_cells_does_not_mutate_and_treats_missing_as_unknown() -> None:
    """Addresses left out of the map count as unknown; the input map is untouched."""
    cells = {"review_litigation.litigation_direct.total": 0}
    filled, fills = infer_cells(cells, "gb_2019")
    assert cells == {"review_litigation.litigation_direct.total": 0}
    assert filled["review_litigation.litigation_direct.pending"] == 0
    assert len(fills) == 4
    assert str(fills[0]).startswith("review_litigation.litigation_direct.upheld = 0")


@given(consistent_reports(), st.data())
def test_blocks_match_the_rank_oracle(report: AnnualReport, data: st.DataObject) -> None:
    """Removing a block of rows × columns of section 三 fills exactly what the rank test allows."""
    rows = data.draw(
        st.sets(st.sampled_from(domain("row", report.template)), min_size=1, max_size=5)
    )
    columns = data.draw(
        st.sets(st.sampled_from(domain("column", report.template)), min_size=1, max_size=4)
    )
    removed = [f"applications.{r}.{c}" for r, _ in rows for c, _ in columns]
    cells = {**flatten(report), **dict.fromkeys(removed)}
    _, fills = infer_cells(cells, report.template, nonnegativity=False)
    absent = unprinted(report.template, cells)
    assert {f.address for f in fills} == linearly_determined(report.template, removed, absent)
    completed, _ = infer_cells(cells, report.template)
    assert all(completed[a] in (None, v) for a, v in flatten(report).items())


@given(with_cells_removed(consistent_reports()))
def test_feasible_holds_for_true_values_with_gaps(case: CellsRemoved) -> None:
    """A consistent report with cells removed can still add up."""
    assert feasible(flatten(case.report), case.report.template)


@given(with_cell_corrupted())
def test_feasible_fails_for_a_changed_cell(case: CellCorrupted) -> None:
    """A fully stated report with one changed cell cannot add up."""
    assert not feasible(flatten(case.report), case.report.template)


def test_within_uses_only_the_equations_inside_the_cells() -> None:
    """within=True ignores equations that reach outside the given cells."""
    row = {f"applications.disclosed.{c}": 0 for c, _ in domain("applicant", "gb_2021")}
    row["applications.disclosed.natural_person"] = 4
    row["applications.disclosed.total"] = None
    filled, fills = infer_cells(row, "gb_2021", within=True)
    assert filled["applications.disclosed.total"] == 4
    assert [f.equations for f in fills] == [("T3-ROW-TOTAL[disclosed]",)]
    assert set(filled) == set(row)
    assert feasible({**row, "applications.disclosed.total": 4}, "gb_2021", within=True)
    assert not feasible({**row, "applications.disclosed.total": 3}, "gb_2021", within=True)
    # the outcome-total column equation reaches outside the row, so it does not count
    assert feasible({"applications.outcome_total.total": 1}, "gb_2021", within=True)
    assert not feasible({"applications.outcome_total.total": 1, **dict.fromkeys(row, 2)}, "gb_2021")
