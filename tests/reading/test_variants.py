"""Variants real reports print: group subtotal rows, the 小计 column, the hybrid （六） row.

Each is read from text (without govinfo's header line, so the interpreter reads it), from a
plain workbook of the same lines, and from govinfo's own writers, exactly; the rules check
what the variant states, and no more.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from tests.reading._changes import xlsx_from_text

from govinfo import AnnualReport, flatten, read_text, read_xlsx, unflatten, write_text
from govinfo.model.catalogue import cell_specs
from govinfo.rules.catalogue import domain
from govinfo.writing.xlsx import xlsx_bytes

_APPLICANTS = ("natural_person", "commercial_enterprise", "research_institution")
_ORGANISATIONS = ("commercial_enterprise", "research_institution")


def _plain(report: AnnualReport) -> str:
    """The canonical text without its header line: read as any extracted text is."""
    return write_text(report).split("\n", 1)[1]


def _base() -> dict[str, int | None]:
    """A consistent gb_2021 report: zeros, a few figures, no variant."""
    cells: dict[str, int | None] = {s.address: 0 for s in cell_specs("gb_2021") if not s.optional}
    figures = {
        "new_received": (6, 2, 1),
        "withheld_state_secret": (1, 1, 0),
        "withheld_third_party_rights": (2, 0, 0),
        "unavailable_not_held": (1, 0, 1),
        "other_misc": (1, 0, 0),
        "disclosed": (1, 1, 0),
    }
    for row, values in figures.items():
        for column, value in zip(_APPLICANTS, values, strict=True):
            cells[f"applications.{row}.{column}"] = value
        cells[f"applications.{row}.total"] = sum(values)
    for column, value in zip(_APPLICANTS, (6, 2, 1), strict=True):
        cells[f"applications.outcome_total.{column}"] = value
    cells["applications.outcome_total.total"] = 9
    cells["review_litigation.administrative_review.upheld"] = 2
    cells["review_litigation.administrative_review.total"] = 2
    return cells


def _with_variants(cells: dict[str, int | None]) -> dict[str, int | None]:
    """``cells`` with every group subtotal row and the 小计 column printed."""
    out = dict(cells)
    rows = [r for r, _ in domain("row", "gb_2021")]
    columns = [c for c, _ in domain("column", "gb_2021") if c != "organisations"]
    for subtotal, _ in domain("subtotal", "gb_2021"):
        members = [m for m, _ in domain("member", "gb_2021", {"subtotal": subtotal})]
        for column in columns:
            out[f"applications.{subtotal}.{column}"] = sum(
                out[f"applications.{m}.{column}"] or 0 for m in members
            )
    parts = [c for c, _ in domain("organisation", "gb_2021")]
    for row in rows:
        out[f"applications.{row}.organisations"] = sum(
            out[f"applications.{row}.{p}"] or 0 for p in parts
        )
    return out


def _hybrid(cells: dict[str, int | None]) -> dict[str, int | None]:
    """``cells`` with （六）其他处理 as one row (the 2019 way) and no item rows."""
    out = dict(cells)
    columns = [c for c, _ in domain("column", "gb_2021") if c != "organisations"]
    for column in columns:
        out[f"applications.other_handling.{column}"] = sum(
            out[f"applications.{m}.{column}"] or 0
            for m in ("other_no_correction", "other_unpaid_fee", "other_misc")
        )
        for m in ("other_no_correction", "other_unpaid_fee", "other_misc"):
            out[f"applications.{m}.{column}"] = None
    return out


def _hybrid_text(report: AnnualReport) -> str:
    """The plain text of a hybrid as such reports print it: no item rows under （六）."""
    items = ("1.申请人无正当理由", "2.申请人逾期未按", "3.其他\t")
    return "\n".join(line for line in _plain(report).split("\n") if not line.startswith(items))


def _report(cells: dict[str, int | None]) -> AnnualReport:
    return unflatten(
        cells,
        template="gb_2021",
        organ="某市某局",
        year=2023,
        title="某市某局2023年政府信息公开工作年度报告",
    )


SUBTOTALS = _report(_with_variants(_base()))
HYBRID = _report(_hybrid(_base()))


def _codes(result: object) -> set[str]:
    return {d.code for d in result.diagnostics}  # type: ignore[attr-defined]


def test_the_fixtures_are_consistent() -> None:
    """Both reports pass every rule that applies to what they print."""
    assert SUBTOTALS.check().ok
    result = HYBRID.check()
    assert not result.violations
    # the hybrid's outcome total is checked through the （六） row standing for its items
    names = {u.rule for u in result.unverifiable}
    assert "T3-OUTCOME-TOTAL" in names  # the items are not stated
    assert HYBRID.check(select=["T3-OUTCOME-TOTAL-BY-GROUP"]).passed == 7  # one per column


def test_subtotal_rows_and_column_read_exactly_from_text() -> None:
    """（三）不予公开 | 3 | … on its own row is the group's subtotal; 小计 is organisations."""
    result = read_text(_plain(SUBTOTALS))
    assert result.report == SUBTOTALS
    assert {"variant-group-subtotal", "variant-organisations-subtotal"} <= _codes(result)
    assert result.report.applications.withheld.total == 4  # type: ignore[union-attr]
    assert result.report.applications.new_received.organisations == 3  # type: ignore[union-attr]


