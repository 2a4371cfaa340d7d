"""HTML for notebooks: a report's tables as in the template, and a check result's violations.

Every piece of text (labels, organ names, messages, values) goes through ``html.escape``:
reports come from the outside world and a notebook renders whatever it is given.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from html import escape

from govinfo.display._layout import Highlight, blocks, format_value
from govinfo.model.catalogue import unprinted
from govinfo.model.flat import CellValue, flatten
from govinfo.model.report import AnnualReport
from govinfo.rules.result import CheckResult, CheckStatus, Violation

__all__ = ["check_html", "tables_html"]

_STYLE = (
    "<style>"
    ".govinfo table{border-collapse:collapse;margin:0.4em 0 0.8em 0;font-size:90%}"
    ".govinfo th,.govinfo td{border:1px solid #bbb;padding:2px 6px}"
    ".govinfo td{text-align:right;font-variant-numeric:tabular-nums}"
    ".govinfo th{text-align:left;font-weight:normal;background:#f4f4f4}"
    f".govinfo .{Highlight.INFERRED}{{background:#dcebff}}"
    f".govinfo .{Highlight.VIOLATED}{{background:#ffefd5}}"
    f".govinfo .{Highlight.SUSPECT}{{background:#ffc9c9;font-weight:bold}}"
    ".govinfo .legend span{padding:0 6px;margin-right:6px}"
    "</style>"
)

_LEGEND = {
    Highlight.INFERRED: "inferred 推算",
    Highlight.VIOLATED: "in a broken equation 勾稽不符",
    Highlight.SUSPECT: "suspect 疑似错误",
}


_STATUS = {
    CheckStatus.PASSED: "passed 通过",
    CheckStatus.FAILED: "FAILED 未通过",
    CheckStatus.INCOMPLETE: "incomplete 核验不完整",
}


def _cell(address: str, value: CellValue, mark: str | None, note: str | None) -> str:
    title = address if note is None else f"{address}: {note}"
    css = f' class="{mark}"' if mark else ""
    return f'<td{css} title="{escape(title)}">{escape(format_value(value))}</td>'


def tables_html(
    report: AnnualReport,
    cells: Mapping[str, CellValue],
    marks: Mapping[str, str],
    notes: Mapping[str, str],
) -> str:
    """The report's tables as HTML, marked cells carrying a CSS class and a tooltip."""
    heading = " ".join(str(p) for p in (report.organ, report.year) if p is not None)
    parts = [_STYLE, '<div class="govinfo">']
    parts.append(f"<b>{escape(heading or '(organ and year not stated)')}</b>")
    parts.append(f" <small>{escape(str(report.template))}</small>")
    if report.title:
        parts.append(f"<div>{escape(report.title)}</div>")
    table = None
    for block in blocks(report.template, unprinted(report.template, flatten(report))):
        if block.table != table:
            if table is not None:
                parts.append("</div>")
            table = block.table
            parts.append(f"<div><div><b>{escape(block.table_label)}</b></div>")
        head = "".join(f"<th>{escape(label)}</th>" for label in block.column_labels)
        parts.append(f"<table><thead><tr><th></th>{head}</tr></thead><tbody>")
        for label, specs in block.rows:
            row = "".join(
                _cell(s.address, cells[s.address], marks.get(s.address), notes.get(s.address))
                for s in specs
            )
            parts.append(f"<tr><th>{escape(label)}</th>{row}</tr>")
        parts.append("</tbody></table>")
    if table is not None:
        parts.append("</div>")
    legacy = [(a, v) for a, v in cells.items() if a.startswith("legacy.")]
    if legacy:
        rows = "".join(
            f"<tr><th>{escape(a)}</th>{_cell(a, v, marks.get(a), notes.get(a))}</tr>"
            for a, v in legacy
        )
        parts.append(f"<table><tbody>{rows}</tbody></table>")
    used = set(marks.values())
    if used:
        legend = "".join(
            f'<span class="{m}">{escape(text)}</span>' for m, text in _LEGEND.items() if m in used
        )
        parts.append(f'<div class="legend">{legend}</div>')
    parts.append("</div>")
    return "".join(parts)


def _violation_row(v: Violation) -> str:
    if v.suspect is not None:
        where = v.locations.get(v.suspect)
        blame = v.suspect + (f" ({where})" if where is not None else "")
        if v.suggested is not None:
            blame += f"\n应为 should be {format_value(v.suggested)}"
    else:
        blame = " / ".join(v.candidates)
    cells = (
        v.name,
        str(v.severity),
        f"{v.message_zh}\n{v.message_en}",
        format_value(v.actual),
        format_value(v.expected),
        format_value(v.difference),
        blame,
    )
    tds = "".join(f"<td style='text-align:left'>{escape(c)}</td>" for c in cells)
    return f"<tr title='{escape(', '.join(v.cells))}'>{tds}</tr>".replace("\n", "<br>")


def check_html(result: CheckResult, *, style: bool = True) -> str:
    """A check result as HTML: the counts, then one row per broken rule instance.

    Args:
        result: the check result to show.
        style: include the style sheet (leave it out after a report's HTML, which has it).
    """
    parts = [
        _STYLE if style else "",
        '<div class="govinfo">',
        f"<b>{escape(_STATUS[result.status])}</b>: {result.passed} passed 通过, "
        f"{len(result.violations)} violation(s) 违反, {len(result.warnings)} warning(s) 警告, "
        f"{len(result.unverifiable)} unverifiable 无法核验; "
        f"{result.cells_stated} of {result.cells_total} cells stated 已填单元格",
    ]
    broken: Iterable[Violation] = list(result)
    if broken:
        head = "".join(
            f"<th>{h}</th>"
            for h in ("rule", "severity", "message", "actual", "expected", "difference", "suspect")
        )
        rows = "".join(_violation_row(v) for v in broken)
        parts.append(f"<table><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>")
    parts.append("</div>")
    return "".join(parts)
