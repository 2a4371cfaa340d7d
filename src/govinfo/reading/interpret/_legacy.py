"""Pre-2019 statistics from prose (FORMAT.md §8, ``legacy.<key>``).

Strategy: reports before 2019 have no tables; their figures sit in sentences, among many
figures that are not the statistics (``受理申请121510件`` at a service centre, ``信息公开费用1万元``
spent). A figure is taken only from a clause whose sentence is about information-disclosure
applications, fees or reviews, by a pattern tied to its key; each one is reported with the
sentence it came from, so a user can judge it. Statements of none (``没有发生收费``,
``未发生…行政复议``) read as 0.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from govinfo._digits import MAX_FIGURE_DIGITS, figure_fits
from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.locations import Location
from govinfo.model.report import LegacyValue
from govinfo.reading.document import Block, Paragraph
from govinfo.reading.interpret._legacy_prose import more_statistics, record_statistic

__all__ = ["read_legacy"]

_N = r"([0-9]+)\s*"
#: key -> (words the sentence must contain, pattern whose group 1 is the figure)
_PATTERNS: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    (
        "proactive_items",
        ("主动公开",),
        re.compile(r"主动公开(?:政府)?信息(?:共)?(?:计)?" + _N + "[条件项]"),
    ),
    (
        "proactive_normative_documents",
        ("公开",),
        re.compile(r"规范性文件(?:共)?" + _N + "[条件份个]"),
    ),
    (
        "applications_received",
        ("信息公开", "申请"),
        re.compile(
            r"(?:收到|受理)(?:政府)?(?:信息公开|政府信息公开|依申请公开)(?:申请)?(?:共)?"
            + _N
            + "[件条个]"
        ),
    ),
    (
        "applications_in_active_scope",
        ("申请",),
        re.compile(r"属于(?:已)?主动公开范围(?:的)?" + _N + "件"),
    ),
    (
        "applications_partially_granted",
        ("申请",),
        re.compile(r"(?:同意)?部分公开(?:答复)?" + _N + "件"),
    ),
    ("applications_granted", ("申请",), re.compile(r"(?<!部分)同意公开(?:答复)?" + _N + "件")),
    ("applications_refused", ("申请",), re.compile(r"不予公开(?:答复)?" + _N + "件")),
    (
        "applications_not_government_information",
        ("申请",),
        re.compile(r"(?:不是|非)《?条例》?所指(?:的)?政府信息" + _N + "件"),
    ),
    (
        "applications_not_held",
        ("申请",),
        re.compile(r"(?:信息不存在|非本(?:机关|部门|单位)掌握(?:的)?(?:信息)?)" + _N + "件"),
    ),
    (
        "fees_collected_yuan",
        (),
        re.compile(
            r"收取(?:政府)?信息(?:公开)?(?:处理)?(?:费|费用)(?:共)?([0-9]+(?:\.[0-9]+)?)\s*元"
        ),
    ),
    ("review_cases", ("信息公开",), re.compile(r"行政复议(?:案件)?(?:共)?" + _N + "[件起]")),
    ("litigation_cases", ("信息公开",), re.compile(r"行政诉讼(?:案件)?(?:共)?" + _N + "[件起]")),
)
#: key -> the word a sentence about information disclosure must deny to state 0.
_NONE_STATEMENTS: tuple[tuple[str, str], ...] = (
    ("fees_collected_yuan", "收费"),
    ("review_cases", "行政复议"),
    ("litigation_cases", "行政诉讼"),
)
_DENIAL = re.compile(r"没有|未|无")
# The look-behind starts a match only at the first digit of a run: without it every digit of a
# long run would start a match that scans the rest of the run (quadratic).
_FIGURE = re.compile(r"(?<![0-9])[0-9]+\s*[件起元]")
_SENTENCE = re.compile(r"[^。；;!?！？]+")


def _number(digits: str) -> LegacyValue | None:
    # Counts are whole; an amount of money may have fen ("30.5元") and is kept exactly. A
    # figure longer than any report prints is no statistic (None).
    value = Decimal(digits)
    if not figure_fits(value):
        return None
    return int(value) if value == value.to_integral_value() else value


def read_legacy(
    blocks: tuple[Block, ...], notes: list[Diagnostic]
) -> tuple[dict[str, LegacyValue], dict[str, Location]]:
    """The ``legacy`` statistics found in ``blocks``, and where each was found."""
    stats: dict[str, LegacyValue] = {}
    where: dict[str, Location] = {}
    for block in blocks:
        if not isinstance(block, Paragraph):
            continue
        text = unicodedata.normalize("NFKC", block.text)
        for found_sentence in _SENTENCE.findall(text):
            sentence = found_sentence.strip()
            found: dict[str, LegacyValue] = {}
            for key, words, pattern in _PATTERNS:
                if not all(w in sentence for w in words):
                    continue
                match = pattern.search(sentence)
                if match:
                    number = _number(match.group(1))
                    if number is None:
                        notes.append(_too_long(key, block.location))
                    else:
                        found.setdefault(key, number)
            for key, value in more_statistics(sentence).items():
                found.setdefault(key, value)
            denies = (
                "信息公开" in sentence
                and _DENIAL.search(sentence) is not None
                and _FIGURE.search(sentence) is None
            )
            for key, word in _NONE_STATEMENTS:
                if denies and key not in found and word in sentence:
                    found[key] = 0
            for key, value in found.items():
                if key not in stats:
                    record_statistic(
                        (stats, where),
                        notes,
                        key,
                        value,
                        location=block.location,
                        evidence=("", sentence),
                    )
    return stats, where


def _too_long(key: str, location: Location) -> Diagnostic:
    return diagnostic(
        "value-invalid",
        variant="legacy-too-long",
        digits=MAX_FIGURE_DIGITS,
        key=key,
        location=location,
        address=f"legacy.{key}",
    )