def test_subtotal_rows_and_column_read_exactly_from_a_workbook() -> None:
    """The same lines as a plain workbook (geometry decides the columns), and govinfo's own."""
    result = read_xlsx(xlsx_from_text(_plain(SUBTOTALS)))
    assert result.report == SUBTOTALS
    assert {"variant-group-subtotal", "variant-organisations-subtotal"} <= _codes(result)
    assert read_xlsx(xlsx_bytes(SUBTOTALS)).report == SUBTOTALS


def test_hybrid_reads_as_gb_2021_with_the_group_row() -> None:
    """A 2021 report whose （六） is one row of figures: gb_2021, other_handling stated, its
    three items not stated (not 0), and a note saying so."""
    for result in (
        read_text(_hybrid_text(HYBRID)),
        read_xlsx(xlsx_from_text(_hybrid_text(HYBRID))),
        read_xlsx(xlsx_bytes(HYBRID)),
        read_text(write_text(HYBRID)),
    ):
        report = result.report
        assert report.template == "gb_2021"
        assert report == HYBRID
        apps = report.applications
        assert apps is not None
        assert apps.other_handling.total == 1
        assert apps.other_misc.total is None
        assert apps.other_no_correction.natural_person is None
    result = read_text(_hybrid_text(HYBRID))
    assert "其他处理" in _hybrid_text(HYBRID)
    assert "逾期不补正" not in _hybrid_text(HYBRID)
    assert "variant-hybrid-group-row" in _codes(result)
    assert "row-missing" not in {
        d.code for d in result.diagnostics if d.address and d.address.startswith("applications")
    }


def test_plain_report_prints_no_variant() -> None:
    """A report without variants is written as before: no 小计, no figures on group labels."""
    plain = _report(_base())
    text = write_text(plain)
    assert "小计" not in text
    assert "（三）不予公开" not in text
    assert "variant" not in "".join(_codes(read_text(_plain(plain))))
    assert read_text(_plain(plain)).report == plain


def test_a_subtotal_that_disagrees_is_a_violation() -> None:
    """A group subtotal row that is not the sum of its items breaks T3-GROUP-SUBTOTAL."""
    cells = flatten(SUBTOTALS)
    cells["applications.withheld.natural_person"] = 4  # the items sum to 3
    report = read_text(_plain(_report(cells))).report
    assert report.applications.withheld.natural_person == 4  # type: ignore[union-attr]
    rules = {v.rule for v in report.check().violations}
    assert "T3-GROUP-SUBTOTAL" in rules


def test_an_organisations_subtotal_that_disagrees_is_a_violation() -> None:
    cells = flatten(SUBTOTALS)
    cells["applications.disclosed.organisations"] = 5  # the five columns sum to 1
    assert "T3-ORG-SUBTOTAL" in {v.rule for v in _report(cells).check().violations}


def test_a_hybrid_with_an_error_in_section_four_shows_it() -> None:
    cells = flatten(HYBRID)
    cells["review_litigation.administrative_review.total"] = 3
    result = read_text(_hybrid_text(_report(cells)))
    assert result.report.template == "gb_2021"
    assert "T4-TOTAL" in {v.rule for v in result.report.check().violations}


def test_a_hybrid_outcome_total_error_is_caught_by_group() -> None:
    cells = flatten(HYBRID)
    cells["applications.other_handling.natural_person"] = 2
    cells["applications.other_handling.total"] = 2
    rules = {v.rule for v in _report(cells).check().violations}
    assert "T3-OUTCOME-TOTAL-BY-GROUP" in rules


@settings(max_examples=30, deadline=None)
@given(
    st.sampled_from(
        [s.address for s in cell_specs("gb_2021") if s.optional and s.table == "applications"]
    ),
    st.integers(min_value=0, max_value=99),
)
def test_changing_one_printed_subtotal_changes_only_it(address: str, value: int) -> None:
    """Metamorphic: one printed subtotal cell changed in the text changes that cell only."""
    cells = flatten(SUBTOTALS)
    cells[address] = value
    changed = _report(cells)
    before = flatten(read_text(_plain(SUBTOTALS)).report)
    after = flatten(read_text(_plain(changed)).report)
    assert {a for a in before if before[a] != after[a]} <= {address}
    assert after[address] == value
