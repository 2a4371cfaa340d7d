"""Files that are not DOCX, broken or hostile get a clean GovInfoError, within the limits."""

from __future__ import annotations

import contextlib
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from tests.reading.docx._builder import W, document, docx, p, package, tbl, tc, tr

from govinfo import _safe
from govinfo.errors import (
    GovInfoError,
    NotAReportError,
    ReadError,
    UnsafeInputError,
    UnsupportedFormatError,
)
from govinfo.reading.docx import read_docx
from govinfo.reading.docx._document import docx_document

FIXTURES = Path(__file__).resolve().parents[2] / "data" / "fixtures"
GOOD = (FIXTURES / "001_6936dc3b40e04b6e.docx").read_bytes()


def zipped(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_zip_bomb_is_refused_before_inflating() -> None:
    """A part whose compression ratio is far beyond any document's is refused as unsafe."""
    bomb = zipped({"word/document.xml": b" " * (8 << 20)})
    with pytest.raises(UnsafeInputError, match="ratio"):
        read_docx(bomb)


def test_too_many_members() -> None:
    """An archive with more parts than the limit is refused."""
    members = {f"x/{i}": b"" for i in range(_safe.MAX_MEMBERS + 1)}
    with pytest.raises(UnsafeInputError, match="parts"):
        read_docx(zipped(members, zipfile.ZIP_STORED))


def test_part_that_lies_about_its_size(monkeypatch: pytest.MonkeyPatch) -> None:
    """Inflation stops at the declared size even if the directory lies."""
    data = bytearray(docx(p("x" * 5000)))
    # Patch the declared size in the central directory of word/document.xml down to 10.
    central = data.rfind(b"PK\x01\x02", 0, data.rfind(b"word/document.xml"))
    data[central + 24 : central + 28] = (10).to_bytes(4, "little")
    with pytest.raises(GovInfoError):
        read_docx(bytes(data))


def test_dtd_and_entities_are_refused() -> None:
    """A document.xml with a DTD (entity expansion, external entities) is refused."""
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<w:document xmlns:w="' + W.encode() + b'"><w:body><w:p><w:r><w:t>&b;</w:t></w:r>'
        b"</w:p></w:body></w:document>"
    )
    external = (
        b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b'<w:document xmlns:w="' + W.encode() + b'"><w:body><w:p><w:r><w:t>&x;</w:t></w:r>'
        b"</w:p></w:body></w:document>"
    )
    for xml in (laughs, external):
        with pytest.raises(UnsafeInputError):
            read_docx(package(xml))


def test_legacy_doc() -> None:
    """A legacy .doc (OLE compound file) is named as such, with what to do."""
    ole = bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504)
    with pytest.raises(UnsupportedFormatError, match=r"\.doc.*save it as \.docx"):
        read_docx(ole, name="report.doc")


def test_renamed_xlsx() -> None:
    """An Excel workbook renamed .docx is named as a workbook, pointing to read_xlsx."""
    xlsx = (FIXTURES / "001_6936dc3b40e04b6e.xlsx").read_bytes()
    with pytest.raises(UnsupportedFormatError, match="read_xlsx") as raised:
        read_docx(xlsx, name="report.docx")
    assert raised.value.location is not None
    assert raised.value.location.source == "report.docx"


@pytest.mark.parametrize(
    ("data", "what"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"{\\rtf1\\ansi ...}", "RTF"),
        (b"<html><body>report</body></html>", "HTML"),
        (
            b'<?xml version="1.0"?><?mso-application progid="Word.Document"?><w:wordDocument/>',
            "2003",
        ),
        (b"<root/>", "XML"),
        ("一、总体情况".encode(), "zip package"),
        (b"", "empty"),
    ],
)
def test_other_formats_are_named(data: bytes, what: str) -> None:
    """PDF, RTF, HTML, Word 2003 XML, other XML, text and empty files say what they are."""
    with pytest.raises(UnsupportedFormatError, match=what):
        read_docx(data)


def test_zip_without_a_word_document() -> None:
    """A zip with no Word main part says so."""
    with pytest.raises(UnsupportedFormatError, match=r"word/document\.xml"):
        read_docx(zipped({"a.txt": b"hello"}))


def test_opendocument_text() -> None:
    """An .odt is named as OpenDocument."""
    odt = zipped({"mimetype": b"application/vnd.oasis.opendocument.text", "content.xml": b"<x/>"})
    with pytest.raises(UnsupportedFormatError, match="OpenDocument"):
        read_docx(odt)


