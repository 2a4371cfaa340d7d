"""Text that real tools extracted from the fixtures reads to the expected values, or to None.

``tests/data/extracted`` holds the output of LibreOffice and pdftotext on the DOCX and XLSX
fixtures (see its README). For every file, every cell is either the expected value or ``None``
with a diagnostic that names the cell, its row or its table; never a different number.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tests.conftest import DATA, load_expected

from govinfo.model.flat import CellValue, flatten
from govinfo.reading.result import ReadResult
from govinfo.reading.text import read_text

EXTRACTED = DATA / "extracted"
FILES = sorted(EXTRACTED.glob("*.txt"))


def _stem(path: Path) -> str:
    return path.name.split(".", 1)[0]


def _unexplained(result: ReadResult, address: str) -> bool:
    named = {d.address for d in result.diagnostics if d.address}
    parts = address.split(".")
    return not any(".".join(parts[:n]) in named for n in range(1, len(parts) + 1))


def read_extracted(path: Path) -> tuple[ReadResult, dict[str, CellValue], dict[str, CellValue]]:
    """The reading of ``path``, its cells, and the expected cells of its fixture."""
    result = read_text(path)
    return result, flatten(result.report), load_expected(_stem(path))["cells"]


def test_every_variant_is_present() -> None:
    """Each fixture was extracted in every variant the README lists."""
    assert len(FILES) >= 40


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_cells_exact_or_unknown(path: Path) -> None:
    """No cell reads to a value other than the expected one; unknown cells are diagnosed."""
    result, got, want = read_extracted(path)
    assert set(got) == set(want)
    wrong = {a: (v, want[a]) for a, v in got.items() if v is not None and v != want[a]}
    assert wrong == {}
    silent = [
        a for a, v in got.items() if v is None and want[a] is not None and _unexplained(result, a)
    ]
    assert silent == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_metadata(path: Path) -> None:
    """Template, organ and year come out of the wrapped, split or spaced title lines."""
    result = read_text(path)
    want = load_expected(_stem(path))
    assert result.report.template == want["template"]
    assert result.report.organ == want["organ"]
    assert result.report.year == want["year"]
