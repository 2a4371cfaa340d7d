"""The published format: element names, None handling, decimals, text, labels, the XSD."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from govinfo import AnnualReport, Narrative, WriteError, addresses, flatten, unflatten
from govinfo.model import cell_spec
from govinfo.reading.xml import read_xml
from govinfo.schema._format import MAX_TEXT_BYTES
from govinfo.schema._xsd import generate_schema
from govinfo.writing.xml import write_xml, xml_schema

NS = "urn:govinfo:annual-report:1"
_N = {"g": NS}


def _tree(report: AnnualReport, **options: object) -> etree._Element:
    return etree.fromstring(write_xml(report, **options))  # type: ignore[arg-type]


def test_shipped_schema_is_the_generated_one() -> None:
    """The XSD in the package is exactly what the model catalogue generates."""
    assert xml_schema() == generate_schema()


@pytest.mark.parametrize("template", ["gb_2021", "gb_2019"])
def test_schema_covers_every_address(
    template: str, schema_errors: Callable[[bytes], list[str]]
) -> None:
    """A report stating every cell of a template validates, with one element per address."""
    report = unflatten(dict.fromkeys(addresses(template), 1), template=template)
    document = write_xml(report)
    assert schema_errors(document) == []
    root = etree.fromstring(document)
    for address in addresses(template):
        (cell,) = root.xpath(
            "/g:report/" + "/".join(f"g:{p}" for p in address.split(".")), namespaces=_N
        )
        assert cell.text == "1"
    assert read_xml(document).report == report


def test_template_is_an_attribute_of_the_root() -> None:
    """The root is report in the versioned namespace, with the template as data."""
    root = _tree(AnnualReport(template="gb_2019"))
    assert root.tag == f"{{{NS}}}report"
    assert root.get("template") == "gb_2019"


def test_unstated_cells_are_absent_never_zero() -> None:
    """None is an absent element; 0 is written; empty rows and tables are left out."""
    report = unflatten({"applications.new_received.total": 0}, template="gb_2021")
    root = _tree(report)
    cells = root.xpath("//g:applications//g:*[not(*)]", namespaces=_N)
    assert [(c.getparent().tag.split("}")[1], c.tag.split("}")[1], c.text) for c in cells] == [
        ("new_received", "total", "0")
    ]
    assert root.find("g:proactive_disclosure", _N) is None
    assert read_xml(etree.tostring(root)).report.applications.carried_over.total is None


@pytest.mark.parametrize("printed", ["24252.311082", "0.50", "0", "0.0000", "1000", "7.10"])
def test_decimals_keep_their_places(printed: str) -> None:
    """An amount is written exactly as the model holds it and reads back with its places."""
    address = "proactive_disclosure.administrative_fees.amount_wan_yuan"
    report = unflatten({address: Decimal(printed)}, template="gb_2021")
    root = _tree(report)
    assert (
        root.findtext(
            "g:proactive_disclosure/g:administrative_fees/g:amount_wan_yuan", namespaces=_N
        )
        == printed
    )
    value = read_xml(write_xml(report)).report.proactive_disclosure.administrative_fees
    assert str(value.amount_wan_yuan) == printed  # type: ignore[union-attr]


def test_exponent_decimals_are_written_without_exponent() -> None:
    """Decimal('1E+3') and Decimal('1.5E-7') are written in xs:decimal's plain form."""
    address = "proactive_disclosure.centralized_procurement.procurement_amount"
    for value, printed in ((Decimal("1E+3"), "1000"), (Decimal("1.5E-7"), "0.00000015")):
        report = unflatten({address: value}, template="gb_2019")
        assert f">{printed}<".encode() in write_xml(report)
        assert read_xml(write_xml(report)).report == report


def test_items_change_is_signed() -> None:
    """gb_2019's 本年增/减 may be negative; counts may not (the model guards them)."""
    address = "proactive_disclosure.administrative_licensing.items_change"
    report = unflatten({address: -1036}, template="gb_2019")
    assert b">-1036<" in write_xml(report)
    assert read_xml(write_xml(report)).report == report


def test_labels_come_from_the_model() -> None:
    """Tables, rows, cells and sections carry the model's official labels."""
    address = "applications.withheld_third_party_rights.natural_person"
    report = unflatten({address: 2}, template="gb_2021")
    report = AnnualReport(
        template="gb_2021", applications=report.applications, narrative=Narrative(overview="x")
    )
    root = _tree(report)
    spec = cell_spec("gb_2021", address)
    assert spec is not None
    row = root.find("g:applications/g:withheld_third_party_rights", _N)
    assert row is not None
    assert row.get("label") == spec.row_label
    assert row[0].get("label") == spec.column_label
    assert root.find("g:applications", _N).get("label") == spec.table_label  # type: ignore[union-attr]
    assert root.find("g:narrative/g:overview", _N).get("label") == "一、总体情况"  # type: ignore[union-attr]


def test_text_is_kept_exactly() -> None:
    """Whitespace, CR, empty strings and characters XML cannot carry survive; None is absent."""
    narrative = Narrative(
        overview="  leading and trailing  ",
        proactive_disclosure="a\r\nb\rc",
        applications="",
        other_matters="nul\x00 bell\x07 \ufffe end",
    )
    report = AnnualReport(template="gb_2021", narrative=narrative, organ=" 机关\t", title="]]>&<")
    document = write_xml(report)
    root = etree.fromstring(document)
    assert root.find("g:narrative/g:review_litigation", _N) is None
    assert root.find("g:narrative/g:applications", _N) is not None
    codes = [c.get("code") for c in root.iterfind("g:narrative/g:other_matters/g:char", _N)]
    assert codes == ["0", "7", "FFFE"]
    assert b"&#13;" in document
    assert read_xml(document).report == report


