"""Hostile and invalid documents are refused with a GovInfoError naming the place."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from govinfo import ReadError, SchemaError, UnsafeInputError
from govinfo._safe import MAX_SOURCE_BYTES
from govinfo.reading.xml import MAX_XML_ELEMENTS, read_xml

NS = "urn:govinfo:annual-report:1"

_BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE report [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<report xmlns="urn:govinfo:annual-report:1" template="gb_2021"><organ>&lol9;</organ></report>
"""


def _report(body: str, template: str = "gb_2021") -> bytes:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<report xmlns="{NS}" template="{template}">\n{body}\n</report>\n'
    ).encode()


def test_billion_laughs_is_refused() -> None:
    """Entity expansion never happens: the document is refused (libxml2 stops it at parse)."""
    # The hardened parser refuses it either as a DTD (UnsafeInputError) or, in libxml2 2.14,
    # already while parsing ("entity amplification"); both are ReadErrors with no expansion.
    with pytest.raises(ReadError, match=r"DTD|entity"):
        read_xml(_BILLION_LAUGHS)


@pytest.mark.parametrize(
    "system_id", ["file:///etc/passwd", "http://127.0.0.1:9/secret", "secret.txt"]
)
def test_external_entity_is_refused(system_id: str, tmp_path: Path) -> None:
    """An external entity (file, network, relative path) is neither loaded nor expanded."""
    (tmp_path / "secret.txt").write_text("SECRET", encoding="utf-8")
    document = (
        f'<?xml version="1.0"?>\n<!DOCTYPE report [<!ENTITY xxe SYSTEM "{system_id}">]>\n'
        f'<report xmlns="{NS}" template="gb_2021"><organ>&xxe;</organ></report>'
    ).encode()
    path = tmp_path / "report.xml"
    path.write_bytes(document)
    with pytest.raises(UnsafeInputError) as caught:
        read_xml(path)
    assert "SECRET" not in str(caught.value)
    assert "root:" not in str(caught.value)


@pytest.mark.parametrize("system_id", ["http://127.0.0.1:9/report.dtd", "file:///etc/passwd"])
def test_external_dtd_is_refused(system_id: str) -> None:
    """A document type declaration pointing outside is refused without being fetched."""
    document = (
        f'<?xml version="1.0"?>\n<!DOCTYPE report SYSTEM "{system_id}">\n'
        f'<report xmlns="{NS}" template="gb_2021"/>'
    ).encode()
    with pytest.raises(UnsafeInputError, match="DTD"):
        read_xml(document)


def test_oversized_input_is_refused() -> None:
    """A source over the size limit is refused before it is parsed."""
    with pytest.raises(UnsafeInputError, match="larger than"):
        read_xml(io.BytesIO(b" " * (MAX_SOURCE_BYTES + 1)))


@pytest.mark.parametrize(
    "data", [b"", b"\x00\x01\x02 not xml", b"PK\x03\x04zip", b"<report", "报告".encode("gbk")]
)
def test_not_xml_is_a_read_error(data: bytes) -> None:
    """Bytes that are not well-formed XML give a ReadError, never an lxml exception."""
    with pytest.raises(ReadError):
        read_xml(data, name="junk.xml")


def test_not_well_formed_names_the_line() -> None:
    """A syntax error is reported with its line."""
    with pytest.raises(ReadError) as caught:
        read_xml(_report("<organ>x</organ>\n<year>2021</oops>"), name="bad.xml")
    assert caught.value.location is not None
    assert caught.value.location.line == 4
    assert str(caught.value).startswith("bad.xml:line 4")


def test_wrong_namespace_is_refused() -> None:
    """A root element in another namespace is not a govinfo report."""
    document = b'<report xmlns="urn:example:other" template="gb_2021"/>'
    with pytest.raises(SchemaError, match="not a govinfo report"):
        read_xml(document)


def test_newer_format_version_is_named() -> None:
    """A document of another version of the format says which version it is."""
    document = b'<report xmlns="urn:govinfo:annual-report:2" template="gb_2021"/>'
    with pytest.raises(SchemaError, match="annual-report:2"):
        read_xml(document)


def test_unknown_template_is_refused() -> None:
    """A template the format does not know fails validation at the root."""
    with pytest.raises(SchemaError, match="gb_2030") as caught:
        read_xml(_report("", template="gb_2030"))
    assert caught.value.location is not None
    assert caught.value.location.xpath == "/report"


