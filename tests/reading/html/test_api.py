"""``read()`` and the command line on web pages; hostile pages are refused."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import govinfo
from govinfo.cli import main
from govinfo.errors import ReadError, UnsafeInputError
from govinfo.reading.api import read
from govinfo.reading.html import read_html, read_html_document

HTML = Path(__file__).resolve().parents[2] / "data" / "html"
PAGE = HTML / "004_402c59144089559f.soffice.html"


def test_read_is_exported() -> None:
    """``govinfo.read_html`` is the HTML reader."""
    assert govinfo.read_html is read_html


@pytest.mark.parametrize("suffix", [".html", ".htm", ".shtml", ".dat"])
def test_read_picks_html_by_content_and_suffix(suffix: str, tmp_path: Path) -> None:
    """A page reads as HTML whatever its suffix (content decides), as bytes and as a file."""
    path = tmp_path / f"report{suffix}"
    shutil.copy(PAGE, path)
    want = read_html(PAGE).report
    assert read(path).report == want
    assert read(path.read_bytes()).report == want
    with path.open("rb") as stream:
        assert read(stream).report == want


def test_a_utf16_page_is_html_by_content(tmp_path: Path) -> None:
    """A page saved as UTF-16 with a byte-order mark is HTML whatever its name."""
    path = tmp_path / "report.txt"
    path.write_bytes(PAGE.read_text(encoding="utf-8").encode("utf-16"))
    assert read(path).report == read_html(PAGE).report


def test_xhtml_with_an_xml_prolog_is_html(tmp_path: Path) -> None:
    """An XHTML page starts ``<?xml`` but is not govinfo's XML."""
    page = HTML / "004_402c59144089559f.xhtml"
    assert read(page).report == read_html(page).report
    assert read(page, format="html").report.organ == "满洲里市综合保税区"


def test_a_table_fragment_is_html() -> None:
    """A saved fragment that starts with its table is HTML by content."""
    fragment = b"<table><tr><td>a</td><td>1</td></tr></table>" + b"\n" * 3
    assert read_html_document(fragment).blocks


@pytest.mark.parametrize("command", ["check", "show"])
def test_the_command_line_reads_pages(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """``govinfo check`` and ``show`` take a page, with diagnostics naming its lines."""
    path = tmp_path / "page.html"
    shutil.copy(PAGE, path)
    main([command, str(path)])
    out = capsys.readouterr().out
    assert "满洲里市综合保税区" in out or "page.html" in out


def test_batch_picks_up_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``govinfo batch DIR`` reads the .html/.htm files in it."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(PAGE, corpus / "a.html")
    shutil.copy(HTML / "001_6936dc3b40e04b6e.soffice.html", corpus / "b.htm")
    out = tmp_path / "out.csv"
    main(["batch", str(corpus), "-o", str(out), "-q", "-j", "1"])
    written = out.read_text(encoding="utf-8")
    assert "a.html" in written
    assert "b.htm" in written


def test_convert_a_page(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``govinfo convert page.html out.json`` writes the report read from the page."""
    target = tmp_path / "out.json"
    assert main(["convert", str(PAGE), str(target)]) == 0
    back = govinfo.from_json(target.read_text("utf-8"))
    assert govinfo.flatten(back) == govinfo.flatten(read_html(PAGE).report)


def test_entity_declarations_are_refused() -> None:
    """A doctype with an internal subset (entity tricks) is refused outright."""
    page = b'<!DOCTYPE html [<!ENTITY a "aaaa">]><html><body><p>&a;</p></body></html>'
    with pytest.raises(UnsafeInputError, match="internal subset"):
        read_html(page)


def test_spans_that_explode_the_grid_are_refused() -> None:
    """A few KB of markup may not expand to millions of cells."""
    rows = "".join("<tr><td colspan=1000 rowspan=65534>x</td></tr>" for _ in range(3000))
    with pytest.raises(UnsafeInputError, match="cells"):
        read_html_document(f"<table>{rows}</table>")


def test_deep_nesting_is_refused() -> None:
    """Elements nested past the parser's depth limit (whose text it would drop) are refused."""
    page = "<div>" * 100_000 + "一、总体情况" + "</div>" * 100_000
    with pytest.raises(UnsafeInputError, match="depth"):
        read_html_document(page)


def test_a_str_source_is_markup_not_a_path() -> None:
    """``read_html(str)`` parses the string; ``read(str)`` with markup is refused."""
    assert read_html_document("<p>x</p>").source == "<html>"
    with pytest.raises(ReadError):
        read("<html>\n<p>x</p>")
