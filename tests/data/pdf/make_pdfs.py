"""Regenerate the PDFs of this folder (needs LibreOffice's ``soffice``; not run by the tests).

Run from the repository root: ``python tests/data/pdf/make_pdfs.py``. For every fixture in
``tests/data/fixtures`` it makes, with LibreOffice 7's PDF export:

* ``<stem>.docx.a4.pdf``: the DOCX as it is (A4);
* ``<stem>.docx.a5.pdf``: the DOCX on A5 with its tables' columns halved to fit the page:
  tables break across pages and long labels wrap inside their cells;
* ``000_….docx.a5-clipped.pdf``: the DOCX on A5 as it is, its tables twice as wide as the
  page: the columns past the page's edge are cut off;
* ``001_…`` and ``004_….docx.vertical.pdf``: the DOCX with the label cells that span rows set
  top to bottom (``w:textDirection tbRlV``): vertical group labels;
* ``<stem>.xlsx.pdf``: the workbook printed with columns widened and fitted to the page width;

and from govinfo's own writer, ``<stem>.own.pdf``: the seed's expected report written with
``govinfo.write_xlsx`` and its three table sheets printed by LibreOffice (no title: only the
cells are expected). ``expected.json`` maps every PDF to the
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

import openpyxl

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


def _a5_fitted(xml: str) -> str:
    # A5, with every table's columns halved so the tables fit the page's width: cells wrap
    # their labels over more lines, and the long tables break across pages.
    xml = _a5(xml)
    return re.sub(
        r'(<w:(?:gridCol|tcW|tblW) w:w=")(\d+)(")', lambda m: f"{m[1]}{int(m[2]) // 2}{m[3]}", xml
    )


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
    # The first sheet holds metadata and narrative keyed for govinfo, not the report's pages:
    # print the three table sheets, as a user printing the tables would.
    book = openpyxl.load_workbook(workbook)
    book.remove(book.worksheets[0])
    book.save(workbook)
    _convert(workbook, dest, work / "out")


def main() -> None:
    expected: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        for sub in ("a5", "clipped", "vertical", "xl", "out", "own"):
            (work / sub).mkdir()
        for docx in sorted(FIXTURES.glob("*.docx")):
            stem = docx.stem
            variants = {"docx.a4": docx}
            _rewrite(docx, work / "a5" / docx.name, "word/document.xml", _a5_fitted)
            variants["docx.a5"] = work / "a5" / docx.name
            if stem.startswith("000"):
                _rewrite(docx, work / "clipped" / docx.name, "word/document.xml", _a5)
                variants["docx.a5-clipped"] = work / "clipped" / docx.name
            if stem.startswith(("001", "004")):
                _rewrite(docx, work / "vertical" / docx.name, "word/document.xml", _vertical)
                variants["docx.vertical"] = work / "vertical" / docx.name
            for variant, path in variants.items():
                _convert(path, HERE / f"{stem}.{variant}.pdf", work / "out")
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
