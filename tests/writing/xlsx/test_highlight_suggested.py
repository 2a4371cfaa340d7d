"""The XLSX highlight comment on a suspect cell gives the value that fixes it."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl

from govinfo import flatten, read, unflatten
from govinfo.writing.xlsx import xlsx_bytes

SEED = Path(__file__).resolve().parents[3] / "examples" / "reports" / "004_402c59144089559f.txt"
CELL = "applications.disclosed.natural_person"


def test_suspect_comment_says_should_be() -> None:
    """One changed cell is the suspect; its comment says 应为 / should be the original value."""
    clean = read(SEED).report
    cells = flatten(clean)
    original = cells[CELL]
    assert isinstance(original, int)
    cells[CELL] = original + 5
    report = unflatten(cells, template=clean.template, organ=clean.organ, year=clean.year)
    result = report.check()
    assert {v.suggested for v in result} == {original}
    book = openpyxl.load_workbook(io.BytesIO(xlsx_bytes(report, highlight=result)))
    comments = [
        c.comment.text for ws in book.worksheets for row in ws.iter_rows() for c in row if c.comment
    ]
    assert any(f"应为 {original} / should be {original}" in t for t in comments)
