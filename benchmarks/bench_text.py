"""Reading speed of the text reader on the bundled seed reports.

Run as a script (``python benchmarks/bench_text.py``) for a table of milliseconds per report
and reports per second on one core, or under pytest-benchmark
(``pytest benchmarks/bench_text.py -p benchmark``).
"""

from __future__ import annotations

import contextlib
import importlib.util
import statistics
import time
from pathlib import Path
from types import ModuleType

from govinfo.errors import GovInfoError
from govinfo.reading.text import read_text

REPORTS = Path(__file__).resolve().parent.parent / "examples" / "reports"
SEEDS = {path.stem: path.read_text(encoding="utf-8") for path in sorted(REPORTS.glob("*.txt"))}
#: Real extraction output (tests/data/extracted): the -layout PDF text, the hardest to place.
EXTRACTED = Path(__file__).resolve().parent.parent / "tests" / "data" / "extracted"
LAYOUT = {
    path.name.removesuffix(".txt"): path.read_text(encoding="utf-8")
    for path in sorted(EXTRACTED.glob("*.pdf-layout.txt"))
}


#: Every text the tests read (any encoding), and the section 四 fragments that once took
#: seconds (issue 16): the worst of them is the figure to hold under 50 ms.
DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
REVIEW = "四、政府信息公开行政复议、行政诉讼情况"
ALL_TEXTS: dict[str, str | bytes] = {
    **{str(path.relative_to(DATA)): path.read_bytes() for path in sorted(DATA.rglob("*.txt"))},
    "fragment: 四 + 5 numbers": f"{REVIEW}\n5\n2\n7\n8\n9\n",
    "fragment: 四 headers + 6 numbers": f"\n805\n72\n\n{REVIEW}\n行政复议\n\n行政诉讼\n"
    "未经复议直接起诉\n正\n果\n结\n5\n\n2\n\n7\n\n8\n",
}
WORST_TARGET_MS = 50.0


def _read(text: str | bytes) -> None:
    with contextlib.suppress(GovInfoError):  # refused is an answer too (a fragment, say)
        read_text(text)


def _measure(text: str | bytes, *, rounds: int = 50) -> float:
    """Median seconds of one read over ``rounds`` (after a warm-up read)."""
    _read(text)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        _read(text)
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


def worst(rounds: int = 5) -> tuple[str, float]:
    """The slowest of all test texts: its name and median milliseconds per read."""
    timed = {name: _measure(text, rounds=rounds) * 1000 for name, text in ALL_TEXTS.items()}
    name = max(timed, key=timed.__getitem__)
    return name, timed[name]


def main() -> None:
    """Print milliseconds per report and reports per second for each seed and -layout text,
    and the worst of every text the tests read."""
    _table("seed", SEEDS)
    if LAYOUT:
        print()
        _table("pdftotext -layout", LAYOUT)
    name, milliseconds = worst()
    verdict = "within" if milliseconds <= WORST_TARGET_MS else "OVER"
    print(
        f"\nworst of {len(ALL_TEXTS)} test texts: {name} {milliseconds:.1f} ms "
        f"({verdict} the {WORST_TARGET_MS:.0f} ms target)"
    )


def test_read_seeds(benchmark: object) -> None:
    """Benchmark reading all five seeds once."""

    def read_all() -> None:
        for text in SEEDS.values():
            read_text(text)

    benchmark(read_all)  # type: ignore[operator]


# -- web-shaped texts made at test time, and a 4 MB single line (issue 14) --------------------

_FOUR_MB = 4_000_000


def _webtext_maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "make_webtext", DATA / "webtext" / "make_webtext.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def rendered_texts() -> dict[str, str]:
    """The texts the tests render from the seeds: one-line pages, Markdown, legacy forms."""
    make = _webtext_maker()
    texts: dict[str, str] = {}
    for stem, text in SEEDS.items():
        for sep, name in (("", "nosep"), (" ", "spaced")):
            texts[f"one-line {name} {stem}"] = make.one_line(text, cell_sep=sep)
        texts[f"markdown {stem}"] = make.markdown(text)
    values = {key: (12, 345) for *_, key in make.LEGACY_ROWS if key is not None}
    for form in ("tab", "spaced", "flat", "flat-ordinal", "one-line"):
        texts[f"legacy {form}"] = make.legacy_report(values, form)
    return texts


ALL_TEXTS.update(rendered_texts())


def four_mb_line() -> float:
    """Seconds to read (or refuse) the real crawl's page repeated to one 4 MB line."""
    crawl = (DATA / "webtext" / "pingtan_2021.crawl.txt").read_text(encoding="utf-8")
    page = max(crawl.splitlines(), key=len)
    line = (page * (_FOUR_MB // len(page) + 1))[:_FOUR_MB]
    start = time.perf_counter()
    _read(line)
    return time.perf_counter() - start


if __name__ == "__main__":
    main()
    print(f"a 4 MB single line (the crawl's page repeated): {four_mb_line():.2f} s")
