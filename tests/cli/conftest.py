"""Fixtures for the command-line tests: report files written to a temporary directory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

import govinfo
from govinfo.model.flat import CellValue

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"

#: The seed with the most checked cells (gb_2021, every rule verifiable, no violations).
CLEAN_SEED = "004_402c59144089559f"


def _write(directory: Path, name: str, report: govinfo.AnnualReport) -> Path:
    path = directory / name
    path.write_text(govinfo.to_json(report), encoding="utf-8")
    return path


@pytest.fixture
def clean_report() -> govinfo.AnnualReport:
    """A seed report that passes every rule, as read from its text."""
    from govinfo.reading.api import read

    return read(REPORTS / f"{CLEAN_SEED}.txt").report


@pytest.fixture
def write_report(tmp_path: Path) -> Callable[..., Path]:
    """Write a report as JSON in the temporary directory, with some cells changed."""

    def write(
        report: govinfo.AnnualReport,
        name: str,
        changes: dict[str, CellValue] | None = None,
        **meta: object,
    ) -> Path:
        cells = {**govinfo.flatten(report), **(changes or {})}
        metadata = {"organ": report.organ, "year": report.year, "title": report.title, **meta}
        rebuilt = govinfo.unflatten(cells, template=report.template, **metadata)
        return _write(tmp_path, name, rebuilt)

    return write


@pytest.fixture
def seed_path() -> Callable[[str], Path]:
    """The path of a bundled seed report's text, by stem."""

    def path(stem: str) -> Path:
        return REPORTS / f"{stem}.txt"

    return path
