"""The ``govinfo`` command line: ``check``, ``convert``, ``show`` and ``batch``.

Each command lives in its own private module with an ``add_parser`` and a ``run``; this module
only assembles the parser. ``python -m govinfo`` and the ``govinfo`` script both call
:func:`main`.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from govinfo import __version__
from govinfo.cli import _batch, _check, _convert, _show

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govinfo",
        description="Read, check and convert annual reports on government information "
        "disclosure (政府信息公开工作年度报告).",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in (_check, _convert, _show, _batch):
        module.add_parser(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``govinfo`` command line and return its exit status.

    Args:
        argv: the arguments after the program name (default: ``sys.argv[1:]``).

    Returns:
        0 on success; ``check`` returns 1 when a rule is broken, 2 when a file cannot be
        read and 3 when a check is incomplete (docs/cli.md); argparse exits with 2 on a
        usage error and 0 after ``--version``.
    """
    args = _parser().parse_args(argv)
    try:
        status: int = args.run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader of our output went away (``govinfo check ... | head``): stop quietly,
        # and keep Python from complaining again when it flushes stdout at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return status
