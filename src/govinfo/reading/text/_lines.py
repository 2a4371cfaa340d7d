"""Lines of extracted text to the neutral document.

Strategy: extraction tools mark table cells in three ways, and each line is classified alone:
tabs between cells (PDF and DOCX text export); runs of two or more spaces between aligned
columns (``pdftotext -layout``); or one cell per line, indented by a single leading tab (DOCX
text export) or not at all (``pdftotext`` without ``-layout``, web pages). Lines with tabs or
aligned columns become table rows; consecutive rows form one :class:`Table`. Every other line is
a :class:`Paragraph`. Which rows are data and which are prose is the interpreter's business;
the front end only keeps line numbers and undoes two artefacts of the export itself: bookmark
markers such as ``[bookmark: _GoBack]``, and a one-cell line whose text ran on to the next
line (a short line without a tab right after an empty or broken indented cell continues it).
"""

from __future__ import annotations

import re

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.errors import UnsafeInputError
from govinfo.locations import Location, line_location
from govinfo.reading.document import Block, Cell, Paragraph, Table, new_cell
from govinfo.reading.text._crawl import MAX_PAGE_CHARS, crawl_header, is_one_line_page, segment
from govinfo.reading.text._grid import find_grid, find_markdown, grid_table, markdown_table

__all__ = ["to_blocks"]

_ARTEFACT = re.compile(r"\[bookmark:[^\]\n]*\]|\f|\u200b|\ufeff")
_ALIGNED = re.compile(r"[ \u3000\xa0]{2,}")
_SENTENCE_END = ("。", "；", ";", "：")
_NUMERIC = re.compile(r"[\d０-９,.，．/\s+-]+")
_NUMBERED = re.compile(r"\s*(?:[(（]?[一二三四五六七八九十\d０-９]+[)）、.．]|第)")


def _aligned_cells(line: str) -> list[str] | None:
    stripped = line.strip(" \u3000\xa0")
    if not _ALIGNED.search(stripped) or stripped.endswith(_SENTENCE_END) or "。" in stripped:
        return None
    return _ALIGNED.split(stripped)


def _continues(cell: str, line: str) -> bool:
    # An empty cell followed by its value on the next line, or a short word of a header cell
    # broken in two ("商业" / "企业"). A number, a numbered line or a sentence starts afresh.
    text = line.strip()
    if not cell.strip():
        return bool(text) and len(text) <= 20
    return (
        len(text) <= 12
        and not _NUMERIC.fullmatch(cell.strip())
        and not _NUMBERED.match(text)
        and "。" not in text
    )


def _row(parts: list[str], source: str, number: int) -> tuple[Cell, ...]:
    return tuple(
        new_cell(part, line_location(source, number, index))
        for index, part in enumerate(parts, start=1)
    )


def _header_note(
    notes: list[Diagnostic], source: str, number: int, field: str, title: str | None
) -> None:
    where = Location(source=source, line=number)
    if field == "separator":
        notes.append(diagnostic("crawl-header", variant="separator", location=where))
    else:
        variant = "field-kept" if title is not None else ""
        notes.append(diagnostic("crawl-header", variant=variant, field=field, location=where))


def _one_line_page(line: str, source: str, number: int, notes: list[Diagnostic]) -> list[Paragraph]:
    pieces, dropped = segment(_ARTEFACT.sub("", line))
    where = Location(source=source, line=number)
    notes.append(
        diagnostic(
            "line-segmented", line=number, length=len(line), pieces=len(pieces), location=where
        )
    )
    if dropped:
        notes.append(
            diagnostic(
                "page-chrome-removed",
                dropped=", ".join(repr(d) for d in dropped),
                location=where,
            )
        )
    return [Paragraph(text=piece, location=where) for piece in pieces]


_DRAWN_START = frozenset("┌┏╔╒╓+|")


def _drawn_table(lines: list[str], number: int, source: str) -> tuple[Table, int] | None:
    # A box-drawn grid or a Markdown table starting at this line: the table and its last line.
    index = number - 1
    if lines[index].lstrip()[:1] not in _DRAWN_START:
        return None
    end = find_grid(lines, index)
    if end > index:
        return grid_table(lines[index:end], number, source), end
    end = find_markdown(lines, index)
    if end > index:
        return markdown_table(lines[index:end], number, source), end
    return None


def to_blocks(text: str, source: str) -> tuple[tuple[Block, ...], list[Diagnostic]]:
    """Split ``text`` into paragraphs and tables, keeping 1-based line numbers."""
    notes: list[Diagnostic] = []
    blocks: list[Block] = []
    rows: list[tuple[Cell, ...]] = []
    table_start = 0
    previous_one_cell = False

    def flush() -> None:
        nonlocal rows
        if rows:
            blocks.append(
                Table(
                    rows=tuple(rows),
                    location=Location(source=source, line=table_start),
                    geometry=False,
                )
            )
            rows = []

    lines = text.splitlines()
    header = crawl_header(lines)
    skip_to = 0
    for number, raw in enumerate(lines, start=1):
        if number <= skip_to:
            continue
        drawn = _drawn_table(lines, number, source)
        if drawn is not None:
            flush()
            previous_one_cell = False
            blocks.append(drawn[0])
            skip_to = drawn[1]
            continue
        line = raw
        if number - 1 in header:
            title = header[number - 1].title
            _header_note(notes, source, number, header[number - 1].field, title)
            if title is not None:
                flush()
                blocks.append(Paragraph(text=title, location=Location(source=source, line=number)))
            continue
        if "\t" not in line and is_one_line_page(line):
            if len(line) > MAX_PAGE_CHARS:
                raise UnsafeInputError(
                    f"line {number} holds {len(line)} characters of run-together page text; "
                    f"more than {MAX_PAGE_CHARS} is not a report page",
                    location=Location(source=source, line=number),
                )
            flush()
            previous_one_cell = False
            blocks.extend(_one_line_page(line, source, number, notes))
            continue
        if _ARTEFACT.search(line):
            cleaned = _ARTEFACT.sub("", line)
            if "[bookmark:" in line:
                notes.append(
                    diagnostic(
                        "artefact-removed",
                        artefact=repr(line[line.index("[bookmark:") :].split("]")[0] + "]"),
                        location=Location(source=source, line=number),
                    )
                )
            line = cleaned
        if not line.strip():
            flush()
            previous_one_cell = False
            continue
        if "\t" in line:
            parts = line.split("\t")
            one_cell = line.startswith("\t") and len(parts) == 2
            if one_cell:
                parts = parts[1:]
            if not rows:
                table_start = number
            rows.append(_row(parts, source, number))
            previous_one_cell = one_cell
            continue
        if previous_one_cell and rows and _continues(rows[-1][0].text, line):
            last = rows[-1][0]
            rows[-1] = (Cell(text=(last.text + "\n" + line).strip("\n"), location=last.location),)
            notes.append(
                diagnostic(
                    "cell-continued",
                    line=number,
                    first=last.location.line,
                    location=Location(source=source, line=number),
                )
            )
            previous_one_cell = False
            continue
        previous_one_cell = False
        aligned = _aligned_cells(line)
        if aligned is not None:
            if not rows:
                table_start = number
            rows.append(_row(aligned, source, number))
            continue
        flush()
        blocks.append(Paragraph(text=line.strip(), location=Location(source=source, line=number)))
    flush()
    return tuple(blocks), notes
