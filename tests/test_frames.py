"""``govinfo.frames``: reports as pandas data frames, long and wide."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import govinfo
from govinfo.errors import UnsupportedFormatError
from govinfo.frames import LONG_COLUMNS, long_rows, to_frame
from govinfo.strategies import reports


@settings(max_examples=30)  # each example builds a data frame of a few hundred cells
@given(st.lists(reports(), min_size=1, max_size=2))
def test_long_form_has_every_cell(items: list[govinfo.AnnualReport]) -> None:
    """Long form: one row per cell of each report, with organ, year and the address parts."""
    frame = to_frame(items)
    assert tuple(frame.columns) == LONG_COLUMNS
    expected = [
        (r.organ, r.year, str(r.template), a, v)
        for r in items
        for a, v in govinfo.flatten(r).items()
    ]
    assert len(frame) == len(expected)
    for row, (organ, year, template, address, value) in zip(
        frame.itertuples(index=False), expected, strict=True
    ):
        assert (row.organ, row.template, row.address) == (organ, template, address)
        assert row.source is None
        assert not row.inferred
        assert row.year == year or (year is None and pd.isna(row.year))
        assert row.value == value or (value is None and row.value is None)
        if not address.startswith("legacy."):
            assert f"{row.table}.{row.row}.{row.column}" == address


@settings(max_examples=30)  # each example builds a data frame of a few hundred columns
@given(st.lists(reports(template="gb_2021"), min_size=1, max_size=2))
def test_wide_form_round_trips(items: list[govinfo.AnnualReport]) -> None:
    """Wide form: one row per report; its cells give back the report, unstated cells are <NA>."""
    frame = to_frame(items, wide=True)
    assert list(frame.columns[:4]) == ["source", "organ", "year", "template"]
    assert list(frame.columns[4:]) == list(govinfo.addresses("gb_2021"))
    assert frame["source"].tolist() == [None] * len(items)
    for (_, row), report in zip(frame.iterrows(), items, strict=True):
        cells = {
            a: None if pd.isna(v) else (v if isinstance(v, Decimal) else int(v))
            for a, v in row.iloc[4:].items()
        }
        assert govinfo.unflatten(cells, template="gb_2021") == govinfo.unflatten(
            govinfo.flatten(report), template="gb_2021"
        )
    count_column = frame["applications.new_received.total"]
    assert str(count_column.dtype) == "Int64"


def test_single_report_and_read_result() -> None:
    """A single report, or a reading's result, is accepted as well as a list."""
    report = govinfo.AnnualReport(template="gb_2021", organ="某县", year=2021)
    result = govinfo.ReadResult(report=report)
    assert to_frame(report).equals(to_frame([result]))


def test_source_and_inferred_columns() -> None:
    """A reading's file is the source column; the cells its reader inferred are flagged."""
    path = Path(__file__).resolve().parents[1] / "examples" / "reports" / "004_402c59144089559f.txt"
    cells = govinfo.flatten(govinfo.read(path).report)
    cells["applications.new_received.total"] = None
    inference = govinfo.infer(govinfo.unflatten(cells, template="gb_2021"))
    reading = govinfo.ReadResult(
        report=inference.report, inferred=inference.filled, source=str(path)
    )
    frame = to_frame(reading)
    assert set(frame["source"]) == {str(path)}
    assert str(frame["inferred"].dtype) == "bool"
    assert list(frame.loc[frame["inferred"], "address"]) == ["applications.new_received.total"]
    wide = to_frame(reading, wide=True)
    assert wide.loc[0, "source"] == str(path)


def test_legacy_statistics() -> None:
    """A legacy_2008 statistic is table 'legacy', its key as the row, and no column."""
    report = govinfo.AnnualReport(template="legacy_2008", legacy={"review_cases": 2})
    assert list(long_rows(report)) == [("legacy.review_cases", "legacy", "review_cases", None, 2)]


def test_importing_govinfo_does_not_import_pandas() -> None:
    """``import govinfo`` (and govinfo.frames) leaves pandas unimported."""
    code = "import sys, govinfo, govinfo.frames, govinfo.display; print('pandas' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_missing_pandas_says_how_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_frame raises a GovInfoError with the pip command."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(UnsupportedFormatError, match=r'pip install "govinfo\[pandas\]"'):
        to_frame([])