def test_cell_of_the_other_template_is_refused() -> None:
    """A gb_2021 column in a gb_2019 report is refused with its line and path."""
    body = "<proactive_disclosure>\n<rules>\n<issued>1</issued>\n</rules>\n</proactive_disclosure>"
    with pytest.raises(SchemaError, match="not a cell of template gb_2019") as caught:
        read_xml(_report(body, template="gb_2019"), name="r.xml")
    assert caught.value.location is not None
    assert caught.value.location.line == 5
    assert caught.value.location.xpath == "/report/proactive_disclosure/rules/issued"


def test_row_of_the_other_template_is_refused() -> None:
    """An empty gb_2021-only row in a gb_2019 report is refused too. (``other_handling``
    is a row of both now: gb_2021 reports may print it as the group's subtotal.)"""
    body = "<applications><other_misc/></applications>"
    with pytest.raises(SchemaError, match="not a row of template gb_2019"):
        read_xml(_report(body, template="gb_2019"))


def test_tables_in_a_legacy_report_are_refused() -> None:
    """A legacy_2008 report has no tables, so a table element is refused."""
    with pytest.raises(SchemaError, match="legacy_2008"):
        read_xml(_report("<applications/>", template="legacy_2008"))


def test_legacy_statistics_in_a_table_report_are_refused() -> None:
    """Pre-2019 statistics only belong in legacy_2008 reports."""
    body = '<legacy><count key="review_cases">3</count></legacy>'
    with pytest.raises(SchemaError, match="pre-2019"):
        read_xml(_report(body))


def test_duplicate_legacy_key_is_refused() -> None:
    """A pre-2019 statistic may appear once."""
    body = '<legacy><count key="review_cases">3</count><count key="review_cases">4</count></legacy>'
    with pytest.raises(SchemaError, match="review_cases"):
        read_xml(_report(body, template="legacy_2008"))


@pytest.mark.parametrize(
    ("body", "line", "xpath"),
    [
        (
            "<applications>\n<new_received>\n<total>-1</total>\n</new_received>\n</applications>",
            5,
            "/report/applications/new_received/total",
        ),
        (
            "<applications>\n<new_received>\n<total>1.5</total>\n</new_received>\n</applications>",
            5,
            "/report/applications/new_received/total",
        ),
        (
            "<proactive_disclosure>\n<administrative_fees>\n"
            "<amount_wan_yuan>1e3</amount_wan_yuan>\n</administrative_fees>\n"
            "</proactive_disclosure>",
            5,
            "/report/proactive_disclosure/administrative_fees/amount_wan_yuan",
        ),
        ("<year>2021</year>\n<organ>x</organ>", 4, "/report/organ"),
        ("<organ>x<b/></organ>", 3, "/report/organ/b"),
        ('<organ>x<char code="41"/></organ>', 3, "/report/organ/char"),
        (
            "<applications>\n<new_received/>\n<new_received/>\n</applications>",
            5,
            "/report/applications/new_received[2]",
        ),
    ],
)
def test_invalid_document_names_line_and_element(body: str, line: int, xpath: str) -> None:
    """A document that does not validate gets a SchemaError with the line and element path."""
    with pytest.raises(SchemaError) as caught:
        read_xml(_report(body), name="bad.xml")
    location = caught.value.location
    assert location is not None
    assert (location.source, location.line, location.xpath) == ("bad.xml", line, xpath)
    assert "{urn:" not in caught.value.message


def test_year_out_of_model_range_is_a_schema_error() -> None:
    """A value the schema allows but the model refuses still gives a SchemaError."""
    with pytest.raises(SchemaError, match="year"):
        read_xml(_report("<year>3000</year>"))


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    """A path that does not exist gives a ReadError naming it."""
    with pytest.raises(ReadError, match=r"nope\.xml"):
        read_xml(tmp_path / "nope.xml")


def test_number_past_python_digit_limit_is_a_schema_error() -> None:
    """A count valid for the XSD but too long for int() is refused at its element."""
    cell = f"<total>{'9' * 5000}</total>"
    body = f"<applications>\n<new_received>\n{cell}\n</new_received>\n</applications>"
    with pytest.raises(SchemaError, match=r"applications\.new_received\.total") as caught:
        read_xml(_report(body))
    assert caught.value.location is not None
    assert caught.value.location.xpath == "/report/applications/new_received/total"


