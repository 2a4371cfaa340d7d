"""The grids the PDF front end builds: the real report's shapes, and pdfplumber as an oracle."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
import pytest

from govinfo.reading.document import Paragraph, Table
from govinfo.reading.pdf import read_pdf_document
from govinfo.reading.pdf._engine import read_pages
from govinfo.reading.pdf._grid import Piece, page_tables

DATA = Path(__file__).resolve().parents[2] / "data" / "pdf"
REAL = DATA / "real" / "huaian_2024.pdf"
_NUMBER = re.compile(r"[\d,.]+")
CORPUS = [*sorted(DATA.glob("*.pdf")), REAL]


def _tables(path: Path) -> list[Table]:
    return [b for b in read_pdf_document(path).blocks if isinstance(b, Table)]


def test_real_report_table_three_is_one_grid_over_two_pages() -> None:
    """Section 三's table: cut by the page after （四）无, joined with its 10 grid columns."""
    tables = _tables(REAL)
    three = next(t for t in tables if len(t.rows[0]) == 10)
    assert len(three.rows) == 28
    assert {len(row) for row in three.rows} == {10}
    pages = [row[3].location.page for row in three.rows]
    assert pages == [4] * 16 + [5] * 12
    # The group label, printed one character per line, spans every result row.
    group = three.rows[5][0]
    assert group.text == "三、\n本\n年\n度\n办\n理\n结\n果"
    assert all(row[0].merged_from == group.location for row in three.rows[6:26])
    # （四）无 | 法提供: one cell again, its rows on page 5 referring to its origin on page 4.
    cut = three.rows[15][1]
    assert cut.text == "（四）无\n法提供"
    assert cut.location.page == 4
    assert [row[1].merged_from for row in three.rows[16:18]] == [cut.location, cut.location]
    assert three.rows[16][1].location.page == 5
    # Values are read by their cells: 2.没有现成信息需要另行制作 on page 5.
    row = three.rows[16]
    assert [c.text for c in row[2:]] == ["2.没有现成信息需要另行制作", "11", *"00000", "11"]


def test_real_report_locations_carry_page_and_box() -> None:
    """A cell's location prints as page, table, row, cell; its box is in PDF points."""
    tables = _tables(REAL)
    three = next(t for t in tables if len(t.rows[0]) == 10)
    cell = three.rows[3][3]  # 一、本年新收… 自然人: 3001
    assert cell.text == "3001"
    assert str(cell.location).endswith("huaian_2024.pdf:page 4, table 3, row 4, cell 4")
    assert cell.location.box is not None
    x0, y0, x1, y1 = cell.location.box
    assert 0 < x0 < x1 < 595
    assert 0 < y0 < y1 < 842


def test_real_report_captions_and_footers() -> None:
    """第二十条 captions spanning a table become paragraphs; page numbers are dropped."""
    blocks = read_pdf_document(REAL).blocks
    texts = [b.text for b in blocks if isinstance(b, Paragraph)]
    assert "第二十条第（一）项" in texts
    assert not any(t.strip("-") in {"1", "2", "3", "4", "5", "6"} for t in texts)
    # The 五 paragraph runs from page 5 to page 6 as one paragraph.
    assert any(t.startswith("对照上级新要求") and t.endswith("流动性过快的问题。") for t in texts)


def _ours(piece: Piece) -> list[list[str | None]]:
    seen: set[int] = set()
    rows: list[list[str | None]] = []
    for row in piece.rows:
        cells: list[str | None] = []
        for region in row:
            if id(region) in seen:
                cells.append(None)
            else:
                seen.add(id(region))
                cells.append("".join(region.text.split()))
        # pdfplumber has no column for text past the page's edge (see _grid._beyond_page).
        rows.append(cells[:-1] if "beyond page" in piece.implied else cells)
    return rows


def _agree(
    ours: list[list[str | None]], theirs: list[list[str | None]], *, labels: bool = True
) -> bool:
    """Cell for cell, except where pdfplumber is known to be wrong:

    * vertical text (columns of upright characters): pdfplumber reads it across the columns,
      giving the same characters in another order;
    * a long label that Calc prints unwrapped, centred across its row's rules: pdfplumber
      adds the next row's overflowing start to this cell. Where two such labels overlap, the
      page itself is garbled; with ``labels=False`` only cells holding a number are compared.
    """
    if len(ours) != len(theirs):
        return False
    for r, (mine, other) in enumerate(zip(ours, theirs, strict=True)):
        if len(mine) != len(other):
            return False
        for c, (a, b) in enumerate(zip(mine, other, strict=True)):
            if a == b:
                continue
            if a is None or b is None:
                return False
            if not labels and not (_NUMBER.fullmatch(a) or _NUMBER.fullmatch(b)):
                continue
            if sorted(a) == sorted(b):
                continue
            below = [row[c] or "" for row in ours[r + 1 :] if c < len(row)]
            if b.startswith(a) and any(text.startswith(b[len(a) :][:6]) for text in below):
                continue
            return False
    return True


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_cells_agree_with_pdfplumber(path: Path) -> None:
    """Every table pdfplumber finds with two or more columns is one of ours, cell for cell.

    pdfplumber also takes white boxes behind text (invisible) for one-column tables; govinfo
    does not draw a table from what is not visible, so those are not compared.
    """
    pages = read_pages(path.read_bytes(), source=path.name)
    compared = 0
    with pdfplumber.open(path) as pdf:
        for plumber_page, page in zip(pdf.pages, pages, strict=True):
            pieces, _ = page_tables(page)
            for table in plumber_page.find_tables():
                theirs = [
                    [None if c is None else "".join(c.split()) for c in row]
                    for row in table.extract()
                ]
                if max(len(row) for row in theirs) < 2:
                    continue
                match = [p for p in pieces if abs(p.top - table.bbox[1]) < 4]
                assert match, f"page {page.number}: no table at {table.bbox}"
                own = path.name.endswith(".own.pdf")  # Calc's unwrapped labels overflow
                assert _agree(_ours(match[0]), theirs, labels=not own), f"page {page.number}"
                compared += 1
    # Printed workbooks have no rules (Calc prints no grid lines): no table on either side.
    assert compared >= 3 or path.name.endswith(".xlsx.pdf")
