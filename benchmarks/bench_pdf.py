"""PDF reading against pypdfium2's bare text extraction of the same file.

Run as a script for a table of figures (``python benchmarks/bench_pdf.py``), or with
pytest-benchmark: ``pytest benchmarks/bench_pdf.py -p benchmark --benchmark-only``.

For the real WPS report (``tests/data/pdf/real``) and the A4 and A5 PDFs of the fixtures:

* baseline: pypdfium2 opens the file and, on every page, builds the text page and extracts
  its text (``get_textpage()`` + ``get_text_range()``): the least a text-based reading does;
* ``read_pdf_document``: govinfo's front end alone (characters with boxes, rulings, grids,
  paragraphs, tables joined across pages);
* ``read_pdf``: front end plus the shared interpreter. Target: <= 5x the baseline.
"""

from __future__ import annotations

import statistics
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_docx import _cpu

from govinfo.reading.pdf import read_pdf, read_pdf_document

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "pdf"
SOURCES = {
    path.name.removesuffix(".pdf"): path.read_bytes()
    for path in [DATA / "real" / "huaian_2024.pdf", *sorted(DATA.glob("*.docx.a[45].pdf"))]
}


def bare_text(data: bytes) -> None:
    """pypdfium2's text of every page: the baseline."""
    document = pdfium.PdfDocument(data)
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
    finally:
        document.close()


def measure(data: bytes, *, rounds: int = 9, number: int = 3) -> dict[str, float]:
    """Milliseconds of each way of reading ``data``, and the ratios to the baseline.

    The three are timed in turn within each round (interleaved in one process), so a busy
    spell hits all of them; times are the best round's, ratios the median of the rounds'.
    """
    actions: dict[str, Callable[[], object]] = {
        "bare": lambda: bare_text(data),
        "document": lambda: read_pdf_document(data),
        "read_pdf": lambda: read_pdf(data),
    }
    for action in actions.values():
        action()
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            times[name].append(_cpu(action, number))
    ratios = {
        f"{name}_ratio": statistics.median(
            t / b for t, b in zip(times[name], times["bare"], strict=True)
        )
        for name in ("document", "read_pdf")
    }
    return {**{name: min(values) * 1e3 for name, values in times.items()}, **ratios}


def main() -> None:
    """Print milliseconds per file and the ratios to the baseline."""
    print(f"{'pdf':<32}{'bare':>8}{'document':>10}{'ratio':>7}{'read_pdf':>10}{'ratio':>7}")
    figures = []
    for name, data in SOURCES.items():
        m = measure(data)
        figures.append(m)
        print(
            f"{name:<32}{m['bare']:>8.2f}{m['document']:>10.2f}{m['document_ratio']:>7.2f}"
            f"{m['read_pdf']:>10.2f}{m['read_pdf_ratio']:>7.2f}"
        )
    front = statistics.mean(m["document_ratio"] for m in figures)
    whole = statistics.mean(m["read_pdf_ratio"] for m in figures)
    print(f"{'mean':<32}{'':>8}{'':>10}{front:>7.2f}{'':>10}{whole:>7.2f}")


@pytest.mark.parametrize("name", list(SOURCES))
def test_bare_text(benchmark: Any, name: str) -> None:
    """Benchmark pypdfium2's text extraction (the baseline)."""
    benchmark(bare_text, SOURCES[name])


@pytest.mark.parametrize("name", list(SOURCES))
def test_read_pdf(benchmark: Any, name: str) -> None:
    """Benchmark reading one PDF end to end."""
    benchmark(read_pdf, SOURCES[name])


if __name__ == "__main__":
    main()
