"""The sandbox's own control API, for test suites (not part of Plivo)."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.testclient import TestClient

from plivo_sandbox.clock import OFFSET_KEY
from plivo_sandbox.sandbox import Sandbox
from plivo_sandbox.timefmt import CLOCK_LIMIT, to_micros
from tests.sandbox.conftest import TWO_PARTIES, assert_plivo_error, masking


def test_the_clock_can_be_read(client: TestClient) -> None:
    body = client.get("/_sandbox/clock").json()
    assert datetime.fromisoformat(body["now"])
    assert abs(body["offset_seconds"]) < 5


def test_advancing_the_clock_moves_it_forward(client: TestClient) -> None:
    body = client.post("/_sandbox/clock/advance", json={"seconds": 3600}).json()
    assert 3590 < body["offset_seconds"] < 3610


def test_the_clock_cannot_move_backwards(client: TestClient) -> None:
    assert_plivo_error(client.post("/_sandbox/clock/advance", json={"seconds": -5}), 400, "seconds")


def test_reset_forgets_every_session(client: TestClient) -> None:
    uuid = client.post(masking(), json=TWO_PARTIES).json()["session_uuid"]
    assert client.post("/_sandbox/reset", json={}).json() == {"message": "sandbox reset"}
    assert_plivo_error(client.get(masking(session_uuid=uuid)), 404)


def test_reading_the_otp_of_an_unknown_session_is_a_404(client: TestClient) -> None:
    response = client.get("/_sandbox/verify/sessions/6e0f3b8c-1d2a-4e5f-8a9b-0c1d2e3f4a5b/otp")
    assert_plivo_error(response, 404)


def test_the_clock_cannot_be_moved_past_its_limit(client: TestClient, sandbox: Sandbox) -> None:
    # Where 788 ten-year advances lead (tests/domain/test_time_bounds.py makes all 800).
    near_limit = to_micros(CLOCK_LIMIT) - to_micros(datetime.now(UTC)) - 5 * 365 * 86400 * 10**6
    with sandbox.store.transaction() as tx:
        tx.set_setting(OFFSET_KEY, str(near_limit))
    response = client.post("/_sandbox/clock/advance", json={"seconds": 315360000})
    assert_plivo_error(response, 400, "reset")
    assert client.get("/_sandbox/clock").status_code == 200
    # At the limit, even the longest session Plivo allows (68 years) stays showable.
    created = client.post(masking(), json={**TWO_PARTIES, "session_expiry": 2147483647})
    assert created.status_code == 201, created.text
    assert client.get(masking()).json()["response"]["meta"]["total_count"] == 1
