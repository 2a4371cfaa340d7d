"""The import graph runs one way: model ← rules ← reading/writing ← display/cli.

Each package of ``govinfo`` has a layer; at run time a module imports only from its own layer
or below, and readers and writers never import each other. Imports under ``if TYPE_CHECKING:``
are annotations only (``report.check()`` returns a ``CheckResult``) and are not counted; a
deferred import inside a function is counted like any other, so none can hide a cycle.
"""

from __future__ import annotations

import ast
from pathlib import Path

import govinfo

SRC = Path(govinfo.__file__).resolve().parent

#: The layer of each top-level module or package of govinfo (``""`` is ``govinfo`` itself).
LAYERS = {
    "_digits": 0,
    "_hooks": 0,
    "_safe": 0,
    "errors": 0,
    "locations": 0,
    "diagnostics": 0,
    "templates": 1,
    "model": 2,
    "rules": 3,
    "schema": 4,
    "reading": 5,
    "writing": 5,
    "convert": 5,
    "frames": 5,
    "strategies": 5,
    "display": 6,
    "cli": 7,
    "__main__": 7,
    "_diagnostics_docs": 7,
    "": 7,
}
#: Pairs of one layer that must not import each other.
APART = {("reading", "writing"), ("writing", "reading")}


def _part(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _runtime_imports(tree: ast.AST) -> list[tuple[int, str]]:
    """``(line, module)`` of every govinfo import outside ``if TYPE_CHECKING:`` blocks."""
    found: list[tuple[int, str]] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and _is_type_checking(node):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "govinfo":
                found.extend((node.lineno, f"govinfo.{a.name}") for a in node.names)
            elif node.module.startswith("govinfo."):
                found.append((node.lineno, node.module))
        elif isinstance(node, ast.Import):
            found.extend((node.lineno, a.name) for a in node.names if a.name.startswith("govinfo"))
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def _modules() -> list[tuple[Path, str]]:
    result = []
    for path in sorted(SRC.rglob("*.py")):
        module = ".".join(("govinfo", *path.relative_to(SRC).with_suffix("").parts))
        result.append((path, module.removesuffix(".__init__")))
    return result


def test_every_module_has_a_layer() -> None:
    assert {_part(m) for _, m in _modules()} <= set(LAYERS)


def test_imports_run_one_way() -> None:
    wrong = []
    for path, module in _modules():
        source = _part(module)
        for line, target in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            part = _part(target)
            if part not in LAYERS:  # a name re-exported by govinfo/__init__ (__version__)
                continue
            if LAYERS[part] > LAYERS[source] or (source, part) in APART:
                wrong.append(f"{path.relative_to(SRC)}:{line}: {module} imports {target}")
    assert not wrong, "\n".join(wrong)


def test_the_checker_would_catch_an_upward_import() -> None:
    """The test above can fail: an upward import in model is found."""
    tree = ast.parse("from govinfo.rules.check import check\n")
    assert _runtime_imports(tree) == [(1, "govinfo.rules.check")]
    guarded = ast.parse(
        "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from govinfo.rules import x\n"
    )
    assert _runtime_imports(guarded) == []
