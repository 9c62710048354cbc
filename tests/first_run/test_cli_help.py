"""``plivo-sandbox --help`` is plain text that tells an installed user every setting.

The settings and environment variables it must name come from the code
itself: the fields of ``SandboxConfig`` (the config file's keys) and the
environment variables ``load_config`` actually reads, recorded as it reads them.
"""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from plivo_sandbox.core.config_file import load_config
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.server.cli import EXAMPLE_CONFIG, SETTINGS

# reStructuredText a terminal shows raw: ``literal``, `title`, :role:`target`.
REST = re.compile(r"``|`[^`\s][^`]*`|:[a-z]+:`")


class RecordingEnv(dict[str, str]):
    """An empty environment that notes every variable looked up in it."""

    def __init__(self) -> None:
        super().__init__()
        self.read: set[str] = set()

    def get(self, key: str, default: Any = None) -> Any:
        self.read.add(key)
        return super().get(key, default)

    def __getitem__(self, key: str) -> str:
        self.read.add(key)
        return super().__getitem__(key)

    def __contains__(self, key: object) -> bool:
        if isinstance(key, str):
            self.read.add(key)
        return super().__contains__(key)


def environment_variables() -> set[str]:
    """Every environment variable ``load_config`` reads."""
    env = RecordingEnv()
    load_config(env=env)
    return env.read


def run(*flags: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "plivo_sandbox", *flags],
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )


@pytest.fixture(scope="module")
def shown() -> str:
    return run("--help").stdout


def test_the_recorded_variables_are_the_ones_the_sandbox_reads() -> None:
    read = environment_variables()

    assert {"HOST", "PORT", "PLIVO_SANDBOX_CONFIG", "PLIVO_SANDBOX_DATA"} <= read
    assert len(read) >= 15


def test_the_help_names_every_environment_variable(shown: str) -> None:
    assert {name for name in environment_variables() if name not in shown} == set()


def test_the_help_names_every_config_file_key(shown: str) -> None:
    keys = {field.name for field in dataclasses.fields(SandboxConfig)}
    assert {key for key in keys if not re.search(rf"^  {key} ", shown, re.MULTILINE)} == set()


def a_value_unlike(default: Any) -> str:
    """An environment value that sets a setting to something other than ``default``."""
    if isinstance(default, bool):
        return str(not default).lower()
    if isinstance(default, int | float):
        return str(default + 7)
    if isinstance(default, tuple):
        return "example.com"
    if isinstance(default, Path):
        return "elsewhere"
    return "https://sandbox.example.com"  # a string, and a URL where one is wanted


@pytest.mark.parametrize(("key", "variable"), [(k, v) for k, v, _ in SETTINGS if v])
def test_each_variable_the_help_pairs_with_a_key_sets_that_key(key: str, variable: str) -> None:
    default = getattr(load_config(env={}), key)
    changed = getattr(load_config(env={variable: a_value_unlike(default)}), key)

    assert changed != default


def test_the_help_holds_no_restructuredtext(shown: str) -> None:
    assert REST.findall(shown) == []


def test_the_help_says_where_the_example_config_is(shown: str) -> None:
    assert "plivo-sandbox --print-example-config" in shown
    assert str(EXAMPLE_CONFIG) in shown  # the package's own copy, wherever it is installed
    assert EXAMPLE_CONFIG.is_file()


def test_the_printed_example_config_is_a_config_file(tmp_path: Path) -> None:
    printed = run("--print-example-config").stdout
    (tmp_path / "sandbox.toml").write_text(printed)

    assert printed == EXAMPLE_CONFIG.read_text()
    assert load_config(tmp_path / "sandbox.toml", env={}) == load_config(env={})


def test_the_help_fits_a_terminal(shown: str) -> None:
    assert max(len(line) for line in shown.splitlines()) <= 80
