"""``govinfo --version`` and ``govinfo.__version__`` come from the package metadata."""

from __future__ import annotations

import importlib.metadata

import pytest

import govinfo
from govinfo.cli import main


def test_version_is_the_package_metadata() -> None:
    """``__version__`` is the installed distribution's version."""
    assert govinfo.__version__ == importlib.metadata.version("govinfo")


def test_version_option(capsys: pytest.CaptureFixture[str]) -> None:
    """``govinfo --version`` prints the program and its version and exits 0."""
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"govinfo {govinfo.__version__}"
