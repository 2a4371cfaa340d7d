"""Generate the published XSD from the model catalogue, and load the shipped copy.

Strategy: every element name of the format is a part of a cell address (FORMAT.md §8) or an
attrs field name of the model, and every label is field metadata, so the schema is *derived*
from the model rather than typed: :func:`generate_schema` walks ``cell_specs`` of both table
templates and the model classes, and a test checks that the shipped file equals its output.

XSD 1.0 (all libxml2 supports) cannot make an element's content depend on an attribute's
value, and it forbids two same-named elements of different types in one content model. So a
table element accepts the union of both templates' rows, in an order consistent with each
(``other_handling`` of gb_2019 sits just before gb_2021's three ``other_*`` rows), and a row
accepts the union of its columns. That every cell belongs to the root's ``template`` is
checked by :func:`govinfo.reading.xml.read_xml`, which names the offending element.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterable, Sequence
from importlib import resources

import attrs
from lxml import etree

from govinfo.diagnostics import Diagnostic, Severity
from govinfo.locations import Location
from govinfo.model.catalogue import CellSpec, cell_specs
from govinfo.model.classes import row_class
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.schema._format import (
    CHAR,
    CHAR_CODE_PATTERN,
    CODE,
    KEY,
    LABEL_ATTR,
    NS,
    SCHEMA_FILE,
    TEMPLATE_ATTR,
)
from govinfo.templates import LABEL, TEMPLATES, TemplateSpec, ValueKind, table_templates

__all__ = [
    "ADDRESS",
    "CELL_TYPES",
    "CHECK",
    "CHECK_TEXTS",
    "DIAGNOSTICS",
    "LEGACY",
    "LEGACY_AMOUNT",
    "LEGACY_COUNT",
    "LOCATION",
    "NARRATIVE",
    "ROOT",
    "compiled_schema",
    "generate_schema",
    "location_fields",
    "row_sequences",
    "schema_bytes",
]

_XS = "http://www.w3.org/2001/XMLSchema"
_XML_NS = "http://www.w3.org/XML/1998/namespace"

#: Element names that are not model field names.
ROOT = "report"
NARRATIVE = "narrative"
LEGACY = "legacy"
LEGACY_COUNT = "count"
LEGACY_AMOUNT = "amount"
CHECK = "check"
#: Text elements of a check result's items.
CHECK_TEXTS = ("label", "message_zh", "message_en")
#: Attribute naming the cell a violation's location is for.
ADDRESS = "address"
DIAGNOSTICS = "diagnostics"
DIAGNOSTIC = "diagnostic"
LOCATION = "location"

#: The XSD type of a table cell of each kind.
CELL_TYPES = {
    ValueKind.COUNT: "count_cell",
    ValueKind.SIGNED: "signed_cell",
    ValueKind.AMOUNT: "amount_cell",
}
_TEXT = "text"
#: Simple type of a location's box (four numbers).
BOX = "box"


def _xs(name: str) -> str:
    return f"{{{_XS}}}{name}"


def _sub(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    return etree.SubElement(parent, _xs(tag), attributes)


def _many(sequence: etree._Element, name: str, type_name: str) -> None:
    _sub(sequence, "element", name=name, type=type_name, minOccurs="0", maxOccurs="unbounded")


def _document(parent: etree._Element, text: str) -> None:
    annotation = _sub(parent, "annotation")
    doc = _sub(annotation, "documentation")
    doc.set(f"{{{_XML_NS}}}lang", "zh" if any(ord(c) > 0x2E7F for c in text) else "en")
    doc.text = text


def _merge(sequences: Iterable[Sequence[str]]) -> list[str]:
    # An order consistent with every input sequence: each new name goes right after the
    # last name of its own sequence already placed.
    merged: list[str] = []
    for sequence in sequences:
        position = -1
        for name in sequence:
            if name in merged:
                position = merged.index(name)
            else:
                position += 1
                merged.insert(position, name)
    for sequence in sequences:
        indices = [merged.index(name) for name in sequence]
        assert indices == sorted(indices), f"no common order for {sequence}"
    return merged


def _labels(labels: dict[TemplateSpec, str]) -> str:
    distinct = set(labels.values())
    if len(distinct) == 1:
        return distinct.pop()
    return "; ".join(f"{template}: {label}" for template, label in labels.items())


def _specs_by_template() -> dict[TemplateSpec, tuple[CellSpec, ...]]:
    return {template: cell_specs(template) for template in table_templates()}


def _table_names() -> list[str]:
    return _merge([[table.key for table in t.tables] for t in table_templates()])


def _row_class_name(template: TemplateSpec, table: str, row: str) -> str:
    spec = template.table(table)
    assert spec is not None
    return row_class(spec.row(row)).__name__


def _table(schema: etree._Element, sequence: etree._Element, table: str, done: set[str]) -> None:
    specs = _specs_by_template()
    in_table = {t: [s for s in specs[t] if s.table == table] for t in table_templates()}
    element = _sub(sequence, "element", name=table, type=f"table.{table}", minOccurs="0")
    _document(element, _labels({t: s[0].table_label for t, s in in_table.items() if s}))
    table_type = _sub(schema, "complexType", name=f"table.{table}")
    rows = _sub(table_type, "sequence")
    for row in _merge([list(dict.fromkeys(s.row for s in in_table[t])) for t in in_table]):
        row_specs = {t: [s for s in in_table[t] if s.row == row] for t in in_table}
        row_specs = {t: s for t, s in row_specs.items() if s}
        # One type per combination of row classes: the 25 rows of section 三 share one.
        names = dict.fromkeys(_row_class_name(t, table, row) for t in row_specs)
        type_name = "row." + "-or-".join(names)
        element = _sub(rows, "element", name=row, type=type_name, minOccurs="0")
        _document(element, _labels({t: s[0].row_label for t, s in row_specs.items()}))
        if type_name not in done:
            done.add(type_name)
            _row_type(schema, type_name, row_specs)
    _sub(table_type, "attribute", name=LABEL_ATTR, type="xs:string")


def _row_type(
    schema: etree._Element, name: str, row_specs: dict[TemplateSpec, list[CellSpec]]
) -> None:
    row_type = _sub(schema, "complexType", name=name)
    cells = _sub(row_type, "sequence")
    by_column = {s.column: s for specs in row_specs.values() for s in specs}
    for column in _merge([[s.column for s in specs] for specs in row_specs.values()]):
        spec = by_column[column]
        element = _sub(cells, "element", name=column, type=CELL_TYPES[spec.kind], minOccurs="0")
        labels = {
            t: s.column_label for t, specs in row_specs.items() for s in specs if s.column == column
        }
        _document(element, _labels(labels))
    _sub(row_type, "attribute", name=LABEL_ATTR, type="xs:string")


def _simple_types(schema: etree._Element) -> None:
    template = _sub(schema, "simpleType", name="template")
    restriction = _sub(template, "restriction", base="xs:string")
    for spec in TEMPLATES.values():
        _sub(restriction, "enumeration", value=spec.id)
    severity = _sub(schema, "simpleType", name="severity")
    restriction = _sub(severity, "restriction", base="xs:string")
    for level in Severity:
        _sub(restriction, "enumeration", value=level.value)
    amount = _sub(schema, "simpleType", name="amount")
    _document(amount, "A non-negative decimal, written with exactly the places the source prints.")
    _sub(_sub(amount, "restriction", base="xs:decimal"), "minInclusive", value="0")
    code = _sub(schema, "simpleType", name="char_code")
    _document(code, "Upper-case hex code point of a character XML 1.0 cannot carry.")
    _sub(_sub(code, "restriction", base="xs:string"), "pattern", value=CHAR_CODE_PATTERN)
    key = _sub(schema, "simpleType", name="legacy_key")
    _sub(_sub(key, "restriction", base="xs:string"), "pattern", value="[a-z0-9_]+")
    numbers = _sub(schema, "simpleType", name="numbers")
    _sub(numbers, "list", itemType="xs:double")
    box = _sub(schema, "simpleType", name=BOX)
    _document(box, "A rectangle in PDF points, x0 y0 x1 y1, origin at the page's bottom left.")
    _sub(_sub(box, "restriction", base="numbers"), "length", value="4")
    bases = {
        ValueKind.COUNT: "xs:nonNegativeInteger",
        ValueKind.SIGNED: "xs:integer",
        ValueKind.AMOUNT: "amount",
    }
    for kind, type_name in CELL_TYPES.items():
        cell = _sub(schema, "complexType", name=type_name)
        extension = _sub(_sub(cell, "simpleContent"), "extension", base=bases[kind])
        _sub(extension, "attribute", name=LABEL_ATTR, type="xs:string")


def _text_type(schema: etree._Element) -> None:
    text = _sub(schema, "complexType", name=_TEXT, mixed="true")
    _document(
        text,
        "Text exactly as in the report, whitespace included. Each character XML 1.0 cannot "
        f"carry is an empty <{CHAR} {CODE}='HEX'/> element at its place.",
    )
    _many(_sub(text, "sequence"), CHAR, CHAR)
    _sub(text, "attribute", name=LABEL_ATTR, type="xs:string")
    char = _sub(schema, "complexType", name=CHAR)
    _sub(char, "attribute", name=CODE, type="char_code", use="required")


def _narrative_type(schema: etree._Element) -> None:
    narrative = _sub(schema, "complexType", name=NARRATIVE)
    sequence = _sub(narrative, "sequence")
    for field in attrs.fields(Narrative):
        element = _sub(sequence, "element", name=field.name, type=_TEXT, minOccurs="0")
        _document(element, field.metadata[LABEL])


def _legacy_type(schema: etree._Element) -> None:
    legacy = _sub(schema, "complexType", name=LEGACY)
    _document(legacy, "Pre-2019 statistics (a template without tables), by key in sorted order.")
    choice = _sub(legacy, "choice", minOccurs="0", maxOccurs="unbounded")
    for name, base in ((LEGACY_COUNT, "xs:nonNegativeInteger"), (LEGACY_AMOUNT, "amount")):
        _sub(choice, "element", name=name, type=f"legacy.{name}")
        stat = _sub(schema, "complexType", name=f"legacy.{name}")
        extension = _sub(_sub(stat, "simpleContent"), "extension", base=base)
        _sub(extension, "attribute", name=KEY, type="legacy_key", use="required")


@functools.cache
def location_fields() -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The :class:`~govinfo.Location` fields written as attributes (ints), as text elements,
    and as box attributes (four numbers, ``"x0 y0 x1 y1"``)."""
    hints = typing.get_type_hints(Location)
    fields = attrs.fields(Location)
    numbers = tuple(f.name for f in fields if hints[f.name] == int | None)
    box = tuple[float, float, float, float] | None
    boxes = tuple(f.name for f in fields if hints[f.name] == box)
    texts = tuple(f.name for f in fields if f.name not in numbers and f.name not in boxes)
    return numbers, texts, boxes


