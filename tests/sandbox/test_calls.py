"""Simulated calls over HTTP: the control API places them, the session and the receiver see them.

Every answer is checked against openapi.yaml and control.yaml (response
validation is on); the end-to-end tests run a real sandbox server and a real
webhook receiver on 127.0.0.1.
"""

from __future__ import annotations

import io
import subprocess
import sys
import wave
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from mutagen.mp3 import MP3
from plivo.utils.signature_v3 import validate_v3_signature
from plivo_masking_client.models import MaskingInteraction, MaskingSessionGetResponse
from starlette.testclient import TestClient

from tests.callback_receiver import CallbackReceiver, Received
from tests.conftest import (
    DEMO_AUTH_ID,
    DEMO_AUTH_TOKEN,
    DEMO_SUB_AUTH_ID,
    DEMO_SUB_AUTH_TOKEN,
    REPO_ROOT,
)
from tests.sandbox.conftest import TWO_PARTIES, assert_plivo_error, masking

FIRST, SECOND = TWO_PARTIES["first_party"], TWO_PARTIES["second_party"]
SESSION_EVENTS = [
    "SessionFirstPartyAnswer",
    "SessionSecondPartyRing",
    "SessionSecondPartyAnswer",
    "SessionFirstPartyHangup",
    "SessionSecondPartyHangup",
]


def calls(session_uuid: str) -> str:
    return f"/_sandbox/masking/sessions/{session_uuid}/calls"


def create(client: TestClient | httpx.Client, **args: Any) -> str:
    response = client.post(masking(), json={**TWO_PARTIES, **args})
    assert response.status_code == 201, response.text
    uuid: str = response.json()["session_uuid"]
    return uuid


def place(client: TestClient | httpx.Client, session_uuid: str, **args: Any) -> dict[str, Any]:
    response = client.post(calls(session_uuid), json={"caller": FIRST, **args})
    assert response.status_code == 200, response.text
    answer: dict[str, Any] = response.json()
    return answer


# ---------------------------------------------------------------- the control API


def test_a_call_through_a_session_answers_its_legs_and_events(client: TestClient) -> None:
    uuid = create(client, callback_url="http://127.0.0.1:9/events")
    answer = place(client, uuid)
    assert answer["forwarded"] is True
    assert answer["caller_party"] == "first_party"
    assert [leg["number"] for leg in answer["legs"]] == [FIRST[1:], SECOND[1:]]
    assert [event["event"] for event in answer["events"]] == SESSION_EVENTS
    assert [event["fields"]["SequenceNumber"] for event in answer["events"]] == [
        "1",
        "2",
        "3",
        "4",
        "5",
    ]


def test_the_outcome_and_duration_come_from_the_request(client: TestClient) -> None:
    uuid = create(client)
    answer = place(client, uuid, caller=SECOND, outcome="busy")
    assert answer["forwarded"] is False
    assert [leg["hangup_cause"] for leg in answer["legs"]] == [
        "End Of XML Instructions",  # Plivo hangs up on the caller
        "Busy Line",
    ]
    assert place(client, uuid, duration=95)["legs"][1]["duration"] == 95


def test_the_session_shows_the_call(client: TestClient) -> None:
    uuid = create(client)
    answer = place(client, uuid)
    got = client.get(masking(session_uuid=uuid)).json()["response"]
    assert got["interaction"] == [answer["interaction"]]
    assert got["total_call_count"] == 2
    assert got["total_call_billed_duration"] == 120
    assert got["total_call_amount"] == got["total_session_amount"] == 0.066
    assert got["last_interaction_time"] == answer["interaction"]["end_time"]


def test_the_generated_client_parses_a_session_with_calls(client: TestClient) -> None:
    uuid = create(client, record=True)
    answer = place(client, uuid, duration=42)
    place(client, uuid, caller=SECOND, outcome="no-answer")
    body = client.get(masking(session_uuid=uuid)).json()
    session = MaskingSessionGetResponse.from_dict(body).response
    assert isinstance(session.interaction, list)
    first, second = session.interaction
    assert isinstance(first, MaskingInteraction)
    assert first.recording_resource_url == answer["recording"]["resource_uri"]
    assert first.call_billed_duration == 120
    assert (second.first_party_status, second.recording_resource_url) == ("no-answer", None)
    assert session.total_call_count == 4


