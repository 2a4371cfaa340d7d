"""Shared fixtures and Hypothesis profiles.

Profiles: ``ci`` (the default: Hypothesis' own defaults, derandomised so CI is repeatable),
``dev`` (more examples), ``fast`` (few examples, for a quick local loop). Pick one with
``GOVINFO_HYPOTHESIS_PROFILE``.
"""

from __future__ import annotations

import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings

from govinfo.model.catalogue import cell_specs

settings.register_profile(
    "ci", derandomize=True, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile("dev", max_examples=500, deadline=None)
settings.register_profile("fast", max_examples=10, deadline=None)
settings.load_profile(os.environ.get("GOVINFO_HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
REPORTS = ROOT / "examples" / "reports"
FIXTURES = DATA / "fixtures"

#: The bundled seed reports, by stem.
SEEDS = sorted(path.stem for path in REPORTS.glob("*.txt"))


def load_expected(stem: str) -> dict[str, Any]:
    """The expected values of a seed: metadata, and cells with decimals as Decimal."""
    data: dict[str, Any] = json.loads((DATA / f"{stem}.json").read_text(encoding="utf-8"))
    data["cells"] = {
        address: Decimal(value) if isinstance(value, str) else value
        for address, value in data["cells"].items()
    }
    # The seeds print none of the variants some reports print (group subtotal rows, the
    # 小计 column): those cells are not stated, in the template's order.
    optional = [s.address for s in cell_specs(data["template"]) if s.optional]
    if optional:
        cells = {**data["cells"], **dict.fromkeys(optional)}
        data["cells"] = {s.address: cells[s.address] for s in cell_specs(data["template"])}
    return data


@pytest.fixture
def expected() -> Any:
    """The function that loads a seed's expected values (see :func:`load_expected`)."""
    return load_expected


@pytest.fixture(params=SEEDS)
def seed(request: pytest.FixtureRequest) -> str:
    """Each bundled seed report's stem."""
    stem: str = request.param
    return stem
