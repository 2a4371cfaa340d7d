"""write_text then read_text gives the report back, however extraction mangles the text."""

from __future__ import annotations

from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from govinfo.model.narrative import Narrative
from govinfo.model.report import AnnualReport
from govinfo.reading.text import read_text
from govinfo.strategies import consistent_reports
from govinfo.writing.text import write_text

# Metadata and prose the text can carry: an organ without a year or report words in it, and
# sentences ending in 。 (table sections keep only sentences as prose).
_ORGAN_CHARS = "甲乙丙丁戊己庚辛壬癸东南西北市区县局委办"
_organs = st.none() | st.text(_ORGAN_CHARS, min_size=1, max_size=12)
_sentences = st.text(_ORGAN_CHARS + "，", min_size=1, max_size=30).map(lambda s: s + "。")
_prose = st.none() | st.lists(_sentences, min_size=1, max_size=3).map("\n".join)
_narratives = st.builds(Narrative, **{f.name: _prose for f in attrs.fields(Narrative)})
_FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


@st.composite
def carried_reports(draw: st.DrawFn) -> AnnualReport:
    """Consistent reports with metadata and prose that plain text can carry."""
    report = draw(consistent_reports(max_count=3000))
    year = draw(st.none() | st.integers(min_value=1990, max_value=2099))
    title = f"{year}年政府信息公开工作年度报告" if year is not None else "政府信息公开工作年度报告"
    return attrs.evolve(
        report, organ=draw(_organs), year=year, title=title, narrative=draw(_narratives)
    )


def _split_label(cell: str, cut: float) -> tuple[str, str]:
    at = max(1, min(len(cell) - 1, round(len(cell) * cut)))
    return cell[:at], cell[at:]


@st.composite
def mangled(draw: st.DrawFn, text: str) -> tuple[str, bytes | None]:
    """``text`` as an extraction tool might give it; with bytes when it is re-encoded."""
    separator = draw(st.sampled_from(["\t", "  ", "   ", "\n", "\n\t"]))
    full_width = draw(st.booleans())
    stray = draw(st.sampled_from(["", " ", "\u00a0"]))
    drop_blank = draw(st.booleans())
    wrap = draw(st.sampled_from([None, "before", "around"]))
    out: list[str] = []
    for line in text.split("\n"):
        if "\t" not in line:
            out.append(line)
            continue
        cells = line.split("\t")
        if drop_blank:
            cells = [c for c in cells if c]
        label, values = cells[0], cells[1:]
        values = [stray + v if i % 2 else v + stray for i, v in enumerate(values)]
        if full_width:
            values = [v.translate(_FULL_WIDTH) for v in values]
        head, tail = label, ""
        if wrap and len(label) >= 8 and values:
            head, tail = _split_label(label, draw(st.floats(min_value=0.7, max_value=0.9)))
        if wrap == "before" and tail:
            out.append(head)
            head, tail = tail, ""
        joined = separator.join([head, *values])
        if separator == "\n\t":
            joined = "\t" + joined
        out.append(joined)
        if tail:
            out.append(tail)
    result = "\n".join(out)
    encoding = draw(st.sampled_from([None, "utf-8", "utf-8-sig", "gb18030", "utf-16"]))
    return result, (result.encode(encoding) if encoding else None)


def _expected(report: AnnualReport) -> dict[str, Any]:
    return attrs.asdict(report, recurse=False)


@given(carried_reports())
def test_write_then_read_is_identity(report: AnnualReport) -> None:
    """Reading the canonical text of a consistent report gives the same report."""
    result = read_text(write_text(report))
    assert result.report == report
    assert not [
        d for d in result.diagnostics if d.severity != "info" and d.code != "metadata-missing"
    ]


@given(carried_reports(), st.data())
def test_mangled_text_reads_back(report: AnnualReport, data: st.DataObject) -> None:
    """Tabs, spaces or line breaks between cells, wrapped labels, full-width digits, stray
    spaces, dropped blanks and other encodings all read back to the same report."""
    text, encoded = data.draw(mangled(write_text(report)))
    result = read_text(encoded if encoded is not None else text)
    assert result.report == report
