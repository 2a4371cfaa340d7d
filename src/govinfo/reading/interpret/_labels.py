"""Matching labels: row labels, section headings, template markers.

Strategy: every label is compared through :func:`key`, which keeps only letters, digits and
CJK characters of its NFKC form, so ``（一）予以公开``, ``(一) 予以公开`` and ``(一)予以公 开``
all become ``一予以公开``. The official labels, the variants real reports print (FORMAT.md §4) and
the words that mark each template come from the template specs (``govinfo.templates``); this
module adds only the keywords that recognise section headings.
"""

from __future__ import annotations

import functools
import re
import unicodedata

import attrs

from govinfo.model.narrative import Narrative
from govinfo.templates import LABEL, TEMPLATES, Role, TemplateSpec, ValueKind

__all__ = [
    "GROUP_LABELS",
    "OFFICIAL_HEADINGS",
    "SECTIONS",
    "RowForms",
    "bigram_score",
    "column_variants",
    "heading_section",
    "key",
    "row_specs",
    "template_votes",
]

_DROP = re.compile(r"[^0-9a-z\u3400-\u9fff]+")
_NUMBERING = re.compile(r"^(?:[一二三四五六七八九十]+|\d{1,2})")

#: The six sections in order, with the keywords that recognise their headings (after :func:`key`).
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("overview", ("总体情况", "总体工作", "概述", "基本情况", "基本工作情况", "工作概述")),
    ("proactive_disclosure", ("主动公开政府信息情况", "主动公开政府信息", "主动公开情况")),
    ("applications", ("收到和处理政府信息公开申请", "处理政府信息公开申请", "依申请公开")),
    (
        "review_litigation",
        (
            "行政复议行政诉讼",
            "行政复议及行政诉讼",
            "行政复议和行政诉讼",
            "复议诉讼",
            "被申请行政复议",
        ),
    ),
    (
        "problems_improvements",
        ("存在的主要问题", "存在的问题", "存在问题", "主要问题", "问题及改进", "问题和改进"),
    ),
    ("other_matters", ("其他需要报告", "需要说明的事项", "其他事项")),
)

_NUMERALS = frozenset("一二三四五六七八九十0123456789０１２３４５６７８９")
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}|\d{1,2})\s*[、.．:：,，]")


@functools.lru_cache(maxsize=8192)
def key(text: str) -> str:
    """The comparable form of a label: NFKC, lower case, letters/digits/CJK only."""
    return _DROP.sub("", unicodedata.normalize("NFKC", text).lower())


#: The labels of row groups of every registered template (after :func:`key`, without
#: numbering): printed in front of the group's first row, never a row's label, though a row
#: variant may start with one.
GROUP_LABELS = frozenset(
    _NUMBERING.sub("", key(group.label))
    for spec in TEMPLATES.values()
    for table in spec.tables
    for group in table.row_groups
)


@functools.cache
def column_variants(template: TemplateSpec) -> dict[str, tuple[str, ...]]:
    """Other spellings of ``template``'s column labels seen in headers, by official label."""
    found: dict[str, tuple[str, ...]] = {}
    for _, _, column in template.cells():
        if column.variants:
            found.setdefault(column.label, column.variants)
    return found


@attrs.frozen
class RowForms:
    """One row of a template table with the forms its label may take and its columns."""

    table: str
    row: str
    label: str
    forms: tuple[str, ...]
    columns: tuple[str, ...]
    kinds: tuple[ValueKind, ...]
    #: a variant row some reports print (a group subtotal on its label, （三）不予公开)
    optional: bool = False
    #: the columns of ``columns`` that are variants (the 小计 column): a source that does
    #: not print them leaves them unstated, and says nothing about it
    optional_columns: frozenset[str] = frozenset()
    #: the group of rows the row belongs to (for a subtotal: the group it sums)
    group: str | None = None
    #: the row is a group's subtotal
    subtotal: bool = False

    def address(self, column: str) -> str:
        """The cell address of ``column`` in this row (a label-less table has no row part)."""
        return f"{self.table}.{self.row}.{column}" if self.row else f"{self.table}.{column}"


@functools.cache
def row_specs(
    template: TemplateSpec, optional_columns: bool = True
) -> dict[str, tuple[RowForms, ...]]:
    """The rows of each table of ``template`` in print order, with the variant columns (the
    小计 column) when ``optional_columns`` (a source whose header says which it prints)."""
    tables: dict[str, list[RowForms]] = {}
    for table_spec in template.tables:
        for row_spec in table_spec.rows:
            columns = tuple(c for c in row_spec.columns if optional_columns or not c.optional)
            table, row, label = table_spec.key, row_spec.key, row_spec.label
            labels = (label, *row_spec.variants)
            forms: list[str] = []
            for text in labels:
                for part in text.split("/"):
                    form = key(part)
                    core = _NUMBERING.sub("", form)
                    forms.extend(f for f in (form, core) if len(f) >= 4 and f not in forms)
                if key(text) not in forms:
                    forms.append(key(text))
            tables.setdefault(table, []).append(
                RowForms(
                    table=table,
                    row=row,
                    label=label,
                    forms=tuple(forms),
                    columns=tuple(c.key for c in columns),
                    kinds=tuple(c.kind for c in columns),
                    optional=row_spec.optional,
                    optional_columns=frozenset(c.key for c in columns if c.optional),
                    group=row_spec.group,
                    subtotal=row_spec.role is Role.SUBTOTAL,
                )
            )
    return {table: tuple(rows) for table, rows in tables.items()}


#: The official heading of each section, from the model's field metadata.
OFFICIAL_HEADINGS: dict[str, str] = {f.name: f.metadata[LABEL] for f in attrs.fields(Narrative)}

#: Official headings without their numbering (and gb_2019's wording of 五): the only headings
#: accepted unnumbered (a looser rule would take sub-headings of 一 such as 依申请公开情况).
_UNNUMBERED = {_NUMBERING.sub("", key(text)): name for name, text in OFFICIAL_HEADINGS.items()}
_UNNUMBERED[key("政府信息公开工作存在的主要问题及改进情况")] = "problems_improvements"


def heading_section(text: str) -> str | None:
    """The section key a heading line introduces, or ``None`` if the line is not a heading."""
    stripped = text.strip()
    if not stripped or len(stripped) > 60 or stripped.endswith(("。", ".")):
        return None
    k = key(stripped)
    if stripped[0] not in _NUMERALS or not _HEADING.match(unicodedata.normalize("NFKC", stripped)):
        return _UNNUMBERED.get(k)
    for section, words in SECTIONS:
        if any(word in k for word in words):
            return section
    return None


def template_votes(text_key: str) -> dict[TemplateSpec, int]:
    """How many markers of each registered table template occur in ``text_key`` (a
    :func:`key` string)."""
    return {
        template: sum(1 for word in template.markers if key(word) in text_key)
        for template in TEMPLATES.values()
        if template.has_tables
    }


@functools.lru_cache(maxsize=4096)
def bigrams(text: str) -> frozenset[str]:
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


def bigram_score(form: str, text: str) -> float:
    """Share of the bigrams of ``form`` that occur in ``text`` (0 when ``form`` is too short)."""
    wanted = bigrams(form)
    if len(wanted) < 3:
        return 0.0
    return len(wanted & bigrams(text)) / len(wanted)
