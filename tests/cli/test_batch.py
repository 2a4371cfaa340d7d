"""``govinfo batch``: a corpus in parallel, one row per file plus every cell, in three formats."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from tests.cli.conftest import CLEAN_SEED

import govinfo
from govinfo.cli import main
from govinfo.cli._batch import Outcome, collect, process
from govinfo.cli._outputs import CELL_COLUMNS, FILE_COLUMNS
from govinfo.cli._progress import Progress
from govinfo.reading.api import read

REPORTS = Path(__file__).resolve().parents[2] / "examples" / "reports"


@pytest.fixture
def corpus(
    tmp_path: Path,
    clean_report: govinfo.AnnualReport,
    write_report: Callable[..., Path],
    monkeypatch: pytest.MonkeyPatch,
) -> Path:
    """The five seeds, two years of one organ as JSON (the later one carried over wrongly), an
    .xls workbook, a .doc document with no LibreOffice to convert it (PATH is emptied), junk."""
    directory = tmp_path / "corpus"
    directory.mkdir()
    for seed in sorted(REPORTS.glob("*.txt")):
        (directory / seed.name).write_bytes(seed.read_bytes())
    assert clean_report.year is not None
    cells = govinfo.flatten(clean_report)
    carried = cells["applications.carried_forward.total"]
    assert isinstance(carried, int)
    write_report(clean_report, "corpus/a_this_year.json")
    earlier = dict(cells)
    earlier["applications.carried_forward.total"] = carried + 1
    earlier["applications.carried_forward.natural_person"] = (
        int(cells["applications.carried_forward.natural_person"] or 0) + 1
    )
    earlier["applications.new_received.total"] = (
        int(cells["applications.new_received.total"] or 0) + 1
    )
    earlier["applications.new_received.natural_person"] = (
        int(cells["applications.new_received.natural_person"] or 0) + 1
    )
    write_report(
        govinfo.unflatten(earlier, template=clean_report.template),
        "corpus/a_last_year.json",
        organ=clean_report.organ,
        year=clean_report.year - 1,
    )
    (directory / "broken.json").write_text("{not json", encoding="utf-8")
    (directory / "notes.md").write_text("not a report", encoding="utf-8")
    # a legacy Word file without LibreOffice: unsupported, with what to do; an .xls is read
    data = Path(__file__).resolve().parents[1] / "data"
    (directory / "old.doc").write_bytes((data / "office" / f"{CLEAN_SEED}.doc").read_bytes())
    (directory / "old.xls").write_bytes((data / "xls" / f"{CLEAN_SEED}.xls").read_bytes())
    empty = tmp_path / "empty-path"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # the worker processes inherit it
    (directory / ".hidden").mkdir()
    (directory / ".hidden" / "skipped.txt").write_text("not listed", encoding="utf-8")
    return directory


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


def test_csv_tables(corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """CSV output: a row per report file, its cells in OUT.cells.csv, failures kept as rows."""
    out = tmp_path / "out" / "corpus.csv"
    assert main(["batch", str(corpus), "-o", str(out), "--jobs", "2"]) == 0
    files = _csv(out)
    assert list(files[0]) == list(FILE_COLUMNS)
    by_name = {Path(r["file"]).name: r for r in files}
    # every file given is a row: no suffix is skipped, only hidden files are
    assert sorted(by_name) == sorted(
        [p.name for p in REPORTS.glob("*.txt")]
        + ["a_this_year.json", "a_last_year.json", "broken.json", "notes.md", "old.doc"]
        + ["old.xls"]
    )
    assert by_name["broken.json"]["status"] == "unreadable"
    assert by_name["broken.json"]["error"]
    assert by_name["notes.md"]["status"] == "unreadable"
    assert by_name["old.doc"]["status"] == "unsupported"
    assert ".docx" in by_name["old.doc"]["error"]
    assert "install LibreOffice" in by_name["old.doc"]["error"]
    assert "LibreOffice" in by_name["old.doc"]["error_zh"]
    assert "安装" in by_name["old.doc"]["error_zh"]
    assert by_name["old.xls"]["status"] == "passed"
    clean = by_name["004_402c59144089559f.txt"]
    assert clean["status"] == "passed"
    assert (clean["violations"], clean["unverifiable"], clean["cells_inferred"]) == ("0", "0", "0")
    report = read(REPORTS / "004_402c59144089559f.txt").report
    result = report.check()
    # (>=: the corpus holds the same organ's previous year, so cross-report rules pass too)
    assert int(clean["passed"]) >= result.passed
    assert int(clean["cells_read"]) == result.cells_stated
    # the seed without a fee row cannot have its fee rule verified
    assert by_name["001_6936dc3b40e04b6e.txt"]["status"] == "incomplete"
    assert int(by_name["001_6936dc3b40e04b6e.txt"]["unverifiable"]) >= 1
    # the pair of years: last year's file is itself consistent, this year's carry-over is not
    assert by_name["a_last_year.json"]["status"] == "passed"
    assert int(by_name["a_this_year.json"]["warnings"]) >= 1
    cells = _csv(out.with_name("corpus.cells.csv"))
    assert list(cells[0]) == list(CELL_COLUMNS)
    seed = [c for c in cells if Path(c["file"]).name == "004_402c59144089559f.txt"]
    assert {c["address"]: c["value"] for c in seed} == {
        a: "" if v is None else str(v) for a, v in govinfo.flatten(report).items()
    }
    summary = capsys.readouterr().out
    assert summary.startswith(
        "11 file(s): 7 passed, 0 failed, 1 incomplete, 2 unreadable, 1 unsupported; wrote "
    )


def test_jsonl_and_xlsx_agree(corpus: Path, tmp_path: Path) -> None:
    """The JSONL files and the two XLSX sheets hold the same rows."""
    jsonl = tmp_path / "c.jsonl"
    xlsx = tmp_path / "c.xlsx"
    assert main(["batch", str(corpus), "-o", str(jsonl), "-q", "-j", "1"]) == 0
    assert main(["batch", str(corpus / "*.txt"), str(corpus / "*"), "-o", str(xlsx), "-q"]) == 0
    rows = [json.loads(line) for line in jsonl.read_text("utf-8").splitlines()]
    cells = [
        json.loads(line)
        for line in jsonl.with_name("c.cells.jsonl").read_text("utf-8").splitlines()
    ]
    book = load_workbook(xlsx, read_only=True)
    sheet_rows = list(book["files"].iter_rows(values_only=True))
    sheet_cells = list(book["cells"].iter_rows(values_only=True))
    assert sheet_rows[0] == FILE_COLUMNS
    assert sorted((r[0], r[4]) for r in sheet_rows[1:]) == sorted(
        (r["file"], r["status"]) for r in rows
    )
    assert len(sheet_cells) - 1 == len(cells)


def test_output_is_not_read_back(
    tmp_path: Path, clean_report: govinfo.AnnualReport, write_report: Callable[..., Path]
) -> None:
    """A workbook written into the corpus directory is not read as a report next time."""
    write_report(clean_report, "one.json")
    out = tmp_path / "result.xlsx"
    assert main(["batch", str(tmp_path), "-o", str(out), "-q", "-j", "1"]) == 0
    assert main(["batch", str(tmp_path), "-o", str(out), "-q", "-j", "1"]) == 0
    book = load_workbook(out, read_only=True)
    assert [r[0] for r in book["files"].iter_rows(values_only=True)] == [
        "file",
        str(tmp_path / "one.json"),
    ]


def test_process_never_raises(tmp_path: Path) -> None:
    """Reading a file that is not a report gives an unreadable outcome, not an exception."""
    path = tmp_path / "x.docx"
    path.write_bytes(b"PK\x03\x04 not really a zip")
    outcome = process(str(path))
    assert outcome == Outcome(
        file=str(path), status="unsupported", error=outcome.error, error_zh=outcome.error_zh
    )
    assert outcome.error
    assert outcome.error_zh
    junk = tmp_path / "x.txt"
    junk.write_text("这不是一份年度报告。\n", encoding="utf-8")
    assert process(str(junk)).status == "unreadable"


def test_collect_directories_and_globs(corpus: Path) -> None:
    """Directories give their report files recursively; globs give what they match; no repeats."""
    found = collect([str(corpus), str(corpus / "*.json")])
    assert len(found) == len(set(found)) == 11
    assert any(name.endswith(".md") for name in found)
    assert not any("hidden" in name for name in found)


def test_bad_output_suffix(
    corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An output suffix other than .jsonl, .csv, .xlsx exits 2 before reading anything."""
    assert main(["batch", str(corpus), "-o", str(tmp_path / "x.parquet")]) == 2
    assert ".jsonl, .csv, .xlsx" in capsys.readouterr().err


