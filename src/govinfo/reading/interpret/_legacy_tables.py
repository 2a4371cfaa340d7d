"""Pre-2019 statistics tables (FORMAT.md §3: 指标名称 | 计量单位 | 本年度 | 累计).

Strategy: before 2019 many bodies filled in a local statistics form, whose rows are an
indicator, its unit and one or two figures (this year, and in total since 2008). Extraction
often flattens such a row with no separator at all (``主动公开信息数条4251516`` is 425 this
year and 1516 in total) and runs the next row's ordinal into the digits (``…42515162、``).

- the table starts at its header (``指标名称``/``统计指标`` with ``计量单位``/``单位``), which says
  how many figures a row has (two when it names ``累计``);
- a row is an indicator this module knows (a statistic of FORMAT.md §3), its unit, and its
  figures; an indicator that counts information *items* (``依申请公开信息数``,
  ``不予公开信息数``) or consultations is not an application statistic and is skipped;
- separated figures are read as they stand; a run of digits for two figures is split only
  where exactly one split has no leading zeros, a total not below this year's figure, and
  sub-rows (``其中``) not above their row; otherwise both stay unknown and the diagnostic lists
  the splits;
- a row ordinal glued to the end of the digits is the next row's ordinal when it continues the
  numbering (``2、`` after ``1、``), and is cut off.

Each value is reported with the row it came from (``legacy-statistic``). The ``累计`` figure
is kept under ``<key>_cumulative``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.locations import Location
from govinfo.model.report import LegacyValue
from govinfo.reading.document import Block, Paragraph
from govinfo.reading.interpret._digits import describe
from govinfo.reading.interpret._legacy_prose import record_statistic

__all__ = ["read_legacy_tables"]

_HEADER = re.compile(r"(?:指标名称|统计指标|指标|项目).*(?:计量单位|单位)")
_CUMULATIVE = re.compile(r"累计|历年")
_UNITS = "万元|人次|条|件|元|个|次|项|份"
_ROW = re.compile(
    r"^\s*(?P<ord>[一二三四五六七八九十]+、|\d{1,2}[、.](?!\d)|\(\d{1,2}\))?\s*"
    r"(?P<of>其中[:：,，]?)?\s*(?P<label>[^\d\t]*?[\u3400-\u9fff)])\s*"
    rf"(?P<unit>{_UNITS})?\s*"
    r"(?P<values>(?:[\d.]+|—|-|/)(?:\s+(?:[\d.]+|—|-|/))*)?\s*$"
)
_TRAILING_ORDINAL = re.compile(r"^(?P<body>.*?)(?P<digits>\d+)、\s*$")
#: Labels of rows that count something other than applications: never a statistic.
_NOT_APPLICATIONS = ("依申请公开信息", "不予公开信息", "咨询", "访问", "查阅", "经费", "人员")
#: (words the label must hold, key), first match wins: specific indicators before general ones.
_INDICATORS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("全文电子化",), "proactive_fulltext_electronic"),
    (("主动公开",), "proactive_items"),
    (("当面",), "applications_in_person"),
    (("传真",), "applications_fax"),
    (("电子邮件",), "applications_email"),
    (("网上",), "applications_online"),
    (("网络",), "applications_online"),
    (("信函",), "applications_letter"),
    (("其他形式",), "applications_other_channel"),
    (("申请总数",), "applications_received"),
    (("受理申请",), "applications_received"),
    (("答复总数",), "replies_total"),
    (("部分公开",), "applications_partially_granted"),
    (("同意公开",), "applications_granted"),
    (("否决",), "applications_refused"),
    (("不予公开",), "applications_refused"),
    (("所指政府信息",), "applications_not_government_information"),
    (("信息不存在",), "applications_not_existing"),
    (("掌握",), "applications_not_held"),
    (("不明确",), "applications_unclear"),
    (("行政复议",), "review_cases"),
    (("行政诉讼",), "litigation_cases"),
    (("申诉",), "appeals"),
    (("减免",), "fees_waived_yuan"),
    (("收取", "费"), "fees_collected_yuan"),
    (("收费",), "fees_collected_yuan"),
)
_CN_ORDINALS = "一二三四五六七八九十"
_AMOUNT_KEYS = ("fees_collected_yuan", "fees_waived_yuan")


def _indicator(label: str) -> str | None:
    if any(word in label for word in _NOT_APPLICATIONS):
        return None
    for words, found in _INDICATORS:
        if all(w in label for w in words):
            return found
    return None


def _ordinal_value(text: str | None) -> int | None:
    if not text:
        return None
    digits = re.sub(r"\D", "", text)
    if digits:
        return int(digits)
    core = text.strip("、")
    return _CN_ORDINALS.index(core) + 1 if len(core) == 1 and core in _CN_ORDINALS else None


def _splits(run: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for cut in range(1, len(run)):
        year, total = run[:cut], run[cut:]
        if (year != "0" and year.startswith("0")) or (total != "0" and total.startswith("0")):
            continue
        if int(total) >= int(year):  # the total since 2008 includes this year
            out.append((int(year), int(total)))
    return out


class _Row:
    __slots__ = ("candidates", "key", "location", "parent", "text")

    def __init__(
        self,
        key: str,
        candidates: list[tuple[LegacyValue | None, ...]],
        location: Location,
        text: str,
        parent: _Row | None,
    ) -> None:
        self.key = key
        self.candidates = candidates
        self.location = location
        self.text = text
        self.parent = parent


def _lines(blocks: tuple[Block, ...]) -> list[tuple[str, Location]]:
    out: list[tuple[str, Location]] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append((block.text, block.location))
            continue
        for row in block.rows:
            texts = [c.text.strip() for c in row if c.merged_from is None]
            out.append(("\t".join(texts), row[0].location if row else block.location))
    return out


def _values(text: str, columns: int) -> list[tuple[LegacyValue | None, ...]]:
    tokens = text.split()
    parsed: list[LegacyValue | None] = []
    for token in tokens:
        if not re.fullmatch(r"\d+(?:\.\d+)?", token):
            parsed.append(None)
            continue
        number = Decimal(token)
        parsed.append(int(number) if number == number.to_integral_value() else number)
    if len(parsed) == columns:
        return [tuple(parsed)]
    if columns == 2 and len(tokens) == 1 and tokens[0].isdigit():
        return list(_splits(tokens[0]))
    return []


def _cut_ordinal(
    text: str, last_ordinal: int | None, location: Location, notes: list[Diagnostic]
) -> tuple[str, int | None]:
    # "…42515162、": the next row's number, when it continues the numbering, is cut off.
    trailing = _TRAILING_ORDINAL.match(text)
    if trailing is None:
        return text, None
    own = _ROW.match(trailing.group("body") + "0")
    numbered = own is not None and (own.group("ord") or " ")[0].isdigit()
    current = _ordinal_value(own.group("ord")) if own is not None and numbered else None
    expected = str((current or last_ordinal or 0) + 1)
    digits = trailing.group("digits")
    if not digits.endswith(expected) or len(digits) == len(expected):
        return text, None
    notes.append(diagnostic("ordinal-cut", ordinal=expected, location=location))
    return trailing.group("body") + digits[: -len(expected)], int(expected)


def read_legacy_tables(
    blocks: tuple[Block, ...], notes: list[Diagnostic]
) -> tuple[dict[str, LegacyValue], dict[str, Location]]:
    """The statistics of the pre-2019 statistics tables in ``blocks``, and where each is."""
    columns = 0
    rows: list[_Row] = []
    parent: _Row | None = None
    last_ordinal: int | None = None
    for raw, location in _lines(blocks):
        text = unicodedata.normalize("NFKC", raw).strip()
        header = _HEADER.search(text)
        if header is not None and not re.search(r"\d", text[header.start() :]):
            # The header, perhaps after the text before it on a page run together.
            columns = 2 if _CUMULATIVE.search(text, header.start()) else 1
            continue
        if not columns or not text or "。" in text:
            continue
        text, cut = _cut_ordinal(text, last_ordinal, location, notes)
        match = _ROW.match(text)
        if match is None:
            continue
        ordinal = _ordinal_value(match.group("ord"))
        if ordinal is not None:
            # Numbering 1、2、… restarts under each 一、二、 heading row.
            last_ordinal = ordinal if match.group("ord")[0].isdigit() else 0
        if cut is not None:
            last_ordinal = cut  # the next row's number, moved to the end of this row
        key = _indicator(match.group("label"))
        if key is None or not match.group("values"):
            if key is not None and not match.group("of"):
                parent = None
            continue
        candidates: list[tuple[LegacyValue | None, ...]] = list(
            _values(match.group("values"), columns)
        )
        if match.group("unit") == "万元" and key in _AMOUNT_KEYS:
            candidates = [
                tuple(None if v is None else v * Decimal(10000) for v in c) for c in candidates
            ]
        row = _Row(key, candidates, location, text, parent if match.group("of") else None)
        if not match.group("of"):
            parent = row
        rows.append(row)
    _narrow(rows)
    return _report(rows, columns, notes)


def _narrow(rows: list[_Row]) -> None:
    # A sub-row (其中) is not above its row in either column: narrow both by the other,
    # until nothing changes (each pass only removes candidates).
    changed = True
    while changed:
        changed = False
        for row in rows:
            parent = row.parent
            if parent is None or not parent.candidates or not row.candidates:
                continue
            kept_children = [
                c for c in row.candidates if any(_within(c, p) for p in parent.candidates)
            ]
            kept_parents = [
                p for p in parent.candidates if any(_within(c, p) for c in row.candidates)
            ]
            if kept_children and len(kept_children) < len(row.candidates):
                row.candidates, changed = kept_children, True
            if kept_parents and len(kept_parents) < len(parent.candidates):
                parent.candidates, changed = kept_parents, True


def _within(child: tuple[LegacyValue | None, ...], parent: tuple[LegacyValue | None, ...]) -> bool:
    return all(c is None or p is None or c <= p for c, p in zip(child, parent, strict=False))


def _report(
    rows: list[_Row], columns: int, notes: list[Diagnostic]
) -> tuple[dict[str, LegacyValue], dict[str, Location]]:
    stats: dict[str, LegacyValue] = {}
    where: dict[str, Location] = {}
    suffixes = ("", "_cumulative")[:columns]
    for row in rows:
        if any(row.key + s in stats for s in suffixes):
            continue
        if len(row.candidates) != 1:
            shown = "; ".join(describe(c) for c in row.candidates[:5]) or "none"
            notes.append(
                diagnostic(
                    "row-ambiguous",
                    variant="legacy",
                    text=row.text,
                    shown=shown,
                    location=row.location,
                    address=f"legacy.{row.key}",
                )
            )
            continue
        for suffix, value in zip(suffixes, row.candidates[0], strict=False):
            if value is not None:
                record_statistic(
                    (stats, where),
                    notes,
                    row.key + suffix,
                    value,
                    location=row.location,
                    evidence=("table", row.text),
                )
    return stats, where
