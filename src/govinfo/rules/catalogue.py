"""Every invariant of a report, as data: the catalogue of rules and their equations.

Strategy: each within-report invariant of FORMAT.md §1.6/§2 is a linear equality
``sum(lhs) == sum(rhs)`` repeated over the columns, rows or groups of a table. A :class:`Rule`
states it once as address *patterns* with placeholders (``applications.{row}.total``); the
placeholders named by ``over`` give one equation per instance, and any other placeholder is
summed over its domain. Domains come from the roles the template spec gives its rows and
columns (part, subtotal, total), so no address of section 三 is typed by hand, and a rule
applies to a template exactly where its addresses exist: a revision of the template changes
the equations without touching this module. Cross-report rules use the same form with
``previous:`` addresses (the year before).
"""

from __future__ import annotations

import enum
import functools
import string
from collections.abc import Callable

import attrs

from govinfo.diagnostics import Severity
from govinfo.model.catalogue import LEGACY_PREFIX, cell_spec, cell_specs
from govinfo.templates import Role, TemplateSpec, template_spec

__all__ = [
    "DEPENDS",
    "DOMAINS",
    "PREVIOUS",
    "RULES",
    "Equation",
    "Rule",
    "RuleKind",
    "Unstated",
    "domain",
    "equations",
    "instance_name",
    "rule",
]

#: Prefix of an address in the previous year's report (cross-report rules).
PREVIOUS = "previous:"


class RuleKind(str, enum.Enum):
    """What a rule tests about its equation's cells."""

    SUM = "sum"  #: ``sum(lhs) == sum(rhs)``
    DECIMAL_PLACES = "decimal_places"  #: each ``lhs`` amount has at most ``max_places`` places

    def __str__(self) -> str:
        return self.value


class Unstated(str, enum.Enum):
    """What a cell the report does not state (``None``) means to a rule."""

    UNKNOWN = "unknown"  #: the instance cannot be verified
    #: counts as 0 (pre-2019 prose: an outcome not mentioned was not reported); the instance
    #: is verifiable when every ``lhs`` cell and at least one ``rhs`` cell is stated
    ZERO = "zero"

    def __str__(self) -> str:
        return self.value


def instance_name(rule_id: str, key: str) -> str:
    """The name of one instance of a rule: ``RULE[key]``, or ``RULE`` when it has one only."""
    return f"{rule_id}[{key}]" if key else rule_id


@attrs.frozen(kw_only=True)
class Equation:
    """One instance of a rule: ``sum(lhs) == sum(rhs)`` over concrete addresses.

    Attributes:
        rule: the id of the rule it instantiates.
        key: which column, row or group it is about (``""`` for a single-instance rule).
        label: the official Chinese label of that column, row or group.
        lhs: addresses summed on the left (the stated figure, for a total rule).
        rhs: addresses summed on the right (the parts).
    """

    rule: str
    key: str
    label: str
    lhs: tuple[str, ...]
    rhs: tuple[str, ...]

    @property
    def cells(self) -> tuple[str, ...]:
        """Every address of the equation, left side first."""
        return self.lhs + self.rhs

    @property
    def name(self) -> str:
        """``RULE[key]``, e.g. ``T3-ROW-TOTAL[disclosed]``."""
        return instance_name(self.rule, self.key)

    def __str__(self) -> str:
        return f"{' + '.join(self.lhs)} == {' + '.join(self.rhs)}"


