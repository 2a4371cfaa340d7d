"""Whatever the bytes, read_html returns a result or raises a GovInfoError."""

from __future__ import annotations

import contextlib

from hypothesis import given
from hypothesis import strategies as st
from tests.reading.html._pages import Page, render
from tests.reading.text.test_roundtrip import carried_reports

from govinfo.errors import GovInfoError
from govinfo.model.report import AnnualReport
from govinfo.reading.html import read_html

_TAGS = ["table", "tr", "td", "th", "p", "br", "div", "span", "o:p", "a href=x", "script"]
_PIECES = st.one_of(
    st.sampled_from(_TAGS).map(lambda t: f"<{t}>"),
    st.sampled_from(_TAGS).map(lambda t: f"</{t.split()[0]}>"),
    st.sampled_from(["<td rowspan=0>", "<td colspan=3 rowspan=2>", "<td colspan=-1>", "&nbsp;"]),
    st.sampled_from(["一、总体情况", "（一）予以公开", "自然人", "总计", "1", "0", "/", "。"]),
    st.sampled_from(["<!--", "-->", "<![if !supportLists]>", "<?xml", "<!DOCTYPE html>"]),
    st.sampled_from(["gb2312", "utf-16", "base64", "zlib", "rot13", "big5", "x"]).map(
        lambda label: f"<meta charset={label}>"
    ),
    st.text(max_size=5),
)


def _read(data: bytes | str) -> None:
    with contextlib.suppress(GovInfoError):
        read_html(data)


@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes) -> None:
    """Random bytes never raise anything but GovInfoError."""
    _read(data)


@given(st.lists(_PIECES, max_size=80).map("".join))
def test_arbitrary_markup(markup: str) -> None:
    """Random tag soup built from report pieces never raises anything but GovInfoError, as
    text or as bytes (where its meta tags decide the decoding)."""
    _read(markup)
    _read(markup.encode("utf-8", errors="surrogatepass"))


@given(carried_reports(), st.data())
def test_cut_pages(report: AnnualReport, data: st.DataObject) -> None:
    """A real-shaped page cut anywhere (a crawl stopped early) reads or is refused cleanly."""
    page = render(report, Page(word=True, chrome=True))
    cut = data.draw(st.integers(min_value=0, max_value=len(page)))
    _read(page[:cut])
