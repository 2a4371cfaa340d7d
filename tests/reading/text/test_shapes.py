"""Shapes of extracted text beyond the seeds: pdftotext layouts, run-together digits, blanks."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from pathlib import Path

import pytest

from govinfo.errors import ReadError, UnsupportedFormatError
from govinfo.model.catalogue import cell_specs
from govinfo.model.flat import flatten, unflatten
from govinfo.model.report import AnnualReport
from govinfo.reading.api import read
from govinfo.reading.result import Severity
from govinfo.reading.text import read_text
from govinfo.writing.text import write_text

#: The template's own cells, without the variants some reports print (subtotal rows,
#: the 小计 column).
TEMPLATE_CELLS = [s.address for s in cell_specs("gb_2021") if not s.optional]

REPORTS = Path(__file__).resolve().parents[3] / "examples" / "reports"
SEED_001 = REPORTS / "001_6936dc3b40e04b6e.txt"


def _report() -> AnnualReport:
    """A small consistent gb_2021 report with some non-zero cells."""
    cells = {
        "applications.new_received.natural_person": 6,
        "applications.new_received.commercial_enterprise": 2,
        "applications.new_received.research_institution": 1,
        "applications.new_received.total": 9,
        "applications.disclosed.natural_person": 5,
        "applications.disclosed.commercial_enterprise": 2,
        "applications.disclosed.total": 7,
        "applications.unavailable_not_held.natural_person": 1,
        "applications.unavailable_not_held.research_institution": 1,
        "applications.unavailable_not_held.total": 2,
        "applications.outcome_total.natural_person": 6,
        "applications.outcome_total.commercial_enterprise": 2,
        "applications.outcome_total.research_institution": 1,
        "applications.outcome_total.total": 9,
        "review_litigation.administrative_review.upheld": 1,
        "review_litigation.administrative_review.total": 1,
        "proactive_disclosure.administrative_fees.amount_wan_yuan": Decimal("1.25"),
    }
    full = dict.fromkeys(TEMPLATE_CELLS, 0)
    full.update(cells)
    full["proactive_disclosure.rules.issued"] = None
    return unflatten(
        full,
        template="gb_2021",
        organ="某市某局",
        year=2022,
        title="2022年政府信息公开工作年度报告",
    )


def _replace_row(text: str, label: str, new: str) -> str:
    lines = text.split("\n")
    index = next(i for i, line in enumerate(lines) if line.startswith(label + "\t"))
    lines[index] = new
    return "\n".join(lines)


def test_pdftotext_layout() -> None:
    """Columns aligned with spaces and labels wrapped around the numbers read correctly."""
    report = _report()
    text = write_text(report)
    out: list[str] = []
    for line in text.split("\n"):
        cells = line.split("\t")
        if len(cells) > 1 and len(cells[0]) > 14:
            label = cells[0]
            out.append(f"  {label[:8]}")
            out.append(f"  {label[8:-3]}" + "".join(f"{c:>8}" for c in cells[1:]))
            out.append(f"  {label[-3:]}")
        elif len(cells) > 1 and not any(re.fullmatch(r"[\d.]+|/", c) for c in cells):
            # A header row: pdftotext wraps each column's words over two lines.
            out.append("   ".join(c[: len(c) // 2 + 1] or " " for c in cells))
            out.append("   ".join(c[len(c) // 2 + 1 :] or " " for c in cells))
        elif len(cells) > 1:
            out.append("   ".join(cells))
        else:
            out.append(line)
    result = read_text("\n".join(out))
    assert result.report == report


def test_pdftotext_without_layout() -> None:
    """One cell per line, with no indentation at all, reads correctly."""
    report = _report()
    text = write_text(report).replace("\t", "\n")
    assert read_text(text).report == report


def test_digits_run_together() -> None:
    """A row whose cells ran together is split by the invariants, and the split is reported."""
    report = _report()
    text = _replace_row(
        write_text(report),
        "一、本年新收政府信息公开申请数量",
        "一、本年新收政府信息公开申请数量\t6210009",
    )
    result = read_text(text)
    assert result.report == report
    note = next(d for d in result.diagnostics if d.code == "digits-run-together")
    assert note.address == "applications.new_received"
    assert note.location is not None
    assert note.location.line is not None


def test_ambiguous_row_left_unknown() -> None:
    """A row the invariants cannot place is left unknown with an error, never shifted."""
    report = _report()
    text = _replace_row(write_text(report), "（一）予以公开", "（一）予以公开\t5\t2")
    result = read_text(text)
    row = result.report.applications.disclosed  # type: ignore[union-attr]
    assert row.natural_person in (5, None)
    assert row.commercial_enterprise in (2, None)
    codes = {d.code for d in result.diagnostics}
    if row.natural_person is None:
        assert "row-ambiguous" in codes
    got = flatten(result.report)
    for address, value in flatten(report).items():
        assert got[address] in (value, None)


def test_extra_empty_column() -> None:
    """An extra empty column (values shifted right by one) is dropped by the invariants."""
    report = _report()
    text = write_text(report).replace("\n（七）总计\t", "\n（七）总计\t\t0\t")
    result = read_text(text)
    assert result.report == report
    assert "row-extra-values" in {d.code for d in result.diagnostics}


def test_blank_cells_read_as_zero_when_the_table_holds() -> None:
    """Blank zeros and blank row totals (the Shanghai style) read back when the table holds."""
    report = _report()
    lines = write_text(report).split("\n")
    start = lines.index("三、收到和处理政府信息公开申请情况") + 3
    end = lines.index("四、政府信息公开行政复议、行政诉讼情况") - 1
    for i in range(start, end):
        cells = lines[i].split("\t")
        keep_total = cells[0].startswith(("一、", "二、", "（七）", "四、"))
        values = ["" if v == "0" else v for v in cells[1:]]
        if not keep_total:
            values[-1] = ""
        lines[i] = "\t".join([cells[0], *values])
    result = read_text("\n".join(lines))
    assert result.report.applications == report.applications
    codes = {d.code for d in result.diagnostics}
    assert "blank-read-as-zero" in codes
    assert "blank-left-unknown" not in codes


def test_blank_total_is_inferred_not_zeroed() -> None:
    """A blank total is filled by inference as the row's sum, recorded as a Fill."""
    report = _report()
    text = _replace_row(write_text(report), "（一）予以公开", "（一）予以公开\t5\t2\t0\t0\t0\t0\t")
    result = read_text(text)
    assert result.report.applications.disclosed.total == 7  # type: ignore[union-attr]
    assert "applications.disclosed.total" in {f.address for f in result.inferred}


