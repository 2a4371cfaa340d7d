"""What a reader returns: the report, with everything the reading noticed or inferred."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import attrs

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.locations import Location

if TYPE_CHECKING:
    from govinfo.model.report import AnnualReport
    from govinfo.rules.infer import Fill

__all__ = ["Diagnostic", "ReadResult", "Severity"]


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
