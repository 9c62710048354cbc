"""CONTRIBUTING.md's layout names what the repository holds, so it cannot go stale unseen.

The README's old Layout section missed modules, test folders and scripts that
had been added after it was written. Each module and data file of the sandbox
package, each folder and helper module of ``tests/``, each script and each
top-level entry of the repository must appear in the layout block.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

CONTRIBUTING = REPO_ROOT / "CONTRIBUTING.md"
# Top-level entries of a working copy that are not part of the repository.
NOT_TRACKED = {"build", "data", "node_modules", "reports"}


def layout() -> str:
    """The fenced block under ``## Layout``."""
    text = CONTRIBUTING.read_text(encoding="utf-8")
    section = text[text.index("## Layout") :]
    found = re.search(r"^```\n(.*?)^```\n", section, re.MULTILINE | re.DOTALL)
    assert found is not None
    return found.group(1)


def sandbox_files() -> list[Path]:
    """The sandbox package's modules and data files, and its subpackages' folders."""
    package = REPO_ROOT / "plivo_sandbox"
    return sorted(
        path
        for path in package.rglob("*")
        if "__pycache__" not in path.parts and path.name not in ("__init__.py", "__pycache__")
    )


def layout_paths() -> set[str]:
    """Every path the layout block names, folders spelled out from its indentation.

    An entry is the first column of a line (``name`` or ``a.py, b.html``),
    indented two spaces under its folder; a line indented to the description
    column continues the one above.
    """
    paths: set[str] = set()
    folders: list[str] = []
    for line in layout().splitlines():
        indent = len(line) - len(line.lstrip(" "))
        if not line.strip() or indent >= 20:
            continue
        depth = indent // 2
        names = line.strip().split("  ")[0]
        del folders[depth:]
        for name in names.split(", "):
            paths.add("/".join([*folders, name.strip().rstrip("/")]))
        if names.endswith("/"):
            folders.append(names.rstrip("/"))
    return paths


def test_the_layout_names_every_module_of_the_sandbox_in_its_folder() -> None:
    named = layout_paths()
    files = [path.relative_to(REPO_ROOT).as_posix() for path in sandbox_files()]
    assert [path for path in files if path not in named] == []


def test_the_layout_names_every_folder_and_helper_of_the_tests() -> None:
    block = layout()
    tests = REPO_ROOT / "tests"
    entries = [p.name for p in tests.iterdir() if p.is_dir() and p.name != "__pycache__"]
    entries += [p.name for p in tests.glob("*.py") if p.name != "__init__.py"]
    entries += [p.name for p in (tests / "fixtures").iterdir() if p.is_dir()]
    assert [entry for entry in sorted(entries) if entry not in block] == []


@pytest.mark.parametrize("folder", ["scripts", "bench", "examples"])
def test_the_layout_names_every_script(folder: str) -> None:
    block = layout()
    scripts = sorted(p.name for p in (REPO_ROOT / folder).glob("*.*"))
    assert [name for name in scripts if name not in block] == []


def test_the_layout_names_every_top_level_entry() -> None:
    block = layout()
    entries = sorted(
        path.name
        for path in REPO_ROOT.iterdir()
        if not path.name.startswith(".")
        and path.name not in NOT_TRACKED
        and not path.name.endswith(".egg-info")
    )
    assert [entry for entry in entries if entry not in block] == []
