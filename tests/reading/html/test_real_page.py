"""End to end on the shapes that need the interpreter to read cells by column (issue 10).

The real 2021 page of 平潭综合实验区 gives 自然人 ``colspan=2``, covering half of the 商业企业
data span; blank cells under such a header only read right when each data cell is read by the
header span it lies under, never by counting values. These tests need the ``geometry`` branch's
interpreter (merged here); the HTML front end's grid for the page is asserted cell by cell in
test_tables.py, which does not depend on it.
"""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given
from tests.reading.html._pages import Page, pages, render
from tests.reading.text.test_roundtrip import carried_reports

from govinfo.model.flat import flatten
from govinfo.model.report import AnnualReport
from govinfo.reading.html import read_html

HTML = Path(__file__).resolve().parents[2] / "data" / "html"


def _expected() -> dict[str, Any]:
    data: dict[str, Any] = json.loads((HTML / "pingtan_2021.json").read_text(encoding="utf-8"))
    data["cells"] = {a: Decimal(v) if isinstance(v, str) else v for a, v in data["cells"].items()}
    return data


def test_real_page_reads_exactly() -> None:
    """Every address of the real page (site chrome, misaligned header) reads as published."""
    want = _expected()
    result = read_html(HTML / "pingtan_2021.page.html")
    report = result.report
    assert (report.organ, report.year, report.template.id) == (
        want["organ"],
        want["year"],
        want["template"],
    )
    got = flatten(report)
    assert {a: got.get(a) for a in want["cells"]} == want["cells"]
    assert [d for d in result.diagnostics if d.severity == "error"] == []


@given(carried_reports(), pages().map(lambda p: attrs.evolve(p, misaligned=True, blank_zeros=True)))
def test_blank_cells_under_a_misaligned_header_read_exactly(
    report: AnnualReport, page: Page
) -> None:
    """Zeros drawn blank under the real page's misaligned header spans read back exactly."""
    assert read_html(render(report, page)).report == report


@given(carried_reports(), pages())
def test_page_never_reads_a_wrong_number(report: AnnualReport, page: Page) -> None:
    """Whatever the shape, a cell read is the cell drawn."""
    truth = flatten(report)
    read = flatten(read_html(render(report, page)).report)
    wrong = {a: (truth.get(a), v) for a, v in read.items() if v is not None and v != truth.get(a)}
    assert wrong == {}
