"""The DOCX fixtures as LibreOffice saves them as web pages, plain and dressed as real sites."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govinfo.model import flatten
from govinfo.reading.html import read_html

HTML = Path(__file__).resolve().parents[2] / "data" / "html"
PAGES = sorted(p.name for p in HTML.glob("0*.*htm*"))

_CHROME = (
    "<div class=header><ul>{menu}</ul></div>"
    "<div class=crumb>当前位置：<a href='/'>首页</a> &gt; <a href='/zwgk'>政务公开</a> &gt; "
    "<a href='/nb'>政府信息公开年报</a></div>"
    "<table width=100%><tr><td class=side><ul>{side}</ul></td><td class=main>{box}{body}"
    "<div class=fj>附件：<a href='/f.doc'>年报.doc</a></div></td></tr></table>"
    "<div class=footer><p><a href='/a'>关于我们</a>|<a href='/m'>网站地图</a></p>"
    "<p>版权所有：某某市人民政府办公室 备案号：00000000号</p></div>"
)
# The 索引号/发文机关 box above a disclosure page's article: label：value pairs with digits.
_BOX = (
    "<table class=xxgk><tr><td>索引号：</td><td>11350128MB0000000X/2022-00012</td>"
    "<td>主题分类：</td><td>其他</td></tr><tr><td>发文机关：</td><td>某某市人民政府办公室</td>"
    "<td>成文日期：</td><td>2022-01-28</td></tr><tr><td>标题：</td>"
    "<td colspan=3>某某2021年度政府信息公开工作年度报告</td></tr></table>"
)
_MENU = "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(12))
_SIDE = "".join(
    f"<li><a href='/n/{i}'>某某局{2010 + i}年度政府信息公开工作年度报告</a></li>" for i in range(8)
)


def _stem(name: str) -> str:
    return name.split(".", maxsplit=1)[0]


def _check(result: Any, want: dict[str, Any]) -> None:
    report = result.report
    assert (report.organ, report.year, str(report.template.id)) == (
        want["organ"],
        want["year"],
        want["template"],
    )
    got = flatten(report)
    assert {address: got.get(address) for address in want["cells"]} == want["cells"]
    assert {a for a, v in got.items() if v is not None} <= set(want["cells"])


def test_there_are_pages() -> None:
    """Four Writer pages and two XHTML pages of the fixtures are present."""
    assert len(PAGES) == 6


@pytest.mark.parametrize("name", PAGES)
def test_page_reads_exactly(name: str, expected: Callable[[str], dict[str, Any]]) -> None:
    """Every cell, the organ, the year and the template match the fixture's expected file."""
    result = read_html(HTML / name)
    _check(result, expected(_stem(name)))
    where = result.locations["applications.new_received.natural_person"]
    assert (where.table, where.row, where.cell) == (2, 4, 4)
    assert where.line is not None


def _dressed(name: str, codec: str, meta: bool) -> bytes:
    page = (HTML / name).read_text(encoding="utf-8")
    page = re.sub(r"<meta[^>]*charset[^>]*>", "", page, flags=re.IGNORECASE)
    page = re.sub(r"<\?xml[^>]*>", "", page)
    body = re.search(r"<body[^>]*>(.*)</body>", page, re.DOTALL)
    assert body is not None
    dressed = _CHROME.format(menu=_MENU, side=_SIDE, box=_BOX, body=body.group(1))
    head = "<meta http-equiv=Content-Type content='text/html; charset=gb2312'>" if meta else ""
    title = "<title>某某市人民政府门户网站</title>"
    markup = f"<html><head>{head}{title}</head><body>{dressed}</body></html>"
    return markup.encode(codec, errors="xmlcharrefreplace")


@pytest.mark.parametrize("name", [p for p in PAGES if p.endswith(".soffice.html")])
@pytest.mark.parametrize(("codec", "meta"), [("utf-8", False), ("gbk", True), ("gbk", False)])
def test_page_in_site_chrome_reads_exactly(
    name: str, codec: str, meta: bool, expected: Callable[[str], dict[str, Any]]
) -> None:
    """Menus, a breadcrumb, a sidebar of other reports' titles, the 索引号 box, an attachment
    link and a footer around the report, in GBK with or without a meta tag: nothing of the chrome
    becomes the title or the organ, and every cell reads."""
    result = read_html(_dressed(name, codec, meta), name="page.html")
    _check(result, expected(_stem(name)))
    assert "html-content" in {d.code for d in result.diagnostics}
