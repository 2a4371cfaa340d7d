"""The interpreter: a neutral document in, a report with its diagnostics out.

Strategy: find the sections; read the title lines; cut each table section into tokens and
tell the template by the labels it prints (gb_2019 and gb_2021 differ in section 二 and in
（六）); match rows; read each row's values, first the rows whose values fit their columns,
then the others against those (placement by the invariants); infer what the invariants
determine; read the blank cells of a table with data as 0 when the table then holds; compare
the prose with the tables. A document without tables is read as a pre-2019 report when it
states disclosure statistics in prose or is dated before 2019, and refused when it has
neither sections nor statistics.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from itertools import takewhile

from govinfo.diagnostics import Diagnostic, clause, diagnostic
from govinfo.errors import NotAReportError
from govinfo.locations import Location
from govinfo.model.catalogue import cell_specs, cell_words
from govinfo.model.flat import CellValue, unflatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.reading.document import Block, Document, Paragraph, Table
from govinfo.reading.interpret._cells import (
    Mark,
    ReadCell,
    convert,
    is_direct,
    is_positional,
    leave_unknown,
    read_positional,
    read_row,
)
from govinfo.reading.interpret._digits import bound_cells
from govinfo.reading.interpret._grid import read_grids
from govinfo.reading.interpret._labels import (
    RowForms,
    column_variants,
    key,
    row_specs,
    template_votes,
)
from govinfo.reading.interpret._legacy import read_legacy
from govinfo.reading.interpret._legacy_tables import read_legacy_tables
from govinfo.reading.interpret._metadata import Metadata, read_metadata
from govinfo.reading.interpret._placement import Budget
from govinfo.reading.interpret._prose import compare_prose
from govinfo.reading.interpret._sections import Sections, split_sections
from govinfo.reading.interpret._tables import (
    RowReading,
    TableReading,
    match_rows,
    orphaned,
    section_words,
    single_row,
)
from govinfo.reading.interpret._tokens import Token, is_prose, tokenise
from govinfo.reading.interpret._values import Kind
from govinfo.reading.result import ReadResult
from govinfo.rules.catalogue import Unstated, equations, rule
from govinfo.rules.infer import Fill, feasible, infer_cells
from govinfo.templates import TEMPLATES, TemplateSpec, open_template, template_for_year

__all__ = ["interpret"]

#: The sections whose tables any registered template prints.


@functools.cache
def _table_keys(templates: tuple[TemplateSpec, ...]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.key for spec in templates for t in spec.tables))


def _tables() -> tuple[str, ...]:
    """The table keys of every registered template (the registry may grow after import)."""
    return _table_keys(tuple(TEMPLATES.values()))


_LAST_LEGACY_YEAR = 2018


def _label_less_row(template: TemplateSpec) -> RowForms:
    specs = [s for s in cell_specs(template) if s.table == "review_litigation"]
    return RowForms(
        table="review_litigation",
        row="",
        label=specs[0].table_label,
        forms=(),
        columns=tuple(f"{s.row}.{s.column}" for s in specs),
        kinds=tuple(s.kind for s in specs),
    )


def _choose_template(texts: Mapping[str, str], year: int | None) -> tuple[TemplateSpec, bool]:
    """The registered table template whose markers the tables print most (no tie), else the
    one in force for the year, with whether it was guessed."""
    votes = template_votes("".join(texts.values()))
    best = max(votes.values(), default=0)
    leaders = [t for t, n in votes.items() if n == best]
    if best and len(leaders) == 1:
        return leaders[0], False
    return template_for_year(year), True


def _narrative(sections: Sections) -> Narrative:
    texts: dict[str, str | None] = {}
    for name, blocks in sections.bodies.items():
        lines: list[str] = []
        for block in blocks:
            if isinstance(block, Paragraph):
                if name not in _tables() or is_prose(block.text):
                    lines.append(block.text)
            elif name not in _tables():
                lines.extend("\t".join(c.text for c in row) for row in block.rows)
        texts[name] = "\n".join(lines) if lines else None
    return Narrative(**texts)


def _paragraphs(document: Document) -> tuple[Block, ...]:
    return tuple(b for b in document.blocks if isinstance(b, Paragraph))


class _Reader:
    """The state of one interpretation: template, cells read so far, notes."""

    def __init__(self, template: TemplateSpec, source: str | None) -> None:
        self.template = template
        self.source = source
        self.notes: list[Diagnostic] = []
        self.cells: dict[str, ReadCell] = {}
        self.budget = Budget()
        #: item rows a source prints as one group row instead (a hybrid: （六）其他处理 with
        #: figures and no item rows): not printed, so neither missing nor inferred
        self.unprinted_rows: set[str] = set()

    def where(self, location: Location | None = None) -> Location:
        return location if location is not None else Location(source=self.source)

    def judge(self, row: dict[str, CellValue], whole: bool) -> dict[str, CellValue] | None:
        if not whole:
            # The row's own equations, each on its own (cheap: every candidate is tested).
            local = _complete(row, _row_equations(self.template, tuple(row)))
            if local is None or not feasible(local, self.template, within=True):
                return None
            return local
        if bound_cells(self.template).isdisjoint(row):
            return row  # in no equation: the rest of the table cannot narrow it
        if not self.budget.whole():
            return None  # out of budget: nothing is taken unverified
        merged = {a: c.value for a, c in self.cells.items()}
        merged.update(row)
        if not feasible(merged, self.template):
            return None
        if not self.budget.infer():
            # Out of budget for inference: the per-equation test alone (it narrows less, so
            # more rows stay ambiguous; none is read wrong for it).
            return row
        filled, _ = infer_cells(merged, self.template)
        if not feasible(filled, self.template):
            return None
        return {a: filled.get(a) for a in row}

    def read_grid(self, name: str, tables: list[Table], heading: Location | None) -> int:
        """Read a section's tables by their geometry (see :mod:`._grid`)."""
        if name == "review_litigation":
            specs: tuple[RowForms, ...] = (_label_less_row(self.template),)
        else:
            specs = row_specs(self.template)[name]
        reading = read_grids(self.template, name, specs, tables, self.notes)
        self.cells.update(reading.cells)
        for joined, spec, where in reading.fuzzy:
            self.notes.append(
                diagnostic(
                    "row-label-fuzzy",
                    text=joined,
                    label=spec.label,
                    location=where,
                    address=f"{name}.{spec.row}",
                )
            )
        if name != "review_litigation" and reading.rows:
            self._report_missing(name, set(reading.rows), heading, specs)
        return len(reading.rows)

    def read_table(self, name: str, tokens: list[Token], heading: Location | None) -> int:
        if name == "review_litigation":
            reading = single_row(tokens, _label_less_row(self.template))
            expected = [
                s
                for s in cell_specs(self.template)
                if s.table == name and s.row == "administrative_review"
            ]
            self._check_header(name, reading, [s.column_label for s in expected], heading)
        else:
            # A variant column (the 小计 column) is read where the header names it; text has
            # no geometry, so its place is the template's (after 自然人).
            head = key("".join(t.text for t in takewhile(lambda t: t.kind not in _VALUES, tokens)))
            specs = row_specs(
                self.template, any(key(label) in head for label in _optional_labels(self.template))
            )
            reading = match_rows(tokens, specs[name])
            printed = {c for spec in specs[name] for c in spec.columns}
            columns = {
                s.column_label: None
                for s in cell_specs(self.template)
                if s.table == name and s.column in printed
            }
            if name == "applications":
                self._check_header(name, reading, list(columns), heading)
            self._report_missing(name, {r.spec.row for r in reading.rows}, heading, specs[name])
        if reading.orphans:
            self.notes.append(
                orphaned(
                    section_words(self.template, name),
                    len(reading.orphans),
                    reading.orphans[0].location,
                )
            )
        for row in reading.rows:
            if row.fuzzy:
                self.notes.append(
                    diagnostic(
                        "row-label-fuzzy",
                        text="".join(t.text for t in row.label),
                        label=row.spec.label,
                        location=row.label[-1].location,
                        address=f"{name}.{row.spec.row}" if row.spec.row else name,
                    )
                )
        waiting = []
        by_position = []
        for row in reading.rows:
            if row.runs > 1 and not self._confirmed(row):
                # Values reached the row from across header words (pdftotext without -layout
                # prints a table column by column): one row's values only if the invariants
                # confirm the order they came in.
                self._interleaved(name, row)
            elif is_direct(row):
                self.cells.update(read_row(row, self.judge, self.notes, self.budget) or {})
            elif is_positional(row):
                by_position.append(row)
            elif reading.orphans:
                # Stray values mean the extraction put values out of order (pdftotext without
                # -layout on a table that wrapped): a row short of values may hold a stray one,
                # and the invariants can then "place" it; only rows that fit are trusted.
                self._not_placed(name, row, len(reading.orphans))
            else:
                waiting.append(row)
        for row in by_position:
            cells = read_positional(row, self.judge, self.notes)
            if cells is not None:
                self.cells.update(cells)
            elif reading.orphans:
                self._not_placed(name, row, len(reading.orphans))
            else:
                waiting.append(row)
        # A row the invariants cannot place yet may be placed once the others are known.
        for row in list(waiting):
            cells = read_row(row, self.judge, self.notes, self.budget, final=False, whole=False)
            if cells is not None:
                self.cells.update(cells)
                waiting.remove(row)
        progress = True
        while waiting and progress:
            progress = False
            for row in list(waiting):
                cells = read_row(row, self.judge, self.notes, self.budget, final=False)
                if cells is not None:
                    self.cells.update(cells)
                    waiting.remove(row)
                    progress = True
        for row in waiting:
            self.cells.update(read_row(row, self.judge, self.notes, self.budget) or {})
        return len(reading.rows)

    def _confirmed(self, row: RowReading) -> bool:
        spec = row.spec
        if len(row.values) != len(spec.columns):
            return False
        scratch: list[Diagnostic] = []
        values: dict[str, CellValue] = {}
        for token, column, kind in zip(row.values, spec.columns, spec.kinds, strict=True):
            address = spec.address(column)
            values[address] = convert(token, kind, column, scratch, address).value
        terms = _row_equations(self.template, tuple(values))
        if None in values.values() or not terms:
            return False
        return _complete(values, terms) is not None

    def _interleaved(self, name: str, row: RowReading) -> None:
        spec = row.spec
        self.notes.append(
            diagnostic(
                "row-interleaved",
                section=section_words(self.template, name),
                runs=row.runs,
                location=row.label[-1].location,
                address=f"{name}.{spec.row}" if spec.row else name,
            )
        )

    def _not_placed(self, name: str, row: RowReading, strays: int) -> None:
        leave_unknown(
            row,
            clause(
                "row-ambiguous",
                "why-strays",
                section=section_words(self.template, name),
                strays=strays,
            ),
            self.notes,
        )

    def _check_header(
        self, name: str, reading: TableReading, labels: list[str], heading: Location | None
    ) -> None:
        if not reading.rows:
            return
        missing = [
            label
            for label in labels
            if key(label) not in reading.header
            and not any(
                key(v) in reading.header for v in column_variants(self.template).get(label, ())
            )
        ]
        if missing:
            self.notes.append(
                diagnostic(
                    "header-mismatch",
                    section=section_words(self.template, name),
                    columns=", ".join(missing),
                    location=self.where(heading),
                )
            )

    def _report_missing(
        self, name: str, found: set[str], heading: Location | None, specs: tuple[RowForms, ...]
    ) -> None:
        skipped: set[str] = set()
        for spec in specs:
            if not spec.subtotal or spec.row not in found:
                continue
            members = [s.row for s in specs if s.group == spec.group and not s.subtotal]
            if any(m in found for m in members):
                self.notes.append(
                    diagnostic(
                        "variant-group-subtotal",
                        label=spec.label,
                        group=f"{name}.{spec.row}",
                        address=f"{name}.{spec.row}",
                        location=self.where(heading),
                    )
                )
            else:
                # The group printed as one row, without its items (（六）其他处理 the 2019
                # way in a 2021-layout report): its items are not printed, not missing.
                skipped.update(members)
                self.unprinted_rows.update(f"{name}.{m}" for m in members)
                self.notes.append(
                    diagnostic(
                        "variant-hybrid-group-row",
                        label=spec.label,
                        items=", ".join(members),
                        group=f"{name}.{spec.row}",
                        address=f"{name}.{spec.row}",
                        location=self.where(heading),
                    )
                )
        for spec in specs:
            if spec.row not in found and not spec.optional and spec.row not in skipped:
                self.notes.append(
                    diagnostic(
                        "row-missing",
                        label=spec.label,
                        location=self.where(heading),
                        address=f"{name}.{spec.row}",
                    )
                )

    def note_variant_columns(self) -> None:
        """Say which variant columns (the 小计 column) the source prints: those read."""
        seen: dict[str, ReadCell] = {}
        for address, spec in _optional_columns(self.template).items():
            cell = self.cells.get(address)
            if cell is not None and cell.mark == Mark.READ and cell.value is not None:
                seen.setdefault(spec, cell)
        for name, cell in seen.items():
            table, _, column = name.split(".")
            self.notes.append(
                diagnostic(
                    "variant-organisations-subtotal",
                    column=column,
                    table=table,
                    address=f"{table}.*.{column}",
                    location=self.where(cell.location),
                )
            )

    def complete(self, *, infer: bool = True) -> tuple[dict[str, CellValue], list[Fill]]:
        values: dict[str, CellValue] = {s.address: None for s in cell_specs(self.template)}
        for address, cell in self.cells.items():
            values[address] = cell.value
        if not infer:
            return values, []
        fills = self._infer(values)
        by_table: dict[str, list[str]] = {}
        optional = _optional_cells(self.template)
        printed = {
            name
            for address, cell in self.cells.items()
            if cell.mark == Mark.READ and cell.value is not None
            for name in optional.get(address, ())
        }
        for address, cell in self.cells.items():
            if cell.mark == Mark.BLANK and values[address] is None:
                if not printed.issuperset(optional.get(address, ())):
                    continue  # a variant row or column printed blank (a group label row)
                by_table.setdefault(address.split(".", 1)[0], []).append(address)
        for table, blanks in by_table.items():
            has_data = any(
                c.mark == Mark.READ and c.value is not None
                for a, c in self.cells.items()
                if a.startswith(table + ".")
            )
            trial = dict(values)
            trial.update(dict.fromkeys(blanks, 0))
            if has_data and feasible(trial, self.template):
                values.update(trial)
                for address in blanks:
                    self.notes.append(
                        diagnostic(
                            "blank-read-as-zero",
                            location=self.cells[address].location,
                            address=address,
                        )
                    )
            else:
                for address in blanks:
                    self.notes.append(
                        diagnostic(
                            "blank-left-unknown",
                            location=self.cells[address].location,
                            address=address,
                        )
                    )
        if by_table:
            fills.extend(self._infer(values))
        return values, fills

    def _infer(self, values: dict[str, CellValue]) -> list[Fill]:
        filled, fills = infer_cells(values, self.template)
        kept: list[Fill] = []
        for fill in fills:
            cell = self.cells.get(fill.address)
            if cell is not None and cell.mark == Mark.NOT_APPLICABLE:
                continue  # a "/" says the cell does not apply; it stays None
            if fill.address.rsplit(".", 1)[0] in self.unprinted_rows:
                continue  # an item row the source does not print (a hybrid) stays None
            values[fill.address] = filled[fill.address]
            kept.append(fill)
        return kept


