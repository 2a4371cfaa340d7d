"""One worksheet's cells, as stored: type, value text, formula, style, and the merged ranges.

Strategy: keep the stored text of every value. A number is rendered from its ``<v>`` string,
not from a float, so ``24252.311082`` stays ``24252.311082`` and ``8`` stays ``8``; only a
value longer than a double can hold (more than 15 significant digits, e.g. a cached
``0.30000000000000004``) is rounded to 15 digits, which is what Excel shows.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from lxml import etree

from govinfo._digits import MAX_INDEX_DIGITS, parse_digits
from govinfo._safe import MAX_CELLS, parse_xml
from govinfo.errors import UnsafeInputError
from govinfo.locations import Location
from govinfo.reading.xlsx._workbook import Package, unescape

__all__ = ["Grid", "RawCell", "col_letters", "parse_ref", "parse_sheet", "render_number"]

_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?([0-9]{1,7})$")
_PLAIN = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
_MAX_DIGITS = 15
_COLUMNS: dict[str, int] = {}  # column letters -> number, filled as met (at most 18,278)
_LETTERS: dict[int, str] = {}  # column number -> letters, filled as met
_DIGITS = "0123456789"
# "inlineStr" as a UTF-8 and a UTF-16 sheet spells it: a cheap test for inline strings
_INLINE_MARKS = (b"inlineStr", "inlineStr".encode("utf-16-le"))


def parse_ref(ref: str) -> tuple[int, int] | None:
    """``"C7"`` (or ``"$C$7"``) -> ``(7, 3)``: 1-based row and column; ``None`` if not a ref."""
    # Fast path for the common plain reference whose letters were met before: no regex.
    letters = ref.rstrip(_DIGITS)
    col = _COLUMNS.get(letters)
    if col is not None:
        digits = ref[len(letters) :]  # only digits: rstrip left them
        if digits and len(digits) <= 7:
            return int(digits), col
    match = _REF.match(ref)
    if match is None:
        return None
    letters = match.group(1)
    col = _COLUMNS.get(letters)
    if col is None:
        col = 0
        for char in letters.upper():
            col = col * 26 + ord(char) - 64
        _COLUMNS[letters] = col
    return int(match.group(2)), col


def col_letters(col: int) -> str:
    """``3`` -> ``"C"``."""
    letters = _LETTERS.get(col)
    if letters is not None:
        return letters
    letters, number = "", col
    while number > 0:
        number, rem = divmod(number - 1, 26)
        letters = chr(65 + rem) + letters
    if 0 < col <= 16384:  # Excel's widest sheet; bounds the cache
        _LETTERS[col] = letters
    return letters


def render_number(text: str) -> str:
    """A stored number as a person would type it: no float artefacts, no ``.0``, no exponent."""
    text = text.strip()
    if text.isascii() and text.isdigit() and len(text) <= _MAX_DIGITS:
        return text  # the common whole number, without the pattern
    if _PLAIN.match(text) and len(text.replace("-", "").replace(".", "")) <= _MAX_DIGITS:
        whole, _, fraction = text.partition(".")
        # "8.0" is the integer 8; "1.50" keeps its printed places (an amount's precision)
        return whole if fraction and not fraction.strip("0") else text
    try:
        value = Decimal(text)
    except InvalidOperation:
        return text
    if not value.is_finite():
        return text
    digits = len(value.as_tuple().digits)
    if digits > _MAX_DIGITS:
        value = value.quantize(Decimal(1).scaleb(value.adjusted() - _MAX_DIGITS + 1))
    result = format(value, "f")
    if "." in result:
        result = result.rstrip("0").rstrip(".")
    return "0" if result in ("-0", "") else result


class RawCell:
    """A stored cell: its type code, its value text, its formula and its style index."""

    __slots__ = ("formula", "kind", "shared", "style", "text")

    def __init__(
        self, kind: str, text: str | None, formula: str | None, shared: str | None, style: int
    ) -> None:
        self.kind = kind  # n, s, str, inlineStr, b, e, d; "" when the cell holds no value
        self.text = text  # value text (strings resolved and unescaped); None when absent
        self.formula = formula  # formula text without "=", when the cell has one
        self.shared = shared  # shared-formula group id, for a follower without its own text
        self.style = style


class Grid:
    """The cells of one sheet by ``(row, col)``, its merged ranges and its shared formulas."""

    __slots__ = ("cells", "lined", "masters", "merges", "name")

    def __init__(self, name: str) -> None:
        self.name = name
        self.cells: dict[tuple[int, int], RawCell] = {}
        self.lined: set[tuple[int, int]] = set()  # empty cells that draw a border
        self.merges: list[tuple[int, int, int, int]] = []
        # shared-formula group id -> (row, col, formula) of the cell that states the formula
        self.masters: dict[str, tuple[int, int, str]] = {}


def _value_text(
    kind: str,
    v: str | None,
    inline: etree._Element | None,
    tags: tuple[str, str, str],
    pkg: Package,
) -> str | None:
    if kind == "s":
        index = parse_digits(v.strip() if v is not None else None, max_digits=MAX_INDEX_DIGITS)
        if index is None:
            return None
        return pkg.shared[index] if index < len(pkg.shared) else None
    if kind == "inlineStr":
        if inline is None:
            return ""  # an empty inline string: text, but no characters
        _, t_tag, rph_tag = tags
        if len(inline) == 1 and inline[0].tag == t_tag:  # the plain <is><t>..</t></is>
            return unescape(inline[0].text or "")
        parts = [
            t.text or ""
            for t in inline.iter(t_tag)
            if t.getparent() is not None and t.getparent().tag != rph_tag  # type: ignore[union-attr]
        ]
        return unescape("".join(parts))
    if v is None:
        return None
    if kind == "str":
        return unescape(v)
    if kind in ("n", ""):
        return render_number(v) if v.strip() else None
    return v


class _Tags:
    """Qualified tag names of one sheet's namespace."""

    def __init__(self, ns: str) -> None:
        self.row, self.c, self.v, self.f = (f"{ns}{n}" for n in ("row", "c", "v", "f"))
        self.strings = (f"{ns}is", f"{ns}t", f"{ns}rPh")


