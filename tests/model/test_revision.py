"""A template revision made in the test suite only goes through every reader and writer.

"gb_2027" is gb_2021 with two rows renamed (section 二's 规章 and section 三's 3.其他), one row
inserted into section 三's （六）其他处理 and one column added to section 二's document rows. It
is registered for the duration of a test, and nothing outside ``govinfo.templates`` needs to
know about it: the model makes its classes, the catalogue its addresses, the rules their
instances, the XSD its elements, the layouts their rows, and the readers their labels.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from tests.reading.docx._layouts import Layout
from tests.reading.docx._layouts import render as render_docx
from tests.reading.html._pages import Page
from tests.reading.html._pages import render as render_html

from govinfo import (
    AnnualReport,
    flatten,
    read_docx,
    read_html,
    read_text,
    read_xlsx,
    read_xml,
    template_spec,
    unflatten,
    write_text,
    write_xml,
    xlsx_bytes,
    xml_schema,
)
from govinfo.display import view
from govinfo.model.catalogue import addresses
from govinfo.rules.catalogue import RULES, domain
from govinfo.rules.check import check
from govinfo.rules.infer import infer
from govinfo.strategies import consistent_reports
from govinfo.templates import (
    _REGISTERED,
    GB_2021,
    ColumnSpec,
    Role,
    RowSpec,
    TableSpec,
    TemplateSpec,
    ValueKind,
)
from govinfo.templates._family import outcome_groups

_REVISED_COLUMN = ColumnSpec(key="revised", label="本年修订件数", kind=ValueKind.COUNT)
_INSERTED_ROW = "other_withdrawn"


def _revise_proactive(table: TableSpec) -> TableSpec:
    rows = []
    for row in table.rows:
        if row.key in ("rules", "normative_documents"):
            label = "部门规章" if row.key == "rules" else row.label
            columns = (*row.columns, _REVISED_COLUMN)
            rows.append(attrs.evolve(row, label=label, columns=columns, model=None))
        else:
            rows.append(row)
    return attrs.evolve(table, rows=tuple(rows), model=None)


def _revise_applications(table: TableSpec) -> TableSpec:
    rows: list[RowSpec] = []
    for row in table.rows:
        if row.key == "other_misc":
            rows.append(
                attrs.evolve(
                    row, key=_INSERTED_ROW, label="3.申请人撤回申请", variants=(), model=None
                )
            )
            rows.append(attrs.evolve(row, label="4.其他情形", variants=("4.其他",)))
        else:
            rows.append(row)
    return attrs.evolve(table, rows=tuple(rows), row_groups=outcome_groups(tuple(rows)), model=None)


def _revision() -> TemplateSpec:
    revise = {"proactive_disclosure": _revise_proactive, "applications": _revise_applications}
    tables = tuple(revise.get(t.key, lambda t: t)(t) for t in GB_2021.tables)
    return TemplateSpec(
        id="gb_2027",
        title="（试行修订）",
        first_year=2027,
        last_year=None,
        tables=tables,
        markers=(*GB_2021.markers, "本年修订件数", "申请人撤回申请"),
    )


GB_2027 = _revision()


@pytest.fixture
def registered() -> Iterator[TemplateSpec]:
    """gb_2027 registered (newest first) for the test, the registry restored after it."""
    saved = dict(_REGISTERED)
    _REGISTERED.clear()
    _REGISTERED.update({"gb_2027": GB_2027, **saved})
    try:
        yield GB_2027
    finally:
        _REGISTERED.clear()
        _REGISTERED.update(saved)


def test_revision_has_its_addresses_and_rule_instances(registered: TemplateSpec) -> None:
    assert template_spec("gb_2027") is registered
    cells = addresses(registered)
    assert "proactive_disclosure.rules.revised" in cells
    assert f"applications.{_INSERTED_ROW}.total" in cells
    assert "proactive_disclosure.administrative_licensing.revised" not in cells
    assert _INSERTED_ROW in [key for key, _ in domain("leaf", registered)]
    applying = [r.id for r in RULES if r.applies_to(registered)]
    assert applying == [r.id for r in RULES if r.applies_to(GB_2021)]
    equations = [e for r in RULES for e in r.equations(registered)]
    assert any(f"applications.{_INSERTED_ROW}.total" in e.rhs + e.lhs for e in equations)


def test_revision_in_the_xsd(registered: TemplateSpec) -> None:
    schema = xml_schema().decode("utf-8")
    assert '"gb_2027"' in schema
    assert f'"{_INSERTED_ROW}"' in schema
    assert '"revised"' in schema


_drawn = settings(
    max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


def _with_metadata(report: AnnualReport) -> AnnualReport:
    return attrs.evolve(report, organ="某县人民政府", year=2027)


@_drawn
@given(data=st.data())
def test_revision_round_trips_through_every_writer_and_reader(
    registered: TemplateSpec, data: st.DataObject
) -> None:
    """XML, XLSX and canonical text give the revised report back exactly, the new cells
    included, and the readers tell the revision from gb_2021 by what it prints."""
    report = _with_metadata(data.draw(consistent_reports("gb_2027", max_count=50)))
    assert report.template is registered
    assert read_xml(write_xml(report)).report == report
    from_xlsx = read_xlsx(xlsx_bytes(report)).report
    assert from_xlsx.template == "gb_2027"
    assert flatten(from_xlsx) == flatten(report)
    from_text = read_text(write_text(report)).report
    assert from_text.template == "gb_2027"
    assert flatten(from_text) == flatten(report)
    for rendered, reader in (
        (render_docx(report, Layout()), read_docx),
        (render_html(report, Page()), read_html),
    ):
        reading = reader(rendered).report
        assert reading.template == "gb_2027"
        assert flatten(reading) == flatten(report)
    shown = view(report)._repr_html_()
    assert "部门规章" in shown
    assert "本年修订件数" in shown
    assert "3.申请人撤回申请" in shown


@_drawn
@given(data=st.data())
def test_revision_is_checked_and_inferred(registered: TemplateSpec, data: st.DataObject) -> None:
    """A consistent revised report breaks no rule; a changed cell of the inserted row is a
    violation; a removed one is inferred back."""
    report = data.draw(consistent_reports("gb_2027", max_count=50))
    result = check(report)
    assert not result.violations
    assert result.passed > 0
    cells = flatten(report)
    address = f"applications.{_INSERTED_ROW}.natural_person"
    value = cells[address]
    assert isinstance(value, int)
    broken = unflatten({**cells, address: value + 1}, template=registered)
    assert any(address in v.cells for v in check(broken).violations)
    completed, filled = infer(unflatten({**cells, address: None}, template=registered))
    assert address in [f.address for f in filled]
    assert flatten(completed)[address] == value


def test_unregistered_revision_with_no_rules_is_an_error() -> None:
    """A table template the rules do not reach is refused by check, never "ok"."""
    from govinfo.errors import InvalidValueError

    bare = TemplateSpec(
        id="gb_bare",
        title="",
        first_year=2030,
        last_year=None,
        tables=(
            TableSpec(
                key="proactive_disclosure",
                label="二、主动公开政府信息情况",
                rows=(
                    RowSpec(
                        key="rules",
                        label="规章",
                        columns=(
                            ColumnSpec(key="issued", label="本年制发件数", kind=ValueKind.COUNT),
                        ),
                        role=Role.ITEM,
                    ),
                ),
            ),
        ),
    )
    with pytest.raises(InvalidValueError):
        check(AnnualReport(template=bare))
