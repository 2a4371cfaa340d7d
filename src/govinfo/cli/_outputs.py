"""Writing ``govinfo batch`` results as JSONL, CSV or XLSX.

Layout (documented in docs/cli.md): for ``OUT.jsonl`` or ``OUT.csv`` the per-file rows go to
``OUT`` and the cells in long form to the sibling ``OUT.cells.jsonl``/``OUT.cells.csv``; an
``OUT.xlsx`` workbook holds two sheets, ``files`` and ``cells`` (continued in ``cells 2``, …
past Excel's row limit).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from govinfo.errors import UnsupportedFormatError, WriteError
from govinfo.frames import CELL_FIELDS
from govinfo.locations import Location

__all__ = ["BATCH_SUFFIXES", "CELL_COLUMNS", "FILE_COLUMNS", "cells_path", "write_tables"]

#: Columns of the per-file table.
FILE_COLUMNS = (
    "file",
    "organ",
    "year",
    "template",
    "status",
    "passed",
    "violations",
    "warnings",
    "unverifiable",
    "cells_read",
    "cells_inferred",
    "diagnostics",
    "error",
    "error_zh",
)
#: Columns of the long table of cells.
CELL_COLUMNS = ("file", "organ", "year", *CELL_FIELDS, "inferred")

Row = Sequence[Any]

#: Data rows per worksheet (Excel's limit of 1,048,576 rows, less the header).
SHEET_ROWS = 1_048_575


def cells_path(target: Path) -> Path:
    """The sibling file that holds the cells for a JSONL or CSV ``target``."""
    return target.with_name(f"{target.stem}.cells{target.suffix}")


def _plain(value: object) -> object:
    # Decimals stay exact as strings; JSON and CSV have no exact decimal type.
    return str(value) if isinstance(value, Decimal) else value


def _jsonl(path: Path, columns: Sequence[str], rows: Iterable[Row]) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for row in rows:
            record = {c: _plain(v) for c, v in zip(columns, row, strict=True)}
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _csv(path: Path, columns: Sequence[str], rows: Iterable[Row]) -> None:
    # utf-8-sig so that Excel, which most users of these reports open CSV with, reads Chinese.
    with path.open("w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(columns)
        writer.writerows([_plain(v) for v in row] for row in rows)


def _write_pair(
    write: Callable[[Path, Sequence[str], Iterable[Row]], None],
    target: Path,
    files: Iterable[Row],
    cells: Iterable[Row],
) -> list[Path]:
    write(target, FILE_COLUMNS, files)
    write(cells_path(target), CELL_COLUMNS, cells)
    return [target, cells_path(target)]


def _safe_cell(sheet: Any, value: object) -> object:
    from openpyxl.cell import WriteOnlyCell  # noqa: PLC0415 - only the xlsx output needs it

    if not isinstance(value, str):
        return _plain(value) if isinstance(value, Decimal) else value
    if not value.startswith("="):
        return value  # openpyxl takes only a leading "=" for a formula
    # A file or organ name starting with "=" must never become a formula in the workbook.
    cell = WriteOnlyCell(sheet, value=value)
    cell.data_type = "s"
    return cell


def _xlsx(target: Path, files: Iterable[Row], cells: Iterable[Row]) -> list[Path]:
    from openpyxl import Workbook  # noqa: PLC0415 - only the xlsx output needs it

    book = Workbook(write_only=True)
    for title, columns, rows in (("files", FILE_COLUMNS, files), ("cells", CELL_COLUMNS, cells)):
        sheet, part, used = None, 0, SHEET_ROWS
        for row in rows:
            if used == SHEET_ROWS:
                # A sheet holds at most 1,048,576 rows: a large corpus continues in
                # "cells 2", "cells 3", ... each with its own header row.
                part += 1
                sheet = book.create_sheet(title if part == 1 else f"{title} {part}")
                sheet.append(list(columns))
                used = 0
            assert sheet is not None
            sheet.append([_safe_cell(sheet, v) for v in row])
            used += 1
        if sheet is None:
            book.create_sheet(title).append(list(columns))
    book.save(target)
    return [target]


#: Output suffixes ``govinfo batch`` writes.
BATCH_SUFFIXES = (".jsonl", ".csv", ".xlsx")


def write_tables(target: Path, files: Iterable[Row], cells: Iterable[Row]) -> list[Path]:
    """Write the per-file rows and the long cells in the format ``target``'s suffix names.

    Returns:
        The paths written.

    Raises:
        UnsupportedFormatError: a suffix other than ``.jsonl``, ``.csv`` or ``.xlsx``.
        WriteError: a file cannot be written.
    """
    suffix = target.suffix.lower()
    try:
        if suffix == ".jsonl":
            return _write_pair(_jsonl, target, files, cells)
        if suffix == ".csv":
            return _write_pair(_csv, target, files, cells)
        if suffix == ".xlsx":
            return _xlsx(target, files, cells)
    except OSError as exc:
        raise WriteError(exc.strerror or str(exc), location=Location(source=str(target))) from exc
    raise UnsupportedFormatError(
        f"batch output must end in {', '.join(BATCH_SUFFIXES)}",
        location=Location(source=str(target)),
    )
