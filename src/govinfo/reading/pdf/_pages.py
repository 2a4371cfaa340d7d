"""Pages into one flow: each page's tables and paragraphs in reading order, then the pieces a
page break cut apart joined again.

Strategy: a page is read top to bottom as a sequence of ruled tables (:mod:`._grid`) and
paragraphs of the text around them (:mod:`._text`, page numbers dropped). Across a page break:

* a paragraph whose last line runs to the margin continues in the next page's first paragraph
  when that one starts flush left;
* a table that ends its page continues in the table that starts the next one when nothing lies
  between them and their column edges agree (interior edges within ``TOLERANCE``, the outer
  ones within twice that: WPS draws a continued table's frame a little wider). Then:

  1. header rows the next page repeats (the same texts as the table's first rows) are dropped;
  2. a row the break cut in two — its continuation holds no digit, where the row above the
     break holds numbers — is one row again: each cell's text continues its cell's;
  3. a label cell the break cut in two (``（四）无`` | ``法提供``) is one cell again. Only
     columns that hold no number anywhere (label columns) are joined, and only when the cells
     have the same column span, the first holds text, and the second is empty (a spanning
     group label printed once), or either spans several rows and the second does not start
     with its own enumerator (``（五）``, ``2.``, ``三、``). A joined cell is one merge: its
     rows on the next page refer to its origin, as cells under any merge do.

Each cell keeps the page it is printed on.
"""

from __future__ import annotations

import re
from collections import Counter

from govinfo.reading.pdf._grid import TOLERANCE, Piece, Region, page_tables
from govinfo.reading.pdf._shapes import PageContent
from govinfo.reading.pdf._text import Paragraph, TextLine, is_page_number, paragraphs, text_lines

__all__ = ["Flow", "Joined", "Joins", "TextBlock", "flow"]

_DIGIT = re.compile(r"\d")
_NUMBER = re.compile(r"[+-]?[\d,]+(?:\.\d+)?")
_ENUMERATOR = re.compile(
    r"\s*(?:[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|\d+\s*[.、．]\D)"
)


class TextBlock:
    """A paragraph of running text and the page it starts on."""

    __slots__ = ("lines", "open_end", "page")

    def __init__(self, paragraph: Paragraph, page: PageContent) -> None:
        self.lines = list(paragraph.lines)
        self.open_end = paragraph.open_end
        self.page = page


class Joined:
    """A table, possibly continued over pages: logical rows of regions, and each row's piece."""

    __slots__ = ("pieces", "rows")

    def __init__(self, piece: Piece) -> None:
        self.rows: list[list[Region]] = [list(row) for row in piece.rows]
        self.pieces: list[tuple[Piece, int]] = [(piece, r) for r in range(len(piece.rows))]


class Joins:
    """What the joining repaired, for the front end's notes (each a location of the cut)."""

    __slots__ = ("headers", "labels", "rows", "tables")

    def __init__(self) -> None:
        self.tables: list[tuple[Joined, int]] = []  # the table, the first row of its next page
        self.headers: list[tuple[Joined, int, int]] = []  # table, row, how many dropped
        self.rows: list[tuple[Joined, int]] = []
        self.labels: list[tuple[Joined, Region]] = []


Item = TextBlock | Joined
Flow = list[Item]


def flow(pages: list[PageContent]) -> tuple[Flow, Joins]:
    """The document's tables and paragraphs in reading order, joined across pages."""
    items: Flow = []
    joins = Joins()
    laid_out = []
    for page in pages:
        pieces, rest = page_tables(page)
        lines = [line for line in text_lines(rest) if not is_page_number(line, page.height)]
        laid_out.append((page, pieces, lines))
    # The text block's margins, over every page of the same width: a page holding one short
    # line does not make that line run "to the margin".
    by_width: dict[int, list[TextLine]] = {}
    for page, _, lines in laid_out:
        by_width.setdefault(round(page.width), []).extend(lines)
    for page, pieces, lines in laid_out:
        margins = _margins(by_width[round(page.width)], page)
        page_items = _page_items(page, pieces, lines, margins)
        if page_items and items:
            last, first = items[-1], page_items[0]
            if isinstance(last, TextBlock) and isinstance(first, TextBlock):
                if last.open_end and not _indented(first, page):
                    last.lines.extend(first.lines)
                    last.open_end = first.open_end
                    page_items.pop(0)
            elif (
                isinstance(last, Joined) and isinstance(first, Joined) and _join(last, first, joins)
            ):
                page_items.pop(0)
        items.extend(page_items)
    return items, joins


def _page_items(
    page: PageContent,
    pieces: list[Piece],
    lines: list[TextLine],
    margins: tuple[float, float],
) -> Flow:
    left, right = margins
    positioned: list[tuple[float, int, Item | list[TextLine]]] = []
    for index, piece in enumerate(pieces):
        positioned.append((piece.top, index, Joined(piece)))
    # Runs of lines between tables become paragraphs.
    run: list[TextLine] = []
    order = len(pieces)
    tops = sorted(piece.top for piece in pieces)
    for line in lines:
        if run and any(run[-1].top < top <= line.top for top in tops):
            positioned.append((run[0].top, order, run))
            order += 1
            run = []
        run.append(line)
    if run:
        positioned.append((run[0].top, order, run))
    positioned.sort(key=lambda item: (item[0], item[1]))
    found: Flow = []
    for _, _, thing in positioned:
        if isinstance(thing, list):
            found.extend(TextBlock(p, page) for p in paragraphs(thing, left, right))
        else:
            found.append(thing)
    return found


