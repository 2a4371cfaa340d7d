"""The DOCX front end turns each WordprocessingML structure into the right neutral blocks."""

from __future__ import annotations

import pytest
from lxml import etree
from tests.reading.docx._builder import (
    br,
    cr,
    custom_xml,
    deleted,
    deleted_with_t,
    document,
    docx,
    el,
    field,
    hidden,
    hyperlink,
    inline_sdt,
    inserted,
    moved_from,
    no_break_hyphen,
    p,
    package,
    r,
    ruby,
    sdt,
    simple_field,
    soft_hyphen,
    split_runs,
    sym,
    tab,
    tbl,
    tc,
    text_box,
    tr,
)

from govinfo.errors import UnsafeInputError
from govinfo.locations import Location
from govinfo.reading.document import Cell, Document, Paragraph, Table
from govinfo.reading.docx import _body
from govinfo.reading.docx._document import docx_document

SOURCE = "t.docx"


def read(*blocks: etree._Element, strict: bool = False) -> Document:
    return docx_document(docx(*blocks, strict=strict), source=SOURCE)


def texts(doc: Document) -> list[str]:
    return [b.text for b in doc.blocks if isinstance(b, Paragraph)]


def tables(doc: Document) -> list[Table]:
    return [b for b in doc.blocks if isinstance(b, Table)]


def grid(table: Table) -> list[list[str]]:
    return [[c.text for c in row] for row in table.rows]


def at(table: int, row: int, cell: int) -> Location:
    return Location(source=SOURCE, table=table, row=row, cell=cell)


# Paragraph text.


def test_blocks_come_in_document_order_through_content_controls() -> None:
    """Paragraphs and tables, also inside w:sdt and w:customXml, keep document order."""
    doc = read(
        p("一、总体情况"),
        sdt(tbl(tr(tc("a")))),
        p("二、主动公开政府信息情况"),
        custom_xml(p("inside custom xml"), tbl(tr(tc("b")))),
        sdt(sdt(p("deep"))),
    )
    kinds = [
        (type(b).__name__, b.text if isinstance(b, Paragraph) else grid(b)) for b in doc.blocks
    ]
    assert kinds == [
        ("Paragraph", "一、总体情况"),
        ("Table", [["a"]]),
        ("Paragraph", "二、主动公开政府信息情况"),
        ("Paragraph", "inside custom xml"),
        ("Table", [["b"]]),
        ("Paragraph", "deep"),
    ]


def test_paragraph_locations_name_their_xpath() -> None:
    """A paragraph's location is its path in document.xml; empty paragraphs are skipped."""
    doc = read(p("a"), p(), p("b"), sdt(p("c")))
    assert [b.location.xpath for b in doc.blocks] == [
        "/w:document/w:body/w:p[1]",
        "/w:document/w:body/w:p[3]",
        "/w:document/w:body/w:sdt[1]/w:sdtContent/w:p[1]",
    ]
    assert all(b.location.source == SOURCE for b in doc.blocks)


@pytest.mark.parametrize("cuts", [[1], [1, 2, 3], [2, 4], [5]])
def test_text_split_over_runs_reads_whole(cuts: list[int]) -> None:
    """A number spread over several runs reads as one."""
    assert texts(read(p(split_runs("共12345件", cuts)))) == ["共12345件"]


def test_runs_inside_wrappers_count() -> None:
    """Hyperlinks, inline content controls and w:ins hold real text."""
    doc = read(p(r("a"), hyperlink(r("b")), inline_sdt(r("c")), inserted(r("d"))))
    assert texts(doc) == ["abcd"]


def test_deleted_and_moved_text_does_not_count() -> None:
    """w:del (w:delText, or even w:t) and w:moveFrom are left out; the change is noted."""
    doc = read(p(r("1"), deleted("9"), deleted_with_t("8"), moved_from("7"), r("2")))
    assert texts(doc) == ["12"]
    assert [n.code for n in doc.notes] == ["docx-tracked-changes"]


def test_insertion_alone_is_noted() -> None:
    """An insertion is a tracked change too."""
    doc = read(p(inserted(r("5"))))
    assert texts(doc) == ["5"]
    assert [n.code for n in doc.notes] == ["docx-tracked-changes"]


def test_field_instruction_is_not_text_but_result_is() -> None:
    """Complex fields give their result, never their instruction; fldSimple gives its result."""
    doc = read(p("合计", field(" =SUM(LEFT) \\# 0 ", "42"), "件"), p(simple_field("PAGE", "3")))
    assert texts(doc) == ["合计42件", "3"]