def _diagnostics_type(schema: etree._Element) -> None:
    diagnostics = _sub(schema, "complexType", name=DIAGNOSTICS)
    _document(diagnostics, "What the reader that produced the report noticed, in source order.")
    _many(_sub(diagnostics, "sequence"), DIAGNOSTIC, DIAGNOSTIC)
    diagnostic = _sub(schema, "complexType", name=DIAGNOSTIC)
    sequence = _sub(diagnostic, "sequence")
    for field in attrs.fields(Diagnostic):
        if field.name == "severity":
            _sub(diagnostic, "attribute", name=field.name, type="severity", use="required")
        elif field.name == LOCATION:
            _sub(sequence, "element", name=LOCATION, type=LOCATION, minOccurs="0")
        else:
            optional = {"minOccurs": "0"} if field.default is None else {}
            _sub(sequence, "element", name=field.name, type=_TEXT, **optional)
    location = _sub(schema, "complexType", name=LOCATION)
    numbers, texts, boxes = location_fields()
    sequence = _sub(location, "sequence")
    for name in texts:
        _sub(sequence, "element", name=name, type=_TEXT, minOccurs="0")
    for name in numbers:
        _sub(location, "attribute", name=name, type="xs:integer")
    for name in boxes:
        _sub(location, "attribute", name=name, type=BOX)


