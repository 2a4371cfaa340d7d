"""Organ, year and title from the lines before the first section.

Strategy: the title is the run of short lines at the top (before the first prose paragraph);
the line that names the report (报告, 总结) is the title, and the year is the four digits
before 年. The organ is what precedes the year in the title, or, when the title starts with
the year, a short line above it (``满洲里市综合保税区`` / ``2021年政府信息公开工作年度报告``).
"""

from __future__ import annotations

import re

import attrs

from govinfo.locations import Location
from govinfo.reading.document import Block, Paragraph
from govinfo.reading.interpret._tokens import is_prose, row_texts

__all__ = ["Metadata", "read_metadata"]

# A year as printed: "2021", or in Chinese numerals as many titles print it ("二〇二一").
_CN_DIGITS = "〇零○一二三四五六七八九"
_YEAR_DIGITS = rf"(?:19|20)\d{{2}}|一九[{_CN_DIGITS}]{{2}}|二[〇零○][{_CN_DIGITS}]{{2}}"
_CN_VALUE = {c: str(v) for v, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
_YEAR = re.compile(rf"({_YEAR_DIGITS})\s*年")
_TITLE_WORDS = ("报告", "总结", "年报")
_YEAR_OF_REPORT = re.compile(rf"({_YEAR_DIGITS})\s*年度")
_ORGAN_BEFORE = re.compile(r"政府信息公开|政务公开|信息公开")
_YEAR_FIRST = re.compile(rf"\s*(?:{_YEAR_DIGITS})\s*年")
_YEAR_ONLY = re.compile(rf"\s*(?:{_YEAR_DIGITS})\s*年度?\s*")
_CJK = re.compile(r"[\u3400-\u9fff]")
# A line of the page head rather than of the title: "发布时间：2022-01-20", "索引号: …".
_LABELLED = re.compile(r"[:：]")
# More than a year and 年 can take, spaces included ("二〇二一 年", " 2021  年").
_HEAD_CHARS = 32


@attrs.frozen
class Metadata:
    organ: str | None
    year: int | None
    title: str | None
    location: Location | None
    year_from_text: bool = False


def _top_lines(front: tuple[Block, ...]) -> list[Paragraph]:
    lines: list[Paragraph] = []
    for block in front:
        if isinstance(block, Paragraph):
            candidates = [block]
        else:
            # Title lines in table rows: a sheet, or a line whose gaps made aligned columns.
            candidates = []
            for row in block.rows:
                texts = row_texts(row)
                if not 1 <= len(texts) <= 3:
                    return lines
                candidates.append(Paragraph(text=" ".join(texts), location=row[0].location))
        for line in candidates:
            if is_prose(line.text) or len(line.text) > 60:
                return lines
            lines.append(line)
    return lines


def _join(parts: list[str]) -> str:
    # Lines of a wrapped title: CJK runs on without a space; the spaces a PDF put around
    # numbers ("2021 年度") are kept as one space.
    return " ".join("".join(parts).split())


def _title_end(lines: list[Paragraph]) -> int | None:
    # The first line after which the lines so far, joined without spaces, hold a title word.
    # Only the end of the earlier lines can complete a word broken by a wrap, so it is carried
    # over instead of joining everything again for each line (which was quadratic).
    carry = max(len(w) for w in _TITLE_WORDS) - 1
    tail = ""
    for i, paragraph in enumerate(lines):
        text = tail + paragraph.text.replace(" ", "")
        if any(w in text for w in _TITLE_WORDS):
            return i
        tail = text[-carry:]
    return None


def _head(lines: list[Paragraph], start: int, end: int) -> str:
    # Enough of the joined lines start..end to test whether they open with a year: joining all
    # of them for each candidate start would be quadratic in the lines.
    parts: list[str] = []
    size = 0
    for paragraph in lines[start : end + 1]:
        parts.append(paragraph.text)
        size += len(paragraph.text)
        if size >= _HEAD_CHARS:
            break
    return _join(parts)


def _title_lines(lines: list[Paragraph]) -> tuple[int, int] | None:
    """The first and last index of the title among ``lines``, or ``None``.

    The title ends at the first line after which the lines so far name the report (报告, 总结),
    so that a title word broken by a wrap (``…年度报`` / ``告``) still counts. It starts where a
    line opens with the year or with the title's own words (the line above is then the organ),
    else as far up as the lines run on: a title wrapped after the organ or mid-word.
    """
    end = _title_end(lines)
    if end is None:
        return None
    start = end
    while start > 0 and not _YEAR_FIRST.match(_head(lines, start, end)):
        above = lines[start - 1].text
        if not _CJK.search(above) or _LABELLED.search(above):
            break
        # A line that starts the title's own words (政府信息公开…) follows a line of its own:
        # the organ, unless that line is nothing but the year ("2021 年度").
        if _ORGAN_BEFORE.match(lines[start].text.strip()) and not _YEAR_ONLY.fullmatch(above):
            break
        start -= 1
    return start, end


def _year_value(digits: str) -> int:
    """The year a matched ``_YEAR_DIGITS`` stands for (``二〇二一`` → 2021)."""
    return int("".join(_CN_VALUE.get(c, c) for c in digits))


def read_metadata(front: tuple[Block, ...]) -> Metadata:
    """Read the metadata the title lines carry (any part may be ``None``).

    When the title lines give no year, the first ``YYYY年度`` (or ``YYYY年``) of the text before
    the first section is taken, and ``year_from_text`` says so.
    """
    lines = _top_lines(front)
    found_title = _title_lines(lines)
    if found_title is None:
        return Metadata(None, _year_in_text(front), None, None, year_from_text=True)
    title_start, title_end = found_title
    line = lines[title_start]
    title = _join([p.text for p in lines[title_start : title_end + 1]])
    match = _YEAR.search(title)
    year = _year_value(match.group(1)) if match else None
    organ: str | None = None
    if match and match.start() > 0:
        organ = title[: match.start()].strip() or None
    elif title_start > 0:
        organ = " ".join(lines[title_start - 1].text.split()) or None
    elif match:
        # "2021年度某某局政府信息公开工作年度报告": the organ follows the year.
        rest = title[match.end() :].lstrip("度 ")
        organ = _ORGAN_BEFORE.split(rest, maxsplit=1)[0].strip() or None
        if organ == rest:
            organ = None
    for paragraph in lines[:title_start]:
        found = _YEAR.search(paragraph.text)
        if found and year is None:
            year = _year_value(found.group(1))
    if year is None:
        found_year = _year_in_text(front)
        return Metadata(
            organ, found_year, title, line.location, year_from_text=found_year is not None
        )
    return Metadata(organ, year, title, line.location)


def _year_in_text(front: tuple[Block, ...]) -> int | None:
    for block in front:
        if isinstance(block, Paragraph):
            found = _YEAR_OF_REPORT.search(block.text) or _YEAR.search(block.text)
            if found:
                return _year_value(found.group(1))
    return None
