"""The package's layers (design §2): a module imports only from layers below it, never a cycle.

Every import counts, also those inside functions and under ``TYPE_CHECKING``: a lazy import is
still a dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from conftest import ROOT

PACKAGE = ROOT / "framing"

# Lowest first. Packages on the same rank are siblings and may not import each other.
LAYERS = [
    ["framing.errors", "framing.limits", "framing.__version__"],
    ["framing.text"],
    ["framing.schema"],
    ["framing.codebook"],
    ["framing.annotate", "framing.models"],
    ["framing.scoring"],
    ["framing.io"],
    ["framing.analysis"],
    ["framing.api", "framing.engine"],
    ["framing.cli"],
]
MODELS_MAY_IMPORT = ("framing.errors", "framing.limits", "framing.text", "framing.schema", "framing.codebook",
                     "framing.models", "framing.__version__")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_module(name: str) -> bool:
    path = ROOT / Path(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def imports(path: Path) -> set[str]:
    """Every framing module ``path`` imports, at any depth of the code."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("framing")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("framing") and node.level == 0:
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                if _is_module(child):
                    found.add(child)
                elif node.module == "framing":
                    found.add(f"framing.{alias.name}" if alias.name == "__version__" else "framing")
                else:
                    found.add(node.module)
    return found


def graph() -> dict[str, set[str]]:
    """``{module: imported modules}`` for the whole package."""
    return {_module_name(p): imports(p) for p in PACKAGE.rglob("*.py")}


def layer(module: str) -> tuple[int, str] | None:
    """(rank, group) of a module, None for the package root (the lazy facade) and data."""
    for rank, groups in enumerate(LAYERS):
        for group in groups:
            if module == group or module.startswith(group + "."):
                return rank, group
    return None


def test_every_module_has_a_layer():
    loose = [m for m in graph() if layer(m) is None and m not in ("framing", "framing.data")]
    assert not loose, f"modules outside the layers of design §2: {loose}"


def test_no_upward_or_sideways_import():
    problems = []
    for module, targets in graph().items():
        here = layer(module)
        if here is None:
            continue
        for target in targets:
            there = layer(target)
            if there is None:
                problems.append(f"{module} imports {target} (the package facade)")
            elif there[0] > here[0] or (there[0] == here[0] and there[1] != here[1]):
                problems.append(f"{module} (layer {here[0]}) imports {target} (layer {there[0]})")
    assert not problems, "\n".join(sorted(problems))


def test_models_import_only_text_codebook_errors_and_the_schema_helpers():
    problems = [f"{m} imports {t}" for m, targets in graph().items() if m.startswith("framing.models")
                for t in targets if not t.startswith(MODELS_MAY_IMPORT)]
    assert not problems, problems


def test_no_import_cycle():
    edges = graph()
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        stack.append(module)
        for target in sorted(edges.get(module, ())):
            if target == module:
                continue
            if state.get(target) == 1:
                cycle = stack[stack.index(target):] + [target]
                pytest.fail("import cycle: " + " -> ".join(cycle))
            if target in edges and not state.get(target):
                visit(target)
        stack.pop()
        state[module] = 2

    for module in sorted(edges):
        if not state.get(module):
            visit(module)


def test_the_rule_catches_function_level_imports(tmp_path):
    """The walker sees imports inside functions (the kind that hid the old model <-> scoring cycle)."""
    source = tmp_path / "m.py"
    source.write_text("def f():\n    from framing.scoring import Scorer\n    import framing.analysis.aggregate\n", "utf-8")
    assert imports(source) == {"framing.scoring", "framing.analysis.aggregate"}
