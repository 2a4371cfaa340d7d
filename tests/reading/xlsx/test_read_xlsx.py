"""read_xlsx: SpreadsheetML parts, cell types, formulas, layout, fixtures and hostile files."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import FIXTURES, load_expected
from tests.reading.xlsx._book import package, rows

from govinfo.errors import GovInfoError, UnsafeInputError, UnsupportedFormatError
from govinfo.model.flat import flatten
from govinfo.reading.document import Document, Paragraph, Table
from govinfo.reading.xlsx import read_xlsx, read_xlsx_document
from govinfo.reading.xlsx._sheet import render_number

_FIXTURES = sorted(path.stem for path in FIXTURES.glob("*.xlsx"))


def _n(ref: str, value: str, extra: str = "") -> tuple[str, str]:
    return ref, f'<c r="{ref}"{extra}><v>{value}</v></c>'


def _s(ref: str, text: str) -> tuple[str, str]:
    return ref, f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def _f(ref: str, formula: str, cached: str | None = None, extra: str = "") -> tuple[str, str]:
    value = f"<v>{cached}</v>" if cached is not None else ""
    return ref, f'<c r="{ref}"{extra}><f>{formula}</f>{value}</c>'


def _tables(document: Document) -> list[list[list[str]]]:
    return [
        [[cell.text for cell in row] for row in block.rows]
        for block in document.blocks
        if isinstance(block, Table)
    ]


@pytest.mark.parametrize("stem", _FIXTURES)
def test_fixture_reads_to_expected_values(stem: str) -> None:
    """Each LibreOffice-written fixture reads to exactly its expected cells and metadata."""
    expected: dict[str, Any] = load_expected(stem)
    result = read_xlsx(FIXTURES / f"{stem}.xlsx")
    assert flatten(result.report) == expected["cells"]
    assert result.report.template == expected["template"]
    assert result.report.organ == expected["organ"]
    assert result.report.year == expected["year"]
    assert all(d.location is None or d.location.source for d in result.diagnostics)


def test_fixture_locations_name_sheet_and_cell() -> None:
    """Every read value's location names its sheet and A1 cell."""
    result = read_xlsx(FIXTURES / f"{_FIXTURES[0]}.xlsx")
    where = result.locations["applications.new_received.natural_person"]
    assert where.sheet == "Sheet1"
    assert where.ref is not None
    assert where.ref[0].isalpha()


@pytest.mark.parametrize(
    ("stored", "shown"),
    [
        ("24252.311082", "24252.311082"),
        ("8", "8"),
        ("8.0", "8"),
        ("1.50", "1.50"),
        ("1e-07", "0.0000001"),
        ("1E+3", "1000"),
        ("0.30000000000000004", "0.3"),
        ("24252.31108200001", "24252.311082"),
        ("-5", "-5"),
    ],
)
def test_numbers_render_without_float_artefacts(stored: str, shown: str) -> None:
    """A stored number becomes the text a person would type, from its <v> string."""
    assert render_number(stored) == shown


def test_cell_types_and_strings() -> None:
    """Shared (rich runs, phonetics skipped), inline, str, bool and number cells read as text."""
    sheet = rows(
        ("A1", '<c r="A1" t="s"><v>0</v></c>'),
        ("B1", '<c r="B1" t="s"><v>1</v></c>'),
        _s("C1", "内联"),
        ("A2", '<c r="A2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c>'),
        ("B2", '<c r="B2" t="b"><v>1</v></c>'),
        _n("C2", "8.0"),
    )
    shared = [
        "<t>共享</t>",
        '<r><t>富</t></r><r><rPr><b/></rPr><t>文本</t></r><rPh sb="0" eb="1"><t>フ</t></rPh>',
    ]
    doc = read_xlsx_document(package({"S": sheet}, shared=shared))
    assert _tables(doc) == [[["共享", "富文本", "内联"], ["ab", "TRUE", "8"]]]


