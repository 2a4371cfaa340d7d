"""Read a report from govinfo's published XML format (the inverse of ``write_xml``).

Strategy: untrusted bytes go through the hardened parser of ``_safe.py`` (no DTD, no
entities, no network, a size cap), then the whole document is validated against the shipped
XSD before any value is used, so the walk below can rely on names, order and lexical forms.
XSD 1.0 cannot tie a cell to the root's ``template`` attribute, so the walk checks that each
row and cell belongs to the template, and every refusal becomes a :class:`SchemaError` with
the line and a readable path (``/report/applications/new_received/total``). Values are
gathered row by row into the model classes, whose validators check them once more.
"""

from __future__ import annotations

import functools
import operator
import os
import re
from collections.abc import Callable, Iterator, Mapping
from decimal import Decimal
from typing import Any, BinaryIO

import attrs
from lxml import etree

from govinfo._digits import MAX_FIGURE
from govinfo._safe import load_source, parse_xml
from govinfo.diagnostics import Diagnostic, Severity
from govinfo.errors import InvalidValueError, SchemaError, UnsafeInputError
from govinfo.locations import Location
from govinfo.model.catalogue import CellSpec, cell_specs
from govinfo.model.classes import row_class, table_class
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport, LegacyValue
from govinfo.reading.result import ReadResult
from govinfo.schema import _xsd
from govinfo.schema._format import KEY, NS, TEMPLATE_ATTR, qname, read_text
from govinfo.templates import TemplateSpec, ValueKind, template_spec

__all__ = ["read_xml"]

_NS_PREFIX = f"{{{NS}}}"
#: Most elements a document may have: a report with every diagnostic has a few thousand.
MAX_XML_ELEMENTS = 50_000
#: Most pre-2019 statistics a document may have (the readers know a dozen keys).
MAX_LEGACY_STATISTICS = 1_000
_FORMAT_FAMILY = NS.rsplit(":", 1)[0] + ":"
_QUOTED_ELEMENT = re.compile(r"^Element '([^']+)'")


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


def _validate(root: etree._Element, source: str, size: int) -> None:
    if root.tag != f"{_NS_PREFIX}{_xsd.ROOT}":
        namespace = etree.QName(root).namespace
        if namespace and namespace.startswith(_FORMAT_FAMILY):
            message = f"format {namespace!r} is not one this govinfo reads (it reads {NS!r})"
        else:
            message = f"not a govinfo report: the root element is {root.tag!r}, not {{{NS}}}report"
        raise _error(message, root, source)
    _check_size(root, source, size)
    schema = _xsd.compiled_schema()
    if schema.validate(root):
        return
    log: Any = schema.error_log  # lxml-stubs declares _ErrorLog empty
    entry = log[0]
    # libxml2 gives the element as /*/*/* with no positions; find it by line, depth and the
    # name the message quotes. On a line holding several same-named elements at that depth
    # (hand-made single-line XML), the first is named; the line is exact either way.
    depth = entry.path.count("/") if entry.path else 1
    quoted = _QUOTED_ELEMENT.search(entry.message)
    element = next(
        (
            e
            for e in root.iter(etree.Element)
            if _line(e) == entry.line
            and sum(1 for _ in e.iterancestors()) + 1 == depth
            and (quoted is None or e.tag == quoted.group(1))
        ),
        root,
    )
    more = len(log) - 1
    message = _shorten(entry.message.replace(_NS_PREFIX, ""))
    if more > 0:
        message += f" (and {more} more problem{'s' if more > 1 else ''})"
    raise SchemaError(
        message,
        location=Location(source=source, line=entry.line, xpath=_path(element)),
    )


