"""Pairing each report with the same organ's report for the year before."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TypeVar

from govinfo.model.report import AnnualReport

__all__ = ["previous_years"]

_K = TypeVar("_K")


def previous_years(reports: Mapping[_K, AnnualReport]) -> dict[_K, AnnualReport]:
    """For each key whose report has a previous-year report of the same organ, that report.

    Reports without an organ or a year have no pair. When two files hold the same organ and
    year, the first one given is the one compared against.
    """
    index: dict[tuple[str, int], AnnualReport] = {}
    for report in reports.values():
        if report.organ is not None and report.year is not None:
            index.setdefault((report.organ, report.year), report)
    pairs: dict[_K, AnnualReport] = {}
    for key, report in reports.items():
        if report.organ is not None and report.year is not None:
            previous = index.get((report.organ, report.year - 1))
            if previous is not None:
                pairs[key] = previous
    return pairs
