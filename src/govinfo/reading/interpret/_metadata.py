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
from govinfo.reading.document import Block, Paragraph, Table
from govinfo.reading.interpret._tokens import is_prose

__all__ = ["Metadata", "read_metadata"]

_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
_TITLE_WORDS = ("报告", "总结", "年报")
_ORGAN_TAIL = re.compile(r"^(.*?)(?:关于)?\s*$")


@attrs.frozen
class Metadata:
    organ: str | None
    year: int | None
    title: str | None
    location: Location | None


def _top_lines(front: tuple[Block, ...]) -> list[Paragraph]:
    lines: list[Paragraph] = []
    for block in front:
        if isinstance(block, Table):
            break
        if is_prose(block.text) or len(block.text) > 60:
            break
        lines.append(block)
    return lines


def read_metadata(front: tuple[Block, ...]) -> Metadata:
    """Read the metadata the title lines carry (any part may be ``None``)."""
    lines = _top_lines(front)
    title_index = next(
        (i for i, p in enumerate(lines) if any(w in p.text for w in _TITLE_WORDS)), None
    )
    if title_index is None:
        return Metadata(None, None, None, None)
    line = lines[title_index]
    title = " ".join(line.text.split())
    match = _YEAR.search(title)
    year = int(match.group(1)) if match else None
    organ: str | None = None
    if match and match.start() > 0:
        organ = title[: match.start()].strip() or None
    elif title_index > 0:
        organ = " ".join(lines[title_index - 1].text.split()) or None
        if organ and _YEAR.search(organ) and year is None:
            found = _YEAR.search(organ)
            year = int(found.group(1)) if found else None
    if year is None:
        for paragraph in lines[:title_index]:
            found = _YEAR.search(paragraph.text)
            if found:
                year = int(found.group(1))
    return Metadata(organ, year, title, line.location)
