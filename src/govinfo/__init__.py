"""govinfo: annual reports on government information disclosure as typed, checked data.

Everything public is importable from here; submodules whose names start with ``_`` and
names not in ``__all__`` are private. ``govinfo.strategies`` (Hypothesis strategies) is public
too but imported explicitly, so using govinfo never imports Hypothesis.
"""

import importlib as _importlib
import importlib.metadata as _metadata
import typing as _typing

import govinfo.display as _display  # noqa: F401 - registers the notebook displays
from govinfo.convert import from_dict, from_json, to_dict, to_json
from govinfo.diagnostics import DIAGNOSTICS, Diagnostic, DiagnosticCode, Severity
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
from govinfo.frames import to_frame
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
    addresses,
    flatten,
    unflatten,
)
from govinfo.reading.api import read
from govinfo.reading.docx import read_docx
from govinfo.reading.html import read_html
from govinfo.reading.pdf import read_pdf
from govinfo.reading.result import ReadResult
from govinfo.reading.text import read_text
from govinfo.reading.xls import read_xls
from govinfo.reading.xlsx import read_xlsx
from govinfo.reading.xml import read_xml
from govinfo.rules import (
    RULES,
    CheckResult,
    CheckStatus,
    Equation,
    Fill,
    Inference,
    Rule,
    Unverifiable,
    Violation,
    check,
    check_series,
    infer,
    infer_cells,
    rule,
)
from govinfo.templates import (
    TEMPLATES,
    ColumnSpec,
    GroupSpec,
    Role,
    RowSpec,
    TableSpec,
    TemplateSpec,
    template_spec,
)
from govinfo.writing.text import write_text
from govinfo.writing.xml import write_xml, xml_schema

try:
    __version__: str = _metadata.version("govinfo")
except _metadata.PackageNotFoundError:  # a source tree on sys.path, not installed
    __version__ = "0+unknown"

__all__ = [
    "DIAGNOSTICS",
    "RULES",
    "TEMPLATES",
    "AnnualReport",
    "ApplicantCounts",
    "Applications",
    "Applications2019",
    "CentralizedProcurement",
    "CheckResult",
    "CheckStatus",
    "ColumnSpec",
    "DecisionCount",
    "Diagnostic",
    "DiagnosticCode",
    "DocumentCounts",
    "DocumentCounts2019",
    "Equation",
    "FeeAmount",
    "FeeItems2019",
    "Fill",
    "GovInfoError",
    "GroupSpec",
    "Inference",
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
    "Role",
    "RowSpec",
    "Rule",
    "SchemaError",
    "Severity",
    "StructureError",
    "TableSpec",
    "TemplateSpec",
    "UnsafeInputError",
    "UnsupportedFormatError",
    "Unverifiable",
    "Violation",
    "ViolationError",
    "WriteError",
    "addresses",
    "check",
    "check_series",
    "flatten",
    "from_dict",
    "from_json",
    "infer",
    "infer_cells",
    "read",
    "read_docx",
    "read_html",
    "read_pdf",
    "read_text",
    "read_xls",
    "read_xlsx",
    "read_xml",
    "rule",
    "template_spec",
    "to_dict",
    "to_frame",
    "to_json",
    "unflatten",
    "write_text",
    "write_xlsx",
    "write_xml",
    "xlsx_bytes",
    "xml_schema",
]

if _typing.TYPE_CHECKING:
    from govinfo.writing.xlsx import write_xlsx, xlsx_bytes

# openpyxl takes longer to import than govinfo and everything else it needs together (it pulls in
# numpy when present); only the XLSX writer needs it, so it is imported on first use.
_LAZY = {"write_xlsx": "govinfo.writing.xlsx", "xlsx_bytes": "govinfo.writing.xlsx"}


def __getattr__(name: str) -> _typing.Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'govinfo' has no attribute {name!r}")
    value = getattr(_importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
