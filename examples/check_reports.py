"""Check annual reports before publishing: every rule, with the place in the file.

Run:  python examples/check_reports.py [FILE ...]
(default: the bundled reports in examples/reports/). The command line does the same:
``govinfo check FILE...``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from govinfo import CheckStatus
from govinfo.reading.api import read

HERE = Path(__file__).resolve().parent


def main(paths: list[Path]) -> int:
    """Read and check each file; print each broken rule with its location; 1 if any fails.

    A check is passed, failed, or incomplete (nothing broken, but some rules could not be
    verified because the report does not state their cells): only failed counts as failing
    here, as with ``govinfo check --allow-incomplete``.
    """
    failed = 0
    for path in paths:
        result = read(path)
        report = result.report
        check = report.check().locate(result.locations)
        print(f"{path.name}: {report.organ} {report.year} ({report.template})")
        diagnostics, inferred = len(result.diagnostics), len(result.inferred)
        print(f"  read with {diagnostics} diagnostic(s), {inferred} inferred cell(s)")
        for fill in result.inferred:
            print(f"  inferred {fill}")
        for violation in check:
            print(f"  {violation}")
        print(f"  {str(check).splitlines()[0]}")
        failed += check.status is CheckStatus.FAILED
    return 1 if failed else 0


if __name__ == "__main__":
    given = [Path(p) for p in sys.argv[1:]]
    sys.exit(main(given or sorted((HERE / "reports").glob("*.txt"))))