def test_legacy_statistics_keep_their_kind() -> None:
    """Pre-2019 statistics are count or amount elements by key, in key order."""
    report = AnnualReport(
        template="legacy_2008",
        legacy={"review_cases": 3, "fees_collected_yuan": Decimal("120.50")},
    )
    root = _tree(report)
    stats = [(s.tag.split("}")[1], s.get("key"), s.text) for s in root.find("g:legacy", _N)]  # type: ignore[union-attr]
    assert stats == [("amount", "fees_collected_yuan", "120.50"), ("count", "review_cases", "3")]
    back = read_xml(write_xml(report)).report
    assert back == report
    assert type(back.legacy["review_cases"]) is int


def test_check_result_is_embedded() -> None:
    """A broken rule is written with its id, numbers, cells and messages."""
    row = "applications.new_received."
    columns = [a for a in addresses("gb_2021") if a.startswith(row)]
    report = unflatten({**dict.fromkeys(columns, 1), row + "total": 2}, template="gb_2021")
    result = report.check()
    root = _tree(report, check=result)
    check = root.find("g:check", _N)
    assert check is not None
    assert check.get("ok") == ("true" if result.ok else "false")
    assert check.get("passed") == str(result.passed)
    written = [
        (v.get("rule"), v.get("key"), v.get("difference"))
        for v in check.iterfind("g:violation", _N)
    ]
    assert written == [(v.rule, v.key, str(v.difference)) for v in result.violations]
    assert written
    assert len(check.findall("g:unverifiable", _N)) == len(result.unverifiable)
    assert read_xml(etree.tostring(root)).report == report


def test_example_file_is_current(example_report: AnnualReport, example_path: Path) -> None:
    """examples/report.xml is what write_xml gives for seed 001, and it reads back."""
    assert example_path.read_bytes() == write_xml(example_report)
    result = read_xml(example_path)
    assert result.report == example_report
    assert result.source == str(example_path)
    location = result.locations["applications.new_received.natural_person"]
    assert location.xpath == "/report/applications/new_received/natural_person"
    assert location.line is not None


def test_text_too_long_for_xml_readers_is_a_write_error() -> None:
    """A text run over libxml2's 10 MB limit is refused on writing, not lost on reading."""
    fits = AnnualReport(template="gb_2021", organ="x" * MAX_TEXT_BYTES)
    assert read_xml(write_xml(fits)).report == fits
    with pytest.raises(WriteError, match="organ"):
        write_xml(AnnualReport(template="gb_2021", organ="é" * (MAX_TEXT_BYTES // 2 + 1)))


def test_located_check_result_is_embedded(schema_errors: Callable[[bytes], list[str]]) -> None:
    """A check located with read_xml's cell locations embeds each cell's line and path."""
    row = "applications.new_received."
    columns = [a for a in addresses("gb_2021") if a.startswith(row)]
    report = unflatten({**dict.fromkeys(columns, 1), row + "total": 2}, template="gb_2021")
    result = read_xml(write_xml(report), name="in.xml")
    located = report.check().locate(result.locations)
    document = write_xml(report, check=located)
    assert schema_errors(document) == []
    root = etree.fromstring(document)
    where = root.find("g:check/g:violation/g:location", _N)
    assert where is not None
    address = where.get("address")
    assert address is not None
    assert where.get("line") == str(result.locations[address].line)
    assert where.findtext("g:xpath", namespaces=_N) == "/report/" + address.replace(".", "/")
    assert where.findtext("g:source", namespaces=_N) == "in.xml"


def test_value_text_is_read_across_comments_cdata_and_whitespace() -> None:
    """A value is its whole text: comments and processing instructions inside it are no part of
    it, CDATA and character references are, and surrounding whitespace is allowed."""
    body = (
        "<year> 20<!-- c -->2<?pi x?>1\n</year>"
        "<proactive_disclosure><administrative_fees>"
        "<amount_wan_yuan>\t1.<![CDATA[5]]>&#48;<!-- c --> </amount_wan_yuan>"
        "</administrative_fees></proactive_disclosure>"
        "<applications><new_received>"
        "<natural_person><!-- c -->4<!-- c --></natural_person><total>&#x31;<?pi?>2</total>"
        "</new_received></applications>"
    )
    document = f'<report xmlns="{NS}" template="gb_2021">{body}</report>'.encode()
    result = read_xml(document)
    cells = flatten(result.report)
    assert result.report.year == 2021
    assert cells["proactive_disclosure.administrative_fees.amount_wan_yuan"] == Decimal("1.50")
    assert str(cells["proactive_disclosure.administrative_fees.amount_wan_yuan"]) == "1.50"
    assert cells["applications.new_received.natural_person"] == 4
    assert cells["applications.new_received.total"] == 12


def test_legacy_value_text_is_read_across_comments() -> None:
    """The same holds for the pre-2019 statistics."""
    body = (
        '<legacy><count key="review_cases">1<!-- c -->3</count>'
        '<amount key="fees_yuan"> 2.<?pi?>50 </amount></legacy>'
    )
    document = f'<report xmlns="{NS}" template="legacy_2008">{body}</report>'.encode()
    legacy = read_xml(document).report.legacy
    assert dict(legacy) == {"fees_yuan": Decimal("2.50"), "review_cases": 13}
