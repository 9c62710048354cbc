"""HTTP-level fixtures: a test client signed in as the demo account."""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN

TWO_PARTIES = {"first_party": "+14155550100", "second_party": "+14155550199"}


def masking(auth_id: str = DEMO_AUTH_ID, session_uuid: str | None = None) -> str:
    """The masking URL of ``auth_id`` (the collection, or one session)."""
    base = f"/v1/Account/{auth_id}/Masking/Session"
    return f"{base}/{session_uuid}" if session_uuid else base


def verify(auth_id: str = DEMO_AUTH_ID, session_uuid: str | None = None) -> str:
    """The Verify URL of ``auth_id`` (the collection, or one session)."""
    base = f"/v1/Account/{auth_id}/Verify/Session"
    return f"{base}/{session_uuid}" if session_uuid else base


@pytest.fixture
def client(app: Starlette) -> Iterator[TestClient]:
    """Requests as the demo main account, unless a test passes other ``auth``."""
    token = base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()
    with TestClient(app, headers={"Authorization": f"Basic {token}"}) as test_client:
        yield test_client


def assert_plivo_error(response: Any, status: int, mentions: str = "") -> None:
    """The response is Plivo's error shape with ``status``, its text mentioning ``mentions``."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"api_id", "error"}
    assert body["api_id"] and body["error"]
    assert mentions.lower() in body["error"].lower(), body["error"]
