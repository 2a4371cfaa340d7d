"""write_xlsx: the official layout, exact values, live formulas, highlights, no injection."""

from __future__ import annotations

import io
import re
import zipfile
from decimal import Decimal
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from govinfo.errors import WriteError
from govinfo.model.catalogue import cell_specs, unprinted
from govinfo.model.flat import flatten, unflatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.reading.xlsx import read_xlsx
from govinfo.rules.catalogue import RULES, RuleKind
from govinfo.strategies import consistent_reports, reports
from govinfo.templates import TEMPLATES, TemplateSpec
from govinfo.writing.xlsx import write_xlsx, xlsx_bytes

# Each example writes and reads a whole workbook (~50 ms): fewer examples keep the suite fast.
_SOME = settings(max_examples=15)
_FEE = "proactive_disclosure.administrative_fees.amount_wan_yuan"


def _book(report: AnnualReport, **options: object) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(xlsx_bytes(report, **options)))  # type: ignore[arg-type]


def _sheet_xml(data: bytes) -> dict[str, str]:
    archive = zipfile.ZipFile(io.BytesIO(data))
    return {
        name: archive.read(name).decode("utf-8")
        for name in archive.namelist()
        if name.startswith("xl/worksheets/sheet")
    }


@_SOME
@given(reports())
def test_round_trip(report: AnnualReport) -> None:
    """Any report the strategies draw (None cells, any Unicode text) reads back equal."""
    assert read_xlsx(xlsx_bytes(report)).report == report


@_SOME
@given(reports())
def test_round_trip_with_formulas(report: AnnualReport) -> None:
    """With totals as formulas (no cached values), reading computes them back."""
    assert read_xlsx(xlsx_bytes(report, formulas=True)).report == report


@_SOME
@given(consistent_reports())
def test_consistent_round_trip_with_formulas(report: AnnualReport) -> None:
    """A consistent report gets a live formula for every total and still reads back equal."""
    data = xlsx_bytes(report, formulas=True)
    formulas = sum(xml.count("<f>") for xml in _sheet_xml(data).values())
    # every stated total and subtotal: row totals of 三, （七）总计, the three totals of 四,
    # and the variants the report prints (group subtotal rows, the 小计 column)
    absent = unprinted(report.template, flatten(report))
    targets = {
        eq.lhs[0]
        for r in RULES
        if r.kind is RuleKind.SUM and not r.cross_report and len(r.lhs) == 1
        for eq in r.equations(report.template)
        if absent.isdisjoint(eq.cells)
    }
    assert formulas == len(targets)
    assert read_xlsx(data).report == report


