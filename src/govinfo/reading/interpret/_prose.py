"""Figures stated in the prose, compared with the tables.

Strategy: a few sentences recur in real reports: how many applications were received
(``全年共受理依申请公开事项 8 件``) and how many reviews or suits there were (``行政复议 7 件``).
Each is matched by a pattern tied to one table address; when the table states a different
value, the reader warns and gives both places. Prose never overrides a table.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping

from govinfo._digits import parse_digits
from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.locations import Location
from govinfo.model.catalogue import cell_words
from govinfo.model.flat import CellValue
from govinfo.reading.document import Block, Paragraph
from govinfo.templates import TemplateSpec

__all__ = ["compare_prose"]

#: (the addresses whose sum the sentence states, the pattern whose group 1 is the figure)
_CLAIMS: tuple[tuple[tuple[str, ...], re.Pattern[str]], ...] = (
    (
        ("applications.new_received.total",),
        re.compile(
            r"(?:共|全年|本年|年度)[^。，,；]{0,12}?(?:受理|收到|接到|新收)[^。，,；\d]{0,16}?"
            r"(?:依申请公开|信息公开申请|公开申请|政府信息依申请公开)[^。，,；\d]{0,8}?(\d+)\s*[件条个]"
        ),
    ),
    (
        ("review_litigation.administrative_review.total",),
        re.compile(r"行政复议(?:案件)?(?:共)?\s*(\d+)\s*[件起]"),
    ),
    (
        (
            "review_litigation.litigation_direct.total",
            "review_litigation.litigation_after_review.total",
        ),
        re.compile(r"行政诉讼(?:案件)?(?:共)?\s*(\d+)\s*[件起]"),
    ),
)


def compare_prose(
    blocks: tuple[Block, ...],
    cells: Mapping[str, CellValue],
    locations: Mapping[str, Location],
    notes: list[Diagnostic],
    template: TemplateSpec,
) -> None:
    """Warn where a sentence states a figure that the table contradicts."""
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        text = unicodedata.normalize("NFKC", block.text)
        for addresses, pattern in _CLAIMS:
            match = pattern.search(text)
            if match is None:
                continue
            stated = parse_digits(match.group(1))
            parts = [cells.get(a) for a in addresses]
            if stated is None or any(p is None for p in parts):
                continue
            table = sum(p for p in parts if p is not None)
            if table == stated:
                continue
            there = locations.get(addresses[0])
            notes.append(
                diagnostic(
                    "prose-table-mismatch",
                    variant="located" if there else "",
                    text=match.group(0).strip(),
                    table=table,
                    cells=" + ".join(addresses),
                    words=" + ".join(cell_words(template, a) or a for a in addresses),
                    **({"there": there} if there else {}),
                    location=block.location,
                    address=addresses[0],
                )
            )
