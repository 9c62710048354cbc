"""Helpers for running ``python -m plivo_sandbox`` and talking to servers over raw sockets."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO_ROOT


def run_sandbox(
    *flags: str, env: dict[str, str] | None = None, timeout: float = 60
) -> subprocess.CompletedProcess[str]:
    """Run the sandbox with ``flags`` until it exits by itself (a start-up failure)."""
    return subprocess.run(
        [sys.executable, "-m", "plivo_sandbox", *flags],
        cwd=REPO_ROOT,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """The single stderr line of a failed start (no traceback, no banner)."""
    assert result.returncode != 0, result.stdout
    assert "Traceback" not in result.stderr, result.stderr
    assert "running" not in result.stdout, result.stdout
    lines = [line for line in result.stderr.splitlines() if line.startswith("plivo-sandbox:")]
    assert len(lines) == 1, result.stderr
    return lines[0]


def data_file(directory: Path) -> Path:
    """The database file of a data directory."""
    return directory / "sandbox.sqlite3"
