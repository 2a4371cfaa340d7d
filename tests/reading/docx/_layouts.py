"""Reports drawn as DOCX documents, in the table structures real Word files use.

Strategy: the words and numbers come from ``write_text`` (the canonical text, whose labels come
from the model's metadata), so nothing here spells a row or column label or formats a value.
This module only decides *structure*: which lines become paragraphs and which table rows, how
the tables are merged, split, nested or wrapped, and how each cell's text is cut into runs,
tracked changes and fields. The few words the official tables print that the canonical text
has no line for (the group labels of section 三's result rows and the 法人或其他组织 header)
are test data below, from the fixtures.
"""

from __future__ import annotations

import itertools

import attrs
from hypothesis import strategies as st
from lxml import etree
from tests.reading.docx import _builder as b

from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.templates import LABEL
from govinfo.writing.text import write_text

_HEADINGS = [field.metadata[LABEL] for field in attrs.fields(Narrative)]
_RESULTS_GROUP = "三、本年度办理结果"
_SUBGROUPS = ["（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"]
_ORGANISATIONS = "法人或其他组织"


@attrs.frozen
class Layout:
    """How one report is laid out as a DOCX."""

    captions_in_table: bool = True  # 第二十条 captions as spanning rows, else paragraphs
    proactive_split: bool = False  # one table per 第二十条 item
    short_rows: str = "span"  # "span": last cell spans the grid; "after": w:gridAfter
    applications_header: str = "official"  # or "flat"
    group_column: str = "merged"  # or "repeated", "none"
    split_at: int | None = None  # split section 三's table before this data row
    repeat_header: bool = False  # the second part repeats the header rows
    review_header: str = "official"  # or "flat", "spanned"
    run_cuts: tuple[float, ...] = ()  # cut every text into runs at these fractions
    tracked: bool = False  # deleted and hidden junk, and inserted text, in value cells
    total_fields: bool = False  # totals as =SUM(LEFT) field results
    wrap_tables: str = "none"  # "sdt", "nested"
    prose_in_text_box: bool = False
    combined: bool = False  # sections 三 and 四 in one table, 四's heading a spanning row
    grid_before: int = 0  # rows of section 三 start this many grid columns in
    # A group subtotal row (figures on （三）不予公开 …): "row", the label spanning two columns
    # on a row of its own, its items under the label again; "spanned", the label merged down
    # over its own row and its items' rows, the figures on its own row beside an empty cell.
    group_subtotals: str = "row"


def layouts() -> st.SearchStrategy[Layout]:
    """Every table structure the builder can draw."""
    return st.builds(
        Layout,
        captions_in_table=st.booleans(),
        proactive_split=st.booleans(),
        short_rows=st.sampled_from(["span", "after"]),
        applications_header=st.sampled_from(["official", "flat"]),
        group_column=st.sampled_from(["merged", "repeated", "none"]),
        split_at=st.none() | st.integers(min_value=1, max_value=20),
        repeat_header=st.booleans(),
        review_header=st.sampled_from(["official", "flat", "spanned"]),
        run_cuts=st.lists(st.floats(min_value=0.05, max_value=0.95), max_size=3).map(tuple),
        tracked=st.booleans(),
        total_fields=st.booleans(),
        wrap_tables=st.sampled_from(["none", "sdt", "nested"]),
        prose_in_text_box=st.booleans(),
        combined=st.booleans(),
        grid_before=st.integers(min_value=0, max_value=2),
        group_subtotals=st.sampled_from(["row", "spanned"]),
    )


