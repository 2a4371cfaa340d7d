"""Read tables whose columns are the source's own (``Table.geometry``) by their cell geometry.

Strategy: a DOCX, XLSX, HTML or PDF table, or a box-drawn text table, says which grid column
every cell lies in, so nothing is guessed from a count of numbers. Each row is cut into
*slots* (a run of grid columns covered by one cell; a merge's covered copies repeat its
origin, see :mod:`govinfo.reading.document`). Rows without numbers whose words name columns
are *header* rows; consecutive header rows give each grid column a *path* of header words
(top to bottom; a blank cell of an upper header row belongs to the group on its left, as a
visual merge). A path maps to one template column when its deepest word that names any
column names exactly one (an exact name before a looser one: ``法律服务机`` is 法律服务机构,
but ``法人或其他组织`` above ``商业企业`` is not 其他). Section 四's columns need a group word
(行政复议, 未经复议直接起诉, 复议后起诉) and a leaf word. Columns the header does not name are
given, in template order, to the header's unnamed spans only when there are exactly as many
of them and the order fits (``header-mismatch``); else they stay unknown.

A data row is named by its label cells (a label merged over several rows applies to each);
every template column then takes the one cell whose span lies within the column's header
span. A blank cell is that cell: blank, and never a reason to move its neighbours. A cell
that straddles two columns, or two non-blank cells under one column, leave the column
unknown (``cell-ambiguous``); text that is not a number leaves it unknown
(``value-not-a-number``) unless it is a Chinese numeral (``value-chinese-numeral``). A table
with no header may be read in template column order only where a row has exactly as many
value cells as columns; a continuation of a split table with the same grid width reuses the
header of the part before it.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from typing import NamedTuple

import attrs

from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.locations import Location
from govinfo.reading.document import Cell, Table
from govinfo.reading.interpret._cells import Mark, ReadCell, convert
from govinfo.reading.interpret._labels import RowForms, column_variants, key
from govinfo.reading.interpret._tables import best_row, orphaned, section_words
from govinfo.reading.interpret._tokens import Token
from govinfo.reading.interpret._values import Kind, Value, parse_value
from govinfo.templates import RowSpec, TemplateSpec, ValueKind

__all__ = ["GridReading", "read_grids"]

_VALUES = (Kind.NUMBER, Kind.NOT_APPLICABLE)
#: Group words of section 四's header, by the row of the template they name.


class _Slot(NamedTuple):
    """One cell of a row: the grid columns it covers (``start`` to ``stop``) and its text."""

    start: int
    stop: int
    cell: Cell
    value: Value
    covered: bool  # a copy of a merge whose origin lies in another row


@attrs.define
class GridReading:
    """What the geometry reading of one section found."""

    cells: dict[str, ReadCell] = attrs.Factory(dict)
    rows: list[str] = attrs.Factory(list)  # the template rows found, in order
    fuzzy: list[tuple[str, RowForms, Location]] = attrs.Factory(list)
    tables: int = 0


@attrs.frozen
class _Target:
    """A template column as a header names it: the key it reads into and its words."""

    name: str  # column key, or "row.column" in section 四
    parts: tuple[tuple[str, ...], ...]  # each part: the forms that may name it


def _slots(row: Sequence[Cell]) -> list[_Slot]:
    slots: list[_Slot] = []
    starts: list[int] = []
    stops: list[int] = []
    cells: list[Cell] = []
    origin: Location | None = None
    for column, cell in enumerate(row):
        merged = cell.merged_from
        # Only a covered cell can continue a slot: compare its origin with the slot's.
        if merged is not None and cells and (merged is origin or merged == origin):
            stops[-1] = column + 1
            continue
        origin = cell.location if merged is None else merged
        starts.append(column)
        stops.append(column + 1)
        cells.append(cell)
    for start, stop, cell in zip(starts, stops, cells, strict=True):
        slots.append(_Slot(start, stop, cell, parse_value(cell.text), cell.merged_from is not None))
    return slots


def _forms(template: TemplateSpec, label: str) -> tuple[str, ...]:
    return (key(label), *(key(v) for v in column_variants(template).get(label, ())))


def _group_forms(row: RowSpec) -> tuple[str, ...]:
    # A one-row table's row keys name column groups, printed as the last part of the label
    # (行政诉讼/未经复议直接起诉), or as a variant of it.
    return tuple(key(text.split("/")[-1]) for text in (row.label, *row.variants))


def _header_words(template: TemplateSpec) -> set[str]:
    """Words of header rows that name no column but mark a row as header: the labels
    spanning columns, the row-label column's header, and the shared first part of a one-row
    table's group labels (行政诉讼)."""
    words: set[str] = set()
    for table in template.tables:
        words.update(key(group.label) for group in table.column_groups)
        if table.row_header:
            words.add(key(table.row_header))
        if table.single_row:
            words.update(key(r.label.split("/")[0]) for r in table.rows if "/" in r.label)
    return words


