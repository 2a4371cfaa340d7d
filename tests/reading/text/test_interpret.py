"""The shared interpreter on neutral documents, as the DOCX and XLSX front ends build them."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st
from tests.conftest import REPORTS

from govinfo.errors import GovInfoError
from govinfo.locations import Location
from govinfo.model.catalogue import cell_specs
from govinfo.model.flat import flatten
from govinfo.model.report import AnnualReport
from govinfo.reading.document import Cell, Document, Paragraph, Table
from govinfo.reading.interpret import interpret
from govinfo.reading.text import read_text
from govinfo.reading.text._lines import to_blocks
from govinfo.strategies import consistent_reports
from govinfo.writing.text import write_text

#: The template's own cells, without the variants some reports print (subtotal rows,
#: the 小计 column).
TEMPLATE_CELLS = [s.address for s in cell_specs("gb_2021") if not s.optional]

_WORDS = sorted(
    {s.row_label for s in cell_specs("gb_2021")}
    | {s.column_label for s in cell_specs("gb_2019")}
    | {"三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "/", "", "0"}
)
_cells = st.one_of(st.sampled_from(_WORDS), st.integers(0, 99).map(str), st.text(max_size=5))


@st.composite
def documents(draw: st.DrawFn) -> Document:
    """Random paragraphs and tables of template words, numbers and noise, some cells merged."""
    blocks: list[Paragraph | Table] = []
    for index in range(draw(st.integers(0, 12))):
        where = Location(source="doc", table=index + 1)
        if draw(st.booleans()):
            blocks.append(Paragraph(text=draw(_cells), location=where))
            continue
        rows = []
        for r in range(draw(st.integers(0, 6))):
            row = []
            for c in range(draw(st.integers(0, 9))):
                loc = Location(source="doc", table=index + 1, row=r + 1, cell=c + 1)
                merged = draw(st.none() | st.just(Location(source="doc", table=index + 1)))
                row.append(Cell(text=draw(_cells), location=loc, merged_from=merged))
            rows.append(tuple(row))
        blocks.append(Table(rows=tuple(rows), location=where))
    return Document(blocks=tuple(blocks), source="doc")


@given(documents())
def test_any_document(document: Document) -> None:
    """Any neutral document gives a result or a GovInfoError, nothing else."""
    with contextlib.suppress(GovInfoError):
        interpret(document)


def _visible(text: str) -> str:
    # The canonical text without its header line: what a reader other than govinfo's sees.
    return text.split("\n", 1)[1]


@given(consistent_reports(max_count=500))
def test_grid_documents_read_back(report: object) -> None:
    """A report laid out as one table per section (a DOCX-like grid) reads back exactly."""
    text = _visible(write_text(report))  # type: ignore[arg-type]
    blocks: list[Paragraph | Table] = []
    rows: list[tuple[Cell, ...]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            rows.append(
                tuple(
                    Cell(text=t, location=Location(source="grid", table=1, row=number, cell=i))
                    for i, t in enumerate(line.split("\t"), start=1)
                )
            )
            continue
        if rows:
            blocks.append(Table(rows=tuple(rows), location=Location(source="grid")))
            rows = []
        if line.strip():
            blocks.append(Paragraph(text=line, location=Location(source="grid", row=number)))
    result = interpret(Document(blocks=tuple(blocks), source="grid"))
    assert result.report.applications == read_text(text).report.applications
    assert result.report.review_litigation == report.review_litigation  # type: ignore[attr-defined]


@given(consistent_reports(max_count=500))
def test_one_grid_document_reads_back(report: object) -> None:
    """A whole report in one grid (a sheet: headings and title in cells) reads back exactly."""
    text = _visible(write_text(report))  # type: ignore[arg-type]
    rows = tuple(
        tuple(
            Cell(text=t, location=Location(source="sheet", row=number, cell=i))
            for i, t in enumerate(line.split("\t"), start=1)
        )
        for number, line in enumerate(text.splitlines(), start=1)
        if line.strip()
    )
    document = Document(blocks=(Table(rows=rows, location=Location(source="sheet")),))
    result = interpret(document)
    expected = read_text(text).report
    assert result.report.applications == expected.applications
    assert result.report.review_litigation == expected.review_litigation
    assert result.report.proactive_disclosure == expected.proactive_disclosure
    assert (result.report.organ, result.report.year) == (expected.organ, expected.year)


def test_aligned_title_and_heading() -> None:
    """A title and a heading whose words pdftotext spread over aligned columns are found."""
    text = write_text(consistent_example())
    text = text.replace("四、政府信息公开行政复议", "四、   政府信息公开行政复议")
    text = "  某市某局    2021 年度   政府信息公开工作年度报告\n" + text.split("\n", 1)[1]
    result = read_text(text)
    assert (result.report.organ, result.report.year) == ("某市某局", 2021)
    assert "section-missing" not in {d.code for d in result.diagnostics}


def consistent_example() -> AnnualReport:
    """A report of zeros with metadata."""
    from govinfo.model.flat import unflatten

    cells = dict.fromkeys(TEMPLATE_CELLS, 0)
    return unflatten(cells, template="gb_2021", organ="某市某局", year=2021)


def test_heading_in_a_merged_row() -> None:
    """A heading row spanning the table (merged cells repeat its text) still starts a section."""
    text = (REPORTS / "001_6936dc3b40e04b6e.txt").read_text(encoding="utf-8")
    plain = read_text(text)
    blocks, _ = to_blocks(text, "<text>")
    heading = next(
        b for b in blocks if isinstance(b, Paragraph) and b.text.startswith("四、政府信息公开")
    )
    origin = Cell(text=heading.text, location=heading.location)
    covered = Cell(text=heading.text, location=heading.location, merged_from=heading.location)
    row = (origin, *[covered] * 7)
    spanned = tuple(
        Table(rows=(row,), location=heading.location) if b is heading else b for b in blocks
    )
    result = interpret(Document(blocks=spanned, source="<text>"))
    assert "review_litigation" not in {d.address for d in result.diagnostics}
    assert flatten(result.report) == flatten(plain.report)
