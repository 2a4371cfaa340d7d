"""Reading speed of the text reader on the bundled seed reports.

Run as a script (``python benchmarks/bench_text.py``) for a table of milliseconds per report
and reports per second on one core, or under pytest-benchmark
(``pytest benchmarks/bench_text.py -p benchmark``).
"""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from govinfo.reading.text import read_text

REPORTS = Path(__file__).resolve().parent.parent / "examples" / "reports"
SEEDS = {path.stem: path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))}
#: Real extraction output (tests/data/extracted): the -layout PDF text, the hardest to place.
EXTRACTED = Path(__file__).resolve().parent.parent / "tests" / "data" / "extracted"
LAYOUT = {
    path.name.removesuffix(".txt"): path.read_text(encoding="utf-8")
    for path in sorted(EXTRACTED.glob("*.pdf-layout.txt"))
}


def _measure(text: str, *, rounds: int = 50) -> float:
    """Median seconds of one read over ``rounds`` (after a warm-up read)."""
    read_text(text)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        read_text(text)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _table(title: str, texts: dict[str, str]) -> None:
    total = 0.0
    print(f"{title:<36}{'ms/report':>12}{'reports/s':>12}")
    for stem, text in texts.items():
        seconds = _measure(text)
        total += seconds
        print(f"{stem:<36}{seconds * 1000:>12.2f}{1 / seconds:>12.0f}")
    mean = total / len(texts)
    print(f"{'mean':<36}{mean * 1000:>12.2f}{1 / mean:>12.0f}")


def main() -> None:
    """Print milliseconds per report and reports per second for each seed and -layout text."""
    _table("seed", SEEDS)
    if LAYOUT:
        print()
        _table("pdftotext -layout", LAYOUT)


def test_read_seeds(benchmark: object) -> None:
    """Benchmark reading all five seeds once."""

    def read_all() -> None:
        for text in SEEDS.values():
            read_text(text)

    benchmark(read_all)  # type: ignore[operator]


if __name__ == "__main__":
    main()
