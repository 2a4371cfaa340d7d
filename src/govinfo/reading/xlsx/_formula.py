"""A tiny evaluator for the formulas totals are written with: ``SUM(range)`` and additions.

Strategy: a workbook saved by Excel or LibreOffice carries each formula's last value, and the
reader uses that. A workbook written by a program (openpyxl, govinfo's own ``formulas=True``)
carries none, so the reader computes the forms that totals take in practice: ``SUM`` over
ranges and cells, ``+``/``-`` of cells and numbers, parentheses, other sheets of the same
workbook, shared formulas. Anything else (another function, an error value in a range, text
that is not a number where a number is needed, a cycle) gives ``None``: the cell is unknown
and the caller says so. Semantics follow Excel: ``SUM`` skips text and booleans in ranges, an
empty cell counts as 0, and a direct reference to a number stored as text is converted.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from govinfo.reading.xlsx._sheet import Grid, RawCell

__all__ = ["Evaluator"]

_TOKEN = re.compile(
    r"""\s*(?:
      (?P<ref>(?:(?:'(?:[^']|'')+'|[A-Za-z0-9_.\u0080-\uffff]+)!)?
              \$?[A-Za-z]{1,3}\$?[0-9]+(?::\$?[A-Za-z]{1,3}\$?[0-9]+)?)
    | (?P<num>[0-9]+(?:\.[0-9]+)?)
    | (?P<sum>SUM\s*\()
    | (?P<op>[-+(),])
    )""",
    re.VERBOSE | re.IGNORECASE,
)
_CELL = re.compile(r"^(\$?)([A-Za-z]{1,3})(\$?)([0-9]{1,7})$")
_MAX_CELLS = 1_000_000  # a range larger than any report table is not a total


class _Unknown(Exception):
    """The formula is not one of the forms evaluated, or a value it needs is unknown."""


def _tokens(formula: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = formula.strip().lstrip("=")
    while pos < len(text):
        match = _TOKEN.match(text, pos)
        if match is None or match.end() == pos:
            if text[pos:].strip() == "":
                break
            raise _Unknown
        kind = match.lastgroup or ""
        tokens.append((kind, match.group(kind).strip()))
        pos = match.end()
    return tokens


def _number(text: str | None) -> Decimal | None:
    if text is None:
        return None
    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


class Evaluator:
    """Values of formula cells across the sheets of one workbook, computed on demand."""

    def __init__(self, grids: dict[str, Grid]) -> None:
        self._grids = grids
        self._done: dict[tuple[str, int, int], Decimal | None] = {}
        self._active: set[tuple[str, int, int]] = set()

    def value(self, sheet: str, row: int, col: int) -> Decimal | None:
        """The computed value of the formula in the cell, or ``None`` if it cannot be told."""
        key = (sheet, row, col)
        if key in self._done:
            return self._done[key]
        if key in self._active:  # a cycle: Excel refuses it too
            return None
        self._active.add(key)
        try:
            result: Decimal | None = self._formula_value(sheet, row, col)
        except (_Unknown, InvalidOperation, RecursionError):
            result = None
        finally:
            self._active.discard(key)
        self._done[key] = result
        return result

    def _formula_value(self, sheet: str, row: int, col: int) -> Decimal:
        cell = self._grids[sheet].cells.get((row, col))
        if cell is None:
            raise _Unknown
        formula, offset = cell.formula, (0, 0)
        if not formula and cell.shared is not None:
            master = self._grids[sheet].masters.get(cell.shared)
            if master is None:
                raise _Unknown
            formula, offset = master[2], (row - master[0], col - master[1])
        if not formula:
            raise _Unknown
        parser = _Parser(self, sheet, _tokens(formula), offset)
        result = parser.expr()
        if parser.pos != len(parser.tokens):
            raise _Unknown
        return result

    def cell_number(self, sheet: str, row: int, col: int, *, in_range: bool) -> Decimal | None:
        """A cell's numeric value; ``None`` for what ``SUM`` skips (only when ``in_range``)."""
        grid = self._grids.get(sheet)
        if grid is None:
            raise _Unknown
        cell: RawCell | None = grid.cells.get((row, col))
        if cell is None or (cell.kind == "" and cell.formula is None and cell.shared is None):
            return None if in_range else Decimal(0)
        if cell.formula is not None or cell.shared is not None:
            if cell.kind == "e":
                raise _Unknown
            cached = _number(cell.text) if cell.kind in ("n", "") else None
            if cached is not None:
                return cached
            if cell.kind in ("str", "s", "inlineStr", "b") and cell.text:
                return None if in_range else _coerce(cell.text)
            value = self.value(sheet, row, col)
            if value is None:
                raise _Unknown
            return value
        if cell.kind == "e":
            raise _Unknown
        if cell.kind in ("n", ""):
            return _number(cell.text) if cell.text is not None else Decimal(0)
        if in_range:
            return None
        return _coerce(cell.text or "")

    def sheet_names(self) -> set[str]:
        """Names of the sheets formulas may refer to."""
        return set(self._grids)


def _coerce(text: str) -> Decimal:
    value = _number(text.replace(",", ""))
    if value is None:
        raise _Unknown
    return value


class _Parser:
    def __init__(
        self,
        evaluator: Evaluator,
        sheet: str,
        tokens: list[tuple[str, str]],
        offset: tuple[int, int],
    ) -> None:
        self.evaluator = evaluator
        self.sheet = sheet
        self.tokens = tokens
        self.offset = offset
        self.pos = 0

    def _peek(self) -> tuple[str, str]:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("", "")

    def _take(self, kind: str, text: str | None = None) -> str:
        token = self._peek()
        if token[0] != kind or (text is not None and token[1] != text):
            raise _Unknown
        self.pos += 1
        return token[1]

    def expr(self) -> Decimal:
        sign = Decimal(1)
        if self._peek()[0] == "op" and self._peek()[1] in "+-":
            sign = Decimal(-1) if self._take("op") == "-" else Decimal(1)
        total = sign * self._term()
        while self._peek()[0] == "op" and self._peek()[1] in "+-":
            op = self._take("op")
            value = self._term()
            total = total + value if op == "+" else total - value
        return total

    def _term(self) -> Decimal:
        kind, text = self._peek()
        if kind == "num":
            self.pos += 1
            return Decimal(text)
        if kind == "ref":
            self.pos += 1
            sheet, cells = self._resolve(text)
            if len(cells) != 1:
                raise _Unknown  # a range outside SUM is not an addition form
            value = self.evaluator.cell_number(sheet, *cells[0], in_range=False)
            return value if value is not None else Decimal(0)
        if kind == "sum":
            self.pos += 1
            total = Decimal(0)
            if self._peek() != ("op", ")"):
                total += self._sum_arg()
                while self._peek() == ("op", ","):
                    self.pos += 1
                    total += self._sum_arg()
            self._take("op", ")")
            return total
        if (kind, text) == ("op", "("):
            self.pos += 1
            value = self.expr()
            self._take("op", ")")
            return value
        raise _Unknown

    def _sum_arg(self) -> Decimal:
        kind, text = self._peek()
        following = self.tokens[self.pos + 1] if self.pos + 1 < len(self.tokens) else ("", "")
        if kind == "ref" and following in (("op", ","), ("op", ")")):
            self.pos += 1
            sheet, cells = self._resolve(text)
            total = Decimal(0)
            for row, col in cells:
                value = self.evaluator.cell_number(sheet, row, col, in_range=True)
                if value is not None:
                    total += value
            return total
        return self.expr()

    def _resolve(self, text: str) -> tuple[str, list[tuple[int, int]]]:
        sheet = self.sheet
        if "!" in text:
            qualifier, _, text = text.rpartition("!")
            if qualifier.startswith("'"):
                qualifier = qualifier[1:-1].replace("''", "'")
            sheet = qualifier
            if sheet not in self.evaluator.sheet_names():
                raise _Unknown
        first, _, last = text.partition(":")
        r1, c1 = self._cell(first)
        r2, c2 = self._cell(last) if last else (r1, c1)
        r1, r2 = sorted((r1, r2))
        c1, c2 = sorted((c1, c2))
        if (r2 - r1 + 1) * (c2 - c1 + 1) > _MAX_CELLS:
            raise _Unknown
        return sheet, [(r, c) for r in range(r1, r2 + 1) for c in range(c1, c2 + 1)]

    def _cell(self, text: str) -> tuple[int, int]:
        match = _CELL.match(text)
        if match is None:
            raise _Unknown
        col = 0
        for char in match.group(2).upper():
            col = col * 26 + ord(char) - 64
        row = int(match.group(4))
        if not match.group(3):
            row += self.offset[0]
        if not match.group(1):
            col += self.offset[1]
        if row < 1 or col < 1:
            raise _Unknown
        return row, col