def test_a_pin_session_maps_an_unknown_caller_by_pin(client: TestClient) -> None:
    uuid = create(
        client,
        is_pin_authentication_required=True,
        first_party_pin="1234",
        second_party_pin="4321",
        pin_prompt_play="https://example.com/prompt.mp3",
        incorrect_pin_play="https://example.com/wrong.mp3",
    )
    right = place(client, uuid, caller="+12025550111", pin="4321")
    assert (right["caller_party"], right["pin_authentication_status"]) == (
        "second_party",
        "success",
    )
    wrong = place(client, uuid, caller="+12025550111", pin="0000")
    assert (wrong["forwarded"], wrong["pin_authentication_status"]) == (False, "failed")


def test_an_ended_session_forwards_nothing(client: TestClient) -> None:
    uuid = create(client)
    client.delete(masking(session_uuid=uuid))
    answer = place(client, uuid)
    assert (answer["forwarded"], answer["legs"], answer["events"]) == (False, [], [])


def test_a_call_to_an_unknown_session_is_a_404(client: TestClient) -> None:
    response = client.post(calls("4189591e-d004-4801-abdf-8893c15e5dcd"), json={"caller": FIRST})
    assert_plivo_error(response, 404, "not found")


@pytest.mark.parametrize(
    ("body", "mentions"),
    [
        ({}, "caller"),
        ({"caller": "hello"}, "caller"),
        ({"caller": FIRST, "outcome": "maybe"}, "outcome"),
        ({"caller": FIRST, "duration": -1}, "duration"),
        ({"caller": FIRST, "pin": "12a"}, "pin"),
        ({"caller": FIRST, "colour": "red"}, "colour"),
    ],
)
def test_a_bad_call_is_a_400_naming_the_argument(
    client: TestClient, body: dict[str, Any], mentions: str
) -> None:
    uuid = create(client)
    assert_plivo_error(client.post(calls(uuid), json=body), 400, mentions)


# ---------------------------------------------------------------- recordings


def test_a_recorded_call_has_a_recording_resource_and_a_playable_mp3(client: TestClient) -> None:
    uuid = create(client, record=True)
    answer = place(client, uuid, duration=12)
    resource_url = answer["interaction"]["recording_resource_url"]
    resource = client.get(resource_url)
    assert resource.status_code == 200, resource.text
    assert resource.json() == answer["recording"]
    media = client.get(resource.json()["recording_url"])
    assert media.status_code == 200
    assert media.headers["content-type"] == "audio/mpeg"
    info: Any = MP3(io.BytesIO(media.content)).info  # type: ignore[no-untyped-call]
    # MPEG-1 Layer III, of the recording's length (LAME pads the last frame).
    assert (info.version, info.layer, info.sample_rate) == (1, 3, 32000)
    assert info.length == pytest.approx(12, abs=0.1)


def test_a_wav_recording_is_a_wav_file_of_the_calls_length(client: TestClient) -> None:
    uuid = create(client, record=True, record_file_format="wav")
    recording = place(client, uuid, duration=7)["recording"]
    media = client.get(recording["recording_url"])
    assert media.headers["content-type"] == "audio/wav"
    with wave.open(io.BytesIO(media.content)) as audio:
        assert audio.getnframes() / audio.getframerate() == 7
        assert audio.getnchannels() == 1


def test_a_recording_is_served_only_in_its_own_format(client: TestClient) -> None:
    uuid = create(client, record=True)
    recording = place(client, uuid)["recording"]
    wav_url = recording["recording_url"].removesuffix(".mp3") + ".wav"
    assert_plivo_error(client.get(wav_url), 404, "format")
    missing = f"/_sandbox/masking/sessions/{uuid}/recordings/00000000-0000-0000-0000-000000000000"
    assert_plivo_error(client.get(missing), 404, "not found")


# ---------------------------------------------------------------- end to end with a receiver


@pytest.fixture
def api(live_url: str) -> Iterator[httpx.Client]:
    """The sandbox over real HTTP, as the demo main account."""
    with httpx.Client(base_url=live_url, auth=(DEMO_AUTH_ID, DEMO_AUTH_TOKEN), timeout=10) as http:
        yield http