@pytest.mark.parametrize("empty_inline", [False, True])
def test_cells_with_content_are_found_with_or_without_inline_strings(empty_inline: bool) -> None:
    """Shared strings, a formula with its value, an empty bordered cell and (when present) an
    empty inline string read the same whichever way the cells with content are selected."""
    styles = (
        '<borders count="2"><border/><border><left style="thin"/></border></borders>'
        '<cellXfs count="2"><xf borderId="0"/><xf borderId="1"/></cellXfs>'
    )
    last = ('<c r="C2" t="inlineStr"/>') if empty_inline else '<c r="C2"/>'
    sheet = rows(
        ("A1", '<c r="A1" t="s"><v>0</v></c>'),
        ("B1", '<c r="B1"><v>2</v></c>'),
        ("C1", '<c r="C1"><f>B1+1</f><v>3</v></c>'),
        ("A2", '<c r="A2" t="s"><v>1</v></c>'),
        ("B2", '<c r="B2" s="1"/>'),
        ("C2", last),
    )
    doc = read_xlsx_document(
        package({"S": sheet}, shared=["<t>甲</t>", "<t>乙</t>"], styles=styles)
    )
    assert _tables(doc) == [[["甲", "2", "3"], ["乙", "", ""]]]
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [c.location.ref for c in table.rows[1]] == ["A2", "B2", "C2"]


def test_cells_without_references_are_placed_in_order() -> None:
    """Rows and cells without r attributes are placed one after another, as Excel does."""
    sheet = (
        "<sheetData><row><c t='inlineStr'><is><t>甲</t></is></c><c><v>1</v></c></row>"
        "<row r='2'><c><v>2</v></c><c r='C2'><v>3</v></c><c><v>4</v></c></row></sheetData>"
    )
    doc = read_xlsx_document(package({"S": sheet}))
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    assert [[c.location.ref for c in row if c.text] for row in table.rows] == [
        ["A1", "B1"],
        ["A2", "C2", "D2"],
    ]


def test_escaped_characters_are_unescaped() -> None:
    """Excel's _xHHHH_ escapes in strings read back as the characters."""
    doc = read_xlsx_document(package({"S": rows(_s("A1", "a_x000D_b"), _s("B1", "c"))}))
    assert _tables(doc) == [[["a\rb", "c"]]]


def test_merged_cells_expand_with_origin() -> None:
    """Covered cells repeat the origin's text and point to it; filler columns are dropped."""
    sheet = (
        rows(_s("A1", "标签"), _s("C1", "值"), _n("A2", "1"), _n("B2", "2"), _n("C2", "3"))
        + '<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells>'
    )
    doc = read_xlsx_document(package({"S": sheet}))
    (table,) = [b for b in doc.blocks if isinstance(b, Table)]
    first = table.rows[0]
    assert [c.text for c in first] == ["标签", "标签", "值"]
    assert first[1].merged_from == first[0].location
    assert first[0].merged_from is None
    assert first[1].location.ref == "B1"


def test_filler_columns_and_blank_first_column_are_dropped() -> None:
    """Columns only covered from the left, and an empty first column, are not table columns."""
    sheet = (
        rows(
            _s("B1", "项"),
            _s("C1", "数"),
            _s("B2", "规章"),
            _n("C2", "5"),
        )
        + '<mergeCells count="2"><mergeCell ref="C1:D1"/><mergeCell ref="C2:D2"/></mergeCells>'
    )
    doc = read_xlsx_document(package({"S": sheet}))
    assert _tables(doc) == [[["项", "数"], ["规章", "5"]]]


def test_paragraphs_and_tables_are_told_apart() -> None:
    """One-cell rows are paragraphs (merged downwards only once); multi-cell rows are tables."""
    sheet = (
        rows(
            _s("A1", "标题"),
            _s("A3", "一、总体情况"),
            _s("A4", "左"),
            _s("B4", "右"),
            _s("A5", "再"),
            _n("B5", "1"),
            _s("A7", "尾"),
        )
        + '<mergeCells count="1"><mergeCell ref="A1:C2"/></mergeCells>'
    )
    doc = read_xlsx_document(package({"S": sheet}))
    kinds = [(type(b).__name__, getattr(b, "text", None)) for b in doc.blocks]
    assert kinds == [
        ("Paragraph", "标题"),
        ("Paragraph", "一、总体情况"),
        ("Table", None),
        ("Paragraph", "尾"),
    ]


