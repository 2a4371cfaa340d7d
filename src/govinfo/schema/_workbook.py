"""The key column of govinfo's own workbooks, shared by the XLSX writer and reader.

Strategy: everything of a report that is not a table cell (organ, year, title, template, the
narrative sections, the pre-2019 ``legacy.<key>`` statistics) must come back *exactly*, which
no heuristic reading of headings and prose can promise for arbitrary text. So the writer puts
these on a sheet of rows ``label | value | key``, where ``key`` is the model's own name for the
value (an attrs field name or a cell address, FORMAT.md §8), and the reader looks for those
keys wherever they are. The keys are derived from the model classes here, once, so the writer
and the reader cannot drift apart.
"""

from __future__ import annotations

import re

import attrs

from govinfo.model.narrative import Narrative

__all__ = ["CONTINUED", "CONTINUED_KEY", "METADATA_KEYS", "NARRATIVE_PREFIX", "continued_key"]

#: Prefix of the keys of the narrative sections (``narrative.overview``…).
NARRATIVE_PREFIX = "narrative."
#: Every key of the metadata sheet, in the order the writer prints them.
METADATA_KEYS: tuple[str, ...] = (
    "title",
    "organ",
    "year",
    "template",
    *(NARRATIVE_PREFIX + field.name for field in attrs.fields(Narrative)),
)
#: A text longer than one cell continues on rows keyed ``<key>#2``, ``<key>#3``…
CONTINUED = "#"
#: A continuation key: the key it continues, and the piece's number.
CONTINUED_KEY = re.compile(r"^(.+)#([0-9]{1,6})$")


def continued_key(key: str, number: int) -> str:
    """The key of the ``number``-th piece of ``key``'s text (the first is ``key`` itself)."""
    return key if number == 1 else f"{key}{CONTINUED}{number}"
