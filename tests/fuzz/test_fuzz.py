"""Fuzzing in the test suite: mutated inputs never escape a reader as anything but GovInfoError.

Each test draws a few hundred structure-aware mutations (``_mutate``: lines and cells of text,
XML parts inside DOCX/XLSX zips, zip headers, raw bytes) of the fixtures, the example reports
and govinfo's own writers' output, reads each, and checks and serialises what was read. The
on-demand run of thousands per reader, with a time limit per call, is benchmarks/fuzz.py.
"""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.fuzz._mutate import ESCAPED, ESCAPED_AFTER, READERS, case, probe, seeds

# Small growth per mutation: the suite hunts for escapes, the script for slow inputs.
_SCALE = 20


@functools.cache
def _seeds(reader: str) -> list[bytes]:
    return seeds(reader)


@pytest.mark.parametrize("reader", READERS)
@settings(max_examples=75)
@given(number=st.integers(min_value=0, max_value=2**32))
def test_mutated_inputs_read_or_refuse(reader: str, number: int) -> None:
    """A mutated input gives a report (that checks and serialises) or a GovInfoError."""
    data = case(reader, _seeds(reader), number, _SCALE)
    outcome, error = probe(reader, data)
    assert outcome not in (ESCAPED, ESCAPED_AFTER), repr(error)


@pytest.mark.parametrize("reader", READERS)
@given(data=st.binary(max_size=600))
def test_any_bytes_read_or_refuse(reader: str, data: bytes) -> None:
    """Arbitrary bytes give a report or a GovInfoError."""
    outcome, error = probe(reader, data)
    assert outcome not in (ESCAPED, ESCAPED_AFTER), repr(error)
