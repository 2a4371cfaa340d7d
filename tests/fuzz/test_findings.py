"""Every input the independent fuzz run of issue 16 found is now read or refused cleanly."""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.fuzz._mutate import OK, REFUSED, probe

import govinfo
from govinfo import GovInfoError, UnsafeInputError

DATA = Path(__file__).resolve().parents[1] / "data" / "fuzz"
_READER = {".txt": "text", ".docx": "docx", ".xlsx": "xlsx", ".xml": "xml"}
# finding-18 is the section 四 placement search: tests/fuzz/test_findings_placement.py.
_FINDINGS = sorted(p for p in DATA.glob("finding-*") if not p.name.startswith("finding-18"))


@pytest.mark.parametrize("path", _FINDINGS, ids=lambda p: p.name)
def test_finding_is_read_or_refused(path: Path) -> None:
    """The reader gives a report that checks and serialises, or a GovInfoError."""
    outcome, error = probe(_READER[path.suffix], path.read_bytes())
    assert outcome in (OK, REFUSED), repr(error)


@pytest.mark.parametrize(
    "name", ["finding-01-text-post.txt", "finding-04-xlsx-post.xlsx", "finding-07-docx-post.docx"]
)
def test_overlong_figure_stays_unknown_with_a_diagnostic(name: str) -> None:
    """A count of thousands of digits is no count: its cell is None, and a diagnostic says so."""
    result = govinfo.read(DATA / name)
    assert any(d.code == "value-invalid" and "more digits" in d.message for d in result.diagnostics)
    for value in govinfo.flatten(result.report).values():
        assert value is None or abs(value) < 10**15
    govinfo.to_json(result.report)


def test_unknown_compression_method_names_the_file() -> None:
    """A zip member compressed by a method zipfile lacks is refused, naming the file."""
    with pytest.raises(GovInfoError, match="finding-03") as caught:
        govinfo.read(DATA / "finding-03-docx-escape.docx")
    assert "NotImplementedError" in str(caught.value) or "compression" in str(caught.value)


def test_comment_inside_xml_text_is_skipped() -> None:
    """A comment inside a value element is no part of the value."""
    assert govinfo.read_xml(DATA / "finding-05-xml-escape.xml").report.title == "标"


def test_duplicated_rows_are_refused_by_limit() -> None:
    """A sheet of 30,000 duplicated rows is refused, saying which limit."""
    with pytest.raises(UnsafeInputError, match="limit"):
        govinfo.read(DATA / "finding-16-xlsx-timeout.xlsx")
