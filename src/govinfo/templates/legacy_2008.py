"""``legacy_2008``: reports under the 2008 条例 (years 2008–2018): prose, no national tables."""

from __future__ import annotations

from govinfo.templates._spec import TemplateSpec

__all__ = ["LEGACY_2008", "LEGACY_PREFIX"]

#: Prefix of the open set of pre-2019 statistics addresses (``legacy.<key>``).
LEGACY_PREFIX = "legacy."

LEGACY_2008 = TemplateSpec(
    id="legacy_2008",
    title="中华人民共和国政府信息公开条例（2008）第三十二条",
    first_year=2008,
    last_year=2018,
    tables=(),
    open_prefix=LEGACY_PREFIX,
)