def test_year_past_python_digit_limit_is_a_schema_error() -> None:
    """Outside the tables, the same refusal names the document root."""
    with pytest.raises(SchemaError, match="digits"):
        read_xml(_report(f"<year>{'1' * 5000}</year>"))


@pytest.mark.parametrize("hint", ["http://127.0.0.1:9/evil.xsd", "file:///nonexistent/evil.xsd"])
def test_schema_location_hints_are_not_followed(hint: str) -> None:
    """xsi:schemaLocation is ignored: validation uses only the shipped schema, offline."""
    xsi = "http://www.w3.org/2001/XMLSchema-instance"
    document = (
        f'<report xmlns="{NS}" xmlns:xsi="{xsi}" xsi:schemaLocation="{NS} {hint}"'
        ' template="gb_2021"><year>2021</year></report>'
    ).encode()
    assert read_xml(document).report.year == 2021


def test_single_line_document_names_the_right_element() -> None:
    """Without line breaks, the element is still found by its depth and name."""
    body = (
        "<applications><new_received><natural_person>1</natural_person></new_received>"
        "<carried_over><total>-1</total></carried_over></applications>"
    )
    document = f'<report xmlns="{NS}" template="gb_2021">{body}</report>'.encode()
    with pytest.raises(SchemaError) as caught:
        read_xml(document)
    assert caught.value.location is not None
    assert caught.value.location.xpath == "/report/applications/carried_over/total"


def test_too_many_elements_are_refused_before_validation() -> None:
    """A document of more elements than any report has is refused, whatever they are."""
    with pytest.raises(UnsafeInputError, match="elements"):
        read_xml(_report("<a/>" * (MAX_XML_ELEMENTS + 1)))


@pytest.mark.parametrize(
    ("cell", "xpath", "address"),
    [
        (
            f"<applications><new_received><total>{10**15}</total></new_received></applications>",
            "/report/applications/new_received/total",
            "applications.new_received.total",
        ),
        (
            "<proactive_disclosure><administrative_fees>"
            f"<amount_wan_yuan>0.{'1' * 16}</amount_wan_yuan>"
            "</administrative_fees></proactive_disclosure>",
            "/report/proactive_disclosure/administrative_fees/amount_wan_yuan",
            "proactive_disclosure.administrative_fees.amount_wan_yuan",
        ),
    ],
)
def test_figure_past_the_model_bound_is_refused_at_its_cell(
    cell: str, xpath: str, address: str
) -> None:
    """The schema allows any size of number; the model does not, and the refusal names the cell.

    The reader leaves the bound to the model's validators; this is the proof they still run.
    """
    with pytest.raises(SchemaError, match=address) as caught:
        read_xml(_report(cell), name="big.xml")
    assert caught.value.location is not None
    assert (caught.value.location.source, caught.value.location.xpath) == ("big.xml", xpath)


_APPLICANTS = (
    "natural_person",
    "commercial_enterprise",
    "research_institution",
    "social_welfare_org",
    "legal_service_org",
    "other_org",
    "total",
)


def _complete_row(values: list[str]) -> str:
    # Every column of the row's schema type: the reader takes its fast path, by position.
    cells = "".join(f"<{c}>{v}</{c}>" for c, v in zip(_APPLICANTS, values, strict=True))
    return f"<applications>\n<new_received>\n{cells}\n</new_received>\n</applications>"


@pytest.mark.parametrize(
    ("value", "message"),
    [("9" * 5000, "digits"), (str(10**15), "at most 15 digits"), ("", "social_welfare_org")],
)
def test_bad_value_in_a_complete_row_is_refused_at_its_cell(value: str, message: str) -> None:
    """A row read by position refuses a bad cell as the walk by name does, naming the cell."""
    values = ["1", "2", "3", value, "5", "6", "7"]
    with pytest.raises(SchemaError, match=message) as caught:
        read_xml(_report(_complete_row(values)), name="row.xml")
    assert caught.value.location is not None
    location = caught.value.location
    assert (location.source, location.line) == ("row.xml", 5)
    assert location.xpath == "/report/applications/new_received/social_welfare_org"


def test_complete_row_reads_each_cell_into_its_own_column() -> None:
    """Reading by position puts every value and line where its element is."""
    result = read_xml(_report(_complete_row([str(n) for n in range(1, 8)])))
    row = result.report.applications.new_received
    assert [getattr(row, c) for c in _APPLICANTS] == list(range(1, 8))
    assert result.locations["applications.new_received.total"].line == 5
