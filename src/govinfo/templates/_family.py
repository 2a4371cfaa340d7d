"""What the 2019 and 2021 templates share: the columns of sections 三 and 四, the rows of
section 三 up to （五）不予处理, the section 四 table, and the texts printed around the cells.

Both template modules build their tables from these pieces; a future revision that keeps
them can do the same, and one that changes them states its own.
"""

from __future__ import annotations

import attrs

from govinfo.templates._fields import cell, row
from govinfo.templates._spec import ColumnSpec, GroupSpec, Role, RowSpec, TableSpec, ValueKind

__all__ = [
    "APPLICANTS",
    "APPLICANTS_HEADER",
    "APPLICATIONS_LABEL",
    "BALANCE_NOTE",
    "HEAD_ROWS",
    "ITEM_HEADER",
    "ORGANISATIONS",
    "ORGANISATIONS_HEADER",
    "OUTCOMES",
    "OUTCOMES_LABEL",
    "PROACTIVE_LABEL",
    "REVIEW_LITIGATION",
    "TAIL_ROWS",
    "ApplicantCounts",
    "ApplicationRows",
    "OutcomeCounts",
    "ReviewLitigation",
    "application_table",
    "count",
    "outcome_groups",
]

PROACTIVE_LABEL = "二、主动公开政府信息情况"
APPLICATIONS_LABEL = "三、收到和处理政府信息公开申请情况"
#: The header of section 二's row-label column.
ITEM_HEADER = "信息内容"
#: The note in section 三's top-left cell, quoting the balance rule (``T3-BALANCE``).
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
#: The header spanning section 三's applicant columns.
APPLICANTS_HEADER = "申请人情况"
#: The header spanning section 三's organisation columns.
ORGANISATIONS_HEADER = "法人或其他组织"
#: The label spanning section 三's outcome rows (（一） to （七）).
OUTCOMES_LABEL = "三、本年度办理结果"


def count(key: str, label: str, *, role: Role = Role.ITEM, **more: object) -> ColumnSpec:
    """A column of counts (件)."""
    return ColumnSpec(key=key, label=label, role=role, unit="件", **more)  # type: ignore[arg-type]


#: The columns of section 三 (申请人情况).
APPLICANTS: tuple[ColumnSpec, ...] = (
    count("natural_person", "自然人", role=Role.PART),
    # Printed by some reports only: the 小计 of the five organisation columns.
    count("organisations", "小计", role=Role.SUBTOTAL, group="organisations", optional=True),
    count("commercial_enterprise", "商业企业", role=Role.PART, group="organisations"),
    count("research_institution", "科研机构", role=Role.PART, group="organisations"),
    count(
        "social_welfare_org",
        "社会公益组织",
        variants=("社会组织",),
        role=Role.PART,
        group="organisations",
    ),
    count("legal_service_org", "法律服务机构", role=Role.PART, group="organisations"),
    count("other_org", "其他", role=Role.PART, group="organisations"),
    count("total", "总计", role=Role.TOTAL, variants=("合计",)),
)


@attrs.frozen(kw_only=True)
class ApplicantCounts:
    """One row of section 三: applications by kind of applicant (申请人情况).

    Cross-field arithmetic is deliberately absent: a report that does not add up must still
    load so that :meth:`AnnualReport.check` can say what is wrong.
    """

    natural_person: int | None = cell(APPLICANTS, "natural_person")
    organisations: int | None = cell(APPLICANTS, "organisations")
    commercial_enterprise: int | None = cell(APPLICANTS, "commercial_enterprise")
    research_institution: int | None = cell(APPLICANTS, "research_institution")
    social_welfare_org: int | None = cell(APPLICANTS, "social_welfare_org")
    legal_service_org: int | None = cell(APPLICANTS, "legal_service_org")
    other_org: int | None = cell(APPLICANTS, "other_org")
    total: int | None = cell(APPLICANTS, "total")


ORGANISATIONS = GroupSpec(
    key="organisations",
    label=ORGANISATIONS_HEADER,
    members=tuple(c.key for c in APPLICANTS if c.group == "organisations" and c.role is Role.PART),
)

#: The columns of section 四 (one group of five per kind of case).
OUTCOMES: tuple[ColumnSpec, ...] = (
    count("upheld", "结果维持", role=Role.PART),
    count("corrected", "结果纠正", role=Role.PART),
    count("other_outcome", "其他结果", role=Role.PART),
    count("pending", "尚未审结", role=Role.PART),
    count("total", "总计", role=Role.TOTAL, variants=("合计",)),
)


