"""The exact reading of text govinfo wrote itself (its layout: :mod:`govinfo.schema._text`).

Reading such a text takes each value from its place in the layout, rebuilds the report, and
renders it again: only when the rendering is the text it was read from (line ends aside) is the
report returned as read. A text edited after writing fails that test and is read like any other
text, with a diagnostic saying so.
"""

from __future__ import annotations

import json
from decimal import Decimal, InvalidOperation
from typing import Any

from govinfo._digits import figure_fits, parse_digits
from govinfo.diagnostics import Diagnostic, diagnostic
from govinfo.errors import GovInfoError
from govinfo.locations import Location
from govinfo.model.catalogue import cell_specs, variant_cells
from govinfo.model.flat import CellValue, unflatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.reading.result import ReadResult
from govinfo.schema._text import HEADER_MARK, HEADINGS, SECTIONS, layout, render, unescape_line
from govinfo.templates import ValueKind, template_spec

__all__ = ["read_canonical"]


class _NotCanonical(Exception):
    """The text has the header but not the layout it promises."""


def _meta(line: str) -> dict[str, Any]:
    try:
        meta = json.loads(line[len(HEADER_MARK) :])
    except ValueError as exc:
        raise _NotCanonical from exc
    if (
        not isinstance(meta, dict)
        or not isinstance(meta.get("lines"), dict)
        or not isinstance(meta.get("legacy"), list)
    ):
        raise _NotCanonical
    return meta


def _value(text: str, kind: ValueKind | None) -> CellValue:
    if text == "/":
        return None
    if kind is None:  # a legacy statistic: a count, or an amount of money with a point
        kind = ValueKind.AMOUNT if "." in text else ValueKind.COUNT
    if kind is ValueKind.AMOUNT:
        try:
            number = Decimal(text)
        except InvalidOperation as exc:
            raise _NotCanonical from exc
        if not figure_fits(number):
            raise _NotCanonical
        return number
    negative = kind is ValueKind.SIGNED and text.startswith("-")
    count = parse_digits(text[1:] if negative else text)
    if count is None:
        raise _NotCanonical
    return -count if negative else count


def _report(lines: list[str], places: dict[str, tuple[int, int]]) -> AnnualReport:
    # ``places`` receives the line number (the header is line 1) and the 1-based
    # tab-separated field of every cell read.
    meta = _meta(lines[0])
    try:
        template = template_spec(meta.get("template") or "")
        counts: dict[str, int | None] = {name: meta["lines"].get(name) for name in SECTIONS}
        skeleton_narrative = Narrative(
            **{name: None if n is None else "\n" * (n - 1) for name, n in counts.items()}
        )
        skeleton = AnnualReport(
            template=template,
            year=meta.get("year"),
            title=meta.get("title"),
            organ=meta.get("organ"),
            narrative=skeleton_narrative,
            legacy=dict.fromkeys(meta["legacy"], 0),
        )
    except (GovInfoError, TypeError, ValueError, AttributeError) as exc:
        raise _NotCanonical from exc
    printed = meta.get("variants", [])
    if not isinstance(printed, list) or not set(printed) <= set(variant_cells(template)):
        raise _NotCanonical
    body = lines[1:]
    expected = layout(skeleton, printed)
    if len(body) != len(expected):
        raise _NotCanonical
    kinds = {spec.address: spec.kind for spec in cell_specs(template)}
    cells: dict[str, CellValue] = {}
    prose: dict[str, list[str]] = {name: [] for name in SECTIONS}
    section: str | None = None
    headings = {heading: name for name, heading in HEADINGS.items()}
    for index, (line, shape) in enumerate(zip(body, expected, strict=True)):
        if not any(shape.addresses):
            previous = expected[index - 1].fields if index else ()
            if previous == ("",) and shape.fields[0] in headings:
                section = headings[shape.fields[0]]
            elif section is not None and len(prose[section]) < (counts[section] or 0):
                prose[section].append(unescape_line(line))
            continue
        if shape.sentence is not None:
            head, _, tail = shape.sentence.partition("{}")
            if not (line.startswith(head) and line.endswith(tail)) or len(line) < len(head + tail):
                raise _NotCanonical
            address = shape.addresses[0]
            assert address is not None
            cells[address] = _value(line[len(head) : len(line) - len(tail)], None)
            places[address] = (index + 2, 1)
            continue
        fields = line.split("\t")
        if len(fields) != len(shape.fields):
            raise _NotCanonical
        for column, (field, address) in enumerate(zip(fields, shape.addresses, strict=True)):
            if address is not None:
                cells[address] = _value(field, kinds.get(address))
                places[address] = (index + 2, column + 1)
    narrative = Narrative(
        **{name: "\n".join(prose[name]) if counts[name] is not None else None for name in prose}
    )
    try:
        return unflatten(
            cells,
            template=template,
            year=skeleton.year,
            title=skeleton.title,
            organ=skeleton.organ,
            narrative=narrative,
        )
    except GovInfoError as exc:
        raise _NotCanonical from exc


def read_canonical(text: str, source: str) -> ReadResult | Diagnostic | None:
    """The report of a canonical text, read exactly.

    Returns:
        ``None`` when ``text`` has no canonical header; a :class:`Diagnostic` when it has one
        but was changed after writing (the caller then reads it as ordinary text); else the
        report, with no diagnostics: nothing was repaired or guessed.
    """
    if not text.startswith(HEADER_MARK):
        return None
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    lines = [line[:-1] if line.endswith("\r") else line for line in lines]  # CRLF line ends
    try:
        places: dict[str, tuple[int, int]] = {}
        report = _report(lines, places)
    except _NotCanonical:
        report = None
    if report is not None and render(report).split("\n")[:-1] == lines:
        locations = {
            address: Location(source=source, line=line, cell=cell)
            for address, (line, cell) in places.items()
        }
        return ReadResult(report=report, locations=locations, source=source)
    return diagnostic("canonical-text-changed", location=Location(source=source, line=1))
