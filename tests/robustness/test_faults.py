"""Faults around a running sandbox: its supervisor killed, its database locked from outside."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from plivo_sandbox.testing.process import free_port, sandbox_process
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, REPO_ROOT
from tests.robustness.conftest import data_file

AUTH = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
MASKING = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"
LOCK_TIMEOUT = 0.5


def _children(pid: int) -> set[int]:
    found: set[int] = set()
    for task in Path(f"/proc/{pid}/task").iterdir():
        found |= {int(child) for child in (task / "children").read_text().split()}
    return found


def _running(pid: int) -> bool:
    """Alive and not a zombie waiting for a reaper."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"


def test_workers_exit_when_their_supervisor_is_killed(tmp_path: Path) -> None:
    port = free_port()
    supervisor = subprocess.Popen(
        [sys.executable, "-m", "plivo_sandbox", "--port", str(port), "--workers", "2",
         "--data-dir", str(tmp_path), "--max-lifetime", "120"],
        cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )  # fmt: skip
    assert supervisor.stdout is not None
    assert "running on" in supervisor.stdout.readline()
    workers = _children(supervisor.pid)
    assert len(workers) >= 2
    assert httpx.get(f"http://127.0.0.1:{port}/openapi.yaml").status_code == 200

    os.kill(supervisor.pid, signal.SIGKILL)
    supervisor.wait()
    deadline = time.monotonic() + 10
    while any(_running(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not any(_running(pid) for pid in workers)
    with pytest.raises(httpx.ConnectError):  # nothing serves on the port any more
        httpx.get(f"http://127.0.0.1:{port}/openapi.yaml", timeout=2)


def test_an_outside_lock_gives_writers_a_quick_retryable_503_and_readers_go_on(
    tmp_path: Path,
) -> None:
    env = {"PLIVO_SANDBOX_LOCK_TIMEOUT": str(LOCK_TIMEOUT)}
    with sandbox_process(data_dir=tmp_path, env=env, max_lifetime=120) as url:
        body = {"first_party": "+14155550100", "second_party": "+14155550199"}
        created = httpx.post(url + MASKING, json=body, auth=AUTH, timeout=30)
        uuid = created.json()["session_uuid"]
        outside = sqlite3.connect(data_file(tmp_path), isolation_level=None)
        outside.execute("BEGIN EXCLUSIVE")
        try:
            with httpx.Client(base_url=url, auth=AUTH, timeout=30) as client:

                def write(n: int) -> httpx.Response:
                    # Started at once: each answer comes about LOCK_TIMEOUT after its request.
                    return client.post(
                        MASKING, json={"first_party": f"+1415555{n:04d}", "second_party":
                                       f"+1415556{n:04d}"},
                    )  # fmt: skip

                with ThreadPoolExecutor(max_workers=45) as pool:
                    writes = [pool.submit(write, n) for n in range(45)]
                    time.sleep(0.2)
                    started = time.monotonic()
                    read = client.get(f"{MASKING}{uuid}/")
                    read_seconds = time.monotonic() - started
                    answers = [future.result() for future in writes]
                    writes_seconds = time.monotonic() - started
        finally:
            outside.execute("ROLLBACK")
            outside.close()
        assert read.status_code == 200
        # Before: 21 s behind 45 queued writers. Now a read never waits for their lock.
        assert read_seconds < LOCK_TIMEOUT * 4, read_seconds
        # Before: 30 s each, then a 500. Now the whole queue is answered within a few timeouts.
        assert writes_seconds < LOCK_TIMEOUT * 8, writes_seconds
        for answer in answers:
            assert answer.status_code == 503, answer.text
            assert answer.headers["retry-after"] == "1"
            assert set(answer.json()) == {"api_id", "error"}
            assert "retry" in answer.json()["error"]
        # Nothing half-written; once the lock is gone, writes succeed again.
        listed = httpx.get(url + MASKING, auth=AUTH).json()["response"]["meta"]["total_count"]
        assert listed == 1
        assert httpx.post(url + MASKING, json=body | {"first_party": "+14155550101"},
                          auth=AUTH).status_code == 201  # fmt: skip


def test_the_control_api_answers_an_outside_lock_with_the_same_retryable_503(
    tmp_path: Path,
) -> None:
    env = {"PLIVO_SANDBOX_LOCK_TIMEOUT": str(LOCK_TIMEOUT)}
    with sandbox_process(data_dir=tmp_path, env=env, max_lifetime=120) as url:
        forced = {"operation_id": "get_masking_session", "status": 500}
        outside = sqlite3.connect(data_file(tmp_path), isolation_level=None)
        outside.execute("BEGIN EXCLUSIVE")
        try:
            answer = httpx.post(url + "/_sandbox/forced-answers", json=forced, timeout=30)
        finally:
            outside.execute("ROLLBACK")
            outside.close()

        assert answer.status_code == 503, answer.text
        assert answer.headers["retry-after"] == "1"
        assert set(answer.json()) == {"api_id", "error"}
        assert "retry" in answer.json()["error"]
        assert httpx.post(url + "/_sandbox/forced-answers", json=forced).status_code == 200