@attrs.frozen(kw_only=True)
class OutcomeCounts:
    """One group of section 四: review or litigation cases by outcome."""

    upheld: int | None = cell(OUTCOMES, "upheld")
    corrected: int | None = cell(OUTCOMES, "corrected")
    other_outcome: int | None = cell(OUTCOMES, "other_outcome")
    pending: int | None = cell(OUTCOMES, "pending")
    total: int | None = cell(OUTCOMES, "total")


_REVIEW_ROWS = (
    RowSpec(key="administrative_review", label="行政复议", columns=OUTCOMES, model=OutcomeCounts),
    RowSpec(
        key="litigation_direct",
        label="行政诉讼/未经复议直接起诉",
        columns=OUTCOMES,
        variants=("直接起诉",),
        model=OutcomeCounts,
    ),
    RowSpec(
        key="litigation_after_review",
        label="行政诉讼/复议后起诉",
        columns=OUTCOMES,
        model=OutcomeCounts,
    ),
)


@attrs.frozen(kw_only=True)
class ReviewLitigation:
    """Section 四 (政府信息公开行政复议、行政诉讼情况): three groups of five outcome columns."""

    administrative_review: OutcomeCounts = row(OutcomeCounts, _REVIEW_ROWS, "administrative_review")
    litigation_direct: OutcomeCounts = row(OutcomeCounts, _REVIEW_ROWS, "litigation_direct")
    litigation_after_review: OutcomeCounts = row(
        OutcomeCounts, _REVIEW_ROWS, "litigation_after_review"
    )


REVIEW_LITIGATION = TableSpec(
    key="review_litigation",
    label="四、政府信息公开行政复议、行政诉讼情况",
    rows=_REVIEW_ROWS,
    single_row=True,
    model=ReviewLitigation,
)


def _row(key: str, label: str, role: Role = Role.PART, **more: object) -> RowSpec:
    return RowSpec(
        key=key,
        label=label,
        columns=APPLICANTS,
        role=role,
        model=ApplicantCounts,
        **more,  # type: ignore[arg-type]
    )


#: The label spanning each group of section 三's outcome rows, by group key.
GROUP_LABELS: dict[str, str] = {
    "withheld": "（三）不予公开",
    "unavailable": "（四）无法提供",
    "not_processed": "（五）不予处理",
    "other_handling": "（六）其他处理",
}


def subtotal_row(group: str) -> RowSpec:
    """The row some reports print for a group's label itself: the sum of its parts.

    The template prints the label as a spanning cell only; a report that puts figures on it
    states the group's subtotal, kept under the group key (``applications.withheld.total``).
    """
    label = GROUP_LABELS[group]
    return _row(group, label, Role.SUBTOTAL, group=group, optional=True)


def _parts(group: str, *rows: tuple[str, str, tuple[str, ...]]) -> tuple[RowSpec, ...]:
    parts = tuple(_row(key, label, group=group, variants=variants) for key, label, variants in rows)
    return (subtotal_row(group), *parts)


#: Section 三's rows up to （五）不予处理, which both templates print alike.
HEAD_ROWS: tuple[RowSpec, ...] = (
    _row("new_received", "一、本年新收政府信息公开申请数量", Role.ITEM),
    _row("carried_over", "二、上年结转政府信息公开申请数量", Role.ITEM),
    _row("disclosed", "（一）予以公开"),
    _row("partially_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"),
    *_parts(
        "withheld",
        ("withheld_state_secret", "1.属于国家秘密", ()),
        ("withheld_prohibited_by_law", "2.其他法律行政法规禁止公开", ("其他法律法规禁止公开",)),
        ("withheld_security_stability", "3.危及“三安全一稳定”", ("危及三安全一稳定",)),
        ("withheld_third_party_rights", "4.保护第三方合法权益", ()),
        ("withheld_internal_affairs", "5.属于三类内部事务信息", ()),
        ("withheld_process_info", "6.属于四类过程性信息", ()),
        ("withheld_enforcement_files", "7.属于行政执法案卷", ()),
        ("withheld_admin_query", "8.属于行政查询事项", ()),
    ),
    *_parts(
        "unavailable",
        ("unavailable_not_held", "1.本机关不掌握相关政府信息", ()),
        ("unavailable_needs_creation", "2.没有现成信息需要另行制作", ()),
        ("unavailable_still_unclear", "3.补正后申请内容仍不明确", ()),
    ),
    *_parts(
        "not_processed",
        ("not_processed_petition", "1.信访举报投诉类申请", ()),
        ("not_processed_repeat", "2.重复申请", ()),
        ("not_processed_publication", "3.要求提供公开出版物", ()),
        ("not_processed_excessive", "4.无正当理由大量反复申请", ()),
        ("not_processed_confirmation", "5.要求行政机关确认或重新出具已获取信息", ()),
    ),
)

