"""``read``: one entry point that picks the reader by content, then by suffix.

Strategy: readers are registered by dotted path and imported only when used, so reading text
never imports lxml or openpyxl, and a format whose reader is not installed (or not written
yet) fails with :class:`~govinfo.UnsupportedFormatError` naming it, not with an ImportError.
Content decides first (a zip holding ``word/document.xml`` is DOCX, ``xl/workbook.xml`` XLSX;
a package whose main part has another name is told by the content type ``[Content_Types].xml``
gives that part, the part ``_rels/.rels`` names; an OLE2 file with a workbook stream is XLS and
one with a Word stream, like an OpenDocument zip, is converted by LibreOffice
(:mod:`govinfo.reading.office`); XML in govinfo's namespace is XML; a file starting ``%PDF-`` is
PDF; a page with ``<!DOCTYPE html``, ``<html``, ``<table`` or a charset meta in its first 4 KiB is
HTML, even when it starts ``<?xml`` as XHTML does); the file suffix decides only when content
cannot; what is left is read as text.
"""

from __future__ import annotations

import importlib
import os
from collections.abc import Callable
from typing import BinaryIO, cast

from govinfo._safe import SafeZip, load_source, open_zip, parse_xml, sniff
from govinfo.errors import UnsupportedFormatError
from govinfo.locations import Location
from govinfo.reading.office import kind_of
from govinfo.reading.result import ReadResult

__all__ = ["FORMATS", "read"]

#: Reader of each format, as ``module:function``; each takes ``(source, *, name=None)``.
FORMATS: dict[str, str] = {
    "text": "govinfo.reading.text:read_text",
    "docx": "govinfo.reading.docx:read_docx",
    "xlsx": "govinfo.reading.xlsx:read_xlsx",
    "xml": "govinfo.reading.xml:read_xml",
    "pdf": "govinfo.reading.pdf:read_pdf",
    "html": "govinfo.reading.html:read_html",
    "xls": "govinfo.reading.xls:read_xls",
    "office": "govinfo.reading.office:read_office",
}

_SUFFIXES = {".txt": "text", ".text": "text", ".docx": "docx", ".xlsx": "xlsx", ".xml": "xml"}
_SUFFIXES[".pdf"] = "pdf"
_SUFFIXES.update(dict.fromkeys((".html", ".htm", ".shtml", ".xhtml", ".mht", ".mhtml"), "html"))
# Legacy and OpenDocument files: .xls through xlrd, the others converted by LibreOffice.
_SUFFIXES.update({".xls": "xls", ".doc": "office", ".wps": "office", ".et": "office"})
_SUFFIXES.update({".odt": "office", ".ods": "office"})
_XML_NAMESPACE = b"urn:govinfo:annual-report:"

Reader = Callable[..., ReadResult]


def _reader(fmt: str, where: Location) -> Reader:
    target = FORMATS.get(fmt)
    if target is None:
        raise UnsupportedFormatError(
            f"unknown format {fmt!r}; expected one of {', '.join(sorted(FORMATS))}", location=where
        )
    module_name, _, function = target.partition(":")
    try:
        module = importlib.import_module(module_name)
        return cast(Reader, getattr(module, function))
    except (ImportError, AttributeError) as exc:
        raise UnsupportedFormatError(
            f"the {fmt} reader is not available in this installation ({exc})", location=where
        ) from exc


#: Main-part content types (before ``.main+xml``) of each package format: documents, templates
#: and their macro-enabled forms.
_MAIN_TYPES = {
    "docx": (
        "wordprocessingml.document",
        "wordprocessingml.template",
        "ms-word.document.macroenabled",
        "ms-word.template.macroenabled",
    ),
    "xlsx": (
        "spreadsheetml.sheet",
        "spreadsheetml.template",
        "ms-excel.sheet.macroenabled",
        "ms-excel.template.macroenabled",
    ),
}
_CONTENT_TYPES = "[Content_Types].xml"


