"""Tables drawn with characters: box-drawing dumps and Markdown pipe tables.

Strategy: ``w3m -dump`` and ``links -dump`` draw a bordered HTML table with ``┌ ─ ┬ │ ├ ┼ ┤
└ ┴ ┘`` (or ``+ - |``), and Markdown writes ``| a | b |`` rows under a ``|---|---|`` line.
Both give the cells' columns, so such a block becomes a :class:`Table` with ``geometry=True``:

- positions are *display* columns: a CJK character takes two columns in these dumps (East
  Asian Width W or F), every other character one;
- the grid's column boundaries are the junctions (``┬ ┼ ┴ +`` …) of its rule lines; a rule
  line may be partial (``│      ├──────┤``: a cell spanning rows goes on through it);
- a cell is the area between rules and bars: a cell whose text wraps over several lines of
  the same box row is one cell (its lines joined by ``\\n``); a box row with only spaces
  between its bars is a row of blank cells; a cell that spans grid columns or rows (a missing
  bar or rule) is given once, at its top-left grid position, and every other position it
  covers repeats its text with ``merged_from`` pointing there (the neutral document's rule
  for merged cells);
- Markdown rows are split at their bars (no spans).

Nothing is read from the labels: what the cells mean is the interpreter's business.
"""

from __future__ import annotations

import itertools
import re
import unicodedata

from govinfo.locations import Location, line_location
from govinfo.reading.document import Cell, Table, new_cell

__all__ = ["find_grid", "find_markdown", "grid_table", "markdown_table"]

_VERTICAL = frozenset("│┃║|")
_HORIZONTAL = frozenset("─━═-=")
_JUNCTIONS = frozenset("┌┐└┘├┤┬┴┼┏┓┗┛┣┫┳┻╋╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫+")
_BOX = _VERTICAL | _HORIZONTAL | _JUNCTIONS
_EDGE_START = frozenset("┌├│└┏┣┃┗╔╠║╚╒╞╘╓╟╙+|")
_MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_MD_ROW = re.compile(r"^\s*\|.*\|\s*$")


def _width(char: str) -> int:
    return 2 if unicodedata.east_asian_width(char) in "WF" else 1


def _columns(line: str) -> list[str]:
    """The line by display column: a wide character, then ``""`` for its second column."""
    out: list[str] = []
    for char in line.rstrip():
        out.append(char)
        if _width(char) == 2:
            out.append("")
    return out


def _is_rule_line(line: str) -> bool:
    body = line.strip()
    if not body:
        return False
    rule = sum(1 for c in body if c in _HORIZONTAL or c in _JUNCTIONS)
    return rule * 2 >= len(body) and any(c in _HORIZONTAL for c in body)


def _is_grid_line(line: str) -> bool:
    body = line.strip()
    return len(body) >= 3 and body[0] in _EDGE_START and body[-1] in _BOX


def find_grid(lines: list[str], start: int) -> int:
    """The end (exclusive) of a box-drawn grid starting at ``lines[start]``, or ``start``.

    A grid is a run of lines that start and end with box characters, opened by a rule line
    and holding at least one line of cells.
    """
    if not _is_rule_line(lines[start]) or not _is_grid_line(lines[start]):
        return start
    end = start
    while end < len(lines) and _is_grid_line(lines[end]):
        end += 1
    if end - start < 3 or not any(not _is_rule_line(line) for line in lines[start:end]):
        return start
    return end


def find_markdown(lines: list[str], start: int) -> int:
    """The end (exclusive) of a Markdown pipe table starting at ``lines[start]``, or ``start``."""
    if not _MD_ROW.match(lines[start]) or start + 1 >= len(lines):
        return start
    if not _MD_RULE.match(lines[start + 1]):
        return start
    end = start + 2
    while end < len(lines) and _MD_ROW.match(lines[end]):
        end += 1
    return end


def markdown_table(lines: list[str], first: int, source: str) -> Table:
    """A Markdown pipe table (header, rule, rows) as a grid; ``first`` is its 1-based line."""
    rows: list[tuple[Cell, ...]] = []
    for offset, line in enumerate(lines):
        if offset == 1:
            continue  # the |---| rule
        body = line.strip()
        parts = body[1:-1].split("|") if body.endswith("|") else body[1:].split("|")
        number = first + offset
        rows.append(
            tuple(
                new_cell(part.strip(), line_location(source, number, index))
                for index, part in enumerate(parts, start=1)
            )
        )
    return Table(rows=tuple(rows), location=Location(source=source, line=first), geometry=True)


