"""Ruled tables of one page: rulings → grid → merged cells → cell text.

Strategy (govinfo's own grid builder, in the spirit of pdfplumber's lattice finder):

1. **Tables.** Rulings that cross or touch (within :data:`TOLERANCE`) belong to one table; a
   group needs at least two rulings each way, counting implied ones (below).
2. **Grid.** The table's distinct x positions of vertical rulings and y positions of
   horizontal ones cut it into elementary cells. A missing outer rule is implied: when the
   vertical rulings reach above the topmost horizontal one (a table drawn without its top
   rule), a horizontal edge is assumed where they start; likewise at the bottom, and at the
   left and right when horizontal rulings run past the outermost vertical ones.
   A table wider than the page is cut at its right edge in the drawing but not in the text:
   text beside a table whose rulings reach the page edge makes one more column, out to where
   that text ends, and the horizontal rulings that reach the edge are taken to go on. Text
   past the edge that would make several columns is left out (``Piece.clipped``).
3. **Merged cells.** Two neighbouring elementary cells are one drawn cell when no ruling
   separates them (at the midpoint of their common side). Each drawn cell (a *region*)
   covers a rectangle of elementary cells; its text is that of every character whose centre
   lies inside it.
4. **Text.** A character belongs to the region its centre falls in; a cell's text is its
   lines joined by ``\\n``. Characters inside a table's box but in no region (outside the
   grid) stay running text. A word whose characters fall into two regions (a number printed
   across a ruling) would be cut into two numbers: both regions are marked ``straddled`` so
   the caller can say so, and each keeps only what lies inside it.

The logical grid repeats a region in every elementary cell it covers, so a label spanning
rows applies to each, as in the DOCX reader's expansion of merged cells.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from govinfo.reading.pdf._rulings import Line, rulings
from govinfo.reading.pdf._shapes import Char, PageContent
from govinfo.reading.pdf._text import cell_text, text_lines

__all__ = ["TOLERANCE", "Piece", "Region", "page_tables"]

#: Rulings within this distance (points) of each other meet.
TOLERANCE = 3.0
#: Rows or columns narrower than this (points) are not cells: a double rule, a stroke's width.
_MIN_SIZE = 2.0


class Region:
    """A drawn cell: a rectangle of elementary cells with no ruling inside.

    Attributes:
        text: the cell's text (its lines joined by ``\\n``).
        page: the 1-based page it is on.
        box: ``(x0, top, x1, bottom)`` in top-down page coordinates.
        straddled: a word crossed one of its rulings (see the module doc).
    """

    __slots__ = ("box", "page", "straddled", "text")

    def __init__(self, page: int, box: tuple[float, float, float, float]) -> None:
        self.text = ""
        self.page = page
        self.box = box
        self.straddled = False


class Piece:
    """A table as drawn on one page.

    Attributes:
        page: the page.
        xs: the x positions of the column edges, left to right (one more than columns).
        ys: the y positions of the row edges, top to bottom (one more than rows).
        rows: the logical grid: ``rows[r][c]`` is the region covering elementary cell (r, c).
        implied: which outer rules were implied (``"top"``, ``"bottom"``, ``"left"``,
            ``"right"``, ``"beyond page"``).
        clipped: how many characters beside the table, past the page's edge, were not read.
    """

    __slots__ = ("clipped", "implied", "page", "rows", "xs", "ys")

    def __init__(
        self,
        page: PageContent,
        xs: list[float],
        ys: list[float],
        rows: list[list[Region]],
        implied: tuple[str, ...],
    ) -> None:
        self.page = page
        self.xs = xs
        self.ys = ys
        self.rows = rows
        self.implied = implied
        self.clipped = 0

    @property
    def top(self) -> float:
        return self.ys[0]

    @property
    def bottom(self) -> float:
        return self.ys[-1]

    def contains(self, x: float, y: float) -> bool:
        return self.xs[0] <= x <= self.xs[-1] and self.ys[0] <= y <= self.ys[-1]


def page_tables(page: PageContent) -> tuple[list[Piece], list[Char]]:
    """The ruled tables of ``page``, top to bottom, and the characters outside them."""
    horizontal, vertical = rulings(page.segments)
    pieces: list[Piece] = []
    for group_h, group_v in _groups(horizontal, vertical):
        piece = _piece(page, group_h, group_v)
        if piece is not None:
            pieces.append(piece)
    pieces.sort(key=lambda p: (p.top, p.xs[0]))
    rest = _fill(pieces, page.chars)
    return pieces, rest


def _meets(h: Line, v: Line) -> bool:
    return (
        h.start - TOLERANCE <= v.at <= h.end + TOLERANCE
        and v.start - TOLERANCE <= h.at <= v.end + TOLERANCE
    )


def _groups(horizontal: list[Line], vertical: list[Line]) -> list[tuple[list[Line], list[Line]]]:
    """Rulings that cross or touch, as connected groups (union-find over crossings)."""
    parent = list(range(len(horizontal) + len(vertical)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    offset = len(horizontal)
    by_x = sorted(range(len(vertical)), key=lambda j: vertical[j].at)
    xs = [vertical[j].at for j in by_x]
    for i, h in enumerate(horizontal):
        low = bisect_right(xs, h.start - TOLERANCE - 1e-9)
        for k in range(low, len(by_x)):
            v = vertical[by_x[k]]
            if v.at > h.end + TOLERANCE:
                break
            if _meets(h, v):
                parent[root(i)] = root(offset + by_x[k])
    groups: dict[int, tuple[list[Line], list[Line]]] = {}
    for i, h in enumerate(horizontal):
        groups.setdefault(root(i), ([], []))[0].append(h)
    for j, v in enumerate(vertical):
        groups.setdefault(root(offset + j), ([], []))[1].append(v)
    return list(groups.values())


def _positions(values: Sequence[float]) -> list[float]:
    """Distinct positions: values within TOLERANCE chain into one (their mean)."""
    found: list[float] = []
    cluster: list[float] = []
    for value in sorted(values):
        if cluster and value - cluster[-1] > TOLERANCE:
            found.append(sum(cluster) / len(cluster))
            cluster = []
        cluster.append(value)
    if cluster:
        found.append(sum(cluster) / len(cluster))
    return found


def _covers(lines: list[Line], at: float, middle: float) -> bool:
    return any(
        abs(line.at - at) <= TOLERANCE and line.start - TOLERANCE < middle < line.end + TOLERANCE
        for line in lines
    )


def _piece(page: PageContent, horizontal: list[Line], vertical: list[Line]) -> Piece | None:
    if not vertical or not horizontal:
        return None
    implied: list[str] = []
    h_lines = list(horizontal)
    v_lines = list(vertical)
    top_v = min(v.start for v in vertical)
    bottom_v = max(v.end for v in vertical)
    left_h = min(h.start for h in horizontal)
    right_h = max(h.end for h in horizontal)
    left_v = min(v.at for v in vertical)
    right_v = max(v.at for v in vertical)
    top_h = min(h.at for h in horizontal)
    bottom_h = max(h.at for h in horizontal)
    x0, x1 = min(left_h, left_v), max(right_h, right_v)
    y0, y1 = min(top_v, top_h), max(bottom_v, bottom_h)
    # A missing outer rule: the rulings across reach past the outermost one along.
    for name, missing, lines, line in (
        ("top", top_v < top_h - TOLERANCE, h_lines, Line(top_v, x0, x1)),
        ("bottom", bottom_v > bottom_h + TOLERANCE, h_lines, Line(bottom_v, x0, x1)),
        ("left", left_h < left_v - TOLERANCE, v_lines, Line(left_h, y0, y1)),
        ("right", right_h > right_v + TOLERANCE, v_lines, Line(right_h, y0, y1)),
    ):
        if missing:
            lines.append(line)
            implied.append(name)
    beyond, clipped = _beyond_page(page, max(x1, right_v), y0, y1)
    if beyond is not None:
        # The table runs off the page: its last columns' rulings are cut at the page edge,
        # their text is not. The rulings that reach the edge are taken to go on to the text.
        edge = max(x1, right_v)
        v_lines.append(Line(beyond, y0, y1))
        h_lines = [Line(h.at, h.start, beyond) if h.end >= edge - TOLERANCE else h for h in h_lines]
        implied.append("beyond page")
    xs = _drop_slivers(_positions([v.at for v in v_lines]))
    ys = _drop_slivers(_positions([h.at for h in h_lines]))
    if len(xs) < 2 or len(ys) < 2:
        return None
    rows = _regions(page.number, xs, ys, h_lines, v_lines)
    piece = Piece(page, xs, ys, rows, tuple(implied))
    piece.clipped = clipped
    return piece


def _beyond_page(
    page: PageContent, edge: float, top: float, bottom: float
) -> tuple[float | None, int]:
    """Text beside a table that reaches the page's right edge: where it ends, when it is one
    column, and how many characters lie there.

    One column of text past the edge (a word or number per line) is the table's last column.
    Several are not read: with no rulings, only the gaps between words could tell their
    columns apart, and a header spanning two columns would put two numbers in one cell.
    """
    if edge < page.width - 2 * TOLERANCE:
        return None, 0
    beyond = [
        c for c in page.chars if (c.x0 + c.x1) / 2 > edge and top < (c.top + c.bottom) / 2 < bottom
    ]
    if not beyond:
        return None, 0
    for line in text_lines(beyond):
        if " " in line.text:
            return None, len(beyond)
    return max(c.x1 for c in beyond) + TOLERANCE, 0


def _drop_slivers(positions: list[float]) -> list[float]:
    kept: list[float] = []
    for position in positions:
        if kept and position - kept[-1] < _MIN_SIZE:
            continue
        kept.append(position)
    return kept


def _regions(
    page: int, xs: list[float], ys: list[float], horizontal: list[Line], vertical: list[Line]
) -> list[list[Region]]:
    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    parent = list(range(n_rows * n_cols))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for r in range(n_rows):
        middle_y = (ys[r] + ys[r + 1]) / 2
        for c in range(n_cols):
            here = r * n_cols + c
            if c + 1 < n_cols and not _covers(vertical, xs[c + 1], middle_y):
                parent[root(here + 1)] = root(here)
            if r + 1 < n_rows and not _covers(horizontal, ys[r + 1], (xs[c] + xs[c + 1]) / 2):
                parent[root(here + n_cols)] = root(here)
    # Each region's bounding rectangle of elementary cells.
    bounds: dict[int, list[int]] = {}
    for r in range(n_rows):
        for c in range(n_cols):
            key = root(r * n_cols + c)
            found = bounds.get(key)
            if found is None:
                bounds[key] = [r, c, r, c]
            else:
                found[0] = min(found[0], r)
                found[1] = min(found[1], c)
                found[2] = max(found[2], r)
                found[3] = max(found[3], c)
    regions = {
        key: Region(page, (xs[c0], ys[r0], xs[c1 + 1], ys[r1 + 1]))
        for key, (r0, c0, r1, c1) in bounds.items()
    }
    return [[regions[root(r * n_cols + c)] for c in range(n_cols)] for r in range(n_rows)]


def _fill(pieces: list[Piece], chars: Sequence[Char]) -> list[Char]:
    """Give each region its characters' text; return the characters in no table."""
    rest: list[Char] = []
    inside: dict[int, tuple[Region, list[Char]]] = {}
    owner: dict[int, Region] = {}  # character index -> region, for straddle checks
    for index, char in enumerate(chars):
        x = (char.x0 + char.x1) / 2
        y = (char.top + char.bottom) / 2
        for piece in pieces:
            if piece.contains(x, y):
                c = min(max(bisect_right(piece.xs, x) - 1, 0), len(piece.xs) - 2)
                r = min(max(bisect_right(piece.ys, y) - 1, 0), len(piece.ys) - 2)
                region = piece.rows[r][c]
                inside.setdefault(id(region), (region, []))[1].append(char)
                owner[index] = region
                break
            if piece.clipped and x > piece.xs[-1] and piece.ys[0] < y < piece.ys[-1]:
                break  # past the page's edge, beside a table: see _beyond_page
        else:
            rest.append(char)
    for region, members in inside.values():
        region.text = cell_text(members)
    _mark_straddles(chars, owner)
    return rest


def _mark_straddles(chars: Sequence[Char], owner: dict[int, Region]) -> None:
    """Mark both regions where two touching digits of one line fall into different regions."""
    for index in range(1, len(chars)):
        before = owner.get(index - 1)
        here = owner.get(index)
        if before is None or here is None or before is here:
            continue
        a, b = chars[index - 1], chars[index]
        same_line = abs(a.top - b.top) < 0.5 * (a.bottom - a.top)
        touching = 0 <= b.x0 - a.x1 < 0.1 * (a.bottom - a.top)
        if same_line and touching and a.text.isdigit() and b.text.isdigit():
            before.straddled = True
            here.straddled = True
