"""``python -m plivo_sandbox`` refuses what it cannot serve in one clear line, before "running"."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from plivo_sandbox.testing.process import free_port
from tests.conftest import REPO_ROOT
from tests.robustness.conftest import data_file, one_line_error, run_sandbox


@pytest.mark.parametrize(
    ("flags", "mentions"),
    [
        (["--workers", "0"], "argument --workers: 0"),
        (["--workers", "-3"], "argument --workers: -3"),
        (["--port", "70000"], "argument --port: 70000"),
        (["--port", "http"], "argument --port"),
        (["--max-lifetime", "-5"], "argument --max-lifetime: -5"),
        (["--max-lifetime", "0"], "argument --max-lifetime: 0"),
    ],
)
def test_a_bad_flag_is_one_line_naming_the_flag(flags: list[str], mentions: str) -> None:
    result = run_sandbox(*flags)
    assert result.returncode == 2
    assert mentions in one_line_error(result)
    assert "PORT" not in result.stderr


def test_a_bad_environment_setting_is_one_line_naming_it() -> None:
    result = run_sandbox(env={"PLIVO_SANDBOX_LOCK_TIMEOUT": "soon"})
    assert "PLIVO_SANDBOX_LOCK_TIMEOUT" in one_line_error(result)


def test_several_workers_on_memory_state_are_refused() -> None:
    line = one_line_error(run_sandbox("--workers", "2", "--data-dir", ":memory:"))
    assert "--workers 2 needs a data directory" in line


def test_a_file_that_is_not_a_database_is_named_at_start(tmp_path: Path) -> None:
    data_file(tmp_path).write_bytes(b"not a database" * 200)
    line = one_line_error(run_sandbox("--data-dir", str(tmp_path), "--port", str(free_port())))
    assert f"{data_file(tmp_path)} is not a usable SQLite database" in line
    assert "move it away" in line


def test_a_data_dir_under_a_regular_file_is_named_at_start(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    line = one_line_error(run_sandbox("--data-dir", str(tmp_path / "file" / "data")))
    assert f"{tmp_path / 'file' / 'data'} cannot be used as the data directory" in line


def test_a_directory_the_sandbox_cannot_write_is_named_at_start(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        # chmod does not stop root; /proc/self is a directory no one can create files in.
        unwritable = Path("/proc/self")
    else:
        unwritable = tmp_path / "read-only"
        unwritable.mkdir(mode=0o500)
    line = one_line_error(run_sandbox("--data-dir", str(unwritable)))
    assert str(unwritable) in line and "writable" in line


def test_a_taken_port_is_named_with_a_port_hint() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        line = one_line_error(run_sandbox("--port", str(port), "--data-dir", ":memory:"))
    assert f"port {port} on 127.0.0.1 is in use" in line
    assert f"PORT={port + 1}" in line


@pytest.mark.parametrize("workers", [1, 2])
def test_the_banner_comes_once_the_server_answers(tmp_path: Path, workers: int) -> None:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "plivo_sandbox", "--port", str(port), "--workers", str(workers),
         "--data-dir", str(tmp_path), "--max-lifetime", "60"],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert "running on" in banner
        # No retry: the first connection after the banner is served.
        with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
            conn.sendall(b"GET /openapi.yaml HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            assert conn.recv(64).startswith(b"HTTP/1.1 200")
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_max_lifetime_stops_the_server_without_a_traceback(tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_sandbox(
        "--port", str(free_port()), "--data-dir", str(tmp_path), "--max-lifetime", "0.5"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert time.monotonic() - started < 30
