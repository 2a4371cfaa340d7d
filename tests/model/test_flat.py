"""flatten / unflatten and the address catalogue."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given

import govinfo
from govinfo import InvalidValueError, flatten, unflatten
from govinfo.model import cell_spec, cell_specs
from govinfo.strategies import reports


def test_addresses_match_format_md() -> None:
    """The catalogue has FORMAT.md §8's 200 gb_2021 cells and 198 gb_2019 cells, and the
    cells of the variants some reports print: a 小计 column in every row of section 三 and
    the group subtotal rows (four in gb_2021, three in gb_2019)."""
    new = govinfo.addresses("gb_2021")
    old = govinfo.addresses("gb_2019")
    variants_2021 = 25 + 4 * 8
    variants_2019 = 23 + 3 * 8
    assert len(new) == len(set(new)) == 6 + 3 + 1 + 25 * 7 + 15 + variants_2021
    assert len(old) == len(set(old)) == 6 + 4 * 3 + 2 + 2 + 23 * 7 + 15 + variants_2019
    optional_2021 = {s.address for s in cell_specs("gb_2021") if s.optional}
    assert len(optional_2021) == variants_2021
    assert "applications.withheld.total" in optional_2021
    assert "applications.other_handling.natural_person" in optional_2021
    assert "applications.disclosed.organisations" in optional_2021
    assert "applications.other_handling.total" in old
    assert "applications.other_misc.total" not in old
    assert govinfo.addresses("legacy_2008") == ()


def test_labels_come_from_the_model() -> None:
    """Each cell knows its official row and column labels."""
    spec = cell_spec("gb_2021", "applications.withheld_third_party_rights.natural_person")
    assert spec is not None
    assert spec.row_label == "4.保护第三方合法权益"
    assert spec.column_label == "自然人"
    assert cell_spec("gb_2021", "applications.nope.total") is None
    assert all(
        spec.row_label and spec.column_label for spec in cell_specs(govinfo.TEMPLATES["gb_2019"])
    )


def test_seed_expected_values_roundtrip(seed: str, expected: Any) -> None:
    """Every seed's expected cells build a report that flattens back to the same cells."""
    expected = expected(seed)
    report = unflatten(
        expected["cells"],
        template=expected["template"],
        organ=expected["organ"],
        year=expected["year"],
    )
    assert flatten(report) == expected["cells"]
    assert report.organ == expected["organ"]


@given(reports())
def test_unflatten_inverts_flatten(report: govinfo.AnnualReport) -> None:
    """unflatten(flatten(r)) == r, metadata aside, for every report."""
    again = unflatten(
        flatten(report),
        template=report.template,
        organ=report.organ,
        year=report.year,
        title=report.title,
        narrative=report.narrative,
    )
    assert again == report


def test_unknown_address_is_named() -> None:
    """An address the template does not have is refused, naming it."""
    with pytest.raises(InvalidValueError, match=r"applications\.other_misc\.total"):
        unflatten({"applications.other_misc.total": 1}, template="gb_2019")


@pytest.mark.parametrize(
    ("address", "value"),
    [
        ("applications.new_received.total", -1),
        ("applications.new_received.total", 1.0),
        ("proactive_disclosure.administrative_fees.amount_wan_yuan", 0.5),
        ("proactive_disclosure.administrative_fees.amount_wan_yuan", "0.5"),
    ],
)
def test_bad_value_names_address(address: str, value: object) -> None:
    """A value the cell cannot hold is refused with the cell's address."""
    with pytest.raises(InvalidValueError, match=address.replace(".", r"\.")):
        unflatten({address: value})


def test_signed_cell() -> None:
    """gb_2019 items_change takes negative values through unflatten."""
    report = unflatten(
        {"proactive_disclosure.administrative_licensing.items_change": -3}, template="gb_2019"
    )
    assert flatten(report)["proactive_disclosure.administrative_licensing.items_change"] == -3


def test_int_fee_becomes_decimal() -> None:
    """An int fee is taken as the exact Decimal."""
    report = unflatten({"proactive_disclosure.administrative_fees.amount_wan_yuan": 2})
    assert flatten(report)["proactive_disclosure.administrative_fees.amount_wan_yuan"] == Decimal(2)
