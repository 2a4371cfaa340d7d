"""Reports as pandas data frames (the optional ``pandas`` extra).

Importing this module does not import pandas; :func:`to_frame` does, and says how to install
it when it is missing. :func:`long_rows` needs no pandas and is what ``govinfo batch`` writes.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from govinfo.errors import UnsupportedFormatError
from govinfo.model.catalogue import LEGACY_PREFIX, cell_spec
from govinfo.model.flat import CellValue, flatten
from govinfo.model.report import AnnualReport
from govinfo.reading.result import ReadResult
from govinfo.templates import ValueKind

__all__ = ["CELL_FIELDS", "LONG_COLUMNS", "WIDE_COLUMNS", "long_rows", "to_frame"]

#: The fields of :func:`long_rows`: a cell's address, its parts, and its value.
CELL_FIELDS = ("address", "table", "row", "column", "value")

#: The columns of the long form, in order (as ``govinfo batch``'s cells table, with the file
#: in ``source`` and the template added).
LONG_COLUMNS = ("source", "organ", "year", "template", *CELL_FIELDS, "inferred")

#: The columns of the wide form before the addresses.
WIDE_COLUMNS = ("source", "organ", "year", "template")

#: A cell in long form: address, table, row, column (``None`` for a legacy statistic), value.
LongRow = tuple[str, str, str, str | None, CellValue]


def long_rows(report: AnnualReport) -> Iterator[LongRow]:
    """Every cell of ``report`` as ``(address, table, row, column, value)``, in print order.

    Unstated cells are included with the value ``None``. A ``legacy_2008`` statistic
    ``legacy.<key>`` has table ``legacy``, row ``<key>`` and no column.
    """
    for address, value in flatten(report).items():
        if address.startswith(LEGACY_PREFIX):
            yield address, "legacy", address[len(LEGACY_PREFIX) :], None, value
        else:
            table, row, column = address.split(".")
            yield address, table, row, column, value


def _import_pandas() -> Any:
    # Imported by name on use: pandas is an optional extra and ships no type information.
    try:
        return importlib.import_module("pandas")
    except ImportError as exc:
        raise UnsupportedFormatError(
            'data frames need pandas: pip install "govinfo[pandas]"'
        ) from exc


def _readings(
    items: Iterable[AnnualReport | ReadResult] | AnnualReport | ReadResult,
) -> list[ReadResult]:
    """Every item as a reading: a bare report has no source and nothing inferred."""
    if isinstance(items, (AnnualReport, ReadResult)):
        items = [items]
    return [i if isinstance(i, ReadResult) else ReadResult(report=i) for i in items]


def to_frame(
    reports: Iterable[AnnualReport | ReadResult] | AnnualReport | ReadResult,
    *,
    wide: bool = False,
) -> Any:
    """Reports as a pandas ``DataFrame``, in long form (one row per cell) or wide form.

    Long form has the columns ``source, organ, year, template, address, table, row, column,
    value, inferred``, one row per cell of each report (unstated cells have ``value``
    ``None``; counts are ``int``, amounts exact ``Decimal``). ``source`` is the file a
    reading came from (``ReadResult.source``; ``None`` for a bare report) and ``inferred`` is
    true for a cell the reader filled by inference rather than read. Wide form has one row
    per report: ``source, organ, year, template``, then one column per address in print
    order; count columns use pandas' nullable ``Int64`` so an unstated cell stays ``<NA>``
    rather than becoming 0.

    Args:
        reports: reports (or results of ``govinfo.read``), or a single one.
        wide: one row per report instead of one row per cell.

    Raises:
        UnsupportedFormatError: pandas is not installed (``pip install "govinfo[pandas]"``).

    Example:
        >>> df = to_frame(reports)                               # doctest: +SKIP
        >>> df[df.address == "applications.new_received.total"]  # doctest: +SKIP
    """
    pd = _import_pandas()
    readings = _readings(reports)
    items = [r.report for r in readings]
    if not wide:
        names: list[str] = list(LONG_COLUMNS)
        rows: list[tuple[object, ...]] = []
        for reading in readings:
            r = reading.report
            filled = {f.address for f in reading.inferred}
            head = (reading.source, r.organ, r.year, str(r.template))
            rows += [(*head, *row, row[0] in filled) for row in long_rows(r)]
        return _frame(pd, names, rows, integer=["year"], boolean=["inferred"])
    addresses: dict[str, None] = {}
    cells = [flatten(r) for r in items]
    for c in cells:
        addresses.update(dict.fromkeys(c))
    names = [*WIDE_COLUMNS, *addresses]
    rows = [
        (reading.source, r.organ, r.year, str(r.template), *(c.get(a) for a in addresses))
        for reading, r, c in zip(readings, items, cells, strict=True)
    ]
    integer = ["year", *(a for a in addresses if _is_integer(items, a))]
    return _frame(pd, names, rows, integer=integer)


def _frame(
    pd: Any,
    names: list[str],
    rows: Sequence[tuple[object, ...]],
    *,
    integer: list[str],
    boolean: Sequence[str] = (),
) -> Any:
    # Column by column with object dtype: pandas would otherwise turn None into NaN and
    # exact Decimals into floats. Integer columns become nullable Int64 (None -> <NA>).
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(names)
    dtypes = {**dict.fromkeys(integer, "Int64"), **dict.fromkeys(boolean, "bool")}
    return pd.DataFrame(
        {
            n: pd.array(list(v), dtype=dtypes[n])
            if n in dtypes
            else pd.Series(list(v), dtype=object)
            for n, v in zip(names, columns, strict=True)
        }
    )


def _is_integer(reports: list[AnnualReport], address: str) -> bool:
    if address.startswith(LEGACY_PREFIX):
        return all(type(r.legacy.get(address[len(LEGACY_PREFIX) :], 0)) is int for r in reports)
    kinds = {spec.kind for r in reports if (spec := cell_spec(r.template, address)) is not None}
    return bool(kinds) and ValueKind.AMOUNT not in kinds