def _store(
    grid: Grid, c: etree._Element, place: tuple[int, int], tags: _Tags, pkg: Package
) -> None:
    """Record one stored cell: its value and formula, or only its border when it is empty."""
    row, col = place
    kind = c.get("t") or "n"
    style_text = c.get("s")
    style = parse_digits(style_text, max_digits=MAX_INDEX_DIGITS) or 0
    if not len(c) and kind != "inlineStr":
        if style in pkg.bordered:
            grid.lined.add((row, col))
        return
    v = f_el = inline = None
    # lxml's find() runs ElementPath in Python; reading the children by index is far cheaper,
    # and most cells have one child, their <v>.
    for index in range(len(c)):
        child = c[index]
        tag = child.tag
        if tag == tags.v:
            v = child.text
        elif tag == tags.f:
            f_el = child
        elif tag == tags.strings[0] and inline is None:
            inline = child
    formula = shared = None
    if f_el is not None:
        formula = f_el.text
        if f_el.get("t") == "shared":
            shared = f_el.get("si")
            if formula and shared is not None:
                grid.masters[shared] = (row, col, formula)
    text = _value_text(kind, v, inline, tags.strings, pkg)
    if text is None and formula is None and shared is None and kind != "inlineStr":
        kind = ""
    grid.cells[(row, col)] = RawCell(kind, text, formula, shared, style)