def test_no_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Nothing matching exits 2 and says so."""
    assert main(["batch", str(tmp_path / "*.txt"), "-o", str(tmp_path / "x.csv")]) == 2
    assert "no files in" in capsys.readouterr().err


def test_progress_bar() -> None:
    """The bar redraws in place and ends with a newline once every item is done."""
    stream = io.StringIO()
    progress = Progress(2, stream, enabled=True, width=4)
    progress.advance()
    progress.advance(failed=True)
    text = stream.getvalue()
    assert text.startswith("\r[##..] 1/2 files")
    assert "\r[####] 2/2 files, 1 failed" in text
    assert text.endswith("\n")
    silent = io.StringIO()
    Progress(1, silent, enabled=False).advance()
    assert silent.getvalue() == ""


def test_jobs_must_be_positive(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """--jobs 0 is a usage error (argparse exits with status 2)."""
    with pytest.raises(SystemExit) as exit_info:
        main(["batch", str(tmp_path), "-o", str(tmp_path / "x.csv"), "--jobs", "0"])
    assert exit_info.value.code == 2
    assert "not a positive number" in capsys.readouterr().err


def test_xlsx_continues_past_the_row_limit(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past a sheet's row limit the cells continue in 'cells 2' with their own header."""
    from govinfo.cli import _outputs

    monkeypatch.setattr(_outputs, "SHEET_ROWS", 2)
    cells = [("f", "o", 2021, f"a.b.{n}", "a", "b", str(n), n, False) for n in range(5)]
    _outputs.write_tables(tmp_path / "x.xlsx", [], cells)
    book = load_workbook(tmp_path / "x.xlsx", read_only=True)
    assert book.sheetnames == ["files", "cells", "cells 2", "cells 3"]
    assert [r[7] for r in book["cells 3"].iter_rows(values_only=True)] == ["value", 4]
    assert list(book["files"].iter_rows(values_only=True)) == [FILE_COLUMNS]


def test_xlsx_text_is_never_a_formula(tmp_path: Path) -> None:
    """A file or organ name starting with '=' is stored as text, not as a formula."""
    from govinfo.cli._outputs import write_tables

    write_tables(tmp_path / "x.xlsx", [("=1+1", "=HYPERLINK(1)", *([None] * 8))], [])
    cell = load_workbook(tmp_path / "x.xlsx")["files"]["A2"]
    assert (cell.value, cell.data_type) == ("=1+1", "s")


def test_workers_return_the_report_itself() -> None:
    """A worker's outcome carries the report as read (narrative included) and pickles whole."""
    import pickle

    path = REPORTS / "004_402c59144089559f.txt"
    outcome = process(str(path))
    assert outcome.report == read(path).report
    assert outcome.report is not None
    assert outcome.report.narrative == read(path).report.narrative
    assert pickle.loads(pickle.dumps(outcome)) == outcome
