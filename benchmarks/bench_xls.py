"""XLS (Excel 97–2003) reading against the least work xlrd does on the same file.

Run as a script for a table of figures (``python benchmarks/bench_xls.py``; needs the ``xls``
extra), or with pytest-benchmark: ``pytest benchmarks/bench_xls.py -p benchmark
--benchmark-only``.

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
from pathlib import Path
from typing import Any

import pytest
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


def main() -> None:
    """Print milliseconds and ratios for reading each workbook."""
    print(
        f"{'read':<6}{'bare ms':>9}{'document':>10}{'ratio':>7}{'read_xls':>10}{'ratio':>7}"
        f"{'read_xlsx':>11}"
    )
    for stem, data in SOURCES.items():
        (bare, _), (doc, doc_ratio), (full, full_ratio), (xlsx, _) = _paired(
            lambda d=data: bare_parse(d),  # type: ignore[misc]
            lambda d=data: read_xls_document(d),  # type: ignore[misc]
            lambda d=data: read_xls(d),  # type: ignore[misc]
            lambda d=ORIGINALS[stem]: read_xlsx(d),  # type: ignore[misc]
            rounds=10,
        )
        print(
            f"{stem:<6}{bare:>9.2f}{doc:>10.2f}{doc_ratio:>7.2f}{full:>10.2f}{full_ratio:>7.2f}"
            f"{xlsx:>11.2f}"
        )


@pytest.mark.parametrize("stem", list(SOURCES))
def test_read(benchmark: Any, stem: str) -> None:
    """Benchmark read_xls on one workbook."""
    benchmark(read_xls, SOURCES[stem])


@pytest.mark.parametrize("stem", list(SOURCES))
def test_read_bare(benchmark: Any, stem: str) -> None:
    """Benchmark xlrd's parse of the same workbook (the baseline)."""
    benchmark(bare_parse, SOURCES[stem])


if __name__ == "__main__":
    main()
