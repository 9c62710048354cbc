"""``python -m plivo_sandbox`` as a user runs it: two workers, one shared state, restarts."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from plivo_sandbox.testing.process import sandbox_process
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN

AUTH = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
MASKING = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"


def create(url: str, n: int) -> str:
    body = {"first_party": f"+1415555{n:04d}", "second_party": f"+1415556{n:04d}"}
    response = httpx.post(url + MASKING, json=body, auth=AUTH, timeout=30)
    assert response.status_code == 201, response.text
    uuid: str = response.json()["session_uuid"]
    return uuid


def test_two_workers_share_one_state_and_never_duplicate_a_session(tmp_path: Path) -> None:
    with sandbox_process(data_dir=tmp_path, workers=2, max_lifetime=120) as url:
        with ThreadPoolExecutor(max_workers=8) as pool:
            uuids = list(pool.map(lambda n: create(url, n), range(24)))
        assert len(set(uuids)) == 24
        for uuid in uuids:
            assert httpx.get(f"{url}{MASKING}{uuid}/", auth=AUTH).status_code == 200
        listed = httpx.get(f"{url}{MASKING}?limit=1", auth=AUTH).json()["response"]["meta"]
        assert listed["total_count"] == 24


def test_a_restart_loses_nothing(tmp_path: Path) -> None:
    with sandbox_process(data_dir=tmp_path, max_lifetime=120) as url:
        uuid = create(url, 1)
    with sandbox_process(data_dir=tmp_path, max_lifetime=120) as url:
        assert httpx.get(f"{url}{MASKING}{uuid}/", auth=AUTH).status_code == 200
