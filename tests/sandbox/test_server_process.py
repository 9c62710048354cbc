"""``python -m plivo_sandbox`` as a user runs it: two workers, one shared state, restarts."""

from __future__ import annotations

import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx

from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, REPO_ROOT, free_port

AUTH = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
MASKING = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"


@contextmanager
def sandbox_process(data_dir: Path, workers: int) -> Iterator[str]:
    """Run the sandbox command; it also stops by itself after two minutes."""
    port = free_port()
    command = [
        sys.executable, "-m", "plivo_sandbox", "--port", str(port), "--workers", str(workers),
        "--data-dir", str(data_dir), "--max-lifetime", "120",
    ]  # fmt: skip
    process = subprocess.Popen(
        command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if httpx.get(f"{url}/openapi.yaml", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            assert time.monotonic() < deadline, "the sandbox did not start"
            time.sleep(0.1)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def create(url: str, n: int) -> str:
    body = {"first_party": f"+1415555{n:04d}", "second_party": f"+1415556{n:04d}"}
    response = httpx.post(url + MASKING, json=body, auth=AUTH, timeout=30)
    assert response.status_code == 201, response.text
    uuid: str = response.json()["session_uuid"]
    return uuid


def test_two_workers_share_one_state_and_never_duplicate_a_session(tmp_path: Path) -> None:
    with sandbox_process(tmp_path, workers=2) as url:
        with ThreadPoolExecutor(max_workers=8) as pool:
            uuids = list(pool.map(lambda n: create(url, n), range(24)))
        assert len(set(uuids)) == 24
        for uuid in uuids:
            assert httpx.get(f"{url}{MASKING}{uuid}/", auth=AUTH).status_code == 200
        listed = httpx.get(f"{url}{MASKING}?limit=1", auth=AUTH).json()["response"]["meta"]
        assert listed["total_count"] == 24


def test_a_restart_loses_nothing(tmp_path: Path) -> None:
    with sandbox_process(tmp_path, workers=1) as url:
        uuid = create(url, 1)
    with sandbox_process(tmp_path, workers=1) as url:
        assert httpx.get(f"{url}{MASKING}{uuid}/", auth=AUTH).status_code == 200
