"""govinfo.strategies: what each public strategy generates, and eager argument checks."""

from __future__ import annotations

from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo.strategies as gs
from govinfo import AnnualReport, ApplicantCounts, TemplateSpec, flatten, template_spec
from govinfo.model.catalogue import unprinted
from govinfo.strategies import (
    CellCorrupted,
    CellsRemoved,
    applicant_counts,
    consistent_reports,
    reports,
    templates,
    with_cell_corrupted,
    with_cells_removed,
)


def test_all_is_exactly_the_public_names() -> None:
    """__all__ names every public function and class defined in the module, and they exist."""
    defined = {
        name
        for name, value in vars(gs).items()
        if not name.startswith("_") and getattr(value, "__module__", None) == gs.__name__
    }
    assert defined <= set(gs.__all__)
    assert all(hasattr(gs, name) for name in gs.__all__)


@given(st.from_type(AnnualReport))
def test_from_type_uses_reports(report: AnnualReport) -> None:
    """The entry point registers reports() for AnnualReport."""
    assert isinstance(report, AnnualReport)


@given(reports("legacy_2008"))
def test_legacy_reports_have_statistics_not_tables(report: AnnualReport) -> None:
    """legacy_2008 reports carry only legacy.<key> cells."""
    assert report.applications is None
    assert set(report.legacy) <= set(gs.LEGACY_KEYS)


@given(applicant_counts())
def test_applicant_counts_add_up(row: ApplicantCounts) -> None:
    """A consistent row's total is the sum of the six applicant columns."""
    values = [
        row.natural_person,
        row.commercial_enterprise,
        row.research_institution,
        row.social_welfare_org,
        row.legal_service_org,
        row.other_org,
    ]
    assert row.total == sum(v for v in values if v is not None)
    assert None not in values
    # the 小计 column is a variant: unstated, or the sum of the five organisation columns
    assert row.organisations in (None, sum(values[1:]))


@given(
    st.sampled_from(["gb_2021", "gb_2019"]).flatmap(
        lambda t: st.tuples(st.just(t), consistent_reports(t))
    )
)
def test_consistent_reports_state_every_table_cell(case: tuple[str, AnnualReport]) -> None:
    """consistent_reports states every cell of sections 三 and 四, of the template asked for."""
    template, report = case
    assert report.template == template_spec(template)
    cells = flatten(report)
    absent = unprinted(template, cells)  # variants (subtotal rows, 小计) drawn now and then
    assert all(
        v is not None
        for a, v in cells.items()
        if not a.startswith("proactive_disclosure.") and a not in absent
    )


@given(with_cell_corrupted())
def test_corrupted_cell_differs(case: CellCorrupted) -> None:
    """Exactly one cell changes, to another non-negative count."""
    before, after = flatten(case.original), flatten(case.report)
    assert {a for a in before if before[a] != after[a]} == {case.address}
    assert before[case.address] == case.before != case.after == after[case.address]
    assert case.after >= 0


@given(with_cells_removed(reports(), max_size=3))
def test_removed_cells_are_none(case: CellsRemoved) -> None:
    """The removed cells, and only they, become None."""
    before, after = flatten(case.original), flatten(case.report)
    assert len(case.removed) <= 3
    assert {a for a in before if before[a] != after.get(a)} == set(case.removed)
    assert all(after.get(a) is None for a in case.removed)


@given(templates(tables_only=True))
def test_templates(template: TemplateSpec) -> None:
    """templates(tables_only=True) never yields legacy_2008."""
    assert template.has_tables


@pytest.mark.parametrize(
    ("factory", "kwargs"),
    [
        (reports, {"template": "gb_2030"}),
        (reports, {"max_count": -1}),
        (reports, {"max_count": 1.5}),
        (consistent_reports, {"template": "legacy_2008"}),
        (consistent_reports, {"max_count": "10"}),
        (applicant_counts, {"consistent": 1}),
        (templates, {"tables_only": "yes"}),
        (with_cells_removed, {"reports": [1, 2]}),
        (with_cells_removed, {"determined_only": None}),
        (with_cells_removed, {"max_size": 0}),
        (with_cell_corrupted, {"max_change": 0}),
        (with_cell_corrupted, {"reports": AnnualReport}),
        (reports, {"text": "abc"}),
        (consistent_reports, {"text": None}),
    ],
)
def test_bad_arguments_fail_at_once(factory: Any, kwargs: dict[str, Any]) -> None:
    """Bad arguments raise TypeError when the strategy is made, not when it is drawn from."""
    with pytest.raises(TypeError):
        factory(**kwargs)


@given(consistent_reports(text=st.text(alphabet="甲乙丙", min_size=1)))
def test_text_option_sets_the_alphabet(report: AnnualReport) -> None:
    """Organ, title and narrative come from the text strategy given (plus a leading "=")."""
    texts = [report.organ, report.title, *attrs.astuple(report.narrative)]
    for text in texts:
        assert text is None or set(text.removeprefix("=")) <= set("甲乙丙")
