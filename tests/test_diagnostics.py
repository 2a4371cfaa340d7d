"""The diagnostic catalogue: every code a reader emits is in it, worded in both languages."""

from __future__ import annotations

import io
import json
import re
import string
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import govinfo
from govinfo._diagnostics_docs import render_markdown
from govinfo.diagnostics import (
    DIAGNOSTICS,
    Diagnostic,
    DiagnosticCode,
    Severity,
    Text,
    clause,
    diagnostic,
)
from govinfo.errors import GovInfoError, NotAReportError, ReadError
from govinfo.reading.api import read

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs" / "diagnostics.md"
CJK = re.compile(r"[\u4e00-\u9fff]")
#: The sources the readers are tested on: every seed text and its renderings, the fixtures,
#: the real and web pages.
SOURCES = sorted(
    path
    for pattern in (
        "examples/reports/*.txt",
        "tests/data/extracted/*",
        "tests/data/fixtures/*",
        "tests/data/html/*.html",
        "tests/data/webtext/*.txt",
        "tests/data/real/*",
    )
    for path in ROOT.glob(pattern)
    if path.is_file()
)
CODE_CALL = re.compile(r"""(?:diagnostic|clause|_note)\(\s*"([a-z0-9-]+)"(?:,\s*"([a-z0-9-]+)")?""")


def _every_variant() -> list[tuple[str, str]]:
    return [(e.code, name) for e in DIAGNOSTICS.values() for name in e.messages]


def _fields(code: str, variant: str) -> dict[str, object]:
    return {name: f"<{name}>" for name in DIAGNOSTICS[code].message(variant).fields}


def _emitted(diagnostics: tuple[Diagnostic, ...]) -> None:
    for d in diagnostics:
        assert d.code in DIAGNOSTICS, d
        assert d.message
        assert d.message_en == d.message
        assert d.message_zh, d
        assert CJK.search(d.message_zh), d


def test_sources_are_found() -> None:
    assert len(SOURCES) > 40


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_emitted_code_is_catalogued(path: Path) -> None:
    """What a reader says about a test source is a catalogued code, worded in both languages."""
    try:
        result = read(path)
    except GovInfoError as exc:
        error = exc
    else:
        _emitted(result.diagnostics)
        return
    assert error.text("zh")
    assert error.text("en") == str(error)


def test_every_code_in_the_source_is_catalogued() -> None:
    """Every code and variant named in a call of the readers is in the catalogue."""
    found = 0
    for path in (ROOT / "src" / "govinfo").rglob("*.py"):
        for match in CODE_CALL.finditer(path.read_text(encoding="utf-8")):
            code, variant = match.groups()
            assert code in DIAGNOSTICS, (path.name, code)
            if variant and not variant.startswith(("table", "legacy")):
                DIAGNOSTICS[code].message(variant)
            found += 1
    assert found > 50


@pytest.mark.parametrize(("code", "variant"), _every_variant())
def test_every_template_formats(code: str, variant: str) -> None:
    """Each message formats with its declared fields and uses no field the other lacks."""
    entry = DIAGNOSTICS[code]
    message = entry.message(variant)
    fields = _fields(code, variant)
    made = diagnostic(code, variant=variant, **fields)
    assert made.severity is (message.severity or entry.severity)
    for template in (message.zh, message.en):
        for _, name, spec, _ in string.Formatter().parse(template):
            assert not spec, f"{code}: format specs are the caller's business"
            if name:
                assert name.isidentifier()
    if message.zh or message.en:
        assert CJK.search(message.zh), code
    assert entry.description


def test_catalogue_is_well_formed() -> None:
    assert set(DIAGNOSTICS) == {e.code for e in DIAGNOSTICS.values()}
    for code, entry in DIAGNOSTICS.items():
        assert isinstance(entry, DiagnosticCode)
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", code)
        assert CJK.search(entry.message_zh)
        assert entry.message_en


def test_diagnostic_refuses_what_the_catalogue_does_not_say() -> None:
    with pytest.raises(KeyError, match="unknown diagnostic code"):
        diagnostic("no-such-code")
    with pytest.raises(KeyError, match="needs field"):
        diagnostic("row-short", label="x", found=1)
    with pytest.raises(KeyError, match="does not take"):
        diagnostic("html-mht", extra=1)
    with pytest.raises(KeyError, match="no variant"):
        diagnostic("html-mht", variant="nope")


def test_row_short_in_both_languages() -> None:
    d = diagnostic("row-short", label="1.属于国家秘密", found=6, expected=7)
    assert d.severity is Severity.WARNING
    assert d.message.startswith("row '1.属于国家秘密' has 6 values for 7 columns")
    assert d.text("zh") == d.message_zh
    assert "“1.属于国家秘密”" in d.text("zh")
    assert "6 个数值" in d.text("zh")
    assert str(d) == "warning: [row-short] " + d.message
    with pytest.raises(ValueError, match="lang"):
        d.text("fr")


def test_a_clause_fills_each_language() -> None:
    why = clause("row-ambiguous", "why-no-reading", digits=clause("row-ambiguous", "digits-none"))
    assert isinstance(why, Text)
    d = diagnostic("row-ambiguous", label="合计", found=3, expected=7, why=why)
    assert "allow no readings" in d.message
    assert "没有可行的读法" in d.text("zh")


