"""pypdfium2 behind one function: a PDF's bytes in, its pages as plain values out.

Strategy: this is the only module that imports pypdfium2, so the rest of the front end works
on :class:`~._shapes.PageContent` values and the extra stays optional. It talks to pdfium's C
API (``pypdfium2.raw``) directly, with one ctypes call per character and per path segment and
buffers allocated once: the helper objects of pypdfium2's high-level API would cost more than
reading the page.

* Characters: the text page's characters with their loose boxes (the font's line height, so
  every character of a line shares its top and bottom); whitespace is left out, since pdfium
  generates spaces and line breaks of its own and the layout reads gaps from the boxes.
* Rulings: path objects, at any depth of form XObjects, with their transformation matrices
  applied. A stroked path gives its straight segments; a filled path gives the edges of its
  straight segments too (Word and WPS draw borders as thin filled boxes, and shaded cells as
  filled rectangles) unless it is filled white or transparent and not stroked: an invisible
  box is not a ruling (WPS puts white boxes behind text frames). Curves are not rulings.

pdfium is not thread-safe, so every call holds one lock. Every pdfium failure becomes a
:class:`~govinfo.GovInfoError` that names the file and, where there is one, the page.
"""

from __future__ import annotations

import ctypes
import threading
from collections.abc import Iterator

import pypdfium2 as pdfium
from pypdfium2 import raw

from govinfo._safe import MAX_PDF_PAGES
from govinfo.errors import GovInfoError, ReadError, UnsafeInputError, UnsupportedFormatError
from govinfo.locations import Location
from govinfo.reading.pdf._shapes import Char, PageContent, Segment, displayed

__all__ = ["read_pages"]

_LOCK = threading.Lock()
_WHITESPACE = frozenset(" \t\r\n\x00\u3000\xa0")
#: A path whose bounds are no wider (or no taller) than this, in points, is a line.
_THIN = 2.0
#: A thin path shorter than this is a dot, not a ruling.
_MIN_LINE = 2.0
#: Forms nested deeper than this are not searched for rulings.
_MAX_FORM_DEPTH = 8
_Matrix = tuple[float, float, float, float, float, float]
_IDENTITY: _Matrix = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


def read_pages(data: bytes, *, source: str) -> list[PageContent]:
    """Every page of the PDF in ``data``, as characters and ruling segments.

    Raises:
        UnsupportedFormatError: the file is password-protected.
        UnsafeInputError: the file has more than ``MAX_PDF_PAGES`` pages.
        ReadError: the file is damaged, or pdfium fails on a page.
    """
    where = Location(source=source)
    with _LOCK:
        try:
            document = pdfium.PdfDocument(data)
        except pdfium.PdfiumError as exc:
            if exc.err_code == raw.FPDF_ERR_PASSWORD:
                raise UnsupportedFormatError(
                    "the PDF is password-protected; save an unprotected copy and read that",
                    location=where,
                ) from exc
            if exc.err_code == raw.FPDF_ERR_SECURITY:
                raise UnsupportedFormatError(
                    "the PDF uses an encryption pdfium cannot open", location=where
                ) from exc
            raise ReadError(
                f"the PDF is damaged and cannot be opened ({exc})", location=where
            ) from exc
        try:
            count = len(document)
            if count > MAX_PDF_PAGES:
                raise UnsafeInputError(
                    f"the PDF has {count} pages, more than the {MAX_PDF_PAGES} a report may have",
                    location=where,
                )
            return [_page(document, index, source) for index in range(count)]
        finally:
            document.close()


def _page(document: pdfium.PdfDocument, index: int, source: str) -> PageContent:
    try:
        page = document[index]
    except pdfium.PdfiumError as exc:
        raise ReadError(
            f"page {index + 1} is damaged ({exc})", location=Location(source=source, page=index + 1)
        ) from exc
    try:
        left, bottom, right, top = page.get_cropbox()
        textpage = page.get_textpage()
        try:
            chars = tuple(_chars(textpage.raw, left, top))
        finally:
            textpage.close()
        segments: list[Segment] = []
        images = _objects(page.raw, _IDENTITY, left=left, top=top, out=segments, depth=0)
        return displayed(
            PageContent(
                number=index + 1,
                width=right - left,
                height=top - bottom,
                chars=chars,
                segments=tuple(segments),
                images=images,
                left=left,
                top=top,
                rotation=page.get_rotation(),
            )
        )
    except GovInfoError:
        raise
    except (pdfium.PdfiumError, ValueError, OSError, ctypes.ArgumentError) as exc:
        raise ReadError(
            f"pdfium cannot read the page ({exc})", location=Location(source=source, page=index + 1)
        ) from exc
    finally:
        page.close()


def _chars(textpage: raw.FPDF_TEXTPAGE, left: float, top: float) -> Iterator[Char]:
    count = raw.FPDFText_CountChars(textpage)
    if count <= 0:
        return
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage, 0, count, buffer)
    text = bytes(buffer)[: max(written - 1, 0) * 2].decode("utf-16-le", errors="replace")
    if len(text) != count:
        # Characters outside the BMP take two UTF-16 units: ask for each character instead.
        text = "".join(chr(raw.FPDFText_GetUnicode(textpage, i)) for i in range(count))
    rect = raw.FS_RECTF()
    box = ctypes.byref(rect)
    loose_box = raw.FPDFText_GetLooseCharBox
    for i, char in enumerate(text):
        if char in _WHITESPACE or not loose_box(textpage, i, box):
            continue
        yield Char(char, rect.left - left, top - rect.top, rect.right - left, top - rect.bottom)


