"""Grids are read by their geometry: issue 10's examples, and header shapes real tables use."""

from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from lxml import etree
from tests.conftest import FIXTURES

from govinfo.locations import Location
from govinfo.model.flat import flatten
from govinfo.reading.document import Cell, Document, Paragraph, Table
from govinfo.reading.docx import read_docx
from govinfo.reading.interpret import interpret
from govinfo.reading.xlsx import read_xlsx

_WORKBOOK = FIXTURES / "000_a95088fcdc73276f.xlsx"
_DISCLOSED = "applications.disclosed"


def _workbook_with(label: str, text: str | None) -> bytes:
    """The fixture workbook with the 自然人 cell of ``label``'s row set to ``text``."""
    book = openpyxl.load_workbook(_WORKBOOK)
    sheet = book.active
    assert sheet is not None
    header = next(c for row in sheet.iter_rows() for c in row if c.value == "自然人")
    row = next(c.row for r in sheet.iter_rows() for c in r if c.value == label)
    sheet.cell(row=row, column=header.column).value = text
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("text", [None, " ", "—", "/", "见附件", "二十七"])
def test_a_changed_first_value_cell_moves_no_neighbour(text: str | None) -> None:
    """Blanking the 自然人 cell of （一）予以公开 once shifted every value one column left."""
    clean = flatten(read_xlsx(_WORKBOOK).report)
    result = read_xlsx(_workbook_with("（一）予以公开", text))
    got = flatten(result.report)
    changed = {a for a in clean if got[a] != clean[a]}
    assert changed <= {f"{_DISCLOSED}.natural_person"}
    value = got[f"{_DISCLOSED}.natural_person"]
    if text == "二十七":
        assert value == 27  # what the cell prints, recorded; check() names it
        assert "value-chinese-numeral" in {d.code for d in result.diagnostics}
    elif text in ("—", "/"):
        assert value is None  # not stated: never inferred over
    else:
        # Blank or words: unknown, and then filled from the row total, recorded.
        assert value == clean[f"{_DISCLOSED}.natural_person"]
        assert f"{_DISCLOSED}.natural_person" in {f.address for f in result.inferred}


def _grid(rows: list[list[tuple[str, tuple[int, int] | None]]]) -> Table:
    """A table from rows of (text, origin) cells; origin (row, column) marks a covered cell."""
    return Table(
        rows=tuple(
            tuple(
                Cell(
                    text=text,
                    location=Location(table=1, row=r + 1, cell=c + 1),
                    merged_from=None
                    if origin is None
                    else Location(table=1, row=origin[0] + 1, cell=origin[1] + 1),
                )
                for c, (text, origin) in enumerate(row)
            )
            for r, row in enumerate(rows)
        ),
        location=Location(table=1),
    )


def _document(table: Table) -> Document:
    return Document(
        blocks=(
            Paragraph(text="某某局2021年政府信息公开工作年度报告", location=Location(line=1)),
            Paragraph(text="三、收到和处理政府信息公开申请情况", location=Location(line=2)),
            table,
        )
    )


def _spans(
    row: int, cells: list[tuple[str, int]], start: int = 0
) -> list[tuple[str, tuple[int, int] | None]]:
    """Cells of ``row`` from grid column ``start``, each text spanning its count of columns."""
    out: list[tuple[str, tuple[int, int] | None]] = []
    for text, span in cells:
        origin = (row, start + len(out))
        out.append((text, None))
        out.extend((text, origin) for _ in range(span - 1))
    return out


def test_a_header_colspan_straddling_two_data_columns_resolves() -> None:
    """As on a real web page: 自然人 spans two grid columns, the second of which lies under
    商业企业 (colspan 2) in the row below; the data cells follow the lower row."""
    header = [
        _spans(0, [("", 1), ("申请人情况", 8)]),
        _spans(1, [("", 1), ("自然人", 2), ("法人或其他组织", 5), ("总计", 1)]),
        _spans(2, [("", 1), ("", 1), ("商业企业", 2), ("科研机构", 1), ("社会公益组织", 1)])
        + _spans(2, [("法律服务机构", 1), ("其他", 1)], start=6)
        + [("总计", (1, 8))],
    ]
    label = [("一、本年新收政府信息公开申请数量", None)]
    values = [("64", 1), ("0", 2), ("0", 1), ("2", 1), ("0", 1), ("4", 1), ("70", 1)]
    rows = [*header, label + _spans(3, values, start=1)]
    got = flatten(interpret(_document(_grid(rows))).report)
    row = "applications.new_received"
    assert [got[f"{row}.{c}"] for c in ("natural_person", "commercial_enterprise", "total")] == [
        64,
        0,
        70,
    ]
    assert got[f"{row}.legal_service_org"] == 0
    assert got[f"{row}.other_org"] == 4


