"""Properties of the grid builder and the page joiner, over drawn tables."""

from __future__ import annotations

from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from govinfo.reading.document import Table
from govinfo.reading.pdf._document import pdf_document
from govinfo.reading.pdf._grid import page_tables
from govinfo.reading.pdf._shapes import Char, PageContent, Segment

_LETTERS = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥天地玄黄宇宙洪荒日月盈昃辰宿列张"


@st.composite
def drawn_tables(draw: Any) -> tuple[list[float], list[float], list[list[int]], bool]:
    """Column and row edges, a region id per elementary cell (merges are rectangles), and
    whether borders are drawn in pieces."""
    widths = draw(st.lists(st.integers(12, 80), min_size=1, max_size=6))
    heights = draw(st.lists(st.integers(14, 40), min_size=1, max_size=6))
    xs = [50.0]
    for width in widths:
        xs.append(xs[-1] + width)
    ys = [60.0]
    for height in heights:
        ys.append(ys[-1] + height)
    n_rows, n_cols = len(heights), len(widths)
    owner = [[r * n_cols + c for c in range(n_cols)] for r in range(n_rows)]
    taken = [[False] * n_cols for _ in range(n_rows)]
    for _ in range(draw(st.integers(0, 4))):
        r0 = draw(st.integers(0, n_rows - 1))
        c0 = draw(st.integers(0, n_cols - 1))
        r1 = draw(st.integers(r0, n_rows - 1))
        c1 = draw(st.integers(c0, n_cols - 1))
        cells = [(r, c) for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)]
        if any(taken[r][c] for r, c in cells):
            continue
        for r, c in cells:
            owner[r][c] = r0 * n_cols + c0
            taken[r][c] = True
    return xs, ys, owner, draw(st.booleans())


def _page(
    xs: list[float], ys: list[float], owner: list[list[int]], pieces: bool, number: int = 1
) -> PageContent:
    segments: list[Segment] = []

    def edge(x0: float, y0: float, x1: float, y1: float) -> None:
        if pieces:  # a border drawn as two strokes meeting half way
            mx, my = (x0 + x1) / 2, (y0 + y1) / 2
            segments.extend([Segment(x0, y0, mx, my), Segment(mx, my, x1, y1)])
        else:
            segments.append(Segment(x0, y0, x1, y1))

    n_rows, n_cols = len(ys) - 1, len(xs) - 1
    for r in range(n_rows):
        for c in range(n_cols):
            if r == 0 or owner[r - 1][c] != owner[r][c]:
                edge(xs[c], ys[r], xs[c + 1], ys[r])
            if c == 0 or owner[r][c - 1] != owner[r][c]:
                edge(xs[c], ys[r], xs[c], ys[r + 1])
            if r == n_rows - 1:
                edge(xs[c], ys[r + 1], xs[c + 1], ys[r + 1])
            if c == n_cols - 1:
                edge(xs[c + 1], ys[r], xs[c + 1], ys[r + 1])
    chars: list[Char] = []
    placed: set[int] = set()
    for r in range(n_rows):
        for c in range(n_cols):
            region = owner[r][c]
            if region in placed:
                continue
            placed.add(region)
            cx = (xs[c] + xs[c + 1]) / 2
            cy = (ys[r] + ys[r + 1]) / 2
            chars.append(Char(_LETTERS[region % len(_LETTERS)], cx - 4, cy - 5, cx + 4, cy + 5))
    return PageContent(number, 595.0, 842.0, tuple(chars), tuple(segments), 0)


@given(drawn_tables())
def test_grid_builder_recovers_drawn_cells(table: tuple[Any, ...]) -> None:
    """Rulings of a grid with merged cells give back its grid, its merges and each cell's text."""
    xs, ys, owner, pieces = table
    found, rest = page_tables(_page(xs, ys, owner, pieces))
    assert rest == []
    (piece,) = found
    drawn: dict[int, list[float]] = {}
    for r, row in enumerate(owner):
        for c, region in enumerate(row):
            box = drawn.setdefault(region, [xs[c], ys[r], xs[c + 1], ys[r + 1]])
            box[:] = [
                min(box[0], xs[c]),
                min(box[1], ys[r]),
                max(box[2], xs[c + 1]),
                max(box[3], ys[r + 1]),
            ]
    want = {(tuple(box), _LETTERS[region % len(_LETTERS)]) for region, box in drawn.items()}
    regions = {id(region): region for row in piece.rows for region in row}.values()
    got = {(tuple(round(v, 3) for v in region.box), region.text) for region in regions}
    assert got == want


