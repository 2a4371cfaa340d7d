"""The variant fixtures of tests/data/variants read exactly, from every format they come in.

Two shapes (see make_variants.py there): ``subtotals`` (figures on the group labels of section
三 and the 小计 column) and ``hybrid`` (a 2021 report whose （六）其他处理 is one row), each
from govinfo's own writers, as plain text, as a web page, and as LibreOffice made DOCX and XLSX
of that page. Every cell address must read as the report prints it (``None`` where it does
not), the template must be gb_2021, and the reader must say which variant it met.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from tests._scripts import load_script
from tests.reading.docx._layouts import Layout
from tests.reading.docx._layouts import render as docx
from tests.reading.html._pages import Page
from tests.reading.html._pages import render as page

from govinfo import ReadResult, flatten, read_docx, read_html, read_text, read_xlsx

HERE = Path(__file__).resolve().parent.parent / "data" / "variants"
BOTH = {"variant-group-subtotal", "variant-organisations-subtotal"}
HYBRID = {"variant-hybrid-group-row"}
#: fixture → the variant notes its reading must carry. The canonical text's header line says
#: which variants it prints, so its reading needs no note; govinfo's workbook and plain text of
#: the hybrid print its three item rows as ``/``, so （六） reads as a group subtotal there.
FIXTURES = {
    "subtotals.govinfo.txt": set(),
    "subtotals.plain.txt": BOTH,
    "subtotals.govinfo.xlsx": BOTH,
    "subtotals.page.html": BOTH,
    "subtotals.soffice.docx": BOTH,
    "subtotals.soffice.xlsx": BOTH,
    "hybrid.govinfo.txt": set(),
    "hybrid.plain.txt": {"variant-group-subtotal"},
    "hybrid.bare.txt": HYBRID,
    "hybrid.govinfo.xlsx": {"variant-group-subtotal"},
    "hybrid.page.html": HYBRID,
    "hybrid.soffice.docx": HYBRID,
    "hybrid.soffice.xlsx": HYBRID,
}
_READERS: dict[str, Callable[[bytes], ReadResult]] = {
    ".xlsx": read_xlsx,
    ".docx": read_docx,
    ".html": read_html,
}


def _expected(shape: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads((HERE / f"{shape}.expected.json").read_text("utf-8"))
    return document


def _read(name: str) -> ReadResult:
    path = HERE / name
    reader = _READERS.get(path.suffix)
    return reader(path.read_bytes()) if reader else read_text(path.read_text("utf-8"))


def _script() -> Any:
    """make_variants.py as a module (it needs no LibreOffice until it is run)."""
    return load_script(HERE / "make_variants.py")


def _json(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def test_every_fixture_is_listed() -> None:
    made = {p.name for p in HERE.iterdir() if p.suffix in (".txt", ".xlsx", ".docx", ".html")}
    assert made == set(FIXTURES)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_fixture_reads_exactly(name: str) -> None:
    shape = name.split(".", maxsplit=1)[0]
    expected = _expected(shape)
    result = _read(name)
    report = result.report
    assert report.template == "gb_2021"
    assert (report.organ, report.year, report.title) == (
        expected["organ"],
        expected["year"],
        expected["title"],
    )
    cells = {address: _json(value) for address, value in flatten(report).items()}
    wrong = {a: (v, cells.get(a)) for a, v in expected["cells"].items() if cells.get(a) != v}
    assert not wrong
    assert set(cells) == set(expected["cells"])
    codes = {d.code for d in result.diagnostics}
    assert FIXTURES[name] <= codes
    # nothing is amiss: no warning or error about any cell
    assert not [d for d in result.diagnostics if d.severity != "info"]


@pytest.mark.parametrize("name", sorted(n for n in FIXTURES if n.startswith("subtotals.")))
def test_subtotal_fixture_states_the_variants(name: str) -> None:
    report = _read(name).report
    apps = report.applications
    assert apps is not None
    expected = _expected("subtotals")["cells"]
    for group in ("withheld", "unavailable", "not_processed", "other_handling"):
        assert getattr(apps, group).total == expected[f"applications.{group}.total"] is not None
    assert apps.new_received.organisations == expected["applications.new_received.organisations"]
    assert apps.new_received.organisations is not None
    assert report.check().ok


@pytest.mark.parametrize("name", sorted(n for n in FIXTURES if n.startswith("hybrid.")))
def test_hybrid_fixture_leaves_the_items_unstated(name: str) -> None:
    report = _read(name).report
    apps = report.applications
    assert apps is not None
    assert apps.other_handling.total is not None
    for item in ("other_no_correction", "other_unpaid_fee", "other_misc"):
        row = getattr(apps, item)
        assert all(getattr(row, f.name) is None for f in attrs.fields(type(row)))
    assert apps.withheld.total is None  # no other group prints a subtotal
    assert apps.new_received.organisations is None
    assert not report.check().violations


def test_expected_files_are_the_scripts_reports() -> None:
    """The committed answers are those of the reports make_variants.py builds."""
    module = _script()
    for shape, (report, _, _) in module.SHAPES.items():
        assert (HERE / f"{shape}.expected.json").read_text("utf-8") == module.expected(report)


def _shapes() -> list[tuple[str, Any, str | None]]:
    return [(shape, report, text) for shape, (report, text, _) in _script().SHAPES.items()]


@pytest.mark.parametrize("drawn", ["row", "spanned"])
def test_the_test_renderers_draw_both_shapes(drawn: str) -> None:
    """The DOCX builder and the page renderer draw each shape (the hybrid without its item
    rows), and the readers read it back exactly, with the variant's note."""
    for shape, report, text in _shapes():
        for result in (
            read_docx(docx(report, Layout(group_subtotals=drawn), text)),
            read_html(page(report, Page(group_subtotals=drawn), text)),
        ):
            assert result.report == report
            codes = {d.code for d in result.diagnostics}
            assert (HYBRID if shape == "hybrid" else BOTH) <= codes
