"""Hypothesis strategies for govinfo reports, for your own property-based tests.

Importing this module imports Hypothesis; ``import govinfo`` does not. Once govinfo is
installed, ``st.from_type(AnnualReport)`` also works, through the ``hypothesis`` entry point.

Example:
    >>> from hypothesis import given
    >>> from govinfo.strategies import consistent_reports
    >>> @given(consistent_reports())
    ... def test_round_trip(report): ...

Strategy: consistent reports are built constructively (draw the leaves, compute every total),
so no example is ever filtered out. Reports draw a few cells over a uniform background (all
0 or all ``None``) rather than every cell: real tables are mostly zeros, and a test that
draws 200 cells per example is slow. Everything shrinks towards ``gb_2021``, the background,
zeros and no text.
"""

# ruff: noqa: E402 - the entry-point hook must come before the Hypothesis import

from __future__ import annotations

import functools
from decimal import Decimal
from typing import Any


def _hypothesis_setup_hook() -> None:
    """Let ``st.from_type(AnnualReport)`` draw from :func:`reports` (Hypothesis entry point)."""
    # Defined before Hypothesis is imported: importing it runs the entry points, which
    # load this very module while it is still half initialised. ``deferred`` looks
    # ``reports`` up only when a test draws, by which time the module is complete.
    from hypothesis import strategies as st  # noqa: PLC0415

    from govinfo.model.report import AnnualReport  # noqa: PLC0415

    st.register_type_strategy(AnnualReport, st.deferred(lambda: reports()))  # noqa: PLW0108


import attrs
from hypothesis import strategies as st

from govinfo.model.catalogue import LEGACY_PREFIX, cell_specs
from govinfo.model.flat import CellValue, flatten, unflatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport, LegacyValue
from govinfo.rules._cells import with_cells
from govinfo.rules.catalogue import domain, equations, rule
from govinfo.rules.infer import infer_cells
from govinfo.templates import (
    SPEC,
    TEMPLATES,
    ApplicantCounts,
    Role,
    TemplateSpec,
    ValueKind,
    table_templates,
    template_spec,
)

__all__ = [
    "LEGACY_KEYS",
    "CellCorrupted",
    "CellsRemoved",
    "applicant_counts",
    "consistent_reports",
    "reports",
    "templates",
    "with_cell_corrupted",
    "with_cells_removed",
]

#: The ``legacy.<key>`` statistics FORMAT.md §8 names; :func:`reports` draws from these.
LEGACY_KEYS: tuple[str, ...] = (
    "proactive_items",
    "proactive_normative_documents",
    "applications_received",
    *(a.removeprefix(LEGACY_PREFIX) for a in rule("L-OUTCOME-TOTAL").rhs),
    "fees_collected_yuan",
    "review_cases",
    "litigation_cases",
)

_DEFAULT_MAX_COUNT = 10_000


def _check_max_count(max_count: object) -> int:
    if type(max_count) is not int or max_count < 0:
        raise TypeError(f"max_count must be a non-negative int, got {max_count!r}")
    return max_count


def _check_template(template: object, *, tables_only: bool = False) -> TemplateSpec | None:
    if template is None:
        return None
    try:
        result = template_spec(template)  # type: ignore[arg-type]
    except ValueError:
        raise TypeError(
            f"template must be None or one of {list(TEMPLATES)}, got {template!r}"
        ) from None
    if tables_only and not result.has_tables:
        names = [t.id for t in table_templates()]
        raise TypeError(f"template must be a table template {names}, got {template!r}")
    return result


def templates(*, tables_only: bool = False) -> st.SearchStrategy[TemplateSpec]:
    """The registered template versions; shrinks towards the newest (``gb_2021``).

    Args:
        tables_only: leave out templates without tables (``legacy_2008``).
    """
    if not isinstance(tables_only, bool):
        raise TypeError(f"tables_only must be a bool, got {tables_only!r}")
    return st.sampled_from(table_templates() if tables_only else tuple(TEMPLATES.values()))


@functools.cache
def _counts(max_count: int) -> st.SearchStrategy[int]:
    return st.integers(min_value=0, max_value=max_count)


