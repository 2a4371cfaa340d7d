"""Rows of the statistics tables: groups of cells that share one row label.

Each class is one row shape of the official template; its fields are the columns, each with
the column's official label. Cross-field arithmetic is deliberately absent: a report that does
not add up must still load so that :meth:`AnnualReport.check` can say what is wrong.
"""

from __future__ import annotations

from decimal import Decimal

import attrs

from govinfo.model.fields import amount, count, signed

__all__ = [
    "ApplicantCounts",
    "CentralizedProcurement",
    "DecisionCount",
    "DocumentCounts",
    "DocumentCounts2019",
    "FeeAmount",
    "FeeItems2019",
    "ItemCounts2019",
    "OutcomeCounts",
]


@attrs.frozen(kw_only=True)
class ApplicantCounts:
    """One row of section 三: applications by kind of applicant (申请人情况)."""

    natural_person: int | None = count("自然人")
    commercial_enterprise: int | None = count("商业企业")
    research_institution: int | None = count("科研机构")
    social_welfare_org: int | None = count("社会公益组织")
    legal_service_org: int | None = count("法律服务机构")
    other_org: int | None = count("其他")
    total: int | None = count("总计")


@attrs.frozen(kw_only=True)
class OutcomeCounts:
    """One group of section 四: review or litigation cases by outcome."""

    upheld: int | None = count("结果维持")
    corrected: int | None = count("结果纠正")
    other_outcome: int | None = count("其他结果")
    pending: int | None = count("尚未审结")
    total: int | None = count("总计")


@attrs.frozen(kw_only=True)
class DocumentCounts:
    """gb_2021 第二十条第（一）项: rules or normative documents issued, repealed, in force."""

    issued: int | None = count("本年制发件数")
    repealed: int | None = count("本年废止件数")
    in_force: int | None = count("现行有效件数")


@attrs.frozen(kw_only=True)
class DecisionCount:
    """gb_2021 第二十条第（五）（六）项: decisions taken this year."""

    decisions: int | None = count("本年处理决定数量")


@attrs.frozen(kw_only=True)
class FeeAmount:
    """gb_2021 第二十条第（八）项: administrative fees collected, in 万元 as printed."""

    amount_wan_yuan: Decimal | None = amount("本年收费金额（单位：万元）")


@attrs.frozen(kw_only=True)
class DocumentCounts2019:
    """gb_2019 第二十条第（一）项: documents made, published, and in the public total."""

    newly_made: int | None = count("本年新制作数量")
    newly_published: int | None = count("本年新公开数量")
    total_published: int | None = count("对外公开总数量")


@attrs.frozen(kw_only=True)
class ItemCounts2019:
    """gb_2019 第二十条第（五）（六）项: item counts, their change (signed), and decisions."""

    items_prev_year: int | None = count("上一年项目数量")
    items_change: int | None = signed("本年增/减")
    decisions: int | None = count("处理决定数量")


@attrs.frozen(kw_only=True)
class FeeItems2019:
    """gb_2019 第二十条第（八）项: fee items and their change (signed)."""

    items_prev_year: int | None = count("上一年项目数量")
    items_change: int | None = signed("本年增/减")


@attrs.frozen(kw_only=True)
class CentralizedProcurement:
    """gb_2019 第二十条第（九）项: centralised procurement; the amount is in 元."""

    procurement_projects: int | None = count("采购项目数量")
    procurement_amount: Decimal | None = amount("采购总金额")
