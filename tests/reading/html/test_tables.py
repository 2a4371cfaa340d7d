"""The HTML table algorithm: grids, covered cells, cell text and locations."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo.locations import Location
from govinfo.reading.document import Paragraph, Table
from govinfo.reading.html import read_html_document

HTML = Path(__file__).resolve().parents[2] / "data" / "html"


def _tables(markup: str) -> list[Table]:
    return [b for b in read_html_document(markup).blocks if isinstance(b, Table)]


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


def test_rowspan_and_colspan_expand_to_the_grid() -> None:
    """Covered slots repeat the origin's text and name it; the origin names nothing."""
    (table,) = _tables(
        "<table><tr><td rowspan=2>a</td><td colspan=2>b</td></tr>"
        "<tr><td>1</td><td>2</td></tr><tr><td>c</td><td>3</td><td>4</td></tr></table>"
    )
    assert _texts(table) == [["a", "b", "b"], ["a", "1", "2"], ["c", "3", "4"]]
    a, b, covered_b = table.rows[0]
    assert (a.merged_from, b.merged_from) == (None, None)
    assert covered_b.merged_from == b.location
    assert table.rows[1][0].merged_from == a.location
    assert (table.rows[1][2].location.row, table.rows[1][2].location.cell) == (2, 3)
    assert table.geometry


def test_rowspan_zero_reaches_the_end_of_its_row_group() -> None:
    """``rowspan=0`` spans the rest of its tbody, not the next one."""
    (table,) = _tables(
        "<table><tbody><tr><td rowspan=0>g</td><td>1</td></tr><tr><td>2</td></tr></tbody>"
        "<tbody><tr><td>x</td><td>3</td></tr></tbody></table>"
    )
    assert _texts(table) == [["g", "1"], ["g", "2"], ["x", "3"]]


def test_a_slot_no_cell_reaches_is_an_empty_cell() -> None:
    """A row short in the middle (rowspan above ends) keeps its columns; nothing is padded."""
    (table,) = _tables(
        "<table><tr><td>a</td><td rowspan=2>b</td><td>c</td></tr>"
        "<tr><td>1</td></tr><tr><td>x</td><td>y</td></tr></table>"
    )
    assert _texts(table) == [["a", "b", "c"], ["1", "b"], ["x", "y"]]


def test_bad_spans_are_clamped_as_browsers_do() -> None:
    """Junk spans read as 1; a colspan past the grid limit stops at it."""
    (table,) = _tables(
        "<table><tr><td colspan='x'>a</td><td rowspan='-3'>b</td><td colspan='2px'>c</td></tr>"
        "<tr><td>1</td><td>2</td><td>3</td><td>4</td></tr></table>"
    )
    assert _texts(table) == [["a", "b", "c", "c"], ["1", "2", "3", "4"]]


def test_word_cell_text() -> None:
    """Per-character paragraphs join into one word; &nbsp; is blank; <o:p>, conditional
    comments, scripts and styles are never text; digits on two lines are never joined."""
    (table,) = _tables(
        "<table><tr>"
        "<td><p class=MsoNormal><span>结</span></p><p>果</p><p>维<o:p></o:p></p><p>持</p></td>"
        "<td><p class=MsoNormal>&nbsp;<o:p>&nbsp;</o:p></p></td>"
        "<td>&nbsp;&nbsp;5<!--[if gte mso 9]>9<![endif]--><script>8</script><style>7</style></td>"
        "<td>1<br>2</td><td>商业<br>企业</td></tr><tr><td>a</td><td>b</td></tr></table>"
    )
    assert _texts(table)[0] == ["结果维持", "", "5", "1\n2", "商业\n企业"]


def test_text_beside_a_paragraph_is_a_line_of_its_own() -> None:
    """Text before or after a cell's one paragraph, or a <br> in it, starts a line."""
    (table,) = _tables(
        "<table><tr><td>a<p>b</p></td><td><p>c</p>d</td><td><p><span>e<br>f</span></p></td>"
        "<td><p><span>g</span> <font>h</font></p></td></tr><tr><td>x</td></tr></table>"
    )
    assert _texts(table)[0] == ["a\nb", "c\nd", "e\nf", "g h"]


