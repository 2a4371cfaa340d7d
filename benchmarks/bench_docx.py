"""DOCX reading against the least work the same libraries do on the same file.

Run as a script for a table of figures (``python benchmarks/bench_docx.py``), or with
pytest-benchmark: ``pytest benchmarks/bench_docx.py -p benchmark --benchmark-only``.

For each LibreOffice fixture of ``tests/data/fixtures``:

* baseline: ``zipfile`` opens the archive and ``lxml.etree.fromstring`` parses
  ``word/document.xml``, the one part the reader needs;
* ``read_docx_document``: govinfo's front end alone (the neutral document). Target: <= 2x;
* ``read_docx``: front end plus the shared interpreter (sections, labels, inference, checks).
"""

from __future__ import annotations

import io
import time
import timeit
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from govinfo.reading.docx import read_docx, read_docx_document

FIXTURES = Path(__file__).resolve().parent.parent / "tests" / "data" / "fixtures"
SOURCES = {path.stem[:3]: path.read_bytes() for path in sorted(FIXTURES.glob("*.docx"))}


def bare_parse(data: bytes) -> None:
    """zipfile + lxml over word/document.xml: the baseline of reading."""
    etree.fromstring(zipfile.ZipFile(io.BytesIO(data)).read("word/document.xml"))


def _best(action: Callable[[], object], *, number: int = 20, repeat: int = 7) -> float:
    """Best mean CPU seconds per call over ``repeat`` runs of ``number`` calls.

    CPU time of this process, not wall time, so other work on a shared machine does not
    distort the ratios.
    """
    action()
    timer = timeit.Timer(action, timer=time.process_time)
    return min(timer.repeat(number=number, repeat=repeat)) / number


def main() -> None:
    """Print milliseconds per file and the ratios to the baseline."""
    print(f"{'docx':<6}{'bare':>8}{'document':>10}{'ratio':>7}{'read_docx':>11}{'ratio':>7}")
    ratios: list[tuple[float, float]] = []
    for stem, data in SOURCES.items():
        bare = _best(lambda d=data: bare_parse(d))  # type: ignore[misc]
        doc = _best(lambda d=data: read_docx_document(d))  # type: ignore[misc]
        full = _best(lambda d=data: read_docx(d))  # type: ignore[misc]
        ratios.append((doc / bare, full / bare))
        print(
            f"{stem:<6}{bare * 1e3:>8.2f}{doc * 1e3:>10.2f}{doc / bare:>7.2f}"
            f"{full * 1e3:>11.2f}{full / bare:>7.2f}"
        )
    front = sum(r[0] for r in ratios) / len(ratios)
    whole = sum(r[1] for r in ratios) / len(ratios)
    print(f"{'mean':<6}{'':>8}{'':>10}{front:>7.2f}{'':>11}{whole:>7.2f}")


@pytest.mark.parametrize("stem", list(SOURCES))
def test_read_bare(benchmark: Any, stem: str) -> None:
    """Benchmark zipfile + lxml on word/document.xml (the baseline)."""
    benchmark(bare_parse, SOURCES[stem])


@pytest.mark.parametrize("stem", list(SOURCES))
def test_read_document(benchmark: Any, stem: str) -> None:
    """Benchmark the front end on one document."""
    benchmark(read_docx_document, SOURCES[stem])


@pytest.mark.parametrize("stem", list(SOURCES))
def test_read_docx(benchmark: Any, stem: str) -> None:
    """Benchmark reading one document end to end."""
    benchmark(read_docx, SOURCES[stem])


if __name__ == "__main__":
    main()
