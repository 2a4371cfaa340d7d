"""Legacy and OpenDocument files: told apart by content, converted by LibreOffice when it is
there, and a clear error naming both ways out when it is not.

The conversion is tested with a fake ``soffice`` this test writes (it copies a prepared
.docx/.xlsx where LibreOffice would put its output), so the suite never needs LibreOffice.
"""

from __future__ import annotations

import shutil
import stat
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from govinfo.errors import ReadError, UnsupportedFormatError
from govinfo.reading import office
from govinfo.reading.api import read
from govinfo.reading.docx import read_docx
from govinfo.reading.office import kind_of, read_office
from govinfo.reading.xlsx import read_xlsx

DATA = Path(__file__).resolve().parents[2] / "data"
STEM = "004_402c59144089559f"
DOC = DATA / "office" / f"{STEM}.doc"
ODT = DATA / "office" / f"{STEM}.odt"
ODS = DATA / "office" / f"{STEM}.ods"
DOCX = DATA / "fixtures" / f"{STEM}.docx"
XLSX = DATA / "fixtures" / f"{STEM}.xlsx"

#: The fake soffice: finds --outdir and the input, writes <outdir>/<input stem>.<target>.
_FAKE = """#!{python}
import shutil, sys, time
args = sys.argv[1:]
mode = {mode!r}
if mode == "slow":
    time.sleep(30)
if mode == "fail":
    print("Error: source file could not be loaded", file=sys.stderr)
    sys.exit(1)
target = args[args.index("--convert-to") + 1]
outdir = args[args.index("--outdir") + 1]
source = args[-1]
stem = source.rsplit("/", 1)[-1].rsplit(".", 1)[0]
import os
os.makedirs(outdir, exist_ok=True)
shutil.copy({{"docx": {docx!r}, "xlsx": {xlsx!r}}}[target], f"{{outdir}}/{{stem}}.{{target}}")
"""

Install = Callable[[str], Path]


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Install:
    """Put a fake ``soffice`` (behaving as ``mode`` says) alone on PATH."""

    def install(mode: str) -> Path:
        folder = tmp_path / "bin"
        folder.mkdir(exist_ok=True)
        script = folder / "soffice"
        script.write_text(
            _FAKE.format(python=sys.executable, mode=mode, docx=str(DOCX), xlsx=str(XLSX)),
            encoding="utf-8",
        )
        script.chmod(script.stat().st_mode | stat.S_IEXEC)
        monkeypatch.setenv("PATH", str(folder))
        return script

    return install


def test_kinds_by_content() -> None:
    """The OLE2 directory tells .doc from .xls; the mimetype member tells .odt from .ods."""
    assert kind_of(DOC.read_bytes(), source="d") == "doc"
    assert kind_of(ODT.read_bytes(), source="t") == "odt"
    assert kind_of(ODS.read_bytes(), source="s") == "ods"
    assert kind_of(next((DATA / "xls").glob("*.xls")).read_bytes(), source="x") == "xls"
    assert kind_of(DOCX.read_bytes(), source="x") is None
    assert kind_of(b"plain text", source="x") is None


def test_other_ole_files_are_unsupported() -> None:
    """An OLE2 file with neither a workbook nor a Word stream is named for what it is."""
    empty = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1024)
    with pytest.raises(UnsupportedFormatError, match="neither an Excel workbook"):
        read(empty, name="x.doc")


@pytest.mark.parametrize("path", [DOC, ODT, ODS], ids=["doc", "odt", "ods"])
def test_without_libreoffice_both_ways_out(
    path: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """No soffice on PATH: an UnsupportedFormatError saying to save as .docx/.xlsx or to
    install LibreOffice."""
    monkeypatch.setenv("PATH", str(tmp_path))
    assert shutil.which("soffice") is None
    with pytest.raises(UnsupportedFormatError) as caught:
        read(path)
    message = str(caught.value)
    assert "Save As" in message
    assert "install LibreOffice" in message
    assert str(path) in message


def test_without_libreoffice_by_which(monkeypatch: pytest.MonkeyPatch) -> None:
    """The same when shutil.which finds nothing (however PATH is set)."""
    monkeypatch.setattr(office.shutil, "which", lambda name: None)
    with pytest.raises(UnsupportedFormatError, match=r"save it as \.docx"):
        read_office(DOC)


@pytest.mark.parametrize(
    ("path", "original", "reader"),
    [(DOC, DOCX, read_docx), (ODT, DOCX, read_docx), (ODS, XLSX, read_xlsx)],
    ids=["doc", "odt", "ods"],
)
def test_converted_and_read(
    path: Path, original: Path, reader: Callable[..., object], fake_soffice: Install
) -> None:
    """With soffice on PATH the file is converted and read; a diagnostic records it."""
    script = fake_soffice("ok")
    result = read(path)
    expected = read_docx(original) if reader is read_docx else read_xlsx(original)
    assert result.report == expected.report
    first = result.diagnostics[0]
    assert first.code == "converted-by-libreoffice"
    assert str(script) in first.message
    assert result.source == str(path)
    assert [d.code for d in result.diagnostics[1:]] == [d.code for d in expected.diagnostics]


def test_conversion_failure_is_a_read_error(fake_soffice: Install) -> None:
    """LibreOffice exiting without output is a ReadError with what it said."""
    fake_soffice("fail")
    with pytest.raises(ReadError, match="could not be loaded"):
        read(DOC)


def test_conversion_time_limit(fake_soffice: Install, monkeypatch: pytest.MonkeyPatch) -> None:
    """A conversion that does not finish within the limit is stopped: a ReadError."""
    fake_soffice("slow")
    monkeypatch.setattr(office, "CONVERT_TIMEOUT", 0.5)
    with pytest.raises(ReadError, match=r"within 0\.5 s"):
        read(DOC)
