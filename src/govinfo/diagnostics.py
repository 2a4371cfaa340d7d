"""Reader diagnostics as data: every code a reader emits, its severity and its messages.

Strategy: like the rule catalogue, the wording lives in one place. Each
:class:`DiagnosticCode` states a message in Chinese and in English as ``str.format``
templates with named fields; a code whose sentence differs from case to case has named
*variants*, each a :class:`Message` (possibly with its own severity). Readers build every
diagnostic with :func:`diagnostic`, which formats both languages from the same fields and
fails at the call when a code, a variant or a field is wrong, so a typo cannot ship a
half-worded message. A part of a sentence that is itself worded (why a row was left unknown)
is a variant too, formatted by :func:`clause` into a :class:`Text` that fills the field of
the enclosing message in the matching language.

This module is the bottom layer next to ``errors`` and ``locations``: readers, writers and the
CLI import it, and it imports none of them.
"""

from __future__ import annotations

import enum
import string
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from govinfo.locations import Location

__all__ = [
    "DIAGNOSTICS",
    "Diagnostic",
    "DiagnosticCode",
    "Message",
    "Severity",
    "Text",
    "clause",
    "diagnostic",
]

LANGUAGES = ("zh", "en")


class Severity(str, enum.Enum):
    """How much a diagnostic matters to someone using the values."""

    INFO = "info"  #: a repair or reading choice that cannot change a value's meaning
    WARNING = "warning"  #: something a user should look at: a guess, a disagreement
    ERROR = "error"  #: a value could not be read; the cell stays unknown

    def __str__(self) -> str:
        return self.value

    def text(self, lang: str = "en") -> str:
        """The severity as a word in ``lang``: ``警告`` in Chinese, ``warning`` in English."""
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
        return _SEVERITY_ZH[self.value] if lang == "zh" else self.value


_SEVERITY_ZH = {"info": "提示", "warning": "警告", "error": "错误"}


