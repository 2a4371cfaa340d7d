"""Regenerate the PDFs of this folder (needs LibreOffice's ``soffice``; not run by the tests).

Run from the repository root: ``python tests/data/pdf/make_pdfs.py``. For every fixture in
``tests/data/fixtures`` it makes, with LibreOffice 7's PDF export:

* ``<stem>.docx.a4.pdf``: the DOCX as it is (A4);
* ``<stem>.docx.a5.pdf``: the DOCX on A5 with wide margins: tables break across pages, long
  labels wrap inside their cells, and the header row is repeated where the DOCX says so;
* ``<stem>.docx.vertical.pdf``: the DOCX with every cell's text set top-to-bottom
  (``w:textDirection tbRlV``) in the label cells that span rows: vertical group labels;
* ``<stem>.xlsx.pdf``: the workbook printed with columns widened and fitted to the page width;

and from govinfo's own writer, ``<stem>.own.pdf``: the seed's expected report written with
``govinfo.write_xlsx`` and printed by LibreOffice. ``expected.json`` maps every PDF to the
expected-values file of its seed.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent
sys.path.insert(0, str(DATA / "extracted"))

from make_extracted import _a5, _rewrite, _wide  # noqa: E402  (the same page variants)

FIXTURES = DATA / "fixtures"


def _vertical(xml: str) -> str:
    # A cell that starts a vertical merge holds a group label: set its text top to bottom.
    def turn(match: re.Match[str]) -> str:
        props = match[0]
        if 'w:vMerge w:val="restart"' not in props:
            return props
        props = re.sub(r"<w:textDirection [^>]*/>", "", props)
        return props.replace("</w:tcPr>", '<w:textDirection w:val="tbRlV"/></w:tcPr>')

    return re.sub(r"<w:tcPr>.*?</w:tcPr>", turn, xml, flags=re.DOTALL)


def _convert(source: Path, dest: Path, work: Path) -> None:
    subprocess.run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(work), str(source)],
        check=True,
        capture_output=True,
    )
    shutil.move(work / f"{source.stem}.pdf", dest)


def _own(stem: str, dest: Path, work: Path) -> None:
    from govinfo import unflatten, write_xlsx

    data = json.loads((DATA / f"{stem}.json").read_text(encoding="utf-8"))
    cells = {a: Decimal(v) if isinstance(v, str) else v for a, v in data["cells"].items()}
    report = unflatten(cells, template=data["template"], organ=data["organ"], year=data["year"])
    workbook = work / f"{stem}.xlsx"
    write_xlsx(report, workbook)
    _convert(workbook, dest, work / "out")


def main() -> None:
    expected: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for sub in ("a5", "vertical", "xl", "out", "own"):
            (work / sub).mkdir()
        for docx in sorted(FIXTURES.glob("*.docx")):
            stem = docx.stem
            _convert(docx, HERE / f"{stem}.docx.a4.pdf", work / "out")
            _rewrite(docx, work / "a5" / docx.name, "word/document.xml", _a5)
            _convert(work / "a5" / docx.name, HERE / f"{stem}.docx.a5.pdf", work / "out")
            _rewrite(docx, work / "vertical" / docx.name, "word/document.xml", _vertical)
            _convert(
                work / "vertical" / docx.name, HERE / f"{stem}.docx.vertical.pdf", work / "out"
            )
            for variant in ("docx.a4", "docx.a5", "docx.vertical"):
                expected[f"{stem}.{variant}.pdf"] = stem
        for xlsx in sorted(FIXTURES.glob("*.xlsx")):
            stem = xlsx.stem
            _rewrite(xlsx, work / "xl" / xlsx.name, r"xl/worksheets/sheet\d+\.xml", _wide)
            _convert(work / "xl" / xlsx.name, HERE / f"{stem}.xlsx.pdf", work / "out")
            expected[f"{stem}.xlsx.pdf"] = stem
        for seed in sorted(DATA.glob("*.json")):
            data = json.loads(seed.read_text(encoding="utf-8"))
            if data["template"] == "legacy_2008":
                continue
            _own(seed.stem, HERE / f"{seed.stem}.own.pdf", work / "own")
            expected[f"{seed.stem}.own.pdf"] = seed.stem
    (HERE / "expected.json").write_text(
        json.dumps(expected, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )


if __name__ == "__main__":
    main()
