"""Every writer gives back what it was given: XLSX, XML, JSON and text, adversarial text included.

The examples are the round trips issue 16 found failing (``counterexample-*.py``), inlined; the
properties draw reports from ``govinfo.strategies`` with text built to break writers: control
characters, every kind of line break, ``\\r``, Excel's ``_xHHHH_`` escapes, backslashes, text
past Excel's 32,767 characters per cell, lines that look like table rows or headings.
"""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo import AnnualReport, Narrative
from govinfo.strategies import consistent_reports, reports

_PIECES = st.sampled_from(
    [
        "\r",
        "\r\n",
        "\x85",
        "\u2028",
        "\x0b",
        "\x1c",
        "\x08",
        "\x00",
        "\udc00",
        "\ufeff",
        "\\",
        "\\u0041",
        "_x0008_",
        "_x005F_",
        "\t",
        "0",
        "/",
        "=",
        "字",
        "（一）予以公开\t1\t2",
        "四、政府信息公开行政复议、行政诉讼情况",
        "#govinfo-text 1 {}",
        "2100年度报告",
    ]
)
_ADVERSARIAL = st.one_of(
    st.text(max_size=20),
    st.lists(_PIECES | st.text(max_size=3), max_size=8).map("".join),
    st.tuples(_PIECES, st.integers(min_value=1, max_value=40_000)).map(lambda t: t[0] * t[1]),
)


def _same_after(report: AnnualReport, write_read: str) -> None:
    if write_read == "xlsx":
        back = govinfo.read_xlsx(govinfo.xlsx_bytes(report)).report
    elif write_read == "xml":
        back = govinfo.read_xml(govinfo.write_xml(report)).report
    elif write_read == "json":
        back = govinfo.from_json(govinfo.to_json(report))
    else:
        back = govinfo.read_text(govinfo.write_text(report)).report
    assert back == report


@pytest.mark.parametrize("write_read", ["xlsx", "xml", "json", "text"])
@settings(max_examples=40)
@given(report=reports(text=_ADVERSARIAL))
def test_any_report_round_trips(write_read: str, report: AnnualReport) -> None:
    """Writing and reading back gives the same report, whatever its text."""
    _same_after(report, write_read)


@pytest.mark.parametrize("write_read", ["xlsx", "text"])
@settings(max_examples=40)
@given(report=consistent_reports(text=_ADVERSARIAL))
def test_consistent_report_round_trips(write_read: str, report: AnnualReport) -> None:
    """Consistent reports (every table stated) come back too, text and all."""
    _same_after(report, write_read)


@pytest.mark.parametrize("write_read", ["xlsx", "text"])
@given(report=reports())
def test_plain_report_round_trips(write_read: str, report: AnnualReport) -> None:
    """The reports the public strategy draws by default come back exactly."""
    _same_after(report, write_read)


def _consistent_2021(**fields: object) -> AnnualReport:
    cells: dict[str, object] = dict.fromkeys(
        (s.address for s in govinfo.model.cell_specs("gb_2021") if not s.optional), 0
    )
    for address in govinfo.addresses("gb_2021"):
        if address.startswith("proactive_disclosure.") and not address.endswith(
            ("items_change", "amount")
        ):
            cells[address] = None
    return govinfo.unflatten(cells, template="gb_2021", **fields)


_LONG = "字" * 40_000
_XLSX_CASES = {
    "01-narrative-40000": _consistent_2021(narrative=Narrative(other_matters=_LONG)),
    "02-title-40000": _consistent_2021(title=_LONG),
    "03-organ-40000": govinfo.unflatten({}, template="gb_2021", organ=_LONG),
    "04-narrative-escapes": _consistent_2021(
        narrative=Narrative(other_matters="=" + "\x08" * 40_000)
    ),
    "05-organ-escapes": govinfo.unflatten({}, template="gb_2021", organ="=" + "\x08" * 40_000),
    "06-title-cut-escape": _consistent_2021(title="0\x08" * 20_000),
    "07-four-long-sections": _consistent_2021(
        title=_LONG,
        narrative=Narrative(
            review_litigation=_LONG, problems_improvements=_LONG, other_matters=_LONG
        ),
    ),
    "08-organ-cr": govinfo.unflatten(
        {"proactive_disclosure.centralized_procurement.procurement_projects": 582},
        template="gb_2019",
        organ="\r" * 32_768,
        year=2306,
        title="\t=1￼—\x01/3𭗢\x8a¡\U000e4685î\x08+Æ°öñ]\x16\U0008575e\ue135CÔ¾ëInf\ufeff",
    ),
    "09-narrative-nel": govinfo.unflatten(
        {"proactive_disclosure.centralized_procurement.procurement_amount": Decimal("30.9")},
        template="gb_2019",
        organ="=180142",
        year=2518,
        title="==cmd|' /C calc'!A0\x85",
        narrative=Narrative(
            overview="=1",
            proactive_disclosure="=-170612895907449438208",
            applications="-131073",
            review_litigation="\x7f",
            problems_improvements="=" + "\x85" * 32_768,
            other_matters="\x0b",
        ),
    ),
    "10-title-cr": govinfo.unflatten(
        {}, template="gb_2019", organ="\r" * 32_768, year=2306, title="\r" * 32_768
    ),
}


