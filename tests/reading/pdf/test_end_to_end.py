"""PDFs read end to end: the real WPS report and every generated PDF give their expected values.

These tests go through the interpreter, so they hold with whichever interpreter is merged; the
grids the front end builds are tested on their own in test_grids.py.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from govinfo import flatten, read
from govinfo.reading.pdf import read_pdf

DATA = Path(__file__).resolve().parents[2] / "data"
PDFS = DATA / "pdf"
REAL = DATA / "pdf" / "real"
EXPECTED: dict[str, str] = json.loads((PDFS / "expected.json").read_text(encoding="utf-8"))


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["cells"] = {a: Decimal(v) if isinstance(v, str) else v for a, v in data["cells"].items()}
    return data


def test_the_corpus_is_complete() -> None:
    """Every fixture has its A4 and A5 PDFs, its printed workbook and its own-writer PDF."""
    assert sorted(p.name for p in PDFS.glob("*.pdf")) == sorted(EXPECTED)
    assert len(EXPECTED) == 19


def test_the_real_report_reads_exactly() -> None:
    """huaian_2024.pdf (WPS, 6 pages): every address as hand-read, the organ and the year."""
    want = _expected(REAL / "huaian_2024.json")
    result = read_pdf(REAL / "huaian_2024.pdf")
    report = result.report
    assert (report.organ, report.year, report.template.id) == (
        want["organ"],
        want["year"],
        want["template"],
    )
    got = flatten(report)
    assert {address: got.get(address) for address in want["cells"]} == want["cells"]
    errors = [d for d in result.diagnostics if d.severity.value == "error"]
    assert errors == []


def test_read_picks_the_pdf_reader_by_content() -> None:
    """read() on the bytes (no suffix to go by) gives the same report as read_pdf."""
    data = (REAL / "huaian_2024.pdf").read_bytes()
    assert read(data).report == read_pdf(data).report
    assert read(REAL / "huaian_2024.pdf").source == str(REAL / "huaian_2024.pdf")


@pytest.mark.parametrize("name", sorted(n for n in EXPECTED if "clipped" not in n))
def test_generated_pdf_reads_exactly(name: str) -> None:
    """Every cell of the seed; for a PDF of the document, also its organ, year and template.

    The own-writer PDFs print a cell the report does not state as blank; such a cell reads as
    not stated or, where the invariants allow, as 0 with ``blank-read-as-zero``.
    """
    want = _expected(DATA / f"{EXPECTED[name]}.json")
    result = read_pdf(PDFS / name)
    got = flatten(result.report)
    if name.endswith(".own.pdf"):
        stated = {a: v for a, v in want["cells"].items() if v is not None}
        assert {a: got.get(a) for a in stated} == stated
        blanks = {a for a, v in want["cells"].items() if v is None}
        assert all(got.get(a) in (None, 0) for a in blanks)
        return
    report = result.report
    assert (report.organ, report.year, report.template.id) == (
        want["organ"],
        want["year"],
        want["template"],
    )
    assert {a: got.get(a) for a in want["cells"]} == want["cells"]


def test_a_clipped_table_gives_no_wrong_number() -> None:
    """A5 with the tables twice the page's width (LibreOffice drops what lies past the edge):
    every cell is read right or not at all."""
    name = "000_a95088fcdc73276f.docx.a5-clipped.pdf"
    want = _expected(DATA / f"{EXPECTED[name]}.json")
    got = flatten(read_pdf(PDFS / name).report)
    assert all(got.get(a) in (None, v) for a, v in want["cells"].items())
