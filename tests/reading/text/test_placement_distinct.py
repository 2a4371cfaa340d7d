"""Placements of a row's values: distinct readings only, none lost."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from govinfo.reading.interpret._placement import placements


@given(st.lists(st.sampled_from("0012"), min_size=1, max_size=10), st.data())
def test_distinct_placements_are_the_distinct_readings(
    keys: list[str], data: st.DataObject
) -> None:
    """With keys, every reading the plain enumeration gives appears exactly once."""
    columns = data.draw(st.integers(min_value=1, max_value=len(keys)))
    every = {tuple(keys[i] for i in p) for p in placements(len(keys), columns)}
    distinct = [tuple(keys[i] for i in p) for p in placements(len(keys), columns, keys)]
    assert len(distinct) == len(set(distinct))
    assert set(distinct) == every
