"""Find the six sections of a report in the document's blocks.

Strategy: a heading is a short line numbered like ``四、``, ``4、`` or ``4.`` whose words name a
section (FORMAT.md §1.1, §2.1 and the variants of §4, e.g. ``总体工作完成情况``). Sections must
come in order, so a line that merely mentions an earlier section's words (a table row such as
``四、结转下年度继续办理``) is never taken for a heading. A heading may stand in a paragraph or
in the first cell of a table row (text exported from a table-laid-out page).
"""

from __future__ import annotations

import re

import attrs

from govinfo.locations import Location
from govinfo.reading.document import Block, Document, Paragraph, Table
from govinfo.reading.interpret._labels import SECTIONS, heading_section, key
from govinfo.reading.result import Diagnostic

__all__ = ["Sections", "split_sections"]

_ORDER = [name for name, _ in SECTIONS]
_OFFICIAL = {
    "overview": "一、总体情况",
    "proactive_disclosure": "二、主动公开政府信息情况",
    "applications": "三、收到和处理政府信息公开申请情况",
    "review_litigation": "四、政府信息公开行政复议、行政诉讼情况",
    "problems_improvements": "五、存在的主要问题及改进情况",
    "other_matters": "六、其他需要报告的事项",
}
_NUMERALS = "一二三四五六"
_HEAD_NUMBER = re.compile(r"^\s*([一二三四五六七八九十]+|\d+)")


@attrs.frozen
class Sections:
    """The blocks before the first heading, and each section's blocks after its heading."""

    front: tuple[Block, ...]
    bodies: dict[str, tuple[Block, ...]]
    headings: dict[str, Location]


def _heading_text(block: Block) -> tuple[str, Location] | None:
    if isinstance(block, Paragraph):
        return block.text, block.location
    if isinstance(block, Table) and len(block.rows) == 1:
        texts = [cell.text for cell in block.rows[0] if cell.text.strip()]
        if len(texts) == 1:
            return texts[0], block.rows[0][0].location
    return None


def split_sections(document: Document, notes: list[Diagnostic]) -> Sections:
    """Split ``document`` at its headings, noting headings that differ from the official ones."""
    front: list[Block] = []
    bodies: dict[str, list[Block]] = {}
    headings: dict[str, Location] = {}
    current: list[Block] = front
    position = -1
    for block in document.blocks:
        found = _heading_text(block)
        section = heading_section(found[0]) if found else None
        if found and section is not None and _ORDER.index(section) > position:
            text, location = found
            position = _ORDER.index(section)
            headings[section] = location
            current = bodies.setdefault(section, [])
            official = _OFFICIAL[section]
            number = _HEAD_NUMBER.match(text)
            numeral = number.group(1) if number else ""
            if key(text) != key(official) or numeral != _NUMERALS[position]:
                notes.append(
                    Diagnostic(
                        code="heading-variant",
                        message=f"heading {text.strip()!r} read as {official!r}",
                        location=location,
                    )
                )
            continue
        current.append(block)
    return Sections(
        front=tuple(front),
        bodies={name: tuple(blocks) for name, blocks in bodies.items()},
        headings=headings,
    )
