"""Invariants as data, the checks that apply them, and inference from them.

- :mod:`govinfo.rules.catalogue`: the rules (:data:`RULES`), each a formula over addresses.
- :mod:`govinfo.rules.check`: :func:`check` (``report.check()``) and :func:`check_series`.
- :mod:`govinfo.rules.result`: :class:`CheckResult`, :class:`Violation`, :class:`Unverifiable`.
- :mod:`govinfo.rules.infer`: :func:`infer` and :func:`infer_cells`, which fill determined cells,
  and :func:`feasible`, which tells whether cells can still add up.
- :mod:`govinfo.rules.docs`: the generated rules page.
"""

from govinfo._hooks import provide
from govinfo.rules.catalogue import PREVIOUS, RULES, Equation, Rule, RuleKind, Unstated, rule
from govinfo.rules.check import check, check_series
from govinfo.rules.infer import Fill, Inference, feasible, infer, infer_cells
from govinfo.rules.result import CheckResult, CheckStatus, Unverifiable, Violation

__all__ = [
    "PREVIOUS",
    "RULES",
    "CheckResult",
    "CheckStatus",
    "Equation",
    "Fill",
    "Inference",
    "Rule",
    "RuleKind",
    "Unstated",
    "Unverifiable",
    "Violation",
    "check",
    "check_series",
    "feasible",
    "infer",
    "infer_cells",
    "rule",
]

provide("check", check)
