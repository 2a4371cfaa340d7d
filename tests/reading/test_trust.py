"""A reading is right, or says it does not know (issue 10): metamorphic properties.

One or two value cells of a consistent report's source are blanked or given a non-number
(``—``, ``/``, ``见附件``, the value in Chinese numerals); the reading may then differ from the
reading of the unchanged source only at those cells, and there only by being unknown (or the
same value, when the invariants determine it, or 0 for a blank read as 0 and recorded).
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from tests.reading._changes import assert_only_changed, changed_texts, chinese, xlsx_from_text
from tests.reading.docx._layouts import Layout, layouts, render
from tests.reading.text.test_roundtrip import carried_reports

from govinfo.model.report import AnnualReport
from govinfo.reading.docx import read_docx
from govinfo.reading.interpret._values import chinese_numeral
from govinfo.reading.xlsx import read_xlsx
from govinfo.writing.text import write_text


@given(st.integers(min_value=0, max_value=9999))
def test_chinese_numerals_read_back(number: int) -> None:
    written = chinese(number)
    assert written is not None
    assert chinese_numeral(written) == number


@given(carried_reports(), layouts(), st.integers(min_value=1, max_value=2), st.data())
def test_docx_changed_cells_change_only_themselves(
    report: AnnualReport, layout: Layout, count: int, data: st.DataObject
) -> None:
    changed = data.draw(changed_texts(report, count))
    clean = read_docx(render(report, layout))
    assert_only_changed(clean, read_docx(render(report, layout, changed.text)), changed.cells)


@given(carried_reports(), st.integers(min_value=1, max_value=2), st.data())
def test_xlsx_changed_cells_change_only_themselves(
    report: AnnualReport, count: int, data: st.DataObject
) -> None:
    changed = data.draw(changed_texts(report, count))
    clean = read_xlsx(xlsx_from_text(write_text(report)))
    assert_only_changed(clean, read_xlsx(xlsx_from_text(changed.text)), changed.cells)