@attrs.frozen(eq=False)  # hashed by identity: one per template and section (cached)
class _Vocabulary:
    targets: tuple[_Target, ...]
    words: frozenset[str]

    def names(self, path: tuple[str, ...]) -> frozenset[str]:
        """The targets a header path names (one, or several when it is ambiguous)."""
        return _names(self, path)


@functools.lru_cache(maxsize=4096)
def _names(vocabulary: _Vocabulary, path: tuple[str, ...]) -> frozenset[str]:
    # Cached: the same headers recur in every report of a template.
    tiers = {
        target.name: tuple(_part_tier(part, path) for part in target.parts)
        for target in vocabulary.targets
    }
    named = {name: tier for name, tier in tiers.items() if None not in tier}
    if len(named) <= 1:
        return frozenset(named)
    # Several: keep those whose every part is named by the deepest, most exact word.
    top = min(named.values(), key=lambda tier: tuple(t or (99, 99) for t in tier))
    return frozenset(name for name, tier in named.items() if tier == top)


@functools.lru_cache(maxsize=4096)
def _header_word(vocabulary: _Vocabulary, text: str) -> bool:
    """Whether a cell's text (a :func:`key`) names a column or a header group."""
    return text in vocabulary.words or any(w in text for w in vocabulary.words if len(w) >= 4)


def _part_tier(forms: tuple[str, ...], path: tuple[str, ...]) -> tuple[int, int] | None:
    # (depth from the bottom, 0 exact / 1 contained): the deepest word naming the part.
    for depth, word in enumerate(reversed(path)):
        if word in forms:
            return depth, 0
        if any(len(f) >= 2 and len(word) >= 2 and (f in word or word in f) for f in forms):
            return depth, 1
    return None


@functools.cache
def _vocabulary(template: TemplateSpec, name: str) -> _Vocabulary:
    targets: dict[str, _Target] = {}
    table = template.table(name)
    assert table is not None  # only the template's own tables are read
    for row in table.rows:
        for column in row.columns:
            if table.single_row:
                target = _Target(
                    f"{row.key}.{column.key}",
                    (_group_forms(row), _forms(template, column.label)),
                )
            else:
                target = _Target(column.key, (_forms(template, column.label),))
            targets.setdefault(target.name, target)
    words = {f for t in targets.values() for part in t.parts for f in part}
    words.update(_header_words(template))
    return _Vocabulary(tuple(targets.values()), frozenset(words))


@attrs.define
class _Header:
    """A header block: each grid column's path and the targets it names."""

    paths: list[tuple[str, ...]]
    names: list[frozenset[str]]
    width: int

    def units(self) -> list[tuple[int, int]]:
        """Runs of grid columns with one path (a header span), left to right."""
        units: list[tuple[int, int]] = []
        for column, path in enumerate(self.paths):
            if units and self.paths[units[-1][0]] == path:
                units[-1] = (units[-1][0], column + 1)
            else:
                units.append((column, column + 1))
        return units

    @property
    def first_value_column(self) -> int:
        return next((i for i, n in enumerate(self.names) if n), len(self.names))


def _header(rows: list[list[_Slot]], vocabulary: _Vocabulary) -> _Header:
    width = max(s.stop for row in rows for s in row)
    words: list[list[str]] = [[] for _ in range(width)]
    for depth, row in enumerate(rows):
        last = depth == len(rows) - 1
        inherited = ""
        texts = [""] * width
        for slot in row:
            text = key(slot.cell.text)
            for column in range(slot.start, slot.stop):
                texts[column] = text
        for column in range(width):
            if texts[column]:
                inherited = texts[column]
            elif not last and inherited and column > 0:
                # A blank cell of an upper header row belongs to the group on its left.
                texts[column] = inherited
        for column, text in enumerate(texts):
            if text and (not words[column] or words[column][-1] != text):
                words[column].append(text)
    paths = [tuple(w) for w in words]
    return _Header(paths, [vocabulary.names(p) for p in paths], width)


