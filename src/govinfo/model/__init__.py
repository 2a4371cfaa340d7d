"""The typed model of an annual report. Pure: no I/O, no serialisation."""

from govinfo.model.catalogue import CellSpec, addresses, cell_spec, cell_specs
from govinfo.model.fields import KIND, LABEL, ValueKind
from govinfo.model.flat import CellValue, flatten, unflatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport, LegacyValue
from govinfo.model.rows import (
    ApplicantCounts,
    CentralizedProcurement,
    DecisionCount,
    DocumentCounts,
    DocumentCounts2019,
    FeeAmount,
    FeeItems2019,
    ItemCounts2019,
    OutcomeCounts,
)
from govinfo.model.tables import (
    Applications,
    Applications2019,
    ProactiveDisclosure,
    ProactiveDisclosure2019,
    ReviewLitigation,
)
from govinfo.model.template import Template

__all__ = [
    "KIND",
    "LABEL",
    "AnnualReport",
    "ApplicantCounts",
    "Applications",
    "Applications2019",
    "CellSpec",
    "CellValue",
    "CentralizedProcurement",
    "DecisionCount",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeAmount",
    "FeeItems2019",
    "ItemCounts2019",
    "LegacyValue",
    "Narrative",
    "OutcomeCounts",
    "ProactiveDisclosure",
    "ProactiveDisclosure2019",
    "ReviewLitigation",
    "Template",
    "ValueKind",
    "addresses",
    "cell_spec",
    "cell_specs",
    "flatten",
    "unflatten",
]
