"""``write_text``: a report as canonical plain text, which ``read_text`` reads back exactly.

Strategy: the text is what a careful extraction of a well-made report looks like: the title,
the six official headings, each section's prose, and the tables as tab-separated rows under
their official labels (taken from the model's field metadata, like every other writer). A cell
the report does not state is written ``/``, which the reader keeps unknown; a blank would be
read as 0 when the table adds up that way.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govinfo.model.catalogue import CellSpec, cell_specs
from govinfo.model.fields import LABEL
from govinfo.model.flat import CellValue, flatten
from govinfo.model.narrative import Narrative
from govinfo.model.printed import (
    APPLICANTS_HEADER,
    BALANCE_NOTE,
    ITEM_HEADER,
    PROACTIVE_CAPTIONS,
)
from govinfo.model.report import AnnualReport
from govinfo.model.template import Template

__all__ = ["write_text"]

_HEADINGS = {field.name: field.metadata[LABEL] for field in attrs.fields(Narrative)}
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


def _cell(value: CellValue) -> str:
    if value is None:
        return "/"
    if isinstance(value, Decimal):
        return format(value, "f")
    return str(value)


def _title_lines(report: AnnualReport) -> list[str]:
    if report.title:
        lines = [report.title]
        if report.organ and not report.title.startswith(report.organ):
            lines.insert(0, report.organ)
        return lines
    year = f"{report.year}年" if report.year is not None else ""
    if report.organ and year:
        return [f"{report.organ}{year}{_TITLE_TAIL}"]
    return ([report.organ] if report.organ else []) + [f"{year}{_TITLE_TAIL}"]


def _rows(report: AnnualReport, table: str) -> dict[str, list[CellSpec]]:
    rows: dict[str, list[CellSpec]] = {}
    for spec in cell_specs(report.template):
        if spec.table == table:
            rows.setdefault(spec.row, []).append(spec)
    return rows


def _proactive(report: AnnualReport, cells: dict[str, CellValue]) -> list[str]:
    lines: list[str] = []
    previous: tuple[str, ...] = ()
    for row, columns in _rows(report, "proactive_disclosure").items():
        labels = tuple(s.column_label for s in columns)
        if row in PROACTIVE_CAPTIONS or labels != previous:
            lines.append(PROACTIVE_CAPTIONS.get(row, ""))
            lines.append("\t".join((ITEM_HEADER, *labels)))
        previous = labels
        lines.append("\t".join((columns[0].row_label, *(_cell(cells[s.address]) for s in columns))))
    return lines


def _applications(report: AnnualReport, cells: dict[str, CellValue]) -> list[str]:
    rows = _rows(report, "applications")
    columns = [s.column_label for s in next(iter(rows.values()))]
    lines = [BALANCE_NOTE, "\t".join((APPLICANTS_HEADER, *columns))]
    for specs in rows.values():
        values = (_cell(cells[s.address]) for s in specs)
        lines.append("\t".join((specs[0].row_label, *values)))
    return lines


def _review(report: AnnualReport, cells: dict[str, CellValue]) -> list[str]:
    specs = [s for s in cell_specs(report.template) if s.table == "review_litigation"]
    groups = list(dict.fromkeys(s.row_label for s in specs))
    width = len(specs) // len(groups)
    return [
        "\t".join(label for group in groups for label in (group, *[""] * (width - 1))),
        "\t".join(s.column_label for s in specs),
        "\t".join(_cell(cells[s.address]) for s in specs),
    ]


def write_text(report: AnnualReport) -> str:
    """Render ``report`` as plain text that :func:`govinfo.read_text` reads back.

    For every report whose tables are stated or marked not applicable, reading the text back
    gives the same cells, template, organ and year; the title and prose are carried as
    written (prose lines of the table sections should be sentences, ending in ``。``).

    Args:
        report: the report to render.

    Returns:
        The text, lines separated by ``\\n``, ending with a newline.
    """
    cells = flatten(report)
    lines = _title_lines(report)
    for name, heading in _HEADINGS.items():
        lines.append("")
        lines.append(heading)
        body = getattr(report.narrative, name)
        if body:
            lines.extend(body.splitlines())
        if report.template is Template.LEGACY_2008:
            if name == "applications":
                lines.extend(
                    _LEGACY_SENTENCES[key].format(_cell(value))
                    for key, value in report.legacy.items()
                    if key in _LEGACY_SENTENCES
                )
            continue
        if name == "proactive_disclosure":
            lines.extend(_proactive(report, cells))
        elif name == "applications":
            lines.extend(_applications(report, cells))
        elif name == "review_litigation":
            lines.extend(_review(report, cells))
    return "\n".join(lines) + "\n"
