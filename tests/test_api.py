"""The public API: ``__all__`` is the contract, and every public name is documented."""

from __future__ import annotations

import inspect
import subprocess
import sys

import govinfo


def test_all_is_complete() -> None:
    """``__all__`` lists exactly the public names the package defines (ruff's RUF022 keeps it
    sorted)."""
    public = {name for name in dir(govinfo) if not name.startswith("_")}
    submodules = {name for name, value in vars(govinfo).items() if inspect.ismodule(value)}
    assert set(govinfo.__all__) == public - submodules
    assert all(getattr(govinfo, name) is not None for name in govinfo.__all__)
    assert len(govinfo.__all__) == len(set(govinfo.__all__))


def test_every_public_name_has_a_docstring() -> None:
    """Each exported class and function says what it is."""
    undocumented = [
        name
        for name in govinfo.__all__
        if (inspect.isclass(obj := getattr(govinfo, name)) or inspect.isfunction(obj))
        and not (obj.__doc__ or "").strip()
    ]
    assert undocumented == []


def test_import_is_light() -> None:
    """Importing govinfo pulls in neither Hypothesis nor pandas nor openpyxl."""
    code = (
        "import sys, govinfo; "
        "print(sorted(m for m in ('hypothesis', 'pandas', 'openpyxl') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
