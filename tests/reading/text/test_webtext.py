"""Text as the web gives it: crawled one-line pages, box-drawn and pipe tables (issue 14)."""

from __future__ import annotations

import importlib.util
import json
import re
from decimal import Decimal
from pathlib import Path
from types import ModuleType
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo.model.flat import flatten
from govinfo.model.report import AnnualReport
from govinfo.reading.api import read
from govinfo.reading.document import Table
from govinfo.reading.interpret._digits import BUDGET, digit_runs
from govinfo.reading.text import read_text
from govinfo.reading.text._crawl import crawl_header, is_one_line_page, segment
from govinfo.reading.text._lines import to_blocks
from govinfo.strategies import consistent_reports
from govinfo.writing.text import write_text

ROOT = Path(__file__).resolve().parents[3]
DATA = ROOT / "tests" / "data"
WEB = DATA / "webtext"
REPORTS = ROOT / "examples" / "reports"
SEEDS = sorted(p.stem for p in REPORTS.glob("*.txt"))
FIXTURE_STEMS = sorted({p.name.split(".")[0] for p in WEB.glob("0*.txt")})
DUMPS = sorted(p.name for p in WEB.glob("0*.txt"))


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_webtext", WEB / "make_webtext.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _maker()


def _expected(path: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    data["cells"] = {a: Decimal(v) if isinstance(v, str) else v for a, v in data["cells"].items()}
    return data


def _wrong(cells: dict[str, Any], expected: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    return [
        (a, cells.get(a), v)
        for a, v in expected.items()
        if cells.get(a) is not None and cells.get(a) != v
    ]


# --- the real crawl -----------------------------------------------------------------------


def test_pingtan_crawl_reads_exactly_or_says_why() -> None:
    expected = _expected(WEB / "pingtan_2021.json")
    result = read(WEB / "pingtan_2021.crawl.txt")
    cells = flatten(result.report)
    assert result.report.organ == "平潭综合实验区"
    assert result.report.year == 2021
    assert str(result.report.template) == "gb_2021"
    assert _wrong(cells, expected["cells"]) == []
    unknown = {a for a, v in expected["cells"].items() if cells.get(a) is None and v is not None}
    # 693665 splits ten ways into three numbers and no equation binds section 二: unknown.
    assert unknown == {
        "proactive_disclosure.normative_documents.issued",
        "proactive_disclosure.normative_documents.repealed",
        "proactive_disclosure.normative_documents.in_force",
    }
    ambiguous = [
        d
        for d in result.diagnostics
        if d.code == "row-ambiguous" and d.address == "proactive_disclosure.normative_documents"
    ]
    assert ambiguous
    assert "69|3|665" in ambiguous[0].message
    # Section 四's 17 digits for 15 cells: the one split where each group adds up.
    split = next(
        d
        for d in result.diagnostics
        if d.code == "digits-run-together" and d.address == "review_litigation"
    )
    assert "1|0|2|0|3|12|0|0|0|12|0|0|0|0|0" in split.message
    codes = {d.code for d in result.diagnostics}
    assert {"crawl-header", "line-segmented", "page-chrome-removed"} <= codes


def test_crawl_header_needs_two_known_fields() -> None:
    assert crawl_header(["标题: 某报告", "正文"]) == {}
    found = crawl_header(["标题: 某报告", "发布时间: 2022-01-01", "=== 正文 ===", "一、总体情况"])
    assert sorted(found) == [0, 1, 2]
    assert found[0].title == "某报告"


def test_a_long_paragraph_is_not_a_page() -> None:
    prose = "一、总体情况" + "我局认真落实。" * 20
    assert not is_one_line_page(prose)
    assert not is_one_line_page("一、总体情况 二、主动公开政府信息情况")


def test_ordinal_glued_to_digits_stays_with_its_label() -> None:
    line = (
        "二、主动公开政府信息情况（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开"
        "00000008.甲00000009.乙000000010.丙1 三、收到和处理政府信息公开申请情况" + "。" * 300
    )
    pieces, _ = segment(line)
    assert "1.属于国家秘密0000000" in pieces
    assert "2.其他法律行政法规禁止公开0000000" in pieces
    # The ordinal continues the list: 9 after 8, and 10 (two digits) after 9.
    assert "8.甲0000000" in pieces
    assert "9.乙0000000" in pieces
    assert "10.丙1" in pieces


# --- one-line renderings of every seed ----------------------------------------------------


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("source", ["seed", "writer"])
@pytest.mark.parametrize("cell_sep", ["", " "])
@pytest.mark.parametrize("header", [True, False])
def test_one_line_renderings_never_read_a_wrong_number(
    stem: str, source: str, cell_sep: str, header: bool
) -> None:
    expected = _expected(DATA / f"{stem}.json")
    text = (REPORTS / f"{stem}.txt").read_text(encoding="utf-8")
    if source == "writer":
        text = write_text(read(REPORTS / f"{stem}.txt").report)
    result = read_text(MAKE.one_line(text, cell_sep=cell_sep, header=header))
    cells = flatten(result.report)
    assert _wrong(cells, expected["cells"]) == []
    assert result.report.year == expected["year"]
    assert result.report.organ == expected["organ"]
    stated = [a for a, v in expected["cells"].items() if v is not None]
    read_right = [a for a in stated if cells.get(a) == expected["cells"][a]]
    if cell_sep or (source == "writer" and stem != "001_6936dc3b40e04b6e"):
        # Separated cells, or the writer's regular rows: every cell read.
        assert len(read_right) == len(stated)
    for address in stated:
        if cells.get(address) is None:
            row = address.rsplit(".", 1)[0]
            assert any(
                d.address in (row, address, row.split(".")[0]) for d in result.diagnostics
            ), address


# --- box-drawn, ASCII-box, lynx and Markdown tables ---------------------------------------


@pytest.mark.parametrize("name", DUMPS)
def test_browser_dumps_read_exactly(name: str) -> None:
    stem = name.split(".", maxsplit=1)[0]
    expected = _expected(DATA / f"{stem}.json")
    result = read(WEB / name)
    cells = flatten(result.report)
    assert _wrong(cells, expected["cells"]) == []
    assert all(cells.get(a) == v for a, v in expected["cells"].items())
    assert result.report.organ == expected["organ"]


@pytest.mark.parametrize("stem", FIXTURE_STEMS)
def test_markdown_tables_read_exactly_or_unknown(stem: str) -> None:
    expected = _expected(DATA / f"{stem}.json")
    # The writer's regular rows: every cell exact.
    written = write_text(read(REPORTS / f"{stem}.txt").report)
    cells = flatten(read_text(MAKE.markdown(written)).report)
    assert all(cells.get(a) == v for a, v in expected["cells"].items())
    # The seed's own rows, drawn as a grid. Not seed 000: its header puts 其他机构 over the
    # column that holds the totals, and a grid is read as drawn (the header decides).
    if stem.startswith("000"):
        return
    seed = (REPORTS / f"{stem}.txt").read_text(encoding="utf-8")
    cells = flatten(read_text(MAKE.markdown(seed)).report)
    assert _wrong(cells, expected["cells"]) == []


def test_box_grid_cells_wrapped_blank_and_spanning() -> None:
    text = "\n".join(
        [
            "┌──────────┬────────────────┐",
            "│ 信息内容 │ 本年处理决定数 │",
            "│          │ 量             │",
            "├──────────┼────────┬───────┤",
            "│ 行政许可 │ 12     │ 3     │",
            "├──────────┼────────┼───────┤",
            "│          │        │       │",
            "└──────────┴────────┴───────┘",
        ]
    )
    blocks, _ = to_blocks(text, "t")
    (table,) = blocks
    assert isinstance(table, Table)
    assert table.geometry
    header, row, blank = table.rows
    assert header[1].text == "本年处理决定数\n量"
    assert header[2].merged_from == header[1].location
    assert [c.text for c in row] == ["行政许可", "12", "3"]
    assert [c.text for c in blank] == ["", "", ""]
    assert row[1].location.line == 5
    assert row[1].location.cell == 2


def test_box_grid_row_span_through_partial_rules() -> None:
    text = "\n".join(
        [
            "┌──────┬──────┬───┐",
            "│ 三、 │ 甲   │ 1 │",
            "│ 本年 ├──────┼───┤",
            "│      │ 乙   │ 2 │",
            "└──────┴──────┴───┘",
        ]
    )
    (table,) = to_blocks(text, "t")[0]
    assert isinstance(table, Table)
    first, second = table.rows
    assert first[0].text == "三、\n本年"
    assert second[0].merged_from == first[0].location
    assert [c.text for c in second[1:]] == ["乙", "2"]


def test_box_dump_blanked_cell_changes_only_that_cell() -> None:
    text = (WEB / "001_6936dc3b40e04b6e.w3m-box80.txt").read_text(encoding="utf-8")
    clean = flatten(read_text(text).report)
    lines = text.split("\n")
    spots = [
        (i, m.start(), m.end())
        for i, line in enumerate(lines)
        if line.startswith("│")
        for m in re.finditer(r"(?<=│ )\d+(?= *│)", line)
    ]
    for i, start, end in spots[::9]:
        changed = list(lines)
        changed[i] = changed[i][:start] + " " * (end - start) + changed[i][end:]
        result = read_text("\n".join(changed))
        cells = flatten(result.report)
        moved = [a for a in clean if cells.get(a) not in (None, clean[a])]
        # Only the blanked cell may differ (read as 0 when the table then holds, §7).
        assert len(moved) <= 1, moved
        for address in moved:
            assert any(
                d.code == "blank-read-as-zero" and d.address == address for d in result.diagnostics
            )


# --- digit runs ---------------------------------------------------------------------------


def test_digit_runs_enumerate_every_split_within_budget() -> None:
    runs = digit_runs(["640020470"], 7)
    assert runs is not None
    assert (64, 0, 0, 2, 0, 4, 70) in runs.candidates
    assert all(len(c) == 7 for c in runs.candidates)
    several = digit_runs(["500000", "5"], 7)
    assert several is not None
    assert several.candidates == [(5, 0, 0, 0, 0, 0, 5)]
    assert digit_runs(["1", "2"], 7) is None  # single digits: nothing ran together
    assert digit_runs(["12", "x"], 3) is None
    huge = digit_runs(["1" * 40], 15)
    assert huge is not None
    assert huge.gave_up
    assert huge.count > BUDGET
    assert not huge.candidates


def test_leading_zeros_are_never_a_number() -> None:
    runs = digit_runs(["1005"], 2)
    assert runs is not None
    assert runs.candidates == [(100, 5)]  # not 1|005 nor 10|05
    three = digit_runs(["1005"], 3)
    assert three is not None
    assert three.candidates == [(10, 0, 5)]


_SMALL = {"max_count": 60}


@given(consistent_reports(**_SMALL), st.sampled_from(["", " "]))
def test_one_line_reading_is_exact_or_unknown(report: AnnualReport, cell_sep: str) -> None:
    report = attrs.evolve(
        report, organ="某市某局", year=2022, title="2022年政府信息公开工作年度报告"
    )
    truth = flatten(report)
    result = read_text(MAKE.one_line(write_text(report), cell_sep=cell_sep))
    cells = flatten(result.report)
    wrong = [(a, cells[a], truth[a]) for a in truth if cells.get(a) not in (None, truth[a])]
    assert wrong == []
    if cell_sep:
        tables = [a for a in truth if a.split(".")[0] in ("applications", "review_litigation")]
        assert all(cells[a] == truth[a] for a in tables)
