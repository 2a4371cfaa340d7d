"""Round trips through XML: every drawn report comes back equal, valid and byte-stable."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from govinfo import AnnualReport, Diagnostic, Location, Narrative, Severity
from govinfo.reading.xml import read_xml
from govinfo.strategies import consistent_reports, reports
from govinfo.writing.xml import write_xml

# Every code point a str can hold, surrogates and C0 controls included.
_any_text = st.text(st.characters(codec=None, categories=None, exclude_categories=()))


@given(report=reports())
def test_any_report_round_trips(
    report: AnnualReport, schema_errors: Callable[[bytes], list[str]]
) -> None:
    """read_xml(write_xml(r)).report == r, and the bytes validate against the schema."""
    document = write_xml(report)
    assert schema_errors(document) == []
    assert read_xml(document).report == report


@given(report=consistent_reports())
def test_consistent_report_round_trips_with_its_check(
    report: AnnualReport, schema_errors: Callable[[bytes], list[str]]
) -> None:
    """A consistent report with its check result embedded validates and reads back equal."""
    document = write_xml(report, check=report.check())
    assert schema_errors(document) == []
    assert read_xml(document).report == report


@given(reports())
def test_writing_is_deterministic(report: AnnualReport) -> None:
    """The same report, written twice or after a round trip, gives identical bytes."""
    first = write_xml(report, check=report.check())
    assert write_xml(report, check=report.check()) == first
    assert write_xml(read_xml(first).report, check=report.check()) == first


@given(
    narrative=st.builds(Narrative, **{f: st.none() | _any_text for f in Narrative.__annotations__})
)
def test_any_unicode_text_round_trips(
    narrative: Narrative, schema_errors: Callable[[bytes], list[str]]
) -> None:
    """Text XML 1.0 cannot carry (controls, U+FFFE, lone surrogates, CR) survives exactly."""
    report = AnnualReport(template="gb_2021", narrative=narrative)
    document = write_xml(report)
    assert schema_errors(document) == []
    assert read_xml(document).report.narrative == narrative


_locations = st.builds(
    Location,
    source=st.none() | _any_text,
    line=st.none() | st.integers(min_value=1),
    table=st.none() | st.integers(min_value=1),
    row=st.none() | st.integers(min_value=1),
    cell=st.none() | st.integers(min_value=1),
    sheet=st.none() | _any_text,
    ref=st.none() | st.text(),
    xpath=st.none() | st.text(),
    page=st.none() | st.integers(min_value=1),
    box=st.none() | st.tuples(*[st.floats(allow_nan=False, allow_infinity=False)] * 4),
)
_diagnostics = st.lists(
    st.builds(
        Diagnostic,
        code=st.text(),
        message=_any_text,
        severity=st.sampled_from(Severity),
        location=st.none() | _locations,
        address=st.none() | st.text(),
    ),
    max_size=4,
).map(tuple)


@given(report=reports(), diagnostics=_diagnostics)
def test_diagnostics_round_trip(
    report: AnnualReport,
    diagnostics: tuple[Diagnostic, ...],
    schema_errors: Callable[[bytes], list[str]],
) -> None:
    """Embedded reading diagnostics validate and come back in ReadResult.diagnostics."""
    document = write_xml(report, diagnostics=diagnostics)
    assert schema_errors(document) == []
    result = read_xml(document)
    assert result.report == report
    assert result.diagnostics == diagnostics


@given(consistent_reports(max_count=50))
def test_reading_pickles_with_its_locations(report: AnnualReport) -> None:
    """Locations are built lazily from the parsed tree, which does not pickle: the reading
    still pickles and deep-copies, with every cell's line."""
    import copy
    import pickle

    result = read_xml(write_xml(report))
    lines = {a: loc.line for a, loc in result.locations.items()}
    assert all(isinstance(line, int) for line in lines.values())
    for again in (pickle.loads(pickle.dumps(result)), copy.deepcopy(result)):
        assert again.report == report
        assert {a: loc.line for a, loc in again.locations.items()} == lines