@functools.cache
def _amounts(*, max_places: int = 6) -> st.SearchStrategy[Decimal]:
    # Integers scaled by a power of ten: exact, any number of printed places up to max_places.
    return st.builds(
        lambda digits, places: Decimal(digits).scaleb(-places),
        st.integers(min_value=0, max_value=10**10),
        st.integers(min_value=0, max_value=max_places),
    )


@functools.cache
def _value(kind: ValueKind, max_count: int, *, max_places: int = 6) -> st.SearchStrategy[Any]:
    if kind is ValueKind.COUNT:
        return _counts(max_count)
    if kind is ValueKind.SIGNED:
        return st.integers(min_value=-max_count, max_value=max_count)
    return _amounts(max_places=max_places)


def applicant_counts(
    *, max_count: int = _DEFAULT_MAX_COUNT, consistent: bool = True
) -> st.SearchStrategy[ApplicantCounts]:
    """One row of section 三: counts for the six kinds of applicant and their total.

    Args:
        max_count: the largest count drawn for one applicant column.
        consistent: when true (the default) every cell is stated and ``total`` is the sum of
            the six columns; when false each cell is any count or ``None``.

    Shrinks towards a row of zeros.

    Raises:
        TypeError: an argument of the wrong type or range.
    """
    max_count = _check_max_count(max_count)
    if not isinstance(consistent, bool):
        raise TypeError(f"consistent must be a bool, got {consistent!r}")
    if not consistent:
        return st.builds(
            ApplicantCounts,
            **{f.name: st.none() | _counts(max_count) for f in attrs.fields(ApplicantCounts)},
        )
    columns = [f.metadata[SPEC] for f in attrs.fields(ApplicantCounts)]
    names = [c.key for c in columns if c.role is Role.PART]
    subtotals = {
        c.key: [p.key for p in columns if p.role is Role.PART and p.group == c.group]
        for c in columns
        if c.role is Role.SUBTOTAL
    }

    def row(values: list[int], printed: bool) -> ApplicantCounts:
        cells = dict(zip(names, values, strict=True))
        # The 小计 column is a variant: stated now and then, always the sum of its parts.
        more = {
            k: sum(cells[p] for p in parts) if printed else None for k, parts in subtotals.items()
        }
        return ApplicantCounts(**cells, **more, total=sum(values))

    values = st.lists(_counts(max_count), min_size=len(names), max_size=len(names))
    return st.builds(row, values, st.booleans())


_ANY_TEXT = st.text()


def _check_text(text: object) -> st.SearchStrategy[str]:
    if not isinstance(text, st.SearchStrategy):
        raise TypeError(f"text must be a hypothesis strategy of str, got {text!r}")
    return text


@functools.cache
def _metadata(text: st.SearchStrategy[str]) -> st.SearchStrategy[dict[str, Any]]:
    # Text that starts with "=" is listed on its own: a spreadsheet writer must not let it
    # become a formula, and plain text strategies rarely start with it.
    texts = st.none() | text | text.map(lambda t: "=" + t)
    # Either no prose at all or prose for any of the sections: most tests do not look at it.
    narratives = st.just(Narrative()) | st.builds(
        Narrative, **{f.name: texts for f in attrs.fields(Narrative)}
    )
    return st.fixed_dictionaries(
        {
            "organ": texts,
            "year": st.none() | st.integers(min_value=1900, max_value=2999),
            "title": texts,
            "narrative": narratives,
        }
    )


def _legacy_stats(max_count: int) -> st.SearchStrategy[dict[str, LegacyValue]]:
    value: st.SearchStrategy[LegacyValue] = _counts(max_count) | _amounts(max_places=2)
    return st.dictionaries(st.sampled_from(LEGACY_KEYS), value)


