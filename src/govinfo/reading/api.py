"""``read``: one entry point that picks the reader by content, then by suffix.

Strategy: readers are registered by dotted path and imported only when used, so reading text
never imports lxml or openpyxl, and a format whose reader is not installed (or not written
yet) fails with :class:`~govinfo.UnsupportedFormatError` naming it, not with an ImportError.
Content decides first (a zip holding ``word/document.xml`` is DOCX, ``xl/workbook.xml`` XLSX;
XML in govinfo's namespace is XML); the file suffix decides only when content cannot; what is
left is read as text.
"""

from __future__ import annotations

import importlib
import os
import pathlib
from collections.abc import Callable
from typing import BinaryIO, cast

from govinfo.errors import ReadError, UnsupportedFormatError
from govinfo.locations import Location
from govinfo.reading._safe import load_source, open_zip, sniff
from govinfo.reading.result import ReadResult

__all__ = ["FORMATS", "read"]

#: Reader of each format, as ``module:function``; each takes ``(source, *, name=None)``.
FORMATS: dict[str, str] = {
    "text": "govinfo.reading.text:read_text",
    "docx": "govinfo.reading.docx:read_docx",
    "xlsx": "govinfo.reading.xlsx:read_xlsx",
    "xml": "govinfo.reading.xml:read_xml",
}

_SUFFIXES = {".txt": "text", ".text": "text", ".docx": "docx", ".xlsx": "xlsx", ".xml": "xml"}
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


def _by_content(data: bytes, display: str) -> str | None:
    kind = sniff(data)
    if kind in ("zip", "ole"):
        archive = open_zip(data, source=display)
        if "word/document.xml" in archive:
            return "docx"
        if "xl/workbook.xml" in archive:
            return "xlsx"
        raise UnsupportedFormatError(
            "a zip archive that is neither a Word (.docx) nor an Excel (.xlsx) document",
            location=Location(source=display),
        )
    if kind == "xml":
        head = data[:4096]
        if _XML_NAMESPACE in head or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<?xml"):
            return "xml"
    return None


def read(
    source: str | bytes | os.PathLike[str] | BinaryIO,
    *,
    format: str | None = None,
    name: str | None = None,
) -> ReadResult:
    """Read a report from any supported source, choosing the reader by content and suffix.

    Args:
        source: a path (``str`` or ``os.PathLike``), bytes or a binary file, in any
            supported format. To read text you already hold, use :func:`read_text`.
        format: force a reader: ``"text"``, ``"docx"``, ``"xlsx"`` or ``"xml"``.
        name: the name to use in locations and messages (default: the path).

    Returns:
        The report with its diagnostics, inferred cells and source locations.

    Raises:
        UnsupportedFormatError: an unknown ``format``, a format this installation cannot
            read, or an archive that is not a Word or Excel document.
        NotAReportError: the source holds no annual report.
        ReadError: the source cannot be read (missing file, corrupt archive).
        UnsafeInputError: the source was refused for safety (size, zip bomb, DTD).

    Example:
        >>> result = read("examples/reports/001_6936dc3b40e04b6e.txt")
        >>> result.report.organ
        '阜新市细河区人民政府'
    """
    if isinstance(source, str):
        if "\n" in source:
            # Like open(), read() takes a str as a path; a str with line breaks is report text.
            raise ReadError(
                "read() takes a path, bytes or a file; this str looks like report text: "
                "use govinfo.read_text(text)",
                location=Location(source=name or "<text>"),
            )
        source = pathlib.Path(source)
    data, display = load_source(source, name=name)
    where = Location(source=display)
    fmt = format or _by_content(data, display)
    if fmt is None:
        suffix = os.path.splitext(display)[1].lower()
        fmt = _SUFFIXES.get(suffix, "text")
    return _reader(fmt, where)(data, name=display)
