"""The DOCX front end: Word, WPS and LibreOffice documents read with zipfile and lxml."""

from __future__ import annotations

import os
from typing import BinaryIO

from govinfo._safe import load_source
from govinfo.reading.document import Document
from govinfo.reading.docx._document import docx_document
from govinfo.reading.interpret import interpret
from govinfo.reading.result import ReadResult

__all__ = ["read_docx", "read_docx_document"]

DocxSource = str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO


def read_docx_document(source: DocxSource, *, name: str | None = None) -> Document:
    """Read a Word document into the neutral document, without interpreting it.

    Useful to see what the interpreter is given: the body's paragraphs and tables in
    document order, merged cells expanded to the grid (covered cells repeat their origin and
    name it in ``merged_from``), nested tables' rows spliced in after the row holding them,
    text boxes after their paragraph, and a full-width caption row as a paragraph.

    Args:
        source: a path (``os.PathLike``), the file's bytes, or a binary file object.
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Raises:
        UnsupportedFormatError: the file is not a DOCX; the message says what it is.
        UnsafeInputError: the file breaks a safety limit.
        ReadError: the file cannot be read, or its archive or XML is corrupt.
        TypeError: ``source`` is of a type the reader does not accept (a ``str``).
    """
    data, display = load_source(source, name=name)
    return docx_document(data, source=display)


def read_docx(source: DocxSource, *, name: str | None = None) -> ReadResult:
    """Read a report from a Word document (``.docx``, also ``.docm``/``.dotx``; Strict OOXML too).

    Only the main document part is read. Paragraphs and tables are taken in document order,
    including those in content controls and text boxes; merged cells are expanded so a label
    spanning rows applies to each; tracked changes are read as if accepted (inserted text
    counts, deleted text does not); field instructions are not text, and a table of contents
    is left out. Headings are recognised from their text, never from paragraph styles.

    Args:
        source: a path (``str`` or ``os.PathLike``), the file's bytes, or a binary file
            object (docs/api.md, "Sources").
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Returns:
        The report, with the reading's diagnostics (each naming its table, row and cell, or
        its paragraph's XPath), the cells filled by inference, and where each read cell
        came from.

    Raises:
        UnsupportedFormatError: the file is not a DOCX (a legacy ``.doc``, an XLSX, a PDF, a
            zip without a Word document part, ...); the message says what it is and what to do.
        UnsafeInputError: the file breaks a safety limit (size, zip bomb, DTD or entities,
            tables that expand past the cell limit).
        ReadError: the file cannot be read, or its archive or XML is corrupt.
        NotAReportError: the document holds no annual report.
        TypeError: ``source`` is of a type the reader does not accept.

    Example:
        >>> from pathlib import Path
        >>> result = read_docx(Path("tests/data/fixtures/001_6936dc3b40e04b6e.docx"))
        >>> result.report.applications.new_received.total
        4
    """
    return interpret(read_docx_document(source, name=name))