@attrs.frozen(kw_only=True)
class Rule:
    """An invariant with a stable id, stated as address patterns.

    Attributes:
        id: stable public id (``T3-BALANCE``); never reused for another meaning.
        invariant: the name FORMAT.md gives the invariant (``E1``, ``I1``, ``X2``…).
        severity: ``error`` (breaks ``CheckResult.ok``) or ``warning``.
        title_zh: a short Chinese name of the rule.
        title_en: a short English name of the rule.
        message_zh: Chinese message; ``{label}``, ``{actual}``, ``{expected}`` and
            ``{difference}`` are filled per violation.
        message_en: English message with the same fields.
        source: the template text (or practice) the rule comes from.
        over: the placeholders that number the instances (``("column",)``…); empty for a
            rule with one instance.
        lhs: address patterns of the left side.
        rhs: address patterns of the right side.
        kind: what is tested.
        unstated: what an unstated cell means.
        max_places: for ``decimal_places`` rules, the allowed number of decimal places.
    """

    id: str
    invariant: str
    severity: Severity
    title_zh: str
    title_en: str
    message_zh: str
    message_en: str
    source: str
    over: tuple[str, ...]
    lhs: tuple[str, ...]
    rhs: tuple[str, ...] = ()
    kind: RuleKind = RuleKind.SUM
    unstated: Unstated = Unstated.UNKNOWN
    max_places: int | None = None

    @property
    def cross_report(self) -> bool:
        """Whether the rule compares a report with the one of the year before."""
        return any(p.startswith(PREVIOUS) for p in self.lhs + self.rhs)

    @property
    def placeholders(self) -> tuple[str, ...]:
        """The placeholders of the rule's patterns (keys of :data:`DOMAINS`), in order."""
        return tuple(dict.fromkeys(n for p in self.lhs + self.rhs for n in _placeholders(p)))

    @property
    def formula(self) -> str:
        """The rule as one line, with ``Σ`` over every placeholder that is summed."""

        def side(patterns: tuple[str, ...]) -> str:
            parts = []
            for pattern in patterns:
                summed = [p for p in _placeholders(pattern) if p not in self.over]
                parts.append(f"Σ_{{{summed[0]}}} {pattern}" if summed else pattern)
            return " + ".join(parts)

        if self.kind is RuleKind.DECIMAL_PLACES:
            return f"decimal_places({side(self.lhs)}) <= {self.max_places}"
        each = ", ".join(f"{{{name}}}" for name in self.over)
        where = f"   for each {each}" if self.over else ""
        return f"{side(self.lhs)} == {side(self.rhs)}{where}"

    def applies_to(self, template: TemplateSpec | str) -> bool:
        """Whether the rule has anything to check in a report of ``template``: it applies
        exactly where every address of its instances exists."""
        return bool(_equations(self, template_spec(template)))

    def equations(self, template: TemplateSpec | str) -> tuple[Equation, ...]:
        """The rule's instances for ``template`` (empty when it does not apply)."""
        return _equations(self, template_spec(template))


# -- domains ---------------------------------------------------------------------------------

#: One value of a placeholder: its key and the official label of that row or column.
Item = tuple[str, str]


def _rows(template: TemplateSpec, table: str, *roles: Role) -> tuple[Item, ...]:
    spec = template.table(table)
    if spec is None:
        return ()
    return tuple((r.key, r.label) for r in spec.rows if not roles or r.role in roles)


def _columns(template: TemplateSpec, table: str, *roles: Role) -> tuple[Item, ...]:
    seen: dict[str, str] = {}
    for cell in cell_specs(template):
        if cell.table == table and (not roles or cell.column_role in roles):
            seen.setdefault(cell.column, cell.column_label)
    return tuple(seen.items())


def _members(template: TemplateSpec, group: str, inside: bool) -> tuple[Item, ...]:
    # The part rows of section 三 in the group ``group`` (inside), or in any other place.
    spec = template.table("applications")
    if spec is None:
        return ()
    return tuple(
        (r.key, r.label) for r in spec.rows if r.role is Role.PART and (r.group == group) == inside
    )


def _column_members(template: TemplateSpec, group: str) -> tuple[Item, ...]:
    spec = template.table("applications")
    seen: dict[str, str] = {}
    for row in spec.rows if spec is not None else ():
        for column in row.columns:
            if column.role is Role.PART and column.group == group:
                seen.setdefault(column.key, column.label)
    return tuple(seen.items())


def _in_force_rows(template: TemplateSpec) -> tuple[Item, ...]:
    spec = template.table("proactive_disclosure")
    if spec is None:
        return ()
    return tuple((r.key, r.label) for r in spec.rows if any(c.key == "in_force" for c in r.columns))


_Domain = Callable[[TemplateSpec, dict[str, str]], tuple[Item, ...]]

#: Placeholder name -> the (key, label) pairs it ranges over in a template, given the values
#: of the placeholders already bound (a group's members depend on the group).
DOMAINS: dict[str, _Domain] = {
    "column": lambda t, _: _columns(t, "applications"),
    "applicant": lambda t, _: _columns(t, "applications", Role.PART),
    "row": lambda t, _: _rows(t, "applications"),
    "leaf": lambda t, _: _rows(t, "applications", Role.PART),
    "group": lambda t, _: _rows(t, "review_litigation"),
    "outcome": lambda t, _: _columns(t, "review_litigation", Role.PART),
    "document": lambda t, _: _in_force_rows(t),
    # Section 三's group subtotal rows (（三）不予公开 … printed with figures), the part rows
    # of the bound one, the part rows outside it, and the organisation columns (法人或其他组织).
    "subtotal": lambda t, _: _rows(t, "applications", Role.SUBTOTAL),
    "member": lambda t, bound: _members(t, bound["subtotal"], inside=True),
    "outside": lambda t, bound: _members(t, bound["subtotal"], inside=False),
    "organisation": lambda t, _: _column_members(t, "organisations"),
}


