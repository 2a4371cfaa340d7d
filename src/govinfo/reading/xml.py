"""Read a report from govinfo's published XML format (the inverse of ``write_xml``).

Strategy: untrusted bytes go through the hardened parser of ``reading/_safe.py`` (no DTD, no
entities, no network, a size cap), then the whole document is validated against the shipped
XSD before any value is used, so the walk below can rely on names, order and lexical forms.
XSD 1.0 cannot tie a cell to the root's ``template`` attribute, so the walk checks that each
row and cell belongs to the template, and every refusal becomes a :class:`SchemaError` with
the line and a readable path (``/report/applications/new_received/total``). Values are
gathered by cell address and handed to :func:`govinfo.unflatten`, which builds the report.
"""

from __future__ import annotations

import functools
import os
from decimal import Decimal
from typing import Any, BinaryIO

from lxml import etree

from govinfo.errors import InvalidValueError, SchemaError
from govinfo.locations import Location
from govinfo.model.catalogue import LEGACY_PREFIX, TABLES, cell_spec, cell_specs
from govinfo.model.fields import ValueKind
from govinfo.model.flat import CellValue, unflatten
from govinfo.model.narrative import Narrative
from govinfo.model.template import Template
from govinfo.reading._safe import load_source, parse_xml
from govinfo.reading.result import Diagnostic, ReadResult, Severity
from govinfo.schema import _xsd
from govinfo.schema._format import KEY, NS, TEMPLATE_ATTR, read_text

__all__ = ["read_xml"]

_NS_PREFIX = f"{{{NS}}}"
_FORMAT_FAMILY = NS.rsplit(":", 1)[0] + ":"


def _local(element: etree._Element) -> str:
    return str(element.tag).removeprefix(_NS_PREFIX)


def _path(element: etree._Element) -> str:
    # A readable path: local names, with a position only where a name repeats among siblings.
    steps: list[str] = []
    node: etree._Element | None = element
    while node is not None:
        step = _local(node)
        parent = node.getparent()
        if parent is not None:
            same = [sibling for sibling in parent if sibling.tag == node.tag]
            if len(same) > 1:
                step += f"[{same.index(node) + 1}]"
        steps.append(step)
        node = parent
    return "/" + "/".join(reversed(steps))


def _line(element: etree._Element) -> int | None:
    # lxml-stubs types sourceline loosely; it is an int, or None for a built element.
    line: object = element.sourceline
    return line if isinstance(line, int) else None


def _error(message: str, element: etree._Element, source: str) -> SchemaError:
    return SchemaError(
        message, location=Location(source=source, line=_line(element), xpath=_path(element))
    )


def _validate(root: etree._Element, source: str) -> None:
    if root.tag != f"{_NS_PREFIX}{_xsd.ROOT}":
        namespace = etree.QName(root).namespace
        if namespace and namespace.startswith(_FORMAT_FAMILY):
            message = f"format {namespace!r} is not one this govinfo reads (it reads {NS!r})"
        else:
            message = f"not a govinfo report: the root element is {root.tag!r}, not {{{NS}}}report"
        raise _error(message, root, source)
    schema = _xsd.compiled_schema()
    if schema.validate(root):
        return
    log: Any = schema.error_log  # lxml-stubs declares _ErrorLog empty
    entry = log[0]
    depth = entry.path.count("/") if entry.path else 1
    # lxml reports the element as /*/*/*; find it by line and depth to name it properly.
    element = next(
        (
            e
            for e in root.iter(etree.Element)
            if _line(e) == entry.line and sum(1 for _ in e.iterancestors()) + 1 == depth
        ),
        root,
    )
    raise SchemaError(
        entry.message.replace(_NS_PREFIX, ""),
        location=Location(source=source, line=entry.line, xpath=_path(element)),
    )


@functools.cache
def _rows(template: Template) -> frozenset[tuple[str, str]]:
    return frozenset((spec.table, spec.row) for spec in cell_specs(template))


def _value(kind: ValueKind, text: str) -> CellValue:
    # The schema has checked the lexical form (xs:integer / xs:decimal, whitespace allowed).
    return Decimal(text.strip()) if kind is ValueKind.AMOUNT else int(text)


