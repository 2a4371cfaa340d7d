"""Crawled web pages: the crawler's header lines, the page chrome, and a page stored on one line.

Strategy: a crawler stores a page as a few ``field: value`` lines (``标题:``, ``发布时间:``,
``原文链接:``), a separator such as ``==== 正文 ====``, and then the page's text, often the
whole report on ONE line: headings, prose and table rows run together, table cells with no
separator at all. This module knows only *shapes*, never the template's labels:

- the header is recognised as two or more ``field: value`` lines of known crawler fields at
  the very top; the title field's value is kept as a line of its own (the report's title), the
  other fields and the separator are dropped, each with a note;
- a line is a one-line page when it is long and holds two or more section-heading shapes
  (``一、`` … ``六、``); it is cut into pieces in front of every numbering shape (``一、``,
  ``（一）``, ``第二十条``, ``1.``) and after a run of digits that a label follows directly
  (``规章 000行政规范性文件…``): the interpreter then sees the lines the page had before it was
  flattened. A row ordinal glued to the digits before it (``00000002.其他…``) is cut off as the
  shortest number that continues the list (``2`` after ``1.``), so that it stays with its label;
- before the first heading the page's breadcrumb (``当前位置：首页…``) is dropped and the
  remaining words (title, source, date) become lines of their own; words of page chrome after
  the report (``附件下载``, ``打印本页``) are dropped.

Every cut is made at a position the source's characters decide; no character is changed.
"""

from __future__ import annotations

import itertools
import re

__all__ = ["MAX_PAGE_CHARS", "HeaderLine", "crawl_header", "is_one_line_page", "segment"]

_FIELDS = (
    "标题",
    "发布时间",
    "发布日期",
    "栏目",
    "原文链接",
    "链接",
    "来源",
    "网址",
    "url",
    "URL",
    "作者",
    "时间",
    "抓取时间",
    "采集时间",
)
_FIELD = re.compile(r"^\s*(" + "|".join(_FIELDS) + r")\s*[:：]\s*(.*)$")
_SEPARATOR = re.compile(r"^\s*[=\-#*_]{3,}[^=\-#*_]{0,20}[=\-#*_]{3,}\s*$")
_TITLE_FIELD = "标题"
#: How far down the header may reach (fields and separators only).
_HEADER_LINES = 12

_CN = "一二三四五六七八九十"
_SECTION_SHAPE = re.compile(rf"(?<![{_CN}第])[一二三四五六]、")
#: Numbering shapes a one-line page is cut in front of (never inside a word: not after 第).
_CUT = re.compile(
    rf"(?<![{_CN}第])[{_CN}]{{1,2}}、"
    rf"|(?<!第)[（(][{_CN}]{{1,2}}[）)]"
    rf"|第[{_CN}]+条"
    r"|(\d{1,2})[.．、] ?(?=[\u3400-\u9fff“\"])"
)
#: Characters that may follow a number in running text (units, dates): no cut there.
_UNITS = set("年月日号时分秒件条个项人次份期篇万千百亿元角%‰家批场名位天余多倍岁户套台辆处座条")
_LABEL_DIGITS = re.compile(r"(\d)\s*(?=[\u3400-\u9fff“\"])|[\u3400-\u9fff）)] ?(?=\d)")
#: Header words this long before the first value are a header row, not a row label.
_LONG_HEADER = 80
_TITLE_ENDS = ("报告", "总结", "年报")
_LABELLED = re.compile(r"^[^：:]{1,8}[：:]")
_CLOCK = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?")
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|你的位置|您现在的位置|首页)")
_CHROME = frozenset(
    {
        "附件下载",
        "附件",
        "打印",
        "打印本页",
        "【打印】",
        "【关闭】",
        "关闭",
        "关闭窗口",
        "【关闭窗口】",
        "【打印本页】",
        "分享到",
        "字号",
        "【大】【中】【小】",
        "大中小",
        "扫一扫在手机打开当前页",
        "返回顶部",
    }
)
#: A one-line page longer than this is refused: a real report's text is under 100,000
#: characters (the 355,000-character page of a report holds 4,000 characters of text).
MAX_PAGE_CHARS = 200_000
#: A one-line page is at least this long (a paragraph of prose that names two headings is not).
_MIN_PAGE = 300


class HeaderLine:
    """What the crawler header said on one line: the field, and the title when it is one."""

    __slots__ = ("field", "title")

    def __init__(self, field: str, title: str | None) -> None:
        self.field = field
        self.title = title