def test_a_data_cell_straddling_two_columns_is_unknown() -> None:
    words = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    header = [_spans(0, [(w, 1) for w in words])]
    data = [("一、本年新收政府信息公开申请数量", None)]
    data += _spans(1, [("5", 2), ("0", 1), ("0", 1), ("0", 1), ("0", 1), ("5", 1)], start=1)
    result = interpret(_document(_grid([*header, data])))
    got = flatten(result.report)
    assert got["applications.new_received.total"] == 5
    assert "cell-ambiguous" in {d.code for d in result.diagnostics}
    # The straddling cell is no column's; inference may fill what the row total determines.
    ambiguous = {d.address for d in result.diagnostics if d.code == "cell-ambiguous"}
    assert ambiguous == {
        "applications.new_received.natural_person",
        "applications.new_received.commercial_enterprise",
    }


def test_without_a_header_a_row_is_read_in_order_only_when_its_count_fits() -> None:
    full = [("一、本年新收政府信息公开申请数量", None)] + [(v, None) for v in "1000001"]
    short = [("二、上年结转政府信息公开申请数量", None)] + [(v, None) for v in "200002"]
    result = interpret(_document(_grid([full, short])))
    got = flatten(result.report)
    assert got["applications.new_received.natural_person"] == 1
    assert got["applications.new_received.total"] == 1
    assert all(
        got[f"applications.carried_over.{c}"] is None
        for c in ("natural_person", "commercial_enterprise", "other_org")
    )
    assert "row-ambiguous" in {d.code for d in result.diagnostics}


def test_figures_in_a_line_under_a_header_grid_are_read_as_text() -> None:
    """A section whose grid holds no row (a header drawn as a table, its numbers typed as a
    line of text) is read from its lines, as text is."""
    words = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"] * 3
    header = Table(
        rows=(
            tuple(
                Cell(text=w, location=Location(table=1, row=1, cell=i + 1))
                for i, w in enumerate(words)
            ),
        ),
        location=Location(table=1),
    )
    document = Document(
        blocks=(
            Paragraph(text="某某局2021年政府信息公开工作年度报告", location=Location(line=1)),
            Paragraph(text="四、政府信息公开行政复议、行政诉讼情况", location=Location(line=2)),
            header,
            Paragraph(text=" ".join(["1", "0", "0", "0", "1"] * 3), location=Location(line=3)),
        )
    )
    got = flatten(interpret(document).report)
    assert got["review_litigation.litigation_after_review.total"] == 1
    assert got["review_litigation.administrative_review.corrected"] == 0


def _docx_with(label: str, text: str) -> bytes:
    """The fixture document with the first value cell of ``label``'s row set to ``text``."""
    source = FIXTURES / "000_a95088fcdc73276f.docx"
    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(source) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = etree.fromstring(parts["word/document.xml"])
    row = next(tr for tr in root.iter(f"{w}tr") if label in "".join(tr.itertext()))
    cells = row.findall(f"{w}tc")
    first = next(i for i, tc in enumerate(cells) if "".join(tc.itertext()).strip().isdigit())
    texts = list(cells[first].iter(f"{w}t"))
    texts[0].text = text
    for extra in texts[1:]:
        extra.text = ""
    parts["word/document.xml"] = etree.tostring(root)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize("text", ["", "—", "二十七", " "])
def test_a_changed_first_value_cell_of_a_docx_moves_no_neighbour(text: str) -> None:
    """The DOCX form of the same example (table 2, row 6, cell 5)."""
    clean = flatten(read_docx(FIXTURES / "000_a95088fcdc73276f.docx").report)
    got = flatten(read_docx(_docx_with("（一）予以公开", text)).report)
    changed = {a for a in clean if got[a] != clean[a]}
    assert changed <= {f"{_DISCLOSED}.natural_person"}
    expected = {"—": None, "二十七": 27}.get(text, clean[f"{_DISCLOSED}.natural_person"])
    assert got[f"{_DISCLOSED}.natural_person"] == expected  # a blank is inferred from the total


def test_a_header_only_table_part_names_the_next_parts_columns() -> None:
    words = ["", "自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"]
    header = _grid([_spans(0, [(w, 1) for w in words])])
    data = _grid([[("一、本年新收政府信息公开申请数量", None)] + [(v, None) for v in "3000003"]])
    document = _document(header)
    document = Document(blocks=(*document.blocks, data))
    got = flatten(interpret(document).report)
    assert got["applications.new_received.natural_person"] == 3
    assert got["applications.new_received.total"] == 3
