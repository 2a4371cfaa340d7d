"""Texts the official template prints that label no single value.

The cell labels live in field metadata (:data:`govinfo.model.LABEL`); these are the rest of
what the template prints around them: the 第二十条 captions of section 二, the header words of
sections 二 and 三, the balance note, and the spanning group labels of section 三's outcomes.
Writers print them from here, and the reader's interpreter matches them from here.
"""

from __future__ import annotations

__all__ = [
    "APPLICANTS_HEADER",
    "BALANCE_NOTE",
    "ITEM_HEADER",
    "ORGANISATIONS_HEADER",
    "OUTCOMES_LABEL",
    "OUTCOME_GROUPS",
    "PROACTIVE_CAPTIONS",
    "outcome_group",
]

#: The caption printed above each group of section 二, by the group's first row key.
PROACTIVE_CAPTIONS: dict[str, str] = {
    "rules": "第二十条第（一）项",
    "administrative_licensing": "第二十条第（五）项",
    "administrative_penalty": "第二十条第（六）项",
    "administrative_fees": "第二十条第（八）项",
    "centralized_procurement": "第二十条第（九）项",
}
#: The header of section 二's row-label column.
ITEM_HEADER = "信息内容"
#: The note in section 三's top-left cell, quoting the balance rule (``T3-BALANCE``).
BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
#: The header spanning section 三's seven columns.
APPLICANTS_HEADER = "申请人情况"
#: The header spanning section 三's five organisation columns.
ORGANISATIONS_HEADER = "法人或其他组织"
#: The label spanning section 三's outcome rows (（一） to （七）).
OUTCOMES_LABEL = "三、本年度办理结果"
#: Row-key prefix of each group of outcome rows in section 三, and the label spanning its rows.
#: gb_2019's single ``other_handling`` row carries the （六） label itself.
OUTCOME_GROUPS: tuple[tuple[str, str], ...] = (
    ("withheld_", "（三）不予公开"),
    ("unavailable_", "（四）无法提供"),
    ("not_processed_", "（五）不予处理"),
    ("other_", "（六）其他处理"),
)


def outcome_group(row: str) -> str | None:
    """The spanning group label of a section 三 row key, or ``None`` for an ungrouped row.

    Example:
        >>> outcome_group("withheld_state_secret")
        '（三）不予公开'
    """
    if row == "other_handling":
        return None
    return next((label for prefix, label in OUTCOME_GROUPS if row.startswith(prefix)), None)
