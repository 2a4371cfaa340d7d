"""Reports drawn as web pages read back: exactly, or unknown where the page leaves a doubt."""

from __future__ import annotations

from hypothesis import given
from tests.reading.html._pages import Page, pages, render
from tests.reading.text.test_roundtrip import carried_reports

from govinfo.model.report import AnnualReport
from govinfo.reading.html import read_html

#: What a faithful reading of these pages may still say above info level.
_EXPECTED = {"row-missing", "section-missing", "metadata-missing"}


def _exact(page: Page) -> bool:
    # Blank cells under a misaligned header need the interpreter to read cells by column
    # (tests/reading/html/test_real_page.py); every other shape reads exactly today.
    return not (page.misaligned and page.blank_zeros)


@given(carried_reports(), pages().filter(_exact))
def test_page_reads_back_exactly(report: AnnualReport, page: Page) -> None:
    """Spans, blank cells, per-character labels, Word markup, layout tables, site chrome, a
    print copy and every encoding: the page reads back to the same report."""
    result = read_html(render(report, page))
    assert result.report == report
    assert {d.code for d in result.diagnostics if d.severity != "info"} <= _EXPECTED


@given(carried_reports())
def test_cells_are_located_in_their_table(report: AnnualReport) -> None:
    """A value read from section 三 names table 2 (after section 二's), its row and grid column."""
    result = read_html(render(report, Page(chrome=True, word=True)))
    where = result.locations["applications.new_received.natural_person"]
    assert (where.table, where.row, where.cell) == (2, 4, 4)
    where = result.locations["review_litigation.litigation_after_review.total"]
    assert (where.table, where.row, where.cell) == (3, 4, 15)
