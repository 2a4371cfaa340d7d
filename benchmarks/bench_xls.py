"""XLS (Excel 97–2003) reading against the least work xlrd does on the same file.

Run as a script for a table of figures (``python benchmarks/bench_xls.py``; needs the ``xls``
extra).

For each workbook of ``tests/data/xls`` (the shared XLSX fixtures saved as .xls):

* baseline: ``xlrd.open_workbook(file_contents=…, formatting_info=True)``, the parse the
  reader needs (values, formats for borders, merged ranges);
* ``read_xls_document``: govinfo's front end alone (the neutral document);
* ``read_xls``: front end plus the shared interpreter;
* ``read_xlsx`` on the XLSX the workbook was saved from, for scale.

Ratios are medians of paired rounds in CPU time (``bench_xlsx._paired``).
"""

from __future__ import annotations

import io
from functools import partial
from pathlib import Path

import xlrd
from bench_xlsx import _paired

from govinfo.reading.xls import read_xls, read_xls_document
from govinfo.reading.xlsx import read_xlsx

ROOT = Path(__file__).resolve().parent.parent
XLS = ROOT / "tests" / "data" / "xls"
FIXTURES = ROOT / "tests" / "data" / "fixtures"
SOURCES = {path.stem[:3]: path.read_bytes() for path in sorted(XLS.glob("*.xls"))}
ORIGINALS = {path.stem[:3]: path.read_bytes() for path in sorted(FIXTURES.glob("*.xlsx"))}


def bare_parse(data: bytes) -> None:
    """xlrd's parse with formatting (borders and merges): the baseline of reading."""
    xlrd.open_workbook(file_contents=data, formatting_info=True, logfile=io.StringIO())


#: The printed columns: heading, width and number format.
COLUMNS = (
    ("read", 6, ""),
    ("bare ms", 9, ".2f"),
    ("document", 10, ".2f"),
    ("ratio", 7, ".2f"),
    ("read_xls", 10, ".2f"),
    ("ratio", 7, ".2f"),
    ("read_xlsx", 11, ".2f"),
)


def figures(stem: str) -> tuple[object, ...]:
    """One workbook's row: best ms of each reader and the front ends' ratios to xlrd."""
    data = SOURCES[stem]
    timings = _paired(
        partial(bare_parse, data),
        partial(read_xls_document, data),
        partial(read_xls, data),
        partial(read_xlsx, ORIGINALS[stem]),  # the .xlsx the workbook was saved from
        rounds=10,
    )
    (bare, _), (doc, doc_ratio), (full, full_ratio), (xlsx, _) = timings
    return stem, bare, doc, doc_ratio, full, full_ratio, xlsx


def _line(values: tuple[object, ...], *, heading: bool = False) -> str:
    """Values laid out in :data:`COLUMNS`: the first left-aligned, the rest right-aligned."""
    cells = []
    for value, (_, width, fmt) in zip(values, COLUMNS, strict=True):
        if not fmt:
            cells.append(f"{value:<{width}}")
        else:
            cells.append(f"{value:>{width}}" if heading else f"{value:>{width}{fmt}}")
    return "".join(cells)


def main() -> None:
    """Print milliseconds and ratios for reading each workbook."""
    print(_line(tuple(name for name, _, _ in COLUMNS), heading=True))
    for stem in SOURCES:
        print(_line(figures(stem)))


if __name__ == "__main__":
    main()
