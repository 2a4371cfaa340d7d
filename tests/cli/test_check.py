"""``govinfo check``: messages, locations, languages, JSON and exit statuses."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import govinfo
from govinfo.cli import main
from govinfo.reading.api import read
from govinfo.strategies import consistent_reports
from govinfo.writing.text import write_text

BAD_CELL = "applications.disclosed.natural_person"

Run = Callable[..., tuple[int, str]]


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str]) -> Run:
    """Run the command line; return the exit status and what it printed."""

    def run(*argv: object) -> tuple[int, str]:
        status = main([str(a) for a in argv])
        return status, capsys.readouterr().out

    return run


def _broken(report: govinfo.AnnualReport, address: str = BAD_CELL) -> govinfo.AnnualReport:
    cells = govinfo.flatten(report)
    value = cells[address]
    assert isinstance(value, int)
    cells[address] = value + 1
    return govinfo.unflatten(cells, template=report.template, organ=report.organ, year=report.year)


def test_seeds_pass(run: Run, seed_path: Callable[[str], Path]) -> None:
    """The bundled seed reports break no rule of severity error; one of them does not state
    its fee row, so its check is incomplete: exit 3, or 0 with --allow-incomplete."""
    paths = sorted(seed_path("x").parent.glob("*.txt"))
    status, out = run("check", "--lang", "en", *paths)
    assert status == 3
    assert out.splitlines()[-1] == "5 file(s): 4 passed, 0 failed, 1 incomplete, 0 unreadable"
    assert f"{seed_path('001_6936dc3b40e04b6e')}: INCOMPLETE: " in out
    assert run("check", "--allow-incomplete", *paths)[0] == 0


def test_violation_points_into_the_text(
    run: Run, tmp_path: Path, clean_report: govinfo.AnnualReport
) -> None:
    """A changed cell is reported as FILE:LINE: RULE message, naming the cell as suspect."""
    path = tmp_path / "bad.txt"
    path.write_text(write_text(_broken(clean_report)), encoding="utf-8")
    where = read(path).locations[BAD_CELL].with_source(None)
    status, out = run("check", "--lang", "en", path)
    assert status == 1
    prefix = f"{path}:{where}: "
    broken = [line for line in out.splitlines() if "T3-" in line]
    assert all(line.startswith(prefix) for line in broken)
    assert [line[len(prefix) :].split(" ")[:2] for line in broken] == [
        ["error:", "T3-ROW-TOTAL[disclosed]"],
        ["error:", "T3-OUTCOME-TOTAL[natural_person]"],
    ]
    value = govinfo.flatten(clean_report)[BAD_CELL]
    # the suspect in the report's words, then its address, then the value that fixes it
    named = f"（一）予以公开 · 自然人 [{BAD_CELL}]"
    assert all(line.endswith(f"(suspect: {named}, should be {value})") for line in broken)
    assert out.splitlines()[-1].startswith(f"{path}: FAILED: 2 violation(s)")


def test_chinese_is_the_default(
    run: Run, clean_report: govinfo.AnnualReport, write_report: Callable[..., Path]
) -> None:
    """Without --lang the rule messages and the summary are in Chinese."""
    path = write_report(_broken(clean_report), "bad.json")
    status, out = run("check", path)
    assert status == 1
    value = govinfo.flatten(clean_report)[BAD_CELL]
    assert f"(疑似出错单元格: （一）予以公开 · 自然人 [{BAD_CELL}], 应为 {value})" in out
    assert ": 错误: T3-ROW-TOTAL[disclosed] " in out
    assert "未通过" in out.splitlines()[-1]


def test_json_output(
    run: Run, clean_report: govinfo.AnnualReport, write_report: Callable[..., Path]
) -> None:
    """--json gives each file's status, violations with cells, suspect and values."""
    bad = write_report(_broken(clean_report), "bad.json")
    good = write_report(clean_report, "good.json")
    status, out = run("check", "--json", bad, good)
    assert status == 1
    data = json.loads(out)
    assert [f["status"] for f in data["files"]] == ["failed", "passed"]
    counts = [data[k] for k in ("passed", "failed", "incomplete", "unreadable")]
    assert counts == [1, 1, 0, 0]
    first = data["files"][0]["violations"][0]
    assert first["rule"] == "T3-ROW-TOTAL"
    assert first["suspect"] == BAD_CELL
    assert first["suggested"] == govinfo.flatten(clean_report)[BAD_CELL]
    good_file = data["files"][1]
    assert good_file["cells_read"] == sum(
        v is not None for v in govinfo.flatten(clean_report).values()
    )
    assert good_file["cells_inferred"] == 0
    assert BAD_CELL in first["cells"]
    assert first["difference"] == first["actual"] - first["expected"]


def test_unreadable_file_exits_2(
    run: Run, tmp_path: Path, seed_path: Callable[[str], Path]
) -> None:
    """A missing or non-report file makes the exit status 2 and the others are still checked."""
    junk = tmp_path / "junk.txt"
    junk.write_text("这不是一份年度报告。\n", encoding="utf-8")
    status, out = run(
        "check", "--lang", "en", junk, tmp_path / "missing.txt", seed_path("004_402c59144089559f")
    )
    assert status == 2
    assert f"{junk}: UNREADABLE" in out
    assert f"{tmp_path / 'missing.txt'}: UNREADABLE" in out
    assert out.splitlines()[-1] == "3 file(s): 1 passed, 0 failed, 0 incomplete, 2 unreadable"