def test_nested_field_and_field_across_paragraphs() -> None:
    """A field inside another's instruction is hidden; a field may span paragraphs."""
    begin, instr, separate, result, end = field(" IF ", "shown")
    inner = field(" MERGEFIELD x ", "inner")
    doc = read(
        p("a", begin, instr, *inner, separate, result),
        p("still result"),
        p(end, "b"),
    )
    assert texts(doc) == ["ashown", "still result", "b"]


def test_table_of_contents_is_left_out() -> None:
    """A TOC field's result repeats headings; it is skipped and noted."""
    begin, instr, separate, result, end = field(' TOC \\o "1-3" ', "一、总体情况 1")
    doc = read(p(begin, instr, separate, result), p("二、主动公开 2"), p(end), p("一、总体情况"))
    assert texts(doc) == ["一、总体情况"]
    assert "docx-table-of-contents" in [n.code for n in doc.notes]


def test_special_characters() -> None:
    """Breaks, tabs, hyphens and symbols become characters; tab stops and soft hyphens do not."""
    doc = read(
        p(
            r("a"),
            br(),
            r("b"),
            cr(),
            tab(),
            r("c"),
            no_break_hyphen(),
            r("d"),
            soft_hyphen(),
            sym("F0B7"),
            sym("2713"),
            sym("zz"),
            sym("0001"),
        )
    )
    assert texts(doc) == ["a\nb\n\tc-d·✓"]


def test_ruby_reads_its_base_not_its_guide() -> None:
    """Phonetic guides (w:rt) over ruby text are not text; the base is."""
    assert texts(read(p(r("条"), ruby("例", "lì"), r("规定")))) == ["条例规定"]


def test_hidden_text_is_not_read() -> None:
    """Runs formatted w:vanish are not text (w:val="0" un-hides); fields in them still count."""
    begin, instr, separate, result, end = field(" PAGE ", "7")
    hidden_begin = el("r", el("rPr", el("vanish")), begin[0])
    doc = read(
        p(r("a"), hidden("隐藏"), hidden("b", "0"), hidden("c", "true")),
        p(hidden_begin, instr, separate, result, end, r("d")),
    )
    assert texts(doc) == ["ab", "7d"]


def test_placeholder_content_controls_are_not_read() -> None:
    """A content control still showing its placeholder holds no text of the report."""
    doc = read(
        p(r("a"), inline_sdt(r("单击此处输入文字"), placeholder=True), r("b")),
        sdt(p("点击或点按此处输入文字。"), placeholder=True),
        tbl(tr(tc(r("1"), inline_sdt(r("x"), placeholder=True)))),
    )
    assert texts(doc) == ["ab"]
    assert grid(tables(doc)[0]) == [["1"]]


def test_text_box_is_read_once_after_its_paragraph() -> None:
    """A text box in mc:AlternateContent is read from one branch, after the anchoring paragraph."""
    doc = read(p("before", text_box(p("在框内"), p("第二段")), "after"), p("next"))
    assert texts(doc) == ["beforeafter", "在框内", "第二段", "next"]
    assert "docx-text-box" in [n.code for n in doc.notes]


def test_vml_text_box_and_table_in_text_box() -> None:
    """A VML-only text box is read too, tables inside it included."""
    doc = read(p(text_box(p("框"), tbl(tr(tc("1"), tc("2"))), alternate=False)))
    assert texts(doc) == ["框"]
    assert [grid(t) for t in tables(doc)] == [[["1", "2"]]]


def test_text_box_in_a_cell_joins_the_cell_text() -> None:
    """Inside a table cell, a text box's paragraphs are part of the cell's text."""
    doc = read(tbl(tr(tc(r("a"), text_box(p("b"))))))
    assert grid(tables(doc)[0]) == [["a\nb"]]


def test_paragraphs_in_a_cell_join_with_newlines() -> None:
    """A cell's paragraphs are lines of its text; empty ones drop out."""
    doc = read(tbl(tr(tc(p("商业"), p(), p("企业")))))
    assert grid(tables(doc)[0]) == [["商业\n企业"]]


# Tables.


def test_cells_carry_table_row_and_grid_column() -> None:
    """Each cell's location is its table number, row number and grid column."""
    doc = read(tbl(tr(tc("a"), tc("b")), tr(tc("c"), tc("d"))), tbl(tr(tc("e"))))
    first, second = tables(doc)
    assert first.location == Location(source=SOURCE, table=1, xpath="/w:document/w:body/w:tbl[1]")
    assert second.rows[0][0].location == at(2, 1, 1)
    assert first.rows[1][1] == Cell(text="d", location=at(1, 2, 2))


