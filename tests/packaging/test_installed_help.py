"""``plivo-sandbox --help`` of an installed wheel points at files the install has.

A user with no checkout reads there where the example config is: the path
shown is the installed package's own copy, and ``--print-example-config``
prints it.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

from tests.packaging.test_wheel import venv, wheel  # noqa: F401 (the fixtures)


def run(home: Path, *flags: str) -> str:
    return subprocess.run(
        [str(home / "bin" / "plivo-sandbox"), *flags],
        cwd=home,  # not the checkout
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    ).stdout


def test_the_help_points_at_the_installed_example_config(venv: Path) -> None:  # noqa: F811
    shown = run(venv, "--help")
    (path,) = re.findall(r"the file itself: (\S+)\)", shown)

    assert Path(path).is_relative_to(venv)
    assert Path(path).read_text() == run(venv, "--print-example-config")
