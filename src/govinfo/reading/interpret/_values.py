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

__all__ = ["Kind", "Value", "normalise", "parse_value"]


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
