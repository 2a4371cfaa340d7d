#!/usr/bin/env python3
"""Make the web-shaped texts of tests/reading/text/test_webtext.py.

Two kinds of data:

- Tool dumps, committed here (the tests do not need the tools): each fixture DOCX
  (``../fixtures/<stem>.docx``) rendered to HTML by LibreOffice, its tables given a border
  (as most report pages have), then dumped as a text browser shows it:

  - ``<stem>.w3m-box80.txt``, ``.w3m-box200.txt``: ``w3m -dump -cols 80`` / ``-cols 200``
    (tables drawn with ``┌ ─ ┬ │``);
  - ``<stem>.lynx80.txt``, ``.lynx200.txt``: ``lynx -dump -width=80`` / ``200`` (columns
    aligned by spaces, no borders);
  - ``<stem>.ascii-box80.txt``: the w3m dump with ``+ - |`` for the box characters (the
    ``links -dump`` style).

  Run ``python tests/data/webtext/make_webtext.py`` (needs ``soffice``, ``w3m``, ``lynx``).
  Made with LibreOffice 7.4, w3m 0.5.3 and Lynx 2.9 on Debian 12.

- Renderings made at test time by the pure functions below (no tool): a report's text as a
  crawler stores a page (:func:`one_line`), and its tables as Markdown (:func:`markdown`).

``pingtan_2021.crawl.txt`` and ``pingtan_2021.json`` are copies of the real crawl and its
hand-read values (``/work/shared/real``).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
FIXTURES = HERE.parent / "fixtures"

_HEADER = (
    "标题: {title}\n发布时间: 2022-02-08 16:34\n栏目: 政府信息公开年报\n"
    "原文链接: https://www.example.gov.cn/zwgk/t20220208_1.htm\n"
    "==================== 正文 ====================\n"
)
_CHROME_BEFORE = (
    "当前位置： 首页政务公开政府信息公开年报 {title} 来源：某市人民政府 时间：2022-02-08 16:34 "
)
_CHROME_AFTER = " 附件下载"
_ASCII = str.maketrans(dict.fromkeys("┌┬┐├┼┤└┴┘", "+") | {"─": "-", "│": "|"})


def one_line(text: str, *, cell_sep: str = "", header: bool = True) -> str:
    """The text as a crawler stores its page: header lines, then the report on ONE line.

    Lines are joined with nothing between them, a row's cells (tab-separated) with
    ``cell_sep``. The first lines up to the one that names the report are the title. With
    ``header`` the crawler's fields, the page's navigation and a link after it are added.
    """
    lines = [line for line in text.splitlines() if line.strip()]
    end = next((i for i, line in enumerate(lines[:3]) if "报告" in line or "总结" in line), 0)
    title = "".join(line.strip() for line in lines[: end + 1])
    body = "".join(cell_sep.join(c.strip() for c in line.split("\t")) for line in lines[end + 1 :])
    if not header:
        return title + " " + body + "\n"
    return _HEADER.format(title=title) + _CHROME_BEFORE.format(title=title) + body + _CHROME_AFTER


def markdown(text: str) -> str:
    """The text with every run of tab-separated rows written as a Markdown pipe table."""
    out: list[str] = []
    in_table = False
    for line in text.splitlines():
        if "\t" in line:
            cells = [c.strip() for c in line.split("\t")]
            out.append("| " + " | ".join(cells) + " |")
            if not in_table:
                out.append("|" + "---|" * len(cells))
            in_table = True
            continue
        in_table = False
        out.append(line)
    return "\n".join(out) + "\n"


def ascii_box(text: str) -> str:
    """A box-drawn dump with ``+ - |`` in place of the box characters."""
    return text.translate(_ASCII)


#: A pre-2019 statistics form (FORMAT.md §3): (ordinal, 其中, label, unit, key or None).
LEGACY_ROWS: tuple[tuple[str, bool, str, str, str | None], ...] = (
    ("一、", False, "主动公开情况", "", None),
    ("1、", False, "主动公开信息数", "条", "proactive_items"),
    ("", True, "全文电子化主动公开信息数", "条", "proactive_fulltext_electronic"),
    ("二、", False, "依申请公开情况", "", None),
    ("1、", False, "申请总数", "件", "applications_received"),
    ("", True, "当面申请数", "件", "applications_in_person"),
    ("", True, "网上申请数", "件", "applications_online"),
    ("2、", False, "对申请的答复总数", "件", "replies_total"),
    ("", True, "同意公开答复数", "件", "applications_granted"),
    ("", True, "同意部分公开答复数", "件", "applications_partially_granted"),
    ("", True, "否决公开答复数", "件", "applications_refused"),
    ("3、", False, "依申请公开信息数", "条", None),  # items, not applications
    ("三、", False, "行政复议数", "件", "review_cases"),
    ("四、", False, "行政诉讼数", "件", "litigation_cases"),
    ("五、", False, "收取费用", "元", "fees_collected_yuan"),
    ("六、", False, "咨询数", "人次", None),  # consultations, not applications
)


def legacy_report(values: dict[str, tuple[int, int]], form: str, *, year: int = 2012) -> str:
    """A pre-2019 report whose statistics form holds ``values`` (key -> this year, total).

    ``form``: ``tab`` (cells separated by tabs), ``spaced`` (by runs of spaces), ``flat``
    (label, unit and figures run together: ``主动公开信息数条4251516``), ``flat-ordinal`` (the
    same, each row's figures followed by the next row's ordinal), ``one-line`` (the flat form
    with the whole report on one line).
    """
    head = [
        f"某县人民政府{year}年政府信息公开工作年度报告",
        "一、概述",
        f"{year}年，我县认真贯彻落实《条例》。",
        "二、主动公开政府信息情况",
        "本年度全县政务服务中心受理申请121510件。",
        "附表：政府信息公开情况统计表",
    ]
    header = ["指标名称", "计量单位", "本年度", "累计"]
    rows: list[list[str]] = []
    for ordinal, of, label, unit, key in LEGACY_ROWS:
        figures = [str(v) for v in values[key]] if key in values else ["999", "1999"]
        if key is None and not unit:
            figures = []
        rows.append([ordinal + ("其中：" if of else "") + label, unit, *figures])
    tail = ["三、存在的主要问题及改进措施", "信息公开工作还需加强。"]
    if form in ("tab", "spaced"):
        sep = "\t" if form == "tab" else "    "
        table = [sep.join(header)] + [sep.join(r) for r in rows]
        return "\n".join(head + table + tail) + "\n"
    flat = ["".join(r) for r in rows]
    if form == "flat-ordinal":
        for i in range(len(flat) - 1):
            nxt = LEGACY_ROWS[i + 1][0]
            if nxt[:1].isdigit() and len(rows[i]) > 2:
                flat[i] += nxt
                flat[i + 1] = flat[i + 1][len(nxt) :]
    table = ["".join(header), *flat]
    if form == "one-line":
        return head[0] + "\n" + "".join(head[1:] + table + tail) + "\n"
    return "\n".join(head + table + tail) + "\n"


def _run(*args: str, cwd: Path | None = None) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, cwd=cwd).stdout


def main() -> None:
    """Render every fixture DOCX to HTML and dump it with w3m and lynx into this folder."""
    for tool in ("soffice", "w3m", "lynx"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is needed")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for docx in sorted(FIXTURES.glob("*.docx")):
            shutil.copy(docx, work)
        _run(
            "soffice",
            "--headless",
            "--convert-to",
            "html",
            *(p.name for p in work.glob("*.docx")),
            cwd=work,
        )
        for html in sorted(work.glob("*.html")):
            stem = html.stem
            boxed = work / f"{stem}.boxed.html"
            boxed.write_text(
                html.read_text(encoding="utf-8").replace("<table ", '<table border="1" '),
                encoding="utf-8",
            )
            w3m = ("w3m", "-dump", "-T", "text/html", "-I", "UTF-8", "-O", "UTF-8")
            for cols in (80, 200):
                dump = _run(*w3m, "-cols", str(cols), str(boxed))
                (HERE / f"{stem}.w3m-box{cols}.txt").write_text(dump, encoding="utf-8")
                if cols == 80:
                    (HERE / f"{stem}.ascii-box80.txt").write_text(ascii_box(dump), encoding="utf-8")
                lynx = _run(
                    "lynx",
                    "-dump",
                    f"-width={cols}",
                    "-display_charset=utf-8",
                    "-assume_charset=utf-8",
                    str(html),
                )
                (HERE / f"{stem}.lynx{cols}.txt").write_text(lynx, encoding="utf-8")


if __name__ == "__main__":
    main()