def test_bordered_single_cell_row_stays_in_table() -> None:
    """A row with one filled cell but drawn borders belongs to the table around it."""
    styles = (
        '<borders count="2"><border/><border><left style="thin"/></border></borders>'
        '<cellXfs count="2"><xf borderId="0"/><xf borderId="1"/></cellXfs>'
    )
    sheet = rows(
        _s("A1", "甲"),
        _n("B1", "1"),
        ("A2", '<c r="A2" s="1" t="inlineStr"><is><t>乙</t></is></c>'),
        ("B2", '<c r="B2" s="1"/>'),
        _s("A3", "丙"),
        _n("B3", "3"),
    )
    doc = read_xlsx_document(package({"S": sheet}, styles=styles))
    assert _tables(doc) == [[["甲", "1"], ["乙", ""], ["丙", "3"]]]


def test_bordered_heading_above_table_is_a_paragraph() -> None:
    """One-cell rows leading a bordered table (heading, caption) are paragraphs."""
    styles = (
        '<borders count="2"><border/><border><left style="thin"/></border></borders>'
        '<cellXfs count="2"><xf borderId="0"/><xf borderId="1"/></cellXfs>'
    )
    sheet = rows(
        ("A1", '<c r="A1" s="1" t="inlineStr"><is><t>三、标题</t></is></c>'),
        ("B1", '<c r="B1" s="1"/>'),
        ("A2", '<c r="A2" s="1"/>'),
        ("A3", '<c r="A3" s="1" t="inlineStr"><is><t>甲</t></is></c>'),
        ("B3", '<c r="B3" s="1"><v>1</v></c>'),
    )
    doc = read_xlsx_document(package({"S": sheet}, styles=styles))
    assert [type(b).__name__ for b in doc.blocks] == ["Paragraph", "Table"]
    assert _tables(doc) == [[["甲", "1"]]]


def test_formulas_use_cached_values() -> None:
    """A formula with a saved value reads as that value, never as its text."""
    doc = read_xlsx_document(
        package({"S": rows(_n("A1", "2"), _n("B1", "3"), _f("C1", "A1*B1", "6"))})
    )
    assert _tables(doc) == [[["2", "3", "6"]]]


@pytest.mark.parametrize(
    ("formula", "value"),
    [
        ("SUM(A1:B1)", "5"),
        ("A1+B1", "5"),
        ("+A1+B1-1", "4"),
        ("SUM(A1,B1,10)", "15"),
        ("SUM($A$1:B1)+(A1)", "7"),
        ("SUM(A1:B1,E1)", "5"),
        ("'Other sheet'!A1+Data!B1", "11"),
        ("SUM(A1:D1)", "10"),  # text "x" in the range is skipped, as Excel does
    ],
)
def test_formulas_without_cached_values_are_computed(formula: str, value: str) -> None:
    """SUM over ranges and additions are computed when the file carries no value."""
    sheet = rows(_n("A1", "2"), _n("B1", "3"), _s("C1", "x"), _n("D1", "5"), _f("F1", formula))
    other = rows(_n("A1", "7"), _s("B1", "z"))
    data = rows(_n("A1", "0"), _n("B1", "4"), _s("C1", "pad"))
    doc = read_xlsx_document(package({"S": sheet, "Other sheet": other, "Data": data}))
    assert _tables(doc)[0][0][-1] == value
    assert not doc.notes


def test_shared_and_chained_formulas_are_computed() -> None:
    """Shared formulas are translated to each cell; a formula may use another's result."""
    sheet = rows(
        _n("A1", "1"),
        _n("B1", "2"),
        ("C1", '<c r="C1"><f t="shared" ref="C1:C2" si="0">A1+B1</f></c>'),
        _n("A2", "3"),
        _n("B2", "4"),
        ("C2", '<c r="C2"><f t="shared" si="0"/></c>'),
        _f("D2", "C1+C2"),
        _s("A3", "end"),
        _n("B3", "0"),
    )
    doc = read_xlsx_document(package({"S": sheet}))
    assert _tables(doc)[0][0][2] == "3"
    assert _tables(doc)[0][1][2:] == ["7", "10"]


