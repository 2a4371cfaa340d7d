"""The readers' fast constructors build the same values as the keyword constructors."""

from __future__ import annotations

import attrs
import pytest

from govinfo.locations import Location, line_location, sheet_location, table_location
from govinfo.reading.document import Cell, new_cell


def test_sheet_and_table_locations_equal_keyword_ones() -> None:
    """Equal, same hash, same text, still frozen, and ``with_source`` works."""
    fast = sheet_location("a.xlsx", "表", "C7", 7, 3)
    slow = Location(source="a.xlsx", sheet="表", ref="C7", row=7, cell=3)
    assert fast == slow
    assert hash(fast) == hash(slow)
    assert (str(fast), repr(fast)) == (str(slow), repr(slow))
    assert fast.with_source("b.xlsx") == slow.with_source("b.xlsx")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        fast.row = 8  # type: ignore[misc]
    assert table_location("a.docx", 2, 3, 4) == Location(source="a.docx", table=2, row=3, cell=4)
    assert table_location(None, 1, 1, 1, "/w:tbl[1]") == Location(
        table=1, row=1, cell=1, xpath="/w:tbl[1]"
    )


def test_new_cell_equals_keyword_cell() -> None:
    """A cell built fast is the keyword-built cell, merged or not."""
    at, origin = Location(row=2, cell=2), Location(row=1, cell=1)
    assert new_cell("8", at) == Cell(text="8", location=at)
    assert new_cell("8", at, origin) == Cell(text="8", location=at, merged_from=origin)
    assert attrs.asdict(new_cell("8", at)) == attrs.asdict(Cell(text="8", location=at))


def test_line_location_equals_keyword_one() -> None:
    """line_location builds the same value as the keyword constructor."""
    assert line_location("a.txt", 12, 3) == Location(source="a.txt", line=12, cell=3)
    assert line_location(None, 1) == Location(line=1)
    assert str(line_location("a.txt", 12, 3)) == "a.txt:line 12, cell 3"
