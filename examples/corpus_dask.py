"""Read and check a corpus with Dask, for when one machine's cores are not enough.

Run:  python examples/corpus_dask.py [DIR]      (default: the bundled reports)
Needs Dask, which govinfo does not depend on:  pip install "dask[bag]"
Point the same code at a cluster with ``dask.distributed.Client("scheduler:8786")``; every
worker needs govinfo installed and the files on a shared path. docs/corpus.md explains.
On one machine, ``govinfo batch DIR -o out.csv`` does the same with no extra dependency.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from govinfo.errors import GovInfoError
from govinfo.reading.api import read

HERE = Path(__file__).resolve().parent
INSTALL = 'This example needs Dask, which govinfo does not install: pip install "dask[bag]"'


def summarise(path: str) -> dict[str, object]:
    """Read and check one file; a failure becomes a row, never an exception (one bad file
    must not stop a corpus)."""
    try:
        result = read(Path(path))  # a str would be read as the text itself
    except GovInfoError as exc:
        return {"file": path, "status": "unreadable", "error": str(exc)}
    report = result.report
    check = report.check()
    return {
        "file": path,
        "organ": report.organ,
        "year": report.year,
        "template": str(report.template),
        "status": "ok" if check.ok else "failed",
        "violations": len(check.violations),
        "warnings": len(check.warnings),
    }


def main(directory: Path) -> int:
    """Summarise every report under ``directory`` with a Dask bag."""
    try:
        import dask.bag as db  # noqa: PLC0415 - optional: explained below when missing
    except ImportError:
        print(INSTALL, file=sys.stderr)
        return 0
    paths = sorted(
        str(p) for p in directory.rglob("*") if p.suffix in {".txt", ".docx", ".xlsx", ".xml"}
    )
    bag = db.from_sequence(paths, npartitions=max(1, min(len(paths), 8)))
    rows = bag.map(summarise).compute(scheduler="processes")
    for row in rows:
        name = Path(str(row["file"])).name
        print(f"{name}: {row['status']} {row.get('organ', '')} {row.get('year', '')}")
    print(dict(Counter(str(row["status"]) for row in rows)))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "reports"))
