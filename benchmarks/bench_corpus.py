"""A corpus run: read and check thousands of reports in mixed formats, on one core and on all.

Run as a script: ``python benchmarks/bench_corpus.py [--reports 2000]``. It generates
consistent reports with ``govinfo.strategies``, writes them to a temporary directory with the
writers (text, XLSX, XML) plus copies of the DOCX fixtures, then times ``govinfo batch`` over
the directory with ``--jobs 1`` and with every core, and prints reports/second; first it
prints the CPU time per report of each format (robust when the machine is busy).
Hypothesis is needed (the ``test`` extra).

Strategy: generating a distinct Hypothesis example per file would dominate the set-up, so a
pool of 64 generated reports is written under different organs and years; every file is still
read and checked in full.
"""

from __future__ import annotations

import argparse
import os
import shutil
import tempfile
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import attrs

from govinfo.cli import main as cli
from govinfo.model.report import AnnualReport
from govinfo.writing.text import write_text
from govinfo.writing.xlsx import write_xlsx
from govinfo.writing.xml import write_xml

ROOT = Path(__file__).resolve().parent.parent
DOCX = sorted((ROOT / "tests" / "data" / "fixtures").glob("*.docx"))

#: Share of each format in the generated corpus (the rest is DOCX fixture copies).
MIX = (("txt", 0.4), ("xlsx", 0.25), ("xml", 0.25))


def _pool(size: int) -> list[AnnualReport]:
    from hypothesis.errors import NonInteractiveExampleWarning  # noqa: PLC0415 - test extra

    from govinfo.strategies import consistent_reports  # noqa: PLC0415 - needs Hypothesis

    strategy = consistent_reports(template="gb_2021")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", NonInteractiveExampleWarning)
        return [strategy.example() for _ in range(size)]


def write_corpus(directory: Path, count: int) -> Counter[str]:
    """Write ``count`` report files of mixed formats into ``directory``; return the mix."""
    pool = _pool(64)
    kinds: list[str] = []
    for kind, share in MIX:
        kinds += [kind] * round(count * share)
    kinds += ["docx"] * (count - len(kinds))
    for n, kind in enumerate(kinds):
        report = attrs.evolve(pool[n % len(pool)], organ=f"机关{n // 8:04d}", year=2021 + n % 8)
        path = directory / f"{n:05d}.{kind}"
        if kind == "txt":
            path.write_text(write_text(report), encoding="utf-8")
        elif kind == "xlsx":
            write_xlsx(report, path)
        elif kind == "xml":
            path.write_bytes(write_xml(report))
        else:
            shutil.copyfile(DOCX[n % len(DOCX)], path)
    return Counter(kinds)


def run(directory: Path, jobs: int) -> float:
    """Seconds for ``govinfo batch`` over ``directory`` with ``jobs`` processes."""
    out = directory.parent / f"out-{jobs}.csv"
    start = time.perf_counter()
    status = cli(["batch", str(directory), "-o", str(out), "--jobs", str(jobs), "-q"])
    seconds = time.perf_counter() - start
    assert status == 0
    return seconds


def per_format(directory: Path, sample: int = 50) -> dict[str, float]:
    """CPU seconds per report (read, check, cells) for each format, in this process.

    CPU time rather than wall time, so the figure holds on a machine busy with other work.
    """
    from govinfo.cli._batch import process  # noqa: PLC0415 - the worker batch runs

    costs: dict[str, float] = {}
    for kind in ("txt", "xlsx", "xml", "docx"):
        paths = sorted(directory.glob(f"*.{kind}"))[:sample]
        process(str(paths[0]))  # warm-up: imports and caches
        start = time.process_time()
        for path in paths:
            # the worker reads and checks; batch's parent then tabulates the cells
            list(process(str(path)).cell_rows())
        costs[kind] = (time.process_time() - start) / len(paths)
    return costs


def _spin(_: int) -> float:
    start = time.process_time()
    total = 0
    for i in range(2_000_000):
        total += i
    return time.process_time() - start


def calibrate(jobs: int) -> float:
    """How many cores' worth of pure-Python work ``jobs`` processes get on this machine now.

    On a machine busy with other work this is below ``jobs``; the corpus speed-up cannot
    exceed it, so the benchmark prints it next to the corpus figures.
    """
    tasks = 4 * jobs
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        cpu = sum(pool.map(_spin, range(tasks)))
    return cpu / (time.perf_counter() - start)


def main() -> None:
    """Generate the corpus, time it on one core and on all, print reports/second."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    args = parser.parse_args()
    cores = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        start = time.perf_counter()
        mix = write_corpus(corpus, args.reports)
        print(f"wrote {args.reports} reports ({dict(mix)}) in {time.perf_counter() - start:.1f} s")
        print(f"{'format':>6}{'CPU ms/report':>15}{'reports/s/core':>16}")
        for kind, seconds in per_format(corpus).items():
            print(f"{kind:>6}{seconds * 1000:>15.1f}{1 / seconds:>16.0f}")
        print(f"{'jobs':>6}{'seconds':>10}{'reports/s':>12}{'cores available':>17}")
        for jobs in dict.fromkeys((1, cores)):
            seconds = run(corpus, jobs)
            available = calibrate(jobs)
            print(f"{jobs:>6}{seconds:>10.1f}{args.reports / seconds:>12.0f}{available:>17.1f}")


if __name__ == "__main__":
    main()
