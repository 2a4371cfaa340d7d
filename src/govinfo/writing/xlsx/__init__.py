"""Write a report as an Excel workbook laid out as the official template prints it.

Strategy: one sheet per table section (二, 三, 四), each headed by the section heading and laid
out like the template (merged header cells, the row spans of 三、本年度办理结果 and its groups,
wrapped labels, frozen header panes, landscape print fitted to one page wide), plus a sheet
``年度报告`` of rows ``label | value | key`` for metadata and narrative (and ``统计`` for a
pre-2019 report's ``legacy.<key>`` statistics). The key column is what makes govinfo's own
reader give back exactly what was written (:mod:`govinfo.reading.xlsx._own`).

Row and column labels come from the model's field metadata through
:func:`govinfo.model.cell_specs`. The template also prints a few texts that are not labels of
any value (the 第二十条 captions, 信息内容, the group spans of section 三); those come from
:mod:`govinfo.templates` (the template spec), shared with the other writers and the reader.

Values: ``None`` is an empty (bordered) cell, 0 is 0. Counts are numbers. An amount is a
number whose format shows exactly its decimal places; Excel holds numbers as doubles, so an
amount (or count) with more than 15 significant digits is written as text instead, which every
reader then parses exactly. Text never becomes a formula: every text cell is a string cell,
and text starting with ``=``, ``+``, ``-``, ``@``, tab or CR also gets Excel's quote prefix.
Characters XML cannot hold are written with Excel's ``_xHHHH_`` escape.

Output is deterministic: fixed document properties and zip entry dates, so two writes of one
report give identical bytes.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING

from govinfo.errors import WriteError
from govinfo.locations import Location
from govinfo.model.report import AnnualReport
from govinfo.writing.xlsx._layout import Writer
from govinfo.writing.xlsx._package import package

if TYPE_CHECKING:
    from govinfo.rules.result import CheckResult

__all__ = ["write_xlsx", "xlsx_bytes"]


def xlsx_bytes(
    report: AnnualReport, *, formulas: bool = False, highlight: CheckResult | None = None
) -> bytes:
    """The workbook :func:`write_xlsx` writes, as bytes.

    Args:
        report: the report to write.
        formulas: write totals as live formulas (see :func:`write_xlsx`).
        highlight: a :class:`~govinfo.rules.result.CheckResult` whose cells to mark.
    """
    return package(Writer(report, formulas).build(highlight))


def write_xlsx(
    report: AnnualReport,
    target: str | os.PathLike[str] | IO[bytes],
    *,
    formulas: bool = False,
    highlight: CheckResult | None = None,
) -> None:
    """Write ``report`` as an Excel workbook laid out as the official template prints it.

    Sheets: ``年度报告`` (title, organ, year, template and the six narrative sections, as rows
    ``label | value | key``), then one sheet per table section (二, 三, 四) with the template's
    merged headers, row spans, frozen header panes and print setup; a ``legacy_2008`` report
    gets a sheet ``统计`` of its ``legacy.<key>`` statistics instead. A cell the report does
    not state is left empty; 0 is written as 0; an amount keeps its decimal places (a value
    with more than 15 significant digits is written as text so that no digit is lost).
    :func:`govinfo.read_xlsx` reads the workbook back to an equal report. Two writes of one
    report give identical bytes.

    Args:
        report: the report to write.
        target: a path, or a binary file opened for writing.
        formulas: write each total (row totals and （七）总计 of section 三, the totals of
            section 四) as a live ``SUM`` formula where the report's parts add up to it, so
            the sheet updates when an official edits it; a total that disagrees with its parts
            is written as stated. openpyxl stores no computed values with formulas: Excel and
            LibreOffice compute them on opening, and govinfo's reader computes them itself.
        highlight: a :class:`~govinfo.rules.result.CheckResult` (``report.check()``): every
            cell of a broken rule gets a light fill, the suspect cell a red one, and a comment
            gives the rule and the expected value.

    Raises:
        WriteError: the target cannot be written.
    """
    data = xlsx_bytes(report, formulas=formulas, highlight=highlight)
    try:
        if isinstance(target, (str, os.PathLike)):
            with open(target, "wb") as handle:
                handle.write(data)
        else:
            target.write(data)
    except OSError as exc:
        name = os.fspath(target) if isinstance(target, (str, os.PathLike)) else "<stream>"
        raise WriteError(f"cannot write workbook: {exc}", location=Location(source=name)) from exc
