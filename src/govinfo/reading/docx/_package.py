"""From a file's bytes to the root element of its main document part, or a clear refusal.

Strategy: a DOCX is a zip package whose main part is almost always ``word/document.xml``; only
when that member is missing does the package's ``_rels/.rels`` get parsed to find a main part
under another name. Anything else is identified as closely as cheaply possible (a legacy
``.doc``, a workbook, a PDF, RTF, Word 2003 XML, an OpenDocument file) so the error can say what
the file is and what to do with it. All opening and parsing goes through ``govinfo._safe``.
"""

from __future__ import annotations

import attrs
from lxml import etree

from govinfo._safe import SafeZip, open_zip, parse_xml, sniff
from govinfo.errors import ReadError, UnsupportedFormatError
from govinfo.locations import Location
from govinfo.reading.docx._names import TAGS_BY_NAMESPACE, Tags

__all__ = ["DEFAULT_MAIN_PART", "MainPart", "open_main_part"]

DEFAULT_MAIN_PART = "word/document.xml"

_SAVE_AS = "open it in Word, WPS or LibreOffice and save it as .docx"

# Other packages a user may hand to the DOCX reader by mistake: a member that gives each away.
_OTHER_PACKAGES = (
    ("xl/workbook.xml", "an Excel workbook (XLSX), not a Word document; read it with read_xlsx"),
    ("ppt/presentation.xml", "a PowerPoint presentation (PPTX), not a Word document"),
    ("content.xml", f"an OpenDocument file (.odt/.ods), not a Word document; {_SAVE_AS}"),
)


@attrs.frozen
class MainPart:
    """The parsed main document part of a DOCX package."""

    root: etree._Element
    name: str
    tags: Tags


def open_main_part(data: bytes, *, source: str) -> MainPart:
    """Open ``data`` as a DOCX package and parse its main document part.

    Raises:
        UnsupportedFormatError: ``data`` is not a DOCX package; the message says what it is.
        UnsafeInputError: the package or its XML breaks a safety limit.
        ReadError: the package or its XML is corrupt.
    """
    where = Location(source=source)
    if sniff(data) == "ole":
        raise UnsupportedFormatError(
            f"this is a legacy binary Word file (.doc) or an encrypted document; {_SAVE_AS} "
            "(without a password)",
            location=where,
        )
    if sniff(data) != "zip":
        raise UnsupportedFormatError(f"this is {_describe(data)}", location=where)
    archive = open_zip(data, source=source)
    name = _main_part_name(archive, source)
    root = parse_xml(archive.read(name), source=source, part=name)
    namespace = etree.QName(root).namespace or ""
    tags = TAGS_BY_NAMESPACE.get(namespace)
    if tags is None or root.tag != tags.document:
        raise ReadError(
            f"the main part is a <{etree.QName(root).localname}> element, not a Word document",
            location=Location(source=source, xpath=name),
        )
    return MainPart(root=root, name=name, tags=tags)


def _main_part_name(archive: SafeZip, source: str) -> str:
    if DEFAULT_MAIN_PART in archive:
        return DEFAULT_MAIN_PART
    target = archive.main_part()
    # A workbook's or presentation's main part is an "officeDocument" too.
    if target is not None and target in archive and not target.startswith(("xl/", "ppt/")):
        return target
    for member, what in _OTHER_PACKAGES:
        if member in archive:
            raise UnsupportedFormatError(
                f"this is {what}", location=Location(source=source, xpath=member)
            )
    raise UnsupportedFormatError(
        f"this zip archive is not a Word document: it has no {DEFAULT_MAIN_PART}",
        location=Location(source=source),
    )


def _describe(data: bytes) -> str:
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"%pdf"):
        return "a PDF file, not a DOCX; read it with read_pdf (or read)"
    if head.startswith(b"{\\rtf"):
        return f"an RTF file, not a DOCX; {_SAVE_AS}"
    if head.startswith(b"<"):
        if b"word.document" in head or b"w:worddocument" in head:
            return f"a Word 2003 XML document, not a DOCX; {_SAVE_AS}"
        if b"<html" in head or b"<!doctype html" in head:
            return "a web page (HTML), not a DOCX; save its text and use read_text"
        return "an XML file, not a DOCX (a .docx is a zip package)"
    if not data:
        return "an empty file, not a DOCX"
    return "not a DOCX: a .docx is a zip package and this file does not start like one"