class _Scratch:
    """The out-parameters of pdfium's path calls, allocated once per page: ctypes objects
    cost more to make than the calls that fill them."""

    def __init__(self) -> None:
        self.ints = [ctypes.c_int() for _ in range(2)]
        self.colour = [ctypes.c_uint() for _ in range(4)]
        self.floats = [ctypes.c_float() for _ in range(4)]
        self.matrix = raw.FS_MATRIX()
        self.int_refs = [ctypes.byref(v) for v in self.ints]
        self.colour_refs = [ctypes.byref(v) for v in self.colour]
        self.float_refs = [ctypes.byref(v) for v in self.floats]
        self.matrix_ref = ctypes.byref(self.matrix)


def _objects(
    holder: raw.FPDF_PAGE | raw.FPDF_PAGEOBJECT,
    matrix: _Matrix,
    *,
    left: float,
    top: float,
    out: list[Segment],
    depth: int,
    scratch: _Scratch | None = None,
) -> int:
    """Collect ruling segments of the page (or form) into ``out``; return its image count."""
    scratch = scratch or _Scratch()
    if depth == 0:
        count = raw.FPDFPage_CountObjects(holder)
        get = raw.FPDFPage_GetObject
    else:
        count = raw.FPDFFormObj_CountObjects(holder)
        get = raw.FPDFFormObj_GetObject
    images = 0
    get_type = raw.FPDFPageObj_GetType
    for i in range(count):
        obj = get(holder, i)
        kind = get_type(obj)
        if kind == raw.FPDF_PAGEOBJ_PATH:
            if depth > 0 or not _thin(obj, left, top, out, scratch):
                _path(
                    obj,
                    _times(_matrix(obj, scratch), matrix),
                    left=left,
                    top=top,
                    out=out,
                    scratch=scratch,
                )
        elif kind == raw.FPDF_PAGEOBJ_IMAGE:
            images += 1
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _MAX_FORM_DEPTH:
            images += _objects(
                obj,
                _times(_matrix(obj, scratch), matrix),
                left=left,
                top=top,
                out=out,
                depth=depth + 1,
                scratch=scratch,
            )
    return images


def _matrix(obj: raw.FPDF_PAGEOBJECT, scratch: _Scratch) -> _Matrix:
    m = scratch.matrix
    if not raw.FPDFPageObj_GetMatrix(obj, scratch.matrix_ref):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _times(inner: _Matrix, outer: _Matrix) -> _Matrix:
    """The matrix applying ``inner`` first, then ``outer`` (PDF row-vector convention)."""
    a, b, c, d, e, f = inner
    p, q, r, s, t, u = outer
    return (
        a * p + b * r,
        a * q + b * s,
        c * p + d * r,
        c * q + d * s,
        e * p + f * r + t,
        e * q + f * s + u,
    )


def _visible(obj: raw.FPDF_PAGEOBJECT, scratch: _Scratch) -> bool:
    """Whether the path is stroked or filled in a colour other than white or transparent."""
    fill, stroke = scratch.ints
    if not raw.FPDFPath_GetDrawMode(obj, *scratch.int_refs):
        return False
    r, g, b, a = scratch.colour
    for drawn, getter in (
        (stroke.value, raw.FPDFPageObj_GetStrokeColor),
        (fill.value, raw.FPDFPageObj_GetFillColor),
    ):
        if not drawn:
            continue
        if not getter(obj, *scratch.colour_refs):
            return True
        if a.value > 0 and (r.value, g.value, b.value) != (255, 255, 255):
            return True
    return False


def _thin(
    obj: raw.FPDF_PAGEOBJECT, left: float, top: float, out: list[Segment], scratch: _Scratch
) -> bool:
    """A page-level path whose bounds are a thin box is a line along them (Word's and WPS's
    borders are thin filled boxes, LibreOffice's short strokes): one call instead of one per
    segment. Returns ``False`` for any other path."""
    if not raw.FPDFPageObj_GetBounds(obj, *scratch.float_refs):
        return False
    x0, y0, x1, y1 = (v.value for v in scratch.floats)
    width = x1 - x0
    height = y1 - y0
    if width > _THIN and height > _THIN:
        return False
    if max(width, height) >= _MIN_LINE and _visible(obj, scratch):
        if width >= height:
            middle = top - (y0 + y1) / 2
            out.append(Segment(x0 - left, middle, x1 - left, middle))
        else:
            middle = (x0 + x1) / 2 - left
            out.append(Segment(middle, top - y1, middle, top - y0))
    return True


def _path(
    obj: raw.FPDF_PAGEOBJECT,
    matrix: _Matrix,
    *,
    left: float,
    top: float,
    out: list[Segment],
    scratch: _Scratch,
) -> None:
    if not _visible(obj, scratch):
        return
    a, b, c, d, e, f = matrix
    x, y = scratch.floats[:2]
    x_ref, y_ref = scratch.float_refs[:2]
    start: tuple[float, float] | None = None
    last: tuple[float, float] | None = None
    for i in range(raw.FPDFPath_CountSegments(obj)):
        segment = raw.FPDFPath_GetPathSegment(obj, i)
        if not raw.FPDFPathSegment_GetPoint(segment, x_ref, y_ref):
            continue
        point = (a * x.value + c * y.value + e - left, top - (b * x.value + d * y.value + f))
        kind = raw.FPDFPathSegment_GetType(segment)
        if kind == raw.FPDF_SEGMENT_LINETO and last is not None:
            out.append(Segment(last[0], last[1], point[0], point[1]))
        elif kind == raw.FPDF_SEGMENT_MOVETO:
            start = point
        last = point
        if raw.FPDFPathSegment_GetClose(segment) and start is not None and start != point:
            out.append(Segment(point[0], point[1], start[0], start[1]))
            last = start