class _SectionReader:
    def __init__(
        self,
        template: TemplateSpec,
        name: str,
        specs: tuple[RowForms, ...],
        notes: list[Diagnostic],
    ) -> None:
        self.template = template
        self.name = name
        self.section = section_words(template, name)
        self.specs = specs
        self.notes = notes
        self.vocabulary = _vocabulary(template, name)
        self.result = GridReading()
        self.next_row = 0
        self.header: _Header | None = None
        self.noted_order: set[tuple[int, tuple[str, ...]]] = set()
        self.headers: list[_Header] = []
        # Per header, row and label width: the row's columns and the owner of each grid column.
        self.layouts: dict[
            tuple[int, tuple[str, ...], int], tuple[dict[str, set[int]], dict[int, str]]
        ] = {}

    # Rows.

    def is_header(self, slots: list[_Slot]) -> bool:
        """A row without numbers whose words name a column or header group, and no row."""
        if any(s.value.kind is Kind.NUMBER for s in slots):
            return False
        texts = [key(s.cell.text) for s in slots if s.value.kind is Kind.TEXT]
        if not any(_header_word(self.vocabulary, t) for t in texts):
            return False
        return not self.specs or best_row("".join(texts), self.specs, 0, exact=True) is None

    def read_table(self, table: Table) -> None:
        self.result.tables += 1
        carried = self.header
        block: list[list[_Slot]] = []
        seen_header = False
        for row in table.rows:
            slots = _slots(row)
            if not slots:
                continue
            if self.is_header(slots):
                block.append(slots)
                continue
            if block:
                self.header = _header(block, self.vocabulary)
                self.headers.append(self.header)  # kept alive: caches key on its id
                seen_header = True
                block = []
            if not seen_header and carried is not None:
                width = max(s.stop for s in slots)
                self.header = carried if carried.width == width else None
                if self.header is not None:
                    self.notes.append(
                        diagnostic(
                            "header-mismatch",
                            variant="header-before",
                            section=self.section,
                            location=row[0].location,
                        )
                    )
                seen_header = True
            elif not seen_header:
                self.header = None
                seen_header = True
            self.read_row(slots)
        if block:
            # A table part that is all header: its data follow in the next part.
            self.header = _header(block, self.vocabulary)
            self.headers.append(self.header)

    def read_row(self, slots: list[_Slot]) -> None:
        header = self.header
        start = header.first_value_column if header is not None else None
        label: list[_Slot] = []
        for slot in slots:
            if slot.value.kind in _VALUES and not slot.covered:
                break
            if start is not None and slot.start >= start:
                break
            if slot.value.kind is Kind.TEXT:
                label.append(slot)
        label_end = label[-1].stop if label else 0
        if self.name == "review_litigation":
            if "" in self.result.rows:
                return
            if not any(s.value.kind in _VALUES for s in slots):
                return
            spec = self.specs[0]
        else:
            joined = "".join(key(s.cell.text) for s in label)
            found = best_row(joined, self.specs, self.next_row) if joined else None
            if found is None:
                strays = [s for s in slots if s.value.kind in _VALUES and not s.covered]
                if strays:
                    self.notes.append(orphaned(self.section, len(strays), strays[0].cell.location))
                return
            index, fuzzy = found
            spec = self.specs[index]
            self.next_row = index + 1
            if fuzzy:
                self.result.fuzzy.append((joined, spec, label[-1].cell.location))
        self.result.rows.append(spec.row)
        marker = (id(self.header), spec.columns, label_end)
        if self.header is not None and marker in self.layouts:
            columns, owner = self.layouts[marker]
        else:
            columns = self.columns(spec, label_end, slots, slots[0].cell.location)
            owner = {c: name for name, span in columns.items() for c in span}
            if self.header is not None:
                self.layouts[marker] = columns, owner
        inside: dict[str, list[_Slot]] = {}
        straddling: dict[str, list[_Slot]] = {}
        for slot in slots:
            if slot.start < label_end:
                continue
            if slot.stop - slot.start == 1:
                names = {owner.get(slot.start)}
            else:
                names = {owner.get(c) for c in range(slot.start, slot.stop)}
            if len(names) == 1:
                (name,) = names
                if name is not None:
                    inside.setdefault(name, []).append(slot)
                continue
            for name in names:
                if name is not None:
                    straddling.setdefault(name, []).append(slot)
        cells = self.result.cells
        for index, column in enumerate(spec.columns):
            if column not in columns:
                continue
            within = inside.get(column)
            if within is not None and len(within) == 1 and column not in straddling:
                slot = within[0]
                value = slot.value
                if (
                    value.integer is not None
                    and value.integer >= 0
                    and not value.separators
                    and not slot.covered
                    and spec.kinds[index] is ValueKind.COUNT
                ):
                    # The common cell, a plain count: read without the general path.
                    cells[spec.address(column)] = ReadCell(
                        value.integer, Mark.READ, slot.cell.location
                    )
                    continue
            self.read_cell(spec, index, within or [], straddling.get(column, []))

    # Columns.

    def columns(
        self, spec: RowForms, label_end: int, slots: list[_Slot], where: Location
    ) -> dict[str, set[int]]:
        """Each of ``spec``'s columns (keys as in ``spec.columns``) -> its grid columns."""
        names = list(spec.columns)
        header = self.header
        if header is None:
            return self.positional(spec, label_end, slots, where)
        spans: dict[str, set[int]] = {}
        for column, named in enumerate(header.names):
            if len(named) == 1:
                (name,) = named
                if name in names:
                    spans.setdefault(name, set()).add(column)
        # A variant column (the 小计 column) the header does not name is not printed.
        names = [n for n in names if n in spans or n not in spec.optional_columns]
        missing = [n for n in names if n not in spans]
        if not missing:
            return spans
        free = [(a, z) for a, z in header.units() if a >= label_end and not any(header.names[a:z])]
        order_ok = False
        if len(free) == len(missing):
            trial = {n: set(c) for n, c in spans.items()}
            for name, (a, z) in zip(missing, free, strict=True):
                trial[name] = set(range(a, z))
            firsts = [min(trial[n]) for n in names]
            order_ok = firsts == sorted(firsts)
            if order_ok:
                spans = trial
        noted = (id(header), spec.columns)
        if noted not in self.noted_order:
            self.noted_order.add(noted)
            self.notes.append(
                diagnostic(
                    "header-mismatch",
                    variant="unnamed-columns" if order_ok else "left-unknown",
                    section=self.section,
                    columns=", ".join(missing),
                    location=where,
                )
            )
        return spans

    def positional(
        self, spec: RowForms, label_end: int, slots: list[_Slot], where: Location
    ) -> dict[str, set[int]]:
        # No header: the template's column order, only where the count leaves no doubt
        # (without the variant columns, which only a header can tell).
        values = [s for s in slots if s.start >= label_end]
        columns = [c for c in spec.columns if c not in spec.optional_columns]
        if len(values) == len(columns):
            self.notes.append(
                diagnostic(
                    "header-mismatch",
                    variant="row-fits",
                    section=self.section,
                    label=spec.label,
                    location=where,
                )
            )
            return {c: set(range(s.start, s.stop)) for c, s in zip(columns, values, strict=True)}
        self.notes.append(
            diagnostic(
                "row-ambiguous",
                variant="no-header",
                section=self.section,
                label=spec.label,
                found=len(values),
                expected=len(columns),
                location=where,
                address=f"{spec.table}.{spec.row}" if spec.row else spec.table,
            )
        )
        return {}

    def read_cell(
        self, spec: RowForms, index: int, inside: list[_Slot], straddling: list[_Slot]
    ) -> None:
        """Read one column of a row from the cells within its span (``inside``), or leave
        it unknown when a cell straddles it and another column, or two cells fill it."""
        address = spec.address(spec.columns[index])
        filled = [s for s in inside if s.value.kind is not Kind.BLANK and not s.covered]
        if len(filled) > 1 or (not inside and straddling):
            where = (filled or straddling)[0].cell.location
            self.notes.append(
                diagnostic("cell-ambiguous", count=len(filled), location=where, address=address)
                if filled
                else diagnostic(
                    "cell-ambiguous", variant="straddles", location=where, address=address
                )
            )
            self.result.cells[address] = ReadCell(None, Mark.READ, where)
            return
        if not inside:
            return
        slot = filled[0] if filled else inside[0]
        self.result.cells[address] = self.convert_slot(spec, index, address, slot)

    def convert_slot(self, spec: RowForms, index: int, address: str, slot: _Slot) -> ReadCell:
        cell = slot.cell
        if slot.covered:
            # A value merged down from the row above belongs to that row.
            return ReadCell(None, Mark.BLANK, cell.location)
        token = Token(cell.text, slot.value, cell.location, 0)
        return convert(token, spec.kinds[index], spec.columns[index], self.notes, address)


def read_grids(
    template: TemplateSpec,
    name: str,
    specs: tuple[RowForms, ...],
    tables: Sequence[Table],
    notes: list[Diagnostic],
) -> GridReading:
    """Read the geometry tables of section ``name`` (``specs``: its template rows)."""
    reader = _SectionReader(template, name, specs, notes)
    for table in tables:
        reader.read_table(table)
    return reader.result