def test_grid_span_repeats_the_origin() -> None:
    """A cell spanning three grid columns is followed by two covered copies."""
    doc = read(tbl(tr(tc("行政许可"), tc("2800", span=3))))
    row = tables(doc)[0].rows[0]
    assert [c.text for c in row] == ["行政许可", "2800", "2800", "2800"]
    assert [c.merged_from for c in row] == [None, None, at(1, 1, 2), at(1, 1, 2)]
    assert [c.location.cell for c in row] == [1, 2, 3, 4]


def test_vertical_merge_repeats_the_origin_down() -> None:
    """vMerge continue cells take the text and location of the restart cell above."""
    doc = read(
        tbl(
            tr(tc("三、本年度办理结果", vmerge="restart"), tc("（一）予以公开", span=2), tc("1")),
            tr(
                tc(vmerge="continue"),
                tc("（三）不予公开", vmerge="restart"),
                tc("1.属于国家秘密"),
                tc("0"),
            ),
            tr(
                tc(vmerge="continue"),
                tc(vmerge="continue"),
                tc("2.其他法律行政法规禁止公开"),
                tc("3"),
            ),
        )
    )
    table = tables(doc)[0]
    assert grid(table) == [
        ["三、本年度办理结果", "（一）予以公开", "（一）予以公开", "1"],
        ["三、本年度办理结果", "（三）不予公开", "1.属于国家秘密", "0"],
        ["三、本年度办理结果", "（三）不予公开", "2.其他法律行政法规禁止公开", "3"],
    ]
    assert table.rows[2][0].merged_from == at(1, 1, 1)
    assert table.rows[2][1].merged_from == at(1, 2, 2)
    assert table.rows[1][2].merged_from is None


def test_vertical_merge_of_a_spanning_cell() -> None:
    """A merge both across and down covers every grid column it spans, in every row."""
    doc = read(
        tbl(
            tr(tc("note", span=3, vmerge="restart"), tc("申请人情况")),
            tr(tc(span=3, vmerge="continue"), tc("自然人")),
        )
    )
    table = tables(doc)[0]
    assert grid(table) == [["note"] * 3 + ["申请人情况"], ["note"] * 3 + ["自然人"]]
    assert {c.merged_from for c in table.rows[1][:3]} == {at(1, 1, 1)}


def test_continue_without_an_origin_stands_alone() -> None:
    """A vMerge continue with nothing above keeps its own (empty) text."""
    doc = read(
        tbl(
            tr(tc("x", vmerge="continue"), tc("y")),
            tr(tc("a"), tc("b"), tc("c", vmerge="continue")),
        )
    )
    table = tables(doc)[0]
    assert grid(table) == [["x", "y"], ["a", "b", "c"]]
    assert all(c.merged_from is None for row in table.rows for c in row)


def test_horizontal_merge() -> None:
    """Legacy w:hMerge continue cells are covered by the cell to their left."""
    doc = read(tbl(tr(tc("a", hmerge="restart"), tc(hmerge="continue"), tc("b"))))
    row = tables(doc)[0].rows[0]
    assert [c.text for c in row] == ["a", "a", "b"]
    assert row[1].merged_from == at(1, 1, 1)


def test_grid_before_and_after() -> None:
    """gridBefore adds empty cells so indices stay grid columns; gridAfter adds nothing."""
    doc = read(tbl(tr(tc("a"), tc("b"), tc("c")), tr(tc("x"), grid_before=1, grid_after=1)))
    table = tables(doc)[0]
    assert grid(table) == [["a", "b", "c"], ["", "x"]]
    assert table.rows[1][1].location == at(1, 2, 2)


def test_rows_and_cells_in_content_controls() -> None:
    """Rows and cells wrapped in content controls belong to their table."""
    doc = read(tbl(tr(tc("a")), sdt(tr(tc("b"), sdt(tc("c"))))))
    assert grid(tables(doc)[0]) == [["a"], ["b", "c"]]


def test_deleted_rows_and_cells_are_left_out_but_keep_numbering() -> None:
    """A tracked-deleted row or cell is not read; later rows keep their position numbers."""
    doc = read(tbl(tr(tc("a")), tr(tc("gone"), deleted=True), tr(tc("b"), tc("x", deleted=True))))
    table = tables(doc)[0]
    assert grid(table) == [["a"], ["b"]]
    assert table.rows[1][0].location == at(1, 3, 1)


