"""Reports and check results cross process boundaries: they pickle and deep-copy unchanged."""

from __future__ import annotations

import copy
import pickle

import pytest
from hypothesis import given

from govinfo import AnnualReport
from govinfo.model.frozen import FrozenMapping
from govinfo.strategies import CellCorrupted, reports, with_cell_corrupted


@given(reports())
def test_reports_pickle_and_deep_copy(report: AnnualReport) -> None:
    """Every drawn report (legacy statistics included) survives pickle and deepcopy."""
    assert pickle.loads(pickle.dumps(report)) == report
    assert copy.deepcopy(report) == report
    assert copy.copy(report) == report


@given(with_cell_corrupted())
def test_check_results_pickle(case: CellCorrupted) -> None:
    """A check result with located violations pickles with its locations."""
    from govinfo import Location

    result = case.report.check().locate({case.address: Location(source="r.txt", line=3)})
    again = pickle.loads(pickle.dumps(result))
    assert again == result
    assert [v.locations for v in again] == [v.locations for v in result]
    assert copy.deepcopy(result) == result


def test_frozen_mapping_is_read_only() -> None:
    """The legacy mapping cannot be changed in place."""
    report = AnnualReport(template="legacy_2008", legacy={"applications_received": 3})
    assert isinstance(report.legacy, FrozenMapping)
    with pytest.raises(TypeError):
        report.legacy["applications_received"] = 4  # type: ignore[index]
    assert dict(report.legacy) == {"applications_received": 3}
    assert report.legacy == {"applications_received": 3}


def test_readings_pickle_with_their_locations_and_fills() -> None:
    """What read() returns (report, diagnostics, fills, locations) crosses processes whole."""
    from pathlib import Path

    from govinfo import read

    for path in sorted((Path(__file__).resolve().parents[2] / "examples" / "reports").iterdir()):
        reading = read(path)
        again = pickle.loads(pickle.dumps(reading))
        assert again == reading
        assert again.locations == reading.locations
        assert copy.deepcopy(reading) == reading
