"""The XLS front end: Excel 97–2003 workbooks read as their XLSX originals, through xlrd."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo.errors import GovInfoError, ReadError, UnsupportedFormatError
from govinfo.reading.api import read
from govinfo.reading.document import Table
from govinfo.reading.xls import read_xls, read_xls_document
from govinfo.reading.xlsx import read_xlsx

DATA = Path(__file__).resolve().parents[2] / "data"
XLS = sorted((DATA / "xls").glob("*.xls"))
IDS = [p.stem for p in XLS]


def _original(path: Path) -> Path:
    return DATA / "fixtures" / f"{path.stem}.xlsx"


@pytest.mark.parametrize("path", XLS, ids=IDS)
def test_reads_as_the_xlsx_it_was_saved_from(path: Path) -> None:
    """Each fixture saved as .xls by LibreOffice reads to the same report, at the same cells."""
    xls, xlsx = read_xls(path), read_xlsx(_original(path))
    assert xls.report == xlsx.report
    assert [d.code for d in xls.diagnostics] == [d.code for d in xlsx.diagnostics]
    assert xls.locations.keys() == xlsx.locations.keys()
    for address, where in xls.locations.items():
        assert (where.sheet, where.ref) == (
            xlsx.locations[address].sheet,
            xlsx.locations[address].ref,
        )
        assert where.source == str(path)


def test_document_has_geometry_and_merges() -> None:
    """Tables carry their own columns; merged cells are expanded, pointing at their origin."""
    document = read_xls_document(XLS[-1])
    tables = [b for b in document.blocks if isinstance(b, Table)]
    assert tables
    assert all(t.geometry for t in tables)
    covered = [c for t in tables for row in t.rows for c in row if c.merged_from is not None]
    assert covered
    assert all(c.merged_from is not None and c.merged_from.sheet for c in covered)


def test_read_picks_xls_by_content() -> None:
    """read() tells a workbook from its OLE2 directory, whatever the name or with none."""
    path = XLS[0]
    expected = read_xls(path).report
    assert read(path).report == expected
    assert read(path.read_bytes()).report == expected
    assert read(path.read_bytes(), name="report.bin").report == expected
    assert govinfo.read_xls is read_xls


def test_a_str_is_a_path() -> None:
    """As for every reader but read_text (docs/api.md, "Sources")."""
    assert read_xls(str(XLS[0])).report == read_xls(XLS[0]).report


def test_without_xlrd_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    """A missing extra is an UnsupportedFormatError naming pip install "govinfo[xls]"."""
    monkeypatch.setitem(sys.modules, "xlrd", None)
    with pytest.raises(UnsupportedFormatError, match=r'pip install "govinfo\[xls\]"'):
        read_xls(XLS[0])
    with pytest.raises(UnsupportedFormatError, match=r'pip install "govinfo\[xls\]"'):
        read(XLS[0])


def test_not_a_workbook() -> None:
    """Other data given to read_xls is refused as unsupported, naming the file."""
    with pytest.raises(UnsupportedFormatError, match="not an Excel 97–2003 workbook") as caught:
        read_xls(b"just some text", name="x.xls")
    assert "x.xls" in str(caught.value)


@pytest.mark.parametrize("keep", [600, 2048, 8192, 16384])
def test_truncated_workbook_is_a_read_error(keep: int) -> None:
    """A cut-off workbook raises a GovInfoError naming the file, never xlrd's own error."""
    data = XLS[0].read_bytes()[:keep]
    with pytest.raises(GovInfoError) as caught:
        read_xls(data, name="cut.xls")
    assert isinstance(caught.value, (ReadError, UnsupportedFormatError))
    assert "cut.xls" in str(caught.value)


@given(st.data())
def test_damaged_workbook_raises_only_govinfo_errors(data: st.DataObject) -> None:
    """Bytes of a real workbook overwritten anywhere: it reads, or raises a GovInfoError."""
    original = bytearray(XLS[0].read_bytes())
    for _ in range(data.draw(st.integers(1, 8))):
        at = data.draw(st.integers(0, len(original) - 1))
        original[at] = data.draw(st.integers(0, 255))
    errors: list[GovInfoError] = []
    try:
        read_xls(bytes(original), name="damaged.xls")
    except GovInfoError as error:
        errors.append(error)
    assert all("damaged.xls" in str(e) for e in errors)


def test_a_web_page_named_xls_says_so() -> None:
    """Sites serve HTML under .xls names: the error says what the file looks like."""
    with pytest.raises(UnsupportedFormatError, match="looks like a web page or text"):
        read_xls(b"<html><table><tr><td>1</td></tr></table></html>", name="a.xls")
