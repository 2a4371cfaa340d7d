"""A PDF's pages as the neutral document, with notes on what the front end repaired.

Strategy: :mod:`._pages` gives tables (as regions, possibly joined over pages) and paragraphs
in reading order; this module numbers the tables, expands each region over the grid cells it
covers (the first is the origin; the others repeat its text and name it in ``merged_from``),
and turns a row that is one region across the whole table (a caption such as
``第二十条第（一）项``, or a bordered text frame, whose every row is one) into a paragraph that
cuts the table, as the DOCX reader does. Every cell's location names its page, table, row,
grid column and box.

It also refuses what it cannot read: a file whose pages are images only (scanned: OCR first),
and says when the text looks like glyph codes rather than characters (a font without a
ToUnicode map), so a user is not handed an empty or garbled reading without a reason.
"""

from __future__ import annotations

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.errors import UnsupportedFormatError
from govinfo.locations import Location, table_location
from govinfo.reading.document import Block, Cell, Document, Paragraph, Table, new_cell
from govinfo.reading.pdf._grid import Region
from govinfo.reading.pdf._pages import Joined, Joins, TextBlock, flow
from govinfo.reading.pdf._shapes import PageContent, pdf_box
from govinfo.reading.pdf._text import join_lines

__all__ = ["UNMAPPED_SHARE", "pdf_document", "unmapped_share"]

#: Above this share of characters that no report prints (controls, private use, Latin-1
#: symbols), the text is taken for glyph codes of fonts without a ToUnicode map.
UNMAPPED_SHARE = 0.3


def pdf_document(pages: list[PageContent], *, source: str) -> Document:
    """The neutral document of ``pages``, read from ``source``.

    Raises:
        UnsupportedFormatError: no page has text and some have images (a scanned file).
    """
    notes: list[Diagnostic] = []
    _check_images(pages, source, notes)
    items, joins = flow(pages)
    blocks: list[Block] = []
    locations: dict[int, Location] = {}
    numbers: dict[int, int] = {}
    number = 0
    for item in items:
        if isinstance(item, TextBlock):
            first = item.lines[0]
            blocks.append(
                Paragraph(
                    text=join_lines([line.text for line in item.lines]),
                    location=Location(
                        source=source,
                        page=item.page.number,
                        box=pdf_box(item.page, first.x0, first.top, first.x1, first.bottom),
                    ),
                )
            )
        else:
            number += 1
            numbers[id(item)] = number
            blocks.extend(_table(item, number, source, locations, notes))
    _note_joins(joins, source, numbers, locations, notes)
    share = unmapped_share(pages)
    if share > UNMAPPED_SHARE:
        notes.append(
            diagnostic("pdf-text-unmapped", share=f"{share:.0%}", location=Location(source=source))
        )
    return Document(blocks=tuple(blocks), source=source, notes=tuple(notes))


def _check_images(pages: list[PageContent], source: str, notes: list[Diagnostic]) -> None:
    scanned = [page.number for page in pages if not page.chars and page.images]
    if not scanned:
        return
    listed = _page_list(scanned)
    if all(not page.chars for page in pages):
        raise UnsupportedFormatError(
            f"the PDF has no text, only images ({listed}): it is a scan and needs OCR "
            "(e.g. ocrmypdf) before govinfo can read it",
            location=Location(source=source),
            message_zh=f"PDF 没有文字，只有图像（{listed}）：这是扫描件，需先进行文字识别"
            "（如 ocrmypdf）才能读取",
        )
    notes.append(
        diagnostic(
            "pdf-page-image-only",
            variant="" if len(scanned) == 1 else "pages",
            pages=", ".join(str(n) for n in scanned),
            location=Location(source=source, page=scanned[0]),
        )
    )


def _page_list(numbers: list[int]) -> str:
    if len(numbers) == 1:
        return f"page {numbers[0]}"
    return "pages " + ", ".join(str(n) for n in numbers)


def unmapped_share(pages: list[PageContent]) -> float:
    """The share of characters that are neither CJK, ASCII, nor common punctuation."""
    total = 0
    odd = 0
    for page in pages:
        for char in page.chars:
            total += 1
            if not _plausible(char.text):
                odd += 1
    return odd / total if total else 0.0