def reports(
    template: TemplateSpec | str | None = None,
    *,
    max_count: int = _DEFAULT_MAX_COUNT,
    text: st.SearchStrategy[str] = _ANY_TEXT,
) -> st.SearchStrategy[AnnualReport]:
    """Any valid report, which may not add up and may leave cells unstated.

    The cells start from a uniform background (all ``None`` or all 0) and any number of
    cells are then drawn over it, each a value of its kind or ``None``. Metadata and
    narrative are any Unicode text or ``None`` (including text that starts with ``=`` or
    holds control characters); ``legacy_2008`` reports carry a random set of
    ``legacy.<key>`` statistics. Fees may have any number of decimal places up to six.

    Args:
        template: only this template (default: any of the three).
        max_count: the largest count drawn for a cell.
        text: where organ, title and narrative text come from (default: any Unicode
            text, ``st.text()``); pass e.g. ``st.text(alphabet=...)`` to leave out
            characters your format cannot carry. Each is also drawn as ``None`` and with
            a leading ``=``.

    Shrinks towards an empty ``gb_2021`` report (every cell ``None``, no text, no year).

    Raises:
        TypeError: an unknown template, a bad ``max_count`` or ``text``.
    """
    chosen = _check_template(template)
    max_count = _check_max_count(max_count)
    metadata = _metadata(_check_text(text))
    return (st.just(chosen) if chosen else templates()).flatmap(
        lambda t: _any_report(t, max_count, metadata)
    )


@functools.cache
def _sparse(
    keys: tuple[str, ...], values: st.SearchStrategy[Any]
) -> st.SearchStrategy[dict[str, Any]]:
    # A few drawn cells over a uniform background: real tables are mostly zeros (or mostly
    # blank), and drawing every cell of a 200-cell report would make every test slow.
    return st.dictionaries(st.sampled_from(keys), values, max_size=len(keys))


@functools.cache
def _cell_values(
    template: TemplateSpec, max_count: int, *, table: str | None = None, max_places: int = 6
) -> st.SearchStrategy[tuple[str, Any]]:
    """``(address, value or None)`` for a cell of ``template`` (of ``table``, if given)."""
    specs = [s for s in cell_specs(template) if table in (None, s.table)]
    return st.one_of(
        *(
            st.tuples(
                st.sampled_from([s.address for s in specs if s.kind is kind]),
                st.none() | _value(kind, max_count, max_places=max_places),
            )
            for kind in ValueKind
            if any(s.kind is kind for s in specs)
        )
    )


@st.composite
def _any_report(
    draw: st.DrawFn,
    template: TemplateSpec,
    max_count: int,
    metadata: st.SearchStrategy[dict[str, Any]],
) -> AnnualReport:
    background = draw(st.sampled_from([None, 0]))
    cells: dict[str, CellValue] = dict.fromkeys(
        (s.address for s in cell_specs(template)), background
    )
    if cell_specs(template):
        cells.update(draw(st.lists(_cell_values(template, max_count))))
    if template.open_prefix is not None:
        for key, value in draw(_legacy_stats(max_count)).items():
            cells[template.open_prefix + key] = value
    return unflatten(cells, template=template, **draw(metadata))


def consistent_reports(
    template: TemplateSpec | str | None = None,
    *,
    max_count: int = _DEFAULT_MAX_COUNT,
    text: st.SearchStrategy[str] = _ANY_TEXT,
) -> st.SearchStrategy[AnnualReport]:
    """Reports of a table template whose every invariant holds and every table cell is stated.

    Built constructively, never filtered: a few outcome leaves of section 三 (and parts of
    section 四, and 结转下年度 per column) are drawn over a background of zeros, as in real
    reports; every total is computed; 上年结转 is drawn no larger than the outcome total plus
    结转下年度 so that 本年新收 makes the balance. Section 二 cells may be ``None`` (a body
    without rule-making power prints "/"); a stated fee has at most 4 decimal places.
    Metadata and narrative are drawn as in :func:`reports`.

    Args:
        template: ``gb_2021`` or ``gb_2019`` (default: either).
        max_count: the largest count drawn for one leaf cell.
        text: where organ, title and narrative text come from, as in :func:`reports`.

    Shrinks towards a report of zeros.

    Raises:
        TypeError: ``legacy_2008`` (it has no invariants to hold), an unknown template, or a
            bad ``max_count`` or ``text``.
    """
    chosen = _check_template(template, tables_only=True)
    max_count = _check_max_count(max_count)
    metadata = _metadata(_check_text(text))
    return (st.just(chosen) if chosen else templates(tables_only=True)).flatmap(
        lambda t: _consistent_report(t, max_count, metadata)
    )


