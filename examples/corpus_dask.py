"""Read and check a corpus with Dask, for when one machine's cores are not enough.

Run:  python examples/corpus_dask.py [DIR] [--scheduler tcp://HOST:8786]
      (default: the bundled reports, on local processes)
Needs Dask, which govinfo does not depend on:  pip install "dask[bag]"  (and "distributed"
for a cluster). With ``--scheduler`` the same bag runs on a ``dask.distributed`` cluster;
every worker needs govinfo installed and the files on a shared path. docs/corpus.md explains.
On one machine, ``govinfo batch DIR -o out.csv`` does the same with no extra dependency.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

import govinfo

HERE = Path(__file__).resolve().parent
INSTALL = 'This example needs Dask, which govinfo does not install: pip install "dask[bag]"'


def summarise(path: str) -> dict[str, object]:
    """Read and check one file; a failure becomes a row, never an exception (one bad file
    must not stop a corpus)."""
    try:
        result = govinfo.read(path)  # a str is a path, as for every reader but read_text
    except govinfo.UnsupportedFormatError as exc:
        return {"file": path, "status": "unsupported", "error": str(exc)}
    except govinfo.GovInfoError as exc:
        return {"file": path, "status": "unreadable", "error": str(exc)}
    report = result.report
    check = report.check()
    return {
        "file": path,
        "organ": report.organ,
        "year": report.year,
        "template": str(report.template),
        "status": str(check.status),  # passed, failed or incomplete
        "passed": check.passed,
        "violations": len(check.violations),
        "warnings": len(check.warnings),
        "unverifiable": len(check.unverifiable),
    }


def main(argv: list[str] | None = None) -> int:
    """Summarise every file under a directory with a Dask bag; 1 when Dask is missing."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=HERE / "reports")
    parser.add_argument("--scheduler", help="a dask.distributed scheduler address")
    args = parser.parse_args(argv)
    try:
        import dask.bag as db  # noqa: PLC0415 - optional: explained below when missing
    except ImportError:
        print(INSTALL, file=sys.stderr)
        return 1
    paths = sorted(
        str(p) for p in args.directory.rglob("*") if p.is_file() and not p.name.startswith(".")
    )
    bag = db.from_sequence(paths, npartitions=max(1, min(len(paths), 8)))
    if args.scheduler:
        from dask.distributed import Client  # noqa: PLC0415 - only for a cluster

        with Client(args.scheduler):
            rows = bag.map(summarise).compute()  # runs on the cluster's workers
    else:
        rows = bag.map(summarise).compute(scheduler="processes")
    for row in rows:
        name = Path(str(row["file"])).name
        print(f"{name}: {row['status']} {row.get('organ', '')} {row.get('year', '')}")
    print(dict(sorted(Counter(str(row["status"]) for row in rows).items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