@pytest.mark.parametrize("formula", ["AVERAGE(A1:B1)", "A1*B1", "C1+1", "F1+1", "Nowhere!A1+1"])
def test_unknown_formulas_are_unknown_not_text(formula: str) -> None:
    """Formulas not of the summed forms, cycles and text operands give "" and a diagnostic."""
    sheet = rows(_n("A1", "2"), _n("B1", "3"), _s("C1", "x"), _f("F1", formula))
    doc = read_xlsx_document(package({"S": sheet}))
    assert _tables(doc)[0][0][-1] == ""
    assert [n.code for n in doc.notes] == ["formula-not-evaluated"]
    assert doc.notes[0].location is not None
    assert doc.notes[0].location.ref == "F1"


def test_error_cells_are_unknown() -> None:
    """An error value (#REF!) reads as an empty cell with a diagnostic."""
    sheet = rows(
        _n("A1", "2"), ("B1", '<c r="B1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'), _n("C1", "1")
    )
    doc = read_xlsx_document(package({"S": sheet}))
    assert _tables(doc) == [[["2", "", "1"]]]
    assert [n.code for n in doc.notes] == ["cell-error"]


def test_macro_workbook_reads_values_only() -> None:
    """A macro-enabled workbook is read for its values, with a note that no macro ran."""
    data = package(
        {"S": rows(_s("A1", "a"), _s("B1", "b"))},
        macro=True,
        extra={"xl/vbaProject.bin": b"\x00" * 64},
    )
    doc = read_xlsx_document(data)
    assert [n.code for n in doc.notes] == ["workbook-macros-ignored"]


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_hostile_and_foreign_files_raise_clean_errors(tmp_path: Path) -> None:
    """.xls, encrypted, DOCX, other zips, DTDs, bombs and random bytes raise GovInfoError."""
    with pytest.raises(UnsupportedFormatError, match="legacy binary Office"):
        read_xlsx(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512)
    docx = _zip({"word/document.xml": b"<w:document/>", "[Content_Types].xml": b"<Types/>"})
    with pytest.raises(UnsupportedFormatError, match="Word document"):
        read_xlsx(docx)
    with pytest.raises(UnsupportedFormatError, match="not an Excel workbook"):
        read_xlsx(_zip({"a.txt": b"hello"}))
    with pytest.raises(UnsupportedFormatError):
        read_xlsx(b"PK\x03\x04 definitely not a zip")
    with pytest.raises(UnsupportedFormatError):
        read_xlsx(b"just some text, not a workbook")
    evil = package(
        {"S": rows(_s("A1", "x"))},
        extra={
            "xl/worksheets/sheet1.xml": b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "boom">]>'
            b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b"<sheetData/></worksheet>"
        },
    )
    with pytest.raises(UnsafeInputError, match="DTD"):
        read_xlsx(evil)
    bomb = _zip({"xl/worksheets/sheet1.xml": b"<a>" + b" " * (20 << 20) + b"</a>"})
    with pytest.raises(UnsafeInputError, match="ratio"):
        read_xlsx(bomb)
    with pytest.raises(GovInfoError, match="cannot read"):
        read_xlsx(tmp_path / "missing.xlsx")


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_raise_only_govinfo_errors(data: bytes) -> None:
    """Whatever the bytes, the reader returns a result or raises a GovInfoError."""
    with contextlib.suppress(GovInfoError):
        read_xlsx(data)


@given(st.binary(min_size=1, max_size=200), st.integers(min_value=0, max_value=4000))
def test_corrupted_workbooks_raise_only_govinfo_errors(noise: bytes, at: int) -> None:
    """A real workbook with bytes overwritten raises a GovInfoError or still reads."""
    data = bytearray((FIXTURES / f"{_FIXTURES[1]}.xlsx").read_bytes())
    at = min(at, len(data) - 1)
    data[at : at + len(noise)] = noise
    with contextlib.suppress(GovInfoError):
        read_xlsx(bytes(data))


def test_paragraph_text_is_the_origin_cell() -> None:
    """A paragraph keeps its cell's text and location."""
    doc = read_xlsx_document(package({"表": rows(_s("B2", "一、总体情况"))}))
    (block,) = doc.blocks
    assert isinstance(block, Paragraph)
    assert block.text == "一、总体情况"
    assert str(block.location) == "<bytes>:表!B2"
