"""Cell text to value: the forms real tables print numbers in.

Strategy: normalise first (NFKC turns full-width digits, commas and spaces into ASCII; the
non-breaking space into a space), then recognise a small grammar: a blank; a "not applicable"
mark (``/``, dashes, ``无``); or a number with optional sign, thousands separators, decimals and
a unit. Anything else is text. The result keeps the kind, so the interpreter can tell a blank
(which may later read as 0) from a ``/`` (which stays ``None``).
"""

from __future__ import annotations

import enum
import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

import attrs

from govinfo._digits import figure_fits

__all__ = ["Kind", "Value", "chinese_numeral", "normalise", "parse_value"]


class Kind(enum.Enum):
    BLANK = "blank"
    NOT_APPLICABLE = "not-applicable"
    NUMBER = "number"
    TEXT = "text"


@attrs.frozen
class Value:
    """A parsed cell: its kind, its number (in the unit the column expects) and its notes."""

    kind: Kind
    number: Decimal | None = None
    signed: bool = False
    unit: str | None = None
    separators: bool = False
    integer: int | None = None  #: the number as an int, when it is whole


_NA_MARKS = frozenset({"/", "\\", "-", "--", "—", "——", "–", "─", "无", "/ ", "×", "x", "X", "-/-"})
_NUMBER = re.compile(
    r"(?P<sign>[+-])?(?P<int>[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?P<frac>\.[0-9]+)?"
    r"(?P<unit>万元|元|件|条|个|人次|次|项)?"
)
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """NFKC with every run of whitespace (nbsp, ideographic space) made one space, trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFKC", text)).strip()


@functools.lru_cache(maxsize=8192)
def parse_value(text: str) -> Value:
    """Classify the text of one cell and read its number when it is one (cached: cells repeat)."""
    norm = normalise(text)
    if not norm:
        return Value(Kind.BLANK)
    compact = norm.replace(" ", "")
    if compact in _NA_MARKS:
        return Value(Kind.NOT_APPLICABLE)
    match = _NUMBER.fullmatch(compact)
    if match is None:
        return Value(Kind.TEXT)
    digits = match["int"].replace(",", "") + (match["frac"] or "")
    try:
        number = Decimal(digits)
    except InvalidOperation:  # pragma: no cover - the regex admits only decimal digits
        return Value(Kind.TEXT)
    if match["sign"] == "-":
        number = -number
    return Value(
        Kind.NUMBER,
        number,
        signed=match["sign"] is not None,
        unit=match["unit"],
        separators="," in match["int"],
        # int() of a Decimal is quadratic in its digits: an overlong figure (which the
        # interpreter refuses) is never converted.
        integer=int(number)
        if figure_fits(number) and number == number.to_integral_value()
        else None,
    )


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7}
_DIGITS.update({"八": 8, "九": 9})
_UNITS = {"十": 10, "百": 100, "千": 1000}
_CHINESE = re.compile(r"[零〇一二两三四五六七八九十百千万]{1,12}")


def chinese_numeral(text: str) -> int | None:
    """A count written in Chinese numerals (``二十七``, ``一百零五``, ``十``), or ``None``.

    Only the regular forms are read: every unit (十, 百, 千, 万) at most once and in
    decreasing order, a digit before each unit except a leading 十, and 零 only where a unit
    is skipped; anything else is not read, so no reading is a guess.
    """
    compact = normalise(text).replace(" ", "")
    if compact in ("零", "〇"):
        return 0
    if not _CHINESE.fullmatch(compact):
        return None
    high, _, low = compact.rpartition("万")
    if "万" in high:
        return None
    if high:
        upper = _below_10000(high)
        lower = _below_10000(low) if low else 0
        if upper is None or lower is None or upper == 0:
            return None
        return upper * 10000 + lower
    return _below_10000(low)


def _below_10000(text: str) -> int | None:
    total = 0
    digit: int | None = None
    last_unit = 10000
    zero = False
    for index, char in enumerate(text):
        if char in _DIGITS:
            if digit is not None:
                return None
            digit = _DIGITS[char]
            if digit == 0:
                if zero or index == 0:
                    return None
                zero, digit = True, None
            continue
        unit = _UNITS[char]
        if unit >= last_unit or (digit is None and not (unit == 10 and index == 0)):
            return None
        total += (1 if digit is None else digit) * unit
        last_unit, digit, zero = unit, None, False
    if digit is not None:
        if last_unit != 10000 and last_unit > 10 and not zero and digit != 0:
            # 三百五 is colloquial for 350: not read (it could be a typo for 三百零五).
            return None
        total += digit
    return total
