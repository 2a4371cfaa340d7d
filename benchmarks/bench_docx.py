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
import statistics
import time
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


def _cpu(action: Callable[[], object], number: int) -> float:
    """Mean CPU seconds per call of ``number`` calls (CPU time of this process, so other work
    on a shared machine distorts the figures less than wall time would)."""
    start = time.process_time()
    for _ in range(number):
        action()
    return (time.process_time() - start) / number


def measure(data: bytes, *, rounds: int = 15, number: int = 5) -> dict[str, float]:
    """Milliseconds of each way of reading ``data``, and the ratios to the baseline.

    The three are timed in turn within each round, so a busy spell hits all of them; times
    are the best round's, ratios the median of the rounds' ratios.
    """
    actions: dict[str, Callable[[], object]] = {
        "bare": lambda: bare_parse(data),
        "document": lambda: read_docx_document(data),
        "read_docx": lambda: read_docx(data),
    }
    for action in actions.values():
        action()
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            times[name].append(_cpu(action, number))
    document = statistics.median(
        d / b for d, b in zip(times["document"], times["bare"], strict=False)
    )
    full = statistics.median(f / b for f, b in zip(times["read_docx"], times["bare"], strict=False))
    best = {name: min(values) * 1e3 for name, values in times.items()}
    return {**best, "document_ratio": document, "read_docx_ratio": full}


def main() -> None:
    """Print milliseconds per file and the ratios to the baseline."""
    print(f"{'docx':<6}{'bare':>8}{'document':>10}{'ratio':>7}{'read_docx':>11}{'ratio':>7}")
    figures = []
    for stem, data in SOURCES.items():
        m = measure(data)
        figures.append(m)
        print(
            f"{stem:<6}{m['bare']:>8.2f}{m['document']:>10.2f}{m['document_ratio']:>7.2f}"
            f"{m['read_docx']:>11.2f}{m['read_docx_ratio']:>7.2f}"
        )
    front = statistics.mean(m["document_ratio"] for m in figures)
    whole = statistics.mean(m["read_docx_ratio"] for m in figures)
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
