"""Which part of a page is the report, and pages that hold none."""

from __future__ import annotations

import pytest
from hypothesis import given
from tests.reading.html._pages import Page, render
from tests.reading.text.test_roundtrip import carried_reports

from govinfo.errors import NotAReportError
from govinfo.model.report import AnnualReport
from govinfo.reading.document import Paragraph, Table
from govinfo.reading.html import read_html, read_html_document

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
