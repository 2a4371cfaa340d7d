"""PDFs govinfo cannot read are refused with a GovInfoError that says why and what to do."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.reading.pdf._make import image_only, joined, line, pdf, text

from govinfo import read
from govinfo._safe import MAX_PDF_PAGES
from govinfo.errors import (
    GovInfoError,
    NotAReportError,
    ReadError,
    UnsafeInputError,
    UnsupportedFormatError,
)
from govinfo.reading.pdf import read_pdf, read_pdf_document

SMALL = pdf(
    [
        text(72, 770, "Annual report 2021")
        + line(72, 700, 300, 700)
        + line(72, 650, 300, 650)
        + line(72, 600, 300, 600)
        + line(72, 600, 72, 700)
        + line(180, 600, 180, 700)
        + line(300, 600, 300, 700)
        + text(80, 670, "label")
        + text(190, 670, "12")
        + text(80, 620, "other")
        + text(190, 620, "3")
    ]
)


def test_small_pdf_builds_a_table() -> None:
    """The hand-made PDF used below is read: a 2×2 ruled table and a paragraph."""
    document = read_pdf_document(SMALL, name="small.pdf")
    kinds = [type(block).__name__ for block in document.blocks]
    assert kinds == ["Paragraph", "Table"]
    table = document.blocks[1]
    assert [[c.text for c in row] for row in table.rows] == [["label", "12"], ["other", "3"]]  # type: ignore[union-attr]


def test_without_the_extra_the_error_names_the_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """No pypdfium2: UnsupportedFormatError naming pip install "govinfo[pdf]", never
    NotAReportError, from read_pdf and from read()."""
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    monkeypatch.delitem(sys.modules, "govinfo.reading.pdf._engine", raising=False)
    for reader in (read_pdf, read):
        with pytest.raises(UnsupportedFormatError, match=r'pip install "govinfo\[pdf\]"') as caught:
            reader(SMALL)
        assert not isinstance(caught.value, NotAReportError)


def test_password_protected() -> None:
    """An encrypted PDF whose user password is not empty: say so, and what to do."""
    with pytest.raises(UnsupportedFormatError, match="password-protected") as caught:
        read_pdf(pdf([text(72, 700, "secret")], encrypt=True), name="locked.pdf")
    assert caught.value.location is not None
    assert caught.value.location.source == "locked.pdf"


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.7\n" + b"\x00garbage" * 50, b"%PDF-1.4\n1 0 obj <<", SMALL[: len(SMALL) // 3]],
    ids=["garbage", "cut-short", "truncated"],
)
def test_damaged(data: bytes) -> None:
    """A damaged file: a ReadError naming the file (pdfium's own error never escapes)."""
    with pytest.raises(ReadError) as caught:
        read_pdf(data, name="broken.pdf")
    assert "broken.pdf" in str(caught.value)


def test_not_a_pdf() -> None:
    """read_pdf on something else says it is not a PDF."""
    with pytest.raises(UnsupportedFormatError, match="not a PDF"):
        read_pdf(b"PK\x03\x04 a zip, not a PDF")


def test_scanned_file_needs_ocr() -> None:
    """Pages of images without text: refused, naming the pages and OCR."""
    with pytest.raises(UnsupportedFormatError, match=r"OCR") as caught:
        read_pdf(image_only(2), name="scan.pdf")
    assert "pages 1, 2" in str(caught.value)


def test_a_scanned_page_among_text_pages_is_noted() -> None:
    """One image-only page before a text page: a warning naming it; the rest is read."""
    document = read_pdf_document(joined(image_only(1), SMALL), name="x.pdf")
    (note,) = [n for n in document.notes if n.code == "pdf-page-image-only"]
    assert note.location is not None
    assert note.location.page == 1
    assert any(type(block).__name__ == "Table" for block in document.blocks)


def test_page_limit() -> None:
    """More pages than a report has: refused as unsafe before any page is laid out."""
    with pytest.raises(UnsafeInputError, match=str(MAX_PDF_PAGES)):
        read_pdf(pdf([b""] * (MAX_PDF_PAGES + 1)))


def test_glyph_codes_instead_of_text_are_named() -> None:
    """Characters that are glyph codes (a font without ToUnicode): the error says so rather
    than 'not a report'."""
    codes = "".join(chr(c) for c in range(1, 31) if chr(c) not in "\t\n\r\x0c\x0b")
    content = b"".join(
        b"BT /F1 10 Tf 72 %d Td (" % (700 - 14 * i)
        + codes.encode("latin-1").replace(b"\\", b"\\\\")
        + b") Tj ET\n"
        for i in range(20)
    )
    data = pdf([content])
    notes = read_pdf_document(data).notes
    if not any(n.code == "pdf-text-unmapped" for n in notes):
        pytest.fail(f"pdfium mapped control codes to text: {notes}")
    with pytest.raises(UnsupportedFormatError, match="ToUnicode"):
        read_pdf(data)


def test_a_table_of_figures_that_matches_nothing_hints_at_fonts() -> None:
    """A ruled table of figures whose labels match no row (the symptom of glyph codes that
    look like text): NotAReportError, saying what to check."""
    xs = [72, 200, 260, 320]
    ys = [700, 676, 652, 628]
    content = b"".join(line(xs[0], y, xs[-1], y) for y in ys)
    content += b"".join(line(x, ys[-1], x, ys[0]) for x in xs)
    for r, y in enumerate(ys[1:]):
        content += text(80, y + 6, f"Xq{r}zv") + text(210, y + 6, str(r)) + text(270, y + 6, "7")
    with pytest.raises(NotAReportError, match="ToUnicode"):
        read_pdf(pdf([text(72, 770, "Report") + content]))


def test_a_text_pdf_that_is_no_report() -> None:
    """A readable PDF without a report: NotAReportError, as for any other format."""
    with pytest.raises(NotAReportError):
        read_pdf(SMALL)


@given(
    cut=st.integers(min_value=0, max_value=len(SMALL)),
    flips=st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(SMALL) - 1), st.integers(0, 255)),
        max_size=8,
    ),
)
def test_mutated_bytes_read_or_raise_govinfo_errors(cut: int, flips: list[tuple[int, int]]) -> None:
    """Any damage to a PDF gives a reading or a GovInfoError, never another exception."""
    data = bytearray(SMALL[:cut] if cut > 16 else SMALL)
    for position, value in flips:
        if position < len(data):
            data[position] = value
    with contextlib.suppress(GovInfoError):
        read_pdf(bytes(data))


def test_mutated_real_report_reads_or_raises() -> None:
    """Bytes of the real report overwritten at a few places: a reading or a GovInfoError."""
    real = Path(__file__).resolve().parents[2] / "data" / "pdf" / "real" / "huaian_2024.pdf"
    data = bytearray(real.read_bytes())
    for position in range(1000, len(data), len(data) // 7):
        data[position : position + 64] = b"\xff" * 64
    with contextlib.suppress(GovInfoError):
        read_pdf(bytes(data))
