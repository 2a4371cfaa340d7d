"""``govinfo show FILE``: the tables of a report as aligned text, inferred cells marked."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, TextIO

from govinfo.cli._io import read_or_say
from govinfo.display import view

__all__ = ["add_parser", "run"]


def add_parser(commands: Any) -> None:
    """Register ``show`` on the ``add_subparsers`` object ``commands``."""
    parser = commands.add_parser(
        "show",
        help="print a report's tables",
        description="Print the tables of FILE as aligned text. Marks: * inferred (not in the "
        "source), ! in a broken equation, !! the cell most likely wrong.",
    )
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument(
        "--no-check", dest="check", action="store_false", help="do not mark broken equations"
    )
    parser.add_argument(
        "--lang", choices=("zh", "en"), default="zh", help="language of a read error"
    )
    parser.set_defaults(run=run)


def run(args: Any, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run ``govinfo show`` with parsed ``args``; return the exit status."""
    out = out or sys.stdout
    err = err or sys.stderr
    read = read_or_say(args.file, err, getattr(args, "lang", "zh"))
    if read is None:
        return 2
    print(view(read, check=args.check), file=out)
    return 0
