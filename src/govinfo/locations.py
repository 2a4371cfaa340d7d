"""Where something is in a source document.

A :class:`Location` is a plain value: readers attach one to every cell and paragraph of the
neutral document, and diagnostics and errors carry it so a user can find the place again.
"""

from __future__ import annotations

import attrs

__all__ = ["Location", "line_location", "sheet_location", "table_location"]

# The words of a place in each language the CLI speaks (a line of text and a table row are
# both 行 in Chinese; the table number keeps them apart).
_WORDS = {
    "en": {
        "line": "line {}",
        "page": "page {}",
        "table": "table {}",
        "row": "row {}",
        "cell": "cell {}",
        "sep": ", ",
        "unknown": "<unknown>",
    },
    "zh": {
        "line": "第{}行",
        "page": "第{}页",
        "table": "第{}个表格",
        "row": "第{}行",
        "cell": "第{}格",
        "sep": "，",
        "unknown": "<位置不明>",
    },
}


@attrs.frozen(kw_only=True)
class Location:
    """A place in a source: a line of text, a table cell, a sheet cell or an XML path.

    Every field is optional; a reader fills those that mean something for its format.

    Attributes:
        source: the file name (or ``"<text>"``/``"<bytes>"`` when read from memory).
        line: 1-based line number in a text source.
        page: 1-based page number in a paged source (PDF).
        table: 1-based table number in a DOCX document.
        row: 1-based row within the table (or sheet).
        cell: 1-based cell (grid column) within the row.
        sheet: worksheet name in an XLSX workbook.
        ref: A1-style cell reference in an XLSX worksheet.
        xpath: path of an element in an XML document.
        box: the rectangle of a PDF cell or line, ``(x0, y0, x1, y1)`` in PDF points with the
            origin at the page's bottom left (PDF user space), so ``x0 < x1`` and ``y0 < y1``.
    """

    source: str | None = None
    line: int | None = None
    page: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    sheet: str | None = None
    ref: str | None = None
    xpath: str | None = None
    box: tuple[float, float, float, float] | None = None

    def __str__(self) -> str:
        return self.text("en")

    def text(self, lang: str = "en") -> str:
        """The place as a user reads it, in ``lang`` (``"zh"`` or ``"en"``):
        ``report.txt:line 9, cell 3`` or ``report.txt:第9行，第3格``."""
        words = _WORDS.get(lang)
        if words is None:
            raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
        parts: list[str] = []
        if self.line is not None:
            parts.append(words["line"].format(self.line))
        if self.page is not None:
            parts.append(words["page"].format(self.page))
        if self.sheet is not None:
            parts.append(f"{self.sheet}!{self.ref}" if self.ref else self.sheet)
        elif self.ref is not None:
            parts.append(self.ref)
        if self.table is not None:
            parts.append(words["table"].format(self.table))
        if self.row is not None and self.sheet is None:
            parts.append(words["row"].format(self.row))
        if self.cell is not None and self.sheet is None:
            parts.append(words["cell"].format(self.cell))
        if self.xpath is not None:
            parts.append(self.xpath)
        place = words["sep"].join(parts)
        if self.source is None:
            return place or words["unknown"]
        return f"{self.source}:{place}" if place else self.source

    def with_source(self, source: str | None) -> Location:
        """Return this location with ``source`` replaced."""
        return attrs.evolve(self, source=source)


# Readers build one Location per table cell, and attrs' keyword __init__ (frozen, so every
# field goes through object.__setattr__) costs about as much per cell as parsing it. These
# constructors fill the slots directly through their descriptors: the same frozen value,
# equal to the one the keyword constructor would build, at about half the cost.
_new = object.__new__
_SLOTS = {name: getattr(Location, name).__set__ for name in attrs.fields_dict(Location)}
_set_source, _set_line, _set_page, _set_table, _set_row = (
    _SLOTS[n] for n in ("source", "line", "page", "table", "row")
)
_set_cell, _set_sheet, _set_ref, _set_xpath, _set_box = (
    _SLOTS[n] for n in ("cell", "sheet", "ref", "xpath", "box")
)


def _build(
    source: str | None,
    *,
    line: int | None = None,
    page: int | None = None,
    table: int | None = None,
    row: int | None = None,
    cell: int | None = None,
    sheet: str | None = None,
    ref: str | None = None,
    xpath: str | None = None,
    box: tuple[float, float, float, float] | None = None,
) -> Location:
    place: Location = _new(Location)
    _set_source(place, source)
    _set_line(place, line)
    _set_page(place, page)
    _set_table(place, table)
    _set_row(place, row)
    _set_cell(place, cell)
    _set_sheet(place, sheet)
    _set_ref(place, ref)
    _set_xpath(place, xpath)
    _set_box(place, box)
    return place


def line_location(source: str | None, line: int, cell: int | None = None) -> Location:
    """``Location(source=, line=, cell=)``, built without the keyword ``__init__``.

    For readers that make one location per cell of a text line.
    """
    return _build(source, line=line, cell=cell)


def sheet_location(source: str | None, sheet: str, ref: str, row: int, cell: int) -> Location:
    """``Location(source=, sheet=, ref=, row=, cell=)``, built without the keyword ``__init__``.

    For readers that make one location per worksheet cell.
    """
    return _build(source, row=row, cell=cell, sheet=sheet, ref=ref)


def table_location(
    source: str | None,
    table: int,
    row: int,
    cell: int,
    xpath: str | None = None,
    *,
    line: int | None = None,
    page: int | None = None,
    box: tuple[float, float, float, float] | None = None,
) -> Location:
    """``Location(source=, table=, row=, cell=, xpath=, line=, page=, box=)``, without ``__init__``.

    For readers that make one location per document table cell (DOCX, HTML, PDF).
    """
    return _build(
        source, line=line, page=page, table=table, row=row, cell=cell, xpath=xpath, box=box
    )
