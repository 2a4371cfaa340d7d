"""Which part of a page is the report, and pages that hold none."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from hypothesis import given
from tests.reading.html._pages import Page, render
from tests.reading.text.test_roundtrip import carried_reports

from govinfo.errors import NotAReportError
from govinfo.model.report import AnnualReport
from govinfo.reading.document import Paragraph, Table
from govinfo.reading.html import read_html, read_html_document
from govinfo.reading.text import read_text

REPORTS = Path(__file__).resolve().parents[3] / "examples" / "reports"

_MENU = "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(10))


@given(carried_reports())
def test_chrome_never_becomes_text(report: AnnualReport) -> None:
    """Menus, the breadcrumb trail and link lists are left out; the title from outside the
    report block comes first."""
    page = Page(chrome=True, title_outside=True, print_copy=True)
    document = read_html_document(render(report, page))
    lines = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert not any("当前位置" in line or "首页" in line or "相关链接" in line for line in lines)
    assert report.title is not None
    assert report.title in "".join(lines[:2])
    codes = {n.code for n in document.notes}
    assert {"html-content", "html-title-outside"} <= codes


@given(carried_reports())
def test_a_print_copy_of_a_table_is_read_once(report: AnnualReport) -> None:
    """The same table twice on the page (a print view inside the report block) is one table."""
    markup = render(report, Page()).decode()
    start = markup.index("<div align=center><table", markup.index("三、"))
    end = markup.index("</table></div>", start) + len("</table></div>")
    doubled = markup[:end] + markup[start:end] + markup[end:]
    document = read_html_document(doubled)
    assert sum(isinstance(b, Table) for b in document.blocks) == sum(
        isinstance(b, Table) for b in read_html_document(markup).blocks
    )
    assert "html-duplicate-table" in {n.code for n in document.notes}
    assert read_html(doubled).report == report


def test_a_list_page_is_not_a_report() -> None:
    """A column page listing reports says it is a list of links."""
    items = "".join(
        f"<li><a href='/n/{i}.html'>某某局{2010 + i}年度政府信息公开工作年度报告</a>"
        f"<span>2022-01-{i + 10}</span></li>"
        for i in range(12)
    )
    body = f"<ul>{_MENU}</ul><ul>{items}</ul>"
    page = f"<html><head><title>年报</title></head><body>{body}</body></html>"
    with pytest.raises(NotAReportError, match="list or index of pages"):
        read_html(page.encode())


def test_an_error_page_is_not_a_report() -> None:
    """A 404 page says it is an error or empty page."""
    page = "<html><head><title>404</title></head><body><h1>404 页面不存在</h1></body></html>"
    with pytest.raises(NotAReportError, match="error or empty page"):
        read_html(page.encode())


def test_an_empty_page_is_not_a_report() -> None:
    """Nothing at all is not a report either."""
    with pytest.raises(NotAReportError, match="empty"):
        read_html(b"   ")


def test_anchors_around_headings_are_not_links() -> None:
    """Word wraps headings in <a name=_Toc…>: they stay text."""
    blocks = read_html_document("<p><a name='_Toc1'>一、总体情况</a></p>").blocks
    assert [b.text for b in blocks if isinstance(b, Paragraph)] == ["一、总体情况"]


def test_article_info_lines_do_not_stand_for_a_title() -> None:
    """Source and date lines (with a colon) above the report still let the page title in."""
    page = (
        "<html><head><title>某某局2021年度政府信息公开工作年度报告_年报_某某网</title></head><body>"
        f"<ul>{_MENU}</ul><div class=art><p>来源：某某局</p><p>发布时间：2022-01-30</p>"
        "<p>根据《中华人民共和国政府信息公开条例》规定，编制本报告。</p><p>一、总体情况</p>"
        "<table><tr><td>规章</td><td>1</td></tr><tr><td>行政规范性文件</td><td>2</td></tr></table>"
        "</div></body></html>"
    )
    document = read_html_document(page)
    first = document.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text == "某某局2021年度政府信息公开工作年度报告"


def test_a_prose_report_in_site_chrome_reads_as_its_text() -> None:
    """A pre-2019 report (no tables) on a page with menus reads as its text does."""
    seed = REPORTS / "003_177e9577cd498f96.txt"
    lines = seed.read_text(encoding="utf-8").splitlines()
    body = "".join(f"<p>{html.escape(line)}</p>" for line in lines if line.strip())
    page = (
        f"<html><head><title>年报</title></head><body><ul>{_MENU}</ul>"
        f"<div class=content>{body}</div><div class=footer><a href=/a>关于我们</a></div>"
        "</body></html>"
    )
    data = page.encode("gbk", errors="xmlcharrefreplace")
    assert read_html(data).report == read_text(seed).report


def test_a_side_list_of_dated_links_is_not_the_report() -> None:
    """A table of related articles with dates is neither an anchor nor read as a table."""
    side = "".join(
        f"<tr><td><a href='/n/{i}'>关于印发第{i}号文件的通知</a></td><td>2022-01-{i + 10}</td></tr>"
        for i in range(8)
    )
    report = (
        "<p>某某局2021年度政府信息公开工作年度报告</p><p>一、总体情况</p>"
        + "<p>本机关认真贯彻落实条例，推进政务公开工作。</p>" * 8
        + "<p>二、主动公开政府信息情况</p><table><tr><td>规章</td><td>1</td></tr>"
        "<tr><td>行政规范性文件</td><td>2</td></tr></table>"
    )
    page = (
        f"<html><body><ul>{_MENU}</ul><div class=wrap><div class=side><table>{side}</table>"
        f"</div><div class=content>{report}</div></div></body></html>"
    )
    document = read_html_document(page)
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for t in tables for row in t.rows] == [
        ["规章", "1"],
        ["行政规范性文件", "2"],
    ]
    first = document.blocks[0]
    assert isinstance(first, Paragraph)
    assert first.text == "某某局2021年度政府信息公开工作年度报告"


def test_the_real_page_reads_only_its_article() -> None:
    """The real page: the article block is read, its title taken from the title div above it,
    and nothing of the menus, share buttons, tabs or footer is in the document."""
    page = Path(__file__).resolve().parents[2] / "data" / "html" / "pingtan_2021.page.html"
    document = read_html_document(page)
    lines = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    assert lines[0] == "平潭综合实验区2021年度政府信息公开工作年度报告"
    assert lines[1].startswith("根据《中华人民共和国政府信息公开条例》")
    assert lines[-1] == "2021年，无收取信息处理费情况。"
    chrome = ("首页", "政务公开", "全真版", "文件下载", "相关链接", "扫一扫", "版权所有", "微信")
    assert not [line for line in lines if any(word in line[:12] for word in chrome)]
    notes = {n.code: n for n in document.notes}
    assert notes["html-title-outside"].location is not None
    assert "article_content" not in notes["html-content"].message  # an XPath, not a class
    assert sum(isinstance(b, Table) for b in document.blocks) == 6  # 二 in 4 pieces, 三, 四


def test_a_bare_page_without_a_title_line_takes_its_title_element() -> None:
    """A page that is only the report, starting at 一、, is titled by its <title>."""
    page = (
        "<html><head><title>某某局2021年度政府信息公开工作年度报告</title></head><body>"
        "<p>一、总体情况</p><p>本机关认真贯彻落实条例。</p></body></html>"
    )
    blocks = read_html_document(page).blocks
    assert next(b.text for b in blocks if isinstance(b, Paragraph)) == (
        "某某局2021年度政府信息公开工作年度报告"
    )
    assert read_html(page).report.organ == "某某局"
