"""What the engine hands the rest of the PDF front end: characters and ruling segments.

Strategy: the engine (:mod:`._engine`, the only module that imports pypdfium2) turns each page
into plain values in one coordinate system, so the grid builder and the text layout can be
tested with drawn pages and never see pdfium. Coordinates are PDF points measured from the
page's top left corner, ``y`` growing downwards (the order text is read in); :func:`pdf_box`
turns a rectangle back into PDF user space for a :class:`~govinfo.Location`.
"""

from __future__ import annotations

from typing import NamedTuple

__all__ = ["Char", "PageContent", "Segment", "pdf_box"]


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
    """

    number: int
    width: float
    height: float
    chars: tuple[Char, ...]
    segments: tuple[Segment, ...]
    images: int
    left: float = 0.0
    top: float = 0.0


def pdf_box(
    page: PageContent, x0: float, top: float, x1: float, bottom: float
) -> tuple[float, float, float, float]:
    """A top-down rectangle of ``page`` as ``(x0, y0, x1, y1)`` in PDF user space."""
    return (
        round(page.left + x0, 2),
        round(page.top - bottom, 2),
        round(page.left + x1, 2),
        round(page.top - top, 2),
    )