def test_layout_tables_are_boxes_and_report_tables_inside_them_are_tables() -> None:
    """A table holding tables, or of one column, is read as its cells' content."""
    blocks = read_html_document(
        "<table><tr><td><p>一、总体情况</p></td></tr><tr><td>"
        "<table><tr><td>规章</td><td>1</td></tr><tr><td>行政规范性文件</td><td>2</td></tr></table>"
        "</td></tr></table><table><tr><td>only</td></tr><tr><td>column</td></tr></table>"
    ).blocks
    assert [type(b).__name__ for b in blocks] == ["Paragraph", "Table", "Paragraph", "Paragraph"]
    table = blocks[1]
    assert isinstance(table, Table)
    assert _texts(table) == [["规章", "1"], ["行政规范性文件", "2"]]
    assert table.rows[0][0].location.table == 1


def test_a_small_table_in_a_cell_is_that_cells_lines() -> None:
    """A header drawn as a table inside a data table's cell does not make it a layout table."""
    (table,) = _tables(
        "<table><tr><td><table><tr><td>申请人</td></tr><tr><td>情况</td></tr></table></td>"
        "<td>自然人</td><td>总计</td></tr><tr><td>（一）予以公开</td><td>1</td><td>1</td></tr>"
        "<tr><td>（二）部分公开</td><td>2</td><td>2</td></tr></table>"
    )
    assert _texts(table) == [
        ["申请人\n情况", "自然人", "总计"],
        ["（一）予以公开", "1", "1"],
        ["（二）部分公开", "2", "2"],
    ]


@pytest.mark.parametrize(
    "caption",
    [
        "<caption>第二十条第（一）项</caption>",  # the element
        "<tr><td colspan=2>第二十条第（一）项</td></tr>",  # a row of one cell spanning the table
    ],
)
def test_a_caption_becomes_a_line_before_the_rows(caption: str) -> None:
    """A table's caption, as an element or as a spanning row, is a line of text."""
    blocks = read_html_document(
        f"<table>{caption}<tr><td>规章</td><td>1</td></tr>"
        "<tr><td>行政规范性文件</td><td>2</td></tr></table>"
    ).blocks
    assert isinstance(blocks[0], Paragraph)
    assert blocks[0].text == "第二十条第（一）项"
    assert isinstance(blocks[1], Table)
    assert len(blocks[1].rows) == 2


def test_cells_carry_their_source_line() -> None:
    """A cell's location names the table, row, grid column and the line of its td."""
    (table,) = _tables(
        "<table>\n<tr><td>a</td>\n<td>1</td></tr>\n<tr><td>b</td><td>2</td></tr>\n</table>"
    )
    cell = table.rows[0][1]
    assert cell.location == Location(source="<html>", line=3, table=1, row=1, cell=2)


def test_the_real_page_grid() -> None:
    """The real page's section 三 header: 自然人 spans grid columns 4-5, 商业企业 5-6."""
    tables = _tables((HTML / "pingtan_2021.page.html").read_text(encoding="utf-8"))
    applications = next(t for t in tables if t.rows[0][0].location.table == 2)
    header, sub, first = applications.rows[1], applications.rows[2], applications.rows[3]
    assert [c.text for c in header[3:]] == ["自然人", "自然人"] + ["法人或其他组织"] * 5 + ["总计"]
    assert header[4].merged_from == header[3].location
    assert [c.text for c in sub[3:]] == [
        "",
        "商业\n企业",
        "商业\n企业",
        "科研\n机构",
        "社会公益组织",
        "法律服务机构",
        "其他",
        "总计",
    ]
    assert [c.text for c in first[3:]] == ["64", "0", "0", "0", "2", "0", "4", "70"]
    assert first[5].merged_from == first[4].location
    assert (first[3].location.row, first[3].location.cell) == (4, 4)
