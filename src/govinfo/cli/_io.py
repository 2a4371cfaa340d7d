"""Reading and writing reports by file suffix, for every command.

Strategy: reading goes through ``govinfo.reading.api.read`` (which picks the reader from the
content and suffix); JSON, which is govinfo's own serialisation rather than a report format,
is handled here. Writers are imported on use so that ``govinfo check`` never loads openpyxl.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from govinfo.convert import from_json, to_json
from govinfo.errors import ReadError, UnsupportedFormatError, WriteError
from govinfo.locations import Location
from govinfo.model.report import AnnualReport
from govinfo.reading.result import ReadResult

__all__ = ["READ_SUFFIXES", "WRITE_SUFFIXES", "read_file", "write_file"]

#: Suffixes ``govinfo batch`` picks up in a directory.
READ_SUFFIXES = (".txt", ".docx", ".xlsx", ".xml", ".json")


def _function(module: str, name: str) -> Callable[..., Any]:
    # Readers and writers load on use: ``govinfo check`` never imports openpyxl for a .txt.
    function: Callable[..., Any] = getattr(importlib.import_module(module), name)
    return function


def read_file(path: Path) -> ReadResult:
    """Read one report file of any supported format.

    Raises:
        ReadError: the file cannot be opened or holds no report (``GovInfoError`` subclasses
            from the readers pass through).
    """
    name = str(path)
    if path.suffix.lower() == ".json":
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ReadError(exc.strerror or str(exc), location=Location(source=name)) from exc
        return ReadResult(report=from_json(data), source=name)
    from govinfo.reading.api import read  # noqa: PLC0415 - imports the reader registry

    try:
        return read(path)
    except OSError as exc:
        raise ReadError(exc.strerror or str(exc), location=Location(source=name)) from exc


def _xlsx(report: AnnualReport, path: Path) -> None:
    _function("govinfo.writing.xlsx", "write_xlsx")(report, path)


def _xml(report: AnnualReport, path: Path) -> None:
    path.write_bytes(_function("govinfo.writing.xml", "write_xml")(report))


def _json(report: AnnualReport, path: Path) -> None:
    path.write_text(to_json(report, indent=1) + "\n", encoding="utf-8")


def _text(report: AnnualReport, path: Path) -> None:
    path.write_text(_function("govinfo.writing.text", "write_text")(report), encoding="utf-8")


#: The writer of each output suffix.
WRITE_SUFFIXES: dict[str, Callable[[AnnualReport, Path], None]] = {
    ".xlsx": _xlsx,
    ".xml": _xml,
    ".json": _json,
    ".txt": _text,
}


def write_file(report: AnnualReport, path: Path) -> None:
    """Write ``report`` to ``path`` in the format its suffix names.

    Raises:
        UnsupportedFormatError: the suffix is not one of :data:`WRITE_SUFFIXES`.
        WriteError: the file cannot be written.
    """
    writer = WRITE_SUFFIXES.get(path.suffix.lower())
    if writer is None:
        raise UnsupportedFormatError(
            f"cannot write {path.suffix or 'files without a suffix'}; "
            f"use one of {', '.join(WRITE_SUFFIXES)}",
            location=Location(source=str(path)),
        )
    try:
        writer(report, path)
    except OSError as exc:
        raise WriteError(exc.strerror or str(exc), location=Location(source=str(path))) from exc
