"""The names and text encoding shared by the XML writer, the XML reader and the XSD generator.

Strategy: XML 1.0 cannot carry every character a Python ``str`` can hold (C0 controls other
than tab, newline and carriage return; U+FFFE and U+FFFF; lone surrogates). Rather than
refuse such text or invent a backslash escape that would also need escaping itself, a text
element is *mixed content*: ordinary characters are character data, and each character XML
cannot carry is an empty ``<char code="HEX"/>`` element at its place. The text is the
concatenation, so the round trip is exact and a consumer that ignores ``char`` elements
merely loses those characters. Carriage returns survive because lxml writes them as
``&#13;``, which a parser does not normalise to a newline.
"""

from __future__ import annotations

import re

from lxml import etree

from govinfo.errors import WriteError
from govinfo.locations import Location

__all__ = [
    "CHAR",
    "CHAR_CODE_PATTERN",
    "CODE",
    "KEY",
    "LABEL_ATTR",
    "MAX_TEXT_BYTES",
    "NS",
    "SCHEMA_FILE",
    "TEMPLATE_ATTR",
    "qname",
    "read_text",
    "write_text",
]

#: The namespace of format version 1; a breaking change gets a new number.
NS = "urn:govinfo:annual-report:1"
#: The XSD's file name inside the ``govinfo.schema`` package.
SCHEMA_FILE = "govinfo-report-1.xsd"
#: Root attribute giving the template version.
TEMPLATE_ATTR = "template"
#: Attribute carrying the official Chinese label of an element, for people.
LABEL_ATTR = "label"
#: The element standing for one character XML 1.0 cannot carry, and its attribute.
CHAR = "char"
CODE = "code"
#: Attribute naming a pre-2019 statistic.
KEY = "key"

# XML 1.0 Char production, inverted: what must travel as <char code=".."/>.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: Longest run of character data libxml2 reads without its "huge" option (UTF-8 bytes).
MAX_TEXT_BYTES = 10_000_000

#: XSD pattern of ``code``: exactly the code points matched by ``_NOT_XML``, upper-case hex.
CHAR_CODE_PATTERN = "[0-8BCEF]|1[0-9A-F]|D[89A-F][0-9A-F]{2}|FFF[EF]"


def qname(name: str) -> str:
    """``name`` in the govinfo namespace, in lxml's ``{ns}name`` form."""
    return f"{{{NS}}}{name}"


_CHAR_TAG = qname(CHAR)


def _check_length(element: etree._Element, piece: str) -> None:
    # A run longer than the parser's limit would be written but could not be read back.
    if len(piece) * 4 > MAX_TEXT_BYTES and len(piece.encode("utf-8")) > MAX_TEXT_BYTES:
        name = etree.QName(element).localname
        raise WriteError(
            f"the text of {name!r} has a run of {len(piece.encode('utf-8'))} bytes; XML "
            f"readers refuse text over {MAX_TEXT_BYTES} bytes",
            location=Location(xpath=name),
        )


def write_text(element: etree._Element, text: str) -> None:
    """Put ``text`` into ``element``, encoding characters XML 1.0 cannot carry as ``char``.

    Raises:
        WriteError: a run of text is longer than XML readers accept (``MAX_TEXT_BYTES``).
    """
    if _NOT_XML.search(text) is None:
        _check_length(element, text)
        element.text = text
        return
    pieces = _NOT_XML.split(text)
    for piece in pieces:
        _check_length(element, piece)
    bad = _NOT_XML.findall(text)
    element.text = pieces[0]
    for char, after in zip(bad, pieces[1:], strict=True):
        child = etree.SubElement(element, _CHAR_TAG, {CODE: f"{ord(char):X}"})
        child.tail = after


def read_text(element: etree._Element) -> str:
    """The text of an element written by :func:`write_text` (schema-valid input assumed)."""
    if len(element) == 0:
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        # A comment or processing instruction inside the text is no character of it; the
        # text after it (its tail) is.
        if child.tag == _CHAR_TAG:
            parts.append(chr(int(child.get(CODE, "0"), 16)))
        parts.append(child.tail or "")
    return "".join(parts)
