"""The typed model of an annual report. Pure: no I/O, no serialisation.

The classes of the tables and rows belong to the template specs (``govinfo.templates``), which
are the one statement of what each template prints; they are re-exported here.
"""

from govinfo.model.catalogue import (
    CellSpec,
    absent_variants,
    addresses,
    cell_spec,
    cell_specs,
    unprinted,
    variant_cells,
)
from govinfo.model.flat import CellValue, flatten, unflatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport, LegacyValue
from govinfo.templates import (
    KIND,
    LABEL,
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
    OutcomeCounts,
    ProactiveDisclosure,
    ProactiveDisclosure2019,
    ReviewLitigation,
    ValueKind,
)

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
    "ValueKind",
    "absent_variants",
    "addresses",
    "cell_spec",
    "cell_specs",
    "flatten",
    "unflatten",
    "unprinted",
    "variant_cells",
]
