"""govinfo: annual reports on government information disclosure as typed, checked data.

Everything public is importable from here; submodules whose names start with ``_`` and
names not in ``__all__`` are private. ``govinfo.strategies`` (Hypothesis strategies) is public
too but imported explicitly, so using govinfo never imports Hypothesis.
"""

from govinfo.errors import (
    GovInfoError,
    InvalidValueError,
    NotAReportError,
    ReadError,
    SchemaError,
    StructureError,
    UnsafeInputError,
    UnsupportedFormatError,
    ViolationError,
    WriteError,
)
from govinfo.convert import from_dict, from_json, to_dict, to_json
from govinfo.locations import Location
from govinfo.model import (
    AnnualReport,
    ApplicantCounts,
    Applications,
    Applications2019,
    CentralizedProcurement,
    DecisionCount,
    DocumentCounts,
    DocumentCounts2019,
    FeeAmount,
    FeeItems2019,
    ItemCounts2019,
    Narrative,
    OutcomeCounts,
    ProactiveDisclosure,
    ProactiveDisclosure2019,
    ReviewLitigation,
    Template,
    addresses,
    flatten,
    unflatten,
)
from govinfo.reading.result import Diagnostic, ReadResult, Severity

__all__ = [
    "AnnualReport",
    "ApplicantCounts",
    "Applications",
    "Applications2019",
    "CentralizedProcurement",
    "DecisionCount",
    "Diagnostic",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeAmount",
    "FeeItems2019",
    "GovInfoError",
    "InvalidValueError",
    "ItemCounts2019",
    "Location",
    "Narrative",
    "NotAReportError",
    "OutcomeCounts",
    "ProactiveDisclosure",
    "ProactiveDisclosure2019",
    "ReadError",
    "ReadResult",
    "ReviewLitigation",
    "SchemaError",
    "Severity",
    "StructureError",
    "Template",
    "UnsafeInputError",
    "UnsupportedFormatError",
    "ViolationError",
    "WriteError",
    "addresses",
    "flatten",
    "from_dict",
    "from_json",
    "to_dict",
    "to_json",
    "unflatten",
]
