"""The report model: construction, validation, defaults."""

from __future__ import annotations

from decimal import Decimal

import attrs
import pytest

import govinfo
from govinfo import TEMPLATES, AnnualReport, ApplicantCounts, InvalidValueError


class TestValues:
    """Values no report could hold are rejected at construction, naming the field."""

    @pytest.mark.parametrize("bad", [-1, 1.0, "1", True, Decimal(1)])
    def test_count_rejects(self, bad: object) -> None:
        """A count must be a non-negative int (not a bool, float, str or Decimal)."""
        with pytest.raises(InvalidValueError, match=r"ApplicantCounts\.total") as info:
            ApplicantCounts(total=bad)  # type: ignore[arg-type]
        assert info.value.field == "ApplicantCounts.total"
        assert isinstance(info.value, ValueError)

    def test_count_accepts_zero_and_none(self) -> None:
        """Zero and None are different values and both are kept."""
        row = ApplicantCounts(total=0)
        assert row.total == 0
        assert row.natural_person is None

    @pytest.mark.parametrize("bad", [-1, Decimal("-0.1"), 1.5, "1", Decimal("NaN")])
    def test_amount_rejects(self, bad: object) -> None:
        """The fee must be a non-negative finite Decimal."""
        with pytest.raises(InvalidValueError, match="amount_wan_yuan"):
            govinfo.FeeAmount(amount_wan_yuan=bad)  # type: ignore[arg-type]

    def test_amount_keeps_printed_places(self) -> None:
        """A fee printed with more places than the template asks for is kept exactly."""
        fee = govinfo.FeeAmount(amount_wan_yuan=Decimal("24252.311082"))
        assert str(fee.amount_wan_yuan) == "24252.311082"
        assert str(govinfo.FeeAmount(amount_wan_yuan=Decimal("0.50")).amount_wan_yuan) == "0.50"

    def test_int_amount_is_exact_decimal(self) -> None:
        """An int given for an amount becomes the same Decimal."""
        assert govinfo.FeeAmount(amount_wan_yuan=3).amount_wan_yuan == Decimal(3)  # type: ignore[arg-type]

    def test_items_change_is_signed(self) -> None:
        """gb_2019 本年增/减 may be negative; its other counts may not."""
        row = govinfo.ItemCounts2019(items_prev_year=10, items_change=-4, decisions=3)
        assert row.items_change == -4
        with pytest.raises(InvalidValueError, match="items_prev_year"):
            govinfo.ItemCounts2019(items_prev_year=-1)

    def test_frozen(self) -> None:
        """Reports are immutable values."""
        row = ApplicantCounts(total=1)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            row.total = 2  # type: ignore[misc]


class TestReport:
    """The report root and its template-dependent tables."""

    def test_defaults_follow_template(self) -> None:
        """Each template gets its own table classes, all cells unknown."""
        new = AnnualReport(template="gb_2021")
        old = AnnualReport(template="gb_2019")
        legacy = AnnualReport(template="legacy_2008")
        assert type(new.applications) is govinfo.Applications
        assert type(old.applications) is govinfo.Applications2019
        assert legacy.applications is None
        assert new.template == TEMPLATES["gb_2021"]
        assert all(value is None for value in govinfo.flatten(new).values())

    def test_wrong_table_for_template(self) -> None:
        """A gb_2019 table in a gb_2021 report is refused."""
        with pytest.raises(InvalidValueError, match="applications"):
            AnnualReport(template="gb_2021", applications=govinfo.Applications2019())

    def test_legacy_only_for_legacy_template(self) -> None:
        """Pre-2019 statistics belong to legacy_2008 reports only."""
        with pytest.raises(InvalidValueError, match="legacy"):
            AnnualReport(template="gb_2021", legacy={"review_cases": 1})
        with pytest.raises(InvalidValueError, match=r"legacy\.review_cases"):
            AnnualReport(template="legacy_2008", legacy={"review_cases": -1})
        with pytest.raises(InvalidValueError, match="legacy"):
            AnnualReport(template="legacy_2008", legacy={"Bad Key": 1})

    def test_legacy_order_does_not_matter(self) -> None:
        """Two reports with the same statistics are equal whatever order they came in."""
        a = AnnualReport(template="legacy_2008", legacy={"a": 1, "b": 2})
        b = AnnualReport(template="legacy_2008", legacy={"b": 2, "a": 1})
        assert a == b
        assert list(a.legacy) == ["a", "b"]

    def test_legacy_is_read_only(self) -> None:
        """The statistics mapping cannot be changed behind the frozen report's back."""
        report = AnnualReport(template="legacy_2008", legacy={"a": 1})
        with pytest.raises(TypeError):
            report.legacy["a"] = 2  # type: ignore[index]

    @pytest.mark.parametrize("bad", [1800, "2021", 2021.0])
    def test_year(self, bad: object) -> None:
        """The year must be a plausible int."""
        with pytest.raises(InvalidValueError, match="year"):
            AnnualReport(template="gb_2021", year=bad)  # type: ignore[arg-type]

    def test_unknown_template(self) -> None:
        """An unknown template id is a ValueError."""
        with pytest.raises(ValueError, match="gb_2099"):
            AnnualReport(template="gb_2099")
