"""Regenerate this folder's texts from a real report's PDF (needs poppler-utils' pdftotext).

Not run by the tests, which read the committed files. Usage::

    python tests/data/real/make_real.py /path/to/huaian_2024.pdf /path/to/huaian_2024.json

writes ``huaian_2024.pdf.txt`` (plain ``pdftotext``: a WPS PDF whose section 四 comes out
column by column, header words between the runs of numbers) and ``huaian_2024.pdf-layout.txt``
(``pdftotext -layout``), and copies the hand-read expected values beside them. Committed
files were made with pdftotext 22.12.0 (poppler).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(pdf: Path, expected: Path) -> None:
    stem = pdf.stem
    subprocess.run(["pdftotext", str(pdf), str(HERE / f"{stem}.pdf.txt")], check=True)
    layout = HERE / f"{stem}.pdf-layout.txt"
    subprocess.run(["pdftotext", "-layout", str(pdf), str(layout)], check=True)
    shutil.copyfile(expected, HERE / f"{stem}.json")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
