"""HTML reading against the bare lxml.html parse of the same page.

Run as a script for a table of figures (``python benchmarks/bench_html.py``), or with
pytest-benchmark: ``pytest benchmarks/bench_html.py -p benchmark --benchmark-only``.

Pages, 20 KB to 400 KB:

* ``soffice``: a DOCX fixture saved as HTML by LibreOffice (tests/data/html);
* ``pingtan``: the real 2021 page, scripts and style attributes removed (tests/data/html);
* ``word-*``: a report drawn as a Word-exported page in site chrome (tests/reading/html/_pages.py,
  per-character label paragraphs, MsoNormal paragraphs, ``<o:p>``), with the ``style``
  attributes Word writes on every cell and paragraph (real pages run 200-350 KB mostly from
  them) and, for the largest, a long overview.

For each page, interleaved in one process (CPU time, so other work on a shared machine
distorts the figures less than wall time would):

* baseline: ``lxml.html.fromstring`` of the page's bytes (lxml decodes them itself);
* ``read_html_document``: govinfo's front end (encoding decided, parsed, report block found,
  grids built). Target: <= 1.5x;
* ``read_html``: front end plus the shared interpreter. Target: <= 3x.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import lxml.html
import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.reading.html._pages import Page, render  # noqa: E402

from govinfo.model.narrative import Narrative  # noqa: E402
from govinfo.reading.html import read_html, read_html_document  # noqa: E402

HTML = ROOT / "tests" / "data" / "html"

_CELL_STYLE = (
    " style='width:38.3pt;border-top:none;border-left:none;border-bottom:solid windowtext "
    "1.0pt;border-right:solid windowtext 1.0pt;mso-border-top-alt:solid windowtext .5pt;"
    "mso-border-left-alt:solid windowtext .5pt;mso-border-alt:solid windowtext .5pt;"
    "padding:0cm 5.4pt 0cm 5.4pt;height:20.65pt'"
)
_PARAGRAPH_STYLE = (
    " style='margin:0cm;text-align:center;line-height:15.0pt;mso-line-height-rule:exactly;"
    "mso-pagination:widow-orphan;layout-grid-mode:char'"
)


def _wordy(markup: str) -> str:
    """Word's per-element style attributes on every cell and paragraph."""
    markup = markup.replace("<td", "<td" + _CELL_STYLE)
    return re.sub(r"<p class=MsoNormal(?! style)", "<p class=MsoNormal" + _PARAGRAPH_STYLE, markup)


def _word_page(overview: int) -> bytes:
    report = read_html(HTML / "004_402c59144089559f.soffice.html").report
    prose = "本机关坚持以习近平新时代中国特色社会主义思想为指导，深入推进政务公开工作。" * overview
    report = attrs.evolve(
        report, organ="某某市某某局", year=2021, narrative=Narrative(overview=prose or None)
    )
    page = Page(chrome=True, word=True, per_character=True, layout_table=True)
    return _wordy(render(report, page).decode()).encode()


def _sources() -> dict[str, bytes]:
    return {
        "soffice": (HTML / "004_402c59144089559f.soffice.html").read_bytes(),
        "pingtan": (HTML / "pingtan_2021.page.html").read_bytes(),
        "word-200": _word_page(20),
        "word-400": _word_page(1300),
    }


SOURCES = _sources()


def bare_parse(data: bytes) -> None:
    """lxml.html over the page's bytes: the baseline of reading."""
    lxml.html.fromstring(data)


def _cpu(action: Callable[[], object], number: int) -> float:
    start = time.process_time()
    for _ in range(number):
        action()
    return (time.process_time() - start) / number


def measure(data: bytes, *, rounds: int = 15, number: int = 3) -> dict[str, float]:
    """Milliseconds of each way of reading ``data``, and the median ratios to the baseline."""
    actions: dict[str, Callable[[], object]] = {
        "bare": lambda: bare_parse(data),
        "document": lambda: read_html_document(data),
        "read_html": lambda: read_html(data),
    }
    for action in actions.values():
        action()
    times: dict[str, list[float]] = {name: [] for name in actions}
    for _ in range(rounds):
        for name, action in actions.items():
            times[name].append(_cpu(action, number))
    document = statistics.median(
        d / b for d, b in zip(times["document"], times["bare"], strict=True)
    )
    full = statistics.median(f / b for f, b in zip(times["read_html"], times["bare"], strict=True))
    best = {name: min(values) * 1e3 for name, values in times.items()}
    return {**best, "document_ratio": document, "read_html_ratio": full}


def main() -> None:
    """Print milliseconds per page and the ratios to the baseline."""
    print(
        f"{'page':<10}{'KB':>6}{'bare':>8}{'document':>10}{'ratio':>7}{'read_html':>11}{'ratio':>7}"
    )
    figures = []
    for name, data in SOURCES.items():
        m = measure(data)
        figures.append(m)
        print(
            f"{name:<10}{len(data) / 1024:>6.0f}{m['bare']:>8.2f}{m['document']:>10.2f}"
            f"{m['document_ratio']:>7.2f}{m['read_html']:>11.2f}{m['read_html_ratio']:>7.2f}"
        )
    front = statistics.mean(m["document_ratio"] for m in figures)
    whole = statistics.mean(m["read_html_ratio"] for m in figures)
    print(f"{'mean':<10}{'':>6}{'':>8}{'':>10}{front:>7.2f}{'':>11}{whole:>7.2f}")


@pytest.mark.parametrize("name", list(SOURCES))
def test_read_bare(benchmark: Any, name: str) -> None:
    """Benchmark lxml.html on one page (the baseline)."""
    benchmark(bare_parse, SOURCES[name])


@pytest.mark.parametrize("name", list(SOURCES))
def test_read_document(benchmark: Any, name: str) -> None:
    """Benchmark the front end on one page."""
    benchmark(read_html_document, SOURCES[name])


@pytest.mark.parametrize("name", list(SOURCES))
def test_read_html(benchmark: Any, name: str) -> None:
    """Benchmark reading one page end to end."""
    benchmark(read_html, SOURCES[name])


if __name__ == "__main__":
    main()