@st.composite
def _consistent_report(
    draw: st.DrawFn,
    template: TemplateSpec,
    max_count: int,
    metadata: st.SearchStrategy[dict[str, Any]],
) -> AnnualReport:
    counts = _counts(max_count)
    cells: dict[str, CellValue] = dict.fromkeys(
        (s.address for s in cell_specs(template) if s.table == "proactive_disclosure"),
        draw(st.sampled_from([None, 0])),
    )
    section_two = _cell_values(template, max_count, table="proactive_disclosure", max_places=4)
    cells.update(draw(st.lists(section_two)))
    cells.update(_applications(draw, template, max_count))
    parts = _keys(template, "outcome")
    for group in _keys(template, "group"):
        drawn = draw(_sparse(parts, counts))
        for part in parts:
            cells[f"review_litigation.{group}.{part}"] = drawn.get(part, 0)
        cells[f"review_litigation.{group}.total"] = sum(drawn.values())
    return unflatten(cells, template=template, **draw(metadata))


def _keys(template: TemplateSpec, name: str) -> tuple[str, ...]:
    return tuple(key for key, _ in domain(name, template))


def _applications(draw: st.DrawFn, template: TemplateSpec, max_count: int) -> dict[str, int]:
    counts = _counts(max_count)
    leaves, applicants = _keys(template, "leaf"), _keys(template, "applicant")
    drawn = draw(_sparse(tuple(f"{r}.{c}" for r in leaves for c in applicants), counts))
    forward = draw(_sparse(applicants, counts))
    cells: dict[str, int] = {}
    for column in applicants:
        for row in leaves:
            cells[f"{row}.{column}"] = drawn.get(f"{row}.{column}", 0)
        handled = sum(cells[f"{row}.{column}"] for row in leaves) + forward.get(column, 0)
        carried_over = draw(st.integers(min_value=0, max_value=min(handled, max_count)))
        cells[f"outcome_total.{column}"] = handled - forward.get(column, 0)
        cells[f"carried_forward.{column}"] = forward.get(column, 0)
        cells[f"carried_over.{column}"] = carried_over
        cells[f"new_received.{column}"] = handled - carried_over
    subtotals = _keys(template, "subtotal")
    rows = [row for row in _keys(template, "row") if row not in subtotals]
    for row in rows:
        cells[f"{row}.total"] = sum(cells[f"{row}.{column}"] for column in applicants)
    # Some real reports print variants the template does not: figures on group labels
    # (（三）不予公开 …) and a 小计 column under 法人或其他组织. Drawn now and then, always
    # consistent with their parts; shrinks towards the plain template.
    printed = draw(st.lists(st.sampled_from(subtotals), unique=True)) if subtotals else []
    for subtotal in printed:
        members = _keys_in(template, "member", subtotal=subtotal)
        for column in (*applicants, "total"):
            cells[f"{subtotal}.{column}"] = sum(cells[f"{m}.{column}"] for m in members)
        rows.append(subtotal)
    organisations = _keys(template, "organisation")
    column_printed: bool = draw(st.booleans())
    if organisations and column_printed:
        for row in rows:
            cells[f"{row}.organisations"] = sum(cells[f"{row}.{c}"] for c in organisations)
    return {f"applications.{key}": value for key, value in cells.items()}


def _keys_in(template: TemplateSpec, name: str, **bound: str) -> tuple[str, ...]:
    return tuple(key for key, _ in domain(name, template, bound))


# -- removing and corrupting cells -------------------------------------------------------------


@attrs.frozen(kw_only=True)
class CellsRemoved:
    """A report with some stated cells made unknown (``None``).

    Attributes:
        original: the report as drawn.
        report: the same report with ``removed`` set to ``None``.
        removed: the addresses removed, in the order they were drawn.
    """

    original: AnnualReport
    report: AnnualReport
    removed: tuple[str, ...]


@attrs.frozen(kw_only=True)
class CellCorrupted:
    """A report with one stated cell changed to another valid value.

    Attributes:
        original: the report as drawn.
        report: the same report with ``address`` changed.
        address: the address changed.
        before: the value in ``original``.
        after: the value in ``report`` (always different from ``before``).
    """

    original: AnnualReport
    report: AnnualReport
    address: str
    before: int
    after: int


