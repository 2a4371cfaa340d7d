"""What the engine hands the rest of the PDF front end: characters and ruling segments.

Strategy: the engine (:mod:`._engine`, the only module that imports pypdfium2) turns each page
into plain values in one coordinate system, so the grid builder and the text layout can be
tested with drawn pages and never see pdfium. Coordinates are PDF points measured from the
page's top left corner, ``y`` growing downwards (the order text is read in); :func:`pdf_box`
turns a rectangle back into PDF user space for a :class:`~govinfo.Location`.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Char", "PageContent", "Segment", "displayed", "pdf_box"]


class Char(NamedTuple):
    """One printed character and its box (the font's full line height, not the ink)."""

    text: str
    x0: float
    top: float
    x1: float
    bottom: float


class Segment(NamedTuple):
    """A straight stroke from ``(x0, y0)`` to ``(x1, y1)``: part of a drawn line or a box edge."""

    x0: float
    y0: float
    x1: float
    y1: float


class PageContent(NamedTuple):
    """A page as the front end needs it.

    Attributes:
        number: 1-based page number.
        width, height: the page box in points.
        chars: the printed characters in content order (whitespace left out: spacing is
            read from the gaps between boxes).
        segments: straight strokes of visible paths, and the edges of visible filled boxes.
        images: how many image objects the page draws.
        left, top: where the page box's top left corner lies in PDF user space.
        rotation: the page's ``/Rotate`` (0, 90, 180, 270): chars, segments, width and height
            are as the page is displayed, turned that many degrees clockwise.
    """

    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    segments: tuple[Segment, ...]
    images: int
    left: float = 0.0
    top: float = 0.0
    rotation: int = 0


def _turn(rotation: int, width: float, height: float, x: float, y: float) -> tuple[float, float]:
    """A top-down point of an unrotated ``width`` × ``height`` page, as displayed."""
    if rotation == 90:
        return height - y, x
    if rotation == 180:
        return width - x, height - y
    if rotation == 270:
        return y, width - x
    return x, y


def _unturn(rotation: int, width: float, height: float, x: float, y: float) -> tuple[float, float]:
    """The inverse of :func:`_turn` (``width`` and ``height`` of the unrotated page)."""
    if rotation == 90:
        return y, height - x
    if rotation == 180:
        return width - x, height - y
    if rotation == 270:
        return width - y, x
    return x, y


def displayed(page: PageContent) -> PageContent:
    """``page`` (in unrotated coordinates, with its ``rotation``) as it is displayed."""
    rotation = page.rotation % 360
    if rotation not in (90, 180, 270):
        return page._replace(rotation=0)
    w, h = page.width, page.height

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        ax, ay = _turn(rotation, w, h, x0, y0)
        bx, by = _turn(rotation, w, h, x1, y1)
        return min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)

    chars = tuple(Char(c.text, *box(c.x0, c.top, c.x1, c.bottom)) for c in page.chars)
    segments = tuple(
        Segment(*_turn(rotation, w, h, s.x0, s.y0), *_turn(rotation, w, h, s.x1, s.y1))
        for s in page.segments
    )
    size = (h, w) if rotation in (90, 270) else (w, h)
    return page._replace(
        chars=chars, segments=segments, width=size[0], height=size[1], rotation=rotation
    )


def pdf_box(
    page: PageContent, x0: float, top: float, x1: float, bottom: float
) -> tuple[float, float, float, float]:
    """A top-down rectangle of ``page`` (as displayed) as ``(x0, y0, x1, y1)`` in PDF user
    space."""
    if page.rotation:
        w, h = (
            (page.height, page.width) if page.rotation in (90, 270) else (page.width, page.height)
        )
        ax, ay = _unturn(page.rotation, w, h, x0, top)
        bx, by = _unturn(page.rotation, w, h, x1, bottom)
        x0, top, x1, bottom = min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)
    return (
        round(page.left + x0, 2),
        round(page.top - bottom, 2),
        round(page.left + x1, 2),
        round(page.top - top, 2),
    )