@attrs.frozen(kw_only=True)
class Diagnostic:
    """One thing a reader noticed: a repair, a guess, a disagreement, an unreadable value.

    Attributes:
        code: a stable kebab-case code (e.g. ``row-extra-cells``); :data:`DIAGNOSTICS` and
            docs/diagnostics.md list them.
        message: the English sentence (also :attr:`message_en`).
        severity: how much it matters.
        location: where in the source, when it is about a place.
        address: the cell address concerned, when there is one.
        message_zh: the Chinese sentence; ``None`` only for a diagnostic built by hand or read
            from a file written before messages had a Chinese text.
    """

    code: str
    message: str
    severity: Severity = Severity.INFO
    location: Location | None = None
    address: str | None = None
    message_zh: str | None = None

    @property
    def message_en(self) -> str:
        """The English sentence (the same as :attr:`message`)."""
        return self.message

    def text(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"zh"`` or ``"en"``); English when there is no Chinese."""
        if lang not in LANGUAGES:
            raise ValueError(f"lang must be one of {LANGUAGES}, got {lang!r}")
        return self.message_zh or self.message if lang == "zh" else self.message

    def __str__(self) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        return f"{where}{self.severity}: [{self.code}] {self.message}"


@attrs.frozen(kw_only=True)
class Text:
    """A phrase in both languages: the value of a field that is itself worded."""

    zh: str
    en: str

    def __str__(self) -> str:
        return self.en


def _names(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


@attrs.frozen(kw_only=True)
class Message:
    """A message in both languages, as ``str.format`` templates with named fields.

    Attributes:
        zh: the Chinese template.
        en: the English template.
        severity: the severity of this variant; ``None`` means the code's.
    """

    zh: str
    en: str
    severity: Severity | None = None

    @property
    def fields(self) -> frozenset[str]:
        """The fields the templates use (together: one language may leave a field out)."""
        return _names(self.zh) | _names(self.en)


@attrs.frozen(kw_only=True)
class DiagnosticCode:
    """A diagnostic code with its severity and its message templates.

    Attributes:
        code: the stable kebab-case code; never reused for another meaning.
        severity: how much it matters (a variant may say otherwise).
        message_zh: the Chinese template of the main message.
        message_en: the English template of the main message.
        description: what the code means, for the docs.
        variants: other wordings of the same code (or clauses of its messages), by name.
    """

    code: str
    severity: Severity
    message_zh: str
    message_en: str
    description: str
    variants: Mapping[str, Message] = attrs.field(factory=dict, hash=False)

    def message(self, variant: str = "") -> Message:
        """The main message (``variant=""``) or a named variant; ``KeyError`` if it has none."""
        if not variant:
            return Message(zh=self.message_zh, en=self.message_en, severity=self.severity)
        try:
            return self.variants[variant]
        except KeyError:
            raise KeyError(
                f"diagnostic {self.code!r} has no variant {variant!r}; it has "
                f"{sorted(self.variants) or 'none'}"
            ) from None

    @property
    def messages(self) -> dict[str, Message]:
        """Every message of the code by variant, the main one under ``""`` first."""
        return {"": self.message(), **self.variants}


def _format(code: str, variant: str, message: Message, fields: Mapping[str, object]) -> Text:
    missing = message.fields - fields.keys()
    extra = fields.keys() - message.fields
    if missing or extra:
        raise KeyError(
            f"diagnostic {code!r}"
            + (f" variant {variant!r}" if variant else "")
            + (f" needs field(s) {sorted(missing)}" if missing else "")
            + (f" does not take field(s) {sorted(extra)}" if extra else "")
        )
    zh = {k: v.zh if isinstance(v, Text) else v for k, v in fields.items()}
    en = {k: v.en if isinstance(v, Text) else v for k, v in fields.items()}
    return Text(zh=message.zh.format_map(zh), en=message.en.format_map(en))


def _entry(code: str) -> DiagnosticCode:
    try:
        return DIAGNOSTICS[code]
    except KeyError:
        raise KeyError(f"unknown diagnostic code {code!r}: add it to DIAGNOSTICS") from None


def clause(code: str, variant: str, **fields: object) -> Text:
    """A variant of ``code`` worded in both languages, to fill a field of another message."""
    entry = _entry(code)
    return _format(code, variant, entry.message(variant), fields)


def diagnostic(
    code: str,
    *,
    variant: str = "",
    location: Location | None = None,
    address: str | None = None,
    **fields: object,
) -> Diagnostic:
    """The diagnostic ``code`` (its ``variant``), worded in both languages from ``fields``.

    A field may be a :class:`Text` (from :func:`clause`): each language takes its own side.

    Raises:
        KeyError: the code or variant is not in :data:`DIAGNOSTICS`, or ``fields`` lacks a
            field the templates use or has one they do not.
    """
    entry = _entry(code)
    message = entry.message(variant)
    text = _format(code, variant, message, fields)
    return Diagnostic(
        code=code,
        message=text.en,
        message_zh=text.zh,
        severity=message.severity or entry.severity,
        location=location,
        address=address,
    )


_I, _W, _E = Severity.INFO, Severity.WARNING, Severity.ERROR


def _code(
    code: str,
    severity: Severity,
    zh: str,
    en: str,
    description: str,
    *,
    variants: Mapping[str, Message] | None = None,
) -> DiagnosticCode:
    return DiagnosticCode(
        code=code,
        severity=severity,
        message_zh=zh,
        message_en=en,
        description=description,
        variants=MappingProxyType(dict(variants or {})),
    )


def _m(zh: str, en: str, severity: Severity | None = None) -> Message:
    return Message(zh=zh, en=en, severity=severity)


_ROW_COUNTS_EN = "row {label!r} has {found} values for {expected} columns; "
_ROW_COUNTS_ZH = "“{label}”一行有 {found} 个数值，而应有 {expected} 列；"
_ONE_READING_EN = "the invariants allow one reading, used"
_ONE_READING_ZH = "按勾稽关系只有一种读法，已采用"
_SPLIT_EN = (
    "the digits {digits!r} split as {split} (rule: the only split of {splits} whose parts "
    "satisfy the row's and the table's equations); "
)
_SPLIT_ZH = "数字串“{digits}”切分为 {split}（{splits} 种切分中唯一满足本行和本表勾稽关系的一种）；"


def _placed(code: str, description: str) -> DiagnosticCode:
    """A row whose values did not fit its columns and that the invariants placed."""
    return _code(
        code,
        _W,
        _ROW_COUNTS_ZH + _ONE_READING_ZH,
        _ROW_COUNTS_EN + _ONE_READING_EN,
        description,
        variants={
            "split": _m(
                _ROW_COUNTS_ZH + _SPLIT_ZH + _ONE_READING_ZH,
                _ROW_COUNTS_EN + _SPLIT_EN + _ONE_READING_EN,
            )
        },
    )


_DETECTED = _m(
    "按 {encoding} 解码（依据内容识别）", "decoded as {encoding} (recognised by its content)"
)
_DETECTED_BOM = _m(
    "按 {encoding} 解码（依据字节顺序标记识别）",
    "decoded as {encoding} (recognised by its byte-order mark)",
)

_CATALOGUE = (
    # Decoding bytes into text.
    _code(
        "encoding-detected",
        _I,
        _DETECTED.zh,
        _DETECTED.en,
        "the bytes were decoded as UTF-16 or GB18030, not UTF-8",
        variants={"bom": _DETECTED_BOM},
    ),
    _code(
        "encoding-replaced",
        _W,
        "不是有效 {encoding} 编码的字节已替换为 U+FFFD",
        "bytes that are not valid {encoding} were replaced with U+FFFD",
        "bytes no candidate encoding decodes were replaced with U+FFFD",
    ),
    # Plain text.
    _code(
        "artefact-removed",
        _I,
        "删除了导出残留内容 {artefact}",
        "removed an export artefact {artefact}",
        "an export artefact such as `[bookmark: _GoBack]` was removed",
    ),
    _code(
        "canonical-text-changed",
        _I,
        "文本以 govinfo 规范文本的标题行开头，但与 govinfo 为任何报告写出的文本都不一致"
        "（已被编辑或损坏），按普通文本读取",
        "the text starts with govinfo's canonical header but is not the text govinfo wrote for "
        "any report (it was edited or mangled); it is read as ordinary text",
        "the text starts with the header of govinfo's canonical text but is not a text "
        "`write_text` wrote (it was edited); it is read as ordinary text",
    ),
    _code(
        "cell-continued",
        _I,
        "第 {line} 行接续第 {first} 行的单元格",
        "line {line} continues the cell on line {first}",
        "a line continued the one-cell line above it (a broken cell)",
    ),
    _code(
        "crawl-header",
        _I,
        "网页抓取程序添加的标题行（{field}字段）不属于报告",
        "a crawler's header line (field {field!r}) is not part of the report",
        "a crawler's header line was dropped (the title field's value is kept as the title)",
        variants={
            "field-kept": _m(
                "网页抓取程序添加的标题行（{field}字段）不属于报告；其内容保留为标题",
                "a crawler's header line (field {field!r}) is not part of the report; its "
                "value is kept as the title line",
            ),
            "separator": _m(
                "网页抓取程序添加的分隔行不属于报告",
                "a crawler's header line (separator) is not part of the report",
            ),
        },
    ),
    _code(
        "line-segmented",
        _I,
        "第 {line} 行包含整页内容（{length} 个字符，含多个标题），在每个编号（一、 （一） 1.）"
        "之前及每串数字后接标签处切分为 {pieces} 段读取",
        "line {line} holds a whole page ({length} characters, several headings); read as "
        "{pieces} pieces cut before each numbering (一、 （一） 1.) and after each run of "
        "digits a label follows",
        "a line holding a whole page was cut into the lines it was made of",
    ),
    _code(
        "page-chrome-removed",
        _I,
        "删除了网页的导航和链接文字：{dropped}",
        "dropped the web page's navigation and links: {dropped}",
        "the web page's breadcrumb and link words around the report were dropped",
    ),
    # Finding the sections, the rows and the columns.
    _code(
        "heading-variant",
        _I,
        "标题“{text}”按“{official}”读取",
        "heading {text!r} read as {official!r}",
        "a section heading is numbered or worded differently from the template "
        "(`4、`, `总体工作完成情况`)",
    ),
    _code(
        "section-missing",
        _W,
        "未找到“{section}”部分，其单元格均未填报",
        "section {section} was not found; its cells are not stated",
        "a table section was not found; its cells are not stated (the address is the table)",
    ),
    _code(
        "template-guessed",
        _I,
        "从标签无法判断所用模板，按年度推定为 {template}",
        "the labels do not tell the template; {template} assumed from the year",
        "the labels do not tell the registered templates apart; the one in force for the year "
        "was used",
    ),
    _code(
        "variant-group-subtotal",
        _I,
        "分组标签“{label}”带有数值：按该组小计行读入（{group}.*）",
        "the group label {label!r} carries figures: read as the group's subtotal ({group}.*)",
        "a group label of section 三 carries figures: read as the group's subtotal row (the "
        "address is `applications.<group>`)",
    ),
    _code(
        "variant-hybrid-group-row",
        _I,
        "“{label}”按旧模板印为一行、没有分项：读入 {group}.*，分项（{items}）未填报",
        "{label!r} is printed as one row without its items, as an earlier template prints it: "
        "read into {group}.*; its items ({items}) are not stated",
        "a group is printed as one row without its items (（六）其他处理 the 2019 way in a "
        "2021-layout report): read into the group's row; its items are not stated",
    ),
    _code(
        "variant-organisations-subtotal",
        _I,
        "表格印有小计列（{column}）：读入 {table}.<行>.{column}",
        "the table prints a subtotal column ({column}): read into {table}.<row>.{column}",
        "the table prints the 小计 column of 法人或其他组织: read into "
        "`applications.<row>.organisations`",
    ),
    _code(
        "metadata-missing",
        _W,
        "标题行未写明机关和年度",
        "the title lines do not give the organ and year",
        "the title lines do not give the organ or the year",
        variants={
            "organ": _m("标题行未写明机关", "the title lines do not give the organ"),
            "year": _m("标题行未写明年度", "the title lines do not give the year"),
        },
    ),
    _code(
        "year-from-text",
        _I,
        "标题未写明年度；{year} 年取自第一部分之前的正文",
        "the title gives no year; {year} was taken from the text before the first section",
        "the title gives no year; the first year stated before the first section was used",
    ),
    _code(
        "header-mismatch",
        _I,
        "“{section}”部分的表头未列出 {columns}；各行数值按模板的列顺序读取",
        "the header of section {section} does not name {columns}; the rows' values were read "
        "in template column order",
        "a table's header does not name all the template's columns: they were read in "
        "template order from the header's unnamed columns (or, for a grid without a header, "
        "from a row with one cell per column), or (warning) left unknown",
        variants={
            "unnamed-columns": _m(
                "“{section}”部分的表头未列出 {columns}；这些列按模板顺序取自表头中未命名的列",
                "the header of section {section} does not name {columns}; those columns were "
                "read in template order from the header's unnamed columns",
            ),
            "left-unknown": _m(
                "“{section}”部分的表头未列出 {columns}；这些单元格保留为未知",
                "the header of section {section} does not name {columns}; their cells are "
                "left unknown",
                _W,
            ),
            "header-before": _m(
                "“{section}”部分有一个表格没有表头；沿用了同一表格前一部分的表头",
                "a table of section {section} has no header; the header of the table part "
                "before it (same grid) was used",
            ),
            "row-fits": _m(
                "“{section}”部分有一个表格没有表头；“{label}”一行每列恰有一个单元格，"
                "按模板的列顺序读取",
                "a table of section {section} has no header; row {label!r} has one cell per "
                "column and was read in template order",
            ),
        },
    ),
    _code(
        "cell-ambiguous",
        _E,
        "一列下有 {count} 个单元格；该单元格保留为未知",
        "{count} cells lie under one column; the cell is left unknown",
        "a grid cell straddles two template columns, or two filled cells lie under one "
        "column; that cell is left unknown",
        variants={
            "straddles": _m(
                "有一个单元格横跨本列和另一列；该单元格保留为未知",
                "a cell spans this column and another; the cell is left unknown",
            )
        },
    ),
    _code(
        "row-interleaved",
        _E,
        "“{section}”部分的数值被表头文字分隔为 {runs} 段（表格是逐列提取的），"
        "勾稽关系无法确认它们按此顺序构成一行；其单元格保留为未知",
        "the values of section {section} come in {runs} runs separated by header words (a "
        "table extracted column by column) and the invariants do not confirm them as one row "
        "in that order; its cells are left unknown",
        "section 四's values came in runs separated by header words (a table extracted column "
        "by column) and its equations do not confirm them as one row; left unknown",
    ),
    _code(
        "row-missing",
        _W,
        "表中没有“{label}”一行；其单元格均未填报",
        "row {label!r} is not in the table; its cells are not stated",
        "a template row is absent; its cells are `None`",
    ),
    _code(
        "row-label-fuzzy",
        _I,
        "“{text}”按“{label}”读取",
        "{text!r} read as {label!r}",
        "a row label was matched by its start or by similarity, not exactly",
    ),
    _placed(
        "row-extra-values",
        "a row had more values than columns; the invariants allowed one reading, used",
    ),
    _placed(
        "row-short", "a row had fewer values than columns; the invariants allowed one reading, used"
    ),
    _placed(
        "digits-run-together",
        "a row's cells ran together as one number; the invariants allowed one split, used",
    ),
    _code(
        "row-ambiguous",
        _E,
        "“{label}”一行有 {found} 个数值，而应有 {expected} 列{why}；其单元格保留为未知",
        "row {label!r} has {found} values for {expected} columns{why}; its cells are left unknown",
        "a row's values could not be placed unambiguously (or the table has stray values, so "
        "none is placed, or the search gave up after its work budget); its cells are left "
        "unknown",
        variants={
            "no-header": _m(
                "“{section}”部分有一个表格没有表头，且“{label}”一行有 {found} 个单元格，"
                "而应有 {expected} 列；其单元格保留为未知",
                "a table of section {section} has no header and row {label!r} has {found} "
                "cells for {expected} columns; its cells are left unknown",
            ),
            "legacy": _m(
                "旧版统计行“{text}”：其数字可能是 {shown}；保留为未知",
                "legacy row {text!r}: its figures could be {shown}; left unknown",
                _W,
            ),
            # Clauses: why the row was left unknown (the field ``why`` above).
            "why-gave-up": _m(
                "，放弃了对其位置的搜索（{reason}）",
                "; the search for their placement gave up ({reason})",
            ),
            "reason-splits": _m("数字串有 {splits} 种切分", "the digits have {splits} splits"),
            "reason-placements": _m(
                "需尝试的排列超过 {limit} 种", "more than {limit} placements to try"
            ),
            "reason-budget": _m(
                "尝试 {placements} 种排列后用完了本文件的计算额度",
                "the document's work budget spent after {placements} placements",
            ),
            "why-readings": _m(
                "，按勾稽关系有 {readings} 种读法{digits}",
                " and the invariants allow {readings} readings{digits}",
            ),
            "why-no-reading": _m(
                "，按勾稽关系没有可行的读法{digits}",
                " and the invariants allow no readings{digits}",
            ),
            "digits-none": _m("", ""),
            "digits-gave-up": _m(
                "；已放弃：数字串“{digits}”有 {splits} 种切分",
                "; gave up: the digits {digits!r} have {splits} splits",
            ),
            "digits-could-be": _m(
                "；数字串“{digits}”可能是 {shown}", "; the digits {digits!r} could be {shown}"
            ),
            "digits-could-be-more": _m(
                "；数字串“{digits}”可能是 {shown} 等（另有 {more} 种）",
                "; the digits {digits!r} could be {shown} and {more} more",
            ),
            "digits-no-split": _m(
                "；数字串“{digits}”的 {splits} 种切分均不可行",
                "; the digits {digits!r} could be none of {splits} splits",
            ),
            "why-strays": _m(
                "，且“{section}”部分有 {strays} 个无法归属的数值，各数值的顺序可能有误",
                " and section {section} has {strays} stray value(s), so its values may be out "
                "of order",
            ),
        },
    ),
    _code(
        "value-orphan",
        _W,
        "“{section}”部分有 {count} 个数值不属于任何可识别的行，已忽略",
        "{count} value(s) in section {section} belong to no recognised row and were ignored",
        "values in a table section that belong to no recognised row were ignored",
    ),
    # Reading a value.
    _code(
        "value-not-a-number",
        _W,
        "“{text}”不是数字；该单元格保留为未知",
        "{text!r} is not a number; the cell is left unknown",
        "a value cell holds words (`见附件`); the cell is left unknown",
    ),
    _code(
        "value-chinese-numeral",
        _I,
        "“{text}”读作 {value}",
        "read {text!r} as {value}",
        "a count written in Chinese numerals (`二十七`) was read",
    ),
    _code(
        "value-normalised",
        _I,
        "“{text}”读作 {value}",
        "read {text!r} as {value}",
        "a number with thousands separators was read",
    ),
    _code(
        "value-unit-converted",
        _I,
        "“{text}”已换算为万元",
        "{text!r} converted to 万元",
        "an amount was converted between 元 and 万元",
        variants={"to-yuan": _m("“{text}”已换算为元", "{text!r} converted to 元")},
    ),
    _code(
        "value-invalid",
        _E,
        "“{text}”不是件数；该单元格保留为未知",
        "{text!r} is not a count",
        "a cell holds a number its column cannot (a fraction or negative count, or a figure "
        "of more than 15 digits before the point or 15 after it); left unknown",
        variants={
            "negative": _m("金额“{text}”为负数；该单元格保留为未知", "negative amount {text!r}"),
            "too-long": _m(
                "{shown} 的位数超过报告数值允许的上限（{digits} 位）；该单元格保留为未知",
                "{shown} has more digits than a report's figure may ({digits})",
            ),
            "legacy-too-long": _m(
                "超过 {digits} 位的数字不是统计数据：legacy.{key} 保留为未知",
                "a figure of more than {digits} digits is not a statistic: legacy.{key} left "
                "unknown",
            ),
        },
    ),
    _code(
        "blank-read-as-zero",
        _I,
        "空白单元格按 0 读取：这样本表的勾稽关系成立",
        "a blank cell read as 0: the table's invariants hold that way",
        "a blank cell was read as 0: the table's invariants hold that way",
    ),
    _code(
        "blank-left-unknown",
        _W,
        "空白单元格保留为未知：按 0 读取会破坏本表的勾稽关系",
        "a blank cell left unknown: reading it as 0 would break the table's invariants",
        "a blank cell stays unknown: reading it as 0 would break an invariant",
    ),
    _code(
        "cell-inferred",
        _I,
        "“{words}”根据 {equations} 推算为 {value}",
        "{cells} = {value} ({reason})",
        "a cell was filled by inference (also listed in `ReadResult.inferred`)",
    ),
    _code(
        "prose-table-mismatch",
        _W,
        "正文称“{text}”，但表格中{words}为 {table}",
        "the text says {text!r} but the table gives {table} for {cells}",
        "a figure stated in the prose disagrees with the table; both places are given",
        variants={
            "located": _m(
                "正文称“{text}”，但表格中{words}为 {table}（位于 {there}）",
                "the text says {text!r} but the table gives {table} for {cells} (at {there})",
            )
        },
    ),
    # Pre-2019 reports.
    _code(
        "legacy-statistic",
        _I,
        "legacy.{key} = {value}，依据正文：{quote}",
        "legacy.{key} = {value} from the text: {quote}",
        "a pre-2019 statistic was read from the sentence or table row quoted in the message",
        variants={
            "table": _m(
                "legacy.{key} = {value}，依据表格行：{quote}",
                "legacy.{key} = {value} from the table row: {quote}",
            )
        },
    ),
    _code(
        "ordinal-cut",
        _I,
        "数字末尾的“{ordinal}、”是下一行的序号，已切除",
        "'{ordinal}、' at the end of the digits is the next row's number and was cut off",
        "the next row's number, glued to the end of a legacy row's digits, was cut off",
    ),
    # DOCX.
    _code(
        "docx-main-part",
        _I,
        "文档正文位于 {part}，而非 {default}",
        "the document's text is in {part}, not {default}",
        "the main document part is not `word/document.xml`; the package's relationships named it",
    ),
    _code(
        "docx-tracked-changes",
        _W,
        "文档含有修订：插入的文字按已接受读取，删除的文字已略去",
        "the document has tracked changes: inserted text was read as if accepted, deleted "
        "text was left out",
        "the document has tracked changes: inserted text was read as if accepted, deleted "
        "text left out",
    ),
    _code(
        "docx-table-of-contents",
        _I,
        "略去了目录（与各级标题重复）",
        "a table of contents was left out (it repeats the headings)",
        "a table-of-contents field was left out (it repeats the headings)",
    ),
    _code(
        "docx-text-box",
        _I,
        "{count} 个文本框中的文字在其所锚定的段落之后读取",
        "text in {count} text box(es) was read after the paragraph each is anchored in",
        "text boxes were read, each after the paragraph it is anchored in",
    ),
    _code(
        "docx-nested-table",
        _I,
        "表格 {inner} 嵌套在表格 {outer} 的单元格中；其各行在包含它的行之后读取",
        "table {inner} is nested in a cell of table {outer}; its rows were read after the row "
        "that holds it",
        "a table nested in a cell was read in place (its location names the nested table)",
    ),
    # XLSX.
    _code(
        "workbook-macros-ignored",
        _I,
        "工作簿含有宏；只读取了保存的单元格值，未运行任何宏",
        "the workbook contains macros; only the saved cell values were read and no macro was run",
        "the workbook contains macros; only saved values were read",
    ),
    _code(
        "cell-error",
        _W,
        "单元格为错误值 {error}；按未知读取",
        "the cell holds the error value {error}; it is read as unknown",
        "the cell holds an error value (`#REF!`, `#DIV/0!`); the cell is unknown",
    ),
    _code(
        "formula-not-evaluated",
        _W,
        "公式 ={formula} 没有保存的值，且不是 govinfo 能计算的求和或加法；该单元格按未知读取",
        "the formula ={formula} has no saved value and is not a SUM or an addition govinfo "
        "can compute; the cell is read as unknown",
        "a formula without a saved value is not a sum or addition govinfo computes; the cell "
        "is unknown",
    ),
    _code(
        "template-disagrees",
        _W,
        "键值列标明模板为 {stated}，但表格按 {read} 读取；采用表格的模板",
        "the key column says {stated} but the tables read as {read}; the tables' template was kept",
        "a govinfo workbook's key column names another template than its tables show; the "
        "tables' template was kept",
    ),
    # PDF.
    _code(
        "pdf-table-continued",
        _I,
        "表格延续到下一页；已将各部分拼接",
        "the table continues on the next page; its pieces were joined",
        "a PDF table continues on the next page; its pieces were joined (the location is the "
        "first row on the new page)",
    ),
    _code(
        "pdf-header-repeated",
        _I,
        "新页上重复的 {count} 行表头已略去",
        "{count} header row(s) repeated on the new page were left out",
        "header rows a PDF table repeats on a new page were left out",
    ),
    _code(
        "pdf-row-cut",
        _I,
        "被分页截断的一行已与其后续部分拼接",
        "a row cut by the page break was joined with its continuation",
        "a PDF table row cut by a page break was joined with its continuation",
    ),
    _code(
        "pdf-cell-cut",
        _I,
        "被分页截断的单元格已拼接：“{text}”",
        "a cell cut by the page break was joined: {text!r}",
        "a PDF table cell cut by a page break (`（四）无` \\| `法提供`) was joined",
    ),
    _code(
        "pdf-table-clipped",
        _W,
        "表格超出页面右边缘，那里的表格线被截断；该处的 {count} 个字符未读取",
        "the table runs past the page's right edge, where its rulings are cut off; the "
        "{count} characters there are not read",
        "a PDF table runs past the page's edge; the text there is not read",
    ),
    _code(
        "pdf-cell-unplaced",
        _E,
        "“{text}”中的数字越过表格线进入相邻单元格；该单元格保留为未知",
        "the figures of {text!r} run across a ruling into the next cell; the cell is left unknown",
        "a figure runs across a ruling into the next cell; the cell is left unknown",
    ),
    _code(
        "pdf-page-image-only",
        _W,
        "第 {pages} 页是没有文字的图像（扫描件），其内容未读取：请先进行文字识别（OCR）",
        "page {pages} is an image without text (scanned); what they show is not read: OCR "
        "them first",
        "PDF pages with images and no text (scanned) are not read; OCR them",
        variants={
            "pages": _m(
                "第 {pages} 页是没有文字的图像（扫描件），其内容未读取：请先进行文字识别（OCR）",
                "pages {pages} are images without text (scanned); what they show is not read: "
                "OCR them first",
            )
        },
    ),
    _code(
        "pdf-text-unmapped",
        _W,
        "{share} 的字符不是报告会使用的文字：PDF 的字体可能缺少 ToUnicode 映射，读到的是字形编码，"
        "标签将无法匹配（请将文件重新打印为 PDF，或进行文字识别）",
        "{share} of the characters are not text a report prints: the PDF's fonts probably "
        "lack a ToUnicode map, so the characters read are glyph codes; labels will not match "
        "(print the file to a new PDF, or OCR it)",
        "the PDF's characters look like glyph codes (fonts without ToUnicode); labels will "
        "not match",
    ),
    # HTML.
    _code(
        "html-encoding",
        _I,
        "按 {codec} 解码：页面声明的字符集为 {label!r}",
        "decoded as {codec}: declared charset {label!r}",
        "how a web page's bytes were decoded, and why (byte-order mark, declared charset, "
        "valid UTF-8, GB18030)",
        variants={
            "gb-superset": _m(
                "按 {codec} 解码：页面声明的字符集为 {label!r}（GB2312/GBK 按其超集 GB18030 读取）",
                "decoded as {codec}: declared charset {label!r} (GB2312/GBK labels are read as "
                "GB18030, their superset)",
            ),
            "bom": _m("按 UTF-8 解码：依据字节顺序标记", "decoded as UTF-8: byte-order mark"),
            "utf-8": _m(
                "按 UTF-8 解码：依据内容（有效的 UTF-8）", "decoded as UTF-8: content (valid UTF-8)"
            ),
            # what the text front end noted (``encoding-detected``), under this code
            "detected": _DETECTED,
            "detected-bom": _DETECTED_BOM,
        },
    ),
    _code(
        "html-charset-wrong",
        _W,
        "页面声明的字符集为 {label!r}，但第 {byte} 个字节不是有效的 {codec} 编码；已不采用该声明",
        "the page declares charset {label!r}, but byte {byte} is not valid {codec}; the "
        "declaration was set aside",
        "the page's declared charset is unknown or contradicted by its bytes; it was set aside",
        variants={
            "unknown": _m(
                "页面声明的字符集 {label!r} 无法识别，或与有效的 UTF-8 字节矛盾；已不采用该声明",
                "the page declares charset {label!r}, which is unknown or contradicted by "
                "valid UTF-8 bytes; the declaration was set aside",
            )
        },
    ),
    _code(
        "html-mht",
        _I,
        "网页归档文件（MHT）：读取了其中第一个 HTML 部分",
        "a web archive (MHT): its first HTML part was read",
        "a web archive (`.mht`): its first HTML part was read",
    ),
    _code(
        "html-content",
        _I,
        "只读取了包含报告的区块（{path}，第 {line} 行）；页面其余部分（导航、链接、页脚）已略去",
        "read the block holding the report ({path}, line {line}); the page around it "
        "(navigation, links, footer) was left out",
        "only the block holding the report was read (its XPath and line are given); the page "
        "around it was left out",
    ),
    _code(
        "html-navigation-skipped",
        _I,
        "略去了 {count} 行以链接为主的内容（菜单、链接列表、面包屑导航）",
        "{count} line(s) made mostly of links (menus, link lists, a breadcrumb trail) were "
        "left out",
        "lines made mostly of links (menus, link lists, a breadcrumb trail) were left out",
    ),
    _code(
        "html-title-outside",
        _I,
        "标题“{title}”取自页面的 {holder}，位于包含报告的区块之外",
        "the title {title!r} was taken from the page's {holder}, outside the block holding "
        "the report",
        "the title was taken from outside the report's block (an article-title element, the "
        "`ArticleTitle` meta or `<title>`)",
    ),
    _code(
        "html-info-box",
        _I,
        "略去了由“标签：值”组成的信息框（索引号、发文机关等网页目录信息，不属于报告）",
        "a box of label：value pairs (索引号, 发文机关, …: the page's catalogue data, not the "
        "report) was left out",
        "a box of `label：value` pairs (索引号, 发文机关: the page's catalogue data) was left out",
    ),
    _code(
        "html-duplicate-table",
        _I,
        "此表格与第 {table} 个表格（第 {line} 行）完全相同（可能是打印视图），只读取一次",
        "this table repeats table {table} (line {line}) exactly (a print view?); it was read once",
        "a table repeating an earlier one's text exactly (a print view) was read once",
    ),
    # Legacy Office files.
    _code(
        "converted-by-libreoffice",
        _I,
        "{what}：已由 LibreOffice（{soffice}）转换为 .{target} 后读取；位置指转换后的文档",
        "{what}: converted to .{target} by LibreOffice ({soffice}) and read from that; "
        "locations refer to the converted document",
        "a `.doc`/`.wps`/`.odt`/`.ods` file was converted to `.docx`/`.xlsx` by LibreOffice "
        "and that was read; locations refer to the converted document",
    ),
)

#: Every code a reader emits, by code.
DIAGNOSTICS: Mapping[str, DiagnosticCode] = MappingProxyType({c.code: c for c in _CATALOGUE})
