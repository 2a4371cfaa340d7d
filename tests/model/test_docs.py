"""docs/templates.md is generated from the template registry."""

from pathlib import Path

from govinfo import TEMPLATES
from govinfo.model import cell_specs
from govinfo.model.docs import render_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "templates.md"


def test_templates_page_is_generated() -> None:
    """docs/templates.md is exactly what the registry renders (regenerate it if not)."""
    assert DOCS.read_text(encoding="utf-8") == render_markdown()


def test_templates_page_lists_every_address() -> None:
    """Every address of every registered template is on the page with its labels."""
    text = render_markdown()
    for template in TEMPLATES.values():
        for spec in cell_specs(template):
            assert f"| `{spec.address}` | {spec.row_label} | {spec.column_label} |" in text
