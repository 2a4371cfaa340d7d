"""``gb_2019``: the trial template of 国办公开办函〔2019〕60号, for report years 2019 and 2020."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govinfo.templates._family import (
    ITEM_HEADER,
    OTHER_HANDLING_ROW,
    PROACTIVE_LABEL,
    REVIEW_LITIGATION,
    TAIL_ROWS,
    ApplicantCounts,
    ApplicationRows,
    amount,
    application_table,
    count,
)
from govinfo.templates._fields import cell, row
from govinfo.templates._spec import ColumnSpec, RowSpec, TableSpec, TemplateSpec, ValueKind

__all__ = [
    "GB_2019",
    "Applications2019",
    "CentralizedProcurement",
    "DocumentCounts2019",
    "FeeItems2019",
    "ItemCounts2019",
    "ProactiveDisclosure2019",
]

_DOCUMENTS = (
    count("newly_made", "本年新制作数量"),
    count("newly_published", "本年新公开数量"),
    count("total_published", "对外公开总数量"),
)
_PREVIOUS = count("items_prev_year", "上一年项目数量")
_CHANGE = ColumnSpec(key="items_change", label="本年增/减", kind=ValueKind.SIGNED, unit="件")
_ITEMS = (_PREVIOUS, _CHANGE, count("decisions", "处理决定数量"))
_FEE_ITEMS = (_PREVIOUS, _CHANGE)
_PROCUREMENT = (
    count("procurement_projects", "采购项目数量"),
    amount("procurement_amount", "采购总金额", "元"),
)


@attrs.frozen(kw_only=True)
class DocumentCounts2019:
    """第二十条第（一）项: documents made, published, and in the public total."""

    newly_made: int | None = cell(_DOCUMENTS, "newly_made")
    newly_published: int | None = cell(_DOCUMENTS, "newly_published")
    total_published: int | None = cell(_DOCUMENTS, "total_published")


@attrs.frozen(kw_only=True)
class ItemCounts2019:
    """第二十条第（五）（六）项: item counts, their change (signed), and decisions."""

    items_prev_year: int | None = cell(_ITEMS, "items_prev_year")
    items_change: int | None = cell(_ITEMS, "items_change")
    decisions: int | None = cell(_ITEMS, "decisions")


@attrs.frozen(kw_only=True)
class FeeItems2019:
    """第二十条第（八）项: fee items and their change (signed)."""

    items_prev_year: int | None = cell(_FEE_ITEMS, "items_prev_year")
    items_change: int | None = cell(_FEE_ITEMS, "items_change")


@attrs.frozen(kw_only=True)
class CentralizedProcurement:
    """第二十条第（九）项: centralised procurement; the amount is in 元."""

    procurement_projects: int | None = cell(_PROCUREMENT, "procurement_projects")
    procurement_amount: Decimal | None = cell(_PROCUREMENT, "procurement_amount")


_PROACTIVE_ROWS = (
    RowSpec(
        key="rules",
        label="规章",
        columns=_DOCUMENTS,
        caption="第二十条第（一）项",
        model=DocumentCounts2019,
    ),
    RowSpec(
        key="normative_documents",
        label="规范性文件",
        columns=_DOCUMENTS,
        variants=("行政规范性文件",),
        model=DocumentCounts2019,
    ),
    RowSpec(
        key="administrative_licensing",
        label="行政许可",
        columns=_ITEMS,
        caption="第二十条第（五）项",
        model=ItemCounts2019,
    ),
    RowSpec(
        key="other_external_services",
        label="其他对外管理服务事项",
        columns=_ITEMS,
        model=ItemCounts2019,
    ),
    RowSpec(
        key="administrative_penalty",
        label="行政处罚",
        columns=_ITEMS,
        caption="第二十条第（六）项",
        model=ItemCounts2019,
    ),
    RowSpec(key="administrative_coercion", label="行政强制", columns=_ITEMS, model=ItemCounts2019),
    RowSpec(
        key="administrative_fees",
        label="行政事业性收费",
        columns=_FEE_ITEMS,
        caption="第二十条第（八）项",
        model=FeeItems2019,
    ),
    RowSpec(
        key="centralized_procurement",
        label="政府集中采购",
        columns=_PROCUREMENT,
        caption="第二十条第（九）项",
        model=CentralizedProcurement,
    ),
)


@attrs.frozen(kw_only=True)
class ProactiveDisclosure2019:
    """Section 二 of gb_2019, which also counts items and centralised procurement."""

    rules: DocumentCounts2019 = row(DocumentCounts2019, _PROACTIVE_ROWS, "rules")
    normative_documents: DocumentCounts2019 = row(
        DocumentCounts2019, _PROACTIVE_ROWS, "normative_documents"
    )
    administrative_licensing: ItemCounts2019 = row(
        ItemCounts2019, _PROACTIVE_ROWS, "administrative_licensing"
    )
    other_external_services: ItemCounts2019 = row(
        ItemCounts2019, _PROACTIVE_ROWS, "other_external_services"
    )
    administrative_penalty: ItemCounts2019 = row(
        ItemCounts2019, _PROACTIVE_ROWS, "administrative_penalty"
    )
    administrative_coercion: ItemCounts2019 = row(
        ItemCounts2019, _PROACTIVE_ROWS, "administrative_coercion"
    )
    administrative_fees: FeeItems2019 = row(FeeItems2019, _PROACTIVE_ROWS, "administrative_fees")
    centralized_procurement: CentralizedProcurement = row(
        CentralizedProcurement, _PROACTIVE_ROWS, "centralized_procurement"
    )


def _other(key: str) -> ApplicantCounts:
    result: ApplicantCounts = row(ApplicantCounts, OTHER_HANDLING_ROW + TAIL_ROWS, key)
    return result


@attrs.frozen(kw_only=True)
class Applications2019(ApplicationRows):
    """Section 三 of gb_2019: as gb_2021, but （六）其他处理 is one row with no sub-rows."""

    other_handling: ApplicantCounts = _other("other_handling")
    outcome_total: ApplicantCounts = _other("outcome_total")
    carried_forward: ApplicantCounts = _other("carried_forward")


_PROACTIVE = TableSpec(
    key="proactive_disclosure",
    label=PROACTIVE_LABEL,
    rows=_PROACTIVE_ROWS,
    row_header=ITEM_HEADER,
    model=ProactiveDisclosure2019,
)

GB_2019 = TemplateSpec(
    id="gb_2019",
    title="国办公开办函〔2019〕60号（试行）",
    first_year=2019,
    last_year=2020,
    tables=(_PROACTIVE, application_table(OTHER_HANDLING_ROW, Applications2019), REVIEW_LITIGATION),
    markers=(
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "本年增减",
        "政府集中采购",
        "采购总金额",
        "其他对外管理服务事项",
    ),
)