def _by_package(archive: SafeZip, display: str) -> str | None:
    """DOCX or XLSX by the main part's content type, for a main part under another name."""
    if _CONTENT_TYPES not in archive:
        return None
    main = archive.main_part()
    root = parse_xml(archive.read(_CONTENT_TYPES), source=display, part=_CONTENT_TYPES)
    for element in root:
        part = str(element.get("PartName", "")).lstrip("/")
        content_type = str(element.get("ContentType", "")).lower()
        if not content_type.endswith(".main+xml") or (main is not None and part != main):
            continue
        for fmt, types in _MAIN_TYPES.items():
            if any(t + ".main+xml" in content_type for t in types):
                return fmt
    return None


def _by_content(data: bytes, display: str) -> str | None:
    kind = sniff(data)
    if kind == "pdf":
        return "pdf"
    if kind == "ole":
        # an OLE2 workbook stream is .xls; a Word stream is converted (reading/office.py)
        return "xls" if kind_of(data, source=display) == "xls" else "office"
    if kind == "zip":
        archive = open_zip(data, source=display)
        if "word/document.xml" in archive:
            return "docx"
        if "xl/workbook.xml" in archive:
            return "xlsx"
        fmt = _by_package(archive, display)
        if fmt is not None:
            return fmt
        if kind_of(data, source=display) is not None:
            return "office"  # OpenDocument
        raise UnsupportedFormatError(
            "a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) document",
            location=Location(source=display),
        )
    head = data[:4096]
    if kind == "xml" and _XML_NAMESPACE in head:
        return "xml"
    if _looks_like_html(head):
        return "html"
    if kind == "xml" and head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
        return "xml"
    return None


#: What marks a page as HTML in its first 4 KiB (an XHTML page starts ``<?xml`` too).
_HTML_MARKS = (b"<!doctype html", b"<html", b"<table", b"<body", b"<head>")


def _looks_like_html(head: bytes) -> bool:
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = head.replace(b"\x00", b"")  # UTF-16, as Word may save a web page
    lowered = head.lower()
    if any(mark in lowered for mark in _HTML_MARKS):
        return True
    if b"multipart/related" in lowered and b"mime-version" in lowered:
        return True  # a web archive (.mht)
    return b"<meta" in lowered and b"charset" in lowered


def read(
    source: str | bytes | os.PathLike[str] | BinaryIO,
    *,
    format: str | None = None,
    name: str | None = None,
) -> ReadResult:
    """Read a report from any supported source, choosing the reader by content and suffix.

    Args:
        source: a path (``str`` or ``os.PathLike``), bytes or a binary file, in any
            supported format (docs/api.md, "Sources"). To read text you already hold, use
            :func:`read_text`; a ``str`` with line breaks is refused with a ``ReadError``
            that says so.
        format: force a reader: a key of :data:`FORMATS` (``"text"``, ``"docx"``,
            ``"xlsx"``, ``"xml"``, ``"xls"``, ``"office"``, ``"pdf"``, ``"html"``).
        name: the name to use in locations and messages (default: the path).

    Returns:
        The report with its diagnostics, inferred cells and source locations.

    Raises:
        UnsupportedFormatError: an unknown ``format``, a format this installation cannot
            read (the message says what to install or do), or an archive that is not a Word
            or Excel document.
        NotAReportError: the source holds no annual report.
        ReadError: the source cannot be read (missing file, corrupt archive).
        UnsafeInputError: the source was refused for safety (size, zip bomb, DTD).

    Example:
        >>> result = read("examples/reports/001_6936dc3b40e04b6e.txt")
        >>> result.report.organ
        '阜新市细河区人民政府'
    """
    data, display = load_source(source, name=name)
    where = Location(source=display)
    fmt = format or _by_content(data, display)
    if fmt is None:
        suffix = os.path.splitext(display)[1].lower()
        fmt = _SUFFIXES.get(suffix, "text")
    return _reader(fmt, where)(data, name=display)
