"""Pre-2019 statistics forms and prose: exact, or unknown with a reason (issue 14)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given
from hypothesis import strategies as st

from govinfo.reading.interpret._legacy_prose import more_statistics
from govinfo.reading.text import read_text

WEB = Path(__file__).resolve().parents[3] / "tests" / "data" / "webtext"


def _maker() -> ModuleType:
    spec = importlib.util.spec_from_file_location("make_webtext", WEB / "make_webtext.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


MAKE = _maker()
KEYS = [key for *_, key in MAKE.LEGACY_ROWS if key is not None]


def _parents() -> dict[str, str]:
    # The form's 其中 rows and the row each breaks down.
    out: dict[str, str] = {}
    parent = ""
    for _, of, _, _, key in MAKE.LEGACY_ROWS:
        if key is not None and not of:
            parent = key
        elif key is not None:
            out[key] = parent
    return out


PARENTS = _parents()


def _consistent(values: dict[str, tuple[int, int]]) -> dict[str, tuple[int, int]]:
    """The values with every sub-row (其中) not above its row, as a breakdown is."""
    out = dict(values)
    for child, parent in PARENTS.items():
        year = min(out[child][0], out[parent][0])
        out[child] = (year, max(year, min(out[child][1], out[parent][1])))
    return out


FORMS = ["tab", "spaced", "flat", "flat-ordinal", "one-line"]

_VALUES = {
    "proactive_items": (425, 1516),
    "proactive_fulltext_electronic": (400, 1400),
    "applications_received": (12, 45),
    "applications_in_person": (2, 10),
    "applications_online": (8, 30),
    "replies_total": (12, 45),
    "applications_granted": (10, 40),
    "applications_partially_granted": (1, 3),
    "applications_refused": (1, 2),
    "review_cases": (0, 1),
    "litigation_cases": (0, 0),
    "fees_collected_yuan": (0, 30),
}


def _read(values: dict[str, tuple[int, int]], form: str) -> tuple[dict[str, object], set[str]]:
    result = read_text(MAKE.legacy_report(values, form))
    assert str(result.report.template) == "legacy_2008"
    ambiguous = {
        d.address.removeprefix("legacy.")
        for d in result.diagnostics
        if d.code == "row-ambiguous" and d.address
    }
    return dict(result.report.legacy), ambiguous


@pytest.mark.parametrize("form", FORMS)
def test_statistics_form_reads_exactly(form: str) -> None:
    legacy, _ = _read(_VALUES, form)
    expected = {k: v[0] for k, v in _VALUES.items()} | {
        f"{k}_cumulative": v[1] for k, v in _VALUES.items()
    }
    assert legacy == expected  # the item count and the consultations stay out


def test_flattened_row_alone_is_ambiguous() -> None:
    # 4251516 alone: 4|251516, 42|51516 and 425|1516 all have a total >= this year.
    legacy, ambiguous = _read({"proactive_items": (425, 1516)}, "flat")
    assert "proactive_items" not in legacy
    assert "proactive_items" in ambiguous


@given(
    st.fixed_dictionaries(
        {
            key: st.tuples(st.integers(0, 500), st.integers(0, 500)).map(
                lambda pair: (pair[0], pair[0] + pair[1])
            )
            for key in KEYS
        }
    ).map(_consistent),
    st.sampled_from(FORMS),
)
def test_legacy_forms_never_read_a_wrong_figure(
    values: dict[str, tuple[int, int]], form: str
) -> None:
    legacy, ambiguous = _read(values, form)
    for key, (year, total) in values.items():
        for suffix, truth in (("", year), ("_cumulative", total)):
            got = legacy.get(key + suffix)
            assert got in (None, truth), (key + suffix, got, truth)
            if got is None:
                assert key in ambiguous
            if form in ("tab", "spaced"):
                assert got == truth
    assert set(legacy) <= {k + s for k in values for s in ("", "_cumulative")}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("2011年全县未收到有关政府信息公开的申请", {"applications_received": 0}),
        ("2012年没有收到公民、法人要求公开政府信息的申请", {"applications_received": 0}),
        (
            "全年共受理依申请公开政府信息申请12件，其中当面申请3件，网上申请9件",
            {"applications_received": 12, "applications_in_person": 3, "applications_online": 9},
        ),
        ("本年度依申请公开政府信息5件", {"applications_received": 5}),
        # Distractors: a service centre, items, a review arising from an application, calls.
        ("政务服务中心全年受理申请121510件", {}),
        ("本年度依申请公开信息45条", {}),
        ("本年度未发生因政府信息公开申请提起行政复议的情况", {}),
        ("全年接受群众咨询申请政府信息公开事项30件", {}),
    ],
)
def test_prose_forms(sentence: str, expected: dict[str, int]) -> None:
    assert more_statistics(sentence) == expected


def test_prose_statistic_keeps_its_sentence() -> None:
    text = (
        "某县2011年政府信息公开工作年度报告\n一、概述\n2011年全县未收到有关政府信息公开的申请。\n"
    )
    result = read_text(text)
    assert result.report.legacy["applications_received"] == 0
    note = next(d for d in result.diagnostics if d.address == "legacy.applications_received")
    assert "未收到有关政府信息公开的申请" in note.message
