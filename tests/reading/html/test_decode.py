"""The encoding is decided before parsing, and the decision is recorded."""

from __future__ import annotations

import codecs

import pytest

from govinfo.reading.document import Paragraph
from govinfo.reading.html import read_html_document
from govinfo.reading.html._decode import decode_page

_BODY = "<body><p>二〇二一年度 堃喆祎 政府信息公开工作年度报告</p></body>"
_WANT = "二〇二一年度 堃喆祎 政府信息公开工作年度报告"


def _page(head: str) -> str:
    return f"<!DOCTYPE html><html><head>{head}<title>t</title></head>{_BODY}</html>"


def _read(data: bytes) -> tuple[str, list[str], str]:
    document = read_html_document(data)
    (line,) = [b.text for b in document.blocks if isinstance(b, Paragraph)]
    decision = [n.message for n in document.notes if n.code == "html-encoding"]
    codes = [n.code for n in document.notes if n.code.startswith("html-charset")]
    return line, codes, decision[0]


@pytest.mark.parametrize(
    ("head", "codec", "decided"),
    [
        ("<meta charset='gb2312'>", "gbk", "GB18030"),  # GBK-only characters under gb2312
        ("<meta http-equiv=Content-Type content='text/html; charset=GBK'>", "gbk", "GB18030"),
        ("", "gbk", "GB18030"),  # no declaration: UTF-8 fails, GB18030 reads it
        ("", "utf-8", "UTF-8"),
        ("<meta charset=utf-8 name=viewport content='width=device-width'>", "utf-8", "UTF-8"),
        ("<meta name=viewport content='width=device-width; charset=utf-8'>", "utf-8", "UTF-8"),
        ("<meta charset='iso-8859-1'>", "utf-8", "UTF-8"),  # a template's label over UTF-8
        ("<meta charset='gb18030'>", "gb18030", "GB18030"),
    ],
)
def test_declared_and_undeclared_encodings(head: str, codec: str, decided: str) -> None:
    """Each variant decodes to the same text, and the note says what was decided."""
    line, _, decision = _read(_page(head).encode(codec))
    assert line == _WANT
    assert decision.startswith(f"decoded as {decided}")


@pytest.mark.parametrize("label", ["base64", "unicode_escape", "idna", "x-no-such-charset"])
def test_a_label_that_is_no_web_encoding_is_set_aside(label: str) -> None:
    """A charset naming a codec pages are never in (or none) is not used to decode."""
    line, codes, decision = _read(_page(f"<meta charset='{label}'>").encode("utf-8"))
    assert line == _WANT
    assert codes == ["html-charset-wrong"]
    assert decision.startswith("decoded as UTF-8")


def test_a_lying_declaration_is_set_aside() -> None:
    """A page declaring UTF-8 whose bytes are GBK reads as GB18030, with a warning."""
    line, codes, decision = _read(_page("<meta charset='utf-8'>").encode("gbk"))
    assert line == _WANT
    assert codes == ["html-charset-wrong"]
    assert decision.startswith("decoded as GB18030")


@pytest.mark.parametrize("bom", [codecs.BOM_UTF8, codecs.BOM_UTF16_LE])
def test_a_byte_order_mark_decides(bom: bytes) -> None:
    """A BOM outranks a meta declaration."""
    codec = "utf-8" if bom == codecs.BOM_UTF8 else "utf-16-le"
    line, _, _ = _read(bom + _page("<meta charset='gb2312'>").encode(codec))
    assert line == _WANT


def test_a_str_is_markup_and_needs_no_decision() -> None:
    """Text given as str is parsed as it is."""
    document = read_html_document(_page("<meta charset='gb2312'>"))
    assert [b.text for b in document.blocks if isinstance(b, Paragraph)] == [_WANT]
    assert not [n for n in document.notes if n.code == "html-encoding"]


def test_a_web_archive_is_unwrapped() -> None:
    """An .mht file's HTML part is read, in the charset its MIME header gives."""
    body = _page("").encode("gbk")
    mht = (
        b'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\n'
        b"Content-Type: text/html; charset=gb2312\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
        + body
        + b"\r\n--b--\r\n"
    )
    text, notes = decode_page(mht, "r.mht")
    assert _WANT in text
    assert [n.code for n in notes] == ["html-mht", "html-encoding"]


def test_undecodable_bytes_are_replaced_and_reported() -> None:
    """Bytes no candidate decodes are replaced, with a warning (never a crash)."""
    text, notes = decode_page(b"<p>\x81\x30\xff\xff</p>", "x.html")
    assert "\ufffd" in text
    assert "encoding-replaced" in {n.code for n in notes}