#: Section 三's last two rows, which both templates print alike.
TAIL_ROWS: tuple[RowSpec, ...] = (
    _row("outcome_total", "（七）总计", Role.TOTAL, variants=("七总计", "本年度办理结果总计")),
    _row(
        "carried_forward",
        "四、结转下年度继续办理",
        Role.ITEM,
        variants=("结转下一年度继续办理", "结转下一年继续办理", "结转下年继续办理"),
    ),
)


def _head(key: str) -> ApplicantCounts:
    result: ApplicantCounts = row(ApplicantCounts, HEAD_ROWS, key)
    return result


@attrs.frozen(kw_only=True)
class ApplicationRows:
    """The rows of section 三 that both templates share, up to （五）不予处理.

    attrs lists a base class's fields first, so each template's class adds the rows that follow
    these (（六） onward) and the print order stays the template's.
    """

    new_received: ApplicantCounts = _head("new_received")
    carried_over: ApplicantCounts = _head("carried_over")
    disclosed: ApplicantCounts = _head("disclosed")
    partially_disclosed: ApplicantCounts = _head("partially_disclosed")
    withheld: ApplicantCounts = _head("withheld")
    withheld_state_secret: ApplicantCounts = _head("withheld_state_secret")
    withheld_prohibited_by_law: ApplicantCounts = _head("withheld_prohibited_by_law")
    withheld_security_stability: ApplicantCounts = _head("withheld_security_stability")
    withheld_third_party_rights: ApplicantCounts = _head("withheld_third_party_rights")
    withheld_internal_affairs: ApplicantCounts = _head("withheld_internal_affairs")
    withheld_process_info: ApplicantCounts = _head("withheld_process_info")
    withheld_enforcement_files: ApplicantCounts = _head("withheld_enforcement_files")
    withheld_admin_query: ApplicantCounts = _head("withheld_admin_query")
    unavailable: ApplicantCounts = _head("unavailable")
    unavailable_not_held: ApplicantCounts = _head("unavailable_not_held")
    unavailable_needs_creation: ApplicantCounts = _head("unavailable_needs_creation")
    unavailable_still_unclear: ApplicantCounts = _head("unavailable_still_unclear")
    not_processed: ApplicantCounts = _head("not_processed")
    not_processed_petition: ApplicantCounts = _head("not_processed_petition")
    not_processed_repeat: ApplicantCounts = _head("not_processed_repeat")
    not_processed_publication: ApplicantCounts = _head("not_processed_publication")
    not_processed_excessive: ApplicantCounts = _head("not_processed_excessive")
    not_processed_confirmation: ApplicantCounts = _head("not_processed_confirmation")


#: （六）其他处理 as three rows under a spanning group label (gb_2021).
OTHER_HANDLING_PARTS: tuple[RowSpec, ...] = (
    *_parts(
        "other_handling",
        (
            "other_no_correction",
            "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
            (),
        ),
        (
            "other_unpaid_fee",
            "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
            (),
        ),
        ("other_misc", "3.其他", ()),
    ),
)

#: （六）其他处理 as one row, a part of the outcome total (gb_2019).
OTHER_HANDLING_ROW: tuple[RowSpec, ...] = (
    _row("other_handling", "（六）其他处理", variants=("六其他处理",)),
)


def outcome_groups(rows: tuple[RowSpec, ...]) -> tuple[GroupSpec, ...]:
    """The labels spanning section 三's rows: the outcomes, then each group of parts."""
    outcomes = tuple(r.key for r in rows if r.role in (Role.PART, Role.SUBTOTAL, Role.TOTAL))
    groups = [GroupSpec(key="outcomes", label=OUTCOMES_LABEL, members=outcomes)]
    for group, label in GROUP_LABELS.items():
        members = tuple(r.key for r in rows if r.group == group and r.role is Role.PART)
        if members:
            groups.append(GroupSpec(key=group, label=label, members=members))
    return tuple(groups)


def application_table(other_handling: tuple[RowSpec, ...], model: type[object]) -> TableSpec:
    """Section 三 with the given （六）其他处理 rows, typed by ``model``."""
    rows = (*HEAD_ROWS, *other_handling, *TAIL_ROWS)
    return TableSpec(
        key="applications",
        label=APPLICATIONS_LABEL,
        rows=rows,
        row_groups=outcome_groups(rows),
        column_groups=(
            GroupSpec(
                key="applicants",
                label=APPLICANTS_HEADER,
                members=tuple(c.key for c in APPLICANTS),
            ),
            ORGANISATIONS,
        ),
        note=BALANCE_NOTE,
        model=model,
    )


def amount(key: str, label: str, unit: str, **more: object) -> ColumnSpec:
    """A column of exact decimal amounts."""
    return ColumnSpec(key=key, label=label, kind=ValueKind.AMOUNT, unit=unit, **more)  # type: ignore[arg-type]
