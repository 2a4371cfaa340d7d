"""The command line takes PDFs: check reads one, batch finds them in directories."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo.cli import main
from govinfo.cli._batch import collect

REAL = Path(__file__).resolve().parents[2] / "data" / "pdf" / "real" / "huaian_2024.pdf"


def test_check_reads_a_pdf(capsys: pytest.CaptureFixture[str]) -> None:
    """`govinfo check report.pdf`: every rule of the real report verified and holding."""
    assert main(["check", str(REAL)]) == 0
    assert "huaian_2024.pdf" in capsys.readouterr().out


def test_batch_finds_pdfs_in_a_directory() -> None:
    """A directory given to batch yields its PDFs."""
    assert str(REAL) in collect([str(REAL.parent)])
