"""The DOCX front end: a package's bytes to the neutral :class:`Document`, with notes."""

from __future__ import annotations

from lxml import etree

from govinfo._safe import MAX_CELLS, MAX_PARAGRAPHS, MAX_ROWS
from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.errors import UnsafeInputError
from govinfo.locations import Location
from govinfo.reading.document import Document
from govinfo.reading.docx._body import BodyWalker
from govinfo.reading.docx._names import Tags
from govinfo.reading.docx._package import DEFAULT_MAIN_PART, open_main_part

__all__ = ["docx_document"]


def docx_document(data: bytes, *, source: str) -> Document:
    """Read the DOCX package ``data`` into blocks, in document order.

    Raises:
        UnsupportedFormatError: ``data`` is not a DOCX package.
        UnsafeInputError: the package breaks a safety limit.
        ReadError: the package is corrupt.
    """
    main = open_main_part(data, source=source)
    walker = BodyWalker(main.tags, source, main.root)
    body = main.root.find(main.tags.body)
    if body is not None:
        _check_size(body, main.tags, source)
    blocks = [] if body is None else walker.blocks(body, "/w:document/w:body")
    return Document(blocks=tuple(blocks), source=source, notes=_notes(walker, main.name, source))


def _check_size(body: etree._Element, tags: Tags, source: str) -> None:
    # Counted before the walk, which costs far more per element than lxml's iteration: a
    # megabyte of repeated rows or paragraphs is refused at once, not after it was read.
    rows = sum(1 for _ in body.iter(tags.tr))
    if rows > MAX_ROWS:
        raise UnsafeInputError(
            f"the document has {rows} table rows, over the limit of {MAX_ROWS}",
            location=Location(source=source),
        )
    cells = sum(1 for _ in body.iter(tags.tc))
    if cells > MAX_CELLS:
        raise UnsafeInputError(
            f"the document has {cells} table cells, over the limit of {MAX_CELLS}",
            location=Location(source=source),
        )
    paragraphs = sum(1 for _ in body.iter(tags.p))
    if paragraphs > MAX_PARAGRAPHS + MAX_CELLS:  # a cell holds paragraphs of its own
        raise UnsafeInputError(
            f"the document has {paragraphs} paragraphs, over the limit of "
            f"{MAX_PARAGRAPHS + MAX_CELLS}",
            location=Location(source=source),
        )


def _notes(walker: BodyWalker, part: str, source: str) -> tuple[Diagnostic, ...]:
    where = Location(source=source)
    notes: list[Diagnostic] = []
    if part != DEFAULT_MAIN_PART:
        notes.append(
            diagnostic(
                "docx-main-part",
                part=part,
                default=DEFAULT_MAIN_PART,
                location=Location(source=source, xpath=part),
            )
        )
    inline = walker.inline
    if inline.revisions:
        notes.append(diagnostic("docx-tracked-changes", location=where))
    if inline.fields.skipped_contents:
        notes.append(diagnostic("docx-table-of-contents", location=where))
    if walker.text_boxes:
        notes.append(diagnostic("docx-text-box", count=walker.text_boxes, location=where))
    notes.extend(
        diagnostic(
            "docx-nested-table",
            inner=nested.inner.table,
            outer=nested.outer.table,
            location=nested.inner,
        )
        for nested in walker.nested
    )
    return tuple(notes)
