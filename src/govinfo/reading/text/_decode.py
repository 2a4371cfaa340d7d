"""Bytes to text: the encodings Chinese reports are saved in.

Strategy: a byte-order mark decides outright (UTF-8, UTF-16 LE/BE). Without one, UTF-16 is
recognised by its zero bytes (CJK text in UTF-16 still has a zero high byte on every ASCII
character: digits, tabs, line breaks), then strict UTF-8 is tried, then
GB18030 (a superset of GBK and GB2312). GB18030 maps almost any byte sequence, so it is
tried only after UTF-8 fails; bytes that no candidate decodes are replaced and reported.
"""

from __future__ import annotations

import codecs

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.locations import Location

__all__ = ["decode"]

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


def _utf16_guess(data: bytes) -> str | None:
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    # ASCII (digits, tabs, newlines) puts a zero in the high byte; a few CJK characters
    # (U+4E00 一) put one in the low byte, so compare the two sides rather than demand none.
    enough = max(2, len(sample) // 40)
    if odd_zeros >= enough and odd_zeros >= 4 * even_zeros:
        return "utf-16-le"
    if even_zeros >= enough and even_zeros >= 4 * odd_zeros:
        return "utf-16-be"
    return None


def decode(data: bytes, source: str) -> tuple[str, list[Diagnostic]]:
    """Decode ``data``, returning the text and a note of the encoding when it is not UTF-8."""
    notes: list[Diagnostic] = []
    where = Location(source=source)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            name = encoding.replace("-sig", "")
            try:
                text = body.decode(name)
            except UnicodeDecodeError:
                text = body.decode(name, errors="replace")
                notes.append(_replaced(name, where))
            if name != "utf-8":
                notes.append(_detected(name, "bom", where))
            return text, notes
    guess = _utf16_guess(data)
    candidates = ([guess] if guess else []) + ["utf-8", "gb18030"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding != "utf-8":
            notes.append(_detected(encoding, "", where))
        return text, notes
    text = data.decode("utf-8", errors="replace")
    notes.append(_replaced("utf-8", where))
    return text, notes


def _detected(encoding: str, variant: str, where: Location) -> Diagnostic:
    return diagnostic(
        "encoding-detected", variant=variant, encoding=encoding.upper(), location=where
    )


def _replaced(encoding: str, where: Location) -> Diagnostic:
    return diagnostic("encoding-replaced", encoding=encoding.upper(), location=where)