#: Placeholders whose domain depends on another one's value (a group's members).
DEPENDS: dict[str, str] = {"member": "subtotal", "outside": "subtotal"}


def domain(
    name: str, template: TemplateSpec | str, bound: dict[str, str] | None = None
) -> tuple[Item, ...]:
    """The ``(key, label)`` pairs placeholder ``name`` ranges over in ``template``.

    ``bound`` gives the placeholders already chosen, for a domain that depends on one
    (:data:`DEPENDS`).
    """
    return DOMAINS[name](template_spec(template), bound or {})


def _placeholders(pattern: str) -> list[str]:
    return [name for _, name, _, _ in string.Formatter().parse(pattern) if name]


def _expand(pattern: str, template: TemplateSpec, bound: dict[str, str]) -> tuple[str, ...]:
    free = [name for name in _placeholders(pattern) if name not in bound]
    if not free:
        return (pattern.format(**bound),)
    (name,) = free  # a pattern sums over at most one placeholder
    return tuple(pattern.format(**bound, **{name: key}) for key, _ in domain(name, template, bound))


def _instances(
    over: tuple[str, ...], template: TemplateSpec, bound: dict[str, str], label: str
) -> list[tuple[dict[str, str], str]]:
    if not over:
        return [(bound, label)]
    name, rest = over[0], over[1:]
    result = []
    for key, item_label in domain(name, template, bound):
        joined = f"{label} · {item_label}" if label else item_label
        result.extend(_instances(rest, template, {**bound, name: key}, joined))
    return result


def _exists(template: TemplateSpec, address: str) -> bool:
    address = address.removeprefix(PREVIOUS)
    if cell_spec(template, address) is not None:
        return True
    return template.open_prefix is not None and address.startswith(template.open_prefix)


@functools.cache
def _equations(rule: Rule, template: TemplateSpec) -> tuple[Equation, ...]:
    result = []
    for bound, label in _instances(rule.over, template, {}, ""):
        lhs = tuple(a for p in rule.lhs for a in _expand(p, template, bound))
        rhs = tuple(a for p in rule.rhs for a in _expand(p, template, bound))
        if not lhs or (rule.kind is RuleKind.SUM and not rhs):
            continue
        if not all(_exists(template, a) for a in lhs + rhs):
            # A rule applies where its addresses exist; a template without one of them
            # does not print what the rule is about.
            return ()
        key = ".".join(bound[name] for name in rule.over)
        result.append(Equation(rule=rule.id, key=key, label=label, lhs=lhs, rhs=rhs))
    return tuple(result)


# -- the catalogue ---------------------------------------------------------------------------

_BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
_LEGACY_OUTCOMES = (
    "applications_in_active_scope",
    "applications_granted",
    "applications_partially_granted",
    "applications_refused",
    "applications_not_government_information",
    "applications_not_held",
)

