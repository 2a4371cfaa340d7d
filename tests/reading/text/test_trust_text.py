"""Text carries no column geometry: a reading is taken only when the invariants leave one.

Issue 10's examples as tests (seed 000 with a number removed, the plain ``pdftotext`` of a
real WPS PDF whose section 四 comes column by column, section 四 fragments that once took
seconds), and properties: cells blanked or given a non-number change only themselves; numbers
moved out of their row (column-major order, a value run split by header words) never give a
wrong figure.
"""

from __future__ import annotations

import json
import random
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from tests.reading._changes import (
    TextLayout,
    assert_only_changed,
    changed_texts,
    text_layouts,
)
from tests.reading.text.test_roundtrip import carried_reports

from govinfo.model.flat import CellValue, flatten
from govinfo.model.report import AnnualReport
from govinfo.reading.text import read_text
from govinfo.writing.text import write_text

ROOT = Path(__file__).resolve().parents[3]
REAL = ROOT / "tests" / "data" / "real"
SEED_000 = ROOT / "examples" / "reports" / "000_a95088fcdc73276f.txt"
REVIEW = "四、政府信息公开行政复议、行政诉讼情况"


def _expected(name: str) -> dict[str, CellValue]:
    cells = json.loads((REAL / f"{name}.json").read_text(encoding="utf-8"))["cells"]
    return {a: Decimal(v) if isinstance(v, str) else v for a, v in cells.items()}


def _wrong(got: dict[str, CellValue], expected: dict[str, CellValue]) -> dict[str, object]:
    return {a: (v, got[a]) for a, v in expected.items() if got.get(a) is not None and got[a] != v}


def test_plain_pdftotext_of_a_real_report_states_no_wrong_cell() -> None:
    """Section 四 comes column by column (72 64 178 37 … header words … 12 1 1 6 …): its
    cells are left unknown with a diagnostic, never read as one row (行政复议 总计 = 12)."""
    result = read_text((REAL / "huaian_2024.pdf.txt").read_bytes())
    got = flatten(result.report)
    assert _wrong(got, _expected("huaian_2024")) == {}
    assert got["review_litigation.administrative_review.total"] is None
    assert "row-interleaved" in {d.code for d in result.diagnostics}
    # Sections 二 and 三 still read: most cells are stated.
    assert sum(v is not None for v in got.values()) >= 140


def test_layout_pdftotext_of_a_real_report_reads_exactly() -> None:
    got = flatten(read_text((REAL / "huaian_2024.pdf-layout.txt").read_bytes()).report)
    expected = _expected("huaian_2024")
    assert {a: got[a] for a in expected} == expected


def test_seed_000_with_any_number_removed_changes_only_that_row_to_unknown() -> None:
    """Removing one number from a tab-separated row (（七）总计 lost a 0 and read 8 as 商业企业)."""
    text = SEED_000.read_text(encoding="utf-8")
    lines = text.split("\n")
    clean = flatten(read_text(text).report)
    tried = 0
    for index, line in enumerate(lines):
        fields = line.split("\t")
        for field, value in enumerate(fields):
            if field == 0 or not value.strip().isdigit():
                continue
            removed = "\t".join(fields[:field] + fields[field + 1 :])
            result = read_text("\n".join([*lines[:index], removed, *lines[index + 1 :]]))
            got = flatten(result.report)
            zeros = {d.address for d in result.diagnostics if d.code == "blank-read-as-zero"}
            changed = {a: (clean[a], got[a]) for a in clean if got[a] != clean[a]}
            wrong = {a: c for a, c in changed.items() if c[1] is not None and a not in zeros}
            assert wrong == {}, f"line {index + 1}, field {field}"
            tried += 1
    assert tried > 100


def test_section_four_fragment_gives_up_with_a_diagnostic() -> None:
    """Five numbers for fifteen columns: 3,003 placements, none tried past the budget."""
    result = read_text(f"{REVIEW}\n5\n2\n7\n8\n9\n")
    assert all(v is None for a, v in flatten(result.report).items() if a.startswith("review"))
    messages = [d.message for d in result.diagnostics if d.code == "row-ambiguous"]
    assert messages
    assert "gave up" in messages[0]


def test_fuzz_finding_18_leaves_section_four_unknown() -> None:
    """A fragment of section 四 (headers, then numbers on their own lines), once 2.2 s."""
    head = f"\n805\n72\n\n{REVIEW}\n行政复议\n\n行政诉讼\n未经复议直接起诉\n正\n果\n结\n"
    text = head + "5\n\n2\n\n7\n\n8\n"
    result = read_text(text)
    assert all(v is None for a, v in flatten(result.report).items() if a.startswith("review"))
    assert "row-ambiguous" in {d.code for d in result.diagnostics}


@given(carried_reports(), st.integers(min_value=1, max_value=2), text_layouts(), st.data())
def test_text_changed_cells_change_only_themselves(
    report: AnnualReport, count: int, layout: TextLayout, data: st.DataObject
) -> None:
    """On a line of cells separated by tabs a changed cell changes only itself; printed one
    cell per line (no geometry at all), words in a value cell may leave its row unknown too,
    but no cell reads another value."""
    changed = data.draw(changed_texts(report, count))
    clean = read_text(layout.render(write_text(report)))
    only = layout.separator == "\t"
    assert_only_changed(clean, read_text(layout.render(changed.text)), changed.cells, only=only)


def _column_major(text: str, rng: random.Random) -> str:
    """Some of the tables printed column by column, one cell per line, each column's header
    words before its numbers (plain pdftotext of a table cut by the page)."""
    lines = text.split("\n")
    out: list[str] = []
    table: list[list[str]] = []
    for line in [*lines, ""]:
        if "\t" in line:
            table.append(line.split("\t"))
            continue
        if table and rng.random() < 0.7:
            width = max(len(r) for r in table)
            for column in range(width):
                out.extend(r[column] for r in table if column < len(r) and r[column])
        else:
            out.extend("\t".join(r) for r in table)
        table = []
        out.append(line)
    return "\n".join(out[:-1])


def _split_runs(text: str, rng: random.Random) -> str:
    """Section 四's value row split into runs with its header words between them."""
    lines = text.split("\n")
    at = lines.index(REVIEW)
    groups, labels, values = (i for i in range(at, len(lines)) if "\t" in lines[i])
    cells = lines[values].split("\t")
    cut = sorted(rng.sample(range(1, len(cells)), k=min(2, len(cells) - 1)))
    words = lines[labels].split("\t")
    pieces: list[str] = []
    previous = 0
    for point in [*cut, len(cells)]:
        pieces.append("\t".join(cells[previous:point]))
        if point < len(cells):
            pieces.append(" ".join(words[previous:point]))
        previous = point
    del groups
    return "\n".join([*lines[:values], *pieces, *lines[values + 1 :]])


@given(carried_reports(), st.sampled_from(["column-major", "split-runs"]), st.randoms())
def test_numbers_moved_out_of_their_row_never_read_wrong(
    report: AnnualReport, how: str, rng: random.Random
) -> None:
    text = write_text(report)
    moved = _column_major(text, rng) if how == "column-major" else _split_runs(text, rng)
    got = flatten(read_text(moved).report)
    truth = flatten(report)
    assert {a: (v, got[a]) for a, v in truth.items() if got[a] is not None and got[a] != v} == {}
