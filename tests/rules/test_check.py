"""check(): consistent reports pass, corrupted cells are caught and named, unknowns reported."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo import AnnualReport, Location, flatten, unflatten
from govinfo.errors import InvalidValueError, ViolationError
from govinfo.model.catalogue import unprinted
from govinfo.rules import RULES, CheckStatus, check, check_series
from govinfo.rules.catalogue import PREVIOUS, domain
from govinfo.strategies import (
    CellCorrupted,
    CellsRemoved,
    consistent_reports,
    reports,
    with_cell_corrupted,
    with_cells_removed,
)
from govinfo.templates import TEMPLATES

DATA = Path(__file__).resolve().parents[1] / "data"
SEEDS = sorted(DATA.glob("*.json"))
FEE = "proactive_disclosure.administrative_fees.amount_wan_yuan"


def seed(path: Path) -> tuple[AnnualReport, dict[str, Any]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    cells = {a: Decimal(v) if isinstance(v, str) else v for a, v in data["cells"].items()}
    report = unflatten(cells, template=data["template"], organ=data["organ"], year=data["year"])
    return report, data


def instances(report: AnnualReport, *, cross: bool = False) -> int:
    # The instances about a variant the report does not print (a group subtotal row, the
    # 小计 column) are not the report's: they are neither checked nor unverifiable.
    absent = unprinted(report.template, flatten(report))
    return sum(
        1
        for r in RULES
        if r.cross_report == cross
        for eq in r.equations(report.template)
        if absent.isdisjoint(a.removeprefix(PREVIOUS) for a in eq.cells)
    )


def with_cells(report: AnnualReport, **cells: object) -> AnnualReport:
    flat = flatten(report)
    flat.update({a.replace("__", "."): v for a, v in cells.items()})
    return unflatten(flat, template=report.template, organ=report.organ, year=report.year)


@given(consistent_reports())
def test_consistent_reports_pass_every_rule(report: AnnualReport) -> None:
    """A consistent report breaks nothing; only an unstated fee is unverifiable."""
    result = report.check()
    assert result.ok == (not result.unverifiable)
    assert result.status is (CheckStatus.INCOMPLETE if result.unverifiable else CheckStatus.PASSED)
    assert list(result) == []
    assert {u.rule for u in result.unverifiable} <= {"T2-FEE-PRECISION"}
    assert result.passed + len(result.unverifiable) == instances(report)


@given(reports())
def test_every_instance_is_accounted_for(report: AnnualReport) -> None:
    """Each rule instance is passed, broken or unverifiable: exactly one of the three."""
    result = report.check()
    assert result.passed + len(list(result)) + len(result.unverifiable) == instances(report)
    for u in result.unverifiable:
        assert u.unknown
        assert set(u.unknown) <= set(u.cells)
    if result.violations:
        assert result.status is CheckStatus.FAILED
    elif result.unverifiable:
        assert result.status is CheckStatus.INCOMPLETE
    else:
        assert result.status is CheckStatus.PASSED
    assert result.ok == (result.status is CheckStatus.PASSED)
    # the cells of variants the report does not print are not among its cells
    cells = flatten(report)
    assert result.cells_total == len(cells) - len(unprinted(report.template, cells))
    assert result.cells_stated == sum(v is not None for v in flatten(report).values())


@given(with_cell_corrupted())
def test_a_changed_cell_is_caught_and_named(case: CellCorrupted) -> None:
    """Changing one covered cell breaks a rule; it is always a candidate, the suspect if unique."""
    result = case.report.check()
    assert not result.ok
    for v in result:
        assert case.address in v.cells
        assert case.address in v.candidates
        assert v.suspect in (None, case.address)
        assert v.difference == v.actual - v.expected != 0
    if case.address.startswith("applications."):
        assert {v.suspect for v in result} == {case.address}


@given(consistent_reports(), st.sampled_from(["administrative_review", "litigation_direct"]))
def test_section_four_names_candidates(report: AnnualReport, group: str) -> None:
    """A section 四 cell sits in one equation only: the others of its group are candidates too."""
    address = f"review_litigation.{group}.pending"
    value = flatten(report)[address]
    assert isinstance(value, int)
    result = with_cells(report, **{address.replace(".", "__"): value + 1}).check()
    (violation,) = result.violations
    assert violation.rule == "T4-TOTAL"
    assert violation.suspect is None
    # a part that would have to become negative to repair the total is not a candidate
    parts = [a for a in violation.cells if a != address and not a.endswith(".total")]
    assert set(violation.candidates) == {
        address,
        f"review_litigation.{group}.total",
        *(a for a in parts if flatten(report)[a]),
    }


@given(with_cells_removed())
def test_removed_cells_are_unverifiable(case: CellsRemoved) -> None:
    """Unknown cells make their rules unverifiable, never failed: the check is incomplete."""
    result = case.report.check()
    assert result.status is CheckStatus.INCOMPLETE
    assert not result.ok
    assert list(result) == []
    unknown = {a for u in result.unverifiable for a in u.unknown}
    assert set(case.removed) <= unknown


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seeds(path: Path) -> None:
    """The seeds' expected values: table reports pass, the legacy one gets L-OUTCOME-TOTAL."""
    report, data = seed(path)
    result = report.check()
    assert not result.violations
    if data["template"] == "gb_2021":
        assert list(result) == []
        assert result.passed >= 42
    else:
        assert result.flatten(["rule", "actual", "expected", "difference"]) == [
            ["L-OUTCOME-TOTAL", 45, 44, 1]
        ]
        (warning,) = result.warnings
        assert "45" in warning.message_zh
        assert "44" in warning.message_en


