"""The PDF front end: a report as published, read from its characters and its table rulings.

Strategy: pdfium (through the optional ``pypdfium2`` extra, imported only here, on first use)
gives each page's characters with their boxes and the straight segments of its drawn paths
(:mod:`._engine`); govinfo builds the tables itself from the rulings (:mod:`._rulings`,
:mod:`._grid`), lays out the text around them (:mod:`._text`), joins what page breaks cut
apart (:mod:`._pages`) and emits the neutral document (:mod:`._document`) with
``geometry=True`` tables, so the interpreter reads every value by the column it is drawn in.
"""

from __future__ import annotations

import importlib
import os
from typing import BinaryIO

from govinfo._safe import load_source, sniff
from govinfo.errors import NotAReportError, UnsupportedFormatError
from govinfo.locations import Location
from govinfo.reading.document import Document, Table
from govinfo.reading.interpret import interpret
from govinfo.reading.pdf._document import pdf_document
from govinfo.reading.pdf._shapes import PageContent
from govinfo.reading.result import ReadResult

__all__ = ["INSTALL_HINT", "read_pdf", "read_pdf_document"]

PdfSource = bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO

#: What to install for PDF support.
INSTALL_HINT = 'pip install "govinfo[pdf]"'


def _load_pages(data: bytes, display: str) -> list[PageContent]:
    try:
        # Imported on first use: pypdfium2 is an optional extra.
        engine = importlib.import_module("govinfo.reading.pdf._engine")
    except ImportError as exc:
        raise UnsupportedFormatError(
            f"reading PDF needs the pypdfium2 package: {INSTALL_HINT}",
            location=Location(source=display),
        ) from exc
    if sniff(data) != "pdf":
        raise UnsupportedFormatError(
            "not a PDF file (no %PDF- header)", location=Location(source=display)
        )
    pages: list[PageContent] = engine.read_pages(data, source=display)
    return pages


def read_pdf_document(source: PdfSource, *, name: str | None = None) -> Document:
    """Read a PDF into the neutral document, without interpreting it.

    Useful to see what the interpreter is given: paragraphs (lines joined, page numbers
    dropped) and ruled tables expanded to their grid (covered cells repeat their origin and
    name it in ``merged_from``), joined across page breaks, every cell located by page, table,
    row, column and box.

    Args:
        source: a path (``os.PathLike``), the file's bytes, or a binary file object.
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Raises:
        UnsupportedFormatError: pypdfium2 is not installed; the file is not a PDF, is
            password-protected, or is a scan without text (it needs OCR).
        UnsafeInputError: the file is too large or has too many pages.
        ReadError: the file cannot be read or is damaged.
        TypeError: ``source`` is of a type the reader does not accept (a ``str``).
    """
    data, display = load_source(source, name=name)
    return pdf_document(_load_pages(data, display), source=display)


def read_pdf(source: PdfSource, *, name: str | None = None) -> ReadResult:
    """Read a report from a PDF (as published: WPS, Word or LibreOffice made, ruled tables).

    Tables are read from their drawn rulings: each value is read from the cell it is printed
    in, merged cells apply to every row and column they span, a table cut by a page break is
    joined again (repeated header rows dropped, a cut row or label cell made whole), and page
    numbers in the margins are left out. Needs the optional extra: ``pip install
    "govinfo[pdf]"``.

    Args:
        source: a path (``os.PathLike``), the file's bytes, or a binary file object. A ``str``
            is not accepted: pass ``pathlib.Path`` to read a file.
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Returns:
        The report, with the reading's diagnostics (each naming its page, table, row and
        cell), the cells filled by inference, and where each read cell came from.

    Raises:
        UnsupportedFormatError: pypdfium2 is not installed (the message says what to
            install); the file is not a PDF, is password-protected, is a scan without text
            (it needs OCR), or its fonts give glyph codes instead of text.
        UnsafeInputError: the file is too large or has too many pages.
        ReadError: the file cannot be read or is damaged.
        NotAReportError: the document holds no annual report.
        TypeError: ``source`` is of a type the reader does not accept.

    Example:
        >>> from pathlib import Path
        >>> result = read_pdf(Path("tests/data/pdf/001_6936dc3b40e04b6e.docx.a4.pdf"))
        >>> result.report.applications.new_received.total
        4
    """
    document = read_pdf_document(source, name=name)
    try:
        return interpret(document)
    except NotAReportError as exc:
        unmapped = [note for note in document.notes if note.code == "pdf-text-unmapped"]
        if unmapped:
            raise UnsupportedFormatError(unmapped[0].message, location=exc.location) from exc
        if any(_table_of_figures(block) for block in document.blocks):
            # The symptom of glyph codes that happen to look like text: the layout is a
            # report's, the labels match nothing.
            raise NotAReportError(
                f"{exc.message}; the PDF has a ruled table of figures whose labels match no "
                "report row: if its text (read_pdf_document) looks garbled, the PDF's fonts "
                "lack a ToUnicode map: print it to a new PDF or OCR it",
                location=exc.location,
            ) from exc
        raise


def _table_of_figures(block: object) -> bool:
    """A ruled table of at least three rows and three columns with figures in it."""
    if not isinstance(block, Table) or len(block.rows) < 3:
        return False
    widths = [len(row) for row in block.rows]
    figures = sum(1 for row in block.rows for cell in row if cell.text.strip().isdigit())
    return min(widths) >= 3 and figures >= len(block.rows)