def _selected_cells(
    root: etree._Element, ns: str, bordered: frozenset[int], inline: bool
) -> tuple[list[etree._Element], list[str]] | None:
    """The cells with content, and the references of empty cells that draw a border; ``None``
    when a cell with content has no ``r`` reference and only the sequential walk can place it.

    Most stored cells of a real sheet are empty filler, so the cells with content are found as
    the parents of the ``<v>``, ``<f>`` and ``<is>`` elements of ``sheetData``, by lxml's
    tag-filtered ``iter`` in C (several times cheaper than an XPath test on every cell). Only
    when an empty cell can matter (the workbook has bordered styles, or the sheet has inline
    strings, whose empty ``<c t="inlineStr"/>`` has no child) are all stored cells visited, once,
    from Python: libxml2's XPath with those predicates costs more than that pass. A sheet with
    an empty inline string has its cells with content selected by XPath instead.
    """
    if not ns:
        return None
    c_tag, row_tag = f"{ns}c", f"{ns}row"
    datas = list(root.iterchildren(f"{ns}sheetData"))
    empty_inline = False
    styled: list[etree._Element] = []  # cells with a bordered style, content or not
    lined: dict[str | None, bool] = {}  # style index text -> whether it draws a border
    if bordered or inline:
        for data in datas:
            for c in data.iter(c_tag):
                if c.get("t") == "inlineStr":
                    empty_inline = empty_inline or not len(c)
                    continue
                style = c.get("s")
                hit = lined.get(style)
                if hit is None:  # style indexes repeat: parse each text once
                    hit = lined[style] = (
                        parse_digits(style, max_digits=MAX_INDEX_DIGITS) in bordered
                    )
                if hit:
                    styled.append(c)
    cells: list[etree._Element] = []
    if empty_inline:
        found = root.xpath(
            "./m:sheetData/m:row/m:c[* or @t='inlineStr']", namespaces={"m": ns[1:-1]}
        )
        if not isinstance(found, list):
            return None
        cells = [c for c in found if isinstance(c, etree._Element)]
    else:
        for data in datas:
            last = None
            for child in data.iter(f"{ns}v", f"{ns}f", f"{ns}is"):
                cell = child.getparent()
                if cell is None or cell is last or cell.tag != c_tag:
                    continue
                row = cell.getparent()
                if row is not None and row.tag == row_tag and row.getparent() is data:
                    cells.append(cell)
                    last = cell
    if any(c.get("r") is None for c in cells):
        return None
    with_content = set(cells)
    refs = [
        ref
        for c in styled
        if c not in with_content and (ref := c.get("r")) is not None and c.getparent() is not None
    ]
    return cells, refs


def _check_size(grid: Grid, source: str, limit: int, cells: int | None = None) -> None:
    # Checked as the cells are stored (or before, when their number is known): a sheet of a
    # million small cells is refused before all of them are read.
    if (len(grid.cells) if cells is None else cells) > limit:
        raise UnsafeInputError(
            f"the workbook has more than {MAX_CELLS} cells, over the limit",
            location=Location(source=source, sheet=grid.name),
        )


def parse_sheet(pkg: Package, name: str, part: str, limit: int = MAX_CELLS) -> Grid:
    """Read the cells and merged ranges of one worksheet part.

    ``limit`` is how many cells the sheet may have: what the workbook's earlier sheets left of
    :data:`~govinfo._safe.MAX_CELLS`.

    Raises:
        UnsafeInputError, ReadError: as :meth:`Package.parse`.
    """
    data = pkg.archive.read(part)
    root = parse_xml(data, source=pkg.source, part=part)
    tag = root.tag if isinstance(root.tag, str) else ""
    ns = tag[: tag.index("}") + 1] if tag.startswith("{") else ""
    grid = Grid(name)
    tags = _Tags(ns)
    selected = _selected_cells(root, ns, pkg.bordered, any(mark in data for mark in _INLINE_MARKS))
    if selected is not None:
        if len(selected[0]) > limit:  # known before a cell is stored
            _check_size(grid, pkg.source, limit, len(selected[0]))
        for c in selected[0]:
            where = parse_ref(c.get("r") or "")
            if where is not None:
                _store(grid, c, where, tags, pkg)
        _check_size(grid, pkg.source, limit)
        for ref in selected[1]:
            where = parse_ref(ref)
            if where is not None:
                grid.lined.add(where)
    else:
        sheet_data = root.find(f"{ns}sheetData")
        row_no = stored = 0
        for row in sheet_data.iterfind(tags.row) if sheet_data is not None else ():
            given = row.get("r")
            row_no = parse_digits(given, max_digits=MAX_INDEX_DIGITS) or row_no + 1
            col_no = 0
            for c in row.iterfind(tags.c):
                given = c.get("r")
                where = parse_ref(given) if given is not None else None
                col_no = where[1] if where is not None else col_no + 1
                if where is None or where[0] == row_no:
                    _store(grid, c, (row_no, col_no), tags, pkg)
                    # Cells stored, not places: duplicated rows overwrite the same places.
                    stored += 1
                    if stored > limit:
                        _check_size(grid, pkg.source, limit, stored)
    merge_tag = f"{ns}mergeCell"
    for merge in root.iter(merge_tag):
        first, _, last = (merge.get("ref") or "").partition(":")
        start = parse_ref(first)
        end = parse_ref(last) if last else start
        if start is not None and end is not None:
            (r1, c1), (r2, c2) = start, end
            if r1 > r2:  # a range written bottom-up or right-to-left still covers its cells
                r1, r2 = r2, r1
            if c1 > c2:
                c1, c2 = c2, c1
            grid.merges.append((r1, c1, r2, c2))
    return grid