def test_legacy_outcomes_unverifiable_without_any_outcome() -> None:
    """L-OUTCOME-TOTAL needs the received count and at least one stated outcome."""
    only_received = AnnualReport(template="legacy_2008", legacy={"applications_received": 3})
    (unknown,) = only_received.check().unverifiable
    assert unknown.rule == "L-OUTCOME-TOTAL"
    agrees = AnnualReport(
        template="legacy_2008",
        legacy={"applications_received": 3, "applications_granted": 3},
    )
    assert agrees.check().passed == 1


def test_fee_precision_is_a_warning_and_keeps_the_value() -> None:
    """More than four decimal places of 万元 warns but keeps the printed value."""
    report = unflatten({FEE: Decimal("24252.311082")})
    result = report.check()
    assert not result.violations
    assert result.flatten(["rule", "actual", "expected"]) == [["T2-FEE-PRECISION", 6, 4]]
    assert report.proactive_disclosure is not None
    assert str(report.proactive_disclosure.administrative_fees.amount_wan_yuan) == "24252.311082"
    assert unflatten({FEE: Decimal("1.2500")}).check().warnings == ()


def test_select_and_ignore() -> None:
    """select runs only the named rules, ignore skips them; unknown ids are refused."""
    report = unflatten({"review_litigation.administrative_review.total": 1})
    assert report.check(select=["T4-TOTAL"]).passed == 0
    assert {u.rule for u in report.check(select=["T4-TOTAL"]).unverifiable} == {"T4-TOTAL"}
    assert all(u.rule != "T4-TOTAL" for u in report.check(ignore=["T4-TOTAL"]).unverifiable)
    with pytest.raises(InvalidValueError, match="T9-NOPE"):
        report.check(select=["T9-NOPE"])
    with pytest.raises(InvalidValueError, match="T9-NOPE"):
        check(report, ignore=["T9-NOPE"])


@given(with_cell_corrupted())
def test_raise_locate_and_str(case: CellCorrupted) -> None:
    """raise_for_violations raises ViolationError; locate attaches source locations."""
    result = case.report.check()
    with pytest.raises(ViolationError, match=result.violations[0].rule):
        result.raise_for_violations()
    case.original.check().raise_for_violations()
    where = Location(source="r.xlsx", sheet="三", ref="B5")
    located = result.locate({case.address: where})
    for v in located:
        assert v.locations == {case.address: where}
        if v.suspect is not None:
            assert str(where) in str(v)
    assert str(result).startswith("failed: ")
    assert located.flatten(["rule"]) == result.flatten(["rule"])


# -- cross-report rules ------------------------------------------------------------------------


