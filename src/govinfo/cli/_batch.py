"""``govinfo batch DIR_OR_GLOB... -o OUT``: read, check and tabulate a whole corpus in parallel.

Strategy: each file is read and checked in a worker process (``ProcessPoolExecutor``); a
worker never raises, it returns an outcome with the error text, so one bad file cannot stop
the run. Every file given becomes a row: read (passed, failed or incomplete), unreadable (with
the reason) or unsupported (with what to install or do). Workers send back the report and its
check themselves (both pickle), and the parent runs the cross-report rules on consecutive years
of one organ, which no single worker can see.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any, TextIO

import attrs

from govinfo.cli._io import read_file
from govinfo.cli._outputs import BATCH_SUFFIXES, cells_path, write_tables
from govinfo.cli._progress import Progress
from govinfo.cli._series import previous_years
from govinfo.errors import GovInfoError, UnsupportedFormatError
from govinfo.frames import long_rows
from govinfo.model.report import AnnualReport
from govinfo.rules.catalogue import RULES
from govinfo.rules.check import check
from govinfo.rules.result import CheckResult

__all__ = ["STATUSES", "Outcome", "add_parser", "collect", "process", "run"]

#: Every status a file can have, in the order the summary counts them.
STATUSES = ("passed", "failed", "incomplete", "unreadable", "unsupported")


def add_parser(commands: Any) -> None:
    """Register ``batch`` on the ``add_subparsers`` object ``commands``."""
    parser = commands.add_parser(
        "batch",
        help="read and check a whole corpus into one table",
        description="Read every file under each DIR (recursively; hidden files skipped) or "
        "matching each GLOB, in parallel, check it (consecutive years of one organ against "
        "each other too) and write one row per file (passed, failed, incomplete, unreadable "
        "or unsupported) plus every cell in long form. OUT.jsonl / OUT.csv: rows in OUT, cells "
        "in OUT.cells.jsonl / OUT.cells.csv; OUT.xlsx: sheets 'files' and 'cells'.",
    )
    parser.add_argument("inputs", nargs="+", metavar="DIR_OR_GLOB")
    parser.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    parser.add_argument(
        "-j", "--jobs", type=_positive, default=None, help="worker processes (default: all cores)"
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    parser.set_defaults(run=run)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text} is not a positive number of processes")
    return value


@attrs.frozen(kw_only=True)
class Outcome:
    """What reading and checking one file gave; picklable, so workers can return it.

    Attributes:
        file: the file as given.
        status: one of :data:`STATUSES`.
        report: the report read (``None`` when unreadable or unsupported).
        result: its check (cross-report rules added by the parent).
        diagnostics: how many diagnostics the reader recorded.
        inferred: the addresses the reader filled by inference.
        error: why the file could not be read, or what to do to read it (English).
        error_zh: the same in Chinese.
    """

    file: str
    status: str
    report: AnnualReport | None = None
    result: CheckResult | None = None
    diagnostics: int = 0
    inferred: tuple[str, ...] = ()
    error: str | None = None
    error_zh: str | None = None

    def file_row(self) -> tuple[object, ...]:
        """The row of the per-file table (``FILE_COLUMNS``)."""
        report, result = self.report, self.result
        if report is None or result is None:
            return (
                self.file,
                None,
                None,
                None,
                self.status,
                *([None] * 7),
                self.error,
                self.error_zh,
            )
        return (
            self.file,
            report.organ,
            report.year,
            str(report.template),
            self.status,
            result.passed,
            len(result.violations),
            len(result.warnings),
            len(result.unverifiable),
            result.cells_stated - len(self.inferred),
            len(self.inferred),
            self.diagnostics,
            self.error,
            self.error_zh,
        )

    def cell_rows(self) -> Iterator[tuple[object, ...]]:
        """The rows of the long table of cells (``CELL_COLUMNS``)."""
        if self.report is None:
            return
        inferred = set(self.inferred)
        organ, year = self.report.organ, self.report.year
        for address, table, row, column, value in long_rows(self.report):
            yield (self.file, organ, year, address, table, row, column, value, address in inferred)


def process(name: str) -> Outcome:
    """Read and check one file; never raises (a failure is an unreadable or unsupported row)."""
    try:
        read = read_file(Path(name))
        result = read.report.check()
    except UnsupportedFormatError as exc:
        return Outcome(file=name, status="unsupported", error=str(exc), error_zh=exc.text("zh"))
    except GovInfoError as exc:
        return Outcome(file=name, status="unreadable", error=str(exc), error_zh=exc.text("zh"))
    except Exception as exc:  # a reader bug on one file must not stop a whole corpus
        return Outcome(
            file=name,
            status="unreadable",
            error=f"{name}: internal error, please report: {type(exc).__name__}: {exc}",
        )
    return Outcome(
        file=name,
        status=str(result.status),
        report=read.report,
        result=result,
        diagnostics=len(read.diagnostics),
        inferred=tuple(f.address for f in read.inferred),
    )


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def collect(inputs: Iterable[str]) -> list[str]:
    """Every file under the directories (recursively, hidden ones skipped) and glob patterns.

    No suffix is filtered out: a file govinfo cannot read becomes a row that says why.
    """
    found: dict[str, None] = {}
    for item in inputs:
        root = Path(item)
        if root.is_dir():
            paths = sorted(str(p) for p in root.rglob("*") if p.is_file() and not _hidden(p, root))
        else:
            paths = sorted(p for p in glob.glob(item, recursive=True) if Path(p).is_file())
        found.update(dict.fromkeys(paths))
    return list(found)


def _merged(result: CheckResult, cross: CheckResult) -> CheckResult:
    return attrs.evolve(
        result,
        violations=result.violations + cross.violations,
        warnings=result.warnings + cross.warnings,
        unverifiable=result.unverifiable + cross.unverifiable,
        passed=result.passed + cross.passed,
    )


def _cross_checked(outcomes: Sequence[Outcome]) -> list[Outcome]:
    read = {o.file: o for o in outcomes if o.report is not None and o.result is not None}
    reports = {name: o.report for name, o in read.items() if o.report is not None}
    cross = [r for r in RULES if r.cross_report]
    updated = {}
    for name, previous in previous_years(reports).items():
        o, report = read[name], reports[name]
        both = [
            r.id for r in cross if r.applies_to(report.template) and r.applies_to(previous.template)
        ]
        if o.result is None or not both:
            continue
        result = _merged(o.result, check(report, previous=previous, select=both))
        updated[name] = attrs.evolve(o, result=result, status=str(result.status))
    return [updated.get(o.file, o) for o in outcomes]


def _outcomes(names: Sequence[str], jobs: int, progress: Progress) -> list[Outcome]:
    if jobs <= 1 or len(names) <= 1:
        results = []
        for name in names:
            results.append(process(name))
            progress.advance(failed=results[-1].report is None)
        return results
    chunk = max(1, min(32, len(names) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = []
        for outcome in pool.map(process, names, chunksize=chunk):
            results.append(outcome)
            progress.advance(failed=outcome.report is None)
        return results


def run(args: Any, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``govinfo batch`` with parsed ``args``; return the exit status.

    The status is 0 once the tables are written, whatever the files held (the tables say);
    2 when no file matched, the output suffix is unknown or the output cannot be written.
    """
    out = out or sys.stdout
    err = err or sys.stderr
    if args.output.suffix.lower() not in BATCH_SUFFIXES:
        print(f"{args.output}: batch output must end in {', '.join(BATCH_SUFFIXES)}", file=err)
        return 2
    # A previous run's output inside the corpus directory is not a report.
    outputs = {args.output.resolve(), cells_path(args.output).resolve()}
    names = [n for n in collect(args.inputs) if Path(n).resolve() not in outputs]
    if not names:
        print(f"no files in {' '.join(args.inputs)}", file=err)
        return 2
    jobs = args.jobs if args.jobs is not None else (os.cpu_count() or 1)
    progress = Progress(len(names), err, enabled=not args.quiet and err.isatty())
    outcomes = _cross_checked(_outcomes(names, jobs, progress))
    try:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        written = write_tables(
            args.output,
            (o.file_row() for o in outcomes),
            (row for o in outcomes for row in o.cell_rows()),
        )
    except (GovInfoError, OSError) as exc:
        print(exc, file=err)
        return 2
    if not args.quiet:
        statuses = [o.status for o in outcomes]
        counts = ", ".join(f"{statuses.count(s)} {s}" for s in STATUSES)
        print(f"{len(outcomes)} file(s): {counts}; wrote {', '.join(map(str, written))}", file=out)
    return 0
