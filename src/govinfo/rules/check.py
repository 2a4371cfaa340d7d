"""Check a report (or a series of one organ's reports) against the rule catalogue.

Strategy: every rule instance is evaluated on the flat ``{address: value}`` view of the report
(last year's cells prefixed ``previous:``). Then, for each broken equation, each stated cell in
it is tested as the single wrong value: it must appear in no equation that verifiably holds,
and every broken equation containing it must be repaired by one and the same correction (the
signed differences agree), leaving a non-negative value. The cells that pass are the
candidates; a unique candidate is the suspect, and its stated value less that one correction is
the suggested value (it satisfies every equation the suspect is in that can be evaluated).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from decimal import Decimal

import attrs

from govinfo.diagnostics import Severity
from govinfo.errors import InvalidValueError
from govinfo.model.catalogue import unprinted
from govinfo.model.flat import CellValue, flatten
from govinfo.model.report import AnnualReport
from govinfo.rules.catalogue import PREVIOUS, RULES, Equation, Rule, RuleKind, Unstated
from govinfo.rules.result import CheckResult, Number, Unverifiable, Violation

__all__ = ["check", "check_series"]


@attrs.frozen
class _Broken:
    rule: Rule
    equation: Equation
    actual: Number
    expected: Number


def _selected(select: Iterable[str] | None, ignore: Iterable[str]) -> list[Rule]:
    known = {r.id for r in RULES}
    wanted = None if select is None else set(select)
    skipped = set(ignore)
    for name, ids in (("select", wanted or set()), ("ignore", skipped)):
        unknown = sorted(ids - known)
        if unknown:
            raise InvalidValueError(name, unknown, f"rule ids among {sorted(known)}")
    return [r for r in RULES if (wanted is None or r.id in wanted) and r.id not in skipped]


def check(
    report: AnnualReport,
    *,
    previous: AnnualReport | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> CheckResult:
    """Check every rule of ``report``'s template; the same as ``report.check()``.

    Cross-report rules run only when ``previous`` (the same organ's report for the year
    before) is given and both templates carry the cells they compare.

    Args:
        report: the report to check.
        previous: last year's report, for ``X-CARRY-OVER`` and ``X-IN-FORCE``.
        select: only the rules with these ids (default: all).
        ignore: skip the rules with these ids.

    Raises:
        InvalidValueError: ``select`` or ``ignore`` names a rule that does not exist, or
            leaves no rule of the template of a report that has tables. (A selection whose
            rules cannot run, such as cross-report rules without ``previous``, gives a result
            whose status is ``INCOMPLETE``: nothing checked is never ``PASSED``.)
    """
    cells: dict[str, CellValue] = flatten(report)
    # A row or column the report does not print (a variant such as a group subtotal row) is
    # not a figure it left unstated: its equations are not instances of this report's rules.
    absent = set(unprinted(report.template, cells))
    own = [v for a, v in cells.items() if a not in absent]
    if previous is not None:
        before = flatten(previous)
        cells.update({PREVIOUS + a: v for a, v in before.items()})
        absent.update(PREVIOUS + a for a in unprinted(previous.template, before))
    passed = 0
    unverifiable: list[Unverifiable] = []
    broken: list[_Broken] = []
    held: list[Equation] = []
    template = report.template
    selected = [r for r in _selected(select, ignore) if r.applies_to(template)]
    if template.has_tables and not selected:
        # A result with nothing checked would read as a clean bill of health.
        if select is None and not ignore:
            raise InvalidValueError(
                "template", template.id, "a template with tables that some rule checks"
            )
        raise InvalidValueError(
            "select/ignore",
            sorted(set(select or ()) | set(ignore)),
            f"a selection that leaves a rule of template {template}",
        )
    for rule in selected:
        if rule.cross_report and (previous is None or not rule.applies_to(previous.template)):
            continue
        for eq in rule.equations(template):
            if absent and not absent.isdisjoint(eq.cells):
                continue
            outcome = _evaluate(rule, eq, cells)
            if isinstance(outcome, Unverifiable):
                unverifiable.append(outcome)
            elif outcome is None:
                passed += 1
                held.append(eq)
            else:
                broken.append(_Broken(rule, eq, *outcome))
    found = [_violation(b, broken, held, cells) for b in broken]
    return CheckResult(
        violations=tuple(v for v in found if v.severity is Severity.ERROR),
        warnings=tuple(v for v in found if v.severity is not Severity.ERROR),
        unverifiable=tuple(unverifiable),
        passed=passed,
        cells_stated=sum(v is not None for v in own),
        cells_total=len(own),
    )


def _evaluate(
    rule: Rule, eq: Equation, cells: Mapping[str, CellValue]
) -> Unverifiable | tuple[Number, Number] | None:
    """``None`` when the instance holds, the two sides when it is broken."""
    lhs = [cells.get(a) for a in eq.lhs]
    rhs = [cells.get(a) for a in eq.rhs]
    if rule.unstated is Unstated.ZERO:
        unknown = [a for a, v in zip(eq.lhs, lhs, strict=True) if v is None]
        if all(v is None for v in rhs):
            unknown += eq.rhs
    else:
        unknown = [a for a in eq.cells if cells.get(a) is None]
    if unknown:
        return Unverifiable(
            rule=rule.id, key=eq.key, label=eq.label, cells=eq.cells, unknown=tuple(unknown)
        )
    if rule.kind is RuleKind.DECIMAL_PLACES:
        assert rule.max_places is not None
        places = max(_places(v) for v in lhs)
        return (places, rule.max_places) if places > rule.max_places else None
    actual = sum(v for v in lhs if v is not None)
    expected = sum(v for v in rhs if v is not None)
    return None if actual == expected else (actual, expected)


def _places(value: CellValue) -> int:
    if isinstance(value, Decimal):
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite: the model refuses NaN and infinity
        return max(0, -exponent)
    return 0


def _violation(
    b: _Broken, broken: Sequence[_Broken], held: Sequence[Equation], cells: Mapping[str, CellValue]
) -> Violation:
    fixes: dict[str, Number] = {}
    if b.rule.kind is RuleKind.SUM:
        for address in b.equation.cells:
            fixed = _fixed(address, broken, held, cells.get(address))
            if fixed is not None:
                fixes[address] = fixed
    candidates = tuple(fixes)
    suspect = candidates[0] if len(candidates) == 1 else None
    fields = {
        "label": b.equation.label,
        "actual": b.actual,
        "expected": b.expected,
        "difference": b.actual - b.expected,
    }
    return Violation(
        rule=b.rule.id,
        severity=b.rule.severity,
        key=b.equation.key,
        label=b.equation.label,
        cells=b.equation.cells,
        actual=b.actual,
        expected=b.expected,
        difference=b.actual - b.expected,
        suspect=suspect,
        candidates=candidates,
        suggested=None if suspect is None else fixes[suspect],
        message_zh=b.rule.message_zh.format(**fields),
        message_en=b.rule.message_en.format(**fields),
    )


def _fixed(
    address: str, broken: Sequence[_Broken], held: Sequence[Equation], value: CellValue
) -> Number | None:
    """The value of ``address`` that alone repairs every broken equation it is in, if any."""
    if value is None or any(address in eq.cells for eq in held):
        return None
    corrections = set()
    for b in broken:
        if b.rule.kind is not RuleKind.SUM or address not in b.equation.cells:
            continue
        difference = b.actual - b.expected
        corrections.add(difference if address in b.equation.lhs else -difference)
    if len(corrections) != 1:
        return None
    # a signed cell (gb_2019 本年增/减) is in no equation, so every candidate is non-negative
    fixed: Number = value - corrections.pop()
    return fixed if fixed >= 0 else None


def check_series(
    reports: Iterable[AnnualReport],
    *,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
) -> dict[int, CheckResult]:
    """Check one organ's reports, each against the report of the year before when there is one.

    The reports are sorted by year; a report whose previous year is missing from the series
    is checked on its own (the cross-report rules only compare consecutive years).

    Args:
        reports: reports of one organ, in any order.
        select: only the rules with these ids (default: all).
        ignore: skip the rules with these ids.

    Returns:
        The result of each report, by year, in year order.

    Raises:
        InvalidValueError: a report without a year, two reports of the same year, or
            reports of different organs.
    """
    by_year: dict[int, AnnualReport] = {}
    organs = set()
    for report in reports:
        if report.year is None:
            raise InvalidValueError("AnnualReport.year", None, "a year in a series of reports")
        if report.year in by_year:
            raise InvalidValueError("AnnualReport.year", report.year, "one report per year")
        by_year[report.year] = report
        if report.organ is not None:
            organs.add(report.organ)
    if len(organs) > 1:
        raise InvalidValueError("AnnualReport.organ", sorted(organs), "one organ for a series")
    return {
        year: check(by_year[year], previous=by_year.get(year - 1), select=select, ignore=ignore)
        for year in sorted(by_year)
    }