@st.composite
def report_pairs(draw: st.DrawFn) -> tuple[AnnualReport, AnnualReport]:
    """(last year, this year), consistent and agreeing on carry-over and documents in force."""
    current = draw(consistent_reports("gb_2021", max_count=100))
    before = draw(consistent_reports(max_count=100))
    cells, now = flatten(before), flatten(current)
    for column, _ in domain("column", current.template):
        forward = now[f"applications.carried_over.{column}"]
        outcome = cells[f"applications.outcome_total.{column}"]
        if forward is None or outcome is None:
            continue  # a 小计 column printed by one of the two reports only
        assert isinstance(forward, int)
        assert isinstance(outcome, int)
        cells[f"applications.carried_forward.{column}"] = forward
        cells[f"applications.carried_over.{column}"] = 0
        cells[f"applications.new_received.{column}"] = outcome + forward
    if cells["applications.outcome_total.organisations"] is not None:
        parts = [key for key, _ in domain("organisation", before.template)]
        for row in ("carried_forward", "carried_over", "new_received"):
            total = sum(cells[f"applications.{row}.{p}"] for p in parts)  # type: ignore[misc]
            cells[f"applications.{row}.organisations"] = total
    if before.template == TEMPLATES["gb_2021"]:
        for row in ("rules", "normative_documents"):
            in_force, issued = draw(st.integers(0, 50)), draw(st.integers(0, 50))
            repealed = draw(st.integers(0, in_force + issued))
            cells[f"proactive_disclosure.{row}.in_force"] = in_force
            now[f"proactive_disclosure.{row}.issued"] = issued
            now[f"proactive_disclosure.{row}.repealed"] = repealed
            now[f"proactive_disclosure.{row}.in_force"] = in_force + issued - repealed
    previous = unflatten(cells, template=before.template, organ="某局", year=2020)
    return previous, unflatten(now, template=current.template, organ="某局", year=2021)


@given(report_pairs())
def test_cross_report_rules_hold_for_agreeing_years(
    pair: tuple[AnnualReport, AnnualReport],
) -> None:
    """Carry-over and documents in force agree: the cross-report rules pass."""
    previous, current = pair
    result = current.check(previous=previous)
    assert list(result) == []
    both = None not in (
        previous.applications.outcome_total.organisations,  # type: ignore[union-attr]
        current.applications.outcome_total.organisations,  # type: ignore[union-attr]
    )
    cross = 7 + both + (2 if previous.template == TEMPLATES["gb_2021"] else 0)
    assert result.passed + len(result.unverifiable) == instances(current) + cross
    series = check_series([current, previous])
    assert list(series) == [2020, 2021]
    assert series[2021] == result
    assert series[2020] == previous.check()


@given(report_pairs(), st.integers(1, 5))
def test_cross_report_rules_warn(pair: tuple[AnnualReport, AnnualReport], change: int) -> None:
    """A carry-over that differs from last year's carried-forward is a warning, not an error."""
    previous, current = pair
    forward = previous.applications.carried_forward  # type: ignore[union-attr]
    assert forward.natural_person is not None
    assert forward.total is not None
    changed = attrs.evolve(
        previous,
        applications=attrs.evolve(
            previous.applications,
            carried_forward=attrs.evolve(
                forward,
                natural_person=forward.natural_person + change,
                total=forward.total + change,
            ),
        ),
    )
    result = current.check(previous=changed)
    assert not result.violations
    assert sorted(result.flatten(["rule", "key", "difference"])) == [
        ["X-CARRY-OVER", "natural_person", -change],
        ["X-CARRY-OVER", "total", -change],
    ]
    assert current.check(previous=changed, ignore=["X-CARRY-OVER"]).warnings == ()


def test_in_force_roll_forward() -> None:
    """X-IN-FORCE compares in_force with last year's plus issued minus repealed (gb_2021 only)."""
    previous = unflatten({"proactive_disclosure.rules.in_force": 10}, year=2022)
    current = unflatten(
        {
            "proactive_disclosure.rules.in_force": 12,
            "proactive_disclosure.rules.issued": 3,
            "proactive_disclosure.rules.repealed": 2,
        },
        year=2023,
    )
    result = current.check(previous=previous, select=["X-IN-FORCE"])
    (warning,) = result.warnings
    assert (warning.actual, warning.expected, warning.key) == (14, 13, "rules")
    assert warning.suspect is None
    old = unflatten({"proactive_disclosure.rules.newly_made": 1}, template="gb_2019", year=2022)
    assert current.check(previous=old, select=["X-IN-FORCE"]).unverifiable == ()