def test_same_bytes_every_time() -> None:
    """Two writes of one report are byte-identical (fixed properties and zip dates)."""
    report = unflatten({_FEE: Decimal("1.5")}, organ="甲", year=2021)
    assert xlsx_bytes(report) == xlsx_bytes(report)
    assert xlsx_bytes(report, formulas=True) == xlsx_bytes(report, formulas=True)
    archive = zipfile.ZipFile(io.BytesIO(xlsx_bytes(report)))
    assert {info.date_time for info in archive.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    props = _book(report).properties
    assert props.creator == "govinfo"
    assert props.created == props.modified


def test_none_is_empty_and_zero_is_zero() -> None:
    """A cell the report does not state is empty; a stated 0 is the number 0."""
    report = unflatten(
        {
            "applications.new_received.natural_person": 0,
            "review_litigation.litigation_direct.total": 7,
        }
    )
    values = [
        cell.value
        for ws in _book(report).worksheets[1:]
        for row in ws.iter_rows()
        for cell in row
        if isinstance(cell.value, (int, Decimal, float))
    ]
    assert sorted(values) == [0, 7]


@pytest.mark.parametrize(
    "fee", ["24252.311082", "0.0001", "1E-7", "123456789012345.5", "0", "10.50"]
)
def test_fee_reads_back_exactly(fee: str) -> None:
    """The fee keeps its exact value, whatever its number of places and digits."""
    report = unflatten({_FEE: Decimal(fee)})
    read = read_xlsx(xlsx_bytes(report)).report
    assert read.proactive_disclosure is not None
    value = read.proactive_disclosure.administrative_fees.amount_wan_yuan  # type: ignore[union-attr]
    assert value == Decimal(fee)


def test_fee_number_format_shows_its_places() -> None:
    """The fee cell's number format shows exactly the printed decimal places."""
    report = unflatten({_FEE: Decimal("24252.311082")})
    cells = [
        cell
        for row in _book(report).worksheets[1].iter_rows()
        for cell in row
        if isinstance(cell.value, float)
    ]
    assert [c.number_format for c in cells] == ["0.000000"]


@pytest.mark.parametrize("template", [TEMPLATES["gb_2021"], TEMPLATES["gb_2019"]])
def test_official_layout(template: TemplateSpec) -> None:
    """Section 三 spans its outcome rows, headers merge, panes freeze; labels are the model's."""
    book = _book(AnnualReport(template=template))
    assert book.worksheets[0].title == "年度报告"
    specs = cell_specs(template)
    tables = list(dict.fromkeys(s.table_label for s in specs))
    assert [ws.title for ws in book.worksheets][1:] == tables
    applications = book.worksheets[2]
    rows = list(dict.fromkeys(s.row for s in specs if s.table == "applications" and not s.optional))
    spans = {str(r) for r in applications.merged_cells.ranges}
    first_outcome = 5 + 2
    assert f"A{first_outcome}:A{first_outcome + len(rows) - 4}" in spans  # 22 or 20 rows
    assert applications.freeze_panes == "D5"
    assert applications.sheet_properties.pageSetUpPr.fitToPage
    assert applications.page_setup.fitToWidth == 1
    texts = {c.value for ws in book.worksheets for row in ws.iter_rows() for c in row}
    # the variants (group subtotal rows, the 小计 column) only where a report prints them
    printed = [s for s in specs if not s.optional]
    assert {s.row_label for s in printed if s.table != "review_litigation"} <= texts
    assert {s.column_label for s in printed} <= texts
    for ws in book.worksheets:
        assert len(ws.title) <= 31
        assert not re.search(r"[\[\]:*?/\\]", ws.title)


def test_legacy_report_has_statistics_sheet() -> None:
    """A pre-2019 report gets a sheet of its legacy.<key> statistics and reads back equal."""
    report = AnnualReport(
        template="legacy_2008",
        year=2012,
        legacy={"applications_received": 45, "fees_collected_yuan": Decimal("12.50")},
    )
    book = _book(report)
    assert [ws.title for ws in book.worksheets] == ["年度报告", "统计"]
    assert read_xlsx(xlsx_bytes(report)).report == report


_RISKY = st.sampled_from(["=", "+", "-", "@", "\t", "\r", "=cmd|' /C calc'!A0", "=SUM(A1:A2)"])


@_SOME
@given(st.tuples(_RISKY, st.text()).map("".join), st.text())
def test_no_formula_injection(risky: str, other: str) -> None:
    """Text starting with =, +, -, @, tab or CR is written as a string cell, never a formula."""
    report = AnnualReport(
        template="gb_2021", title=risky, organ=other, narrative=Narrative(overview=risky)
    )
    data = xlsx_bytes(report)
    assert all("<f>" not in xml for xml in _sheet_xml(data).values())
    book = openpyxl.load_workbook(io.BytesIO(data))
    for ws in book.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f"
    meta = book.worksheets[0]
    assert meta["B1"].quotePrefix
    assert read_xlsx(data).report == report


def test_highlight_marks_suspect_with_rule_and_expected() -> None:
    """Highlighting a check result fills the suspect cell and comments rule and expected value."""
    cells = {
        f"review_litigation.administrative_review.{c}": v
        for c, v in (("upheld", 1), ("corrected", 2), ("other_outcome", 0), ("pending", 0))
    }
    cells["review_litigation.administrative_review.total"] = 9
    report = unflatten(cells)
    result = report.check()
    violation = next(v for v in result if v.rule == "T4-TOTAL")
    book = _book(report, highlight=result)
    review = book.worksheets[3]
    marked = [c for row in review.iter_rows() for c in row if c.comment is not None]
    assert marked, "no comment written"
    text = marked[0].comment.text
    assert violation.rule in text
    assert str(violation.expected) in text
    assert marked[0].fill.fill_type == "solid"
    assert read_xlsx(xlsx_bytes(report, highlight=result)).report == report


def test_write_to_path_and_stream(tmp_path: Path) -> None:
    """write_xlsx writes the same bytes to a path and to a binary stream."""
    report = AnnualReport(template="gb_2019", organ="乙")
    target = tmp_path / "r.xlsx"
    write_xlsx(report, target)
    stream = io.BytesIO()
    write_xlsx(report, stream)
    assert target.read_bytes() == stream.getvalue() == xlsx_bytes(report)


def test_unwritable_target_is_write_error(tmp_path: Path) -> None:
    """A target that cannot be written raises WriteError naming it."""
    with pytest.raises(WriteError, match="cannot write"):
        write_xlsx(AnnualReport(template="gb_2021"), tmp_path / "missing" / "r.xlsx")
