"""A report with some of its cells replaced, keeping its metadata and narrative."""

from __future__ import annotations

from collections.abc import Mapping

from govinfo.model.flat import flatten, unflatten
from govinfo.model.report import AnnualReport


def with_cells(report: AnnualReport, cells: Mapping[str, object]) -> AnnualReport:
    """``report`` with the values of ``cells`` (by address) in place of its own."""
    return unflatten(
        {**flatten(report), **cells},
        template=report.template,
        organ=report.organ,
        year=report.year,
        title=report.title,
        narrative=report.narrative,
    )