class _Renderer:
    def __init__(self, layout: Layout) -> None:
        self.layout = layout

    def runs(self, text: str) -> list[etree._Element]:
        cuts = [round(len(text) * f) for f in self.layout.run_cuts]
        return b.split_runs(text, cuts)

    def para(self, text: str) -> etree._Element:
        return b.p(self.runs(text))

    def label(self, text: str, **options: object) -> etree._Element:
        return b.tc(self.runs(text), **options)  # type: ignore[arg-type]

    def value(self, text: str, *, total: bool = False, span: int = 1) -> etree._Element:
        content: list[etree._Element] = self.runs(text)
        if self.layout.total_fields and total and text:
            content = b.field(" =SUM(LEFT) ", text)
        if self.layout.tracked and text:
            content = [b.deleted("9"), b.inserted(*content), b.hidden("8"), b.deleted("—")]
        return b.tc(content, span=span)

    def wrap(self, table: etree._Element) -> etree._Element:
        if self.layout.wrap_tables == "sdt":
            return b.sdt(table)
        if self.layout.wrap_tables == "nested":
            return b.tbl(b.tr(b.tc(table)))
        return table

    # Section 二.

    def proactive(self, lines: list[str]) -> list[etree._Element]:
        groups: list[tuple[str, list[list[str]]]] = []
        for line in lines:
            if "\t" in line:
                groups[-1][1].append(line.split("\t"))
            else:
                groups.append((line, []))
        width = max(len(row) for _, rows in groups for row in rows)
        blocks: list[etree._Element] = []
        rows: list[etree._Element] = []
        for caption, table_rows in groups:
            if caption and self.layout.captions_in_table:
                rows.append(b.tr(self.label(caption, span=width)))
            elif caption:
                if self.layout.proactive_split and rows:
                    blocks.append(self.wrap(b.tbl(*rows, columns=width)))
                    rows = []
                blocks.append(self.para(caption))
            for cells in table_rows:
                rows.append(self.short_row(cells, width, header=cells is table_rows[0]))
            if self.layout.proactive_split:
                blocks.append(self.wrap(b.tbl(*rows, columns=width)))
                rows = []
        if rows:
            blocks.append(self.wrap(b.tbl(*rows, columns=width)))
        return blocks

    def short_row(self, cells: list[str], width: int, *, header: bool) -> etree._Element:
        missing = width - len(cells)
        make = self.label if header else self.value
        tcs = [self.label(cells[0])] + [make(c) for c in cells[1:-1]]
        if missing and self.layout.short_rows == "span":
            tcs.append(
                self.label(cells[-1], span=1 + missing)
                if header
                else self.value(cells[-1], span=1 + missing)
            )
            return b.tr(*tcs)
        tcs.append(make(cells[-1]))
        return b.tr(*tcs, grid_after=missing)

    # Section 三.

    def applications(self, lines: list[str]) -> list[etree._Element]:
        note = next(line for line in lines if "\t" not in line and line)
        header, *data = [line.split("\t") for line in lines if "\t" in line]
        depth = 1 if self.layout.group_column == "none" else 3
        head = self.applications_header(note, header, depth)
        body = self.result_rows(data, depth)
        again = self.applications_header(note, header, depth) if self.layout.repeat_header else []
        # Every row, a repeated header's too, starts the same grid columns in: a header
        # without the shift would stand over other columns than its data.
        for row in (*head, *body, *again):
            if self.layout.grid_before:
                trpr = row.find(b.w("trPr"))
                assert trpr is not None
                trpr.insert(0, b.prop("gridBefore", str(self.layout.grid_before)))
        if self.layout.split_at is None or self.layout.split_at >= len(body):
            return [self.wrap(b.tbl(*head, *body))]
        first, second = body[: self.layout.split_at], body[self.layout.split_at :]
        return [self.wrap(b.tbl(*head, *first)), b.p(), self.wrap(b.tbl(*again, *second))]

    def applications_header(self, note: str, header: list[str], depth: int) -> list[etree._Element]:
        group, columns = header[0], header[1:]
        if self.layout.applications_header == "flat":
            return [
                b.tr(self.label(note, span=depth + len(columns))),
                b.tr(self.label(group, span=depth), *(self.label(c) for c in columns)),
            ]
        people, orgs, total = columns[0], columns[1:-1], columns[-1]
        return [
            b.tr(
                self.label(note, span=depth, vmerge="restart"),
                self.label(group, span=len(columns)),
                header=True,
            ),
            b.tr(
                b.tc(span=depth, vmerge="continue"),
                self.label(people, vmerge="restart"),
                self.label(_ORGANISATIONS, span=len(orgs)),
                self.label(total, vmerge="restart"),
                header=True,
            ),
            b.tr(
                b.tc(span=depth, vmerge="continue"),
                b.tc(vmerge="continue"),
                *(self.label(c) for c in orgs),
                b.tc(vmerge="continue"),
                header=True,
            ),
        ]

    def result_rows(self, data: list[list[str]], depth: int) -> list[etree._Element]:
        rows: list[etree._Element] = []
        in_results = False
        subgroups = iter(_SUBGROUPS)
        subgroup: str | None = None
        spanned = False  # the group label of the next items is drawn already
        for index, cells in enumerate(data):
            label, values = cells[0], cells[1:]
            value_cells = [self.value(v, total=i == len(values) - 1) for i, v in enumerate(values)]
            level = 3 if label[:1].isdigit() else 2 if label.startswith("（") else 1
            if depth == 1:
                rows.append(b.tr(self.label(label), *value_cells))
                continue
            if level == 1:
                in_results = False
                rows.append(b.tr(self.label(label, span=3), *value_cells))
                continue
            group = self.group_cell(_RESULTS_GROUP, first=not in_results)
            in_results = True
            items = index + 1 < len(data) and data[index + 1][0][:1].isdigit()
            if (
                level == 2
                and items
                and label in _SUBGROUPS
                and self.layout.group_subtotals == "spanned"
            ):
                subgroup = next(subgroups)
                assert subgroup == label, (subgroup, label)
                spanned = True
                cell = self.group_cell(label, first=True)
                rows.append(b.tr(group, cell, self.label(""), *value_cells))
                continue
            if level == 2:
                subgroup = None
                rows.append(b.tr(group, self.label(label, span=2), *value_cells))
                continue
            # a group's items are numbered from 1.: the next group starts there
            first = (subgroup is None or label.startswith("1.")) and not spanned
            spanned = False
            if first:
                subgroup = next(subgroups)
            assert subgroup is not None
            rows.append(
                b.tr(group, self.group_cell(subgroup, first=first), self.label(label), *value_cells)
            )
        return rows

    def group_cell(self, text: str, *, first: bool) -> etree._Element:
        if self.layout.group_column == "repeated":
            return self.label(text)
        return self.label(text, vmerge="restart") if first else b.tc(vmerge="continue")

    # Section 四.

    def review(self, lines: list[str]) -> list[etree._Element]:
        return [self.wrap(b.tbl(*self.review_rows(lines)))]

    def review_rows(self, lines: list[str]) -> list[etree._Element]:
        groups, labels, values = (line.split("\t") for line in lines if "\t" in line)
        value_row = b.tr(*(self.value(v, total=(i + 1) % 5 == 0) for i, v in enumerate(values)))
        if self.layout.review_header == "flat":
            head = [b.tr(*(self.label(g) for g in groups)), b.tr(*(self.label(c) for c in labels))]
        elif self.layout.review_header == "spanned":
            starts = [i for i, g in enumerate(groups) if g] + [len(groups)]
            head = [
                b.tr(*(self.label(groups[a], span=z - a) for a, z in itertools.pairwise(starts))),
                b.tr(*(self.label(c) for c in labels)),
            ]
        else:
            head = self.official_review_header(groups, labels)
        return [*head, value_row]

    def official_review_header(self, groups: list[str], labels: list[str]) -> list[etree._Element]:
        named = [(i, g.split("/")) for i, g in enumerate(groups) if g]
        width = len(labels) // len(named)
        own = [(i, parts[0]) for i, parts in named if len(parts) == 1]
        shared = [(i, parts) for i, parts in named if len(parts) == 2]
        top = [self.label(name, span=width) for _, name in own]
        top.append(self.label(shared[0][1][0], span=width * len(shared)))
        middle = [self.label(labels[i], vmerge="restart") for i in range(width)]
        middle += [self.label(parts[1], span=width) for _, parts in shared]
        bottom = [b.tc(vmerge="continue") for _ in range(width)]
        bottom += [self.label(c) for c in labels[width:]]
        return [b.tr(*top), b.tr(*middle), b.tr(*bottom)]