def _check_reports(strategy: object) -> st.SearchStrategy[AnnualReport]:
    if strategy is None:
        return consistent_reports()
    if not isinstance(strategy, st.SearchStrategy):
        raise TypeError(f"reports must be a hypothesis strategy of reports, got {strategy!r}")
    return strategy


def _covered(report: AnnualReport) -> list[str]:
    """Stated counts that some within-report equation of the report's template contains."""
    cells = flatten(report)
    covered = dict.fromkeys(a for eq in equations(report.template) for a in eq.cells)
    return [a for a in covered if type(cells.get(a)) is int]


def with_cells_removed(
    reports: st.SearchStrategy[AnnualReport] | None = None,
    *,
    determined_only: bool = False,
    max_size: int | None = None,
) -> st.SearchStrategy[CellsRemoved]:
    """Reports from ``reports`` with a drawn set of rule-covered stated cells made ``None``.

    Args:
        reports: where the reports come from (default: :func:`consistent_reports`).
        determined_only: remove only cells that the rest of the report determines by linear
            algebra over the template's invariants (so ``govinfo.infer`` must restore them).
            Cells are drawn in order and each is kept only if the whole set stays determined.
        max_size: remove at most this many cells (default: no limit).

    At least one cell is removed when the report has a rule-covered stated count (with
    ``determined_only``: when the first cell drawn is determined, as every such cell of a
    consistent report is). Shrinks towards removing one cell, the first the template prints.

    Raises:
        TypeError: an argument of the wrong type or range.
    """
    source = _check_reports(reports)
    if not isinstance(determined_only, bool):
        raise TypeError(f"determined_only must be a bool, got {determined_only!r}")
    if max_size is not None and (type(max_size) is not int or max_size < 1):
        raise TypeError(f"max_size must be None or a positive int, got {max_size!r}")
    return source.flatmap(lambda r: _removed(r, determined_only, max_size))


def _removed(
    report: AnnualReport, determined_only: bool, max_size: int | None
) -> st.SearchStrategy[CellsRemoved]:
    covered = _covered(report)
    if not covered:
        return st.just(CellsRemoved(original=report, report=report, removed=()))
    drawn = st.lists(st.sampled_from(covered), min_size=1, max_size=max_size, unique=True)
    return drawn.map(lambda addresses: _remove(report, addresses, determined_only))


def _remove(report: AnnualReport, addresses: list[str], determined_only: bool) -> CellsRemoved:
    cells = flatten(report)
    removed: list[str] = []
    for address in addresses:
        trial = {**cells, address: None}
        if determined_only:
            filled, _ = infer_cells(trial, report.template, nonnegativity=False)
            if any(filled[a] is None for a in (*removed, address)):
                continue
        cells = trial
        removed.append(address)
    return CellsRemoved(original=report, report=with_cells(report, cells), removed=tuple(removed))


def with_cell_corrupted(
    reports: st.SearchStrategy[AnnualReport] | None = None,
    *,
    max_change: int = _DEFAULT_MAX_COUNT,
) -> st.SearchStrategy[CellCorrupted]:
    """Reports from ``reports`` with one rule-covered stated count changed.

    The new value is still a valid count (non-negative) and always differs from the old.
    Reports without such a cell are skipped (``legacy_2008`` reports rarely have one).

    Args:
        reports: where the reports come from (default: :func:`consistent_reports`).
        max_change: the largest amount a cell is changed by.

    Shrinks towards adding 1 to the first cell the template prints.

    Raises:
        TypeError: an argument of the wrong type or range.
    """
    source = _check_reports(reports)
    if type(max_change) is not int or max_change < 1:
        raise TypeError(f"max_change must be a positive int, got {max_change!r}")
    return source.filter(lambda r: bool(_covered(r))).flatmap(lambda r: _corrupted(r, max_change))


@st.composite
def _corrupted(draw: st.DrawFn, report: AnnualReport, max_change: int) -> CellCorrupted:
    address = draw(st.sampled_from(_covered(report)))
    cells = flatten(report)
    before = cells[address]
    assert type(before) is int  # every covered cell is a count
    change = draw(st.integers(min_value=1, max_value=max_change))
    after = before - change if draw(st.booleans()) and before >= change else before + change
    cells[address] = after
    return CellCorrupted(
        original=report,
        report=with_cells(report, cells),
        address=address,
        before=before,
        after=after,
    )
