"""What :func:`govinfo.rules.check.check` returns: violations, warnings and what could not be told.

Violations are values, not exceptions (frictionless style): each names its rule, the cells of
the equation, the two sides and the cell most likely to be wrong. ``raise_for_violations``
turns them into a :class:`~govinfo.errors.ViolationError` for callers who want one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator, Mapping, Sequence
from decimal import Decimal

import attrs

from govinfo._hooks import provided
from govinfo.diagnostics import Severity
from govinfo.errors import ViolationError
from govinfo.locations import Location
from govinfo.model.frozen import FrozenMapping
from govinfo.rules.catalogue import instance_name

__all__ = ["CheckResult", "CheckStatus", "Number", "Unverifiable", "Violation"]

#: A value an equation side adds up to.
Number = int | Decimal


def _frozen_locations(value: Mapping[str, Location]) -> Mapping[str, Location]:
    return FrozenMapping(value)


@attrs.frozen(kw_only=True)
class Violation:
    """One rule instance that the report's stated values break.

    Attributes:
        rule: the rule id (``T3-ROW-TOTAL``).
        severity: ``error`` or ``warning``.
        key: the column, row or group of the instance (``""`` for single-instance rules).
        label: the official label of that column, row or group.
        cells: every address of the equation (``previous:`` for last year's report).
        actual: what the stated side adds up to (the left side of the rule's formula).
        expected: what the parts add up to (the right side), or the allowed limit.
        difference: ``actual - expected``.
        suspect: the one cell whose correction would repair every broken equation it is in
            while keeping the equations it is in that hold, when exactly one cell does so.
        candidates: every cell that could explain the violation that way (the suspect, or
            several when the equations cannot tell them apart, e.g. a section 四 group).
        suggested: the value of the suspect that makes every equation it is in add up (the
            stated value less the one correction they all agree on); ``None`` when there is
            no unique suspect. Never negative: a cell whose correction would make it negative
            is no candidate.
        message_zh: the message in Chinese.
        message_en: the message in English.
        locations: where each cell of the equation is in the source, when known
            (see :meth:`CheckResult.locate`).
    """

    rule: str
    severity: Severity
    key: str
    label: str
    cells: tuple[str, ...]
    actual: Number
    expected: Number
    difference: Number
    suspect: str | None = None
    candidates: tuple[str, ...] = ()
    suggested: Number | None = None
    message_zh: str
    message_en: str
    locations: Mapping[str, Location] = attrs.field(
        factory=dict, converter=_frozen_locations, eq=False, hash=False
    )

    @property
    def name(self) -> str:
        """``RULE[key]``, e.g. ``T3-ROW-TOTAL[disclosed]``."""
        return instance_name(self.rule, self.key)

    def __str__(self) -> str:
        text = f"{self.severity}: [{self.name}] {self.message_en}"
        if self.suspect is not None:
            where = self.locations.get(self.suspect)
            text += f"; suspect {self.suspect}" + (f" at {where}" if where else "")
            if self.suggested is not None:
                text += f", should be {self.suggested}"
        elif len(self.candidates) > 1:
            text += f"; one of {', '.join(self.candidates)} is wrong"
        return text


@attrs.frozen(kw_only=True)
class Unverifiable:
    """A rule instance that cannot be told to hold or fail because cells are not stated.

    Attributes:
        rule: the rule id.
        key: the column, row or group of the instance.
        label: the official label of that column, row or group.
        cells: every address of the equation.
        unknown: the addresses whose values the report does not state.
    """

    rule: str
    key: str
    label: str
    cells: tuple[str, ...]
    unknown: tuple[str, ...]

    @property
    def name(self) -> str:
        """``RULE[key]``, e.g. ``T3-ROW-TOTAL[disclosed]``."""
        return instance_name(self.rule, self.key)

    def __str__(self) -> str:
        return f"unverifiable: [{self.name}] unknown {', '.join(self.unknown)}"


class CheckStatus(str, enum.Enum):
    """The outcome of a check, in one word.

    Broken rules of severity warning do not change it (they fail only where a caller asks,
    e.g. ``govinfo check --strict``).
    """

    PASSED = "passed"  #: every rule instance was verified, and none of severity error is broken
    FAILED = "failed"  #: a rule of severity error is broken
    INCOMPLETE = "incomplete"  #: nothing is broken, but some rule instances could not be verified

    def __str__(self) -> str:
        return self.value


@attrs.frozen(kw_only=True)
class CheckResult:
    """The outcome of checking one report.

    Attributes:
        violations: broken rules of severity ``error``.
        warnings: broken rules of severity ``warning``.
        unverifiable: rule instances with unstated cells (neither passed nor failed).
        passed: how many rule instances were verified to hold.
        cells_stated: how many cells of the report state a value (read or inferred).
        cells_total: how many cells the report's template has, with the variants (group
            subtotal rows, the 小计 column) the report prints.
    """

    violations: tuple[Violation, ...] = ()
    warnings: tuple[Violation, ...] = ()
    unverifiable: tuple[Unverifiable, ...] = ()
    passed: int = 0
    cells_stated: int = 0
    cells_total: int = 0

    @property
    def status(self) -> CheckStatus:
        """``FAILED`` when a rule of severity error is broken; else ``INCOMPLETE`` when some
        rule instance could not be verified (or none was checked at all); else ``PASSED``."""
        if self.violations:
            return CheckStatus.FAILED
        if self.unverifiable or not (self.passed or self.warnings):
            return CheckStatus.INCOMPLETE
        return CheckStatus.PASSED

    @property
    def ok(self) -> bool:
        """True only when the check :attr:`status` is ``PASSED``: every rule instance verified,
        none of severity ``error`` broken. A report of which nothing could be verified is not ok.
        """
        return self.status is CheckStatus.PASSED

    def __iter__(self) -> Iterator[Violation]:
        """Every broken rule instance: the violations, then the warnings.

        (There is deliberately no ``__len__``: a result is always true, so ``if result``
        never silently means "if anything is broken"; use :attr:`ok`.)
        """
        yield from self.violations
        yield from self.warnings

    def flatten(self, fields: Sequence[str] = ("rule", "key", "suspect")) -> list[list[object]]:
        """Violations then warnings as rows of the named :class:`Violation` attributes.

        Handy in tests: ``assert result.flatten(["rule", "suspect"]) == [["T4-TOTAL", None]]``.

        Raises:
            AttributeError: a field :class:`Violation` does not have.
        """
        return [[getattr(v, field) for field in fields] for v in self]

    def raise_for_violations(self) -> None:
        """Raise if any rule of severity ``error`` is broken.

        Raises:
            ViolationError: listing every violation, one per line; its ``violations`` are the
                :class:`Violation` objects.
        """
        if self.violations:
            lines = "\n".join(str(v) for v in self.violations)
            raise ViolationError(
                f"{len(self.violations)} rule(s) broken:\n{lines}", violations=self.violations
            )

    def locate(self, locations: Mapping[str, Location]) -> CheckResult:
        """This result with the source location of each violation's cells attached.

        Args:
            locations: where each cell was read, by address (``ReadResult.locations``).
        """

        def attach(v: Violation) -> Violation:
            found = {a: locations[a] for a in v.cells if a in locations}
            return attrs.evolve(v, locations=found)

        return attrs.evolve(
            self,
            violations=tuple(map(attach, self.violations)),
            warnings=tuple(map(attach, self.warnings)),
        )

    def _repr_html_(self) -> str:
        html: str = provided("check_html")(self)  # registered by govinfo.display
        return html

    def __str__(self) -> str:
        head = (
            f"{self.status}: {self.passed} passed, "
            f"{len(self.violations)} violation(s), {len(self.warnings)} warning(s), "
            f"{len(self.unverifiable)} unverifiable; "
            f"{self.cells_stated} of {self.cells_total} cells stated"
        )
        return "\n".join([head, *(f"  {v}" for v in self)])