@pytest.mark.parametrize("keep", [0.9, 0.5, 0.1])
def test_truncated_zip(keep: float) -> None:
    """A truncated download fails cleanly, whatever is cut."""
    with pytest.raises(GovInfoError):
        read_docx(GOOD[: int(len(GOOD) * keep)])


def test_malformed_xml_names_the_part() -> None:
    """XML that is not well-formed is a ReadError naming word/document.xml."""
    with pytest.raises(ReadError, match=r"word/document\.xml"):
        read_docx(package(b"<w:document xmlns:w='" + W.encode() + b"'><w:body>"))


def test_main_part_that_is_not_a_word_document() -> None:
    """A main part whose root is not w:document is refused."""
    with pytest.raises(ReadError, match="not a Word document"):
        read_docx(package(b"<html/>"))


def test_relationship_pointing_nowhere() -> None:
    """A package whose relationships name a missing main part is not taken for DOCX."""
    data = zipped({"_rels/.rels": GOOD[:0] + _rels("word/missing.xml")})
    with pytest.raises(UnsupportedFormatError):
        read_docx(data)


def _rels(target: str) -> bytes:
    return (
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        f'relationships/officeDocument" Target="{target}"/></Relationships>'
    ).encode()


def test_a_document_with_no_report_is_not_a_report() -> None:
    """A valid DOCX that holds no report is a NotAReportError, not a half-empty report."""
    with pytest.raises(NotAReportError):
        read_docx(docx(p("会议通知"), tbl(tr(tc("a"), tc("b")))))


@given(st.binary(max_size=2048))
def test_arbitrary_bytes(data: bytes) -> None:
    """Arbitrary bytes give a report or a GovInfoError, nothing else."""
    with contextlib.suppress(GovInfoError):
        read_docx(data)


@given(st.binary(min_size=1, max_size=64), st.integers(min_value=0, max_value=len(GOOD) - 1))
def test_corrupted_fixture(noise: bytes, at: int) -> None:
    """A real DOCX with bytes overwritten anywhere gives a report or a GovInfoError."""
    data = GOOD[:at] + noise + GOOD[at + len(noise) :]
    with contextlib.suppress(GovInfoError):
        read_docx(data)


_TAGS = [
    "p",
    "r",
    "t",
    "tbl",
    "tr",
    "tc",
    "tcPr",
    "trPr",
    "gridSpan",
    "vMerge",
    "hMerge",
    "gridBefore",
    "sdt",
    "sdtContent",
    "del",
    "ins",
    "fldChar",
    "instrText",
    "sym",
    "tab",
    "txbxContent",
    "cellDel",
    "customXml",
]
_ATTRS = st.dictionaries(
    st.sampled_from(["val", "fldCharType", "char"]),
    st.sampled_from(
        [
            "",
            "restart",
            "continue",
            "begin",
            "separate",
            "end",
            "-1",
            "3",
            "F0B7",
            "99999999999",
            "x",
            "0",
        ]
    ),
    max_size=2,
)


def _render(tag: str, attributes: dict[str, str], text: bytes, inner: list[bytes]) -> bytes:
    attrs = "".join(f' w:{name}="{value}"' for name, value in attributes.items())
    return f"<w:{tag}{attrs}>".encode() + text + b"".join(inner) + f"</w:{tag}>".encode()


def _element(children: st.SearchStrategy[list[bytes]]) -> st.SearchStrategy[bytes]:
    text = st.sampled_from([b"", b"1", "一".encode(), b" 2 "])
    return st.builds(_render, st.sampled_from(_TAGS), _ATTRS, text, children)


_TREES = st.recursive(
    _element(st.just([])), lambda inner: _element(st.lists(inner, max_size=4)), max_leaves=25
)


@given(st.lists(_TREES, max_size=6))
def test_arbitrary_wordprocessingml(body: list[bytes]) -> None:
    """Any nesting of the elements the front end reads, with junk attributes, reads cleanly."""
    xml = (
        b'<w:document xmlns:w="'
        + W.encode()
        + b'"><w:body>'
        + b"".join(body)
        + b"</w:body></w:document>"
    )
    with contextlib.suppress(GovInfoError):
        docx_document(package(xml), source="t.docx")


def test_builder_documents_are_well_formed() -> None:
    """The builder's own output parses (guards the fuzz test's baseline)."""
    assert docx_document(package(document(p("x"))), source="t").blocks
