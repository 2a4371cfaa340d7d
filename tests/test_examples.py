"""The examples, the notebook and the API page never rot: each runs as documented."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import govinfo

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def _run(script: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(EXAMPLES / script), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_check_reports(tmp_path: Path) -> None:
    """check_reports.py checks the bundled seeds: none fails, each with its summary."""
    done = _run("check_reports.py", tmp_path)
    assert done.returncode == 0, done.stderr
    summaries = [
        line
        for line in done.stdout.splitlines()
        if line.startswith(("  passed: ", "  incomplete: "))
    ]
    assert len(summaries) == len(list((EXAMPLES / "reports").glob("*.txt")))


def test_convert_report(tmp_path: Path) -> None:
    """convert_report.py writes four formats into ./converted and each reads back identically."""
    done = _run("convert_report.py", tmp_path)
    assert done.returncode == 0, done.stderr
    assert sorted(p.name for p in (tmp_path / "converted").iterdir()) == [
        "report.json",
        "report.txt",
        "report.xlsx",
        "report.xml",
    ]
    assert done.stdout.count("reads back identically") == 4


def test_fill_and_export(tmp_path: Path) -> None:
    """fill_and_export.py infers the totals, passes the check and writes xlsx and xml."""
    done = _run("fill_and_export.py", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "（七）总计 = 11" in done.stdout
    report = govinfo.from_dict(govinfo.to_dict(_read(tmp_path / "filled.xml")))
    assert report.applications is not None
    assert report.applications.outcome_total.total == 11
    assert (tmp_path / "filled.xlsx").stat().st_size > 0


def _read(path: Path) -> govinfo.AnnualReport:
    from govinfo.reading.api import read

    return read(path).report


def test_compare_years(tmp_path: Path) -> None:
    """compare_years.py reports the broken carry-over of the later year as a warning."""
    done = _run("compare_years.py", tmp_path)
    assert done.returncode == 0, done.stderr
    assert "X-CARRY-OVER[total]" in done.stdout


def test_corpus_dask(tmp_path: Path) -> None:
    """corpus_dask.py really runs on the bundled reports with Dask (a test dependency)."""
    import dask  # noqa: F401 - the test extra installs dask[bag]: a missing Dask fails here

    done = _run("corpus_dask.py", tmp_path)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    seeds = sorted(p.name for p in (EXAMPLES / "reports").iterdir())
    assert sorted(line.split(":")[0] for line in lines[:-1]) == seeds
    counts = ast.literal_eval(lines[-1])
    assert sum(counts.values()) == len(seeds)
    assert set(counts) <= {"passed", "failed", "incomplete"}
    assert counts.get("failed", 0) == 0


def test_corpus_dask_without_dask(tmp_path: Path) -> None:
    """Without Dask the example fails (exit 1) and says how to install it."""
    code = (
        "import runpy, sys; sys.modules['dask'] = None; sys.argv = ['corpus_dask.py']; "
        f"runpy.run_path({str(EXAMPLES / 'corpus_dask.py')!r}, run_name='__main__')"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=False
    )
    assert done.returncode == 1
    assert 'pip install "dask[bag]"' in done.stderr


def _code_cells(path: Path) -> list[str]:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    return ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]


def test_notebook_runs_top_to_bottom(monkeypatch: pytest.MonkeyPatch) -> None:
    """explore.ipynb's code cells run in order in one namespace; displayed values render."""
    monkeypatch.chdir(EXAMPLES)
    namespace: dict[str, Any] = {"__name__": "__notebook__"}
    shown = 0
    for source in _code_cells(EXAMPLES / "explore.ipynb"):
        tree = ast.parse(source)
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        if last is not None:
            tree.body.pop()
        exec(compile(tree, "explore.ipynb", "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), "explore.ipynb", "eval"), namespace)
            if type(value).__module__.startswith("govinfo") and hasattr(value, "_repr_html_"):
                assert value._repr_html_().startswith("<style>")
                shown += 1
    assert shown >= 3  # the view, the check result and the edited report's view


def test_api_page_lists_every_public_name() -> None:
    """docs/api.md mentions every name of govinfo.__all__ (as `name`)."""
    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    documented = set(re.findall(r"`([A-Za-z_][A-Za-z0-9_]*)", text))
    missing = sorted(set(govinfo.__all__) - documented)
    assert not missing, missing


def test_api_page_names_are_importable_where_it_says() -> None:
    """Every name a table of docs/api.md lists is in govinfo.__all__, or, in a section headed
    "from `govinfo.<module>`", importable from that module."""
    import importlib

    text = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    wrong = []
    for section in re.split(r"^## ", text, flags=re.MULTILINE)[1:]:
        heading = section.splitlines()[0]
        module = re.search(r"from `(govinfo[.\w]*)`", heading)
        for name in re.findall(r"^\| `([A-Za-z_]\w*)` \|", section, flags=re.MULTILINE):
            if module is None:
                ok = name in govinfo.__all__
            else:
                ok = hasattr(importlib.import_module(module.group(1)), name)
            if not ok:
                wrong.append((heading, name))
    assert not wrong, wrong


def _readme_tour() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## A short tour", 1)[1]
    match = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert match is not None, "the README's tour has no python block"
    return match.group(1)


def test_readme_tour_runs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The README's tour runs as written and prints what its comments say."""
    monkeypatch.chdir(ROOT)
    exec(compile(_readme_tour(), "README.md", "exec"), {"__name__": "__readme__"})
    printed = capsys.readouterr().out.splitlines()
    assert printed[0] == "4"
    assert printed[1].startswith("incomplete: 42 passed, 0 violation(s)")
    assert "incomplete False" in printed


def test_readme_tour_type_checks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The README's tour passes mypy --strict as written (the Optional sections narrowed)."""
    from mypy import api

    tour = tmp_path / "tour.py"
    tour.write_text(_readme_tour(), encoding="utf-8")
    package = Path(govinfo.__file__).resolve().parents[1]
    if "site-packages" not in package.parts:  # a source tree: type-check this govinfo
        monkeypatch.setenv("MYPYPATH", str(package))
    out, err, status = api.run(
        [
            "--strict",
            "--config-file",
            str(ROOT / "pyproject.toml"),  # the project's settings for its own dependencies
            "--cache-dir",
            str(tmp_path / "cache"),
            "--no-error-summary",
            str(tour),
        ]
    )
    assert status == 0, out + err