def _margins(lines: list[TextLine], page: PageContent) -> tuple[float, float]:
    if not lines:
        return 0.0, page.width
    left = Counter(round(line.x0) for line in lines).most_common(1)[0][0]
    right = min(max(line.x1 for line in lines), page.width)
    return float(left), right


def _indented(block: TextBlock, page: PageContent) -> bool:
    first = block.lines[0]
    lefts = [line.x0 for line in block.lines[1:]] or [first.x0]
    return first.x0 > min(lefts) + 0.5 * (first.bottom - first.top)


def _edges_agree(a: list[float], b: list[float]) -> bool:
    if len(a) != len(b):
        return False
    inner = all(abs(x - y) <= TOLERANCE for x, y in zip(a[1:-1], b[1:-1], strict=True))
    return inner and abs(a[0] - b[0]) <= 2 * TOLERANCE and abs(a[-1] - b[-1]) <= 2 * TOLERANCE


def _norm(text: str) -> str:
    return "".join(text.split())


def _join(table: Joined, following: Joined, joins: Joins) -> bool:
    last_piece = table.pieces[-1][0]
    piece = following.pieces[0][0]
    if not _edges_agree(last_piece.xs, piece.xs):
        return False
    rows = following.rows
    first_row = len(table.rows)
    joins.tables.append((table, first_row))
    # 1. Header rows repeated on the new page.
    repeated = 0
    while (
        repeated < len(rows)
        and repeated < len(table.rows)
        and [_norm(r.text) for r in rows[repeated]] == [_norm(r.text) for r in table.rows[repeated]]
        and any(r.text.strip() for r in rows[repeated])
    ):
        repeated += 1
    if repeated:
        joins.headers.append((table, first_row, repeated))
    rows = rows[repeated:]
    row_numbers = list(range(repeated, len(piece.rows)))
    label_columns = _label_columns(table.rows, rows)
    if rows and table.rows:
        above = table.rows[-1]
        below = rows[0]
        texts_below = [r.text for r in _distinct(below)]
        if (
            any(t.strip() for t in texts_below)
            and not any(_DIGIT.search(t) for t in texts_below)
            and any(_DIGIT.search(r.text) for r in above)
        ):
            # 2. A row cut in two: its continuation's cells continue the row above's.
            for column, region in enumerate(below):
                _continue(rows, region, above[column])
            joins.rows.append((table, len(table.rows)))
            rows = rows[1:]
            row_numbers = row_numbers[1:]
        else:
            # 3. Label cells cut in two (an empty row is a row of its own).
            for column in label_columns if any(t.strip() for t in texts_below) else ():
                region = below[column]
                origin = above[column]
                if region is origin or not _cut_label(
                    origin,
                    region,
                    column=column,
                    above=above,
                    below=below,
                    rows_above=table.rows,
                    rows_below=rows,
                ):
                    continue
                _continue(rows, region, origin)
                joins.labels.append((table, origin))
    table.rows.extend(rows)
    table.pieces.extend((piece, r) for r in row_numbers)
    return True


def _distinct(row: list[Region]) -> list[Region]:
    seen: list[Region] = []
    for region in row:
        if all(region is not other for other in seen):
            seen.append(region)
    return seen


def _label_columns(*tables: list[list[Region]]) -> list[int]:
    """Columns in which no cell of any row is a number."""
    width = max((len(row) for rows in tables for row in rows), default=0)
    numeric = set()
    for rows in tables:
        for row in rows:
            for column, region in enumerate(row):
                if _NUMBER.fullmatch(_norm(region.text)):
                    numeric.add(column)
    return [column for column in range(width) if column not in numeric]


def _span(row: list[Region], region: Region) -> list[int]:
    return [column for column, other in enumerate(row) if other is region]


def _height(rows: list[list[Region]], region: Region, column: int) -> int:
    return sum(1 for row in rows if column < len(row) and row[column] is region)


def _cut_label(
    origin: Region,
    region: Region,
    *,
    column: int,
    above: list[Region],
    below: list[Region],
    rows_above: list[list[Region]],
    rows_below: list[list[Region]],
) -> bool:
    if _span(above, origin) != _span(below, region) or not origin.text.strip():
        return False
    if not region.text.strip():
        return True
    spans = _height(rows_above, origin, column) > 1 or _height(rows_below, region, column) > 1
    return spans and _ENUMERATOR.match(region.text) is None


def _continue(rows: list[list[Region]], region: Region, origin: Region) -> None:
    """Make ``region`` part of ``origin``: its text follows, its cells refer to ``origin``."""
    if region is origin:
        return
    if region.text.strip():
        origin.text = f"{origin.text}\n{region.text}" if origin.text.strip() else region.text
    origin.straddled = origin.straddled or region.straddled
    for row in rows:
        for column, other in enumerate(row):
            if other is region:
                row[column] = origin