_LAST = 1 << 62
_VALUES = (Kind.NUMBER, Kind.NOT_APPLICABLE)


@functools.cache
def _optional_labels(template: TemplateSpec) -> tuple[str, ...]:
    """The labels of the template's variant columns (the 小计 column)."""
    return tuple(dict.fromkeys(c.label for _, _, c in template.cells() if c.optional))


@functools.cache
def _optional_columns(template: TemplateSpec) -> dict[str, str]:
    """The variant column (its name) of each cell of one, by address."""
    return {
        s.address: name
        for s in cell_specs(template)
        for name in s.variants
        if name.startswith(f"{s.table}.*.")
    }


@functools.cache
def _optional_cells(template: TemplateSpec) -> dict[str, tuple[str, ...]]:
    """The variants (optional row, optional column) of each variant cell, by address."""
    return {s.address: s.variants for s in cell_specs(template) if s.optional}


_Terms = tuple[tuple[tuple[str, int], ...], ...]


@functools.cache
def _row_equations(template: TemplateSpec, addresses: tuple[str, ...]) -> _Terms:
    """The equations of ``template`` whose every cell is one of ``addresses``, as terms."""
    inside = set(addresses)
    return tuple(
        tuple((a, 1) for a in eq.lhs) + tuple((a, -1) for a in eq.rhs)
        for eq in equations(template)
        if rule(eq.rule).unstated is Unstated.UNKNOWN and inside.issuperset(eq.cells)
    )