class _Grid:
    """One drawn grid by display column: its boundaries, rule segments and cells."""

    def __init__(self, lines: list[str]) -> None:
        self.cols = [_columns(line) for line in lines]
        width = max(len(c) for c in self.cols)
        for row in self.cols:
            row.extend(" " * (width - len(row)))
        self.rule_lines = [
            _is_rule_line(line) or self._partial_rule(i) for i, line in enumerate(lines)
        ]
        bounds: set[int] = set()
        for index, row in enumerate(self.cols):
            if self.rule_lines[index]:
                bounds.update(p for p, c in enumerate(row) if c in _JUNCTIONS)
        self.bounds = sorted(bounds)

    def _partial_rule(self, index: int) -> bool:
        return any(c in _HORIZONTAL for c in self.cols[index]) and any(
            c in _JUNCTIONS for c in self.cols[index]
        )

    def segment(self, line: int, column: int) -> str:
        left, right = self.bounds[column] + 1, self.bounds[column + 1]
        return "".join(self.cols[line][left:right])

    def is_rule(self, line: int, column: int) -> bool:
        text = self.segment(line, column)
        return bool(text) and all(c in _HORIZONTAL for c in text)

    def is_bar(self, line: int, bound: int) -> bool:
        position = self.bounds[bound]
        return self.cols[line][position] in _VERTICAL or self.cols[line][position] in _JUNCTIONS

    def text(self, lines: range, first_col: int, last_col: int) -> str:
        left, right = self.bounds[first_col] + 1, self.bounds[last_col + 1]
        parts = ["".join(self.cols[line][left:right]).strip() for line in lines]
        return "\n".join(p for p in parts if p)


def grid_table(lines: list[str], first: int, source: str) -> Table:
    """A box-drawn grid as a table; ``first`` is the 1-based number of its first line."""
    grid = _Grid(lines)
    columns = len(grid.bounds) - 1
    if columns < 1:
        return Table(rows=(), location=Location(source=source, line=first), geometry=True)
    separators = [i for i, is_rule in enumerate(grid.rule_lines) if is_rule]
    bands = [range(a + 1, b) for a, b in itertools.pairwise(separators) if b > a + 1]
    # The rule above each (band, column): equal tops in a column mean one cell spanning rows.
    tops: list[list[int]] = []
    for band in bands:
        row_tops: list[int] = []
        for column in range(columns):
            top = band.start - 1
            while top > 0 and not grid.is_rule(top, column):
                top -= 1
            row_tops.append(top)
        tops.append(row_tops)
    # Each (band, column) belongs to the cell of its top-left position.
    origin: dict[tuple[int, int], tuple[int, int]] = {}
    for r, band in enumerate(bands):
        for c in range(columns):
            if c > 0 and not any(grid.is_bar(line, c) for line in band):
                origin[r, c] = origin[r, c - 1]
            elif r > 0 and tops[r][c] == tops[r - 1][c]:
                origin[r, c] = origin[r - 1, c]
            else:
                origin[r, c] = (r, c)
    extent: dict[tuple[int, int], tuple[int, int]] = {}
    for (r, c), home in origin.items():
        last_r, last_c = extent.get(home, home)
        extent[home] = (max(last_r, r), max(last_c, c))
    rows: list[tuple[Cell, ...]] = []
    made: dict[tuple[int, int], Cell] = {}
    for r, band in enumerate(bands):
        row: list[Cell] = []
        for c in range(columns):
            home = origin[r, c]
            if home not in made:
                last_r, last_c = extent[home]
                span = range(bands[home[0]].start, bands[last_r].stop)
                # A cell spanning rows goes on through the partial rules between them.
                text = grid.text(span, home[1], last_c)
                made[home] = new_cell(text, line_location(source, first + band.start, c + 1))
            cell = made[home]
            if home == (r, c):
                row.append(cell)
            else:
                row.append(
                    new_cell(
                        cell.text,
                        line_location(source, first + band.start, c + 1),
                        merged_from=cell.location,
                    )
                )
        rows.append(tuple(row))
    return Table(rows=tuple(rows), location=Location(source=source, line=first), geometry=True)