@given(drawn_tables())
def test_document_expands_merges_like_docx(table: tuple[Any, ...]) -> None:
    """In the neutral document a covered cell repeats its origin's text and names it."""
    xs, ys, owner, pieces = table
    document = pdf_document([_page(xs, ys, owner, pieces)], source="drawn.pdf")
    cells = [
        cell
        for block in document.blocks
        if isinstance(block, Table)
        for row in block.rows
        for cell in row
    ]
    origins = {c.location: c for c in cells if c.merged_from is None}
    for cell in cells:
        if cell.merged_from is not None:
            assert origins[cell.merged_from].text == cell.text
            assert cell.location.page == 1


@given(
    rows=st.integers(3, 12),
    cut=st.integers(1, 11),
    repeat=st.booleans(),
)
def test_a_table_cut_by_a_page_break_is_joined(rows: int, cut: int, repeat: bool) -> None:
    """A table split over two pages (the header repeated or not) reads as the one table."""
    cut = min(cut, rows - 1)
    xs = [50.0, 150.0, 200.0, 250.0]

    def page(first: int, last: int, number: int, header: bool) -> PageContent:
        texts = [["项目", "甲", "乙"]] if header else []
        texts += [[f"第{i}行", str(i), str(i * 2)] for i in range(first, last)]
        ys = [700.0 - 20 * len(texts) + 20 * k for k in range(len(texts) + 1)]
        segments = [Segment(xs[0], y, xs[-1], y) for y in ys]
        segments += [Segment(x, ys[0], x, ys[-1]) for x in xs]
        chars = [
            Char(ch, xs[c] + 2 + 9 * k, ys[r] + 5, xs[c] + 10 + 9 * k, ys[r] + 15)
            for r, row in enumerate(texts)
            for c, word in enumerate(row)
            for k, ch in enumerate(word)
        ]
        return PageContent(number, 595.0, 842.0, tuple(chars), tuple(segments), 0)

    pages = [page(0, cut, 1, True), page(cut, rows, 2, repeat)]
    document = pdf_document(pages, source="cut.pdf")
    (table,) = [b for b in document.blocks if isinstance(b, Table)]
    texts = [[c.text for c in row] for row in table.rows]
    assert texts == [["项目", "甲", "乙"]] + [[f"第{i}行", str(i), str(i * 2)] for i in range(rows)]
    assert [row[0].location.page for row in table.rows[1:]] == [1] * cut + [2] * (rows - cut)
    assert any(n.code == "pdf-table-continued" for n in document.notes)


_coords = st.floats(min_value=-50, max_value=900, allow_nan=False)


@given(
    segments=st.lists(st.builds(Segment, _coords, _coords, _coords, _coords), max_size=40),
    chars=st.lists(
        st.builds(
            lambda t, x, y, w, h: Char(t, x, y, x + w, y + h),
            st.sampled_from("甲乙1 2-。第页"),
            _coords,
            _coords,
            st.floats(0, 20),
            st.floats(0, 20),
        ),
        max_size=60,
    ),
    pages=st.integers(1, 3),
)
def test_any_drawing_gives_a_document(
    segments: list[Segment], chars: list[Char], pages: int
) -> None:
    """Any strokes and characters, on one page or repeated over several (so tables may join
    across pages), lay out without error, and every table cell names its page."""
    content = [
        PageContent(n, 595.0, 842.0, tuple(chars), tuple(segments), 0) for n in range(1, pages + 1)
    ]
    document = pdf_document(content, source="any.pdf")
    for block in document.blocks:
        if isinstance(block, Table):
            assert all(cell.location.page is not None for row in block.rows for cell in row)