def _complete(row: dict[str, CellValue], terms: _Terms) -> dict[str, CellValue] | None:
    """``row`` with what its own equations determine, each taken on its own; ``None`` when
    one cannot hold. A row's equations share few cells (one row total, or section 四's three
    group totals), so this is what inference would fill, at a fraction of its cost."""
    out = dict(row)
    changed = True
    while changed:
        changed = False
        for equation in terms:
            known = 0
            unknown: list[tuple[str, int]] = []
            for address, coefficient in equation:
                value = out.get(address)
                if value is None:
                    unknown.append((address, coefficient))
                else:
                    known += coefficient * int(value)
            if not unknown:
                if known != 0:
                    return None
                continue
            if len(unknown) == 1:
                address, coefficient = unknown[0]
                value = -known * coefficient  # coefficient is 1 or -1
                if value < 0:
                    return None
                out[address] = value
                changed = True
            elif len({c for _, c in unknown}) == 1 and known == 0:
                for address, _ in unknown:
                    out[address] = 0  # non-negative parts of a zero sum
                changed = True
    return out


def _in_source_order(notes: list[Diagnostic]) -> tuple[Diagnostic, ...]:
    # Stable: notes about the same place, or about no place, keep the order they were made in.
    def place(note: Diagnostic) -> tuple[int, ...]:
        where = note.location
        if where is None:
            return (_LAST,)
        return tuple(
            _LAST if part is None else part
            for part in (where.line, where.table, where.row, where.cell)
        )

    return tuple(sorted(notes, key=place))