#: Every rule govinfo checks, in the order reports print the cells they concern.
RULES: tuple[Rule, ...] = (
    Rule(
        id="T2-FEE-PRECISION",
        invariant="I4",
        severity=Severity.WARNING,
        title_zh="收费金额最多四位小数",
        title_en="fee amount has at most 4 decimal places",
        message_zh="行政事业性收费金额（万元）有{actual}位小数，格式要求最多{expected}位",
        message_en=(
            "the administrative fee amount (万元) has {actual} decimal places; "
            "the template asks for at most {expected}"
        ),
        source="第二十条第（八）项 行政事业性收费 本年收费金额（单位：万元）, 4 decimals = 1 元",
        over=(),
        lhs=("proactive_disclosure.administrative_fees.amount_wan_yuan",),
        kind=RuleKind.DECIMAL_PLACES,
        max_places=4,
    ),
    Rule(
        id="T3-BALANCE",
        invariant="E1",
        severity=Severity.ERROR,
        title_zh="新收加结转等于办理结果加结转下年度",
        title_en="received plus carried over equals handled plus carried forward",
        message_zh=(
            "“{label}”列：本年新收加上年结转为{actual}，办理结果总计加结转下年度为{expected}，"
            "相差{difference}"
        ),
        message_en=(
            "column {label}: new plus carried-over applications are {actual} but outcomes "
            "plus carried-forward are {expected} (difference {difference})"
        ),
        source=_BALANCE_NOTE,
        over=("column",),
        lhs=("applications.new_received.{column}", "applications.carried_over.{column}"),
        rhs=("applications.outcome_total.{column}", "applications.carried_forward.{column}"),
    ),
    Rule(
        id="T3-ROW-TOTAL",
        invariant="I1",
        severity=Severity.ERROR,
        title_zh="总计列等于各类申请人之和",
        title_en="the total column is the sum of the applicant columns",
        message_zh="“{label}”行：总计为{actual}，各类申请人之和为{expected}，相差{difference}",
        message_en=(
            "row {label}: the total is {actual} but the applicant columns sum to {expected} "
            "(difference {difference})"
        ),
        source=(
            "申请人情况：自然人 | 法人或其他组织（商业企业、科研机构、社会公益组织、"
            "法律服务机构、其他） | 总计"
        ),
        over=("row",),
        lhs=("applications.{row}.total",),
        rhs=("applications.{row}.{applicant}",),
    ),
    Rule(
        id="T3-OUTCOME-TOTAL",
        invariant="I2",
        severity=Severity.ERROR,
        title_zh="（七）总计等于各项办理结果之和",
        title_en="（七）总计 is the sum of the outcome rows",
        message_zh="“{label}”列：（七）总计为{actual}，各项办理结果之和为{expected}，相差{difference}",
        message_en=(
            "column {label}: the outcome total is {actual} but the outcome rows sum to "
            "{expected} (difference {difference})"
        ),
        source=(
            "三、本年度办理结果 （一）予以公开 … （六）其他处理 （七）总计; "
            "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
        ),
        over=("column",),
        lhs=("applications.outcome_total.{column}",),
        rhs=("applications.{leaf}.{column}",),
    ),
    Rule(
        id="T3-GROUP-SUBTOTAL",
        invariant="V1",
        severity=Severity.ERROR,
        title_zh="分组小计行等于其各分项之和",
        title_en="a group's subtotal row is the sum of its item rows",
        message_zh="“{label}”：分组小计为{actual}，其各分项之和为{expected}，相差{difference}",
        message_en=(
            "{label}: the group subtotal is {actual} but its item rows sum to {expected} "
            "(difference {difference})"
        ),
        source=(
            "（三）不予公开 1.–8.、（四）无法提供 1.–3.、（五）不予处理 1.–5.、"
            "（六）其他处理 1.–3. (a variant: reports that print figures on the group label)"
        ),
        over=("subtotal", "column"),
        lhs=("applications.{subtotal}.{column}",),
        rhs=("applications.{member}.{column}",),
    ),
    Rule(
        id="T3-OUTCOME-TOTAL-BY-GROUP",
        invariant="V2",
        severity=Severity.ERROR,
        title_zh="（七）总计等于以分组小计代替其分项的办理结果之和",
        title_en="（七）总计 is the sum of the outcomes with a group's subtotal for its items",
        message_zh=(
            "“{label}”：（七）总计为{actual}，以该分组小计代替其分项的办理结果之和为{expected}，"
            "相差{difference}"
        ),
        message_en=(
            "{label}: the outcome total is {actual} but the outcome rows, with the group's "
            "subtotal for its items, sum to {expected} (difference {difference})"
        ),
        source=(
            "三、本年度办理结果 （七）总计, where a report prints a group's subtotal "
            "(（六）其他处理 as one row in a 2021-layout report)"
        ),
        over=("subtotal", "column"),
        lhs=("applications.outcome_total.{column}",),
        rhs=("applications.{outside}.{column}", "applications.{subtotal}.{column}"),
    ),
    Rule(
        id="T3-ORG-SUBTOTAL",
        invariant="V3",
        severity=Severity.ERROR,
        title_zh="法人或其他组织小计等于五类组织之和",
        title_en="the organisations subtotal is the sum of the five organisation columns",
        message_zh=(
            "“{label}”行：法人或其他组织小计为{actual}，商业企业、科研机构、社会公益组织、"
            "法律服务机构、其他之和为{expected}，相差{difference}"
        ),
        message_en=(
            "row {label}: the organisations subtotal is {actual} but the five organisation "
            "columns sum to {expected} (difference {difference})"
        ),
        source=(
            "法人或其他组织：小计 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 "
            "(a variant)"
        ),
        over=("row",),
        lhs=("applications.{row}.organisations",),
        rhs=("applications.{row}.{organisation}",),
    ),
    Rule(
        id="T4-TOTAL",
        invariant="I3",
        severity=Severity.ERROR,
        title_zh="复议、诉讼总计等于各结果之和",
        title_en="review and litigation totals are the sum of their outcomes",
        message_zh=(
            "“{label}”：总计为{actual}，结果维持、结果纠正、其他结果、尚未审结之和为{expected}，"
            "相差{difference}"
        ),
        message_en=(
            "{label}: the total is {actual} but upheld, corrected, other and pending sum to "
            "{expected} (difference {difference})"
        ),
        source=(
            "行政复议 | 行政诉讼（未经复议直接起诉、复议后起诉）: "
            "结果维持 结果纠正 其他结果 尚未审结 总计"
        ),
        over=("group",),
        lhs=("review_litigation.{group}.total",),
        rhs=("review_litigation.{group}.{outcome}",),
    ),
    Rule(
        id="L-OUTCOME-TOTAL",
        invariant="L1",
        severity=Severity.WARNING,
        title_zh="各项答复之和等于收到申请数",
        title_en="the stated outcomes add up to the applications received",
        message_zh="收到申请{actual}件，文中所述各项答复之和为{expected}件，相差{difference}件",
        message_en=(
            "{actual} applications were received but the outcomes the report states add up "
            "to {expected} (difference {difference})"
        ),
        source="2008 条例 第三十二条（二）依申请公开政府信息和不予公开政府信息的情况",
        over=(),
        lhs=(LEGACY_PREFIX + "applications_received",),
        rhs=tuple(LEGACY_PREFIX + key for key in _LEGACY_OUTCOMES),
        unstated=Unstated.ZERO,
    ),
    Rule(
        id="X-CARRY-OVER",
        invariant="X1",
        severity=Severity.WARNING,
        title_zh="上年结转等于上年报告的结转下年度",
        title_en="carried over equals last year's carried forward",
        message_zh=(
            "“{label}”列：上年结转为{actual}，上一年度报告的结转下年度为{expected}，相差{difference}"
        ),
        message_en=(
            "column {label}: {actual} applications were carried over but last year's report "
            "carried {expected} forward (difference {difference})"
        ),
        source="二、上年结转政府信息公开申请数量 = (N−1) 四、结转下年度继续办理",
        over=("column",),
        lhs=("applications.carried_over.{column}",),
        rhs=(PREVIOUS + "applications.carried_forward.{column}",),
    ),
    Rule(
        id="X-IN-FORCE",
        invariant="X2",
        severity=Severity.WARNING,
        title_zh="现行有效件数逐年滚动",
        title_en="documents in force roll forward from last year",
        message_zh=(
            "“{label}”：现行有效件数加本年废止件数为{actual}，上年现行有效件数加本年制发件数为"
            "{expected}，相差{difference}"
        ),
        message_en=(
            "{label}: in force plus repealed is {actual} but last year's in force plus issued "
            "is {expected} (difference {difference})"
        ),
        source=(
            "第二十条第（一）项 本年制发件数 | 本年废止件数 | 现行有效件数 "
            "(practice, not an official rule)"
        ),
        over=("document",),
        lhs=(
            "proactive_disclosure.{document}.in_force",
            "proactive_disclosure.{document}.repealed",
        ),
        rhs=(
            PREVIOUS + "proactive_disclosure.{document}.in_force",
            "proactive_disclosure.{document}.issued",
        ),
    ),
)

_BY_ID = {r.id: r for r in RULES}


def rule(rule_id: str) -> Rule:
    """The rule with id ``rule_id``.

    Raises:
        KeyError: no rule has that id.
    """
    return _BY_ID[rule_id]


def equations(template: TemplateSpec | str, *, cross_report: bool = False) -> tuple[Equation, ...]:
    """Every ``sum`` equation of ``template``'s within-report rules (or cross-report ones).

    These are what inference solves and what suspects are named from.
    """
    return _sum_equations(template_spec(template), cross_report)


@functools.cache
def _sum_equations(template: TemplateSpec, cross_report: bool) -> tuple[Equation, ...]:
    return tuple(
        eq
        for r in RULES
        if r.kind is RuleKind.SUM and r.cross_report == cross_report
        for eq in r.equations(template)
    )
