"""The exceptions govinfo raises.

Every exception is a :class:`GovInfoError`; most also derive from a builtin (``ValueError``,
``TypeError``) so callers that do not import govinfo can still catch them. An error that is about
a place in a source carries a :class:`~govinfo.Location` and starts its message with it.

A broken invariant is *not* an exception: ``report.check()`` returns violations as values.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from govinfo.locations import Location

if TYPE_CHECKING:
    from govinfo.rules.result import Violation

__all__ = [
    "GovInfoError",
    "InvalidValueError",
    "NotAReportError",
    "ReadError",
    "SchemaError",
    "StructureError",
    "UnsafeInputError",
    "UnsupportedFormatError",
    "ViolationError",
    "WriteError",
]


class GovInfoError(Exception):
    """Root of every exception govinfo raises.

    Attributes:
        message: what went wrong, in English.
        message_zh: the same in Chinese, when the raiser words it; otherwise :meth:`text`
            says in Chinese what kind of error it is (:attr:`kind_zh`) and gives the English.
        location: where in the source the problem is, when it is about a place.
    """

    #: What kind of error this is, in Chinese: the lead of :meth:`text` when there is no
    #: ``message_zh``.
    kind_zh = "govinfo 出错"

    def __init__(
        self, message: str, *, location: Location | None = None, message_zh: str | None = None
    ) -> None:
        self.message = message
        self.message_zh = message_zh
        self.location = location
        super().__init__(f"{location}: {message}" if location is not None else message)

    def text(self, lang: str = "en") -> str:
        """The error as ``str()`` gives it, in ``lang`` (``"zh"`` or ``"en"``)."""
        if lang not in ("zh", "en"):
            raise ValueError(f"lang must be 'zh' or 'en', got {lang!r}")
        if lang == "en":
            return str(self)
        message = self.message_zh or f"{self.kind_zh}（{self.message}）"
        return f"{self.location.text(lang)}: {message}" if self.location is not None else message


class InvalidValueError(GovInfoError, ValueError):
    """A value no report could hold (a negative count, a float, a string) was given for a field.

    Attributes:
        field: the field or cell address that was given the value.
        value: the rejected value.
    """

    kind_zh = "数值无效"

    def __init__(self, field: str, value: object, expected: str) -> None:
        self.field = field
        self.value = value
        super().__init__(f"{field} must be {expected}, got {_shown(value)}")


def _shown(value: object) -> str:
    # repr() of an int past 4,300 digits raises ValueError, and a value of thousands of
    # characters would bury the message: show a long value by its size.
    if isinstance(value, int) and value.bit_length() > 64:
        return f"an int of {value.bit_length()} bits"
    try:
        shown = repr(value)
    except ValueError:
        return f"a {type(value).__name__} too large to show"
    return shown if len(shown) <= 80 else f"{shown[:60]}… ({len(shown)} characters)"


class StructureError(GovInfoError, ValueError):
    """A dict or JSON document does not describe a report; the message lists each problem
    with its path (``@ $.applications.new_received.total``)."""

    kind_zh = "不是报告的数据结构"

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        self.problems = problems
        super().__init__(message)


class ReadError(GovInfoError, ValueError):
    """A source could not be read as a report."""

    kind_zh = "无法读取"


class UnsupportedFormatError(ReadError):
    """The source is not in a format govinfo reads (or it is a format it cannot read yet)."""

    kind_zh = "不是 govinfo 能读取的格式"


class UnsafeInputError(ReadError):
    """The source was refused for safety: an XML DTD or entity, a zip bomb, an oversized file."""

    kind_zh = "出于安全考虑拒绝读取"


class NotAReportError(ReadError):
    """The source was read but holds no annual report on government information disclosure."""

    kind_zh = "未找到政府信息公开工作年度报告"


class SchemaError(ReadError):
    """An XML document does not validate against govinfo's published schema."""

    kind_zh = "XML 文档不符合 govinfo 发布的架构"


class WriteError(GovInfoError):
    """A report could not be written to the requested target."""

    kind_zh = "无法写出报告"


class ViolationError(GovInfoError, ValueError):
    """Raised by :meth:`CheckResult.raise_for_violations` when a report breaks an invariant.

    Attributes:
        violations: the broken rule instances, as :class:`~govinfo.Violation` objects.
    """

    kind_zh = "报告违反勾稽关系"

    def __init__(self, message: str, *, violations: Sequence[Violation] = ()) -> None:
        self.violations: tuple[Violation, ...] = tuple(violations)
        super().__init__(message)

    def __reduce__(self) -> tuple[object, ...]:
        # Exceptions pickle as ``cls(*args)``: keep the violations across processes too.
        return (_violation_error, (self.message, self.violations))


def _violation_error(message: str, violations: tuple[Violation, ...]) -> ViolationError:
    return ViolationError(message, violations=violations)
