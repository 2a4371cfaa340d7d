"""Reading and writing reports by file suffix, for every command.

Strategy: reading goes through ``govinfo.reading.api.read`` (which picks the reader from the
content and suffix); JSON, which is govinfo's own serialisation rather than a report format,
is handled here. Writers are imported on use so that ``govinfo check`` never loads openpyxl.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import attrs

from govinfo.convert import from_json, to_json
from govinfo.errors import GovInfoError, ReadError, UnsupportedFormatError, WriteError
from govinfo.locations import Location
from govinfo.model.report import AnnualReport
from govinfo.reading.result import Diagnostic, ReadResult

__all__ = [
    "WRITE_SUFFIXES",
    "WriteOptions",
    "diagnostic_line",
    "read_file",
    "read_or_say",
    "write_file",
]


@attrs.frozen(kw_only=True)
class WriteOptions:
    """What ``govinfo convert`` may ask of a writer; formats ignore what they cannot do.

    Attributes:
        highlight: embed the check (XML) or colour the cells of broken rules (XLSX).
        formulas: write totals as live formulas (XLSX).
    """

    highlight: bool = False
    formulas: bool = False


def read_file(path: Path) -> ReadResult:
    """Read one report file: govinfo JSON by its suffix, anything else as ``govinfo.read()``
    does (which picks the reader by content, then suffix).

    Raises:
        ReadError: the file cannot be opened or holds no report (``GovInfoError`` subclasses
            from the readers pass through).
    """
    name = str(path)
    if path.suffix.lower() == ".json":
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise _unopened(exc, name) from exc
        return ReadResult(report=from_json(data), source=name)
    from govinfo.reading.api import read  # noqa: PLC0415 - imports the reader registry

    try:
        return read(path)
    except OSError as exc:
        raise _unopened(exc, name) from exc


def _unopened(exc: OSError, name: str) -> ReadError:
    reason = exc.strerror or str(exc)
    return ReadError(reason, location=Location(source=name), message_zh=f"无法打开文件（{reason}）")


def read_or_say(path: Path, err: TextIO, lang: str = "en") -> ReadResult | None:
    """Read ``path``, or print why it cannot be read (in ``lang``) to ``err`` and return
    ``None``."""
    try:
        return read_file(path)
    except GovInfoError as exc:
        print(exc.text(lang), file=err)
        return None


def diagnostic_line(name: str, diagnostic: Diagnostic, lang: str = "en") -> str:
    """``FILE:LOCATION: severity: [code] message``, the form every command prints, with the
    severity and the message in ``lang``."""
    where = diagnostic.location.with_source(None).text(lang) if diagnostic.location else ""
    severity = diagnostic.severity.text(lang)
    return f"{name}:{where}: {severity}: [{diagnostic.code}] {diagnostic.text(lang)}"


def _xlsx(report: AnnualReport, path: Path, options: WriteOptions) -> None:
    from govinfo.writing.xlsx import write_xlsx  # noqa: PLC0415 - loads openpyxl

    highlight = report.check() if options.highlight else None
    write_xlsx(report, path, formulas=options.formulas, highlight=highlight)


def _xml(report: AnnualReport, path: Path, options: WriteOptions) -> None:
    from govinfo.writing.xml import write_xml  # noqa: PLC0415 - loads lxml

    path.write_bytes(write_xml(report, check=report.check() if options.highlight else None))


def _json(report: AnnualReport, path: Path, options: WriteOptions) -> None:
    path.write_text(to_json(report, indent=1) + "\n", encoding="utf-8")


def _text(report: AnnualReport, path: Path, options: WriteOptions) -> None:
    from govinfo.writing.text import write_text  # noqa: PLC0415 - symmetric with the others

    path.write_text(write_text(report), encoding="utf-8")


#: The writer of each output suffix.
WRITE_SUFFIXES: dict[str, Callable[[AnnualReport, Path, WriteOptions], None]] = {
    ".xlsx": _xlsx,
    ".xml": _xml,
    ".json": _json,
    ".txt": _text,
}


def write_file(report: AnnualReport, path: Path, options: WriteOptions | None = None) -> None:
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
        writer(report, path, options or WriteOptions())
    except OSError as exc:
        raise WriteError(exc.strerror or str(exc), location=Location(source=str(path))) from exc
