"""Match a table section's tokens to the rows of a template table.

Strategy: walk the tokens once. Text tokens collect into a label buffer; the first value after
some text closes the buffer and names the row: the template row, at or after the last row
matched, whose label (or a known variant, or the label without its numbering) ends latest in
the buffer. Taking the latest match lets group labels (``三、本年度办理结果``, ``（三）不予公开``),
header words and the tail of the previous row's wrapped label sit in front of a label without
confusing it, and a label broken over cells or lines is whole again once the buffer is joined.
Only when no form matches exactly does a bigram overlap decide (a reworded label). Values
after a row's label belong to it until the next text, which may be the tail of its own label
(``pdftotext -layout`` wraps long labels around the numbers).

Section 四 has no row labels in the template: its fifteen values are one row.
"""

from __future__ import annotations

import attrs

from govinfo.diagnostics import Diagnostic, Text, diagnostic
from govinfo.locations import Location
from govinfo.reading.interpret._labels import GROUP_LABELS, RowForms, bigram_score
from govinfo.reading.interpret._tokens import Token
from govinfo.reading.interpret._values import Kind
from govinfo.templates import TemplateSpec

__all__ = ["RowReading", "best_row", "match_rows", "orphaned", "single_row"]

_FUZZY_THRESHOLD = 0.6
_FUZZY_REACH = 3


@attrs.define
class RowReading:
    """The tokens found for one template row: its label and the values and slots after it."""

    spec: RowForms
    label: list[Token]
    values: list[Token] = attrs.Factory(list)
    slots: list[Token] = attrs.Factory(list)
    fuzzy: bool = False
    runs: int = 1  #: runs of values separated by text (header words between them)


@attrs.define
class TableReading:
    """The rows found in a table section, the header text before them and stray values."""

    rows: list[RowReading]
    header: str
    orphans: list[Token]


