"""``govinfo batch DIR_OR_GLOB... -o OUT``: read, check and tabulate a whole corpus in parallel.

Strategy: each file is read and checked in a worker process (``ProcessPoolExecutor``); a
worker never raises, it returns an outcome with the error text, so one bad file cannot stop
the run. Workers send back plain tuples (reports hold read-only mappings that do not pickle),
and the parent rebuilds the reports it needs to run the cross-report rules on consecutive
years of one organ, which no single worker can see.
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

from govinfo.cli._io import READ_SUFFIXES, read_file
from govinfo.cli._outputs import BATCH_SUFFIXES, cells_path, write_tables
from govinfo.cli._progress import Progress
from govinfo.cli._series import previous_years
from govinfo.errors import GovInfoError
from govinfo.frames import LongRow, long_rows
from govinfo.model.flat import unflatten
from govinfo.model.report import AnnualReport
from govinfo.rules.catalogue import rules
from govinfo.rules.check import check

__all__ = ["Outcome", "add_parser", "collect", "process", "run"]


def add_parser(commands: Any) -> None:
    """Register ``batch`` on the ``add_subparsers`` object ``commands``."""
    parser = commands.add_parser(
        "batch",
        help="read and check a whole corpus into one table",
        description="Read every report under each DIR (recursively: "
        f"{', '.join(READ_SUFFIXES)}) or matching each GLOB, in parallel, check it "
        "(consecutive years of one organ against each other too) and write one row per file "
        "plus every cell in long form. OUT.jsonl / OUT.csv: rows in OUT, cells in "
        "OUT.cells.jsonl / OUT.cells.csv; OUT.xlsx: sheets 'files' and 'cells'.",
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
    """What reading and checking one file gave; picklable, so workers can return it."""

    file: str
    status: str
    organ: str | None = None
    year: int | None = None
    template: str | None = None
    violations: int = 0
    warnings: int = 0
    diagnostics: int = 0
    inferred: tuple[str, ...] = ()
    error: str | None = None
    cells: tuple[LongRow, ...] = ()

    def file_row(self) -> tuple[object, ...]:
        """The row of the per-file table."""
        return (
            self.file,
            self.organ,
            self.year,
            self.template,
            self.status,
            self.violations,
            self.warnings,
            self.diagnostics,
            len(self.inferred),
            self.error,
        )

    def cell_rows(self) -> Iterator[tuple[object, ...]]:
        """The rows of the long table of cells."""
        inferred = set(self.inferred)
        for address, table, row, column, value in self.cells:
            yield (
                self.file,
                self.organ,
                self.year,
                address,
                table,
                row,
                column,
                value,
                address in inferred,
            )

    def report(self) -> AnnualReport:
        """The report rebuilt from the cells (metadata and cells; no narrative)."""
        assert self.template is not None
        return unflatten(
            {row[0]: row[4] for row in self.cells},
            template=self.template,
            organ=self.organ,
            year=self.year,
        )


def _status(violations: int) -> str:
    return "failed" if violations else "ok"


def process(name: str) -> Outcome:
    """Read and check one file; never raises (a failure is an ``unreadable`` outcome)."""
    try:
        read = read_file(Path(name))
        report = read.report
        result = report.check()
    except GovInfoError as exc:
        return Outcome(file=name, status="unreadable", error=str(exc))
    except Exception as exc:  # a reader bug on one file must not stop a whole corpus
        return Outcome(file=name, status="unreadable", error=f"{type(exc).__name__}: {exc}")
    return Outcome(
        file=name,
        status=_status(len(result.violations)),
        organ=report.organ,
        year=report.year,
        template=str(report.template),
        violations=len(result.violations),
        warnings=len(result.warnings),
        diagnostics=len(read.diagnostics),
        inferred=tuple(f.address for f in read.inferred),
        cells=tuple(long_rows(report)),
    )


def collect(inputs: Iterable[str]) -> list[str]:
    """The report files named by directories (searched recursively) and glob patterns."""
    found: dict[str, None] = {}
    for item in inputs:
        if Path(item).is_dir():
            paths = sorted(
                str(p)
                for p in Path(item).rglob("*")
                if p.is_file() and p.suffix.lower() in READ_SUFFIXES
            )
        else:
            paths = sorted(p for p in glob.glob(item, recursive=True) if Path(p).is_file())
        found.update(dict.fromkeys(paths))
    return list(found)


def _cross_checked(outcomes: Sequence[Outcome]) -> list[Outcome]:
    read = {o.file: o for o in outcomes if o.template is not None}
    reports = {name: o.report() for name, o in read.items()}
    cross = [r.id for r in rules() if r.cross_report]
    updated = {}
    for name, previous in previous_years(reports).items():
        result = check(reports[name], previous=previous, select=cross)
        if result.violations or result.warnings:
            o = read[name]
            violations = o.violations + len(result.violations)
            updated[name] = attrs.evolve(
                o,
                violations=violations,
                warnings=o.warnings + len(result.warnings),
                status=_status(violations),
            )
    return [updated.get(o.file, o) for o in outcomes]


def _outcomes(names: Sequence[str], jobs: int, progress: Progress) -> list[Outcome]:
    if jobs <= 1 or len(names) <= 1:
        results = []
        for name in names:
            results.append(process(name))
            progress.advance(failed=results[-1].status == "unreadable")
        return results
    chunk = max(1, min(32, len(names) // (jobs * 4)))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        results = []
        for outcome in pool.map(process, names, chunksize=chunk):
            results.append(outcome)
            progress.advance(failed=outcome.status == "unreadable")
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
        print(f"no report files in {' '.join(args.inputs)}", file=err)
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
        print(
            f"{len(outcomes)} file(s): {statuses.count('ok')} ok, "
            f"{statuses.count('failed')} with violations, "
            f"{statuses.count('unreadable')} unreadable; wrote {', '.join(map(str, written))}",
            file=out,
        )
    return 0
