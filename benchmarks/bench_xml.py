"""XML writing and reading against a bare lxml build and parse of the same tree.

Run as a script for a table of figures (``python benchmarks/bench_xml.py``), or with
pytest-benchmark: ``pytest benchmarks/bench_xml.py -p benchmark --benchmark-only``.

The baselines do the least lxml work that produces or consumes the same document: the bare
build creates the same elements, attributes and text from a precomputed nested list (no model,
no catalogue) and serialises them; the bare parse is ``etree.fromstring`` with no schema; the
bare validated read parses, validates against the schema and collects every cell's text, the
least a careful consumer does. Targets: ``write_xml`` <= 2x the bare build, ``read_xml`` <= 1.5x
the bare validated read. The bare parse has no target: it is the floor without validation,
shown so the cost of validating stays visible.

Each pair gets the same object (the very same ``bytes`` for the readers), in one process, after
a warm-up (schema compiled, caches filled), timed interleaved with the garbage collector on:
the reader allocates a few hundred objects per call and the baseline few, so collecting them
is part of the difference.
"""

from __future__ import annotations

import functools
import gc
import json
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

from govinfo import AnnualReport, unflatten
from govinfo.reading.xml import read_xml
from govinfo.writing.xml import write_xml, xml_schema

_SEED = Path(__file__).resolve().parents[1] / "tests" / "data" / "001_6936dc3b40e04b6e.json"

Node = tuple[str, dict[str, str], str | None, str | None, list[Any]]


def seed_report() -> AnnualReport:
    """Seed 001 (a full gb_2021 report, every cell but one stated)."""
    data = json.loads(_SEED.read_text(encoding="utf-8"))
    cells = {a: Decimal(v) if isinstance(v, str) else v for a, v in data["cells"].items()}
    return unflatten(cells, template=data["template"], organ=data["organ"], year=data["year"])


def _nodes(element: etree._Element) -> Node:
    return (
        str(element.tag),
        dict(element.attrib),
        element.text,
        element.tail,
        [_nodes(child) for child in element],
    )


def _build(parent: etree._Element, nodes: list[Node]) -> None:
    for tag, attrib, text, tail, children in nodes:
        child = etree.SubElement(parent, tag, attrib)
        child.text = text
        child.tail = tail
        _build(child, children)


def bare_build(tree: Node) -> bytes:
    """Build and serialise the tree with nothing but lxml."""
    tag, attrib, text, _, children = tree
    root = etree.Element(tag, attrib, nsmap={None: tag[1:].split("}")[0]})  # type: ignore[dict-item]
    root.text = text
    _build(root, children)
    return etree.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def bare_parse(data: bytes) -> etree._Element:
    """Parse with lxml alone: no hardening, no schema, no model."""
    return etree.fromstring(data)


def bare_validated_read(data: bytes) -> dict[str, str]:
    """What a careful reader needs at least: parse, validate, and collect every cell's text."""
    root = etree.fromstring(data)
    _schema().assertValid(root)
    return {
        f"{table.tag}.{row.tag}.{cell.tag}": cell.text or ""
        for table in root
        for row in table
        for cell in row
    }


_SCHEMA: list[etree.XMLSchema] = []


def _schema() -> etree.XMLSchema:
    if not _SCHEMA:
        _SCHEMA.append(etree.XMLSchema(etree.fromstring(xml_schema())))
    return _SCHEMA[0]


def _fixtures() -> tuple[AnnualReport, bytes, Node]:
    report = seed_report()
    data = write_xml(report)
    tree = _nodes(etree.fromstring(data))
    assert bare_build(tree) == data
    return report, data, tree


def _cases() -> dict[str, tuple[Callable[[Any], object], object]]:
    report, data, tree = _fixtures()
    return {
        "write_xml": (write_xml, report),
        "bare_build": (bare_build, tree),
        "read_xml": (read_xml, data),
        "bare_parse": (bare_parse, data),
        "bare_validated_read": (bare_validated_read, data),
    }


#: Each govinfo function, the baseline it is compared with, and the largest ratio wanted.
_PAIRS: tuple[tuple[str, str, float | None], ...] = (
    ("write_xml", "bare_build", 2.0),
    ("read_xml", "bare_parse", None),
    ("read_xml", "bare_validated_read", 1.5),
)


@pytest.mark.parametrize("case", sorted(_cases()))
def test_speed(benchmark: Any, case: str) -> None:
    """Time one function on seed 001's report or document."""
    function, argument = _cases()[case]
    benchmark(function, argument)


def _best_pair(
    ours: Any, our_argument: Any, theirs: Any, their_argument: Any, number: int = 100
) -> tuple[float, float]:
    # Interleaved, best of 15: on a shared machine both sides see the same load.
    sides = ((ours, our_argument), (theirs, their_argument))
    for function, argument in sides:  # warm: first calls compile the schema, fill caches
        for _ in range(number // 10):
            function(argument)
    best = [float("inf"), float("inf")]
    for _ in range(15):
        for index, (function, argument) in enumerate(sides):
            timer = timeit.Timer(functools.partial(function, argument), setup=gc.enable)
            elapsed = timer.timeit(number)
            best[index] = min(best[index], elapsed / number)
    return best[0], best[1]


def main() -> None:
    """Print each govinfo timing against its baseline, interleaved, best of 15 runs, and
    whether its target holds."""
    cases = _cases()
    print(f"document: {len(_fixtures()[1])} bytes (seed 001, gb_2021)")
    for ours, theirs, target in _PAIRS:
        mine, base = _best_pair(*cases[ours], *cases[theirs])
        ratio = mine / base
        verdict = (
            "no target"
            if target is None
            else f"target x{target:.2f} {'met' if ratio <= target else 'MISSED'}"
        )
        print(
            f"{ours:9} {mine * 1e6:8.1f} us | {theirs:20} {base * 1e6:8.1f} us"
            f" | x{ratio:.2f} | {verdict}"
        )


if __name__ == "__main__":
    main()
