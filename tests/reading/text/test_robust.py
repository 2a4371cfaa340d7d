"""Whatever the input, read_text returns a result or raises a GovInfoError, nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo.errors import GovInfoError, NotAReportError
from govinfo.model.report import AnnualReport
from govinfo.reading.result import ReadResult
from govinfo.reading.text import read_text
from govinfo.strategies import reports
from govinfo.writing.text import write_text

REPORTS = Path(__file__).resolve().parents[3] / "examples" / "reports"
_SEED_TEXTS = [p.read_text(encoding="utf-8") for p in sorted(REPORTS.glob("*.txt"))]
_ALPHABET = st.sampled_from(
    list("\t \n0123456789/—一二三四五六、.（）()总计其他申请公开不予结转年报告")
)


def _read(source: str | bytes) -> None:
    try:
        result = read_text(source)
    except GovInfoError:
        return
    assert isinstance(result, ReadResult)


@given(st.text())
def test_any_text(text: str) -> None:
    """Arbitrary Unicode text never raises anything but a GovInfoError."""
    _read(text)


@given(st.binary())
def test_any_bytes(data: bytes) -> None:
    """Arbitrary bytes never raise anything but a GovInfoError."""
    _read(data)


@given(st.sampled_from(_SEED_TEXTS), st.data())
def test_damaged_seeds(text: str, data: st.DataObject) -> None:
    """Seeds with lines dropped, duplicated or overwritten with junk still read safely."""
    lines = text.split("\n")
    for _ in range(data.draw(st.integers(min_value=1, max_value=8))):
        at = data.draw(st.integers(min_value=0, max_value=len(lines) - 1))
        action = data.draw(st.sampled_from(["drop", "dup", "junk"]))
        if action == "drop" and len(lines) > 1:
            del lines[at]
        elif action == "dup":
            lines.insert(at, lines[at])
        else:
            lines[at] = data.draw(st.text(_ALPHABET, max_size=40))
    _read("\n".join(lines))


@pytest.mark.parametrize(
    "text", ["", "hello world", "今天天气很好。\n我们去公园。", "1\t2\t3\n4\t5"]
)
def test_not_a_report(text: str) -> None:
    """Text with no report in it is refused with NotAReportError naming the reason and source."""
    with pytest.raises(NotAReportError, match="no section") as caught:
        read_text(text, name="x.txt")
    assert caught.value.location is not None
    assert caught.value.location.source == "x.txt"


@given(reports())
def test_write_text_any_report(report: AnnualReport) -> None:
    """Any valid report renders, and its text reads without an unexpected exception."""
    text = write_text(report)
    assert text.endswith("\n")
    _read(text)


def test_path_given_as_str_gets_a_hint() -> None:
    """A file name passed as a str is text, and the error says how to read the file instead."""
    path = str(REPORTS / "001_6936dc3b40e04b6e.txt")
    with pytest.raises(NotAReportError, match=r"pathlib\.Path"):
        read_text(path)
