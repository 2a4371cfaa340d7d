"""What a reader returns: the report, with everything the reading noticed or inferred."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from govinfo.locations import Location

if TYPE_CHECKING:
    from govinfo.model.report import AnnualReport
    from govinfo.rules.infer import Fill

__all__ = ["Diagnostic", "ReadResult", "Severity"]


class Severity(str, enum.Enum):
    """How much a diagnostic matters to someone using the values."""

    INFO = "info"  #: a repair or reading choice that cannot change a value's meaning
    WARNING = "warning"  #: something a user should look at: a guess, a disagreement
    ERROR = "error"  #: a value could not be read; the cell stays unknown

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One thing a reader noticed: a repair, a guess, a disagreement, an unreadable value.

    Attributes:
        code: a stable kebab-case code (e.g. ``row-extra-cells``); docs/readers.md lists them.
        message: a sentence for people.
        severity: how much it matters.
        location: where in the source, when it is about a place.
        address: the cell address concerned, when there is one.
    """

    code: str
    message: str
    severity: Severity = Severity.INFO
    location: Location | None = None
    address: str | None = None

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        return f"{where}{self.severity}: [{self.code}] {self.message}"


@attrs.frozen(kw_only=True)
class ReadResult:
    """A report as read from a source.

    Attributes:
        report: the report, with every cell the source states and every cell inferred.
        diagnostics: what the reading noticed, in source order.
        inferred: the cells that were not read but filled by inference, and by which rule.
        locations: where each read cell came from, by address.
        source: the name of the source.
    """

    report: AnnualReport
    diagnostics: tuple[Diagnostic, ...] = ()
    inferred: tuple[Fill, ...] = ()
    locations: Mapping[str, Location] = attrs.field(factory=dict, hash=False)
    source: str | None = None