def render(report: AnnualReport, layout: Layout, text: str | None = None) -> bytes:
    """``report`` as a ``.docx`` laid out as ``layout`` says (from ``text``, its canonical
    text with cells changed, when given)."""
    renderer = _Renderer(layout)
    front: list[str] = []
    sections: dict[str, list[str]] = {}
    current = front
    # The canonical text without its header line: the words a Word file would hold.
    lines = write_text(report).split("\n")[1:] if text is None else text.split("\n")
    for line in lines:
        if line in _HEADINGS:
            current = sections.setdefault(line, [])
        else:
            current.append(line)
    blocks = [renderer.para(line) for line in front if line]
    for heading, raw in sections.items():
        lines = [line for line in raw if line]
        if layout.combined and heading == _HEADINGS[3] and blocks[-1].tag != b.w("p"):
            _combine(renderer, blocks[-1], heading, lines)
            blocks.extend(renderer.para(line) for line in lines if "\t" not in line)
            continue
        blocks.append(renderer.para(heading))
        blocks.extend(_section(renderer, heading, lines))
    return b.docx(*blocks)


def _combine(renderer: _Renderer, block: etree._Element, heading: str, lines: list[str]) -> None:
    """Append section 四, its heading as a spanning row, to section 三's (last) table."""
    table = list(block.iter(b.w("tbl")))[-1]
    width = len(table.findall(f"{b.w('tblGrid')}/{b.w('gridCol')}"))
    table.append(b.tr(renderer.label(heading, span=width)))
    table.extend(renderer.review_rows([line for line in lines if "\t" in line]))


def _section(renderer: _Renderer, heading: str, lines: list[str]) -> list[etree._Element]:
    prose = [line for line in lines if "\t" not in line and line.endswith("。")]
    table = [line for line in lines if line not in prose]
    blocks = [renderer.para(line) for line in prose]
    if blocks and renderer.layout.prose_in_text_box and heading == _HEADINGS[0]:
        blocks = [b.p(b.text_box(*blocks))]
    index = _HEADINGS.index(heading)
    if not any("\t" in line for line in table):
        blocks.extend(renderer.para(line) for line in table)
    elif index == 1:
        blocks.extend(renderer.proactive(table))
    elif index == 2:
        blocks.extend(renderer.applications(table))
    elif index == 3:
        blocks.extend(renderer.review(table))
    return blocks
