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
