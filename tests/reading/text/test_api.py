"""``read`` tells DOCX from XLSX by the package's main part, whatever that part is called."""

from __future__ import annotations

import io
import zipfile

import pytest
from tests.conftest import FIXTURES

from govinfo.errors import UnsupportedFormatError
from govinfo.model.flat import flatten
from govinfo.reading.api import read
from govinfo.reading.docx import read_docx
from govinfo.reading.xlsx import read_xlsx


def _renamed(data: bytes, old: str, new: str) -> bytes:
    """The package with its main part ``old`` moved to ``new`` (content types, rels updated)."""
    out = io.BytesIO()
    old_rels = old.replace("/", "/_rels/", 1) + ".rels"
    new_rels = new.replace("/", "/_rels/", 1) + ".rels"
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w") as zout:
        for info in zin.infolist():
            body = zin.read(info.filename)
            name = {old: new, old_rels: new_rels}.get(info.filename, info.filename)
            if info.filename in ("[Content_Types].xml", "_rels/.rels"):
                text = body.decode("utf-8")
                body = text.replace("/" + old, "/" + new).replace(old, new).encode("utf-8")
            zout.writestr(name, body)
    return out.getvalue()


def test_docx_with_renamed_main_part() -> None:
    """A DOCX whose main part is not word/document.xml is read as DOCX."""
    data = (FIXTURES / "001_6936dc3b40e04b6e.docx").read_bytes()
    renamed = _renamed(data, "word/document.xml", "word/main.xml")
    assert "word/document.xml" not in zipfile.ZipFile(io.BytesIO(renamed)).namelist()
    result = read(renamed)
    assert flatten(result.report) == flatten(read_docx(data).report)


def test_xlsx_with_renamed_workbook() -> None:
    """An XLSX whose workbook part is not xl/workbook.xml is read as XLSX."""
    data = (FIXTURES / "001_6936dc3b40e04b6e.xlsx").read_bytes()
    renamed = _renamed(data, "xl/workbook.xml", "xl/book.xml")
    assert "xl/workbook.xml" not in zipfile.ZipFile(io.BytesIO(renamed)).namelist()
    assert flatten(read(renamed).report) == flatten(read_xlsx(data).report)


def test_other_zip_is_refused() -> None:
    """A zip that is neither still gets the clear refusal."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("readme.txt", "hello")
    with pytest.raises(UnsupportedFormatError, match="neither a Word"):
        read(out.getvalue())