def _check_type(schema: etree._Element) -> None:
    check = _sub(schema, "complexType", name=CHECK)
    _document(check, "The result of report.check(): broken rules, then unverifiable instances.")
    sequence = _sub(check, "sequence")
    for name, type_name in (
        ("violation", "violation"),
        ("warning", "violation"),
        ("unverifiable", "unverifiable"),
    ):
        _many(sequence, name, type_name)
    _sub(check, "attribute", name="ok", type="xs:boolean", use="required")
    _sub(check, "attribute", name="passed", type="xs:nonNegativeInteger", use="required")
    violation = _sub(schema, "complexType", name="violation")
    sequence = _sub(violation, "sequence")
    _sub(sequence, "element", name=CHECK_TEXTS[0], type=_TEXT)
    for name in ("cell", "candidate"):
        _many(sequence, name, "xs:string")
    for name in CHECK_TEXTS[1:]:
        _sub(sequence, "element", name=name, type=_TEXT)
    _many(sequence, LOCATION, f"{CHECK}.{LOCATION}")
    for name, type_name in (
        ("rule", "xs:string"),
        ("severity", "severity"),
        ("key", "xs:string"),
        ("actual", "xs:decimal"),
        ("expected", "xs:decimal"),
        ("difference", "xs:decimal"),
    ):
        _sub(violation, "attribute", name=name, type=type_name, use="required")
    _sub(violation, "attribute", name="suspect", type="xs:string")
    located = _sub(schema, "complexType", name=f"{CHECK}.{LOCATION}")
    extension = _sub(_sub(located, "complexContent"), "extension", base=LOCATION)
    _sub(extension, "attribute", name=ADDRESS, type="xs:string", use="required")
    unverifiable = _sub(schema, "complexType", name="unverifiable")
    sequence = _sub(unverifiable, "sequence")
    _sub(sequence, "element", name=CHECK_TEXTS[0], type=_TEXT)
    for name in ("cell", "unknown"):
        _many(sequence, name, "xs:string")
    for name in ("rule", "key"):
        _sub(unverifiable, "attribute", name=name, type="xs:string", use="required")


