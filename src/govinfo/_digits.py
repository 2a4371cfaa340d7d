"""Digits to numbers, and the bound on how large a figure of a report may be.

Strategy: one function turns a run of digits into an ``int`` for every reader, and it accepts
exactly the ASCII digits and their full-width forms (``０``–``９``, which Chinese documents
print). ``str.isdigit()`` and ``int()`` accept far more (superscripts such as ``²``, other
scripts' digits), and ``int()`` raises ``ValueError`` past 4,300 digits; neither belongs in a
reader of untrusted input.

A report prints counts of requests and amounts of money: no real figure has more than a handful
of digits, and a double (what Excel stores) holds 15. A figure with more than
:data:`MAX_FIGURE_DIGITS` digits before the decimal point, or more than
:data:`MAX_FRACTION_DIGITS` after it, is therefore not a figure of a report: readers leave such a
cell unknown with a diagnostic, and the model refuses it (:class:`~govinfo.InvalidValueError`).
"""

from __future__ import annotations

from decimal import Decimal

__all__ = [
    "MAX_FIGURE",
    "MAX_FIGURE_DIGITS",
    "MAX_FRACTION_DIGITS",
    "MAX_INDEX_DIGITS",
    "figure_fits",
    "parse_digits",
]

#: Most digits a count (or an amount's whole part) of a report may have.
MAX_FIGURE_DIGITS = 15
#: Most decimal places an amount may have.
MAX_FRACTION_DIGITS = 15
#: Most digits of an index or a row number inside a file (Excel's last row, 1,048,576, has 7).
MAX_INDEX_DIGITS = 9
#: The largest count a report may hold (fifteen nines).
MAX_FIGURE = 10**MAX_FIGURE_DIGITS - 1

_ASCII = "0123456789"
_FULL_WIDTH = "０１２３４５６７８９"
_TO_ASCII = str.maketrans(_FULL_WIDTH, _ASCII)
_ALLOWED = frozenset(_ASCII + _FULL_WIDTH)


def parse_digits(text: str | None, *, max_digits: int = MAX_FIGURE_DIGITS) -> int | None:
    """The value of ``text`` when it is 1 to ``max_digits`` ASCII or full-width digits.

    No sign, no space, no separator: anything else (including a longer run, ``²`` or another
    script's digits) gives ``None``. The length is checked before any conversion, so the cost
    is bounded by ``max_digits`` whatever the input.
    """
    if text is None or not 0 < len(text) <= max_digits:
        return None
    if text.isascii() and text.isdigit():  # the common case; for ASCII, isdigit() is 0-9
        return int(text)
    if not _ALLOWED.issuperset(text):
        return None
    return int(text.translate(_TO_ASCII))


def figure_fits(value: int | Decimal) -> bool:
    """Whether ``value`` is within the bounds of a report's figure (sign not considered)."""
    if isinstance(value, int):
        return bool(-MAX_FIGURE <= value <= MAX_FIGURE)
    if not value.is_finite():
        return False
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)  # finite: never 'n', 'N' or 'F'
    # adjusted() is the power of ten of the leading digit: 15 whole digits means at most 14.
    return bool(value.adjusted() < MAX_FIGURE_DIGITS and exponent >= -MAX_FRACTION_DIGITS)
