"""Arbitrary and mutated documents never escape read_xml as anything but a GovInfoError."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo import AnnualReport, GovInfoError, ReadError, WriteError
from govinfo.reading.xml import read_xml
from govinfo.writing.xml import write_xml

_EXAMPLE = (Path(__file__).resolve().parents[2] / "examples" / "report.xml").read_bytes()


def _read_or_refuse(data: bytes) -> None:
    try:
        result = read_xml(data)
    except GovInfoError:
        return
    assert isinstance(result.report, AnnualReport)


@given(st.binary(max_size=2000))
def test_arbitrary_bytes_are_refused_cleanly(data: bytes) -> None:
    """Random bytes give a report or a GovInfoError, never an lxml or Python error."""
    _read_or_refuse(data)


@given(
    st.lists(
        st.tuples(st.integers(0, len(_EXAMPLE) - 1), st.binary(min_size=0, max_size=3)),
        min_size=1,
        max_size=4,
    )
)
def test_mutated_documents_are_refused_cleanly(edits: list[tuple[int, bytes]]) -> None:
    """Byte edits of a valid document give a report or a GovInfoError, nothing else."""
    data = bytearray(_EXAMPLE)
    for position, replacement in edits:
        data[position : position + 1] = replacement
    _read_or_refuse(bytes(data))


def test_file_object_and_name() -> None:
    """A binary file object is read; ``name`` is used in locations."""
    result = read_xml(io.BytesIO(_EXAMPLE), name="from-stream.xml")
    assert result.source == "from-stream.xml"
    assert result.locations["applications.new_received.total"].source == "from-stream.xml"


def test_text_is_not_a_source() -> None:
    """A str is a path (docs/api.md, "Sources"): the document's text is refused, saying so."""
    with pytest.raises(ReadError, match="looks like the content itself"):
        read_xml(_EXAMPLE.decode())


def test_writing_something_else_is_a_write_error() -> None:
    """write_xml refuses anything but an AnnualReport."""
    with pytest.raises(WriteError, match="AnnualReport"):
        write_xml({"template": "gb_2021"})  # type: ignore[arg-type]
