"""Render a text report as a crawler stores a web page: header lines, then ONE line."""

from __future__ import annotations

_HEADER = (
    "标题: {title}\n发布时间: 2022-02-08 16:34\n栏目: 政府信息公开年报\n"
    "原文链接: https://www.example.gov.cn/zwgk/t20220208_1.htm\n"
    "==================== 正文 ====================\n"
)
_CHROME_BEFORE = (
    "当前位置： 首页政务公开政府信息公开年报 {title} 来源：某市人民政府 时间：2022-02-08 16:34 "
)
_CHROME_AFTER = " 附件下载"


def one_line(text: str, *, cell_sep: str = "", line_sep: str = "", header: bool = True) -> str:
    """The text's lines on one line: cells joined by ``cell_sep``, lines by ``line_sep``.

    The first line is the title. With ``header`` the crawler's header lines and the page's
    navigation come first, and a link after the report.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    # The page's title: the top lines up to the one that names the report.
    end = next((i for i, line in enumerate(lines[:3]) if "报告" in line or "总结" in line), 0)
    title = "".join(line.strip() for line in lines[: end + 1])
    body = line_sep.join(
        cell_sep.join(c.strip() for c in line.split("\t")) for line in lines[end + 1 :]
    )
    if not header:
        return title + " " + body + "\n"
    return (
        _HEADER.format(title=title)
        + _CHROME_BEFORE.format(title=title)
        + body
        + _CHROME_AFTER
        + "\n"
    )
