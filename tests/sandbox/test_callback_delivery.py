"""Callback delivery over real HTTP: a sandbox server sends queued events to a real receiver.

Events are queued here straight into the outbox (as the masking and Verify
services do, in a store transaction); the sandbox's background loop signs and
sends them. ``GET /_sandbox/callbacks`` shows what happened.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import httpx
import pytest
from plivo.utils.signature_v3 import validate_v3_signature
from plivo_masking_client.models import MaskingSessionEvent, MaskingSessionEventName
from plivo_masking_client.webhooks import InvalidSignature, parse_callback
from starlette.applications import Starlette

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.store import Callback
from plivo_sandbox.core.times import to_micros
from plivo_sandbox.testing.process import free_port, sandbox_process
from tests.callback_receiver import CallbackReceiver, Received
from tests.conftest import (
    DEMO_AUTH_ID,
    DEMO_AUTH_TOKEN,
    DEMO_SUB_AUTH_ID,
    DEMO_SUB_AUTH_TOKEN,
    demo_config,
)

SESSION = "9a1c7d52-3f4e-4b6a-8c9d-0e1f2a3b4c5d"
EVENT = {
    "EventName": "SessionFirstPartyAnswer",
    "EventTimestamp": "2024-02-01 06:28:15 +0000 UTC",
    "SessionUUID": SESSION,
    "From": "+14155550100",
    "To": "+14155550199",
    "VirtualNumber": "+14155552671",
    "SequenceNumber": "1",
}


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """A receiver has one second to answer."""
    return demo_config(callback_timeout=1.0)


@pytest.fixture
def api(live_url: str) -> Iterator[httpx.Client]:
    """The sandbox over real HTTP, as the demo main account."""
    with httpx.Client(
        base_url=live_url, auth=(DEMO_AUTH_ID, DEMO_AUTH_TOKEN), timeout=10
    ) as client:
        yield client


def queue(
    sandbox: Sandbox,
    url: str,
    *,
    method: str = "POST",
    owner: str = DEMO_AUTH_ID,
    fields: dict[str, str] | None = None,
    session_uuid: str = SESSION,
) -> int:
    """Queue one session event for ``url`` now, as a service does; returns its id."""
    with sandbox.store.transaction() as tx:
        return tx.add_callback(
            Callback(
                session_uuid=session_uuid,
                owner=owner,
                kind="masking-session",
                event=(fields or EVENT)["EventName"],
                url=url,
                method=method,
                fields=fields or EVENT,
                due_us=to_micros(sandbox.clock.now()),
            )
        )


def callbacks(api: httpx.Client, **query: str) -> list[dict[str, Any]]:
    """``GET /_sandbox/callbacks``."""
    response = api.get("/_sandbox/callbacks", params=query)
    assert response.status_code == 200, response.text
    found: list[dict[str, Any]] = response.json()["callbacks"]
    return found


def until(
    api: httpx.Client, check: Callable[[list[dict[str, Any]]], bool], timeout: float = 15
) -> list[dict[str, Any]]:
    """The callbacks once ``check`` holds for them (polling the control API)."""
    deadline = time.monotonic() + timeout
    while True:
        found = callbacks(api)
        if check(found):
            return found
        if time.monotonic() > deadline:
            raise AssertionError(f"callbacks never reached the expected state: {found}")
        time.sleep(0.05)


def advance(api: httpx.Client, seconds: float) -> None:
    """Move the sandbox clock forward."""
    assert api.post("/_sandbox/clock/advance", json={"seconds": seconds}).status_code == 200


def attempts_reach(count: int) -> Callable[[list[dict[str, Any]]], bool]:
    """A check for ``until``: the first callback has had ``count`` attempts."""
    return lambda found: attempts_of(found) == count


def attempts_of(found: list[dict[str, Any]], index: int = 0) -> int:
    return len(found[index]["attempts"])


def plivo_accepts(request: Received, auth_token: str, header: str = "X-Plivo-Signature-V3") -> bool:
    """Plivo's own SDK validator, called as a receiver's handler calls it."""
    params = request.params if request.method == "POST" else None
    return bool(
        validate_v3_signature(
            request.method,
            request.url,
            request.headers["X-Plivo-Signature-V3-Nonce"],
            auth_token,
            request.headers[header],
            params,
        )
    )


# ---------------------------------------------------------------------- what arrives


def test_a_post_callback_arrives_as_form_data_signed_for_plivos_validator(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    queue(sandbox, receiver.url())

    (request,) = receiver.wait_for(1)
    assert request.method == "POST"
    assert request.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert request.params == EVENT
    assert plivo_accepts(request, DEMO_AUTH_TOKEN)
    assert "X-Plivo-Signature-Ma-V3" not in request.headers
    (shown,) = until(api, lambda found: found[0]["state"] == "delivered")
    assert shown["fields"] == EVENT
    assert shown["headers"]["X-Plivo-Signature-V3"] == request.headers["X-Plivo-Signature-V3"]
    assert [attempt["status_code"] for attempt in shown["attempts"]] == [200]
    assert shown["next_attempt_time"] is None


def test_a_queued_event_goes_out_at_once_not_at_the_loops_next_look(
    app: Starlette, sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    # The loop also looks on its own every poll_interval; make that far away.
    app.state.callbacks.poll_interval = 60
    time.sleep(0.3)  # the loop is now resting in its long wait
    queue(sandbox, receiver.url())
    (request,) = receiver.wait_for(1, timeout=5)
    assert request.params == EVENT


def test_a_get_callback_carries_the_fields_in_the_query_string(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    fields = {**EVENT, "From": "+1 415 (555) 0100", "EventName": "SessionTimeout"}
    queue(sandbox, receiver.url("/hook?tenant=a%20b"), method="GET", fields=fields)

    (request,) = receiver.wait_for(1)
    assert request.method == "GET"
    assert request.path == "/hook"
    assert request.params == {"tenant": "a b", **fields}
    assert plivo_accepts(request, DEMO_AUTH_TOKEN)


def test_a_subaccount_session_event_is_also_signed_with_the_main_account_token(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    queue(sandbox, receiver.url(), owner=DEMO_SUB_AUTH_ID)

    (request,) = receiver.wait_for(1)
    assert plivo_accepts(request, DEMO_SUB_AUTH_TOKEN)
    assert plivo_accepts(request, DEMO_AUTH_TOKEN, header="X-Plivo-Signature-Ma-V3")
    assert not plivo_accepts(request, DEMO_AUTH_TOKEN)


def test_each_attempt_carries_a_new_nonce(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    receiver.statuses = [500]
    queue(sandbox, receiver.url())
    receiver.wait_for(1)
    until(api, lambda found: attempts_of(found) == 1)
    advance(api, 60)

    first, second = receiver.wait_for(2)
    nonce = "X-Plivo-Signature-V3-Nonce"
    assert first.headers[nonce] != second.headers[nonce]
    assert plivo_accepts(second, DEMO_AUTH_TOKEN)


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_the_generated_clients_helper_checks_and_reads_a_delivered_event(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver, method: str
) -> None:
    queue(sandbox, receiver.url(), method=method, owner=DEMO_SUB_AUTH_ID)

    (request,) = receiver.wait_for(1)
    body = urlencode(request.params) if method == "POST" else None
    for token in (DEMO_SUB_AUTH_TOKEN, DEMO_AUTH_TOKEN):  # its own, or its main account's
        event = parse_callback(method, request.url, request.headers, body, token)
        assert isinstance(event, MaskingSessionEvent)
        assert event.event_name == MaskingSessionEventName.SESSIONFIRSTPARTYANSWER
        assert event.sequence_number == "1"
    with pytest.raises(InvalidSignature):
        parse_callback(method, request.url, request.headers, body, "another-token")


# ---------------------------------------------------------------------- retries


def test_a_failed_delivery_is_retried_after_60_120_and_240_seconds_then_given_up(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    receiver.default_status = 500
    queue(sandbox, receiver.url())

    receiver.wait_for(1)
    for made, delay in ((1, 60), (2, 120), (3, 240)):
        (shown,) = until(api, attempts_reach(made))
        assert shown["state"] == "pending"
        last = shown["attempts"][-1]["time"]
        assert seconds_between(last, shown["next_attempt_time"]) == delay
        advance(api, delay - 10)  # (10 s to spare for the real time the test itself takes)
        time.sleep(0.5)  # a moment for a (wrong) early retry
        assert len(receiver.received) == made
        advance(api, 10)
        receiver.wait_for(made + 1)

    (shown,) = until(api, lambda found: found[0]["state"] == "failed")
    assert [attempt["status_code"] for attempt in shown["attempts"]] == [500] * 4
    assert shown["reason"] == "given up after 4 attempts"
    assert shown["next_attempt_time"] is None
    advance(api, 3600)
    time.sleep(0.5)
    assert len(receiver.received) == 4


def seconds_between(earlier: str, later: str) -> float:
    """Seconds from one RFC 3339 time to another."""
    return (datetime.fromisoformat(later) - datetime.fromisoformat(earlier)).total_seconds()


def test_a_receiver_that_recovers_gets_the_event_on_the_retry(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    receiver.statuses = [503]
    queue(sandbox, receiver.url())
    until(api, lambda found: attempts_of(found) == 1)
    advance(api, 60)

    (shown,) = until(api, lambda found: found[0]["state"] == "delivered")
    assert [attempt["status_code"] for attempt in shown["attempts"]] == [503, 200]
    first, second = receiver.wait_for(2)
    assert first.params == second.params == EVENT


def test_a_receiver_that_does_not_answer_in_time_gets_a_retry(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    receiver.held_paths = {"/slow"}
    receiver.hold.clear()
    queue(sandbox, receiver.url("/slow"))

    (shown,) = until(api, lambda found: attempts_of(found) == 1)
    assert shown["state"] == "pending"
    assert "timed out" in shown["attempts"][0]["error"]
    assert seconds_between(shown["attempts"][0]["time"], shown["next_attempt_time"]) == 60


def test_a_refused_connection_gets_a_retry(sandbox: Sandbox, api: httpx.Client) -> None:
    queue(sandbox, f"http://127.0.0.1:{free_port()}/hook")

    (shown,) = until(api, lambda found: attempts_of(found) == 1)
    assert shown["state"] == "pending"
    assert shown["attempts"][0]["error"] == "connection refused"


@pytest.mark.parametrize("status", [201, 204, 302, 400, 404, 500])
def test_only_a_200_counts_as_delivered(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver, status: int
) -> None:
    receiver.statuses = [status]
    receiver.redirect_to = receiver.url("/elsewhere")
    queue(sandbox, receiver.url())

    (shown,) = until(api, lambda found: attempts_of(found) == 1)
    assert shown["state"] == "pending"
    assert shown["attempts"][0]["status_code"] == status
    time.sleep(0.3)
    assert [request.path for request in receiver.received] == ["/hook"]  # no redirect followed


# ---------------------------------------------------------------------- order


def test_callbacks_to_one_url_arrive_in_order_even_behind_a_retry(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    receiver.statuses = [500]
    for number in ("1", "2", "3"):
        queue(sandbox, receiver.url(), fields={**EVENT, "SequenceNumber": number})
    until(api, lambda found: attempts_of(found) == 1)
    time.sleep(0.5)
    assert len(receiver.received) == 1  # the others wait behind the retry

    advance(api, 60)
    received = receiver.wait_for(4)
    assert [request.params["SequenceNumber"] for request in received] == ["1", "1", "2", "3"]
    until(api, lambda found: all(item["state"] == "delivered" for item in found))


def test_a_failing_url_does_not_hold_back_another_url(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    queue(sandbox, f"http://127.0.0.1:{free_port()}/failing")  # nobody listens there
    queue(sandbox, receiver.url("/working"))

    found = until(api, lambda found: found[1]["state"] == "delivered")
    assert found[0]["state"] == "pending"


# ---------------------------------------------------------------------- the API is not slowed


# The receiver has 30 s here, so the attempt is surely still open while the API answers.
@pytest.mark.parametrize("sandbox_config", [demo_config(callback_timeout=30.0)])
def test_a_slow_receiver_never_delays_an_api_answer(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    receiver.held_paths = {f"/slow/{number}" for number in range(6)}
    receiver.hold.clear()  # the receiver keeps the requests until the test lets them go
    for path in sorted(receiver.held_paths):  # more URLs than the sandbox serves at once
        queue(sandbox, receiver.url(path))
    receiver.wait_for(4)

    try:
        created = api.post(
            f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/",
            json={"first_party": "+14155550100", "second_party": "+14155550199"},
        )
        listed = api.get("/_sandbox/callbacks")
    finally:
        receiver.hold.set()

    assert created.is_success, created.text
    assert listed.json()["callbacks"][0]["attempts"] == []  # still waiting for the receiver


def test_two_worker_processes_deliver_each_event_exactly_once(
    tmp_path: Path, receiver: CallbackReceiver
) -> None:
    sessions = 12
    with (
        sandbox_process(data_dir=tmp_path, workers=2, max_lifetime=120) as url,
        httpx.Client(base_url=url, auth=(DEMO_AUTH_ID, DEMO_AUTH_TOKEN), timeout=30) as api,
    ):
        for number in range(sessions):
            created = api.post(
                f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/",
                json={
                    "first_party": f"+1415555{1000 + number}",
                    "second_party": f"+1415556{1000 + number}",
                    "session_expiry": 600,
                    "callback_url": receiver.url(),
                },
            )
            assert created.is_success, created.text
        advance(api, 601)  # every session times out: one SessionTimeout each

        received = receiver.wait_for(sessions)
        until(api, lambda found: len(found) == sessions and all_delivered(found))
        time.sleep(1)  # time enough for a (wrong) second delivery by the other worker

    assert {request.params["EventName"] for request in received} == {"SessionTimeout"}
    assert len({request.params["SessionUUID"] for request in receiver.received}) == sessions
    assert len(receiver.received) == sessions


def all_delivered(found: list[dict[str, Any]]) -> bool:
    return all(item["state"] == "delivered" for item in found)


# ---------------------------------------------------------------------- safety


def test_callbacks_to_other_hosts_are_blocked_by_default_with_the_setting_named(
    sandbox: Sandbox,
    api: httpx.Client,
    receiver: CallbackReceiver,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.WARNING, logger="plivo_sandbox.events.dispatcher")
    queue(sandbox, "http://192.0.2.10/hook")
    queue(sandbox, "https://hooks.example.com/plivo")
    queue(sandbox, receiver.url())

    found = until(api, lambda found: found[2]["state"] == "delivered")
    for blocked in found[:2]:
        assert blocked["state"] == "blocked"
        assert blocked["attempts"] == []
        assert "callback_allowed_hosts" in blocked["reason"]
        assert "PLIVO_SANDBOX_CALLBACK_HOSTS" in blocked["reason"]
    warnings = [record for record in caplog.records if "blocked" in record.getMessage()]
    assert len(warnings) == 1
    assert "PLIVO_SANDBOX_CALLBACK_HOSTS" in warnings[0].getMessage()


def test_localhost_is_a_loopback_destination(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    queue(sandbox, receiver.url().replace("127.0.0.1", "localhost"))

    (request,) = receiver.wait_for(1)
    assert request.params == EVENT
    until(api, lambda found: found[0]["state"] == "delivered")


# ---------------------------------------------------------------------- the control API


def test_callbacks_can_be_listed_by_session_and_by_state(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    other = "0b7c3e8f-9a1d-4c2b-8e5f-6a7b8c9d0e1f"
    queue(sandbox, receiver.url())
    queue(sandbox, "http://192.0.2.10/hook", session_uuid=other)
    until(api, lambda found: {item["state"] for item in found} == {"delivered", "blocked"})

    assert [item["session_uuid"] for item in callbacks(api, session_uuid=other)] == [other]
    assert [item["url"] for item in callbacks(api, state="delivered")] == [receiver.url()]
    assert callbacks(api, state="failed") == []
    assert api.get("/_sandbox/callbacks", params={"state": "lost"}).status_code == 400


def test_reset_forgets_the_callbacks(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    queue(sandbox, "http://192.0.2.10/hook")
    until(api, lambda found: len(found) == 1)

    api.post("/_sandbox/reset", json={})

    assert callbacks(api) == []


# ---------------------------------------------------------------------- user information


CREDENTIALED = "http://user:s3cret@127.0.0.1:5000/events"


@pytest.mark.parametrize("field", ["callback_url", "recording_callback_url"])
def test_a_callback_url_with_user_information_is_refused_at_create_saying_why(
    api: httpx.Client, field: str
) -> None:
    created = api.post(
        f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/",
        json={"first_party": "+14155550100", "second_party": "+14155550199", field: CREDENTIALED},
    )

    assert created.status_code == 400
    assert set(created.json()) == {"api_id", "error"}
    assert f"{field}: a callback URL cannot carry user information" in created.json()["error"]
    assert "s3cret" not in created.text


def test_a_callback_url_with_user_information_is_refused_at_update(api: httpx.Client) -> None:
    base = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"
    created = api.post(base, json={"first_party": "+14155550100", "second_party": "+14155550199"})
    uuid = created.json()["session_uuid"]

    updated = api.post(f"{base}{uuid}/", json={"callback_url": CREDENTIALED})

    assert updated.status_code == 400
    assert "user information" in updated.json()["error"]
    assert api.get(f"{base}{uuid}/").json()["response"]["callback_url"] == ""


def test_a_verify_url_with_user_information_is_refused(api: httpx.Client) -> None:
    created = api.post(
        f"/v1/Account/{DEMO_AUTH_ID}/Verify/Session/",
        json={"recipient": "+14155550123", "url": CREDENTIALED},
    )

    assert created.status_code == 400
    assert created.json()["error"].startswith("url: a callback URL cannot carry user information")


def test_a_stored_callback_url_with_user_information_is_blocked_not_sent(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    queue(sandbox, receiver.url().replace("http://", "http://user:s3cret@"))

    (shown,) = until(api, lambda found: found[0]["state"] == "blocked")

    assert "user information" in shown["reason"]
    assert shown["attempts"] == []
    assert receiver.received == []
