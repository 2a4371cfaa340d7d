"""What the engine takes for rulings: strokes, thin filled boxes, not invisible boxes."""

from __future__ import annotations

from tests.reading.pdf._make import pdf, text

from govinfo.reading.document import Table
from govinfo.reading.pdf import read_pdf_document

XS = [72, 200, 260]
YS = [700, 676, 652]


def _cells(content: bytes) -> list[list[str]]:
    content += text(80, 682, "label") + text(210, 682, "12")
    content += text(80, 658, "other") + text(210, 658, "3")
    tables = [b for b in read_pdf_document(pdf([content])).blocks if isinstance(b, Table)]
    return [[cell.text for row in t.rows for cell in row] for t in tables]


def _boxes(thickness: float, colour: bytes) -> bytes:
    """Borders as filled boxes (Word's and WPS's way), in the given fill colour."""
    out = colour + b" rg\n"
    for y in YS:
        out += b"%d %.2f %d %.2f re f\n" % (XS[0], y - thickness / 2, XS[-1] - XS[0], thickness)
    for x in XS:
        out += b"%.2f %d %.2f %d re f\n" % (x - thickness / 2, YS[-1], thickness, YS[0] - YS[-1])
    return out


def test_thin_filled_boxes_are_rulings() -> None:
    """Black boxes half a point thick draw the table."""
    assert _cells(_boxes(0.5, b"0 0 0")) == [["label", "12", "other", "3"]]


def test_white_boxes_are_not_rulings() -> None:
    """The same boxes filled white are invisible: no table, the text is running text."""
    assert _cells(_boxes(0.5, b"1 1 1")) == []


def test_a_shaded_cell_does_not_cut_the_grid() -> None:
    """A grey filled cell over a black-ruled table keeps the table's four cells."""
    shade = b"0.8 0.8 0.8 rg 72 676 128 24 re f\n"
    assert _cells(shade + _boxes(0.5, b"0 0 0")) == [["label", "12", "other", "3"]]


def test_a_rotated_page_is_read_as_displayed() -> None:
    """A page with /Rotate 90 whose table is drawn turned, to be upright on screen: read as
    displayed, and the boxes are given back in PDF user space."""
    # On /Rotate 90 the displayed point (X, Y from the top) is user space (Y, X).
    xs = [72, 200, 260]
    ys = [100, 124, 148]
    content = b"".join(b"%d %d m %d %d l S\n" % (y, xs[0], y, xs[-1]) for y in ys)
    content += b"".join(b"%d %d m %d %d l S\n" % (ys[0], x, ys[-1], x) for x in xs)
    for (word, x), y in [(("label", 80), 118), (("12", 210), 118), (("other", 80), 142)]:
        content += b"BT /F1 10 Tf 0 1 -1 0 %d %d Tm (%s) Tj ET\n" % (y, x, word.encode())
    document = read_pdf_document(pdf([content], rotate=90))
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    assert [[c.text for c in row] for row in table.rows] == [["label", "12"], ["other", ""]]
    box = table.rows[0][1].location.box
    assert box is not None
    assert [round(v) for v in box] == [100, 200, 124, 260]
