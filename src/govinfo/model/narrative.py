"""The prose of a report, section by section."""

from __future__ import annotations

import attrs

from govinfo.templates._fields import text

__all__ = ["Narrative"]


@attrs.frozen(kw_only=True)
class Narrative:
    """The text of the six sections, exactly as the source gives it (``None`` when absent).

    For the table sections (二, 三, 四) this is the prose around the tables.
    """

    overview: str | None = text("一、总体情况")
    proactive_disclosure: str | None = text("二、主动公开政府信息情况")
    applications: str | None = text("三、收到和处理政府信息公开申请情况")
    review_litigation: str | None = text("四、政府信息公开行政复议、行政诉讼情况")
    problems_improvements: str | None = text("五、存在的主要问题及改进情况")
    other_matters: str | None = text("六、其他需要报告的事项")
