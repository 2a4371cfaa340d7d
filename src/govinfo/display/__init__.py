"""Reports and check results for people: aligned terminal text and notebook HTML.

``AnnualReport`` and ``CheckResult`` display themselves in Jupyter through ``_repr_html_``,
which delegates here. :func:`view` adds what only a reading knows (the inferred cells) and
what only a check knows (the broken equations and their suspects)::

    >>> import govinfo
    >>> from govinfo.display import view
    >>> v = view(govinfo.AnnualReport(template="gb_2021", organ="某县人民政府", year=2021))
    >>> print(str(v).splitlines()[0])
    某县人民政府 2021
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

import attrs

from govinfo._hooks import provide
from govinfo.display._html import check_html, tables_html
from govinfo.display._layout import format_value, marks
from govinfo.display._text import render_text, text_width
from govinfo.model.flat import flatten
from govinfo.model.report import AnnualReport
from govinfo.reading.result import ReadResult
from govinfo.rules.result import CheckResult

__all__ = ["ReportView", "check_html", "report_html", "text_width", "view"]


@attrs.frozen(kw_only=True)
class ReportView:
    """A report with its inferred and violated cells, ready to print or to show in a notebook.

    Attributes:
        report: the report shown.
        inferred: the addresses filled by inference, each with the rule that filled it.
        result: the check of the report, whose broken equations are highlighted.
    """

    report: AnnualReport
    inferred: Mapping[str, str] = attrs.field(factory=dict)
    result: CheckResult | None = None

    def _marks(self) -> tuple[dict[str, str], dict[str, str]]:
        broken = list(self.result) if self.result is not None else []
        notes = {
            a: f"inferred by {rule}" if rule else "inferred" for a, rule in self.inferred.items()
        }
        for v in broken:
            for address in v.cells:
                note = v.name
                if address == v.suspect and v.suggested is not None:
                    note += f": should be {format_value(v.suggested)} 应为"
                notes[address] = "; ".join(filter(None, (notes.get(address), note)))
        found = marks(
            inferred=self.inferred,
            violated=(a for v in broken for a in v.cells),
            suspects=(v.suspect for v in broken if v.suspect is not None),
        )
        return found, notes

    def __str__(self) -> str:
        found, _ = self._marks()
        text = render_text(self.report, flatten(self.report), found)
        return "\n".join([text, *self._suggestions()])

    def _suggestions(self) -> list[str]:
        """One line per suspect whose value is known to fix it: ``!! address 应为 27 / …``."""
        fixes: dict[str, str] = {}
        for v in self.result or ():
            if v.suspect is not None and v.suggested is not None:
                value = format_value(v.suggested)
                fixes.setdefault(v.suspect, f"!! {v.suspect}: 应为 {value} / should be {value}")
        return ["", *fixes.values()] if fixes else []

    def _repr_html_(self) -> str:
        found, notes = self._marks()
        html = tables_html(self.report, flatten(self.report), found, notes)
        return html if self.result is None else html + check_html(self.result, style=False)


def report_html(report: AnnualReport) -> str:
    """The report's tables as HTML with the cells of every broken equation highlighted.

    This is what a notebook shows for an :class:`~govinfo.AnnualReport`.
    """
    return view(report)._repr_html_()


def view(
    source: AnnualReport | ReadResult,
    *,
    check: bool = True,
    inferred: Iterable[str] = (),
) -> ReportView:
    """A printable, notebook-friendly view of a report or of a reading's result.

    Args:
        source: a report, or what ``govinfo.read`` returned (its inferred cells are marked and
            its cell locations attached to the check).
        check: run ``report.check()`` and highlight the cells of every broken equation.
        inferred: more addresses to mark as inferred (e.g. from ``govinfo.infer``).

    Example:
        >>> from govinfo.display import view
        >>> view(report)            # in Jupyter: the tables, highlighted  # doctest: +SKIP
        >>> print(view(report))     # in a terminal: aligned text          # doctest: +SKIP
    """
    filled = dict.fromkeys(inferred, "")
    if isinstance(source, ReadResult):
        report = source.report
        filled.update({f.address: f.rule for f in source.inferred})
        result = report.check().locate(source.locations) if check else None
    else:
        report = source
        result = report.check() if check else None
    return ReportView(report=report, inferred=filled, result=result)


provide("report_html", report_html)
provide("check_html", check_html)