def test_a_diagnostic_built_by_hand_falls_back_to_english() -> None:
    d = Diagnostic(code="row-short", message="old words")
    assert d.message_zh is None
    assert d.text("zh") == "old words" == d.message_en


def test_compatible_names() -> None:
    from govinfo.reading.result import Diagnostic as Old
    from govinfo.reading.result import Severity as OldSeverity

    assert Old is Diagnostic is govinfo.Diagnostic
    assert OldSeverity is Severity is govinfo.Severity
    assert govinfo.DIAGNOSTICS is DIAGNOSTICS
    assert govinfo.DiagnosticCode is DiagnosticCode
    assert Severity.WARNING.text("zh") == "警告"
    assert Severity.ERROR.text("en") == "error"


_VALUES = st.one_of(
    st.text(max_size=30), st.integers(), st.none(), st.builds(Text, zh=st.text(), en=st.text())
)


@given(data=st.data(), which=st.sampled_from(_every_variant()))
def test_diagnostic_never_raises_on_drawn_fields(
    data: st.DataObject, which: tuple[str, str]
) -> None:
    code, variant = which
    names = sorted(DIAGNOSTICS[code].message(variant).fields)
    fields = {name: data.draw(_VALUES, label=name) for name in names}
    d = diagnostic(code, variant=variant, **fields)
    assert d.code == code
    assert isinstance(d.text("zh"), str)
    assert isinstance(d.text("en"), str)
    message = DIAGNOSTICS[code].message(variant)
    if message.zh or message.en:
        assert d.message_zh
        assert d.message


def test_docs_page_is_generated() -> None:
    """docs/diagnostics.md is exactly what the catalogue renders (regenerate it if not)."""
    page = render_markdown()
    assert DOCS.read_text(encoding="utf-8") == page
    for code in DIAGNOSTICS:
        assert f"\n## `{code}`\n" in page


def test_xml_keeps_both_languages_and_reads_old_files() -> None:
    from govinfo.reading.xml import read_xml
    from govinfo.writing.xml import write_xml

    result = read(ROOT / "examples" / "reports" / "000_a95088fcdc73276f.txt")
    data = write_xml(result.report, diagnostics=result.diagnostics)
    back = read_xml(data)
    assert back.diagnostics == result.diagnostics
    old = re.sub(rb"<message_zh>.*?</message_zh>", b"", data, flags=re.S)
    assert old != data
    assert [d.message_zh for d in read_xml(old).diagnostics] == [None] * len(back.diagnostics)


def _check(*args: str) -> str:
    out = io.StringIO()
    from govinfo.cli import _check

    parser_args = _parse(["check", *args])
    _check.run(parser_args, out)
    return out.getvalue()


def _parse(argv: list[str]) -> object:
    import argparse

    from govinfo.cli import _check

    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers()
    _check.add_parser(commands)
    return parser.parse_args(argv)


SEED = str(ROOT / "examples" / "reports" / "000_a95088fcdc73276f.txt")


def test_check_in_chinese_words_reader_diagnostics_in_chinese() -> None:
    out = _check("--lang", "zh", SEED)
    assert ": 警告: [row-short] “1.属于国家秘密”一行有 6 个数值，而应有 7 列" in out
    english = _check("--lang", "en", SEED)
    assert ": warning: [row-short] row '1.属于国家秘密' has 6 values for 7 columns" in english


def test_check_json_has_both_messages() -> None:
    document = json.loads(_check("--json", "-v", SEED))
    diagnostics = document["files"][0]["diagnostics"]
    assert diagnostics
    for d in diagnostics:
        assert d["code"] in DIAGNOSTICS
        assert d["message"] == d["message_en"]
        assert CJK.search(d["message_zh"])


def test_check_reports_a_read_error_in_chinese(tmp_path: Path) -> None:
    empty = tmp_path / "empty.html"
    empty.write_text("<html><body></body></html>", encoding="utf-8")
    out = _check("--lang", "zh", str(empty), str(tmp_path / "missing.txt"))
    assert "未找到年度报告的任何部分" in out
    assert "无法读取文件" in out
    document = json.loads(_check("--json", str(empty)))
    error = document["files"][0]
    assert error["error"] == error["error_en"]
    assert "未找到年度报告" in error["error_zh"]


def test_errors_have_chinese_text() -> None:
    worded = NotAReportError("the page is empty", message_zh="网页是空的")
    assert worded.text("zh") == "网页是空的"
    assert worded.text("en") == "the page is empty"
    plain = ReadError("corrupt archive part: x")
    assert plain.text("zh").startswith("无法读取")
    assert "corrupt archive part" in plain.text("zh")


def test_input_limits_are_refused_in_chinese_too() -> None:
    """The refusals a user meets most (a runaway line, a bad zip, a DTD) speak Chinese."""
    from govinfo import UnsafeInputError, UnsupportedFormatError, read_docx, read_text, read_xml

    with pytest.raises(UnsafeInputError) as line:
        read_text("一" * 300_000)
    assert "上限" in line.value.text("zh")
    assert line.value.text("zh").startswith("<text>:第1行: ")
    with pytest.raises(UnsupportedFormatError) as archive:
        read_docx(b"PK\x03\x04 not a zip")
    assert "zip" in archive.value.text("zh")
    assert "不是有效的" in archive.value.text("zh")
    dtd = b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY e "x">]><r>&e;</r>'
    with pytest.raises(UnsafeInputError) as xml:
        read_xml(dtd)
    assert "DTD" in xml.value.text("zh")