def test_nested_table_rows_follow_the_row_that_holds_them() -> None:
    """A nested table's rows are spliced in after its row and keep their own locations."""
    inner = tbl(tr(tc("1.属于国家秘密"), tc("0")), tr(tc("2.其他"), tc("5")))
    doc = read(
        tbl(tr(tc("head"), tc("h2")), tr(tc("（三）不予公开"), tc(inner)), tr(tc("end"), tc("9")))
    )
    (table,) = tables(doc)
    assert grid(table) == [
        ["head", "h2"],
        ["（三）不予公开", ""],
        ["1.属于国家秘密", "0"],
        ["2.其他", "5"],
        ["end", "9"],
    ]
    assert table.rows[3][1].location == at(2, 2, 2)
    assert table.rows[4][0].location == at(1, 3, 1)
    (note,) = [n for n in doc.notes if n.code == "docx-nested-table"]
    assert note.location == Location(source=SOURCE, table=2)


def test_layout_wrapper_row_is_dropped() -> None:
    """A row that only held a nested table adds nothing of its own."""
    inner = tbl(tr(tc("a"), tc("1")))
    doc = read(tbl(tr(tc(inner))))
    assert grid(tables(doc)[0]) == [["a", "1"]]


def test_caption_row_becomes_a_paragraph_between_two_tables() -> None:
    """A row whose one cell spans the row is a line of text: a heading drawn in a table."""
    doc = read(
        tbl(
            tr(tc("（七）总计"), tc("1"), tc("2")),
            tr(tc("四、政府信息公开行政复议、行政诉讼情况", span=3)),
            tr(tc("行政复议"), tc("0"), tc("0")),
        )
    )
    first, caption, second = doc.blocks
    assert isinstance(first, Table)
    assert isinstance(second, Table)
    assert (grid(first), grid(second)) == ([["（七）总计", "1", "2"]], [["行政复议", "0", "0"]])
    assert caption == Paragraph(text="四、政府信息公开行政复议、行政诉讼情况", location=at(1, 2, 1))
    assert first.location.table == second.location.table == 1
    assert second.rows[0][0].location == at(1, 3, 1)


def test_caption_row_of_a_nested_table_is_cut_at_the_top() -> None:
    """A caption row inside a nested table still ends up a paragraph of the body."""
    inner = tbl(tr(tc("a"), tc("1")), tr(tc("四、标题", span=2)), tr(tc("b"), tc("2")))
    doc = read(tbl(tr(tc(inner))))
    assert [type(x).__name__ for x in doc.blocks] == ["Table", "Paragraph", "Table"]
    assert doc.blocks[1] == Paragraph(text="四、标题", location=at(2, 2, 1))


def test_split_table_stays_two_tables() -> None:
    """A table split by a page break is two Table blocks with consecutive numbers."""
    doc = read(
        tbl(tr(tc("h"), header=True), tr(tc("1"))), p(), tbl(tr(tc("h"), header=True), tr(tc("2")))
    )
    first, second = tables(doc)
    assert (grid(first), grid(second)) == ([["h"], ["1"]], [["h"], ["2"]])
    assert second.rows[1][0].location == at(2, 2, 1)


# Packages and limits.


def test_strict_ooxml_namespace() -> None:
    """Strict Open XML documents read like transitional ones."""
    doc = read(p("一、总体情况"), tbl(tr(tc("a", span=2), tc("b"))), strict=True)
    assert texts(doc) == ["一、总体情况"]
    assert grid(tables(doc)[0]) == [["a", "a", "b"]]


def test_main_part_under_another_name() -> None:
    """A main part not at word/document.xml is found through _rels/.rels and noted."""
    data = package(document(p("x")), part="word/document2.xml")
    doc = docx_document(data, source=SOURCE)
    assert texts(doc) == ["x"]
    assert [n.code for n in doc.notes] == ["docx-main-part"]


def test_document_without_body_has_no_blocks() -> None:
    """A w:document with no w:body reads as an empty document."""
    xml = b'<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>'
    assert docx_document(package(xml), source=SOURCE).blocks == ()


def test_huge_spans_are_clamped() -> None:
    """A gridSpan beyond any real table is cut to the grid limit, and junk values read as 1."""
    doc = read(tbl(tr(tc("x"), tc("a", span=10**9), tc("b")), tr(tc("c", span=-4))))
    table = tables(doc)[0]
    assert len(table.rows[0]) == _body.MAX_GRID_COLUMNS
    assert grid(table)[1] == ["c"]


def test_cell_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tables that expand past the cell budget are refused as unsafe."""
    monkeypatch.setattr(_body, "MAX_CELLS", 10)
    with pytest.raises(UnsafeInputError, match="cells"):
        read(tbl(*(tr(tc("a", span=4)) for _ in range(3))))


def test_nesting_limit() -> None:
    """Tables nested deeper than the limit are refused as unsafe."""
    inner = tbl(tr(tc("x")))
    for _ in range(_body.MAX_NESTING + 1):
        inner = tbl(tr(tc(inner)))
    with pytest.raises(UnsafeInputError, match="nested"):
        read(inner)
