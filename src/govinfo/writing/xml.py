"""Write a report as XML in govinfo's published format (``urn:govinfo:annual-report:1``).

Strategy: the tree follows the model and the cell addresses (FORMAT.md §8), walked in the
catalogue's print order, so the output is canonical: the same report (and the same check
result and diagnostics) always gives the same bytes. An element is written only when it has
something to say: a cell the report does not state (``None``) is absent, and so is a row,
table or section with nothing in it; the reader restores those as ``None``. Every element
named after a model field carries that field's official label as a ``label`` attribute, for
people; readers ignore it.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING

import attrs
from lxml import etree

from govinfo.diagnostics import Diagnostic
from govinfo.errors import WriteError
from govinfo.locations import Location
from govinfo.model.catalogue import cell_specs
from govinfo.model.flat import flatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.schema import _xsd
from govinfo.schema._format import CHAR, KEY, LABEL_ATTR, NS, TEMPLATE_ATTR, qname, write_text
from govinfo.templates import LABEL

if TYPE_CHECKING:
    from govinfo.rules.result import CheckResult, Unverifiable, Violation

__all__ = ["write_xml", "xml_schema"]

_INDENT = "  "
_CHAR_TAG = qname(CHAR)
_NARRATIVE_LABELS = {f.name: f.metadata[LABEL] for f in attrs.fields(Narrative)}
_REPORT_LABELS = {f.name: f.metadata.get(LABEL) for f in attrs.fields(AnnualReport)}


def xml_schema() -> bytes:
    """The XSD every document :func:`write_xml` produces validates against.

    Use it to validate govinfo XML without govinfo, e.g. save it and run
    ``xmllint --noout --schema govinfo-report-1.xsd report.xml``, or with lxml:
    ``etree.XMLSchema(etree.fromstring(xml_schema())).assertValid(doc)``.

    Returns:
        The bytes of ``govinfo-report-1.xsd`` (UTF-8), as shipped in the package.
    """
    return _xsd.schema_bytes()


def _number(value: int | Decimal) -> str:
    # 'f' keeps every printed place (0.50 stays 0.50) and never uses an exponent, which
    # xs:decimal does not allow.
    return format(value, "f") if isinstance(value, Decimal) else str(value)


def _text(parent: etree._Element, name: str, text: str | None, label: str | None = None) -> None:
    if text is None:
        return
    element = etree.SubElement(parent, qname(name), {LABEL_ATTR: label} if label else None)
    write_text(element, text)


def _tables(root: etree._Element, report: AnnualReport) -> None:
    table_element = row_element = None
    table = row = ""
    cells = flatten(report)
    for spec in cell_specs(report.template):
        value = cells[spec.address]
        if value is None:
            continue
        if spec.table != table or table_element is None:
            table, row = spec.table, ""
            table_element = etree.SubElement(root, qname(table), {LABEL_ATTR: spec.table_label})
        if spec.row != row or row_element is None:
            row = spec.row
            row_element = etree.SubElement(table_element, qname(row), {LABEL_ATTR: spec.row_label})
        etree.SubElement(
            row_element, qname(spec.column), {LABEL_ATTR: spec.column_label}
        ).text = _number(value)


def _location(
    parent: etree._Element, location: Location, address: str | None = None
) -> etree._Element:
    numbers, texts, boxes = _xsd.location_fields()
    attributes = {} if address is None else {_xsd.ADDRESS: address}
    for name in numbers:
        value = getattr(location, name)
        if value is not None:
            attributes[name] = str(value)
    for name in boxes:
        box = getattr(location, name)
        if box is not None:
            attributes[name] = " ".join(map(repr, box))  # repr: a float's exact round trip
    element = etree.SubElement(parent, qname(_xsd.LOCATION), attributes)
    for name in texts:
        _text(element, name, getattr(location, name))
    return element


def _diagnostics(root: etree._Element, diagnostics: Iterable[Diagnostic]) -> None:
    container = etree.SubElement(root, qname(_xsd.DIAGNOSTICS))
    for diagnostic in diagnostics:
        element = etree.SubElement(
            container, qname(_xsd.DIAGNOSTIC), {"severity": diagnostic.severity.value}
        )
        for field in attrs.fields(Diagnostic):
            value = getattr(diagnostic, field.name)
            if field.name == _xsd.LOCATION:
                if value is not None:
                    _location(element, value)
            elif field.name != "severity":
                _text(element, field.name, value)


def _violation(parent: etree._Element, tag: str, violation: Violation) -> None:
    attributes = {
        "rule": violation.rule,
        "severity": violation.severity.value,
        "key": violation.key,
        "actual": _number(violation.actual),
        "expected": _number(violation.expected),
        "difference": _number(violation.difference),
    }
    if violation.suspect is not None:
        attributes["suspect"] = violation.suspect
    element = etree.SubElement(parent, qname(tag), attributes)
    _text(element, "label", violation.label)
    for address in violation.cells:
        etree.SubElement(element, qname("cell")).text = address
    for address in violation.candidates:
        etree.SubElement(element, qname("candidate")).text = address
    _text(element, "message_zh", violation.message_zh)
    _text(element, "message_en", violation.message_en)
    for address, location in sorted(violation.locations.items()):
        _location(element, location, address)


def _unverifiable(parent: etree._Element, item: Unverifiable) -> None:
    element = etree.SubElement(parent, qname("unverifiable"), {"rule": item.rule, "key": item.key})
    _text(element, "label", item.label)
    for address in item.cells:
        etree.SubElement(element, qname("cell")).text = address
    for address in item.unknown:
        etree.SubElement(element, qname("unknown")).text = address


def _check(root: etree._Element, result: CheckResult) -> None:
    element = etree.SubElement(
        root,
        qname(_xsd.CHECK),
        {"ok": "true" if result.ok else "false", "passed": str(result.passed)},
    )
    for violation in result.violations:
        _violation(element, "violation", violation)
    for warning in result.warnings:
        _violation(element, "warning", warning)
    for item in result.unverifiable:
        _unverifiable(element, item)


def _indent(element: etree._Element, depth: int = 0) -> None:
    # lxml's own indent() would put whitespace into a text element whose text is empty or
    # blank before a <char/> child, changing the text; this one skips text elements, the
    # only elements with <char/> children.
    if len(element) == 0 or element[0].tag == _CHAR_TAG:
        return
    inner = "\n" + _INDENT * (depth + 1)
    element.text = inner
    for child in element:
        child.tail = inner
        _indent(child, depth + 1)
    child.tail = "\n" + _INDENT * depth


def write_xml(
    report: AnnualReport,
    *,
    check: CheckResult | None = None,
    diagnostics: Iterable[Diagnostic] | None = None,
) -> bytes:
    """Write ``report`` as a UTF-8 XML document in govinfo's published format.

    The document validates against :func:`xml_schema`; :func:`govinfo.reading.xml.read_xml`
    reads it back to an equal report. Output is canonical: the same arguments always give the
    same bytes. docs/xml.md describes the format.

    Args:
        report: the report to write.
        check: a check result to embed (``report.check()``), in a ``check`` element.
        diagnostics: reading diagnostics to embed (``ReadResult.diagnostics``), in a
            ``diagnostics`` element; ``read_xml`` returns them.

    Returns:
        The document, with an XML declaration and a final newline.

    Raises:
        WriteError: ``report`` is not an :class:`~govinfo.AnnualReport`, or a text holds a
            run of over 10,000,000 UTF-8 bytes, more than XML parsers read by default.
    """
    if not isinstance(report, AnnualReport):
        raise WriteError(f"write_xml expects an AnnualReport, got {type(report).__name__}")
    root = etree.Element(
        qname(_xsd.ROOT),
        {TEMPLATE_ATTR: report.template.id},
        nsmap={None: NS},  # type: ignore[dict-item]  # the stubs omit the default prefix
    )
    _text(root, "organ", report.organ, _REPORT_LABELS["organ"])
    if report.year is not None:
        etree.SubElement(root, qname("year")).text = str(report.year)
    _text(root, "title", report.title, _REPORT_LABELS["title"])
    narrative = etree.Element(qname(_xsd.NARRATIVE))
    for name, label in _NARRATIVE_LABELS.items():
        _text(narrative, name, getattr(report.narrative, name), label)
    if len(narrative):
        root.append(narrative)
    if report.template.has_tables:
        _tables(root, report)
    if report.legacy:
        legacy = etree.SubElement(root, qname(_xsd.LEGACY))
        for key, value in report.legacy.items():
            tag = _xsd.LEGACY_COUNT if type(value) is int else _xsd.LEGACY_AMOUNT
            etree.SubElement(legacy, qname(tag), {KEY: key}).text = _number(value)
    if check is not None:
        _check(root, check)
    if diagnostics is not None:
        _diagnostics(root, diagnostics)
    _indent(root)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"