def _check_size(root: etree._Element, source: str, size: int) -> None:
    # libxml2 checks the schema's unique legacy keys in time quadratic in their number, and
    # logs an error per bad element: bound both before validating. A report has a few hundred
    # elements and a dozen legacy statistics. An element takes at least four bytes (<a/>) in
    # any encoding, so a document of fewer bytes than that need not be counted.
    if size >= 4 * MAX_XML_ELEMENTS:
        elements = sum(1 for _ in root.iter(etree.Element))
        if elements > MAX_XML_ELEMENTS:
            raise UnsafeInputError(
                f"the document has {elements} elements, over the limit of {MAX_XML_ELEMENTS}",
                location=Location(source=source),
            )
    keys: set[str | None] = set()
    for legacy in root.iterchildren(f"{_NS_PREFIX}{_xsd.LEGACY}"):
        for stat in legacy.iterchildren(etree.Element):
            key = stat.get(KEY)
            if key in keys:
                raise _error(f"legacy statistic {key!r} is given twice", stat, source)
            keys.add(key)
            if len(keys) > MAX_LEGACY_STATISTICS:
                raise UnsafeInputError(
                    f"more than {MAX_LEGACY_STATISTICS} legacy statistics",
                    location=Location(source=source, line=_line(stat)),
                )


def _shorten(message: str, limit: int = 300) -> str:
    # libxml2 quotes the offending value whole: a broken document of megabytes would make a
    # message of megabytes. Keep the start, which names the element and the rule.
    if len(message) <= limit:
        return message
    return f"{message[: limit - 60]}… ({len(message)} characters)"


#: How a cell's text becomes its value. The schema has checked the lexical form
#: (xs:nonNegativeInteger, xs:integer, xs:decimal), and ``int`` and ``Decimal`` skip the
#: surrounding whitespace it allows just as it does.
_PARSE: dict[ValueKind, Callable[[str], int | Decimal]] = {
    ValueKind.COUNT: int,
    ValueKind.SIGNED: int,
    ValueKind.AMOUNT: Decimal,
}


@attrs.frozen
class _Cell:
    column: str
    address: str
    parse: Callable[[str], int | Decimal]


_Setter = Callable[[Any, Any], None]


@attrs.frozen
class _Shape:
    """One way a row of counts may print its cells: each column once, in schema order.

    A valid row element whose children carry exactly these tags holds exactly these columns
    (every cell is minOccurs 0, maxOccurs 1, in an xs:sequence), so its cells are read
    without looking one up, and the row is built through its slots.
    """

    addresses: tuple[str, ...]
    present: tuple[_Setter, ...]  # the slot setters of the printed columns, in order
    absent: tuple[_Setter, ...]  # those of the columns not printed (set to None)


@attrs.frozen
class _Row:
    name: str
    cls: type[Any]
    cells: dict[str, _Cell]  # by qualified tag
    #: For a row of counts: its shapes (every column; every column but the optional ones,
    #: the 小计 column) by the tuple of their qualified tags.
    shapes: dict[tuple[str, ...], _Shape]


@attrs.frozen
class _Table:
    name: str
    cls: type[Any]
    rows: dict[str, _Row]  # by qualified tag


@functools.cache
def _layout(template: TemplateSpec) -> dict[str, _Table]:
    # The template's tables by qualified tag, so the walk is dictionary look-ups only.
    by_row: dict[tuple[str, str], list[CellSpec]] = {}
    for spec in cell_specs(template):
        by_row.setdefault((spec.table, spec.row), []).append(spec)
    sequences = _xsd.row_sequences()
    tables: dict[str, _Table] = {}
    for (table_name, row_name), specs in by_row.items():
        table_spec = template.table(table_name)
        assert table_spec is not None  # a table of the template's own cells
        table = tables.setdefault(
            qname(table_name), _Table(table_name, table_class(table_spec), {})
        )
        cells = {qname(s.column): _Cell(s.column, s.address, _PARSE[s.kind]) for s in specs}
        columns = tuple(s.column for s in specs)
        row_cls = row_class(table_spec.row(row_name))
        shapes: dict[tuple[str, ...], _Shape] = {}
        if columns == sequences[table_name, row_name] and all(
            s.kind is ValueKind.COUNT for s in specs
        ):
            # The slots' own descriptors, as govinfo.locations builds Locations: attrs'
            # frozen classes refuse setattr, and a descriptor skips the look-up.
            setters = {f.name: getattr(row_cls, f.name).__set__ for f in attrs.fields(row_cls)}
            for shape in (specs, [s for s in specs if not s.optional]):
                printed = {s.column for s in shape}
                shapes[tuple(qname(s.column) for s in shape)] = _Shape(
                    tuple(s.address for s in shape),
                    tuple(setters[s.column] for s in shape),
                    tuple(f for name, f in setters.items() if name not in printed),
                )
        table.rows[qname(row_name)] = _Row(row_name, row_cls, cells, shapes)
    return tables


