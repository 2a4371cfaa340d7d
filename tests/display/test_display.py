"""Terminal text and notebook HTML of reports and check results."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.display import ReportView, check_html, report_html, text_width, view
from govinfo.display._layout import blocks, format_value
from govinfo.model.catalogue import cell_specs, unprinted
from govinfo.reading.api import read
from govinfo.strategies import consistent_reports, reports

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"
SUSPECT = "applications.disclosed.natural_person"


class _Cells(HTMLParser):
    """Collects each <td>'s title (the address first) and text, and every element's text."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: dict[str, tuple[str, str]] = {}
        self.text: list[str] = []
        self._td: tuple[str, str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "td" and found.get("title"):
            self._td = ((found["title"] or "").split(":")[0], found.get("class") or "")
            self.cells[self._td[0]] = ("", self._td[1])

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._td is not None:
            self.cells[self._td[0]] = (data, self._td[1])

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._td = None


def _parse(markup: str) -> _Cells:
    parser = _Cells()
    parser.feed(markup)
    return parser


def _broken(report: govinfo.AnnualReport) -> govinfo.AnnualReport:
    cells = govinfo.flatten(report)
    value = cells[SUSPECT]
    assert isinstance(value, int)
    cells[SUSPECT] = value + 1
    return govinfo.unflatten(cells, template=report.template, organ=report.organ, year=report.year)


def test_blocks_cover_every_cell_once() -> None:
    """The layout shows each cell of each table template exactly once, in print order."""
    for template in (govinfo.TEMPLATES["gb_2021"], govinfo.TEMPLATES["gb_2019"]):
        shown = [s.address for b in blocks(template) for _, specs in b.rows for s in specs]
        assert shown == [s.address for s in cell_specs(template)]
        for block in blocks(template):
            for _, specs in block.rows:
                assert tuple(s.column_label for s in specs) == block.column_labels


@given(reports())
def test_html_shows_every_value_and_label(report: govinfo.AnnualReport) -> None:
    """Every cell appears in the HTML with its value, and every label of the template too;
    a variant row or column (group subtotal, 小计) only where the report states a cell of it."""
    parsed = _parse(report_html(report))
    cells = govinfo.flatten(report)
    absent = unprinted(report.template, cells)
    for address, value in cells.items():
        if address in absent:
            assert address not in parsed.cells
            continue
        assert parsed.cells[address][0] == format_value(value)
    text = "".join(parsed.text)
    for spec in cell_specs(report.template):
        if spec.address in absent:
            continue
        assert spec.row_label in text
        assert spec.column_label in text


@given(st.text(min_size=1))
def test_html_escapes_text(organ: str) -> None:
    """Organ names and titles are escaped: the notebook shows them as text, never as markup."""
    report = govinfo.AnnualReport(template="gb_2021", organ=organ, title="<script>" + organ)
    markup = report_html(report)
    assert "<script>" not in markup
    assert html.escape("<script>" + organ) in markup
    assert html.escape(organ) in markup


def test_html_marks_suspect_and_broken_cells() -> None:
    """A changed cell is the suspect; the other cells of its broken equations are violated."""
    report = _broken(read(REPORTS / "004_402c59144089559f.txt").report)
    cells = _parse(report_html(report)).cells
    assert cells[SUSPECT][1] == "suspect"
    for v in report.check():
        for address in v.cells:
            if address != SUSPECT:
                assert cells[address][1] == "violated"
    assert cells["applications.new_received.total"][1] == ""


def test_view_of_a_reading_marks_inferred_cells() -> None:
    """The view of a read result marks the inferred cells, names their rule and locates them."""
    result = read(REPORTS / "000_a95088fcdc73276f.txt")
    shown = view(result)
    assert set(shown.inferred) == {f.address for f in result.inferred}
    cells = _parse(shown._repr_html_()).cells
    for fill in result.inferred:
        assert cells[fill.address][1] == "inferred"
    assert str(shown).count("*") == len(result.inferred) + 1


@given(consistent_reports())
def test_text_rows_line_up(report: govinfo.AnnualReport) -> None:
    """In the terminal text every row of a block is as wide as its header."""
    text = str(view(report))
    for chunk in text.split("\n\n")[1:]:  # the first chunk is the heading
        lines = chunk.splitlines()
        if lines and lines[0].startswith(" "):
            assert len({text_width(line) for line in lines}) == 1


def test_text_width_counts_cjk_double() -> None:
    """Chinese and full-width characters take two columns, ASCII one."""
    assert text_width("abc") == 3
    assert text_width("自然人") == 6
    assert text_width("（一）1") == 7


def test_check_html_lists_violations() -> None:
    """The check result's HTML has the counts and a row per broken rule with both messages."""
    report = _broken(read(REPORTS / "004_402c59144089559f.txt").report)
    result = report.check()
    markup = check_html(result)
    assert "FAILED" in markup
    for v in result:
        assert html.escape(v.message_zh) in markup
        assert html.escape(v.message_en) in markup
        assert v.name in markup
        if v.suggested is not None:
            assert f"应为 should be {v.suggested}" in markup
    assert any(v.suggested is not None for v in result)
    empty = check_html(govinfo.AnnualReport(template="gb_2021").check())
    assert re.search(r"<b>incomplete 核验不完整</b>", empty)
    assert " cells stated" in empty
    assert re.search(
        r"<b>passed", check_html(read(REPORTS / "004_402c59144089559f.txt").report.check())
    )


def test_view_notes_the_suggested_value() -> None:
    """The suspect cell's tooltip in the notebook view gives the value that fixes it."""
    report = _broken(read(REPORTS / "004_402c59144089559f.txt").report)
    (suspect,) = {v.suspect for v in report.check() if v.suspect is not None}
    value = govinfo.flatten(report)[suspect]
    fixed = next(v.suggested for v in report.check() if v.suggested is not None)
    markup = view(report)._repr_html_()
    assert html.escape(f"{suspect}: ") in markup
    assert f"should be {fixed} 应为" in markup
    assert fixed != value


def test_report_view_without_check() -> None:
    """A view built without checking marks nothing and adds no check table."""
    report = _broken(read(REPORTS / "004_402c59144089559f.txt").report)
    shown = view(report, check=False)
    assert shown == ReportView(report=report)
    assert "suspect" not in shown._repr_html_().split("</style>")[1]


def test_notebook_hooks_delegate_here() -> None:
    """Jupyter's _repr_html_ on a report and on a check result give this module's HTML."""
    report = _broken(read(REPORTS / "004_402c59144089559f.txt").report)
    assert report._repr_html_() == report_html(report)
    result = report.check()
    assert result._repr_html_() == check_html(result)


def test_terminal_view_says_what_the_suspect_should_be() -> None:
    """Below the tables, each suspect with a suggested value: 应为 N / should be N."""
    report = _broken(read(REPORTS / "004_402c59144089559f.txt").report)
    suggestions = {v.suspect: v.suggested for v in report.check() if v.suggested is not None}
    assert suggestions
    text = str(view(report))
    for address, value in suggestions.items():
        assert f"!! {address}: 应为 {value} / should be {value}" in text
    assert "应为" not in str(view(report, check=False))
