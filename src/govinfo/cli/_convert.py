"""``govinfo convert IN OUT``: read a report in any format and write it in another."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from govinfo.cli._io import (
    WRITE_SUFFIXES,
    WriteOptions,
    diagnostic_line,
    read_or_say,
    write_file,
)
from govinfo.diagnostics import Severity
from govinfo.errors import GovInfoError, ReadError

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    """Register ``convert`` on the ``add_subparsers`` object ``commands``."""
    parser = commands.add_parser(
        "convert",
        help="convert a report between formats",
        description="Read IN (any format govinfo reads, chosen by content, or govinfo JSON) "
        f"and write OUT in the format its suffix names ({', '.join(WRITE_SUFFIXES)}). "
        "Reading warnings go to stderr.",
    )
    parser.add_argument("source", type=Path, metavar="IN")
    parser.add_argument("target", type=Path, metavar="OUT")
    parser.add_argument(
        "--highlight",
        action="store_true",
        help="check the report: colour the cells of broken rules (.xlsx), embed the check (.xml)",
    )
    parser.add_argument(
        "--formulas", action="store_true", help="write totals as live SUM formulas (.xlsx)"
    )
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of reading warnings"
    )
    parser.set_defaults(run=run)


def run(args: Any, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``govinfo convert`` with parsed ``args``; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    lang: str = getattr(args, "lang", "zh")  # a Namespace built by hand may predate --lang
    read = read_or_say(args.source, err, lang)
    if read is None:
        return 2
    for d in read.diagnostics:
        if d.severity is not Severity.INFO:
            print(diagnostic_line(str(args.source), d, lang), file=err)
    try:
        write_file(
            read.report,
            args.target,
            WriteOptions(highlight=args.highlight, formulas=args.formulas),
        )
    except GovInfoError as exc:
        print(exc.text(lang), file=err)
        return 2 if isinstance(exc, ReadError) else 1
    print(f"{args.source} -> {args.target}", file=out)
    return 0
