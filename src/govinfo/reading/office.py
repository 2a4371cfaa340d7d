"""Legacy and OpenDocument office files: tell them apart, and read them through LibreOffice.

Strategy: a legacy Office file is an OLE2 compound file (signature ``D0 CF 11 E0``) whose
directory names its streams: ``Workbook``/``Book`` is an Excel 97–2003 workbook (read by the
``xls`` front end), ``WordDocument`` a Word 97–2003 or WPS Writer document, and
``EncryptedPackage`` a password-protected OOXML file. An OpenDocument file is a zip whose
``mimetype`` member names it. govinfo parses neither ``.doc`` nor OpenDocument itself: when
LibreOffice's ``soffice`` is on PATH, the file is converted to ``.docx``/``.xlsx`` in a
temporary directory, under a time limit, and that is read, with a diagnostic that says so.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import struct
import subprocess
import tempfile
from pathlib import Path
from typing import BinaryIO

import attrs

from govinfo._safe import load_source, open_zip, sniff
from govinfo.diagnostics import Text, diagnostic
from govinfo.errors import ReadError, UnsupportedFormatError
from govinfo.locations import Location
from govinfo.reading.docx import read_docx
from govinfo.reading.result import ReadResult
from govinfo.reading.xlsx import read_xlsx

__all__ = ["CONVERT_TIMEOUT", "Kind", "kind_of", "read_office"]

#: Seconds LibreOffice may take to convert one file.
CONVERT_TIMEOUT = 120.0

#: What :func:`kind_of` tells: the file's kind, as the suffix it would have.
Kind = str

_OLE_STREAMS = {"Workbook": "xls", "Book": "xls", "WordDocument": "doc", "EncryptedPackage": ""}
_ODF = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
}
#: What each convertible kind becomes, and a name for people.
_TARGETS = {
    "doc": ("docx", Text(zh="Word 97–2003 或 WPS 文档", en="a Word 97–2003 or WPS document")),
    "odt": ("docx", Text(zh="OpenDocument 文本", en="an OpenDocument text")),
    "ods": ("xlsx", Text(zh="OpenDocument 电子表格", en="an OpenDocument spreadsheet")),
    "xls": (
        "xlsx",
        Text(zh="Excel 97–2003 或 WPS 电子表格", en="an Excel 97–2003 or WPS spreadsheet"),
    ),
}
#: The kind of each suffix, for when the content does not tell.
_BY_SUFFIX = {"doc": "doc", "wps": "doc", "odt": "odt", "ods": "ods", "et": "xls", "xls": "xls"}
_DIRECTORY_ENTRY = 128
_STREAM = 2


def _ole_streams(data: bytes) -> set[str]:
    """The known stream names in an OLE2 file's directory.

    Directory entries are 128 bytes, aligned to 128 after the 512-byte header: a UTF-16LE
    name, its length in bytes (terminator included) at offset 64, and the entry type at 66.
    Searching for the names keeps this short and cannot be misled by a matching name in a
    stream's data, which would have to repeat the length and type at the entry's alignment.
    """
    found = set()
    for name in _OLE_STREAMS:
        encoded = name.encode("utf-16-le") + b"\0\0"
        start = data.find(encoded, 512)
        while start != -1:
            if start % _DIRECTORY_ENTRY == 0 and len(data) >= start + 67:
                (length,) = struct.unpack_from("<H", data, start + 64)
                if length == len(encoded) and data[start + 66] == _STREAM:
                    found.add(name)
                    break
            start = data.find(encoded, start + 1)
    return found


def kind_of(data: bytes, *, source: str) -> Kind | None:
    """``xls``, ``doc``, ``odt`` or ``ods`` for a legacy or OpenDocument file, else ``None``.

    Raises:
        UnsupportedFormatError: an OLE2 file that is password-protected or holds neither a
            workbook nor a Word document (PowerPoint, Outlook, …).
    """
    kind = sniff(data)
    if kind == "ole":
        streams = _ole_streams(data)
        for name in ("Workbook", "Book", "WordDocument"):
            if name in streams:
                return _OLE_STREAMS[name]
        what = (
            "a password-protected Office file; save it without a password and read that"
            if "EncryptedPackage" in streams
            else "an OLE2 file that holds neither an Excel workbook nor a Word document"
        )
        raise UnsupportedFormatError(what, location=Location(source=source))
    if kind == "zip":
        archive = open_zip(data, source=source)
        if "mimetype" in archive:
            return _ODF.get(archive.read("mimetype").strip())
    return None


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _convert(soffice: str, data: bytes, kind: Kind, target: str, where: Location) -> bytes:
    with tempfile.TemporaryDirectory(prefix="govinfo-") as tmp:
        folder = Path(tmp)
        source = folder / f"source.{kind}"
        source.write_bytes(data)
        command = [
            soffice,
            # a profile of its own, so that a LibreOffice the user has open does not interfere
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--convert-to",
            target,
            "--outdir",
            str(folder / "out"),
            str(source),
        ]
        try:
            # A session of its own: soffice is a script that starts soffice.bin, and on a
            # timeout the whole group must go, not only the script.
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                start_new_session=True,
            )
        except OSError as exc:
            raise ReadError(f"cannot run {soffice}: {exc}", location=where) from exc
        try:
            out, err = process.communicate(timeout=CONVERT_TIMEOUT)
        except subprocess.TimeoutExpired as exc:
            with contextlib.suppress(ProcessLookupError):
                if hasattr(os, "killpg"):  # POSIX: the session's whole process group
                    os.killpg(process.pid, signal.SIGKILL)
                else:
                    process.kill()
            process.communicate()
            raise ReadError(
                f"LibreOffice did not convert the file to .{target} within {CONVERT_TIMEOUT:g} s",
                location=where,
            ) from exc
        result = folder / "out" / f"source.{target}"
        if not result.is_file():
            said = (err or out).decode("utf-8", "replace").strip()[-300:]
            raise ReadError(
                f"LibreOffice could not convert the file to .{target} "
                f"(exit status {process.returncode}{': ' + said if said else ''})",
                location=where,
            )
        return result.read_bytes()


def read_office(
    source: str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO,
    *,
    name: str | None = None,
) -> ReadResult:
    """Read a ``.doc``/``.wps``/``.odt`` document or an ``.ods``/``.et`` spreadsheet.

    The file is converted by LibreOffice (``soffice`` on PATH) to ``.docx`` or ``.xlsx`` in a
    temporary directory, within :data:`CONVERT_TIMEOUT` seconds, and that is read; the first
    diagnostic (``converted-by-libreoffice``) says so, and locations refer to the converted
    document's tables, rows and cells.

    Args:
        source: the file as bytes, a path (``str`` or ``os.PathLike``), or a binary file.
        name: the name to use in locations and messages (default: the path, or ``<bytes>``).

    Raises:
        UnsupportedFormatError: LibreOffice is not installed (the message says both ways
            out: save the file as .docx/.xlsx, or install LibreOffice), or the file is not a
            kind LibreOffice is asked to convert.
        ReadError: the conversion failed or timed out, or the converted file cannot be read.
        NotAReportError: the document holds no report.
    """
    data, display = load_source(source, name=name)
    where = Location(source=display)
    suffix = os.path.splitext(display)[1].lower().lstrip(".")
    kind = kind_of(data, source=display) or _BY_SUFFIX.get(suffix)
    if kind is None:
        raise UnsupportedFormatError(
            "not a .doc, .wps, .odt, .ods or .et file LibreOffice could convert",
            location=where,
        )
    target, what = _TARGETS[kind]
    soffice = _soffice()
    if soffice is None:
        raise UnsupportedFormatError(
            f"this is {what}, which govinfo reads only after converting it: save it as "
            f".{target} (File > Save As in Word, WPS or LibreOffice) and read that, or install "
            f"LibreOffice so that `soffice` is on PATH and govinfo converts it itself",
            location=where,
            message_zh=f"这是{what.zh}，govinfo 只能在转换后读取：请另存为 .{target}"
            "（在 Word、WPS 或 LibreOffice 中“另存为”）后读取，或安装 LibreOffice"
            "（使 `soffice` 在 PATH 中），由 govinfo 自行转换",
        )
    converted = _convert(soffice, data, kind, target, where)
    if target == "docx":
        result = read_docx(converted, name=display)
    else:
        result = read_xlsx(converted, name=display)
    note = diagnostic(
        "converted-by-libreoffice", what=what, target=target, soffice=soffice, location=where
    )
    return attrs.evolve(result, diagnostics=(note, *result.diagnostics))