def _report(
    cells: Mapping[str, object], template: TemplateSpec, meta: Metadata, narrative: Narrative
) -> AnnualReport:
    return unflatten(
        cells,
        template=template,
        organ=meta.organ,
        year=meta.year,
        title=meta.title,
        narrative=narrative,
    )


def interpret(document: Document, *, infer: bool = True) -> ReadResult:
    """Read a neutral document as an annual report.

    Args:
        document: what a front end made of the source.
        infer: fill the cells the invariants determine and read blank cells as 0 where the
            table then holds (FORMAT.md §7). ``False`` takes only what the source states, for
            sources whose convention is that an empty cell is not stated (govinfo's own
            workbooks).

    Returns:
        The report, the diagnostics of the reading (in source order; those about no place
        last), the cells filled by inference and where each read cell came from.

    Raises:
        NotAReportError: the document has no section of a report, no statistics table and no
            disclosure statistics in its prose.
    """
    front_notes = list(document.notes)
    section_notes: list[Diagnostic] = []
    sections = split_sections(document, section_notes)
    meta = read_metadata(sections.front)
    grids = {
        name: [b for b in sections.bodies.get(name, ()) if isinstance(b, Table) and b.geometry]
        for name in _tables()
    }
    # Sections with geometry tables are read by geometry alone; the others become tokens.
    tokens = {
        name: [] if grids[name] else tokenise(list(sections.bodies.get(name, ())))
        for name in _tables()
    }
    texts = {
        name: "".join(
            key(cell.text)
            for table in grids[name]
            for row in table.rows
            for cell in row
            if cell.merged_from is None
        )
        + "".join(t.key for t in tokens[name])
        for name in _tables()
    }
    template, guessed = _choose_template(texts, meta.year)
    reader = _Reader(template, document.source)
    found_rows = 0
    for name in _tables():
        if name in sections.bodies:
            heading = sections.headings.get(name)
            if grids[name]:
                found = reader.read_grid(name, grids[name], heading)
                if not found:
                    # No row in the section's grids: its figures may stand in lines of text
                    # around them (a header drawn as a table, the numbers as a paragraph).
                    lines: list[Block] = [
                        b for b in sections.bodies[name] if isinstance(b, Paragraph)
                    ]
                    found = reader.read_table(name, tokenise(lines), heading)
                found_rows += found
            else:
                found_rows += reader.read_table(name, tokens[name], heading)
    narrative = _narrative(sections)
    if found_rows == 0:
        legacy_notes: list[Diagnostic] = []
        stats, where = read_legacy_tables(document.blocks, legacy_notes)
        prose_stats, prose_where = read_legacy(_paragraphs(document), legacy_notes)
        for found_key, value in prose_stats.items():  # a table row is the more exact source
            if found_key not in stats:
                stats[found_key], where[found_key] = value, prose_where[found_key]
        if stats or (meta.year is not None and meta.year <= _LAST_LEGACY_YEAR and sections.bodies):
            prose = open_template()
            return ReadResult(
                report=_report(
                    {f"{prose.open_prefix}{k}": v for k, v in stats.items()},
                    prose,
                    meta,
                    narrative,
                ),
                diagnostics=_in_source_order(front_notes + section_notes + legacy_notes),
                locations={f"{prose.open_prefix}{k}": v for k, v in where.items()},
                source=document.source,
            )
        if not sections.bodies:
            raise NotAReportError(
                "no section of an annual report, no statistics table and no disclosure "
                "statistics were found",
                location=Location(source=document.source),
                message_zh="未找到年度报告的任何部分、统计表或政府信息公开统计数据",
            )
    notes = front_notes + section_notes
    if guessed and found_rows:
        notes.append(
            diagnostic(
                "template-guessed", template=template, location=Location(source=document.source)
            )
        )
    for name in _tables():
        if name not in sections.bodies:
            notes.append(
                diagnostic(
                    "section-missing",
                    section=section_words(template, name),
                    location=Location(source=document.source),
                    address=name,
                )
            )
    reader.note_variant_columns()
    values, fills = reader.complete(infer=infer)
    locations = {a: c.location for a, c in reader.cells.items() if c.location is not None}
    compare_prose(_paragraphs(document), values, locations, reader.notes, template)
    for fill in fills:
        reader.notes.append(
            diagnostic(
                "cell-inferred",
                address=fill.address,
                cells=fill.address,
                words=cell_words(template, fill.address) or fill.address,
                value=fill.value,
                reason=fill.reason,
                equations="、".join(fill.equations) or fill.rule,
            )
        )
    if meta.year_from_text and meta.year is not None:
        notes.append(
            diagnostic(
                "year-from-text",
                year=meta.year,
                location=meta.location or Location(source=document.source),
            )
        )
    if meta.organ is None or meta.year is None:
        notes.append(
            diagnostic(
                "metadata-missing",
                variant=""
                if meta.organ is None and meta.year is None
                else "organ"
                if meta.organ is None
                else "year",
                location=meta.location or Location(source=document.source),
            )
        )
    return ReadResult(
        report=_report(values, template, meta, narrative),
        diagnostics=_in_source_order(notes + reader.notes),
        inferred=tuple(fills),
        locations=locations,
        source=document.source,
    )