def _table(
    element: etree._Element,
    template: Template,
    cells: dict[str, CellValue],
    locations: dict[str, Location],
    source: str,
) -> None:
    table = _local(element)
    if table not in TABLES[template]:
        raise _error(f"table {table} in a {template} report, which has none", element, source)
    rows = _rows(template)
    for row_element in element:
        row = _local(row_element)
        if (table, row) not in rows:
            raise _error(f"{table}.{row} is not a row of template {template}", row_element, source)
        for cell in row_element:
            address = f"{table}.{row}.{_local(cell)}"
            spec = cell_spec(template, address)
            if spec is None:
                raise _error(f"{address} is not a cell of template {template}", cell, source)
            cells[address] = _value(spec.kind, cell.text or "")
            locations[address] = Location(
                source=source,
                line=_line(cell),
                xpath=f"/{_xsd.ROOT}/{table}/{row}/{spec.column}",
            )


def _location(element: etree._Element) -> Location:
    numbers, _ = _xsd.location_fields()
    values: dict[str, Any] = {
        name: int(element.get(name, "")) for name in numbers if name in element.attrib
    }
    for child in element:
        values[_local(child)] = read_text(child)
    return Location(**values)


def _diagnostics(element: etree._Element) -> tuple[Diagnostic, ...]:
    found: list[Diagnostic] = []
    for item in element:
        values: dict[str, Any] = {"severity": Severity(item.get("severity"))}
        for child in item:
            name = _local(child)
            values[name] = _location(child) if name == _xsd.LOCATION else read_text(child)
        found.append(Diagnostic(**values))
    return tuple(found)


def read_xml(
    source: bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO,
    *,
    name: str | None = None,
) -> ReadResult:
    """Read a report from a document in govinfo's XML format (see ``write_xml``).

    The document is parsed without DTDs, entities or network access and validated against
    the shipped schema (:func:`govinfo.writing.xml.xml_schema`) before anything is read.
    Diagnostics embedded by ``write_xml(..., diagnostics=...)`` are returned in the result;
    an embedded ``check`` element is validated but not read (run ``report.check()``).

    Args:
        source: the XML as bytes, a path, or a binary file object.
        name: the name to use in messages (defaults to the path, or ``<bytes>``).

    Returns:
        The report, the embedded diagnostics, and where each cell was read (line and path).

    Raises:
        SchemaError: the document is not a govinfo report of this format version, does not
            validate against the schema, or has a cell its template does not have; the
            location gives the line and the element's path.
        UnsafeInputError: the document declares a DTD (entity tricks start there) or the
            source is larger than the size limit.
        ReadError: the file cannot be read, or the bytes are not well-formed XML.
        TypeError: ``source`` is not bytes, a path or a binary file.
    """
    data, display = load_source(source, name=name)
    root = parse_xml(data, source=display)
    _validate(root, display)
    template = Template(root.get(TEMPLATE_ATTR))
    cells: dict[str, CellValue] = {}
    locations: dict[str, Location] = {}
    metadata: dict[str, Any] = {}
    diagnostics: tuple[Diagnostic, ...] = ()
    for child in root:
        name_ = _local(child)
        if name_ in ("organ", "title"):
            metadata[name_] = read_text(child)
        elif name_ == "year":
            metadata["year"] = int(child.text or "")
        elif name_ == _xsd.NARRATIVE:
            metadata["narrative"] = Narrative(**{_local(s): read_text(s) for s in child})
        elif name_ == _xsd.LEGACY:
            if template is not Template.LEGACY_2008:
                raise _error(f"pre-2019 statistics in a {template} report", child, display)
            for stat in child:
                value = _value(
                    ValueKind.AMOUNT if _local(stat) == _xsd.LEGACY_AMOUNT else ValueKind.COUNT,
                    stat.text or "",
                )
                cells[LEGACY_PREFIX + stat.get(KEY, "")] = value
        elif name_ == _xsd.DIAGNOSTICS:
            diagnostics = _diagnostics(child)
        elif name_ != _xsd.CHECK:
            _table(child, template, cells, locations, display)
    try:
        report = unflatten(cells, template=template, **metadata)
    except InvalidValueError as exc:
        raise _error(exc.message, root, display) from exc
    return ReadResult(report=report, diagnostics=diagnostics, locations=locations, source=display)
