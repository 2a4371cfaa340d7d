"""``govinfo check FILE...``: read each file, run every rule, print what is wrong and where.

Strategy: all files are read first so that consecutive years of one organ can be checked
against each other (carry-over, documents in force); then each report is checked once, with
its previous year when the files include it, and the result is located in its own file.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

from govinfo.cli._io import diagnostic_line, read_file
from govinfo.cli._series import previous_years
from govinfo.display._layout import cell_words
from govinfo.errors import GovInfoError
from govinfo.reading.result import Diagnostic, ReadResult, Severity
from govinfo.rules.result import CheckResult, CheckStatus, Violation
from govinfo.templates import TemplateSpec

__all__ = ["add_parser", "run"]

_TEXT = {
    "en": {
        "passed": "passed",
        "failed": "FAILED",
        "incomplete": "INCOMPLETE",
        "unreadable": "UNREADABLE",
        "suspect": "suspect",
        "should_be": "should be",
        "one_of": "one of",
        "summary": "{violations} violation(s), {warnings} warning(s), {diagnostics} reading "
        "warning(s), {unverifiable} unverifiable, {passed} passed; {read} cell(s) read, "
        "{inferred} inferred",
        "total": "{files} file(s): {passed} passed, {failed} failed, {incomplete} incomplete, "
        "{unreadable} unreadable",
    },
    "zh": {
        "passed": "通过",
        "failed": "未通过",
        "incomplete": "核验不完整",
        "unreadable": "无法读取",
        "suspect": "疑似出错单元格",
        "should_be": "应为",
        "one_of": "以下之一有误",
        "summary": "违反 {violations} 条，警告 {warnings} 条，读取提示 {diagnostics} 条，"
        "无法核验 {unverifiable} 条，通过 {passed} 条；读取单元格 {read} 个，推算 {inferred} 个",
        "total": "共 {files} 个文件：通过 {passed} 个，未通过 {failed} 个，核验不完整 "
        "{incomplete} 个，无法读取 {unreadable} 个",
    },
}

#: Exit codes: every file passes / a file breaks a rule / a file cannot be read / a file could
#: not be fully verified. When files differ, unreadable outranks failed, which outranks
#: incomplete.
EXIT_PASSED, EXIT_FAILED, EXIT_UNREADABLE, EXIT_INCOMPLETE = 0, 1, 2, 3


def add_parser(commands: Any) -> None:
    """Register ``check`` on the ``add_subparsers`` object ``commands``."""
    parser = commands.add_parser(
        "check",
        help="check reports against every rule of their template",
        description="Read each file (any format govinfo reads, and govinfo JSON), run every "
        "rule and print each problem as FILE:LOCATION: RULE message. Exit status: 0 every "
        "file passed, 1 a rule is broken, 2 a file cannot be read, 3 some rule could not be "
        "verified (cells not stated) and nothing is broken.",
    )
    parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
    parser.add_argument("--lang", choices=("zh", "en"), default="zh", help="message language")
    parser.add_argument("--json", action="store_true", help="one JSON document on stdout")
    parser.add_argument(
        "--strict", action="store_true", help="warnings fail the check too (exit 1)"
    )
    parser.add_argument(
        "--allow-incomplete",
        action="store_true",
        help="exit 0 rather than 3 when nothing is broken but some rule could not be verified",
    )
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="also print informational diagnostics"
    )
    parser.set_defaults(run=run)


def _place(v: Violation, lang: str = "en") -> str:
    order = ((v.suspect,) if v.suspect is not None else ()) + v.cells
    for address in order:
        location = v.locations.get(address)
        if location is not None:
            return location.with_source(None).text(lang) or address
    return order[0] if order else ""


def _named(template: TemplateSpec, address: str) -> str:
    """A cell in the report's words, then its address: ``（一）予以公开 · 自然人 [address]``."""
    words = cell_words(template, address)
    return address if words is None else f"{words} [{address}]"


def _message(v: Violation, lang: str, template: TemplateSpec) -> str:
    text = _TEXT[lang]
    message = v.message_zh if lang == "zh" else v.message_en
    if v.suspect is not None:
        fix = "" if v.suggested is None else f", {text['should_be']} {_json_value(v.suggested)}"
        return f"{message} ({text['suspect']}: {_named(template, v.suspect)}{fix})"
    if len(v.candidates) > 1:
        named = ", ".join(_named(template, a) for a in v.candidates)
        return f"{message} ({text['one_of']}: {named})"
    return message


def _shown(diagnostics: Sequence[Diagnostic], verbose: bool) -> list[Diagnostic]:
    return [d for d in diagnostics if verbose or d.severity is not Severity.INFO]


def _json_value(value: object) -> object:
    return str(value) if isinstance(value, Decimal) else value


