"""Verify status callbacks: each delivery attempt's progress reaches ``url``; failures on demand."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from plivo.utils.signature_v3 import validate_v3_signature
from starlette.testclient import TestClient

from plivo_sandbox.core.spec import ApiSpec
from tests.callback_receiver import CallbackReceiver, Received
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN
from tests.sandbox.conftest import assert_plivo_error, verify

RECIPIENT = "+14155550123"
FAILURES = "/_sandbox/verify/delivery-failures"


@pytest.fixture
def api(live_url: str) -> Iterator[httpx.Client]:
    """The sandbox over real HTTP, as the demo main account."""
    with httpx.Client(base_url=live_url, auth=(DEMO_AUTH_ID, DEMO_AUTH_TOKEN), timeout=10) as http:
        yield http


def start(client: TestClient | httpx.Client, **args: Any) -> str:
    response = client.post(verify(), json={"recipient": RECIPIENT, **args})
    assert response.status_code == 202, response.text
    uuid: str = response.json()["session_uuid"]
    return uuid


def statuses(received: list[Received]) -> list[str]:
    return [request.params["ChannelStatus"] for request in received]


def signed(request: Received) -> bool:
    return bool(
        validate_v3_signature(
            request.method,
            request.url,
            request.headers["X-Plivo-Signature-V3-Nonce"],
            DEMO_AUTH_TOKEN,
            request.headers["X-Plivo-Signature-V3"],
            request.params if request.method == "POST" else None,
        )
    )


# ---------------------------------------------------------------- progress


def test_an_sms_attempt_reports_queued_sent_delivered(
    api: httpx.Client, receiver: CallbackReceiver
) -> None:
    uuid = start(api, url=receiver.url())
    received = receiver.wait_for(3)
    assert statuses(received) == ["queued", "sent", "delivered"]
    attempt = api.get(verify(session_uuid=uuid)).json()["attempt_details"][0]
    for request in received:
        assert request.method == "POST"
        assert signed(request)
        assert request.params["SessionUUID"] == uuid
        assert request.params["SessionStatus"] == "in-progress"
        assert request.params["AttemptUUID"] == attempt["attempt_uuid"]
        assert request.params["AttemptSequence"] == "1"
        assert request.params["Channel"] == "sms"
        assert request.params["Recipient"] == RECIPIENT[1:]
        assert "ChannelErrorCode" not in request.params


@pytest.mark.parametrize("channel", ["sms", "voice"])
def test_every_status_event_has_only_the_fields_of_the_spec_schema(
    api: httpx.Client, receiver: CallbackReceiver, channel: str
) -> None:
    schema = ApiSpec().schema("VerifyStatusEvent")
    start(api, url=receiver.url(), channel=channel)
    for request in receiver.wait_for(3):
        assert set(schema["required"]) <= set(request.params) <= set(schema["properties"])
        assert request.params["Channel"] in schema["properties"]["Channel"]["enum"]
        assert request.params["SessionStatus"] in schema["properties"]["SessionStatus"]["enum"]


def test_a_voice_attempt_reports_ringing_in_progress_completed_by_get(
    api: httpx.Client, receiver: CallbackReceiver
) -> None:
    start(api, url=receiver.url(), channel="voice", method="GET")
    received = receiver.wait_for(3)
    assert statuses(received) == ["ringing", "in-progress", "completed"]
    assert {request.method for request in received} == {"GET"}
    assert all(signed(request) for request in received)


def test_a_session_whose_code_expires_unverified_reports_expired(
    api: httpx.Client, receiver: CallbackReceiver
) -> None:
    start(api, url=receiver.url())
    receiver.wait_for(3)
    assert api.post("/_sandbox/clock/advance", json={"seconds": 601}).status_code == 200
    expired = receiver.wait_for(4)[3]
    assert (expired.params["SessionStatus"], expired.params["ChannelStatus"]) == (
        "expired",
        "delivered",
    )


def test_a_verified_session_reports_no_expiry(client: TestClient) -> None:
    uuid = start(client, url="http://127.0.0.1:9/verify")
    otp = client.get(f"/_sandbox/verify/sessions/{uuid}/otp").json()["otp"]
    assert client.post(verify(session_uuid=uuid), json={"otp": otp}).status_code == 200
    client.post("/_sandbox/clock/advance", json={"seconds": 3600})
    sandbox = client.app.state.sandbox  # type: ignore[attr-defined]
    sandbox.fire_due_timers()
    found = client.get("/_sandbox/callbacks", params={"session_uuid": uuid}).json()["callbacks"]
    assert [callback["fields"]["SessionStatus"] for callback in found] == ["in-progress"] * 3


def test_a_session_without_url_sends_nothing(client: TestClient) -> None:
    uuid = start(client)
    assert client.get("/_sandbox/callbacks", params={"session_uuid": uuid}).json() == {
        "callbacks": []
    }


# ---------------------------------------------------------------- failures on demand


def test_a_delivery_failure_rule_answers_with_its_defaults(client: TestClient) -> None:
    response = client.post(FAILURES, json={"recipient": RECIPIENT})
    assert response.status_code == 200, response.text
    assert response.json() == {"recipient": RECIPIENT, "status": "undelivered", "error_code": "80"}


def test_an_undelivered_sms_shows_in_attempt_details_and_in_the_callbacks(
    api: httpx.Client, receiver: CallbackReceiver
) -> None:
    api.post(FAILURES, json={"recipient": RECIPIENT})
    uuid = start(api, url=receiver.url())
    received = receiver.wait_for(3)
    assert statuses(received) == ["queued", "sent", "undelivered"]
    assert received[2].params["ChannelErrorCode"] == "80"
    attempt = api.get(verify(session_uuid=uuid)).json()["attempt_details"][0]
    assert attempt["status"] == "undelivered"


def test_a_failed_sms_is_never_sent(api: httpx.Client, receiver: CallbackReceiver) -> None:
    api.post(FAILURES, json={"recipient": RECIPIENT, "status": "failed", "error_code": "50"})
    start(api, url=receiver.url())
    received = receiver.wait_for(2)
    assert statuses(received) == ["queued", "failed"]
    assert received[1].params["ChannelErrorCode"] == "50"


def test_a_rule_for_one_channel_leaves_the_other_alone(client: TestClient) -> None:
    client.post(FAILURES, json={"recipient": RECIPIENT, "channel": "voice", "status": "failed"})
    sms = start(client)
    voice = start(client, channel="voice")
    details = [
        client.get(verify(session_uuid=uuid)).json()["attempt_details"][0]["status"]
        for uuid in (sms, voice)
    ]
    assert details == ["delivered", "failed"]


def test_reset_forgets_the_rules(client: TestClient) -> None:
    client.post(FAILURES, json={"recipient": RECIPIENT})
    client.post("/_sandbox/reset", json={})
    uuid = start(client)
    assert client.get(verify(session_uuid=uuid)).json()["attempt_details"][0]["status"] == (
        "delivered"
    )


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        ({}, "recipient"),
        ({"recipient": "+999123456789"}, "recipient"),
        ({"recipient": RECIPIENT, "status": "lost"}, "status"),
        ({"recipient": RECIPIENT, "when": "always"}, "when"),
    ],
)
def test_a_bad_rule_is_a_400_naming_the_argument(
    client: TestClient, body: dict[str, Any], mentions: str
) -> None:
    assert_plivo_error(client.post(FAILURES, json=body), 400, mentions)
