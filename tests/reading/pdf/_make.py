"""Small PDFs written by hand for the tests: pages with lines, ASCII text and images."""

from __future__ import annotations

import io

import pypdfium2 as pdfium

_ID = b"[<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]"


def pdf(
    pages: list[bytes],
    *,
    encrypt: bool = False,
    size: tuple[int, int] = (595, 842),
    rotate: int = 0,
) -> bytes:
    """A PDF whose pages draw the given content streams (Helvetica as /F1).

    With ``encrypt``, the trailer names a standard security handler whose user password is not
    empty: readers must ask for a password.
    """
    count = len(pages)
    objects: list[bytes] = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids ["
        + b" ".join(b"%d 0 R" % (4 + 2 * i) for i in range(count))
        + b"] /Count %d >>" % count,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    for i, content in enumerate(pages):
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %d %d] /Rotate %d " % (*size, rotate)
            + b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % (5 + 2 * i)
        )
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    trailer = b""
    if encrypt:
        objects.append(
            b"<< /Filter /Standard /V 1 /R 2 /O <"
            + b"00" * 32
            + b"> /U <"
            + b"11" * 32
            + b"> /P -4 >>"
        )
        trailer = b"/Encrypt %d 0 R " % len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /ID " % (len(objects) + 1) + _ID + b" " + trailer
    out += b">>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def text(x: float, y: float, words: str, size: int = 10) -> bytes:
    """Content that prints ASCII ``words`` at (x, y) (PDF coordinates, bottom left)."""
    return b"BT /F1 %d Tf %.2f %.2f Td (%s) Tj ET\n" % (size, x, y, words.encode("ascii"))


def line(x0: float, y0: float, x1: float, y1: float) -> bytes:
    """Content that strokes a line."""
    return b"%.2f %.2f m %.2f %.2f l S\n" % (x0, y0, x1, y1)


def image_only(pages: int = 1) -> bytes:
    """A PDF whose pages show an image and no text, as a scanner makes."""
    from PIL import Image

    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = document.new_page(595, 842)
        image = pdfium.PdfImage.new(document)
        image.set_bitmap(pdfium.PdfBitmap.from_pil(Image.new("RGB", (20, 20), "white")))
        image.set_matrix(pdfium.PdfMatrix().scale(500, 700).translate(40, 60))
        page.insert_obj(image)
        page.gen_content()
    return _saved(document)


def joined(*documents: bytes) -> bytes:
    """The pages of several PDFs, in order, as one PDF."""
    out = pdfium.PdfDocument.new()
    for data in documents:
        source = pdfium.PdfDocument(data)
        out.import_pages(source)
        source.close()
    return _saved(out)


def _saved(document: pdfium.PdfDocument) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    document.close()
    return buffer.getvalue()