def _number(kind: ValueKind, text: str) -> int | Decimal:
    return _PARSE[kind](text)


class _Locations(Mapping[str, Location]):
    """Where each cell was read, built on access: most callers never look, and making 200
    Location objects (or even asking lxml for 200 source lines) would cost as much as reading
    the values."""

    def __init__(
        self,
        source: str,
        lines: dict[str, int | None],
        rows: list[tuple[tuple[str, ...], list[etree._Element]]],
    ) -> None:
        self._source = source
        self._lines = lines
        self._rows = rows  # (addresses, cell elements) of rows read by position

    def _all(self) -> dict[str, int | None]:
        if self._rows:
            for addresses, children in self._rows:
                self._lines.update(zip(addresses, map(_SOURCELINE, children), strict=True))
            self._rows = []
        return self._lines

    def __getitem__(self, address: str) -> Location:
        line = self._all()[address]
        xpath = "/" + "/".join((_xsd.ROOT, *address.split(".")))
        return Location(source=self._source, line=line, xpath=xpath)

    def __iter__(self) -> Iterator[str]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    def __reduce__(self) -> tuple[type[_Locations], tuple[object, ...]]:
        # The tree's elements do not pickle; the lines they give do.
        return (_Locations, (self._source, self._all(), []))


_TEXT = operator.attrgetter("text")
_TAG = operator.attrgetter("tag")
_SOURCELINE = operator.attrgetter("sourceline")


_new = object.__new__


def _by_position(
    row: _Row,
    row_element: etree._Element,
    by_position: list[tuple[tuple[str, ...], list[etree._Element]]],
) -> Any:
    """The row of counts built from its cells' places, or ``None`` for the walk by name.

    The hot loop of the reader: a report has a few hundred cells. The values are ints the
    schema validated as non-negative (``xs:nonNegativeInteger``, parsed by ``int()``), checked
    here against the one bound the schema does not state (:data:`MAX_FIGURE`): what the
    model's validators would pass unchanged, without their cost, which exceeds the rest of
    the reader's work per cell.
    """
    children = list(row_element)
    shape = row.shapes.get(tuple(map(_TAG, children)))
    if shape is None:
        return None
    try:
        numbers = list(map(int, map(_TEXT, children)))
    except (TypeError, ValueError):
        return None  # the walk names the cell
    if numbers and max(numbers) > MAX_FIGURE:
        return None
    built = _new(row.cls)
    for set_slot, number in zip(shape.present, numbers, strict=True):
        set_slot(built, number)
    for set_slot in shape.absent:
        set_slot(built, None)
    by_position.append((shape.addresses, children))
    return built


def _row_values(
    row_element: etree._Element,
    row: _Row,
    lines: dict[str, int | None],
    where: tuple[str, TemplateSpec, str],
) -> dict[str, int | Decimal]:
    # Each cell by its tag, naming the cell that is wrong. After the comments are stripped,
    # ``text`` is the whole content (lxml joins the text nodes either side of a removed
    # comment), and the schema allows no child element in a cell.
    table, template, source = where
    values = {}
    for cell in row_element:
        found = row.cells.get(cell.tag)
        if found is None:
            # XSD 1.0 cannot tie a cell to the root's template attribute.
            address = f"{table}.{row.name}.{_local(cell)}"
            raise _error(f"{address} is not a cell of template {template}", cell, source)
        try:
            values[found.column] = found.parse(cell.text or "")
        except (ValueError, ArithmeticError) as exc:  # past int()'s digit limit
            raise _error(f"{found.address}: {exc}", cell, source) from exc
        line: Any = cell.sourceline  # an int: the cell was parsed, not built
        lines[found.address] = line
    return values


