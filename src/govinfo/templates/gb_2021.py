"""``gb_2021``: the template of 国办公开办函〔2021〕30号, for report years 2021 onward."""

from __future__ import annotations

from decimal import Decimal

import attrs

from govinfo.templates._family import (
    ITEM_HEADER,
    OTHER_HANDLING_PARTS,
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
from govinfo.templates._spec import RowSpec, TableSpec, TemplateSpec

__all__ = [
    "GB_2021",
    "Applications",
    "DecisionCount",
    "DocumentCounts",
    "FeeAmount",
    "ProactiveDisclosure",
]

_DOCUMENTS = (
    count("issued", "本年制发件数"),
    count("repealed", "本年废止件数"),
    count("in_force", "现行有效件数"),
)
_DECISIONS = (count("decisions", "本年处理决定数量"),)
_FEES = (
    amount(
        "amount_wan_yuan",
        "本年收费金额（单位：万元）",
        "万元",
    ),
)


@attrs.frozen(kw_only=True)
class DocumentCounts:
    """第二十条第（一）项: rules or normative documents issued, repealed, in force."""

    issued: int | None = cell(_DOCUMENTS, "issued")
    repealed: int | None = cell(_DOCUMENTS, "repealed")
    in_force: int | None = cell(_DOCUMENTS, "in_force")


@attrs.frozen(kw_only=True)
class DecisionCount:
    """第二十条第（五）（六）项: decisions taken this year."""

    decisions: int | None = cell(_DECISIONS, "decisions")


@attrs.frozen(kw_only=True)
class FeeAmount:
    """第二十条第（八）项: administrative fees collected, in 万元 as printed."""

    amount_wan_yuan: Decimal | None = cell(_FEES, "amount_wan_yuan")


_PROACTIVE_ROWS = (
    RowSpec(
        key="rules",
        label="规章",
        columns=_DOCUMENTS,
        caption="第二十条第（一）项",
        model=DocumentCounts,
    ),
    RowSpec(
        key="normative_documents",
        label="行政规范性文件",
        columns=_DOCUMENTS,
        variants=("规范性文件",),
        model=DocumentCounts,
    ),
    RowSpec(
        key="administrative_licensing",
        label="行政许可",
        columns=_DECISIONS,
        caption="第二十条第（五）项",
        model=DecisionCount,
    ),
    RowSpec(
        key="administrative_penalty",
        label="行政处罚",
        columns=_DECISIONS,
        caption="第二十条第（六）项",
        model=DecisionCount,
    ),
    RowSpec(
        key="administrative_coercion", label="行政强制", columns=_DECISIONS, model=DecisionCount
    ),
    RowSpec(
        key="administrative_fees",
        label="行政事业性收费",
        columns=_FEES,
        caption="第二十条第（八）项",
        model=FeeAmount,
    ),
)


@attrs.frozen(kw_only=True)
class ProactiveDisclosure:
    """Section 二 (主动公开政府信息情况), the 第二十条 items."""

    rules: DocumentCounts = row(DocumentCounts, _PROACTIVE_ROWS, "rules")
    normative_documents: DocumentCounts = row(
        DocumentCounts, _PROACTIVE_ROWS, "normative_documents"
    )
    administrative_licensing: DecisionCount = row(
        DecisionCount, _PROACTIVE_ROWS, "administrative_licensing"
    )
    administrative_penalty: DecisionCount = row(
        DecisionCount, _PROACTIVE_ROWS, "administrative_penalty"
    )
    administrative_coercion: DecisionCount = row(
        DecisionCount, _PROACTIVE_ROWS, "administrative_coercion"
    )
    administrative_fees: FeeAmount = row(FeeAmount, _PROACTIVE_ROWS, "administrative_fees")


def _other(key: str) -> ApplicantCounts:
    result: ApplicantCounts = row(ApplicantCounts, OTHER_HANDLING_PARTS + TAIL_ROWS, key)
    return result


@attrs.frozen(kw_only=True)
class Applications(ApplicationRows):
    """Section 三 (收到和处理政府信息公开申请情况): 25 rows by 7 applicant columns.

    The template has no subtotal rows for the groups （三）–（六）; the group label spans rows.
    Some reports print figures on the label itself: those are kept in the optional subtotal
    rows (``withheld``, ``unavailable``, ``not_processed``, ``other_handling``), ``None``
    elsewhere. A report printing （六）其他处理 as one row, the gb_2019 way, states
    ``other_handling`` and leaves its three parts unstated.
    """

    other_handling: ApplicantCounts = _other("other_handling")
    other_no_correction: ApplicantCounts = _other("other_no_correction")
    other_unpaid_fee: ApplicantCounts = _other("other_unpaid_fee")
    other_misc: ApplicantCounts = _other("other_misc")
    outcome_total: ApplicantCounts = _other("outcome_total")
    carried_forward: ApplicantCounts = _other("carried_forward")


_PROACTIVE = TableSpec(
    key="proactive_disclosure",
    label=PROACTIVE_LABEL,
    rows=_PROACTIVE_ROWS,
    row_header=ITEM_HEADER,
    model=ProactiveDisclosure,
)

GB_2021 = TemplateSpec(
    id="gb_2021",
    title="国办公开办函〔2021〕30号",
    first_year=2021,
    last_year=None,
    tables=(_PROACTIVE, application_table(OTHER_HANDLING_PARTS, Applications), REVIEW_LITIGATION),
    markers=(
        "本年制发件数",
        "本年废止件数",
        "现行有效件数",
        "本年收费金额",
        "本年处理决定数量",
        "逾期不补正",
        "缴纳费用",
    ),
)
