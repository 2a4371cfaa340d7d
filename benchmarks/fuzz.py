"""Fuzz every reader on demand: N mutated inputs each, a time limit per call, a table of results.

Usage (from the repository root)::

    python benchmarks/fuzz.py                      # 10,000 cases per reader
    python benchmarks/fuzz.py --cases 2000 --readers text xlsx --save /tmp/fuzz-found

Inputs are the structure-aware mutations of ``tests/fuzz/_mutate.py`` (lines and cells of
text, XML parts inside DOCX/XLSX zips, zip headers, raw bytes) of the fixtures, the example
reports and govinfo's own writers' output, grown up to ``--scale`` times (repeated lines and
elements, long digit runs) to find costs that are not linear. Each call runs in this process
(no subprocess) under a SIGALRM of ``--limit`` seconds (POSIX only); a call that takes longer
counts as over the limit whether the alarm could interrupt it or not. Case *n* of a reader is
the same input on every run, so a finding is reproduced by its number.

The table counts, per reader: cases; escaped (an exception other than GovInfoError from the
reader); escaped after reading (from ``check()`` or ``to_json`` of the report read); over the
time limit. ``--save DIR`` writes every such input to DIR, named by reader, outcome and case.
"""

from __future__ import annotations

import argparse
import signal
import sys
import time
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # the mutations live with the fuzz tests

from tests.fuzz._mutate import (  # noqa: E402 - after the path is set
    ESCAPED,
    ESCAPED_AFTER,
    READERS,
    case,
    probe,
    seeds,
)

_SUFFIX = {"text": "txt", "docx": "docx", "xlsx": "xlsx", "xml": "xml"}


class _Timeout(BaseException):  # not an Exception: probe() must not catch it
    pass


def _alarm(signum: int, frame: FrameType | None) -> None:
    raise _Timeout


def run(reader: str, cases: int, scale: int, limit: float, save: Path | None) -> list[int]:
    """Fuzz ``reader``; return [cases, escaped, escaped after reading, over the limit]."""
    seed_list = seeds(reader)
    escaped = after = slow = 0
    for number in range(cases):
        data = case(reader, seed_list, number, scale)
        start = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, limit)
        try:
            outcome, error = probe(reader, data)
        except _Timeout:
            outcome, error = "timeout", None
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        elapsed = time.perf_counter() - start
        found = None
        if outcome == ESCAPED:
            escaped += 1
            found = "escaped"
        elif outcome == ESCAPED_AFTER:
            after += 1
            found = "escaped-after"
        elif outcome == "timeout" or elapsed > limit:
            slow += 1
            found = "slow"
        if found is not None:
            detail = f"{type(error).__name__}: {str(error)[:120]}" if error else f"{elapsed:.2f} s"
            print(f"  {reader} case {number}: {found} ({detail})", file=sys.stderr)
            if save is not None:
                save.mkdir(parents=True, exist_ok=True)
                (save / f"{reader}-{found}-{number}.{_SUFFIX[reader]}").write_bytes(data)
    return [cases, escaped, after, slow]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cases", type=int, default=10_000, help="cases per reader")
    parser.add_argument("--readers", nargs="+", choices=READERS, default=list(READERS))
    parser.add_argument("--scale", type=int, default=2_000, help="largest growth of a mutation")
    parser.add_argument("--limit", type=float, default=2.0, help="seconds per call")
    parser.add_argument("--save", type=Path, default=None, help="directory for findings")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGALRM, _alarm)
    rows = []
    started = time.perf_counter()
    for reader in args.readers:
        rows.append((reader, run(reader, args.cases, args.scale, args.limit, args.save)))
    print(
        "| reader | cases | escaped (another exception) | escaped after reading "
        f"(check/to_json) | over {args.limit:g} s |"
    )
    print("|---|---|---|---|---|")
    for reader, (cases, escaped, after, slow) in rows:
        print(f"| {reader} | {cases:,} | {escaped} | {after} | {slow} |")
    print(f"\n{time.perf_counter() - started:.0f} s in all")
    return 1 if any(sum(counts[1:]) for _, counts in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
