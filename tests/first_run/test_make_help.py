"""``make help`` (and plain ``make``) leads with the two commands a newcomer needs.

The targets are listed in the Makefile's own order; the set-up helpers a
newcomer never types (Chromium, wrk, the lock) come after everything they do.
"""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from tests.conftest import REPO_ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")

SET_UP_HELPERS = {"chromium", "wrk", "lock"}


def listed_targets(*goal: str) -> list[str]:
    """The targets ``make`` lists, in its order."""
    shown = subprocess.run(
        ["make", "--no-print-directory", *goal],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return re.findall(r"^  make (\S+) +\S", shown, flags=re.MULTILINE)


def test_serve_and_test_come_first() -> None:
    assert listed_targets("help")[:2] == ["serve", "test"]


def test_plain_make_is_make_help() -> None:
    assert listed_targets() == listed_targets("help")


def test_the_set_up_helpers_come_after_every_everyday_target() -> None:
    targets = listed_targets("help")
    everyday = [name for name in targets if name not in SET_UP_HELPERS | {"clean"}]

    assert set(targets) >= SET_UP_HELPERS
    assert max(targets.index(name) for name in everyday) < min(
        targets.index(name) for name in SET_UP_HELPERS
    )