@pytest.mark.parametrize("report", _XLSX_CASES.values(), ids=_XLSX_CASES.keys())
def test_xlsx_counterexample(report: AnnualReport) -> None:
    """The reports write_xlsx -> read_xlsx lost or changed, or refused as a zip bomb."""
    _same_after(report, "xlsx")


_review_0 = _consistent_2021(narrative=Narrative(review_litigation="0"))
_review_0 = attrs.evolve(
    _review_0,
    review_litigation=attrs.evolve(
        _review_0.review_litigation,  # type: ignore[arg-type]
        litigation_after_review=attrs.evolve(
            _review_0.review_litigation.litigation_after_review,  # type: ignore[union-attr]
            upheld=1,
            total=1,
        ),
    ),
)
_TEXT_CASES = {
    "11-title-0": _consistent_2021(title="0"),
    "12-organ-empty": govinfo.unflatten({}, template="gb_2021", organ=""),
    "13-narrative-empty": _consistent_2021(narrative=Narrative(other_matters="")),
    "14-year-2100": _consistent_2021(year=2100),
    "15-title-none": govinfo.unflatten({}, template="gb_2021"),
    "16-narrative-nel": _consistent_2021(narrative=Narrative(other_matters="0\x85")),
    "17-legacy-one": govinfo.unflatten({"legacy.proactive_items": 0}, template="legacy_2008"),
    "18-legacy-decimal": govinfo.unflatten(
        {"legacy.proactive_items": 0, "legacy.proactive_normative_documents": Decimal("0.0")},
        template="legacy_2008",
    ),
    "19-legacy-empty": govinfo.unflatten({}, template="legacy_2008"),
    "20-title-empty": govinfo.unflatten({}, template="gb_2021", title=""),
    "21-legacy-narrative-empty": govinfo.unflatten(
        {"legacy.proactive_items": 0},
        template="legacy_2008",
        narrative=Narrative(applications=""),
    ),
    "22-narrative-zero-width": govinfo.unflatten(
        {}, template="gb_2021", narrative=Narrative(other_matters="=\u200b")
    ),
    "23-review-narrative-0": _review_0,
    "24-organ-cr": _consistent_2021(organ="0\r"),
    "25-organ-cr-inside": govinfo.unflatten({}, template="gb_2021", organ="0\r0"),
}


@pytest.mark.parametrize("report", _TEXT_CASES.values(), ids=_TEXT_CASES.keys())
def test_text_counterexample(report: AnnualReport) -> None:
    """The reports write_text -> read_text lost or changed."""
    _same_after(report, "text")


def test_edited_value_in_canonical_text_is_read_as_edited() -> None:
    """An edited cell of a canonical text is still a canonical text: it reads as it now says."""
    report = _consistent_2021(organ="某局", year=2021)
    text = govinfo.write_text(report).replace("（一）予以公开\t0", "（一）予以公开\t3", 1)
    result = govinfo.read_text(text)
    assert result.report.applications.disclosed.natural_person == 3  # type: ignore[union-attr]
    assert result.diagnostics == ()


def test_reshaped_canonical_text_is_read_as_text() -> None:
    """A canonical text whose lines were changed is read as ordinary text, and says so."""
    report = _consistent_2021(organ="某局", year=2021, narrative=Narrative(overview="概述。"))
    text = govinfo.write_text(report).replace("概述。\n", "概述。\n又一行。\n", 1)
    result = govinfo.read_text(text)
    assert any(d.code == "canonical-text-changed" for d in result.diagnostics)
    assert result.report.applications == report.applications


@given(
    report=reports(text=_ADVERSARIAL),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "gb18030"]),
    newline=st.sampled_from(["\n", "\r\n"]),
)
def test_saved_canonical_text_round_trips(
    report: AnnualReport, encoding: str, newline: str
) -> None:
    """The canonical text saved as a file (any encoding the reader detects, CRLF or LF) and
    read as bytes gives the report back: prose escapes leave nothing an encoder refuses."""
    data = govinfo.write_text(report).replace("\n", newline).encode(encoding)
    assert govinfo.read_text(data).report == report


def test_canonical_text_reading_says_where_each_cell_was() -> None:
    """Every cell read from a canonical text has its line and tab-separated field."""
    report = _consistent_2021(organ="某局", year=2021)
    text = govinfo.write_text(report)
    result = govinfo.read_text(text, name="r.txt")
    where = result.locations["applications.disclosed.natural_person"]
    line = text.split("\n")[where.line - 1]  # type: ignore[operator]
    assert line.startswith("（一）予以公开\t")
    assert line.split("\t")[where.cell - 1] == "0"  # type: ignore[operator]
    cells = govinfo.flatten(report)
    printed = set(cells) - govinfo.model.unprinted(report.template, cells)  # not the variants
    assert set(result.locations) == printed  # "/" cells too
