"""The five seed reports read to exactly their expected values, with the expected diagnostics."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govinfo.model.flat import flatten
from govinfo.reading.result import ReadResult, Severity
from govinfo.reading.text import read_text

REPORTS = Path(__file__).resolve().parents[3] / "examples" / "reports"


def _read(stem: str) -> ReadResult:
    return read_text(REPORTS.joinpath(f"{stem}.txt"))


def _codes(result: ReadResult) -> set[str]:
    return {d.code for d in result.diagnostics}


def test_seed_values(seed: str, expected: Callable[[str], dict[str, Any]]) -> None:
    """Every address, organ, year and template of each seed is read exactly."""
    want = expected(seed)
    result = _read(seed)
    report = result.report
    assert report.template == want["template"]
    assert report.organ == want["organ"]
    assert report.year == want["year"]
    got = flatten(report)
    if report.template == "legacy_2008":
        assert got == want["cells"]
    else:
        assert set(got) == set(want["cells"])
        assert {a: v for a, v in got.items() if v != want["cells"][a]} == {}


def test_seed_locations_point_at_lines(seed: str) -> None:
    """Every read cell has a location with a line number in the seed file."""
    result = _read(seed)
    assert result.locations
    for location in result.locations.values():
        assert location.line is not None
        assert location.source is not None
        assert location.source.endswith(f"{seed}.txt")


def test_seed_000_short_rows_and_header() -> None:
    """Seed 000: short rows are placed by the invariants; headers and headings are noted."""
    result = _read("000_a95088fcdc73276f")
    short = [d for d in result.diagnostics if d.code == "row-short"]
    assert [d.address for d in short] == [
        "applications.withheld_state_secret",
        "applications.withheld_prohibited_by_law",
        "applications.withheld_security_stability",
    ]
    assert all(d.location is not None and d.location.line in (51, 52, 53) for d in short)
    headers = [d for d in result.diagnostics if d.code == "header-mismatch"]
    assert len(headers) == 2
    assert any("总计" in d.message for d in headers)
    assert "heading-variant" in _codes(result)
    assert {f.address for f in result.inferred} >= {"applications.withheld_state_secret.total"}


def test_seed_001_missing_fee_row() -> None:
    """Seed 001: the missing fee row is reported and stays unknown, not 0."""
    result = _read("001_6936dc3b40e04b6e")
    missing = [d for d in result.diagnostics if d.code == "row-missing"]
    assert [d.address for d in missing] == ["proactive_disclosure.administrative_fees"]
    assert missing[0].severity is Severity.WARNING
    assert result.report.proactive_disclosure is not None
    assert result.report.proactive_disclosure.administrative_fees.amount_wan_yuan is None


def test_seed_002_extra_columns() -> None:
    """Seed 002: rows with 8 or 9 values are placed by the invariants, never shifted silently."""
    result = _read("002_3c9d37f73f8f4a79")
    extra = [d for d in result.diagnostics if d.code == "row-extra-values"]
    assert len(extra) == 21
    assert "applications.carried_forward" in {d.address for d in extra}
    assert "row-ambiguous" not in _codes(result)
    applications = result.report.applications
    assert applications is not None
    assert applications.unavailable_not_held.natural_person == 1
    assert applications.unavailable_not_held.commercial_enterprise == 0


def test_seed_003_legacy_statistics() -> None:
    """Seed 003: pre-2019 statistics come with their sentences; the mismatch is left for check()."""
    result = _read("003_177e9577cd498f96")
    evidence = {d.address: d for d in result.diagnostics if d.code == "legacy-statistic"}
    assert "45件" in evidence["legacy.applications_received"].message
    assert evidence["legacy.applications_received"].location is not None
    assert evidence["legacy.applications_received"].location.line == 25
    legacy = result.report.legacy
    received = legacy["applications_received"]
    outcomes = sum(
        legacy[k]
        for k in (
            "applications_in_active_scope",
            "applications_granted",
            "applications_not_government_information",
        )
    )
    assert (received, outcomes) == (45, 44)


def test_seed_004_docx_export() -> None:
    """Seed 004: a broken cell, a `4、` heading and a bookmark artefact are repaired and noted."""
    result = _read("004_402c59144089559f")
    codes = _codes(result)
    assert {"cell-continued", "heading-variant", "artefact-removed"} <= codes
    artefact = next(d for d in result.diagnostics if d.code == "artefact-removed")
    assert artefact.location is not None
    assert artefact.location.line == 432
    heading = next(d for d in result.diagnostics if d.code == "heading-variant")
    assert "4、" in heading.message
    assert result.report.narrative.other_matters is not None
    assert "bookmark" not in result.report.narrative.other_matters


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le"])
def test_seed_encodings(encoding: str) -> None:
    """The same seed read from bytes in each encoding gives the same report."""
    text = REPORTS.joinpath("001_6936dc3b40e04b6e.txt").read_text(encoding="utf-8")
    direct = read_text(text)
    result = read_text(text.encode(encoding))
    assert result.report == direct.report
    detected = [d for d in result.diagnostics if d.code == "encoding-detected"]
    assert bool(detected) == (encoding not in ("utf-8", "utf-8-sig"))
