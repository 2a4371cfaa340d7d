"""finding-18 of issue 16: a 142-byte fragment of section 四 (two headers, six numbers on their
own lines) made the placement search try up to C(15,5) placements, each judged by inference
(2-5 s). The placement budget belongs to the interpreter's placement code (branch
``geometry``); this test states the outcome (a report or a GovInfoError, no escape) and runs in
well under a second once that budget is in place."""

from __future__ import annotations

from pathlib import Path

from tests.fuzz._mutate import OK, REFUSED, probe

DATA = Path(__file__).resolve().parents[1] / "data" / "fuzz"


def test_section_four_fragment_is_read_or_refused() -> None:
    """The fragment reads to a report that checks and serialises, or is refused."""
    data = (DATA / "finding-18-text-timeout.txt").read_bytes()
    outcome, error = probe("text", data)
    assert outcome in (OK, REFUSED), repr(error)