def _tables(
    elements: list[etree._Element], template: TemplateSpec, source: str
) -> tuple[dict[str, Any], _Locations]:
    layout = _layout(template)
    tables: dict[str, Any] = {}
    lines: dict[str, int | None] = {}
    by_position: list[tuple[tuple[str, ...], list[etree._Element]]] = []
    for element in elements:
        table = layout.get(element.tag)
        if table is None:
            raise _error(
                f"{_local(element)} is not a table of template {template}", element, source
            )
        rows: dict[str, Any] = {}
        for row_element in element:
            row = table.rows.get(row_element.tag)
            if row is None:
                raise _error(
                    f"{table.name}.{_local(row_element)} is not a row of template {template}",
                    row_element,
                    source,
                )
            if row.shapes and (built := _by_position(row, row_element, by_position)):
                rows[row.name] = built
                continue
            values = _row_values(row_element, row, lines, (table.name, template, source))
            try:
                rows[row.name] = row.cls(**values)
            except InvalidValueError as exc:
                # Valid for the schema but not for the model (more digits than a report's
                # figure may have): name the cell, which the field's name ends with.
                column = exc.field.rsplit(".", 1)[-1]
                cell = next(row_element.iterchildren(qname(column)), row_element)
                address = f"{table.name}.{row.name}.{column}"
                raise _error(exc.message.replace(exc.field, address, 1), cell, source) from exc
        tables[table.name] = table.cls(**rows)
    return tables, _Locations(source, lines, by_position)


def _location(element: etree._Element) -> Location:
    numbers, _, boxes = _xsd.location_fields()
    values: dict[str, Any] = {
        name: int(element.get(name, "")) for name in numbers if name in element.attrib
    }
    for name in boxes:
        if name in element.attrib:
            values[name] = tuple(float(v) for v in element.get(name, "").split())
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
    source: str | bytes | bytearray | memoryview | os.PathLike[str] | BinaryIO,
    *,
    name: str | None = None,
) -> ReadResult:
    """Read a report from a document in govinfo's XML format (see ``write_xml``).

    The document is parsed without DTDs, entities or network access and validated against
    the shipped schema (:func:`govinfo.writing.xml.xml_schema`) before anything is read.
    Diagnostics embedded by ``write_xml(..., diagnostics=...)`` are returned in the result;
    an embedded ``check`` element is validated but not read (run ``report.check()``).

    Args:
        source: the XML as bytes, a path (``str`` or ``os.PathLike``), or a binary file
            object (docs/api.md, "Sources").
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
    # Comments and processing instructions carry nothing of a report; the schema ignores them
    # and so must every loop over children. Their tails stay: <count>1<!-- -->2</count> is 12.
    etree.strip_elements(root, etree.Comment, etree.ProcessingInstruction, with_tail=False)
    _validate(root, display, len(data))
    try:
        return _result(root, display)
    except SchemaError:
        raise
    except ValueError as exc:
        # The schema allows it but Python or the model does not: a number past int()'s digit
        # limit, a year outside the model's range.
        message = exc.message if isinstance(exc, InvalidValueError) else str(exc)
        raise _error(message, root, display) from exc


def _result(root: etree._Element, display: str) -> ReadResult:
    template = template_spec(root.get(TEMPLATE_ATTR, ""))
    fields: dict[str, Any] = {}
    legacy: dict[str, LegacyValue] = {}
    table_elements: list[etree._Element] = []
    diagnostics: tuple[Diagnostic, ...] = ()
    for child in root:
        tag = _local(child)
        if tag in ("organ", "title"):
            fields[tag] = read_text(child)
        elif tag == "year":
            fields["year"] = int(child.text or "")
        elif tag == _xsd.NARRATIVE:
            fields["narrative"] = Narrative(**{_local(s): read_text(s) for s in child})
        elif tag == _xsd.LEGACY:
            if template.open_prefix is None:
                raise _error(f"pre-2019 statistics in a {template} report", child, display)
            for stat in child:
                kind = ValueKind.AMOUNT if _local(stat) == _xsd.LEGACY_AMOUNT else ValueKind.COUNT
                legacy[stat.get(KEY, "")] = _number(kind, stat.text or "")
        elif tag == _xsd.DIAGNOSTICS:
            diagnostics = _diagnostics(child)
        elif tag != _xsd.CHECK:
            table_elements.append(child)
    tables, locations = _tables(table_elements, template, display)
    return ReadResult(
        report=AnnualReport(template=template, legacy=legacy, **fields, **tables),
        diagnostics=diagnostics,
        locations=locations,
        source=display,
    )
