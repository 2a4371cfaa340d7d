"""Ruling lines from a page's segments: horizontal and vertical, snapped and joined.

Strategy: a table border reaches the page as many small strokes (one per cell side in
LibreOffice, thin filled boxes in Word and WPS, a rectangle's four edges for a shaded cell).
Straight segments within :data:`SNAP` points of one height (or one x) are one ruling at their
mean position, and collinear pieces that overlap or leave a gap of at most :data:`JOIN` points
are one line. Slanted segments and anything shorter than :data:`MIN_LENGTH` (a thin box's ends)
are not rulings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from govinfo.reading.pdf._shapes import Segment

__all__ = ["JOIN", "MIN_LENGTH", "SNAP", "Line", "rulings"]

#: Segments this close (points) across their direction are one ruling.
SNAP = 3.0
#: Collinear pieces this close (points) along their direction are one line.
JOIN = 3.0
#: Shorter segments are not rulings (the ends of a thin filled box, dots).
MIN_LENGTH = 2.0
#: How far from horizontal or vertical (points over the segment) a ruling may lean.
_SKEW = 1.0


class Line(NamedTuple):
    """A ruling: at ``at`` (y of a horizontal line, x of a vertical one) from ``start`` to
    ``end`` along its direction (``start < end``)."""

    at: float
    start: float
    end: float


def rulings(segments: Iterable[Segment]) -> tuple[list[Line], list[Line]]:
    """The horizontal and the vertical rulings drawn by ``segments``."""
    horizontal: list[Line] = []
    vertical: list[Line] = []
    for x0, y0, x1, y1 in segments:
        if abs(y0 - y1) <= _SKEW and abs(x1 - x0) >= MIN_LENGTH:
            horizontal.append(Line((y0 + y1) / 2, min(x0, x1), max(x0, x1)))
        elif abs(x0 - x1) <= _SKEW and abs(y1 - y0) >= MIN_LENGTH:
            vertical.append(Line((x0 + x1) / 2, min(y0, y1), max(y0, y1)))
    return _merge(horizontal), _merge(vertical)


def _merge(lines: list[Line]) -> list[Line]:
    """Snap lines to common positions, then join collinear pieces."""
    merged: list[Line] = []
    lines.sort()
    index = 0
    while index < len(lines):
        # One cluster: positions that chain within SNAP of the previous one.
        end = index + 1
        while end < len(lines) and lines[end].at - lines[end - 1].at <= SNAP:
            end += 1
        cluster = lines[index:end]
        at = sum(line.at for line in cluster) / len(cluster)
        pieces = sorted((line.start, line.end) for line in cluster)
        start, stop = pieces[0]
        for piece_start, piece_stop in pieces[1:]:
            if piece_start <= stop + JOIN:
                stop = max(stop, piece_stop)
            else:
                merged.append(Line(at, start, stop))
                start, stop = piece_start, piece_stop
        merged.append(Line(at, start, stop))
        index = end
    return merged
