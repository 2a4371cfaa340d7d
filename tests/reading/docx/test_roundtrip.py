"""A consistent report drawn as a DOCX, in any table structure Word files use, reads back."""

from __future__ import annotations

from hypothesis import given, settings
from tests.reading.docx._layouts import Layout, layouts, render
from tests.reading.text.test_roundtrip import carried_reports

from govinfo.model.catalogue import cell_specs, unprinted
from govinfo.model.flat import flatten
from govinfo.model.report import AnnualReport
from govinfo.reading.docx import read_docx

# Diagnostics a faithful reading may still give: the builder's tracked changes and nested
# tables are reported as such, and a report drawn without an organ has none to find.
_EXPECTED = {"docx-tracked-changes", "metadata-missing"}


@given(carried_reports(), layouts())
def test_every_layout_reads_back(report: AnnualReport, layout: Layout) -> None:
    """Merges, split tables, shared tables, nesting, content controls, run splits, tracked
    changes, fields and text boxes all read back to the same report."""
    result = read_docx(render(report, layout))
    assert result.report == report
    assert {d.code for d in result.diagnostics if d.severity != "info"} <= _EXPECTED


@settings(max_examples=10)
@given(carried_reports())
def test_locations_follow_a_split_table(report: AnnualReport) -> None:
    """After a table split in two, read cells point into the second table at the right row."""
    layout = Layout(split_at=5, repeat_header=True, group_column="merged")
    result = read_docx(render(report, layout))
    absent = unprinted(report.template, flatten(report))  # variants the report does not print
    printed = [s for s in cell_specs(report.template) if s.address not in absent]
    rows = {spec.row for spec in printed if spec.table == "applications"}
    columns = {spec.column for spec in printed if spec.table == "applications"}
    where = result.locations["applications.carried_forward.total"]
    # Table 1 is section 二; 三 is tables 2 and 3. Table 3 repeats the three header rows and
    # holds the rows after the fifth; the total is the last of 3 label + 7 (or 8) value columns.
    assert (where.table, where.row, where.cell) == (3, 3 + len(rows) - 5, 3 + len(columns))
    where = result.locations["applications.new_received.natural_person"]
    assert (where.table, where.row, where.cell) == (2, 4, 4)