def crawl_header(lines: list[str]) -> dict[int, HeaderLine]:
    """The crawler header's lines (0-based index -> field), or ``{}`` when there is none.

    A header is two or more known ``field: value`` lines at the top (separators between them
    allowed), and nothing else before them but blank lines.
    """
    found: dict[int, HeaderLine] = {}
    fields = 0
    for index, line in enumerate(lines[:_HEADER_LINES]):
        if not line.strip():
            continue
        match = _FIELD.match(line)
        if match:
            fields += 1
            value = match.group(2).strip()
            is_title = match.group(1) == _TITLE_FIELD and bool(value)
            found[index] = HeaderLine(match.group(1), value if is_title else None)
            continue
        if _SEPARATOR.match(line):
            found[index] = HeaderLine("separator", None)
            continue
        break
    return found if fields >= 2 else {}


def is_one_line_page(line: str) -> bool:
    """Whether ``line`` is a whole page flattened onto one line (long, with 2+ headings)."""
    if len(line) < _MIN_PAGE:
        return False
    seen: set[str] = set()
    for match in _SECTION_SHAPE.finditer(line):
        seen.add(match.group(0))
        if len(seen) >= 2:
            return True
    return False


def _ordinal_start(line: str, match: re.Match[str], expected: int | None) -> int:
    # "00000002.其他…": the ordinal is the shortest tail of the digit run that continues
    # the list (expected), else its last digit; digits before it belong to the row before.
    start = match.start()
    digits_end = match.end(1)
    run_start = digits_end
    while run_start > 0 and line[run_start - 1].isdigit():
        run_start -= 1
    if run_start == digits_end - 1:
        return start
    for size in (1, 2):
        at = digits_end - size
        if at >= run_start and expected is not None and line[at:digits_end] == str(expected):
            return at
    return digits_end - 1


def _cuts(line: str) -> list[int]:
    cuts: set[int] = set()
    expected: int | None = None
    for match in _CUT.finditer(line):
        text = match.group(0)
        if text[0].isdigit():
            at = _ordinal_start(line, match, expected)
            number = line[at : match.end(1)]
            expected = int(number) + 1 if number.isdigit() else None
            cuts.add(at)
        else:
            expected = 1
            cuts.add(match.start())
    return sorted(c for c in cuts if c > 0)


def _label_cuts(piece: str) -> list[str]:
    # After a run of digits that a label follows, directly or after spaces ("000行政规范性文件",
    # "行政处罚 22  行政强制 0": one row each, as on the page): prose keeps
    # its numbers with their units ("70件"), and a sentence is never cut. Before the digits
    # that end a long run of header words ("…尚未审结总计0 0 0"), so that the header words
    # and the values are two lines, as they were on the page.
    if "。" in piece:
        return [piece]
    out: list[str] = []
    start = 0
    for match in _LABEL_DIGITS.finditer(piece):
        if match.group(1) is not None:
            end = match.end(1)
            if piece[match.end()] in _UNITS:
                continue
        else:
            end = match.start() + 1
            if end - start < _LONG_HEADER:
                continue
        out.append(piece[start:end])
        start = end
    out.append(piece[start:])
    return [p for p in out if p.strip()]


def _head(words: list[str], dropped: list[str]) -> list[str]:
    # The page head: breadcrumb (dropped), the title, "来源：…" and "时间：… 16:34" fields,
    # and the first sentences. Words join into one line unless a field or a sentence starts.
    out: list[str] = []
    in_breadcrumb = False
    joinable = False
    for word in words:
        if _BREADCRUMB.match(word) or (in_breadcrumb and word.startswith("首页")):
            dropped.append(word)
            in_breadcrumb = word.endswith(("：", ":", "位置"))
            joinable = False
            continue
        in_breadcrumb = False
        clock = bool(_CLOCK.fullmatch(word))
        labelled = bool(_LABELLED.search(word)) or clock
        if (clock and out) or (joinable and not labelled and "。" not in word):
            out[-1] += " " + word
        else:
            out.append(word)
        # A title ends the line: the words after it are the report's first sentence.
        joinable = not labelled and "。" not in word and not word.endswith(_TITLE_ENDS)
    return out


def segment(line: str) -> tuple[list[str], list[str]]:
    """Cut a one-line page into the lines it was made of; also return the chrome dropped."""
    dropped: list[str] = []
    cuts = _cuts(line)
    bounds = [0, *cuts, len(line)]
    pieces = [line[a:b] for a, b in itertools.pairwise(bounds)]
    first_heading = next((i for i, p in enumerate(pieces) if _SECTION_SHAPE.match(p)), len(pieces))
    out = _head(" ".join(pieces[:first_heading]).split(), dropped)
    body = pieces[first_heading:]
    if body:
        # After the report: chrome words at the end of the last piece.
        last_words = body[-1].split(" ")
        while len(last_words) > 1 and last_words[-1].strip() in _CHROME | {""}:
            word = last_words.pop()
            if word.strip():
                dropped.append(word.strip())
        body[-1] = " ".join(last_words)
    for piece in body:
        out.extend(_label_cuts(piece))
    return [p.strip() for p in out if p.strip()], dropped
