"""The sandbox's folders are layers: each imports only the layers below it.

CONTRIBUTING.md's Layout states the order; this test reads every import of
the package (``import`` and ``from ... import``, inside functions too) and
fails on any that points up or sideways, naming the module and the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

from tests.conftest import REPO_ROOT

PACKAGE = REPO_ROOT / "plivo_sandbox"
# Lowest first. A layer may import the layers before it on this list, never one after.
# Layers on one line sit side by side: neither imports the other.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("store", "events", "testing"),
    ("masking", "verify"),
    ("assembly",),
    ("http",),
    ("control",),
    ("app",),
    ("proxy",),
    ("server",),
    ("__main__", "__init__"),
)
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def layer_of(path: Path) -> str:
    """The layer of a module: its folder under the package, or its own name at the top."""
    parts = path.relative_to(PACKAGE).parts
    return parts[0] if len(parts) > 1 else path.stem


def imported_layers(path: Path) -> list[tuple[str, str]]:
    """The package layers ``path`` imports, each with the module named."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "plivo_sandbox" and len(parts) > 1:
                found.append((parts[1], name))
    return found


def test_every_module_of_the_package_has_a_layer() -> None:
    modules = sorted(PACKAGE.rglob("*.py"))
    assert [str(m) for m in modules if layer_of(m) not in RANK] == []


def test_each_layer_imports_only_the_layers_below_it() -> None:
    wrong = []
    for module in sorted(PACKAGE.rglob("*.py")):
        here = layer_of(module)
        for there, name in imported_layers(module):
            if there != here and RANK[there] >= RANK[here]:
                wrong.append(f"{module.relative_to(REPO_ROOT)} ({here}) imports {name} ({there})")
    assert wrong == []


def test_contributing_states_the_same_order() -> None:
    text = (REPO_ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    order = " < ".join(", ".join(names) for names in LAYERS[:-1])
    assert order in text
