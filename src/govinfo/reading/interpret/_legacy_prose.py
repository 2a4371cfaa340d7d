"""More of the prose forms pre-2019 reports state their application figures in.

Strategy: :mod:`._legacy` reads the common sentences; this module adds the forms it leaves
out, each tied to a sentence about information-disclosure *applications* (it must name
申请 and 信息公开, 政府信息 or 依申请公开):

- ``未收到/没有收到/未受理…申请`` (no figure in the sentence, and not about reviews, suits or
  complaints arising from applications): ``applications_received = 0``;
- ``共受理…政府信息公开申请N件``, ``依申请公开政府信息N件``: ``applications_received``, with
  the words between the verb and the count kept short and free of digits;
- the channels named with a count in the same sentence (``当面申请3件``, ``网上申请9件``).

Distractors stay out: counts in 条 (information *items*, ``依申请公开信息45条``), sentences
about a service centre's approvals (no 信息公开 in them) and consultations (咨询).
"""

from __future__ import annotations

import re

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.locations import Location
from govinfo.model.report import LegacyValue

__all__ = ["more_statistics", "record_statistic"]

_ABOUT = re.compile(r"信息公开|政府信息|依申请公开")
_NONE = re.compile(r"(?:未|没有)(?:收到|受理|接到)[^，,。；\d]{0,20}申请")
#: A denial about reviews, suits or complaints "arising from applications" is not about them.
_OTHER_MATTERS = re.compile(r"复议|诉讼|举报|投诉|申诉")
_RECEIVED = (
    re.compile(
        r"(?:受理|收到|接到)[^，,。；\d]{0,14}?(?:信息公开|依申请公开|政府信息)[^，,。；\d]{0,8}?"
        r"申请(?:共|总数|数量)?(?:为|达)?(\d+)\s*件"
    ),
    re.compile(r"依申请公开(?:政府)?信息(?:申请)?(?:共|总数)?(?:为|达)?(\d+)\s*件"),
)
_CHANNELS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("applications_in_person", re.compile(r"(?:当面|现场)(?:提出)?申请(?:的)?(\d+)\s*件")),
    ("applications_online", re.compile(r"(?:网上|网络|在线)(?:提出)?申请(?:的)?(\d+)\s*件")),
    ("applications_letter", re.compile(r"信函(?:方式)?(?:提出)?申请(?:的)?(\d+)\s*件")),
    ("applications_fax", re.compile(r"传真(?:方式)?(?:提出)?申请(?:的)?(\d+)\s*件")),
    ("applications_email", re.compile(r"电子邮件(?:方式)?(?:提出)?申请(?:的)?(\d+)\s*件")),
)
_DIGIT = re.compile(r"\d")


def more_statistics(sentence: str) -> dict[str, LegacyValue]:
    """The application figures ``sentence`` states in the forms this module knows."""
    if "申请" not in sentence or _ABOUT.search(sentence) is None or "咨询" in sentence:
        return {}
    found: dict[str, LegacyValue] = {}
    for pattern in _RECEIVED:
        match = pattern.search(sentence)
        if match is not None:
            found["applications_received"] = int(match.group(1))
            break
    else:
        if (
            _NONE.search(sentence)
            and _OTHER_MATTERS.search(sentence) is None
            and _DIGIT.search(sentence.split("年", 1)[-1]) is None
        ):
            found["applications_received"] = 0
    for key, pattern in _CHANNELS:
        match = pattern.search(sentence)
        if match is not None:
            found[key] = int(match.group(1))
    return found


def record_statistic(
    found: tuple[dict[str, LegacyValue], dict[str, Location]],
    notes: list[Diagnostic],
    key: str,
    value: LegacyValue,
    *,
    location: Location,
    evidence: tuple[str, str],
) -> None:
    """Keep ``legacy.<key> = value`` with where it is and a note quoting ``evidence``: the
    ``legacy-statistic`` variant that says where the quote is from, and the quote."""
    stats, where = found
    stats[key] = value
    where[key] = location
    notes.append(
        diagnostic(
            "legacy-statistic",
            variant=evidence[0],
            key=key,
            value=value,
            quote=evidence[1],
            location=location,
            address=f"legacy.{key}",
        )
    )