def best_row(
    buffer: str, specs: tuple[RowForms, ...], start: int, *, exact: bool = False
) -> tuple[int, bool] | None:
    best: tuple[int, int, int] | None = None
    for index in range(start, len(specs)):
        optional = specs[index].optional
        for form in specs[index].forms:
            at = buffer.rfind(form)
            if at < 0 or (optional and at + len(form) != len(buffer)):
                # A variant row (a group label with figures) only where its label is the
                # last text before the values: a group label followed by other words
                # (a header, a column read out of order) states no subtotal.
                continue
            score = (at + len(form), len(form), -index)
            if best is None or score > best:
                best = score
    if best is not None:
        return -best[2], False
    if exact:
        return None
    # A reworded or cut-short label stands where its row is due: a guess may skip a missing
    # row or two, never jump to a row far ahead (a group label such as 三、本年度办理结果 is
    # the start of 本年度办理结果总计, the last row).
    # A variant row (a group label with figures) is taken on its exact label only: a
    # guess would turn the wrapped label of its first item into a subtotal.
    window = [
        i for i in range(start, min(len(specs), start + _FUZZY_REACH + 1)) if not specs[i].optional
    ][:_FUZZY_REACH]
    for index in window:
        for form in specs[index].forms:
            overlap = _prefix_overlap(buffer, form)
            if overlap >= max(6, len(form) // 2) and form[:overlap] not in GROUP_LABELS:
                return index, True
    tail_scores = [
        (max(bigram_score(form, buffer[-(len(form) + 12) :]) for form in specs[i].forms), -i)
        for i in window
    ]
    if tail_scores:
        best_score, negative_index = max(tail_scores)
        if best_score >= _FUZZY_THRESHOLD:
            return -negative_index, True
    return None


def _prefix_overlap(buffer: str, form: str) -> int:
    # How much of the start of ``form`` ends the buffer: a label cut short by a wrap.
    for size in range(min(len(form), len(buffer)), 0, -1):
        if form.startswith(buffer[-size:]):
            return size
    return 0


def _blank_row(
    buffer: list[Token], pending: list[Token], specs: tuple[RowForms, ...], start: int
) -> RowReading | None:
    slots = [t for t in pending if t.row_id == buffer[-1].row_id]
    if not slots:
        return None
    found = best_row("".join(t.key for t in buffer), specs, start, exact=True)
    if found is None or len(slots) < len(specs[found[0]].columns):
        return None
    return RowReading(spec=specs[found[0]], label=list(buffer), slots=slots)


_VALUES = (Kind.NUMBER, Kind.NOT_APPLICABLE)


def section_words(template: TemplateSpec, name: str) -> Text:
    """A table section as messages name it: its heading in Chinese, its key in English."""
    table = template.table(name)
    return Text(zh=name if table is None else table.label, en=name)


def orphaned(section: Text, count: int, location: Location) -> Diagnostic:
    """The ``value-orphan`` note: ``count`` values of ``section`` belong to no row."""
    return diagnostic("value-orphan", count=count, section=section, location=location)


def _inline_words(tokens: list[Token]) -> set[int]:
    """Indices of words printed after a value on the same line, up to the line's next value
    or its end (``0\t见附件\t0``, ``0\t5\t见附件``): cells of that row holding words, not
    a label or header words."""
    inline: set[int] = set()
    last_value: Token | None = None
    words: list[int] = []
    for index, token in enumerate(tokens):
        if token.kind is Kind.BLANK:
            continue
        if last_value is not None and token.row_id != last_value.row_id:
            inline.update(words)  # words that end the line of a value
            last_value, words = None, []
        if token.kind in _VALUES:
            inline.update(words)
            last_value, words = token, []
        elif last_value is not None:
            words.append(index)
    inline.update(words)
    return inline


def _words_after(label: list[Token], joined: str, spec: RowForms, value: Token) -> list[Token]:
    """Cells of words after the row's label, on the line of its first value (``行政处罚\t
    见附件\t0``): value cells holding words, taken off ``label`` and returned."""
    end = max((joined.rfind(f) + len(f) for f in spec.forms if f in joined), default=-1)
    words: list[Token] = []
    offset = len(joined)
    while (
        len(label) > 1
        and end >= 0
        and offset - len(label[-1].key) >= end
        and label[-1].row_id == value.row_id
        and label[-2].row_id == value.row_id
    ):
        words.insert(0, label.pop())
        offset -= len(words[0].key)
    return words


def match_rows(tokens: list[Token], specs: tuple[RowForms, ...]) -> TableReading:
    """Assign ``tokens`` to the rows of ``specs`` (one table of a template)."""
    inline = _inline_words(tokens)
    rows: list[RowReading] = []
    orphans: list[Token] = []
    buffer: list[Token] = []
    header: list[str] = []
    current: RowReading | None = None
    pending: list[Token] = []
    start = 0
    for position, token in enumerate(tokens):
        kind = token.kind
        if kind is Kind.TEXT and position in inline and current is not None and not buffer:
            current.values.append(token)
            current.slots.append(token)
            continue
        if kind is Kind.TEXT:
            if pending and buffer and token.row_id != buffer[-1].row_id:
                # A label followed by nothing but blank cells: a row printed all blank.
                blank_row = _blank_row(buffer, pending, specs, start)
                if blank_row is not None:
                    if not rows:
                        header.append("".join(t.key for t in buffer[:-1]))
                    rows.append(blank_row)
                    start = specs.index(blank_row.spec) + 1
                    current = blank_row
                    buffer = []
            buffer.append(token)
            pending = []
            continue
        if kind is Kind.BLANK:
            if buffer:
                pending.append(token)
            elif current is not None and token.row_id == current.label[-1].row_id:
                current.slots.append(token)
            continue
        if buffer:
            joined = "".join(t.key for t in buffer)
            found = best_row(joined, specs, start) if joined else None
            if not rows:
                header.append(joined)
            current = None
            if found is not None:
                index, fuzzy = found
                label = list(buffer)
                words = [] if fuzzy else _words_after(label, joined, specs[index], token)
                current = RowReading(spec=specs[index], label=label, fuzzy=fuzzy)
                current.values = list(words)
                current.slots = words + [t for t in pending if t.row_id == label[-1].row_id]
                rows.append(current)
                start = index + 1
            buffer = []
            pending = []
        if current is None:
            orphans.append(token)
            continue
        current.values.append(token)
        if token.row_id == current.label[-1].row_id:
            current.slots.append(token)
    if pending and buffer:
        blank_row = _blank_row(buffer, pending, specs, start)
        if blank_row is not None:
            rows.append(blank_row)
            buffer = []
    if not rows and buffer:
        header.append("".join(t.key for t in buffer))
    return TableReading(rows=rows, header="".join(header), orphans=orphans)


def single_row(tokens: list[Token], spec: RowForms) -> TableReading:
    """Read every value of a label-less table (section 四) as one row."""
    inline = _inline_words(tokens)
    header = "".join(t.key for i, t in enumerate(tokens) if t.kind is Kind.TEXT and i not in inline)
    values = [t for i, t in enumerate(tokens) if t.kind in _VALUES or i in inline]
    if not values:
        return TableReading(rows=[], header=header, orphans=[])
    first = next(t for t in tokens if t.kind in (Kind.NUMBER, Kind.NOT_APPLICABLE))
    runs = 0
    in_run = False
    for position, token in enumerate(tokens):
        is_value = token.kind in _VALUES or position in inline
        if is_value and not in_run:
            runs += 1
        if token.kind is not Kind.BLANK:
            in_run = is_value
    reading = RowReading(spec=spec, label=[first], values=values, runs=runs)
    reading.slots = [
        t
        for i, t in enumerate(tokens)
        if t.row_id == first.row_id and (t.kind is not Kind.TEXT or i in inline)
    ]
    return TableReading(rows=[reading], header=header, orphans=[])