def generate_schema() -> bytes:
    """The XSD of format version 1, built from the model catalogue (canonical bytes)."""
    schema = etree.Element(
        _xs("schema"),
        {"targetNamespace": NS, "elementFormDefault": "qualified", "version": "1"},
        nsmap={"xs": _XS, None: NS, "g": NS},  # type: ignore[dict-item]  # stubs omit None
    )
    _document(
        schema,
        "govinfo annual report format, version 1 (FORMAT.md §8 cell addresses as element "
        "names). Generated from govinfo's model catalogue; do not edit by hand.",
    )
    root = _sub(schema, "element", name=ROOT, type=ROOT)
    unique = _sub(root, "unique", name="legacy-key")
    _sub(unique, "selector", xpath=f"g:{LEGACY}/*")
    _sub(unique, "field", xpath=f"@{KEY}")
    report = _sub(schema, "complexType", name=ROOT)
    row_types: set[str] = set()
    sequence = _sub(report, "sequence")
    for field in attrs.fields(AnnualReport):
        if field.name in ("organ", "title"):
            element = _sub(sequence, "element", name=field.name, type=_TEXT, minOccurs="0")
            _document(element, field.metadata[LABEL])
        elif field.name == "year":
            _sub(sequence, "element", name="year", type="xs:integer", minOccurs="0")
        elif field.name == NARRATIVE:
            _sub(sequence, "element", name=NARRATIVE, type=NARRATIVE, minOccurs="0")
        elif field.name in _table_names():
            _table(schema, sequence, field.name, row_types)
        elif field.name == LEGACY:
            _sub(sequence, "element", name=LEGACY, type=LEGACY, minOccurs="0")
    _sub(sequence, "element", name=CHECK, type=CHECK, minOccurs="0")
    _sub(sequence, "element", name=DIAGNOSTICS, type=DIAGNOSTICS, minOccurs="0")
    _sub(report, "attribute", name=TEMPLATE_ATTR, type="template", use="required")
    _simple_types(schema)
    _text_type(schema)
    _narrative_type(schema)
    _legacy_type(schema)
    _diagnostics_type(schema)
    _check_type(schema)
    etree.indent(schema, space="  ")
    return etree.tostring(schema, encoding="UTF-8", xml_declaration=True) + b"\n"


#: The registry the shipped XSD file was generated from (tests/xml checks they agree).
_SHIPPED_FOR = tuple(TEMPLATES.values())


@functools.cache
def _schema_for(templates: tuple[TemplateSpec, ...]) -> bytes:
    if templates == _SHIPPED_FOR:
        return resources.files("govinfo.schema").joinpath(SCHEMA_FILE).read_bytes()
    # A template registered after import (a revision being tried out) is in no shipped
    # file: its schema is generated, so its documents validate like any other.
    return generate_schema()


def schema_bytes() -> bytes:
    """The XSD of the registered templates: the shipped file, unless templates were
    registered since govinfo was imported."""
    return _schema_for(tuple(TEMPLATES.values()))


@functools.cache
def _compiled(schema: bytes) -> etree.XMLSchema:
    return etree.XMLSchema(etree.fromstring(schema))


def compiled_schema() -> etree.XMLSchema:
    """The XSD of :func:`schema_bytes` compiled once for validation (trusted package data)."""
    return _compiled(schema_bytes())


def row_sequences() -> dict[tuple[str, str], tuple[str, ...]]:
    """The cells each table row's element may hold, in the order the XSD requires, by
    ``(table, row)``.

    Read from the schema's bytes (:func:`schema_bytes`) rather than recomputed, so that what
    a reader concludes from a document's validity rests on the schema that validated it.
    """
    return _row_sequences(schema_bytes())


@functools.cache
def _row_sequences(schema: bytes) -> dict[tuple[str, str], tuple[str, ...]]:
    root = etree.fromstring(schema)
    types = {t.get("name"): t for t in root.iterchildren(_xs("complexType"))}
    sequences: dict[tuple[str, str], tuple[str, ...]] = {}
    for table in _table_names():
        for row in types[f"table.{table}"].iterchildren(_xs("sequence")):
            for element in row.iterchildren(_xs("element")):
                cells = types[element.get("type")].iterchildren(_xs("sequence"))
                names = tuple(
                    str(c.get("name")) for s in cells for c in s.iterchildren(_xs("element"))
                )
                sequences[(table, str(element.get("name")))] = names
    return sequences
