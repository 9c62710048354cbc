"""``plivo_sandbox``'s public API: every name in ``__all__`` is there, and importing it is light."""

from __future__ import annotations

import subprocess
import sys

import plivo_sandbox


def test_every_public_name_resolves() -> None:
    for name in plivo_sandbox.__all__:
        assert getattr(plivo_sandbox, name).__name__ == name


def test_a_sandbox_runs_from_the_package_alone() -> None:
    config = plivo_sandbox.load_config(env={})
    box = plivo_sandbox.Sandbox(plivo_sandbox.SandboxConfig(accounts=config.accounts))
    try:
        assert box.clock.now().tzinfo is not None
    finally:
        box.close()


def test_importing_the_package_loads_no_web_framework() -> None:
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, plivo_sandbox; print('connexion' in sys.modules)"],
        capture_output=True,
        text=True,
        check=True,
    )

    assert loaded.stdout.strip() == "False"
