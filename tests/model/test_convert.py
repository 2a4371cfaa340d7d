"""to_dict / from_dict / JSON: lossless and strict."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from hypothesis import given

import govinfo
from govinfo import StructureError
from govinfo.convert import from_dict, from_json, make_converter, to_dict, to_json
from govinfo.strategies import reports


@given(reports())
def test_dict_roundtrip(report: govinfo.AnnualReport) -> None:
    """from_dict(to_dict(r)) == r for every report, through real JSON text."""
    assert from_dict(json.loads(json.dumps(to_dict(report)))) == report
    assert from_json(to_json(report)) == report


def test_decimal_is_exact_string() -> None:
    """Decimals travel as their exact strings, never floats."""
    report = govinfo.unflatten(
        {"proactive_disclosure.administrative_fees.amount_wan_yuan": Decimal("24252.311082")}
    )
    data = to_dict(report)
    assert data["proactive_disclosure"]["administrative_fees"]["amount_wan_yuan"] == "24252.311082"
    assert data["applications"]["new_received"]["total"] is None


def test_legacy_values_keep_type() -> None:
    """Legacy ints stay ints and Decimals come back as Decimals."""
    report = govinfo.AnnualReport(
        template="legacy_2008", legacy={"review_cases": 2, "fees_collected_yuan": Decimal("1.50")}
    )
    again = from_json(to_json(report))
    assert again == report
    assert type(again.legacy["review_cases"]) is int


@pytest.mark.parametrize(
    ("data", "where"),
    [
        (
            {"template": "gb_2021", "applications": {"new_received": {"total": -1}}},
            r"\$\.applications\.new_received",
        ),
        (
            {"template": "gb_2021", "applications": {"new_received": {"total": "3"}}},
            r"\$\.applications\.new_received\.total",
        ),
        ({"template": "gb_2021", "applications": {"new_received": {"totl": 1}}}, "totl"),
        ({"template": "gb_2021", "narrative": {"overview": 3}}, r"\$\.narrative\.overview"),
        ({"template": "gb_2021", "extra": 1}, "extra"),
        ({}, "template"),
        ([1], "mapping"),
    ],
)
def test_errors_name_the_path(data: object, where: str) -> None:
    """A dict that does not describe a report gets a StructureError naming the path."""
    with pytest.raises(StructureError, match=where):
        from_dict(data)  # type: ignore[arg-type]


def test_not_json() -> None:
    """Text that is not JSON is a StructureError, not a JSONDecodeError."""
    with pytest.raises(StructureError, match="not JSON"):
        from_json("{")


def test_converter_is_private_to_govinfo() -> None:
    """make_converter builds a fresh converter; cattrs' global one is untouched."""
    import cattrs

    assert make_converter() is not make_converter()
    assert cattrs.global_converter.unstructure(Decimal("1.5")) == Decimal("1.5")
