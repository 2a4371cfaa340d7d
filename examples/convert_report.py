"""Convert a report between formats and show that nothing is lost.

Run:  python examples/convert_report.py [FILE]
Writes FILE's report as .xlsx, .xml, .json and .txt into ./converted/ and reads each back.
The command line does the same: ``govinfo convert IN OUT``.
"""

from __future__ import annotations

import sys
from pathlib import Path

import govinfo
from govinfo.reading.api import read
from govinfo.writing.text import write_text

HERE = Path(__file__).resolve().parent


def main(source: Path) -> None:
    """Write ``source`` in every format and check each reads back to the same cells."""
    report = read(source).report
    out = Path("converted")
    out.mkdir(exist_ok=True)
    govinfo.write_xlsx(report, out / "report.xlsx", highlight=report.check())
    (out / "report.xml").write_bytes(govinfo.write_xml(report))
    (out / "report.json").write_text(govinfo.to_json(report, indent=1), encoding="utf-8")
    (out / "report.txt").write_text(write_text(report), encoding="utf-8")
    for path in sorted(out.iterdir()):
        back = (
            govinfo.from_json(path.read_text("utf-8"))
            if path.suffix == ".json"
            else read(path).report
        )
        same = govinfo.flatten(back) == govinfo.flatten(report)
        verdict = "identically" if same else "DIFFERENTLY"
        print(f"{path}: {path.stat().st_size} bytes, reads back {verdict}")
        assert same, path


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "reports" / "004_402c59144089559f.txt")