def test_slash_stays_unknown() -> None:
    """A cell marked "/" stays None even when the invariants could fill it."""
    report = _report()
    text = _replace_row(write_text(report), "（一）予以公开", "（一）予以公开\t5\t2\t0\t0\t0\t0\t/")
    result = read_text(text)
    assert result.report.applications.disclosed.total is None  # type: ignore[union-attr]
    assert result.report.proactive_disclosure.rules.issued is None  # type: ignore[union-attr]


def test_number_forms() -> None:
    """Thousands separators, full-width digits and amounts in 元 are read exactly."""
    report = _report()
    text = write_text(report)
    text = _replace_row(text, "行政事业性收费", "行政事业性收费\t12500元")
    text = _replace_row(text, "行政许可", "行政许可\t1,584")
    text = _replace_row(text, "行政处罚", "行政处罚\t１２")
    pd = read_text(text).report.proactive_disclosure
    assert pd is not None
    assert pd.administrative_fees.amount_wan_yuan == Decimal("1.25")
    assert pd.administrative_licensing.decisions == 1584
    assert pd.administrative_penalty.decisions == 12


def test_prose_disagreeing_with_table_is_a_warning() -> None:
    """A sentence that contradicts the table is a warning naming both places."""
    text = SEED_001.read_text(encoding="utf-8").replace(
        "共受理政府信息依申请公开4件", "共受理政府信息依申请公开5件"
    )
    result = read_text(text, name="001.txt")
    warning = next(d for d in result.diagnostics if d.code == "prose-table-mismatch")
    assert warning.severity is Severity.WARNING
    assert warning.location is not None
    assert warning.location.line == 15
    assert "line 54" in warning.message
    assert result.report.applications.new_received.total == 4  # type: ignore[union-attr]


def test_gb_2019_told_by_labels() -> None:
    """A gb_2019 report is told from gb_2021 by its labels and reads back exactly."""
    cells = {a: 1 for a in flatten(AnnualReport(template="gb_2019")) if a.startswith("proactive")}
    report = unflatten(cells, template="gb_2019", organ="某区", year=2020)
    result = read_text(write_text(report))
    assert result.report.template == "gb_2019"
    assert flatten(result.report) == flatten(report)


def test_read_picks_the_reader() -> None:
    """read() reads a path (str or Path), bytes or a file, and refuses other archives clearly."""
    by_path = read(SEED_001)
    assert read(str(SEED_001)).report == by_path.report
    assert by_path.report.organ == "阜新市细河区人民政府"
    assert by_path.source == str(SEED_001)
    data = SEED_001.read_bytes()
    assert read(data).report == by_path.report
    assert read(io.BytesIO(data), name="x.txt").source == "x.txt"
    with pytest.raises(ReadError, match="read_text"):
        read(data.decode("utf-8"))
    with pytest.raises(ReadError, match="cannot read file"):
        read(str(SEED_001) + ".missing")
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(UnsupportedFormatError):
        read(buffer.getvalue())
    with pytest.raises(UnsupportedFormatError):
        read(data, format="pdf")


