"""A section heading that runs on into the text after it (``一、总体情况2021年，我区…``).

Strategy: a crawled page flattened onto one line loses the line break after each heading, so
the heading and the first sentence (or the table's header words) arrive as one paragraph,
too long to be a heading. Such a paragraph is split when it *starts* with a heading: the
official heading of a section (FORMAT.md §1.1, §2.1) followed by anything, or a numbered
heading whose section keywords end in ``情况``/``事项`` and are followed by neither
punctuation nor ``方面`` (which would make them the subject of a sentence). Only the front is
looked at; the heading must be followed by text for a split to happen.
"""

from __future__ import annotations

import re
import unicodedata

from govinfo.reading.interpret._labels import OFFICIAL_HEADINGS, SECTIONS, heading_section, key

__all__ = ["split_heading"]

_NUMBERED = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．]")
_LONGEST = 60
_KEYWORDS = re.compile("|".join(word for _, words in SECTIONS for word in words))
_ENDINGS = ("情况", "事项")
_NOT_AFTER = tuple("，,。.：:；;、方）)")
_OFFICIAL_KEYS = {name: key(text) for name, text in OFFICIAL_HEADINGS.items()} | {
    "problems_improvements_2019": key("五、政府信息公开工作存在的主要问题及改进情况")
}


def split_heading(text: str) -> tuple[str, str] | None:
    """``(heading, rest)`` when ``text`` starts with a section heading and goes on after it."""
    if not _NUMBERED.match(text) or heading_section(text) is not None:
        return None
    limit = min(len(text) - 1, _LONGEST)
    if _KEYWORDS.search(key(text[:limit])) is None:
        return None  # no section's words near the front: the common case, decided at once
    for end in range(2, limit + 1):
        head = text[:end]
        section = heading_section(head)
        if section is None:
            continue
        # Extend to the official heading where the text prints it.
        official = [k for n, k in _OFFICIAL_KEYS.items() if n.startswith(section)]
        best = end
        for stop in range(end + 1, limit + 1):
            if any(o.startswith(key(text[:stop])) for o in official):
                if any(key(text[:stop]) == o for o in official):
                    best = stop
            else:
                break
        if best > end or _closes(text, end):
            if best == end:
                best = end + _ending(text, end)
            rest = text[best:]
            if rest.strip() and not rest.lstrip().startswith(_NOT_AFTER):
                return unicodedata.normalize("NFC", text[:best]).strip(), rest.strip()
        return None
    return None


def _ending(text: str, end: int) -> int:
    for ending in _ENDINGS:
        if text.startswith(ending, end):
            return len(ending)
    return 0


def _closes(text: str, end: int) -> bool:
    # The keywords end a heading when 情况/事项 ends them or follows them directly.
    return text[:end].endswith(_ENDINGS) or _ending(text, end) > 0