def test_consecutive_years_are_compared(
    run: Run, clean_report: govinfo.AnnualReport, write_report: Callable[..., Path]
) -> None:
    """Two years of one organ get the carry-over rule: a mismatch is a warning."""
    assert clean_report.year is not None
    carried = govinfo.flatten(clean_report)["applications.carried_over.total"]
    assert isinstance(carried, int)
    last_year = _broken(clean_report, "applications.carried_forward.total")
    earlier = write_report(last_year, "earlier.json", year=clean_report.year - 1)
    later = write_report(clean_report, "later.json")
    status, out = run("check", "--json", later, earlier)
    data = json.loads(out)
    later_warnings = [w["rule"] for w in data["files"][0]["warnings"]]
    assert "X-CARRY-OVER" in later_warnings
    alone = json.loads(run("check", "--json", later)[1])
    assert "X-CARRY-OVER" not in [w["rule"] for w in alone["files"][0]["warnings"]]
    assert status == 1  # the earlier file itself breaks its balance


def test_strict_fails_on_warnings(run: Run, seed_path: Callable[[str], Path]) -> None:
    """--strict turns a rule warning (the legacy seed's outcome sum) into exit status 1."""
    legacy = seed_path("003_177e9577cd498f96")
    status, out = run("check", legacy)
    assert status == 0
    assert ": 警告: L-OUTCOME-TOTAL " in out  # a warning says so, never looks like an error
    assert ": warning: L-OUTCOME-TOTAL " in run("check", "--lang", "en", legacy)[1]
    assert run("check", "--strict", legacy)[0] == 1


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(report=consistent_reports())
def test_consistent_reports_pass(report: govinfo.AnnualReport, tmp_path: Path, run: Run) -> None:
    """Every consistent report, written as JSON, passes the check with exit status 0 (3 when
    its fee is not stated, so that the fee's precision cannot be verified)."""
    path = tmp_path / "r.json"
    path.write_text(govinfo.to_json(report), encoding="utf-8")
    status, out = run("check", "--json", path)
    assert status == (3 if report.check().unverifiable else 0), out
    assert run("check", "--allow-incomplete", path)[0] == 0


def test_reader_bug_is_unreadable_not_a_crash(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, seed_path: Callable[[str], Path]
) -> None:
    """An unexpected exception in a reader makes that file unreadable; the others are checked."""
    from govinfo.cli import _check

    real = _check.read_file

    def flaky(path: Path) -> govinfo.ReadResult:
        if path.name == "boom.txt":
            raise IndexError("reader bug")
        return real(path)

    monkeypatch.setattr(_check, "read_file", flaky)
    status, out = run(
        "check", "--lang", "en", tmp_path / "boom.txt", seed_path("004_402c59144089559f")
    )
    assert status == 2
    assert "internal error, please report: IndexError: reader bug" in out
    assert out.splitlines()[-1] == "2 file(s): 1 passed, 0 failed, 0 incomplete, 1 unreadable"


def test_a_report_without_statistics_exits_3(run: Run, tmp_path: Path) -> None:
    """The issue's case: a title and 一、总体情况 but no table is incomplete, not ok."""
    path = tmp_path / "prose.txt"
    path.write_text(
        "某县人民政府2021年政府信息公开工作年度报告\n一、总体情况\n本年度我县认真贯彻落实条例。\n",
        encoding="utf-8",
    )
    status, out = run("check", "--lang", "en", path)
    assert status == 3
    last = out.splitlines()[-1]
    assert last.startswith(f"{path}: INCOMPLETE: 0 violation(s)")
    assert last.endswith("0 passed; 0 cell(s) read, 0 inferred")
    zh = run("check", path)[1].splitlines()[-1]
    assert "核验不完整" in zh
    assert "读取单元格 0 个" in zh
    assert run("check", "--allow-incomplete", path)[0] == 0


def test_exit_status_precedence(
    run: Run, tmp_path: Path, clean_report: govinfo.AnnualReport, write_report: Callable[..., Path]
) -> None:
    """Unreadable (2) outranks failed (1), which outranks incomplete (3)."""
    prose = tmp_path / "prose.json"
    prose.write_text(govinfo.to_json(govinfo.AnnualReport(template="gb_2021")), encoding="utf-8")
    bad = write_report(_broken(clean_report), "bad.json")
    assert run("check", prose)[0] == 3
    assert run("check", prose, bad)[0] == 1
    assert run("check", prose, bad, tmp_path / "missing.txt")[0] == 2


def test_places_are_said_in_the_chosen_language(run: Run) -> None:
    """A diagnostic's place is in the message's language: 第51行，第3格 / line 51, cell 3."""
    seed = Path(__file__).resolve().parents[2] / "examples" / "reports"
    path = seed / "000_a95088fcdc73276f.txt"
    zh = [line for line in run("check", path)[1].splitlines() if "[row-short]" in line]
    en = [
        line for line in run("check", "--lang", "en", path)[1].splitlines() if "[row-short]" in line
    ]
    assert zh
    assert zh[0].startswith(f"{path}:第51行，第3格: 警告: [row-short]")
    assert en[0].startswith(f"{path}:line 51, cell 3: warning: [row-short]")


def test_location_text_in_both_languages() -> None:
    where = govinfo.Location(source="r.docx", table=2, row=4, cell=3)
    assert where.text("en") == str(where) == "r.docx:table 2, row 4, cell 3"
    assert where.text("zh") == "r.docx:第2个表格，第4行，第3格"
    assert govinfo.Location(page=3, line=7).text("zh") == "第7行，第3页"
    with pytest.raises(ValueError, match="lang"):
        where.text("fr")
