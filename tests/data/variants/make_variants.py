"""Make the variant fixtures of this directory (run once; the test suite does not need the tools).

Usage, from the repository root, with LibreOffice's ``soffice`` on the PATH (7.4 made the
committed files)::

    PYTHONPATH=src:. python tests/data/variants/make_variants.py

Two shapes of a consistent gb_2021 report (built as tests/reading/test_variants.py builds its
own, from a base stating every cell, most of them distinct and not 0, so that a figure read
from the wrong row or column shows):

* ``subtotals``: figures on the group labels of section 三 (（三）不予公开 … （六）其他处理,
  the optional ``applications.<group>.*`` rows) and the 小计 column under 法人或其他组织
  (``applications.<row>.organisations``);
* ``hybrid``: a 2021-layout report whose （六）其他处理 is one row of figures with no item
  rows under it (``applications.other_handling.*`` stated, its three items unstated).

For each shape ``<shape>``:

* ``<shape>.govinfo.xlsx``, ``<shape>.govinfo.txt``: govinfo's own writers (``write_xlsx``,
  ``write_text``);
* ``<shape>.plain.txt``: the same text without its ``#govinfo-text`` header line, so the
  heuristic reader reads it (the hybrid's three item rows printed ``/``);
* ``hybrid.bare.txt``: the hybrid's plain text without the three item rows, as such reports
  print it;
* ``<shape>.page.html``: the report as a site prints it (tests/reading/html/_pages.py):
  headings, section 二's table, section 三's with rowspans for the group labels; for
  ``subtotals`` each group label spans its own row (the subtotal figures, beside an empty
  item cell) and its items' rows, and 小计 stands under 法人或其他组织; for ``hybrid``
  （六）其他处理 is a single row spanning two columns;
* ``<shape>.soffice.docx``: the page opened by LibreOffice Writer ("HTML (StarWriter)") and
  saved as "MS Word 2007 XML";
* ``<shape>.soffice.xlsx``: the page opened by LibreOffice Calc ("HTML (StarCalc)") and saved
  as "Calc MS Excel 2007 XML";
* ``<shape>.expected.json``: every cell address of the report → its value (decimals as
  strings, ``null`` where unstated), and the template, organ, year and title.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import tempfile
from decimal import Decimal
from pathlib import Path

from tests.reading.html._pages import Page, render
from tests.reading.test_variants import _hybrid, _hybrid_text, _plain, _report, _with_variants

from govinfo import AnnualReport, flatten, write_text, write_xlsx
from govinfo.model.catalogue import cell_specs
from govinfo.rules.catalogue import domain

HERE = Path(__file__).resolve().parent
_APPLICANTS = [c for c, _ in domain("column", "gb_2021") if c not in ("organisations", "total")]
_OUTER = ("new_received", "carried_over", "outcome_total", "carried_forward")


def base() -> dict[str, int | Decimal | None]:
    """Every required cell of a consistent gb_2021 report, without variants."""
    cells: dict[str, int | Decimal | None] = {
        s.address: None for s in cell_specs("gb_2021") if not s.optional
    }
    for n, address in enumerate(a for a in cells if a.startswith("proactive_disclosure.")):
        cells[address] = 10 + 3 * n
    cells["proactive_disclosure.administrative_fees.amount_wan_yuan"] = Decimal("12.35")
    for n, kind in enumerate(
        ("administrative_review", "litigation_direct", "litigation_after_review")
    ):
        parts = {"upheld": 5 - n, "corrected": 2 + n, "other_outcome": 1, "pending": n}
        for key, value in parts.items():
            cells[f"review_litigation.{kind}.{key}"] = value
        cells[f"review_litigation.{kind}.total"] = sum(parts.values())
    subtotals = {r for r, _ in domain("subtotal", "gb_2021")}
    leaves = [r for r, _ in domain("row", "gb_2021") if r not in subtotals and r not in _OUTER]
    for j, column in enumerate(_APPLICANTS):
        for i, row in enumerate(leaves):
            cells[f"applications.{row}.{column}"] = (3 * i + 5 * j) % 7
        handled = sum((3 * i + 5 * j) % 7 for i in range(len(leaves)))
        cells[f"applications.outcome_total.{column}"] = handled
        cells[f"applications.carried_over.{column}"] = j % 3
        cells[f"applications.carried_forward.{column}"] = (j + 1) % 4
        cells[f"applications.new_received.{column}"] = handled + (j + 1) % 4 - j % 3
    for row in (*leaves, *_OUTER):
        cells[f"applications.{row}.total"] = sum(
            cells[f"applications.{row}.{c}"] or 0 for c in _APPLICANTS
        )
    return cells


SUBTOTALS = _report(_with_variants(base()))
HYBRID = _report(_hybrid(base()))

#: shape → (report, the page's text (None: the report's canonical text), how it is drawn)
SHAPES: dict[str, tuple[AnnualReport, str | None, Page]] = {
    "subtotals": (SUBTOTALS, None, Page(group_subtotals="spanned")),
    "hybrid": (HYBRID, _hybrid_text(HYBRID), Page()),
}


def expected(report: AnnualReport) -> str:
    """The JSON the tests compare a fixture's reading with."""
    cells = {
        address: None if value is None else str(value) if not isinstance(value, int) else value
        for address, value in flatten(report).items()
    }
    document = {
        "template": str(report.template),
        "organ": report.organ,
        "year": report.year,
        "title": report.title,
        "cells": cells,
    }
    return json.dumps(document, ensure_ascii=False, indent=1) + "\n"


def convert(page: Path, infilter: str, target: str, out: Path) -> None:
    """``page`` opened with LibreOffice's ``infilter`` and saved as ``target`` into ``out``."""
    with tempfile.TemporaryDirectory() as work:
        subprocess.run(
            [
                "soffice",
                f"-env:UserInstallation=file://{work}/profile",  # not the user's, which may be busy
                "--headless",
                f"--infilter={infilter}",
                "--convert-to",
                target,
                "--outdir",
                f"{work}/out",
                str(page),
            ],
            check=True,
            capture_output=True,
        )
        (made,) = Path(work, "out").iterdir()
        shutil.copyfile(made, out)


def main() -> None:
    if shutil.which("soffice") is None:
        raise SystemExit("soffice (LibreOffice) is needed to make these files")
    for shape, (report, text, page) in SHAPES.items():
        write_xlsx(report, HERE / f"{shape}.govinfo.xlsx")
        (HERE / f"{shape}.govinfo.txt").write_text(write_text(report), encoding="utf-8")
        (HERE / f"{shape}.plain.txt").write_text(_plain(report), encoding="utf-8")
        if text is not None:
            (HERE / f"{shape}.bare.txt").write_text(text, encoding="utf-8")
        html = HERE / f"{shape}.page.html"
        html.write_bytes(render(report, page, text))
        convert(html, "HTML (StarWriter)", "docx:MS Word 2007 XML", HERE / f"{shape}.soffice.docx")
        convert(
            html, "HTML (StarCalc)", "xlsx:Calc MS Excel 2007 XML", HERE / f"{shape}.soffice.xlsx"
        )
        (HERE / f"{shape}.expected.json").write_text(expected(report), encoding="utf-8")


if __name__ == "__main__":
    main()
