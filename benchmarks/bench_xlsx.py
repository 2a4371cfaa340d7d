"""XLSX reading and writing against the least work the same libraries do on the same file.

Run as a script for a table of figures (``python benchmarks/bench_xlsx.py``), or with
pytest-benchmark: ``pytest benchmarks/bench_xlsx.py -p benchmark --benchmark-only``.

Reading (each LibreOffice fixture of ``tests/data/fixtures`` and govinfo's own workbook of the
seed 001 report):

* baseline: ``zipfile`` opens the archive and lxml parses the parts a reader needs (workbook,
  its relationships, shared strings, styles, every sheet). Target: govinfo <= 2x.
* ``read_xlsx_document``: govinfo's front end alone (the neutral document);
* ``read_xlsx``: front end plus the shared interpreter (labels, inference, checks);
* openpyxl's ``load_workbook`` (the mode that keeps merged cells), for scale.

Writing (the seed 001 report): baseline is openpyxl alone writing the same values at the same
places, with the same merged ranges, to the same kind of stream; govinfo adds styles, the key
column, number formats, page setup and fixed zip dates. Target: govinfo <= 1.5x.
"""

from __future__ import annotations

import io
import json
import time
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from lxml import etree

from govinfo.model.flat import unflatten
from govinfo.model.report import AnnualReport
from govinfo.reading.xlsx import read_xlsx, read_xlsx_document
from govinfo.writing.xlsx import xlsx_bytes

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "data" / "fixtures"


def _seed_report() -> AnnualReport:
    data: dict[str, Any] = json.loads(
        (ROOT / "tests" / "data" / "001_6936dc3b40e04b6e.json").read_text(encoding="utf-8")
    )
    cells = {k: Decimal(v) if isinstance(v, str) else v for k, v in data["cells"].items()}
    return unflatten(cells, template=data["template"], organ=data["organ"], year=data["year"])


REPORT = _seed_report()
OWN = xlsx_bytes(REPORT)
SOURCES = {path.stem[:3]: path.read_bytes() for path in sorted(FIXTURES.glob("*.xlsx"))}
SOURCES["own"] = OWN


def bare_parse(data: bytes) -> None:
    """zipfile + lxml over the parts a reader needs: the baseline of reading."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    for name in archive.namelist():
        if name.startswith("xl/") and name.endswith((".xml", ".rels")) and "theme" not in name:
            etree.fromstring(archive.read(name))


def openpyxl_load(data: bytes) -> None:
    """openpyxl's full load, which keeps merged cells."""
    openpyxl.load_workbook(io.BytesIO(data))


def _layout(data: bytes) -> list[tuple[str, list[tuple[int, int, object]], list[str]]]:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return [
        (
            ws.title,
            [
                (c.row, c.column, c.value)
                for row in ws.iter_rows()
                for c in row
                if c.value is not None
            ],
            [str(r) for r in ws.merged_cells.ranges],
        )
        for ws in book.worksheets
    ]


LAYOUT = _layout(OWN)


def bare_write() -> bytes:
    """openpyxl alone writing the same values and merged ranges: the baseline of writing."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, cells, merges in LAYOUT:
        ws = book.create_sheet(title)
        for row, col, value in cells:
            ws.cell(row=row, column=col, value=value)
        for ref in merges:
            ws.merge_cells(ref)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _paired(
    baseline: Callable[[], object], *others: Callable[[], object], rounds: int = 15, number: int = 3
) -> list[tuple[float, float]]:
    """Per function: (best ms per call, median ratio to the baseline over paired rounds).

    Each round times the baseline and every other function back to back, each ``number``
    times, in CPU time of this process: a busy shared machine slows both sides of a ratio
    alike and other processes' work is not counted.
    """
    functions = (baseline, *others)
    for function in functions:
        function()
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(rounds):
        for index, function in enumerate(functions):
            start = time.process_time()
            for _ in range(number):
                function()
            times[index].append((time.process_time() - start) / number)
    result = []
    for series in times:
        ratios = sorted(t / b for t, b in zip(series, times[0], strict=True))
        result.append((min(series) * 1e3, ratios[len(ratios) // 2]))
    return result


def main() -> None:
    """Print milliseconds and ratios for reading each workbook and for writing one report."""
    print(
        f"{'read':<6}{'bare ms':>9}{'document':>10}{'ratio':>7}{'read_xlsx':>11}{'ratio':>7}"
        f"{'openpyxl':>10}{'ratio':>7}"
    )
    for stem, data in SOURCES.items():
        (bare, _), (doc, doc_ratio), (full, full_ratio), (heavy, heavy_ratio) = _paired(
            lambda d=data: bare_parse(d),  # type: ignore[misc]
            lambda d=data: read_xlsx_document(d),  # type: ignore[misc]
            lambda d=data: read_xlsx(d),  # type: ignore[misc]
            lambda d=data: openpyxl_load(d),  # type: ignore[misc]
            rounds=10,
        )
        print(
            f"{stem:<6}{bare:>9.2f}{doc:>10.2f}{doc_ratio:>7.2f}{full:>11.2f}{full_ratio:>7.2f}"
            f"{heavy:>10.2f}{heavy_ratio:>7.1f}"
        )
    (bare, _), (own, own_ratio), (formulas, formulas_ratio) = _paired(
        bare_write, lambda: xlsx_bytes(REPORT), lambda: xlsx_bytes(REPORT, formulas=True)
    )
    print(
        f"write: openpyxl alone {bare:.2f} ms, write_xlsx {own:.2f} ms ({own_ratio:.2f}x), "
        f"with formulas {formulas:.2f} ms ({formulas_ratio:.2f}x)"
    )


@pytest.mark.parametrize("stem", list(SOURCES))
def test_read_document(benchmark: Any, stem: str) -> None:
    """Benchmark the front end on one workbook."""
    benchmark(read_xlsx_document, SOURCES[stem])


@pytest.mark.parametrize("stem", list(SOURCES))
def test_read_bare(benchmark: Any, stem: str) -> None:
    """Benchmark zipfile + lxml on the same parts (the baseline)."""
    benchmark(bare_parse, SOURCES[stem])


def test_write(benchmark: Any) -> None:
    """Benchmark writing the seed 001 report."""
    benchmark(xlsx_bytes, REPORT)


def test_write_bare(benchmark: Any) -> None:
    """Benchmark openpyxl alone writing the same cells (the baseline)."""
    benchmark(bare_write)


if __name__ == "__main__":
    main()
