"""Fixtures for the XML tests: the report of examples/report.xml and a schema checker."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from lxml import etree

from govinfo import AnnualReport, unflatten
from govinfo.writing.xml import xml_schema

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_SEED = ROOT / "tests" / "data" / "001_6936dc3b40e04b6e.json"


@pytest.fixture(scope="session")
def example_report() -> AnnualReport:
    """Seed 001's expected values as a report (the content of examples/report.xml)."""
    data = json.loads(EXAMPLE_SEED.read_text(encoding="utf-8"))
    cells = {a: Decimal(v) if isinstance(v, str) else v for a, v in data["cells"].items()}
    return unflatten(cells, template=data["template"], organ=data["organ"], year=data["year"])


@pytest.fixture(scope="session")
def example_path() -> Path:
    """Where the example document lives."""
    return ROOT / "examples" / "report.xml"


@pytest.fixture(scope="session")
def schema_errors() -> Callable[[bytes], list[str]]:
    """A function giving the published schema's messages for a document (empty if valid)."""
    schema = etree.XMLSchema(etree.fromstring(xml_schema()))

    def errors(document: bytes) -> list[str]:
        schema.validate(etree.fromstring(document))
        return [str(entry) for entry in schema.error_log]  # type: ignore[attr-defined]

    return errors
