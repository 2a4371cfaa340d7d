"""The statistics tables of sections 二, 三 and 四, one class per table and template."""

from __future__ import annotations

import attrs

from govinfo.model.fields import group
from govinfo.model.rows import (
    ApplicantCounts,
    CentralizedProcurement,
    DecisionCount,
    DocumentCounts,
    DocumentCounts2019,
    FeeAmount,
    FeeItems2019,
    ItemCounts2019,
    OutcomeCounts,
)

__all__ = [
    "Applications",
    "Applications2019",
    "ProactiveDisclosure",
    "ProactiveDisclosure2019",
    "ReviewLitigation",
]


def _applicants(label: str) -> ApplicantCounts:
    result: ApplicantCounts = group(ApplicantCounts, label)
    return result


@attrs.frozen(kw_only=True)
class ProactiveDisclosure:
    """Section 二 of gb_2021 (主动公开政府信息情况), the 第二十条 items."""

    rules: DocumentCounts = group(DocumentCounts, "规章")
    normative_documents: DocumentCounts = group(DocumentCounts, "行政规范性文件")
    administrative_licensing: DecisionCount = group(DecisionCount, "行政许可")
    administrative_penalty: DecisionCount = group(DecisionCount, "行政处罚")
    administrative_coercion: DecisionCount = group(DecisionCount, "行政强制")
    administrative_fees: FeeAmount = group(FeeAmount, "行政事业性收费")


@attrs.frozen(kw_only=True)
class ProactiveDisclosure2019:
    """Section 二 of gb_2019, which also counts items and centralised procurement."""

    rules: DocumentCounts2019 = group(DocumentCounts2019, "规章")
    normative_documents: DocumentCounts2019 = group(DocumentCounts2019, "规范性文件")
    administrative_licensing: ItemCounts2019 = group(ItemCounts2019, "行政许可")
    other_external_services: ItemCounts2019 = group(ItemCounts2019, "其他对外管理服务事项")
    administrative_penalty: ItemCounts2019 = group(ItemCounts2019, "行政处罚")
    administrative_coercion: ItemCounts2019 = group(ItemCounts2019, "行政强制")
    administrative_fees: FeeItems2019 = group(FeeItems2019, "行政事业性收费")
    centralized_procurement: CentralizedProcurement = group(CentralizedProcurement, "政府集中采购")


@attrs.frozen(kw_only=True)
class _ApplicationRows:
    """The rows of section 三 that both templates share, up to （五）不予处理.

    attrs lists a base class's fields first, so each template's class adds the rows that follow
    these (（六） onward) and the print order of the catalogue stays the template's.
    """

    new_received: ApplicantCounts = _applicants("一、本年新收政府信息公开申请数量")
    carried_over: ApplicantCounts = _applicants("二、上年结转政府信息公开申请数量")
    disclosed: ApplicantCounts = _applicants("（一）予以公开")
    partially_disclosed: ApplicantCounts = _applicants(
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）"
    )
    withheld_state_secret: ApplicantCounts = _applicants("1.属于国家秘密")
    withheld_prohibited_by_law: ApplicantCounts = _applicants("2.其他法律行政法规禁止公开")
    withheld_security_stability: ApplicantCounts = _applicants("3.危及“三安全一稳定”")
    withheld_third_party_rights: ApplicantCounts = _applicants("4.保护第三方合法权益")
    withheld_internal_affairs: ApplicantCounts = _applicants("5.属于三类内部事务信息")
    withheld_process_info: ApplicantCounts = _applicants("6.属于四类过程性信息")
    withheld_enforcement_files: ApplicantCounts = _applicants("7.属于行政执法案卷")
    withheld_admin_query: ApplicantCounts = _applicants("8.属于行政查询事项")
    unavailable_not_held: ApplicantCounts = _applicants("1.本机关不掌握相关政府信息")
    unavailable_needs_creation: ApplicantCounts = _applicants("2.没有现成信息需要另行制作")
    unavailable_still_unclear: ApplicantCounts = _applicants("3.补正后申请内容仍不明确")
    not_processed_petition: ApplicantCounts = _applicants("1.信访举报投诉类申请")
    not_processed_repeat: ApplicantCounts = _applicants("2.重复申请")
    not_processed_publication: ApplicantCounts = _applicants("3.要求提供公开出版物")
    not_processed_excessive: ApplicantCounts = _applicants("4.无正当理由大量反复申请")
    not_processed_confirmation: ApplicantCounts = _applicants(
        "5.要求行政机关确认或重新出具已获取信息"
    )


@attrs.frozen(kw_only=True)
class Applications(_ApplicationRows):
    """Section 三 of gb_2021 (收到和处理政府信息公开申请情况): 25 rows by 7 applicant columns.

    The template has no subtotal rows for the groups （三）–（六）; the group label spans rows.
    """

    other_no_correction: ApplicantCounts = _applicants(
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"
    )
    other_unpaid_fee: ApplicantCounts = _applicants(
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"
    )
    other_misc: ApplicantCounts = _applicants("3.其他")
    outcome_total: ApplicantCounts = _applicants("（七）总计")
    carried_forward: ApplicantCounts = _applicants("四、结转下年度继续办理")


@attrs.frozen(kw_only=True)
class Applications2019(_ApplicationRows):
    """Section 三 of gb_2019: as gb_2021, but （六）其他处理 is one row (23 rows)."""

    other_handling: ApplicantCounts = _applicants("（六）其他处理")
    outcome_total: ApplicantCounts = _applicants("（七）总计")
    carried_forward: ApplicantCounts = _applicants("四、结转下年度继续办理")


@attrs.frozen(kw_only=True)
class ReviewLitigation:
    """Section 四 (政府信息公开行政复议、行政诉讼情况): three groups of five outcome columns."""

    administrative_review: OutcomeCounts = group(OutcomeCounts, "行政复议")
    litigation_direct: OutcomeCounts = group(OutcomeCounts, "行政诉讼/未经复议直接起诉")
    litigation_after_review: OutcomeCounts = group(OutcomeCounts, "行政诉讼/复议后起诉")
