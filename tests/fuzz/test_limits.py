"""Bounds and limits: figures past 15 digits, digits other than ASCII and full-width, inputs
larger in one dimension than any report, and error messages that stay readable."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo import InvalidValueError, SchemaError, UnsafeInputError, _safe
from govinfo._digits import MAX_FIGURE, figure_fits, parse_digits


@given(st.text(max_size=30))
def test_parse_digits_accepts_exactly_ascii_and_full_width(text: str) -> None:
    """A run of ASCII or full-width digits of 1-15 characters is a number; nothing else is."""
    value = parse_digits(text)
    plain = text.translate(str.maketrans("０１２３４５６７８９", "0123456789"))
    if 0 < len(text) <= 15 and all(c in "0123456789" for c in plain):
        assert value == int(plain)
    else:
        assert value is None


@pytest.mark.parametrize("text", ["²", "²²", "٣", "1²", "-1", " 1", "1" * 16, ""])
def test_parse_digits_refuses(text: str) -> None:
    """Superscripts, other scripts' digits, signs, spaces and overlong runs are no digits."""
    assert parse_digits(text) is None


def test_model_refuses_figures_past_the_bound() -> None:
    """A count or amount past 15 digits cannot be built, and the message stays short."""
    assert figure_fits(MAX_FIGURE)
    with pytest.raises(InvalidValueError, match="at most 15 digits") as caught:
        govinfo.unflatten({"applications.new_received.total": 10**5000})
    assert len(str(caught.value)) < 300
    with pytest.raises(InvalidValueError):
        govinfo.unflatten(
            {"proactive_disclosure.administrative_fees.amount_wan_yuan": Decimal("1E+15")}
        )
    with pytest.raises(InvalidValueError):
        govinfo.unflatten({"legacy.proactive_items": 10**16}, template="legacy_2008")


def test_overlong_count_in_a_table_stays_unknown() -> None:
    """A table cell of 16 digits reads as unknown with value-invalid; its neighbours read."""
    report = govinfo.unflatten({}, template="gb_2021", organ="某局", year=2021)
    text = govinfo.write_text(report).split("\n", 1)[1]
    text = text.replace("（一）予以公开\t/\t/", "（一）予以公开\t" + "9" * 16 + "\t2", 1)
    result = govinfo.read_text(text)
    assert result.report.applications.disclosed.natural_person is None  # type: ignore[union-attr]
    assert any(d.code == "value-invalid" for d in result.diagnostics)


_SECTION_4 = "四、政府信息公开行政复议、行政诉讼情况\n"


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("1\t" * 500_000, "characters"),
        ("x\n" * (_safe.MAX_LINES + 1), "lines"),
        ("甲\n" * (_safe.MAX_PARAGRAPHS + 1), "paragraphs"),
        (
            "四、政府信息公开行政复议、行政诉讼情况\n" + "1\t2\n" * (_safe.MAX_TABLE_ROWS + 1),
            "rows",
        ),
    ],
    ids=["long-line", "lines", "paragraphs", "rows"],
)
def test_text_past_a_limit_is_refused_naming_it(text: str, limit: str) -> None:
    """A text larger in one dimension than any report is refused, saying which limit."""
    with pytest.raises(UnsafeInputError, match=limit):
        govinfo.read_text(text)


def _workbook(sheet: bytes) -> bytes:
    ns = b'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
    rel = b"http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    members = {
        "[Content_Types].xml": b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'content-types"/>',
        "_rels/.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
        b'relationships"><Relationship Id="r1" Type="' + rel + b'/officeDocument" '
        b'Target="xl/workbook.xml"/></Relationships>',
        "xl/workbook.xml": b"<workbook " + ns + b' xmlns:r="' + rel + b'"><sheets>'
        b'<sheet name="S" sheetId="1" r:id="r1"/><sheet name="T" sheetId="2" r:id="r1"/>'
        b"</sheets></workbook>",
        "xl/_rels/workbook.xml.rels": b'<Relationships xmlns="http://schemas.openxmlformats.org/'
        b'package/2006/relationships"><Relationship Id="r1" Type="' + rel + b'/worksheet" '
        b'Target="worksheets/sheet1.xml"/></Relationships>',
        "xl/worksheets/sheet1.xml": b"<worksheet "
        + ns
        + b"><sheetData>"
        + sheet
        + b"</sheetData></worksheet>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, body in members.items():
            archive.writestr(name, body)
    return buffer.getvalue()


def test_sheet_with_a_far_row_is_read_without_visiting_every_row() -> None:
    """Two cells at row 9,999,999 (past Excel's last row) are read as one short table."""
    far = b'<row r="9999999"><c r="A9999999" t="inlineStr"><is><t>x</t></is></c>'
    far += b'<c r="B9999999" t="inlineStr"><is><t>y</t></is></c></row>'
    document = govinfo.reading.xlsx.read_xlsx_document(_workbook(far))
    assert len(document.blocks) == 1


def test_sheet_past_the_cell_limit_is_refused() -> None:
    """More cells than the limit, in a workbook a few hundred kilobytes long, are refused."""
    row = b"".join(b'<c t="inlineStr"><is><t>1</t></is></c>' for _ in range(100))
    rows = row.join([b"<row>", b"</row>"]) * (_safe.MAX_CELLS // 100 + 1)
    with pytest.raises(UnsafeInputError, match="cells"):
        govinfo.read_xlsx(_workbook(rows))


def test_xml_legacy_key_given_twice_is_a_short_schema_error() -> None:
    """10,000 duplicated legacy keys are refused at once, with a message of one line."""
    report = govinfo.unflatten({"legacy.proactive_items": 3}, template="legacy_2008")
    data = govinfo.write_xml(report)
    element = b'<count key="proactive_items">3</count>'
    with pytest.raises(SchemaError, match="given twice") as caught:
        govinfo.read_xml(data.replace(element, element * 10_000))
    assert len(str(caught.value)) < 300


def test_xml_schema_error_message_is_capped() -> None:
    """A schema error quoting a huge value is cut, and says how many more problems follow."""
    report = govinfo.unflatten({"applications.new_received.total": 3})
    data = govinfo.write_xml(report).replace(b">3<", b">" + b"x" * 100_000 + b"<")
    with pytest.raises(SchemaError) as caught:
        govinfo.read_xml(data)
    assert len(str(caught.value)) < 500
