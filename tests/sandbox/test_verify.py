"""Verify sessions through HTTP: send an OTP, read it back, validate it."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from tests.conftest import DEMO_SUB_AUTH_ID, DEMO_SUB_AUTH_TOKEN
from tests.sandbox.conftest import assert_plivo_error, verify

RECIPIENT = "+14155550123"


def start(client: TestClient, **arguments: Any) -> str:
    response = client.post(verify(), json={"recipient": RECIPIENT, **arguments})
    assert response.status_code == 202, response.text
    assert response.json()["message"] == "Session initiated"
    uuid: str = response.json()["session_uuid"]
    return uuid


def otp_of(client: TestClient, uuid: str) -> str:
    response = client.get(f"/_sandbox/verify/sessions/{uuid}/otp")
    assert response.status_code == 200, response.text
    otp: str = response.json()["otp"]
    return otp


def wrong(otp: str) -> str:
    return "".join(str((int(d) + 1) % 10) for d in otp)


def test_create_sends_an_otp_of_the_default_length(client: TestClient) -> None:
    otp = otp_of(client, start(client))
    assert len(otp) == 6 and otp.isdigit()


def test_create_honours_code_length(client: TestClient) -> None:
    assert len(otp_of(client, start(client, code_length=4))) == 4


def test_a_new_session_is_in_progress_with_one_charged_attempt(client: TestClient) -> None:
    session = client.get(verify(session_uuid=start(client, channel="voice"))).json()
    assert session["status"] == "in-progress"
    assert session["count"] == 1
    assert session["attempt_details"][0]["channel"] == "voice"
    charge = session["charges"]["attempt_charges"][0]
    assert charge["attempt_uuid"] == session["attempt_details"][0]["attempt_uuid"]
    assert float(session["charges"]["total_charge"]) == float(charge["charge"]) > 0


def test_the_right_otp_verifies_the_session(client: TestClient) -> None:
    uuid = start(client)
    response = client.post(verify(session_uuid=uuid), json={"otp": otp_of(client, uuid)})
    assert response.status_code == 200, response.text
    assert response.json()["message"] == "session validated successfully."
    assert client.get(verify(session_uuid=uuid)).json()["status"] == "verified"


def test_a_wrong_otp_is_a_400(client: TestClient) -> None:
    uuid = start(client)
    response = client.post(verify(session_uuid=uuid), json={"otp": wrong(otp_of(client, uuid))})
    assert_plivo_error(response, 400, "OTP")


def test_after_ten_wrong_otps_the_session_refuses_validation(client: TestClient) -> None:
    uuid = start(client)
    otp = otp_of(client, uuid)
    for _ in range(10):
        assert client.post(verify(session_uuid=uuid), json={"otp": wrong(otp)}).status_code == 400
    assert_plivo_error(client.post(verify(session_uuid=uuid), json={"otp": otp}), 409)


def test_the_code_expires(client: TestClient) -> None:
    uuid = start(client)
    otp = otp_of(client, uuid)
    client.post("/_sandbox/clock/advance", json={"seconds": 3600})
    assert client.get(verify(session_uuid=uuid)).json()["status"] == "expired"
    assert_plivo_error(client.post(verify(session_uuid=uuid), json={"otp": otp}), 409, "expired")


def test_get_answers_the_session_flat(client: TestClient) -> None:
    uuid = start(client)
    session = client.get(verify(session_uuid=uuid)).json()
    assert session["session_uuid"] == uuid
    assert session["recipient"] == RECIPIENT.lstrip("+")
    assert "response" not in session


def test_list_answers_sessions_and_meta(client: TestClient) -> None:
    uuids = [start(client) for _ in range(3)]
    body = client.get(verify() + "?limit=2").json()
    assert [s["session_uuid"] for s in body["sessions"]] == uuids[::-1][:2]
    assert client.get(body["meta"]["next"]).json()["sessions"][0]["session_uuid"] == uuids[0]


def test_list_filters_by_status(client: TestClient) -> None:
    done = start(client)
    client.post(verify(session_uuid=done), json={"otp": otp_of(client, done)})
    start(client)
    verified = client.get(verify() + "?status=verified").json()["sessions"]
    assert [s["session_uuid"] for s in verified] == [done]


def test_list_covers_the_last_24_hours_by_default(client: TestClient) -> None:
    start(client)
    client.post("/_sandbox/clock/advance", json={"seconds": 25 * 3600})
    assert client.get(verify()).json()["sessions"] == []


def test_list_is_rate_limited_to_20_a_minute(client: TestClient) -> None:
    for _ in range(20):
        assert client.get(verify()).status_code == 200
    assert_plivo_error(client.get(verify()), 429, "too many requests")


def test_a_subaccount_cannot_read_its_parents_verify_session(client: TestClient) -> None:
    uuid = start(client)
    response = client.get(
        verify(DEMO_SUB_AUTH_ID, uuid), auth=(DEMO_SUB_AUTH_ID, DEMO_SUB_AUTH_TOKEN)
    )
    assert_plivo_error(response, 404)