def test_run_together_digits_with_two_splits_stay_unknown() -> None:
    """Digits the invariants split two ways leave the row unknown, with an error."""
    cells = dict.fromkeys(TEMPLATE_CELLS, 0)
    for row in ("new_received", "disclosed", "outcome_total"):
        cells[f"applications.{row}.commercial_enterprise"] = 10
        cells[f"applications.{row}.research_institution"] = 1
        cells[f"applications.{row}.total"] = 11
    report = unflatten(cells, template="gb_2021", organ="某局", year=2022)
    label = "一、本年新收政府信息公开申请数量"
    text = _replace_row(write_text(report), label, f"{label}\t010100011")
    # With the balancing rows not stated, only the row itself constrains the split:
    # 0,10,1,0,0,0,11 and 0,1,0,10,0,0,11 both add up.
    for other in ("二、上年结转政府信息公开申请数量", "（七）总计", "四、结转下年度继续办理"):
        text = _replace_row(text, other, other + "\t/" * 7)
    result = read_text(text)
    row = result.report.applications.new_received  # type: ignore[union-attr]
    assert (row.commercial_enterprise, row.social_welfare_org) == (None, None)
    error = next(d for d in result.diagnostics if d.code == "row-ambiguous")
    assert error.severity is Severity.ERROR
    assert error.address == "applications.new_received"


def test_prose_litigation_compared_with_both_groups() -> None:
    """A stated number of suits is compared with the sum of both litigation groups."""
    report = _report()
    heading = "一、总体情况\n"
    text = write_text(report).replace(heading, heading + "本年度发生行政诉讼3件。\n", 1)
    result = read_text(text)
    warning = next(d for d in result.diagnostics if d.code == "prose-table-mismatch")
    assert warning.address == "review_litigation.litigation_direct.total"
    assert "litigation_after_review" in warning.message


@pytest.mark.parametrize(
    ("head", "organ", "year"),
    [
        ("2021年度松山区人民政府政府信息公开工作年度报告", "松山区人民政府", 2021),
        ("某市某局\n2021年政府信息公开工作年度报告", "某市某局", 2021),
        ("某市某局 2021 年度 政府信息公开工作报告", "某市某局", 2021),
        ("政府信息公开工作年度报告\n2019年度，我局认真做好工作。", None, 2019),
        ("某市某局二〇二一年度政府信息公开工作年度报告", "某市某局", 2021),
        ("一九九九年某市某局政府信息公开工作年度报告", "某市某局", 1999),
        ("某市某局\n二〇二〇年政府信息公开工作年度报告", "某市某局", 2020),
    ],
)
def test_title_forms(head: str, organ: str | None, year: int) -> None:
    """Organ and year are found wherever the title lines put them."""
    body = write_text(_report()).split("\n", 1)[1]
    result = read_text(head + "\n" + body)
    assert (result.report.organ, result.report.year) == (organ, year)
    assert ("year-from-text" in {d.code for d in result.diagnostics}) == ("，" in head)


def test_gb_2019_signed_changes_and_procurement_in_yuan() -> None:
    """gb_2019: "+4" is a signed change and 25.1万元 of procurement is 251000 元."""
    report = unflatten({}, template="gb_2019", organ="某区", year=2020)
    text = write_text(report)
    text = _replace_row(text, "行政许可", "行政许可\t10\t+4\t3")
    text = _replace_row(text, "行政事业性收费", "行政事业性收费\t5\t-2")
    text = _replace_row(text, "政府集中采购", "政府集中采购\t3\t25.1万元")
    pd = read_text(text).report.proactive_disclosure
    assert pd is not None
    assert pd.administrative_licensing.items_change == 4  # type: ignore[union-attr]
    assert pd.administrative_fees.items_change == -2  # type: ignore[union-attr]
    assert pd.centralized_procurement.procurement_amount == Decimal(251000)  # type: ignore[union-attr]


def test_unnumbered_official_headings() -> None:
    """Headings printed without their numbers are found when their words are the official ones."""
    report = _report()
    text = re.sub(r"\n[一二三四五六]、(?=\S+情况\n|其他需要报告的事项\n)", "\n", write_text(report))
    assert "\n二、主动" not in text
    result = read_text(text)
    assert result.report == report
    assert "section-missing" not in {d.code for d in result.diagnostics}


def test_legacy_figures_only_from_disclosure_sentences() -> None:
    """Pre-2019 prose: service-centre counts, spending and item counts are not statistics."""
    text = "\n".join(
        [
            "某县2016年度政府信息公开工作年度报告",
            "一、概述",
            "政务服务中心全年受理申请121510件，办结率100%。",
            "全年信息公开费用1万元，主要用于网站维护。",
            "本年度共受理政府信息公开申请12件，同意公开答复9件，同意部分公开2件。",
            "不予公开信息数5条。",
            "本年度收取信息处理费30.5元。",
            "因政府信息公开被申请行政复议1件。",
        ]
    )
    result = read_text(text)
    assert result.report.template == "legacy_2008"
    assert dict(result.report.legacy) == {
        "applications_received": 12,
        "applications_granted": 9,
        "applications_partially_granted": 2,
        "fees_collected_yuan": Decimal("30.5"),
        "review_cases": 1,
    }
    evidence = [d for d in result.diagnostics if d.code == "legacy-statistic"]
    assert all(d.location is not None and d.location.line for d in evidence)
