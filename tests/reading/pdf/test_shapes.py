"""The shapes real PDFs take, drawn as pages: each read as what it is."""

from __future__ import annotations

from govinfo.reading.document import Paragraph, Table
from govinfo.reading.pdf._document import pdf_document
from govinfo.reading.pdf._shapes import Char, PageContent, Segment

_WIDTH = 10.0  # every drawn character is 10 points wide and 14 high


def _chars(text: str, x: float, top: float) -> list[Char]:
    return [
        Char(ch, x + _WIDTH * i, top, x + _WIDTH * (i + 1), top + 14) for i, ch in enumerate(text)
    ]


def _grid(xs: list[float], ys: list[float], *, top: bool = True) -> list[Segment]:
    rows = ys if top else ys[1:]
    return [Segment(xs[0], y, xs[-1], y) for y in rows] + [Segment(x, ys[0], x, ys[-1]) for x in xs]


def _table(rows: list[list[str]], xs: list[float], top: float) -> tuple[list[Char], list[float]]:
    ys = [top + 24 * k for k in range(len(rows) + 1)]
    chars = [
        char
        for r, row in enumerate(rows)
        for c, text in enumerate(row)
        for char in _chars(text, xs[c] + 3, ys[r] + 5)
    ]
    return chars, ys


def _page(number: int, chars: list[Char], segments: list[Segment]) -> PageContent:
    return PageContent(number, 595.0, 842.0, tuple(chars), tuple(segments), 0)


def _texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


XS = [50.0, 250.0, 300.0, 350.0]


def test_missing_top_rule_is_implied() -> None:
    """Column rules that start above the first horizontal rule: the top row is still read."""
    chars, ys = _table([["规章", "1", "2"], ["行政规范性文件", "3", "4"]], XS, 100)
    document = pdf_document([_page(1, chars, _grid(XS, ys, top=False))], source="x.pdf")
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert _texts(table) == [["规章", "1", "2"], ["行政规范性文件", "3", "4"]]


def test_bordered_text_frame_is_paragraphs() -> None:
    """A box drawn around running text is not a table: one-column rows are paragraphs."""
    chars = _chars("本报告由办公室编制。", 60, 105)
    frame = [
        Segment(50, 100, 500, 100),
        Segment(50, 130, 500, 130),
        Segment(50, 100, 50, 130),
        Segment(500, 100, 500, 130),
    ]
    document = pdf_document([_page(1, chars, frame)], source="x.pdf")
    assert [type(b) for b in document.blocks] == [Paragraph]
    assert document.blocks[0].text == "本报告由办公室编制。"


def test_page_numbers_in_margins_are_dropped() -> None:
    """-1-, — 2 —, 第3页 and 4/6 alone in a margin go; a figure in the body stays."""
    pages = [
        _page(
            number + 1,
            [*_chars(f"正文第{number}行。", 72, 100), *_chars(footer, 280, 800 if number else 20)],
            [],
        )
        for number, footer in enumerate(["-1-", "— 2 —", "第3页", "4/6"])
    ]
    pages.append(_page(5, _chars("12", 72, 400) + _chars("长" * 40, 72, 420), []))
    document = pdf_document(pages, source="x.pdf")
    texts = [b.text for b in document.blocks]
    assert texts == [*(f"正文第{n}行。" for n in range(4)), "12", "长" * 40]


def test_lines_join_into_paragraphs() -> None:
    """An indented first line and full lines make one paragraph; a short line ends it."""
    chars = (
        _chars("一、总体情况", 92, 100)
        + _chars("　" * 0 + "二" * 40, 92, 120)
        + _chars("三" * 42, 72, 140)
        + _chars("四四。", 72, 160)
        + _chars("五" * 40, 92, 180)
    )
    document = pdf_document([_page(1, chars, [])], source="x.pdf")
    assert [b.text for b in document.blocks] == [
        "一、总体情况",
        "二" * 40 + "三" * 42 + "四四。",
        "五" * 40,
    ]


def test_a_row_cut_by_the_page_is_one_row() -> None:
    """4.保护第三 | 方合法权益 with empty value cells on the next page: one row, values kept."""
    first, ys1 = _table([["项目", "甲", "乙"], ["4.保护第三", "6", "0"]], XS, 740)
    second, ys2 = _table([["方合法权益", "", ""], ["5.属于三类", "7", "1"]], XS, 60)
    pages = [
        _page(1, first, _grid(XS, ys1)),
        _page(2, second, _grid(XS, ys2)),
    ]
    document = pdf_document(pages, source="x.pdf")
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert _texts(table) == [
        ["项目", "甲", "乙"],
        ["4.保护第三\n方合法权益", "6", "0"],
        ["5.属于三类", "7", "1"],
    ]
    assert any(n.code == "pdf-row-cut" for n in document.notes)


def test_a_header_alone_at_the_page_bottom_joins_its_rows() -> None:
    """A table whose only row (its header) sits at the page bottom continues on the next."""
    first, ys1 = _table([["信息内容", "甲", "乙"]], XS, 790)
    second, ys2 = _table([["行政处罚", "5", "6"], ["行政强制", "7", "8"]], XS, 60)
    pages = [_page(1, first, _grid(XS, ys1)), _page(2, second, _grid(XS, ys2))]
    document = pdf_document(pages, source="x.pdf")
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert _texts(table) == [
        ["信息内容", "甲", "乙"],
        ["行政处罚", "5", "6"],
        ["行政强制", "7", "8"],
    ]
    assert [row[1].location.page for row in table.rows] == [1, 2, 2]


def test_tables_with_other_columns_are_not_joined() -> None:
    """Column edges that disagree: two tables, even on consecutive pages."""
    first, ys1 = _table([["信息内容", "甲", "乙"]], XS, 790)
    other = [50.0, 150.0, 300.0, 350.0]
    second, ys2 = _table([["行政处罚", "5", "6"]], other, 60)
    pages = [_page(1, first, _grid(XS, ys1)), _page(2, second, _grid(other, ys2))]
    document = pdf_document(pages, source="x.pdf")
    assert len([b for b in document.blocks if isinstance(b, Table)]) == 2


def test_a_figure_across_a_ruling_is_not_read() -> None:
    """Digits printed across a column rule: the cell is unknown ('?') with an error."""
    chars, ys = _table([["规章", "", ""]], XS, 100)
    chars += _chars("1234", 230, 105)  # 12 left of the rule at x=250, 34 right of it
    document = pdf_document([_page(1, chars, _grid(XS, ys))], source="x.pdf")
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert _texts(table)[0][:2] == ["?", "?"] or "?" in _texts(table)[0]
    assert any(n.code == "pdf-cell-unplaced" for n in document.notes)
