"""govinfo's canonical text: its layout, shared by ``write_text`` and ``read_text``.

Strategy: the canonical text is what a careful extraction of a well-made report looks like (the
title, the six official headings with their prose, tab-separated tables under the official
labels), so that any text reader, govinfo's heuristic one included, reads it. But no heuristic
reading of prose and tables can give back *exactly* every report (a ``None`` title against an
empty one, prose lines that look like table rows, a ``\\r`` inside the organ). So the writer
opens the text with one header line, ``#govinfo-text 1 {json}``, stating what the visible text
cannot: template, year, title, organ, the variants printed, and how many lines of prose each
section has. Prose lines escape the few characters a line of text cannot hold (line breaks of
every kind, control characters, lone surrogates) as ``\\uXXXX``, and a backslash as ``\\\\``.

The layout is defined here, once: :func:`govinfo.write_text` renders it, and the text reader's
exact path (:mod:`govinfo.reading.text._canonical`) reads a text back against it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from decimal import Decimal

import attrs

from govinfo.model.catalogue import (
    absent_variants,
    printed_columns,
    printed_rows,
    variant_cells,
)
from govinfo.model.flat import CellValue, flatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.templates import LABEL, RowSpec, TableSpec

__all__ = [
    "HEADER_MARK",
    "HEADINGS",
    "SECTIONS",
    "Line",
    "header",
    "layout",
    "render",
    "unescape_line",
]

#: How the header line of a canonical text starts.
HEADER_MARK = "#govinfo-text 1 "

#: The narrative sections, in print order, and their official headings.
SECTIONS = tuple(field.name for field in attrs.fields(Narrative))
HEADINGS = {field.name: field.metadata[LABEL] for field in attrs.fields(Narrative)}
_TITLE_TAIL = "政府信息公开工作年度报告"
_LEGACY_SENTENCES = {
    "proactive_items": "本年度主动公开政府信息{}条。",
    "proactive_normative_documents": "其中公开规范性文件{}件。",
    "applications_received": "本年度收到信息公开申请{}件。",
    "applications_in_active_scope": "信息公开申请中属于主动公开范围{}件。",
    "applications_granted": "信息公开申请同意公开答复{}件。",
    "applications_partially_granted": "信息公开申请同意部分公开{}件。",
    "applications_refused": "信息公开申请不予公开{}件。",
    "applications_not_government_information": "信息公开申请中不是《条例》所指政府信息{}件。",
    "applications_not_held": "信息公开申请中非本机关掌握信息{}件。",
    "fees_collected_yuan": "政府信息公开收取信息处理费{}元。",
    "review_cases": "因政府信息公开被申请行政复议{}件。",
    "litigation_cases": "因政府信息公开被提起行政诉讼{}件。",
}
#: A statistic no sentence above names (the model allows any snake_case key).
_OTHER_STATISTIC = "统计 legacy.{key}：{{}}"

# What a line of prose cannot hold as itself: every character str.splitlines() breaks at (and
# \n), control characters, lone surrogates (no encoding can write them), the byte-order mark,
# and the escape character itself.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\\\\]")
_ESCAPE = re.compile(r"\\(\\|u[0-9a-f]{4})")
# The same characters inside the JSON header (json.dumps already escapes \x00-\x1f and \\).
_UNSAFE_JSON = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff]")


@attrs.frozen
class Line:
    """One line of the layout: its tab-separated fields and the cell each field states.

    Attributes:
        fields: the fields as written, joined by tabs.
        addresses: for each field, the address whose value it is (``None`` for a label). A
            legacy sentence has one field and states ``sentence``'s ``{}``.
        sentence: the legacy sentence the field fills in, if it is one.
    """

    fields: tuple[str, ...]
    addresses: tuple[str | None, ...] = ()
    sentence: str | None = None

    @property
    def text(self) -> str:
        return "\t".join(self.fields)


def _cell(value: CellValue) -> str:
    if value is None:
        return "/"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def escape_line(text: str) -> str:
    """A line of prose as the canonical text writes it."""
    return _UNSAFE.sub(
        lambda m: "\\\\" if m.group(0) == "\\" else f"\\u{ord(m.group(0)):04x}", text
    )


def unescape_line(text: str) -> str:
    return _ESCAPE.sub(lambda m: "\\" if m.group(1) == "\\" else chr(int(m.group(1)[1:], 16)), text)


def _title_lines(report: AnnualReport) -> list[str]:
    if report.title is not None:
        title = escape_line(" ".join(report.title.splitlines()))
        organ = escape_line(" ".join(report.organ.splitlines())) if report.organ else None
        lines = [title]
        if organ and not title.startswith(organ):
            lines.insert(0, organ)
        return lines
    year = f"{report.year}年" if report.year is not None else ""
    organ = escape_line(" ".join(report.organ.splitlines())) if report.organ else None
    if organ and year:
        return [f"{organ}{year}{_TITLE_TAIL}"]
    return ([organ] if organ else []) + [f"{year}{_TITLE_TAIL}"]


def _row(
    table: TableSpec, spec: RowSpec, cells: dict[str, CellValue], absent: frozenset[str]
) -> Line:
    columns = printed_columns(table, spec, absent)
    addresses = [f"{table.key}.{spec.key}.{c.key}" for c in columns]
    return Line((spec.label, *(_cell(cells[a]) for a in addresses)), (None, *addresses))


def _items(table: TableSpec, cells: dict[str, CellValue], absent: frozenset[str]) -> list[Line]:
    # Rows of differing columns (section 二): a caption and a header wherever they change.
    lines: list[Line] = []
    previous: tuple[str, ...] = ()
    for row in printed_rows(table, absent):
        labels = tuple(c.label for c in printed_columns(table, row, absent))
        if row.caption is not None or labels != previous:
            lines.append(Line((row.caption or "",)))
            lines.append(Line((table.row_header or "", *labels)))
        previous = labels
        lines.append(_row(table, row, cells, absent))
    return lines


def _grid(table: TableSpec, cells: dict[str, CellValue], absent: frozenset[str]) -> list[Line]:
    # Rows of the same columns (section 三): the note, one header, the rows; a variant row
    # or column (a group subtotal, the 小计 column) only where the report prints it.
    header = table.column_groups[0].label if table.column_groups else ""
    columns = printed_columns(table, table.rows[0], absent)
    lines = [Line((table.note or "",)), Line((header, *(c.label for c in columns)))]
    lines.extend(_row(table, row, cells, absent) for row in printed_rows(table, absent))
    return lines


def _single_row(table: TableSpec, cells: dict[str, CellValue]) -> list[Line]:
    # One row of numbers under grouped headers (section 四).
    addresses = [f"{table.key}.{r.key}.{c.key}" for r in table.rows for c in r.columns]
    return [
        Line(tuple(label for r in table.rows for label in (r.label, *[""] * (len(r.columns) - 1)))),
        Line(tuple(c.label for r in table.rows for c in r.columns)),
        Line(tuple(_cell(cells[a]) for a in addresses), tuple(addresses)),
    ]


def _table(table: TableSpec, cells: dict[str, CellValue], absent: frozenset[str]) -> list[Line]:
    if table.single_row:
        return _single_row(table, cells)
    if table.row_header is not None:
        return _items(table, cells, absent)
    return _grid(table, cells, absent)


def _legacy(report: AnnualReport) -> list[Line]:
    lines = []
    for key, value in report.legacy.items():
        sentence = _LEGACY_SENTENCES.get(key) or _OTHER_STATISTIC.format(key=key)
        lines.append(Line((sentence.format(_cell(value)),), (f"legacy.{key}",), sentence))
    return lines


def layout(report: AnnualReport, printed: Iterable[str] | None = None) -> list[Line]:
    """The body of ``report``'s canonical text, line by line (without the header).

    ``printed`` names the variants to print (default: those the report states a cell of).
    """
    cells = flatten(report)
    if printed is None:
        absent = absent_variants(report.template, cells)
    else:
        absent = frozenset(variant_cells(report.template)) - frozenset(printed)
    lines = [Line((text,)) for text in _title_lines(report)]
    for name, heading in HEADINGS.items():
        lines.append(Line(("",)))
        lines.append(Line((heading,)))
        body = getattr(report.narrative, name)
        if body is not None:
            lines.extend(Line((escape_line(part),)) for part in body.split("\n"))
        table = report.template.table(name)
        if table is not None:
            lines.extend(_table(table, cells, absent))
        elif not report.template.has_tables and name == "applications":
            lines.extend(_legacy(report))
    return lines


def header(report: AnnualReport) -> str:
    """The header line: what the visible text cannot state exactly."""
    prose = {
        name: None if (body := getattr(report.narrative, name)) is None else body.count("\n") + 1
        for name in SECTIONS
    }
    meta = {
        "template": report.template.id,
        "year": report.year,
        "title": report.title,
        "organ": report.organ,
        "lines": prose,
        "legacy": list(report.legacy),
    }
    printed = _printed(report)
    if printed:  # only then: the header of a report without variants stays as it was
        meta["variants"] = printed
    data = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    return HEADER_MARK + _UNSAFE_JSON.sub(lambda m: f"\\u{ord(m.group(0)):04x}", data)


def _printed(report: AnnualReport) -> list[str]:
    variants = variant_cells(report.template)
    absent = absent_variants(report.template, flatten(report))
    return [name for name in variants if name not in absent]


def render(report: AnnualReport) -> str:
    """``report`` as canonical text: the header, then the layout, each line ending in ``\\n``."""
    lines = [header(report), *(line.text for line in layout(report))]
    return "\n".join(lines) + "\n"
