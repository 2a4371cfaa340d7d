"""The rule catalogue: ids, equations generated from the model, and the generated docs page."""

from __future__ import annotations

from pathlib import Path

import pytest

from govinfo.model.catalogue import addresses, cell_spec
from govinfo.rules import RULES, rule
from govinfo.rules.catalogue import PREVIOUS, equations
from govinfo.rules.docs import render_markdown
from govinfo.templates import TEMPLATES, TemplateSpec

DOCS = Path(__file__).resolve().parents[2] / "docs" / "invariants.md"

#: Instances per rule and template, as FORMAT.md §1.6 and §2.3 count them, plus those of the
#: variants some reports print (a 小计 column: one more column; group subtotal rows: four
#: more rows in gb_2021, three in gb_2019), which apply only to reports that print them.
INSTANCES = {
    ("T3-BALANCE", "gb_2021"): 7 + 1,
    ("T3-BALANCE", "gb_2019"): 7 + 1,
    ("T3-ROW-TOTAL", "gb_2021"): 25 + 4,
    ("T3-ROW-TOTAL", "gb_2019"): 23 + 3,
    ("T3-OUTCOME-TOTAL", "gb_2021"): 7 + 1,
    ("T3-OUTCOME-TOTAL", "gb_2019"): 7 + 1,
    ("T3-GROUP-SUBTOTAL", "gb_2021"): 4 * 8,
    ("T3-GROUP-SUBTOTAL", "gb_2019"): 3 * 8,
    ("T3-OUTCOME-TOTAL-BY-GROUP", "gb_2021"): 4 * 8,
    ("T3-OUTCOME-TOTAL-BY-GROUP", "gb_2019"): 3 * 8,
    ("T3-ORG-SUBTOTAL", "gb_2021"): 25 + 4,
    ("T3-ORG-SUBTOTAL", "gb_2019"): 23 + 3,
    ("T4-TOTAL", "gb_2021"): 3,
    ("T4-TOTAL", "gb_2019"): 3,
    ("T2-FEE-PRECISION", "gb_2021"): 1,
    ("L-OUTCOME-TOTAL", "legacy_2008"): 1,
    ("X-CARRY-OVER", "gb_2021"): 7 + 1,
    ("X-CARRY-OVER", "gb_2019"): 7 + 1,
    ("X-IN-FORCE", "gb_2021"): 2,
}


def test_ids_are_unique_and_stable() -> None:
    """Every rule has a distinct id, and the documented ids are all there."""
    ids = [r.id for r in RULES]
    assert len(ids) == len(set(ids))
    assert {rule_id for rule_id, _ in INSTANCES} == set(ids)
    assert rule("T3-BALANCE").invariant == "E1"


@pytest.mark.parametrize("template", list(TEMPLATES.values()))
def test_instance_counts(template: TemplateSpec) -> None:
    """Each rule has one equation per column, row or group of the template, and no others."""
    for r in RULES:
        assert len(r.equations(template)) == INSTANCES.get((r.id, template.id), 0), r.id


def test_outcome_total_sums_the_leaf_rows() -> None:
    """I2 sums 21 leaf rows in gb_2021 and 19 (with other_handling) in gb_2019."""
    eq2021 = rule("T3-OUTCOME-TOTAL").equations("gb_2021")[0]
    eq2019 = rule("T3-OUTCOME-TOTAL").equations("gb_2019")[0]
    assert len(eq2021.rhs) == 21
    assert len(eq2019.rhs) == 19
    assert "applications.other_handling.natural_person" in eq2019.rhs


@pytest.mark.parametrize("template", [TEMPLATES["gb_2021"], TEMPLATES["gb_2019"]])
def test_every_address_is_a_cell(template: TemplateSpec) -> None:
    """Every address an equation names is a cell of the template (or of last year's report)."""
    for r in RULES:
        for eq in r.equations(template):
            for address in eq.cells:
                assert cell_spec(template, address.removeprefix(PREVIOUS)) is not None, address


@pytest.mark.parametrize("template", [TEMPLATES["gb_2021"], TEMPLATES["gb_2019"]])
def test_every_count_of_sections_three_and_four_is_covered(template: TemplateSpec) -> None:
    """Each cell of sections 三 and 四 sits in at least one within-report equation."""
    covered = {a for eq in equations(template) for a in eq.cells}
    tables = [a for a in addresses(template) if not a.startswith("proactive_disclosure.")]
    assert set(tables) <= covered


def test_messages_format() -> None:
    """Every message template takes exactly the documented fields."""
    fields = {"label": "x", "actual": 1, "expected": 2, "difference": -1}
    for r in RULES:
        assert r.message_zh.format(**fields)
        assert r.message_en.format(**fields)
        assert r.formula


def test_docs_page_is_generated() -> None:
    """docs/invariants.md is exactly what the catalogue renders (regenerate it if not)."""
    assert DOCS.read_text(encoding="utf-8") == render_markdown()
    for r in RULES:
        assert f"\n## {r.id}\n" in render_markdown()