def signed_by(request: Received, token: str, header: str = "X-Plivo-Signature-V3") -> bool:
    """Plivo's SDK validator, as a receiver's handler calls it."""
    return bool(
        validate_v3_signature(
            request.method,
            request.url,
            request.headers["X-Plivo-Signature-V3-Nonce"],
            token,
            request.headers[header],
            request.params if request.method == "POST" else None,
        )
    )


def by_path(received: list[Received], path: str) -> list[Received]:
    return [request for request in received if request.path == path]


def test_the_events_of_a_recorded_call_reach_the_receiver_signed_and_in_order(
    api: httpx.Client, receiver: CallbackReceiver
) -> None:
    uuid = create(
        api,
        callback_url=receiver.url("/events"),
        record=True,
        recording_callback_url=receiver.url("/recordings"),
        recording_callback_method="GET",
    )
    place(api, uuid)
    received = receiver.wait_for(7)
    events = by_path(received, "/events")
    recordings = by_path(received, "/recordings")
    assert [request.params["EventName"] for request in events] == SESSION_EVENTS
    assert [request.params["EventName"] for request in recordings] == [
        "SessionRecordingInitiated",
        "SessionRecordingCompleted",
    ]
    assert {request.method for request in events} == {"POST"}
    assert {request.method for request in recordings} == {"GET"}
    numbers = sorted(int(request.params["SequenceNumber"]) for request in received)
    assert numbers == list(range(1, 8))
    assert all(signed_by(request, DEMO_AUTH_TOKEN) for request in received)
    completed = recordings[1].params
    media = api.get(completed["RecordingURL"])
    assert media.status_code == 200 and media.headers["content-type"] == "audio/mpeg"


def test_a_subaccounts_call_events_are_signed_for_both_accounts(
    live_url: str, receiver: CallbackReceiver
) -> None:
    with httpx.Client(
        base_url=live_url, auth=(DEMO_SUB_AUTH_ID, DEMO_SUB_AUTH_TOKEN), timeout=10
    ) as sub:
        response = sub.post(
            masking(DEMO_SUB_AUTH_ID), json={**TWO_PARTIES, "callback_url": receiver.url()}
        )
        uuid = response.json()["session_uuid"]
        place(sub, uuid, outcome="no-answer")
    received = receiver.wait_for(4)
    assert all(signed_by(request, DEMO_SUB_AUTH_TOKEN) for request in received)
    assert all(
        signed_by(request, DEMO_AUTH_TOKEN, "X-Plivo-Signature-Ma-V3") for request in received
    )


def test_session_timeout_reaches_the_receiver_when_the_clock_passes_expiry(
    api: httpx.Client, receiver: CallbackReceiver
) -> None:
    uuid = create(api, callback_url=receiver.url(), session_expiry=300)
    expiry = api.get(masking(session_uuid=uuid)).json()["response"]["expiry_time"]
    assert api.post("/_sandbox/clock/advance", json={"seconds": 301}).status_code == 200
    (timeout,) = receiver.wait_for(1)
    assert timeout.params["EventName"] == "SessionTimeout"
    assert timeout.params["EventTimestamp"] == expiry
    assert timeout.params["SessionUUID"] == uuid
    assert signed_by(timeout, DEMO_AUTH_TOKEN)


def test_initiate_call_to_first_party_sends_the_calls_events_after_create(
    api: httpx.Client, receiver: CallbackReceiver
) -> None:
    create(api, callback_url=receiver.url(), initiate_call_to_first_party=True)
    received = receiver.wait_for(5)
    assert [request.params["EventName"] for request in received] == SESSION_EVENTS


def test_the_readme_example_receives_every_event_of_a_call(live_url: str) -> None:
    done = subprocess.run(
        [
            sys.executable,
            str(REPO_ROOT / "examples" / "simulated_call.py"),
            "--sandbox-url",
            live_url,
        ],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "bridged to the second_party - 7 events queued"
    assert [line.split()[1] for line in lines[1:8]] == [
        *SESSION_EVENTS[:3],
        "SessionRecordingInitiated",
        *SESSION_EVENTS[3:],
        "SessionRecordingCompleted",
    ]
    assert lines[8].startswith("recording: audio/mpeg")