def _plausible(char: str) -> bool:
    code = ord(char)
    return (
        0x20 <= code < 0x7F
        or 0x2000 <= code < 0x2070  # general punctuation: “” — …
        or 0x2100 <= code < 0x2800  # letterlike, arrows, maths, box drawing, enclosed numbers
        or 0x3000 <= code < 0xA000  # CJK punctuation, kana, CJK ideographs
        or 0xF900 <= code < 0xFB00  # CJK compatibility ideographs
        or 0xFE30 <= code < 0xFFF0  # CJK compatibility forms, full-width forms
        or 0x20000 <= code < 0x32000  # CJK extensions
        or char in "·×÷°±§"
    )


def _table(
    table: Joined,
    number: int,
    source: str,
    locations: dict[int, Location],
    notes: list[Diagnostic],
) -> list[Table | Paragraph]:
    blocks: list[Table | Paragraph] = []
    piece_rows: list[tuple[Cell, ...]] = []
    start: Location | None = None
    width = max((len(row) for row in table.rows), default=0)
    for piece in dict.fromkeys(piece for piece, _ in table.pieces):
        if piece.clipped:
            notes.append(
                diagnostic(
                    "pdf-table-clipped",
                    count=piece.clipped,
                    location=Location(source=source, page=piece.page.number, table=number),
                )
            )
    for index, row in enumerate(table.rows):
        piece, row_in_piece = table.pieces[index]
        page = piece.page
        cells: list[Cell] = []
        for column, region in enumerate(row):
            box = pdf_box(
                page,
                piece.xs[column],
                piece.ys[row_in_piece],
                piece.xs[column + 1],
                piece.ys[row_in_piece + 1],
            )
            here = table_location(source, number, index + 1, column + 1, page=page.number, box=box)
            origin = locations.get(id(region))
            if origin is None:
                origin = table_location(
                    source,
                    number,
                    index + 1,
                    column + 1,
                    page=region.page,
                    box=pdf_box(page, *region.box),
                )
                locations[id(region)] = origin
                if region.straddled:
                    notes.append(_straddled(region, origin))
                cells.append(new_cell(_text(region), origin))
            else:
                cells.append(new_cell(_text(region), here, origin))
        caption = len(row) == width and all(region is row[0] for region in row)
        if caption:
            if piece_rows:
                blocks.append(Table(rows=tuple(piece_rows), location=start or cells[0].location))
                piece_rows = []
                start = None
            if cells[0].merged_from is None and row[0].text.strip():
                text = join_lines(row[0].text.split("\n"))
                blocks.append(Paragraph(text=text, location=cells[0].location))
            continue
        if start is None:
            start = cells[0].location
        piece_rows.append(tuple(cells))
    if piece_rows:
        blocks.append(
            Table(rows=tuple(piece_rows), location=start or _first(table, source, number))
        )
    return blocks


def _first(table: Joined, source: str, number: int) -> Location:
    page = table.pieces[0][0].page.number if table.pieces else None
    return Location(source=source, table=number, page=page)


def _text(region: Region) -> str:
    # A number printed across a ruling cannot be placed: neither part is the figure printed.
    return "?" if region.straddled else region.text


def _straddled(region: Region, where: Location) -> Diagnostic:
    return diagnostic("pdf-cell-unplaced", text=region.text, location=where)


def _note_joins(
    joins: Joins,
    source: str,
    numbers: dict[int, int],
    locations: dict[int, Location],
    notes: list[Diagnostic],
) -> None:
    def _row_location(table: Joined, row: int) -> Location | None:
        if not table.rows:
            return None
        index = min(row, len(table.rows) - 1)
        page = table.pieces[index][0].page.number
        return table_location(source, numbers[id(table)], index + 1, 1, page=page)

    for table, row in joins.tables:
        where = _row_location(table, row)
        notes.append(diagnostic("pdf-table-continued", location=where))
    for table, row, count in joins.headers:
        notes.append(
            diagnostic("pdf-header-repeated", count=count, location=_row_location(table, row))
        )
    for table, row in joins.rows:
        notes.append(diagnostic("pdf-row-cut", location=_row_location(table, row)))
    for _, region in joins.labels:
        notes.append(
            diagnostic("pdf-cell-cut", text=region.text, location=locations.get(id(region)))
        )
