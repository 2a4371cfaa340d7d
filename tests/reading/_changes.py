"""Change value cells of a report's canonical text, knowing which address each cell is.

The metamorphic properties of the readers (tests/reading/test_trust.py) blank a value cell or
put a non-number in it, render the text as a DOCX, XLSX or text layout, and compare the
reading with the reading of the unchanged source. This module finds the value fields of
``write_text``'s tables and the cell address each one holds.
"""

from __future__ import annotations

import io

import attrs
import openpyxl
from hypothesis import strategies as st

from govinfo.model.catalogue import cell_specs, unprinted
from govinfo.model.flat import flatten
from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.reading.result import ReadResult
from govinfo.templates import LABEL
from govinfo.writing.text import write_text

_HEADINGS = {field.metadata[LABEL]: field.name for field in attrs.fields(Narrative)}
_DIGITS = "零一二三四五六七八九"

#: What a changed cell may hold: blank, space, not-applicable marks, a note, or the value in
#: Chinese numerals ("numeral").
REPLACEMENTS = ("", " ", "—", "/", "见附件", "numeral")


def chinese(number: int) -> str | None:
    """``number`` (below 10,000) in regular Chinese numerals: 27 -> 二十七, 105 -> 一百零五."""
    if not 0 <= number < 10000:
        return None
    if number == 0:
        return "零"
    out = ""
    zero = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = number // unit % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[digit] + name
    return out


def value_fields(report: AnnualReport) -> list[tuple[int, int, str]]:
    """Every table value of ``write_text(report)``: (line index, field index, address)."""
    by_label: dict[tuple[str, str], list[str]] = {}
    review: list[str] = []
    absent = unprinted(report.template, flatten(report))  # variants the text does not print
    for spec in cell_specs(report.template):
        if spec.address in absent:
            continue
        if spec.table == "review_litigation":
            review.append(spec.address)
        else:
            by_label.setdefault((spec.table, spec.row_label), []).append(spec.address)
    fields: list[tuple[int, int, str]] = []
    table = ""
    tab_lines = 0
    for index, line in enumerate(write_text(report).split("\n")):
        if line in _HEADINGS:
            table, tab_lines = _HEADINGS[line], 0
            continue
        if "\t" not in line:
            continue
        tab_lines += 1
        parts = line.split("\t")
        if table == "review_litigation":
            if tab_lines == 3:
                fields.extend((index, j, a) for j, a in enumerate(review))
            continue
        addresses = by_label.get((table, parts[0]), [])
        fields.extend((index, j + 1, a) for j, a in enumerate(addresses))
    return fields


@attrs.frozen
class Changed:
    """The canonical text with some value cells changed, and what each changed cell holds."""

    text: str
    cells: dict[str, str]  # address -> the text the cell now holds


@st.composite
def changed_texts(draw: st.DrawFn, report: AnnualReport, count: int = 1) -> Changed:
    """``write_text(report)`` with ``count`` value cells blanked or given a non-number."""
    fields = value_fields(report)
    chosen = draw(
        st.lists(st.sampled_from(fields), min_size=count, max_size=count, unique_by=lambda f: f[2])
    )
    lines = [line.split("\t") for line in write_text(report).split("\n")]
    values = flatten(report)
    cells: dict[str, str] = {}
    for line, field, address in chosen:
        replacement = draw(st.sampled_from(REPLACEMENTS))
        if replacement == "numeral":
            value = values[address]
            replacement = (chinese(value) if isinstance(value, int) else None) or ""
        lines[line][field] = replacement
        cells[address] = replacement
    return Changed("\n".join("\t".join(parts) for parts in lines), cells)


@attrs.frozen
class TextLayout:
    """How table lines are printed: the cell separator, full-width digits, stray spaces."""

    separator: str = "\t"
    full_width: bool = False
    stray: str = ""

    def render(self, text: str) -> str:
        out: list[str] = []
        for line in text.split("\n"):
            if "\t" not in line:
                out.append(line)
                continue
            label, *values = line.split("\t")
            values = [self.stray + v if v else v for v in values]
            if self.full_width:
                values = [v.translate(_FULL_WIDTH) for v in values]
            out.append(self.separator.join([label, *values]))
        return "\n".join(out)


_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def text_layouts() -> st.SearchStrategy[TextLayout]:
    """Table lines with cells separated by tabs, or one cell per line (``pdftotext``)."""
    return st.builds(
        TextLayout,
        separator=st.sampled_from(["\t", "\n", "\n\t"]),
        full_width=st.booleans(),
        stray=st.sampled_from(["", " ", "\u00a0"]),
    )


def xlsx_from_text(text: str) -> bytes:
    """A plain workbook of the text: one line per row, one tab field per column; counts as
    numbers, the rest as strings (not govinfo's own layout, so the interpreter reads it)."""
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row, line in enumerate(text.split("\n"), start=1):
        for column, field in enumerate(line.split("\t"), start=1):
            if field:
                sheet.cell(row=row, column=column, value=int(field) if field.isdigit() else field)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def assert_only_changed(
    clean: ReadResult, changed: ReadResult, cells: dict[str, str], *, only: bool = True
) -> None:
    """The reading of the changed source differs from the clean one only at changed cells,
    and there only by being unknown, or 0 for a blank cell read as 0 (FORMAT.md §7), recorded.
    With ``only`` false, other cells may become unknown too (never another value)."""
    before, after = flatten(clean.report), flatten(changed.report)
    for address, value in before.items():
        if after[address] == value:
            continue
        if after[address] is None and not only:
            continue
        assert address in cells, f"{address} changed from {value!r} to {after[address]!r}"
        if after[address] is None:
            continue
        message = f"{address} ({cells[address]!r}) read as {after[address]!r}, was {value!r}"
        assert cells[address].strip() == "", message
        assert after[address] == 0, message
        assert any(
            d.code == "blank-read-as-zero" and d.address == address for d in changed.diagnostics
        )
