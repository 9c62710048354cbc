"""The sandbox's own control API, for test suites (not part of Plivo)."""

from __future__ import annotations

from datetime import UTC, datetime

from starlette.testclient import TestClient

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.clock import OFFSET_KEY
from plivo_sandbox.core.times import CLOCK_LIMIT, to_micros
from tests.sandbox.conftest import TWO_PARTIES, assert_plivo_error, masking, verify


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


def test_the_root_leads_a_browser_to_the_docs(client: TestClient) -> None:
    answer = client.get("/", follow_redirects=False)
    assert answer.status_code == 307
    assert answer.headers["location"] == "/docs"


def test_health_answers_ok(client: TestClient) -> None:
    assert client.get("/_sandbox/health").json() == {"status": "ok"}


def test_the_latest_otp_sent_to_a_recipient_can_be_read(client: TestClient) -> None:
    client.post(verify(), json={"recipient": "+14155550123"})
    latest = client.post(verify(), json={"recipient": "+14155550123"}).json()["session_uuid"]
    answer = client.get("/_sandbox/verify/recipients/+14155550123/otp").json()
    assert answer["session_uuid"] == latest
    validated = client.post(verify(session_uuid=latest), json={"otp": answer["otp"]})
    assert validated.status_code == 200, validated.text


def test_the_latest_otp_of_a_recipient_never_sent_one_is_a_404(client: TestClient) -> None:
    assert_plivo_error(
        client.get("/_sandbox/verify/recipients/14155550123/otp"), 404, "+14155550123"
    )


def test_the_clock_can_be_set_to_a_later_time(client: TestClient) -> None:
    body = client.put("/_sandbox/clock", json={"now": "2035-06-01T12:00:00+02:00"}).json()
    assert body["now"].startswith("2035-06-01T10:00:00")


def test_setting_the_clock_expires_the_sessions_due_before(client: TestClient) -> None:
    uuid = client.post(masking(), json={**TWO_PARTIES, "session_expiry": 600}).json()[
        "session_uuid"
    ]
    client.put("/_sandbox/clock", json={"now": "2035-06-01T12:00:00Z"})
    assert client.get(masking(session_uuid=uuid)).json()["response"]["status"] == "expired"


def test_the_clock_cannot_be_set_back(client: TestClient) -> None:
    client.put("/_sandbox/clock", json={"now": "2035-06-01T12:00:00Z"})
    answer = client.put("/_sandbox/clock", json={"now": "2035-05-01T12:00:00Z"})
    assert_plivo_error(answer, 400, "only moves forward")


def test_a_time_without_an_offset_is_refused(client: TestClient) -> None:
    assert_plivo_error(client.put("/_sandbox/clock", json={"now": "2035-06-01T12:00:00"}), 400)


def test_a_forced_answer_replaces_the_next_call_only(client: TestClient) -> None:
    forced = client.post(
        "/_sandbox/forced-answers", json={"operation_id": "list_masking_sessions", "status": 500}
    )
    assert forced.json()["count"] == 1
    assert_plivo_error(client.get(masking()), 500, "forced by the sandbox")
    assert client.get(masking()).status_code == 200


def test_a_forced_answer_can_cover_several_calls(client: TestClient) -> None:
    client.post(
        "/_sandbox/forced-answers",
        json={"operation_id": "create_verify_session", "status": 429, "count": 2},
    )
    for _ in range(2):
        assert_plivo_error(client.post(verify(), json={"recipient": "+14155550123"}), 429)
    assert client.post(verify(), json={"recipient": "+14155550123"}).status_code == 202


def test_a_forced_answer_changes_no_state(client: TestClient) -> None:
    client.post(
        "/_sandbox/forced-answers", json={"operation_id": "create_masking_session", "status": 500}
    )
    client.post(masking(), json=TWO_PARTIES)
    assert client.get(masking()).json()["response"]["meta"]["total_count"] == 0


def test_only_a_documented_status_can_be_forced(client: TestClient) -> None:
    answer = client.post(
        "/_sandbox/forced-answers", json={"operation_id": "list_masking_sessions", "status": 418}
    )
    assert_plivo_error(answer, 400, "not documented")


def test_only_an_operation_of_the_spec_can_be_forced(client: TestClient) -> None:
    answer = client.post("/_sandbox/forced-answers", json={"operation_id": "nope", "status": 500})
    assert_plivo_error(answer, 400, "operation_id")


def test_reset_forgets_pending_forced_answers(client: TestClient) -> None:
    client.post(
        "/_sandbox/forced-answers", json={"operation_id": "list_masking_sessions", "status": 500}
    )
    client.post("/_sandbox/reset", json={})
    assert client.get(masking()).status_code == 200


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
