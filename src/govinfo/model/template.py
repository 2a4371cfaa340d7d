"""The three template versions a report can follow."""

from __future__ import annotations

import enum

__all__ = ["Template"]


class Template(str, enum.Enum):
    """Which official format a report follows.

    * ``gb_2021``: 国办公开办函〔2021〕30号, report years 2021 onward.
    * ``gb_2019``: 国办公开办函〔2019〕60号 (试行), report years 2019 and 2020.
    * ``legacy_2008``: free prose under the 2008 条例, report years 2008 to 2018; no tables.
    """

    GB_2021 = "gb_2021"
    GB_2019 = "gb_2019"
    LEGACY_2008 = "legacy_2008"

    def __str__(self) -> str:
        return self.value

    @property
    def has_tables(self) -> bool:
        """Whether reports of this template carry the statistics tables."""
        return self is not Template.LEGACY_2008
