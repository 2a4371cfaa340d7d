"""The workbook as a package: fixed dates for identical bytes, and the reader's limits.

Strategy: openpyxl writes the parts; this module only zips them with one fixed date (two writes
of one report give the same bytes) and then opens the result with the reader's own safety edge
(:func:`govinfo._safe.open_zip`), so a workbook govinfo writes is one govinfo reads: a
report too large for the reader's limits is refused here, with a ``WriteError`` that says which.
"""

from __future__ import annotations

import io
import os
import zipfile

from openpyxl import Workbook
from openpyxl.writer.excel import ExcelWriter

from govinfo._safe import MAX_SOURCE_BYTES, open_zip
from govinfo.errors import UnsafeInputError, WriteError
from govinfo.locations import Location

__all__ = ["package"]

_EPOCH = (1980, 1, 1, 0, 0, 0)


class _FixedZip(zipfile.ZipFile):
    """A zip archive whose entries all carry one fixed date, for byte-identical output."""

    def writestr(  # type: ignore[override]
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: bytes | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(  # type: ignore[override]
        self,
        filename: str | os.PathLike[str],
        arcname: str | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # openpyxl streams each worksheet through a temporary file; its mtime must not leak
        with open(filename, "rb") as handle:
            data = handle.read()
        self.writestr(arcname or os.fspath(filename), data, compress_type, compresslevel)


def package(book: Workbook) -> bytes:
    """The workbook's bytes, checked against the reader's limits.

    Raises:
        WriteError: the workbook would be refused by govinfo's reader (too large, or a part
            compressing past the zip-bomb ratio).
    """
    buffer = io.BytesIO()
    archive = _FixedZip(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True)
    ExcelWriter(book, archive).save()
    data = buffer.getvalue()
    where = Location(source="<workbook>")
    if len(data) > MAX_SOURCE_BYTES:
        raise WriteError(
            f"the workbook would be {len(data)} bytes, over the readers' limit of "
            f"{MAX_SOURCE_BYTES}",
            location=where,
        )
    try:
        open_zip(data, source="<workbook>")
    except UnsafeInputError as exc:
        raise WriteError(
            f"the workbook would be refused by govinfo's reader: {exc.message}", location=where
        ) from exc
    return data
