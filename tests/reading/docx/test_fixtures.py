"""The DOCX fixtures (LibreOffice exports of the seeds) read to exactly their expected values."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from govinfo.model import flatten
from govinfo.reading.docx import read_docx

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "fixtures"
DOCX = sorted(path.stem for path in FIXTURES.glob("*.docx"))


def test_there_are_fixtures() -> None:
    """The four DOCX fixtures are present."""
    assert len(DOCX) == 4


@pytest.mark.parametrize("stem", DOCX)
def test_fixture_reads_exactly(stem: str, expected: Callable[[str], dict[str, Any]]) -> None:
    """Every cell, the organ, the year and the template match the expected file."""
    want = expected(stem)
    result = read_docx(FIXTURES / f"{stem}.docx")
    report = result.report
    assert (report.organ, report.year, str(report.template.id)) == (
        want["organ"],
        want["year"],
        want["template"],
    )
    got = flatten(report)
    assert {address: got.get(address) for address in want["cells"]} == want["cells"]
    assert {a for a, v in got.items() if v is not None} <= set(want["cells"])
    assert result.source == str(FIXTURES / f"{stem}.docx")


@pytest.mark.parametrize("stem", DOCX)
def test_fixture_reads_from_bytes_and_streams(stem: str) -> None:
    """Bytes and a binary file give the same report as the path, under the given name."""
    path = FIXTURES / f"{stem}.docx"
    from_path = read_docx(path).report
    with path.open("rb") as stream:
        from_stream = read_docx(stream, name="r.docx")
    assert read_docx(path.read_bytes()).report == from_path == from_stream.report
    assert from_stream.source == "r.docx"


def test_missing_row_is_diagnosed_at_its_section() -> None:
    """Seed 001 lacks the 行政事业性收费 row; the warning points into the DOCX."""
    result = read_docx(FIXTURES / "001_6936dc3b40e04b6e.docx")
    (missing,) = [d for d in result.diagnostics if d.code == "row-missing"]
    assert missing.location is not None
    assert missing.location.source is not None
    assert missing.location.source.endswith(".docx")
    assert (
        flatten(result.report)["proactive_disclosure.administrative_fees.amount_wan_yuan"] is None
    )


def test_cell_locations_point_into_tables() -> None:
    """Read cells carry the table, row and grid column they came from."""
    result = read_docx(FIXTURES / "000_a95088fcdc73276f.docx")
    where = result.locations["applications.new_received.natural_person"]
    assert (where.table, where.row, where.cell) == (2, 4, 4)
    where = result.locations["review_litigation.litigation_after_review.total"]
    assert (where.table, where.row, where.cell) == (3, 4, 15)


def test_a_str_is_a_path() -> None:
    """A str is a path, as for every reader but read_text (docs/api.md, "Sources")."""
    path = FIXTURES / f"{DOCX[0]}.docx"
    assert read_docx(str(path)).report == read_docx(path).report