def test_series_needs_one_organ_and_distinct_years() -> None:
    """check_series refuses reports without a year, duplicate years and mixed organs."""
    a = AnnualReport(template="gb_2021", organ="甲", year=2021)
    with pytest.raises(InvalidValueError):
        check_series([a, attrs.evolve(a, organ="乙", year=2022)])
    with pytest.raises(InvalidValueError):
        check_series([a, a])
    with pytest.raises(InvalidValueError):
        check_series([attrs.evolve(a, year=None)])
    gap = check_series([a, attrs.evolve(a, year=2023)])
    assert list(gap) == [2021, 2023]
    assert all(u.rule != "X-CARRY-OVER" for u in gap[2023].unverifiable)


# -- the outcome in one word, and the value that fixes a suspect --------------------------------


@given(with_cell_corrupted())
def test_a_unique_suspect_comes_with_the_original_value(case: CellCorrupted) -> None:
    """When one cell is named, the value suggested for it is the value before the corruption."""
    result = case.report.check()
    assert result.status is CheckStatus.FAILED
    for v in result:
        if v.suspect is None:
            assert v.suggested is None
        else:
            assert v.suspect == case.address
            assert v.suggested == case.before
            assert f"should be {case.before}" in str(v)


def test_no_suggestion_without_a_single_value() -> None:
    """Several candidates, or a correction that would go negative: no value is suggested."""
    report = unflatten(
        {
            "review_litigation.administrative_review.upheld": 1,
            "review_litigation.administrative_review.corrected": 1,
            "review_litigation.administrative_review.other_outcome": 0,
            "review_litigation.administrative_review.pending": 0,
            "review_litigation.administrative_review.total": 1,
        }
    )
    (v,) = report.check(select=["T4-TOTAL"]).violations
    assert v.suspect is None
    assert v.suggested is None
    assert "review_litigation.administrative_review.other_outcome" not in v.candidates


@given(reports())
def test_a_report_without_statistics_is_never_ok(drawn: AnnualReport) -> None:
    """Title, organ, year and narrative but no statistic read: the check is incomplete."""
    bare = AnnualReport(
        template=drawn.template,
        organ=drawn.organ,
        year=drawn.year,
        title=drawn.title,
        narrative=drawn.narrative,
    )
    result = bare.check()
    assert not result.ok
    assert result.status is CheckStatus.INCOMPLETE
    assert result.cells_stated == 0
    assert "incomplete" in str(result)


def test_a_text_without_a_table_is_not_ok() -> None:
    """The issue's case: a title and 一、总体情况 and no table read is incomplete, not ok."""
    from govinfo import read_text

    read = read_text(
        "某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度我县认真贯彻落实条例。\n"
    )
    result = read.report.check()
    assert not result.ok
    assert result.status is CheckStatus.INCOMPLETE
    assert result.passed == 0


def test_no_applicable_rule_is_an_error() -> None:
    """A selection that leaves nothing to check on a table template raises, never passes."""
    report = AnnualReport(template="gb_2021")
    with pytest.raises(InvalidValueError, match="leaves a rule of template gb_2021"):
        report.check(ignore=[r.id for r in RULES])
    with pytest.raises(InvalidValueError, match="leaves a rule of template gb_2021"):
        report.check(select=["L-OUTCOME-TOTAL"])
    # a rule that applies but cannot run here checks nothing: incomplete, never passed
    nothing = report.check(select=["X-CARRY-OVER"])
    assert (nothing.passed, nothing.unverifiable, nothing.status) == (
        0,
        (),
        CheckStatus.INCOMPLETE,
    )


@given(with_cell_corrupted())
def test_violation_error_carries_the_violations(case: CellCorrupted) -> None:
    """ViolationError holds the Violation objects, and keeps them across pickling."""
    import pickle

    result = case.report.check()
    with pytest.raises(ViolationError) as caught:
        result.raise_for_violations()
    assert caught.value.violations == result.violations
    again = pickle.loads(pickle.dumps(caught.value))
    assert again.violations == result.violations
    assert str(again) == str(caught.value)


@given(reports())
def test_a_written_report_without_statistics_never_reads_ok(drawn: AnnualReport) -> None:
    """The same through the text reader: a report's text with no statistic stated (tables
    blank) reads to a check that is never ok, or is no report at all."""
    from govinfo import read_text
    from govinfo.errors import NotAReportError
    from govinfo.writing.text import write_text

    bare = AnnualReport(
        template=drawn.template, organ=drawn.organ, year=drawn.year, narrative=drawn.narrative
    )
    try:
        result = read_text(write_text(bare)).report.check()
    except NotAReportError:
        return
    assert not result.ok
    assert result.status is CheckStatus.INCOMPLETE