def _violation_json(v: Violation) -> dict[str, object]:
    return {
        "rule": v.rule,
        "name": v.name,
        "severity": str(v.severity),
        "label": v.label,
        "message_zh": v.message_zh,
        "message_en": v.message_en,
        "cells": list(v.cells),
        "actual": _json_value(v.actual),
        "expected": _json_value(v.expected),
        "difference": _json_value(v.difference),
        "suspect": v.suspect,
        "suggested": None if v.suggested is None else _json_value(v.suggested),
        "candidates": list(v.candidates),
        "location": _place(v),
    }


def _diagnostic_json(d: Diagnostic) -> dict[str, object]:
    return {
        "code": d.code,
        "severity": str(d.severity),
        "message": d.message,
        "message_zh": d.text("zh"),
        "message_en": d.message_en,
        "address": d.address,
        "location": str(d.location.with_source(None)) if d.location is not None else None,
    }


def _file_json(
    name: str,
    read: ReadResult | None,
    result: CheckResult | None,
    error: dict[str, str] | None,
    args: Any,
) -> dict[str, object]:
    if read is None or result is None:
        error = error or {}
        return {
            "file": name,
            "status": "unreadable",
            "error": error.get("en"),
            "error_zh": error.get("zh"),
            "error_en": error.get("en"),
        }
    report = read.report
    return {
        "file": name,
        "status": _status(result, args.strict),
        "organ": report.organ,
        "year": report.year,
        "template": str(report.template),
        "passed": result.passed,
        "unverifiable": len(result.unverifiable),
        "cells_read": _cells_read(read, result),
        "cells_inferred": len(read.inferred),
        "violations": [_violation_json(v) for v in result.violations],
        "warnings": [_violation_json(v) for v in result.warnings],
        "diagnostics": [_diagnostic_json(d) for d in _shown(read.diagnostics, args.verbose)],
        "inferred": [f.address for f in read.inferred],
    }


def _status(result: CheckResult, strict: bool) -> str:
    if strict and result.warnings:
        return str(CheckStatus.FAILED)
    return str(result.status)


def _cells_read(read: ReadResult, result: CheckResult) -> int:
    """Cells the source states: those stated in the report less those the reader inferred."""
    return result.cells_stated - len(read.inferred)


def _exit(counts: dict[str, int], allow_incomplete: bool) -> int:
    if counts["unreadable"]:
        return EXIT_UNREADABLE
    if counts["failed"]:
        return EXIT_FAILED
    if counts["incomplete"] and not allow_incomplete:
        return EXIT_INCOMPLETE
    return EXIT_PASSED


def run(args: Any, out: TextIO | None = None) -> int:
    """Run ``govinfo check`` with parsed ``args``; return the exit status."""
    out = out or sys.stdout
    lang: str = args.lang
    text = _TEXT[lang]
    reads: dict[str, ReadResult] = {}
    errors: dict[str, dict[str, str]] = {}  # by file, the error in each language
    for path in args.files:
        try:
            reads[str(path)] = read_file(path)
        except GovInfoError as exc:
            errors[str(path)] = {"zh": exc.text("zh"), "en": exc.text("en")}
        except Exception as exc:  # a reader bug on one file must not hide the other files
            bug = f"{type(exc).__name__}: {exc}"
            errors[str(path)] = {
                "zh": f"{path}: 内部错误，请报告：{bug}",
                "en": f"{path}: internal error, please report: {bug}",
            }
    previous = previous_years({name: r.report for name, r in reads.items()})
    results = {
        name: r.report.check(previous=previous.get(name)).locate(r.locations)
        for name, r in reads.items()
    }
    documents: list[dict[str, object]] = []
    counts = dict.fromkeys(("passed", "failed", "incomplete", "unreadable"), 0)
    for path in args.files:
        name = str(path)
        read, result = reads.get(name), results.get(name)
        if read is None or result is None:
            counts["unreadable"] += 1
            if args.json:
                documents.append(_file_json(name, None, None, errors.get(name), args))
            else:
                print(errors[name][lang], file=out)
                print(f"{name}: {text['unreadable']}", file=out)
            continue
        status = _status(result, args.strict)
        counts[status] += 1
        if args.json:
            documents.append(_file_json(name, read, result, None, args))
            continue
        diagnostics = _shown(read.diagnostics, args.verbose)
        for d in diagnostics:
            print(diagnostic_line(name, d, lang), file=out)
        for v in result:
            # the severity word first, as in the reading diagnostics' lines
            tag = v.severity.text(lang)
            message = _message(v, lang, read.report.template)
            print(f"{name}:{_place(v, lang)}: {tag}: {v.name} {message}", file=out)
        summary = text["summary"].format(
            violations=len(result.violations),
            warnings=len(result.warnings),
            diagnostics=len(diagnostics),
            unverifiable=len(result.unverifiable),
            passed=result.passed,
            read=_cells_read(read, result),
            inferred=len(read.inferred),
        )
        print(f"{name}: {text[status]}: {summary}", file=out)
    if args.json:
        json.dump({"files": documents, **counts}, out, ensure_ascii=False, indent=1)
        out.write("\n")
    elif len(args.files) > 1:
        print(text["total"].format(files=len(args.files), **counts), file=out)
    return _exit(counts, args.allow_incomplete)
