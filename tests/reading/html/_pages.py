"""Reports drawn as web pages, in the shapes real report pages take.

Strategy: the words and numbers come from ``write_text`` (the canonical text, whose labels come
from the model's metadata), as in the DOCX layouts; this module only decides the markup: how
each table is spanned (rowspan group columns, the official header blocks, the misaligned
section 三 header of a real 2021 page), how a cell's text is cut (one ``<p>`` per character,
Word's ``<p class=MsoNormal><span style='mso-…'>…<o:p>``), blank and ``&nbsp;`` cells, layout
tables around the report, site chrome (menus, a breadcrumb trail, related links, footer, a
print-view copy of a table, the title outside the report block) and the encoding.
"""

from __future__ import annotations

import codecs
import html

import attrs
from hypothesis import strategies as st

from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.templates import LABEL
from govinfo.writing.text import write_text

__all__ = ["ENCODINGS", "Page", "pages", "render"]

_HEADINGS = [field.metadata[LABEL] for field in attrs.fields(Narrative)]
# Words the official tables print that the canonical text has no line for (from the fixtures).
_RESULTS_GROUP = "三、本年度办理结果"
_SUBGROUPS = ["（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]
_ORGANISATIONS = "法人或其他组织"

#: How a page's bytes are made: (codec, charset label in a meta tag or None, byte-order mark).
ENCODINGS = {
    "utf-8": ("utf-8", "utf-8", False),
    "utf-8-bare": ("utf-8", None, False),
    "utf-8-bom": ("utf-8", None, True),
    "utf-8-viewport": ("utf-8", "viewport", False),
    "gbk": ("gbk", "gb2312", False),
    "gbk-bare": ("gbk", None, False),
    "gb18030": ("gb18030", "GBK", False),
}


@attrs.frozen
class Page:
    """How one report is drawn as a web page."""

    encoding: str = "utf-8"
    chrome: bool = False  # menus, breadcrumb, related links and footer around the report
    title_outside: bool = False  # with chrome: the title in an article-title div above
    layout_table: bool = False  # the page laid out by a table: menu cell, content cell
    wrap_tables: bool = False  # each report table inside a one-cell layout table
    per_character: bool = False  # short labels as one <p> (or <br>) per character
    word: bool = False  # Word-exported markup: MsoNormal, mso styles, <o:p>, &nbsp; values
    blank_zeros: bool = False  # zero values as &nbsp; cells (in rows that state a non-zero)
    misaligned: bool = False  # section 三's header spans as on a real 2021 page
    group_column: str = "merged"  # "merged" (rowspan), "none" (flat labels)
    review_header: str = "official"  # or "flat"
    print_copy: bool = False  # a print view repeating section 三's table after the report
    thead: bool = False  # header rows in <thead>, data in <tbody>
    th: bool = False  # label cells as <th>
    split_proactive: bool = False  # section 二 as four tables, each after its caption line
    headings: str = "p"  # section headings as <p>, <p><strong>…</strong></p> or <h2>
    blank_column: bool = False  # every table row opens with an empty cell
    # A group subtotal row (figures on （三）不予公开 …): "row", the label spanning two columns
    # on a row of its own, its items under the label again; "spanned", the label spanning its
    # own row and its items' rows, the figures on its own row beside an empty item cell.
    group_subtotals: str = "row"


def pages() -> st.SearchStrategy[Page]:
    """Every page shape the renderer can draw."""
    return st.builds(
        Page,
        encoding=st.sampled_from(sorted(ENCODINGS)),
        chrome=st.booleans(),
        title_outside=st.booleans(),
        layout_table=st.booleans(),
        wrap_tables=st.booleans(),
        per_character=st.booleans(),
        word=st.booleans(),
        blank_zeros=st.booleans(),
        misaligned=st.booleans(),
        group_column=st.sampled_from(["merged", "none"]),
        review_header=st.sampled_from(["official", "flat"]),
        print_copy=st.booleans(),
        thead=st.booleans(),
        th=st.booleans(),
        split_proactive=st.booleans(),
        headings=st.sampled_from(["p", "strong", "h2"]),
        blank_column=st.booleans(),
        group_subtotals=st.sampled_from(["row", "spanned"]),
    )


def _attrs(**values: object) -> str:
    return "".join(f' {k}="{v}"' for k, v in values.items() if v not in (None, 1))


class _Renderer:
    def __init__(self, page: Page) -> None:
        self.page = page

    def text(self, text: str) -> str:
        escaped = html.escape(text)
        if self.page.word:
            return (
                "<p class=MsoNormal align=center style='text-align:center'><span "
                "style='font-size:10.5pt;font-family:仿宋_GB2312;mso-bidi-font-family:宋体;"
                f"mso-font-kerning:0pt'>{escaped}<o:p></o:p></span></p>"
            )
        return escaped

    def label(self, text: str, **spans: int) -> str:
        page = self.page
        if page.per_character and 1 < len(text) <= 8 and not any(c.isdigit() for c in text):
            if page.word:
                inner = "".join(self.text(c) for c in text)
            else:
                inner = "<br>".join(html.escape(c) for c in text)
        else:
            inner = self.text(text)
        return (
            f"<td{_attrs(colspan=spans.get('colspan'), rowspan=spans.get('rowspan'))}>{inner}</td>"
        )

    def value(self, text: str, *, colspan: int = 1, blank: bool = False) -> str:
        page = self.page
        if blank and text == "0":
            inner = "<p class=MsoNormal>&nbsp;<o:p></o:p></p>" if page.word else "&nbsp;"
        elif page.word:
            inner = self.text("\u00a0\u00a0" + text) if text != "/" else self.text(text)
        else:
            inner = html.escape(text)
        return f"<td{_attrs(colspan=colspan)}>{inner}</td>"

    def blanks(self, values: list[str]) -> bool:
        """Whether this row's zeros are drawn blank: a row stating something else too.

        A table left blank throughout states nothing, and reads as unknown, not as zeros.
        """
        return self.page.blank_zeros and any(v not in ("0", "/", "") for v in values)

    def paragraph(self, text: str) -> str:
        if self.page.word:
            return (
                "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0'>"
                "<![if !supportLists]><span style='mso-list:Ignore'></span><![endif]>"
                f"<span style='font-family:仿宋_GB2312'>{html.escape(text)}<o:p></o:p></span></p>"
            )
        return f"<p>{html.escape(text)}</p>"

    def table(self, head: list[str], body: list[str]) -> str:
        if self.page.blank_column:
            head = [row.replace("<tr>", "<tr><td>&nbsp;</td>", 1) for row in head]
            body = [row.replace("<tr>", "<tr><td>&nbsp;</td>", 1) for row in body]
        if self.page.word:
            # Word closes a table with a row of empty cells fixing the column widths.
            width = max(row.count("<td") + row.count("<th") for row in head + body)
            body = [
                *body,
                "<![if !supportMisalignedColumns]><tr height=0>"
                + "<td width=60 style='border:none'></td>" * width
                + "</tr><![endif]>",
            ]
        if self.page.thead:
            rows = f"<thead>{''.join(head)}</thead><tbody>{''.join(body)}</tbody>"
        else:
            rows = "".join(head + body)
        markup = f"<table border=1 cellspacing=0 class=MsoNormalTable>{rows}</table>"
        if self.page.wrap_tables:
            return f"<table width='100%'><tr><td>{markup}</td></tr></table>"
        return f"<div align=center>{markup}</div>"

    # Section 二.

    def heading(self, text: str) -> str:
        if self.page.headings == "h2":
            return f"<h2>{html.escape(text)}</h2>"
        if self.page.headings == "strong":
            return f"<p align=left><strong><font>{html.escape(text)}</font></strong></p>"
        return self.paragraph(text)

    def proactive(self, lines: list[str]) -> str:
        if self.page.split_proactive:
            items: list[list[str]] = []
            for line in lines:
                if "\t" not in line or not items:
                    items.append([line])
                else:
                    items[-1].append(line)
            return "".join(self.paragraph(item[0]) + self.items(item[1:]) for item in items)
        return self.items(lines)

    def items(self, lines: list[str]) -> str:
        rows: list[str] = []
        head: list[str] = []
        width = max(len(line.split("\t")) for line in lines)
        for line in lines:
            cells = line.split("\t")
            if len(cells) == 1:
                (rows if rows or head else head).append(
                    f"<tr>{self.label(cells[0], colspan=width)}</tr>"
                )
                continue
            short = width - len(cells)
            tds = [self.label(cells[0])]
            header = cells[1] and not cells[1][0].isdigit() and cells[1] != "/"
            make = self.label if header else self.value
            tds += [make(c) for c in cells[1:-1]]
            tds.append(
                self.label(cells[-1], colspan=1 + short)
                if header
                else self.value(cells[-1], colspan=1 + short)
            )
            rows.append(f"<tr>{''.join(tds)}</tr>")
        return self.table(head, rows)

    # Section 三.

    def applications(self, lines: list[str]) -> str:
        note = next(line for line in lines if "\t" not in line)
        header, *data = [line.split("\t") for line in lines if "\t" in line]
        depth = 1 if self.page.group_column == "none" else 3
        return self.table(self.applications_header(note, header, depth), self.results(data, depth))

    def applications_header(self, note: str, header: list[str], depth: int) -> list[str]:
        group, columns = header[0], header[1:]
        people, orgs, total = columns[0], columns[1:-1], columns[-1]
        if self.page.misaligned:
            # As a real 2021 page prints it: 自然人 spans two columns, covering half of the
            # 商业企业 data span; an empty cell stands under its first half.
            return [
                f"<tr>{self.label(note, colspan=depth, rowspan=3)}"
                f"{self.label(group, colspan=len(columns) + 1)}</tr>",
                f"<tr>{self.label(people, colspan=2)}"
                f"{self.label(_ORGANISATIONS, colspan=len(orgs))}"
                f"{self.label(total, rowspan=2)}</tr>",
                f"<tr><td>&nbsp;</td>{self.label(orgs[0], colspan=2)}"
                + "".join(self.label(c) for c in orgs[1:])
                + "</tr>",
            ]
        return [
            f"<tr>{self.label(note, colspan=depth, rowspan=3)}"
            f"{self.label(group, colspan=len(columns))}</tr>",
            f"<tr>{self.label(people, rowspan=2)}{self.label(_ORGANISATIONS, colspan=len(orgs))}"
            f"{self.label(total, rowspan=2)}</tr>",
            f"<tr>{''.join(self.label(c) for c in orgs)}</tr>",
        ]

    def results(self, data: list[list[str]], depth: int) -> list[str]:
        levels = [3 if c[0][:1].isdigit() else 2 if c[0].startswith("（") else 1 for c in data]
        in_group = [i for i, level in enumerate(levels) if level > 1]
        rows: list[str] = []
        subgroups = iter(_SUBGROUPS)
        spanned = False  # the group label of the next items is drawn already
        for index, (cells, level) in enumerate(zip(data, levels, strict=True)):
            label, values = cells[0], cells[1:]
            # the item rows after this one in its group (numbering restarts at 1. in the next)
            run = 0
            while (
                index + 1 + run < len(levels)
                and levels[index + 1 + run] == 3
                and not data[index + 1 + run][0].startswith("1.")
            ) or (run == 0 and level == 2 and index + 1 < len(levels) and levels[index + 1] == 3):
                run += 1
            blank = self.blanks(values)
            tds = [
                self.value(v, colspan=2 if self.page.misaligned and i == 1 else 1, blank=blank)
                for i, v in enumerate(values)
            ]
            if depth == 1:
                rows.append(f"<tr>{self.label(label)}{''.join(tds)}</tr>")
                continue
            lead = ""
            if level == 1:
                lead = self.label(label, colspan=3)
            else:
                if index == in_group[0]:
                    lead += self.label(_RESULTS_GROUP, rowspan=len(in_group))
                if (
                    level == 2
                    and run
                    and label in _SUBGROUPS
                    and self.page.group_subtotals == "spanned"
                ):
                    group = next(subgroups)
                    assert group == label, (group, label)
                    lead += self.label(label, rowspan=1 + run) + self.value("")
                    spanned = True
                elif level == 2:
                    lead += self.label(label, colspan=2)
                else:
                    if (
                        index == 0 or levels[index - 1] != 3 or label.startswith("1.")
                    ) and not spanned:
                        lead += self.label(next(subgroups), rowspan=run + 1)
                    spanned = False
                    lead += self.label(label)
            rows.append(f"<tr>{lead}{''.join(tds)}</tr>")
        return rows

    # Section 四.

    def review(self, lines: list[str]) -> str:
        groups, labels, values = (line.split("\t") for line in lines if "\t" in line)
        blank = self.blanks(values)
        data = [f"<tr>{''.join(self.value(v, blank=blank) for v in values)}</tr>"]
        if self.page.review_header == "flat":
            head = [
                f"<tr>{''.join(self.label(g) for g in groups)}</tr>",
                f"<tr>{''.join(self.label(c) for c in labels)}</tr>",
            ]
            return self.table(head, data)
        named = [(i, g.split("/")) for i, g in enumerate(groups) if g]
        width = len(labels) // len(named)
        own = [parts[0] for _, parts in named if len(parts) == 1]
        shared = [parts for _, parts in named if len(parts) == 2]
        top = "".join(self.label(name, colspan=width) for name in own)
        top += self.label(shared[0][0], colspan=width * len(shared))
        middle = "".join(self.label(labels[i], rowspan=2) for i in range(width))
        middle += "".join(self.label(parts[1], colspan=width) for parts in shared)
        bottom = "".join(self.label(c) for c in labels[width:])
        return self.table([f"<tr>{top}</tr>", f"<tr>{middle}</tr>", f"<tr>{bottom}</tr>"], data)


def _body(renderer: _Renderer, sections: dict[str, list[str]]) -> tuple[str, str]:
    """The report's markup after its title, and section 三's table (for a print copy)."""
    parts: list[str] = []
    applications = ""
    for heading, raw in sections.items():
        lines = [line for line in raw if line]
        parts.append(renderer.heading(heading))
        prose = [line for line in lines if "\t" not in line and line.endswith("。")]
        table = [line for line in lines if line not in prose]
        parts.extend(renderer.paragraph(line) for line in prose)
        index = _HEADINGS.index(heading)
        if not any("\t" in line for line in table):
            parts.extend(renderer.paragraph(line) for line in table)
        elif index == 1:
            parts.append(renderer.proactive(table))
        elif index == 2:
            applications = renderer.applications(table)
            parts.append(applications)
        elif index == 3:
            parts.append(renderer.review(table))
    return "".join(parts), applications


_MENU = "".join(
    f"<li><a href='/{n}/'>{w}</a></li>"
    for n, w in enumerate(["首页", "政务公开", "政府信息公开", "办事服务", "互动交流", "走进本地"])
)
_RELATED = "".join(
    f"<li><a href='/n/{n}.html'>{w}</a></li>"
    for n, w in enumerate(["关于印发政务公开工作要点的通知", "2020年度政府信息公开工作年度报告"])
)


def render(report: AnnualReport, page: Page, text: str | None = None) -> bytes:
    """``report`` as the bytes of a web page drawn as ``page`` says (from ``text``, its
    canonical text without the header line and with lines changed, when given)."""
    renderer = _Renderer(page)
    front: list[str] = []
    sections: dict[str, list[str]] = {}
    current = front
    # The canonical text without its header line: the words a page would print.
    lines = write_text(report).split("\n")[1:] if text is None else text.split("\n")
    for line in lines:
        if line in _HEADINGS:
            current = sections.setdefault(line, [])
        else:
            current.append(line)
    front = [line for line in front if line]
    body, applications = _body(renderer, sections)
    title = "".join(front)
    outside = page.chrome and page.title_outside
    if outside:
        heading = f"<div class='article_title'>{'<br>'.join(map(html.escape, front))}</div>"
    else:
        heading = "".join(f"<h1>{html.escape(line)}</h1>" for line in front)
        body = heading + body
        heading = ""
    content = f"<div class='article_content'>{body}</div>"
    if page.chrome:
        content = (
            "<div class='crumb'>当前位置：<a href='/'>首页</a> &gt; <a href='/zwgk/'>政务公开</a>"
            " &gt; <a href='/ndbg/'>年报</a></div>"
            f"{heading}<div class='info'>来源：本站 发布时间：2022-01-30</div>"
            f"<div class='share'><a href='javascript:;'>打印</a> <a href='javascript:;'>关闭</a>"
            f"</div>{content}<div class='related'><h3>相关链接</h3><ul>{_RELATED}</ul></div>"
        )
        if page.print_copy and applications:
            content += f"<div class='print' style='display:none'>{applications}</div>"
        menu = f"<div class='nav'><ul>{_MENU}</ul></div>"
        footer = (
            "<div class='footer'><p><a href='/about'>关于我们</a> | <a href='/map'>网站地图</a>"
            "</p><p>主办单位：本地人民政府办公室 网站标识码：0000000001</p></div>"
        )
        if page.layout_table:
            main = (
                f"<table width='100%'><tr><td>{menu}</td></tr>"
                f"<tr><td valign=top>{content}</td></tr></table>"
            )
        else:
            main = f"{menu}<div class='main'>{content}</div>"
        main += footer
    elif page.layout_table:
        main = f"<table width='100%'><tr><td>{content}</td></tr></table>"
    else:
        main = content
    codec, label, bom = ENCODINGS[page.encoding]
    if label == "viewport":
        meta = "<meta name='viewport' content='width=device-width; charset=utf-8'>"
    elif label is not None:
        meta = f"<meta http-equiv='Content-Type' content='text/html; charset={label}'>"
    else:
        meta = ""
    scripts = "<script>var s='一、总体情况 <table>';</script><style>p{margin:0}</style>"
    word = "<!--[if gte mso 9]><xml><w:WordDocument></w:WordDocument></xml><![endif]-->"
    site = "_政府信息公开年报_本地人民政府网站" if page.chrome else ""
    markup = (
        f"<!DOCTYPE html><html><head>{meta}<title>{html.escape(title)}{site}</title>"
        f"{scripts}{word if page.word else ''}</head><body>{main}</body></html>"
    )
    data = markup.encode(codec, errors="xmlcharrefreplace")
    return codecs.BOM_UTF8 + data if bom else data
