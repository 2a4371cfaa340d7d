"""Find the six sections of a report in the document's blocks.

Strategy: a heading is a short line numbered like ``四、``, ``4、`` or ``4.`` whose words name a
section (FORMAT.md §1.1, §2.1 and the variants of §4, e.g. ``总体工作完成情况``). Sections must
come in order, so a line that merely mentions an earlier section's words (a table row such as
``四、结转下年度继续办理``) is never taken for a heading. A heading may stand in a paragraph or
in the first cell of a table row (text exported from a table-laid-out page).
"""

from __future__ import annotations

import re

import attrs

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.locations import Location
from govinfo.reading.document import Block, Cell, Document, Paragraph, Table
from govinfo.reading.interpret._inline import split_heading
from govinfo.reading.interpret._labels import OFFICIAL_HEADINGS, SECTIONS, heading_section, key
from govinfo.reading.interpret._tokens import row_texts

__all__ = ["Sections", "split_sections"]

_ORDER = [name for name, _ in SECTIONS]
_NUMERALS = "一二三四五六"
_HEAD_NUMBER = re.compile(r"^\s*([一二三四五六七八九十]+|\d+)")


@attrs.frozen
class Sections:
    """The blocks before the first heading, and each section's blocks after its heading."""

    front: tuple[Block, ...]
    bodies: dict[str, tuple[Block, ...]]
    headings: dict[str, Location]


def _row_text(row: tuple[Cell, ...]) -> tuple[str, Location] | None:
    # A heading exported into a table cell, or spread over aligned columns ("四、  政府…").
    texts = row_texts(row)
    if 1 <= len(texts) <= 3 and not any(t.isdigit() for t in texts):
        return "".join(texts), row[0].location
    return None


class _Splitter:
    def __init__(self, notes: list[Diagnostic]) -> None:
        self.notes = notes
        self.front: list[Block] = []
        self.bodies: dict[str, list[Block]] = {}
        self.headings: dict[str, Location] = {}
        self.current: list[Block] = self.front
        self.position = -1

    def heading(self, found: tuple[str, Location] | None) -> bool:
        """Start a section if ``found`` is the heading of one after the current one."""
        if found is None:
            return False
        text, location = found
        section = heading_section(text)
        if section is None or _ORDER.index(section) <= self.position:
            return False
        self.position = _ORDER.index(section)
        self.headings[section] = location
        self.current = self.bodies.setdefault(section, [])
        official = OFFICIAL_HEADINGS[section]
        number = _HEAD_NUMBER.match(text)
        numeral = number.group(1) if number else ""
        if key(text) != key(official) or numeral != _NUMERALS[self.position]:
            self.notes.append(
                diagnostic(
                    "heading-variant", text=text.strip(), official=official, location=location
                )
            )
        return True

    def table(self, table: Table) -> None:
        rows: list[tuple[Cell, ...]] = []
        for row in table.rows:
            if self.heading(_row_text(row)):
                if rows:
                    # The rows before the heading belong to the section before it.
                    self.previous.append(attrs.evolve(table, rows=tuple(rows)))
                    rows = []
                continue
            rows.append(row)
        if rows:
            self.current.append(attrs.evolve(table, rows=tuple(rows)))

    @property
    def previous(self) -> list[Block]:
        names = [n for n in _ORDER[: self.position] if n in self.bodies]
        return self.bodies[names[-1]] if names else self.front


def split_sections(document: Document, notes: list[Diagnostic]) -> Sections:
    """Split ``document`` at its headings, noting headings that differ from the official ones.

    Headings are looked for in paragraphs and in the rows of tables (a report laid out as one
    grid, or a heading whose words an extraction spread over aligned columns).
    """
    splitter = _Splitter(notes)
    for block in document.blocks:
        if isinstance(block, Paragraph):
            if splitter.position == len(_ORDER) - 1:
                splitter.current.append(block)  # the last section: no heading can follow
                continue
            inline = split_heading(block.text)
            if inline is not None and splitter.heading((inline[0], block.location)):
                # A heading run on into its first sentence (a page flattened onto one line).
                splitter.current.append(attrs.evolve(block, text=inline[1]))
            elif not splitter.heading((block.text, block.location)):
                splitter.current.append(block)
        else:
            splitter.table(block)
    return Sections(
        front=tuple(splitter.front),
        bodies={name: tuple(blocks) for name, blocks in splitter.bodies.items()},
        headings=splitter.headings,
    )
