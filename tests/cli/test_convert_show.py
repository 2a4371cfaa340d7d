"""``govinfo convert`` and ``govinfo show``."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

import govinfo
from govinfo.cli import main
from govinfo.display import text_width
from govinfo.reading.api import read

SEED = "004_402c59144089559f"


@pytest.mark.parametrize("suffix", [".json", ".xml", ".txt", ".xlsx"])
def test_convert_round_trips(
    suffix: str,
    tmp_path: Path,
    seed_path: Callable[[str], Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Text to each writable format and back gives the same cells and metadata."""
    original = read(seed_path(SEED)).report
    target = tmp_path / f"out{suffix}"
    assert main(["convert", str(seed_path(SEED)), str(target)]) == 0
    assert capsys.readouterr().out.strip() == f"{seed_path(SEED)} -> {target}"
    back = (
        govinfo.from_json(target.read_text("utf-8")) if suffix == ".json" else read(target).report
    )
    assert govinfo.flatten(back) == govinfo.flatten(original)
    assert (back.organ, back.year, back.template) == (
        original.organ,
        original.year,
        original.template,
    )


def test_convert_refuses_unknown_suffix(
    tmp_path: Path, seed_path: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """An output suffix no writer handles is an error naming the suffixes that work."""
    status = main(["convert", str(seed_path(SEED)), str(tmp_path / "out.pdf")])
    assert status != 0
    err = capsys.readouterr().err
    assert ".pdf" in err
    assert ".xlsx, .xml, .json, .txt" in err
    assert not (tmp_path / "out.pdf").exists()


def test_convert_unreadable_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A missing input exits 2 with the file named."""
    missing = tmp_path / "missing.txt"
    assert main(["convert", str(missing), str(tmp_path / "out.json")]) == 2
    assert str(missing) in capsys.readouterr().err


def test_show_aligns_columns(
    seed_path: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """Every row of a printed table has the same display width as its header (CJK aware)."""
    assert main(["show", str(seed_path(SEED))]) == 0
    out = capsys.readouterr().out
    blocks = [b.splitlines() for b in out.split("\n\n") if b.startswith(" ")]
    assert len(blocks) == 5
    for lines in blocks:
        assert len({text_width(line) for line in lines}) == 1, lines
    assert "一、本年新收政府信息公开申请数量" in out


def test_show_marks_inferred_cells(
    seed_path: Callable[[str], Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A seed whose reading inferred cells shows them with * and explains the mark."""
    stem = "000_a95088fcdc73276f"
    inferred = read(seed_path(stem)).inferred
    assert inferred
    assert main(["show", str(seed_path(stem))]) == 0
    out = capsys.readouterr().out
    assert out.count("*") == len(inferred) + 1  # one per cell, one in the legend
    assert "inferred" in out.splitlines()[-1]


def test_python_dash_m(seed_path: Callable[[str], Path]) -> None:
    """``python -m govinfo`` runs the same command line."""
    done = subprocess.run(
        [sys.executable, "-m", "govinfo", "check", "--lang", "en", str(seed_path(SEED))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert ": passed: 0 violation(s)" in done.stdout.splitlines()[-1]


def test_convert_highlight_embeds_the_check(
    tmp_path: Path, seed_path: Callable[[str], Path]
) -> None:
    """--highlight embeds the check in .xml; .xlsx with --formulas still reads back."""
    xml = tmp_path / "out.xml"
    assert main(["convert", "--highlight", str(seed_path(SEED)), str(xml)]) == 0
    assert b"<check" in xml.read_bytes()
    xlsx = tmp_path / "out.xlsx"
    assert main(["convert", "--highlight", "--formulas", str(seed_path(SEED)), str(xlsx)]) == 0
    assert govinfo.flatten(read(xlsx).report) == govinfo.flatten(read(seed_path(SEED)).report)


def test_every_command_takes_what_read_takes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """check, convert and show read through govinfo.read(): an .xls (by content, even under
    another name) works in each."""
    source = Path(__file__).resolve().parents[1] / "data" / "xls" / "004_402c59144089559f.xls"
    renamed = tmp_path / "report.dat"
    renamed.write_bytes(source.read_bytes())
    expected = govinfo.read(source).report
    for path in (source, renamed):
        assert main(["check", "--lang", "en", str(path)]) == 0
        assert ": passed: " in capsys.readouterr().out
        target = tmp_path / "out.json"
        assert main(["convert", str(path), str(target)]) == 0
        assert govinfo.from_json(target.read_bytes()) == expected
        assert main(["show", str(path)]) == 0
        assert expected.organ is not None
        assert expected.organ in capsys.readouterr().out
