"""A web page's bytes to text, the encoding decided before any parsing.

Strategy: lxml given bytes guesses the encoding itself, and guesses wrong on a good share of
real pages (UTF-8 or GBK without a meta tag come out as Latin-1 mojibake; a page labelled
``gb2312`` that uses GBK-only characters such as 堃喆祎 is silently cut short). So the front end
decides, in this order:

1. a byte-order mark;
2. a charset declared in the first few KiB: ``<meta charset=…>``, ``http-equiv`` content, or
   a ``charset=`` inside another meta's content (a viewport meta, as some sites write it);
   any GB2312/GBK label is read as GB18030, its superset, because sites label GBK pages
   ``gb2312``. A declaration the bytes contradict (not decodable as declared) is set aside;
3. strict UTF-8, then GB18030 (the text front end's order, :mod:`govinfo.reading.text._decode`).

The decision is always recorded (``html-encoding``), and so is a declaration set aside.

A web archive (``.mht``, MIME ``multipart/related``) is unwrapped first: its first
``text/html`` part, with the charset its MIME header declares.
"""

from __future__ import annotations

import codecs
import email
import email.policy
import re

import attrs

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.locations import Location
from govinfo.reading.text._decode import decode as decode_text

__all__ = ["HEAD_BYTES", "declared_charset", "decode_page", "unwrap_mht"]

#: How far into the page a charset declaration is looked for. The HTML standard's prescan
#: reads 1 KiB; real pages put dozens of site meta tags first, so look further.
HEAD_BYTES = 8192

_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_META = re.compile(rb"<meta\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
#: Labels of GB2312 and GBK, all read as GB18030 (a superset of both).
_GB_LABELS = frozenset(
    {"gb2312", "gbk", "x-gbk", "cp936", "ms936", "windows-936", "csgb2312", "gb_2312-80",
     "gb_2312", "chinese", "iso-ir-58", "csiso58gb231280", "gb18030", "euc-cn", "x-euc-cn"}
)  # fmt: skip
#: Labels the HTML standard maps to windows-1252: honoured only when the bytes are not
#: valid UTF-8 (a template's default label over a UTF-8 body is the common case).
_LATIN_LABELS = frozenset({"iso-8859-1", "latin1", "latin-1", "us-ascii", "ascii", "windows-1252"})


def declared_charset(data: bytes) -> str | None:
    """The charset label a meta tag in the first :data:`HEAD_BYTES` declares, lowercased."""
    for meta in _META.finditer(data, 0, HEAD_BYTES):
        found = _CHARSET.search(meta.group())
        if found is not None:
            return found.group(1).decode("ascii").lower()
    return None


#: Python codec names (their start) that web pages may declare. A label naming anything else
#: (``base64``, ``unicode_escape``, ``idna``: codecs Python has but pages are never in) is
#: set aside, never used to decode.
_WEB_CODECS = (
    "utf-8", "utf-16", "gb18030", "gbk", "big5", "hz", "shift_jis", "euc_", "iso2022_",
    "iso8859-", "cp125", "cp874", "cp866", "koi8-", "mac-", "ascii", "latin",
)  # fmt: skip


def _codec(label: str) -> str | None:
    if label in _GB_LABELS:
        return "gb18030"
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return name if name.startswith(_WEB_CODECS) else None


def unwrap_mht(data: bytes) -> tuple[bytes, str | None] | None:
    """The first HTML part of a web archive and its MIME charset; ``None`` if not an archive."""
    head = data[:2048].lower()
    if b"multipart/related" not in head or b"mime-version" not in head:
        return None
    message = email.message_from_bytes(data, policy=email.policy.compat32)
    for part in message.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if isinstance(payload, bytes):
                return payload, part.get_content_charset()
    return None


def decode_page(data: bytes, source: str) -> tuple[str, list[Diagnostic]]:
    """Decode a page, returning its text and the diagnostics that record the decision."""
    where = Location(source=source)
    notes: list[Diagnostic] = []
    archived = unwrap_mht(data)
    mime_label = None
    if archived is not None:
        data, mime_label = archived
        notes.append(diagnostic("html-mht", location=where))
    label = None if data.startswith(_BOMS) else mime_label or declared_charset(data)
    codec = None if label is None else _codec(label)
    if codec is not None and not (label in _LATIN_LABELS and _is_utf8(data)):
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            notes.append(
                diagnostic(
                    "html-charset-wrong",
                    label=label,
                    byte=exc.start,
                    codec=codec.upper(),
                    location=where,
                )
            )
        else:
            superset = codec == "gb18030" and label != "gb18030"
            notes.append(
                diagnostic(
                    "html-encoding",
                    variant="gb-superset" if superset else "",
                    codec=codec.upper(),
                    label=label,
                    location=where,
                )
            )
            return text, notes
    elif label is not None:
        notes.append(
            diagnostic("html-charset-wrong", variant="unknown", label=label, location=where)
        )
    text, found = decode_text(data, source)
    # The text front end notes a non-UTF-8 guess; here one note says what was decided and why.
    notes.extend(note for note in found if note.code != "encoding-detected")
    detected = next((note for note in found if note.code == "encoding-detected"), None)
    if detected is not None:
        # the text front end's words, under the HTML reader's code
        notes.append(attrs.evolve(detected, code="html-encoding", location=where))
    else:
        variant = "bom" if data.startswith(codecs.BOM_UTF8) else "utf-8"
        notes.append(diagnostic("html-encoding", variant=variant, location=where))
    return text, notes


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return not data.isascii()
