"""Where something is in a source document.

A :class:`Location` is a plain value: readers attach one to every cell and paragraph of the
neutral document, and diagnostics and errors carry it so a user can find the place again.
"""

from __future__ import annotations

import attrs

__all__ = ["Location"]


@attrs.frozen(kw_only=True)
class Location:
    """A place in a source: a line of text, a table cell, a sheet cell or an XML path.

    Every field is optional; a reader fills those that mean something for its format.

    Attributes:
        source: the file name (or ``"<text>"``/``"<bytes>"`` when read from memory).
        line: 1-based line number in a text source.
        table: 1-based table number in a DOCX document.
        row: 1-based row within the table (or sheet).
        cell: 1-based cell (grid column) within the row.
        sheet: worksheet name in an XLSX workbook.
        ref: A1-style cell reference in an XLSX worksheet.
        xpath: path of an element in an XML document.
    """

    source: str | None = None
    line: int | None = None
    table: int | None = None
    row: int | None = None
    cell: int | None = None
    sheet: str | None = None
    ref: str | None = None
    xpath: str | None = None

    def __str__(self) -> str:
        parts: list[str] = []
        if self.line is not None:
            parts.append(f"line {self.line}")
        if self.sheet is not None:
            parts.append(f"{self.sheet}!{self.ref}" if self.ref else self.sheet)
        elif self.ref is not None:
            parts.append(self.ref)
        if self.table is not None:
            parts.append(f"table {self.table}")
        if self.row is not None and self.sheet is None:
            parts.append(f"row {self.row}")
        if self.cell is not None and self.sheet is None:
            parts.append(f"cell {self.cell}")
        if self.xpath is not None:
            parts.append(self.xpath)
        place = ", ".join(parts)
        if self.source is None:
            return place or "<unknown>"
        return f"{self.source}:{place}" if place else self.source

    def with_source(self, source: str | None) -> Location:
        """Return this location with ``source`` replaced."""
        return attrs.evolve(self, source=source)
