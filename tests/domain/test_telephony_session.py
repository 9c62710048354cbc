"""Simulated calls as a session records them: interactions, totals, queued events, timers."""

from __future__ import annotations

from typing import Any

import pytest

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock
from plivo_sandbox.core.errors import BadRequest, NotFound
from plivo_sandbox.core.store import Delivery
from plivo_sandbox.core.times import masking_time, to_micros
from plivo_sandbox.masking.calls import RING_SECONDS
from tests.domain.conftest import US_A, US_B, US_C, Api, make_config

HOOK = "http://127.0.0.1:9000/events"
RECORDING_HOOK = "http://127.0.0.1:9000/recordings"
BASE = "http://127.0.0.1:8000"


def queued(sandbox: Sandbox, session_uuid: str) -> list[Delivery]:
    with sandbox.store.transaction(write=False) as tx:
        return tx.select_callbacks(session_uuid=session_uuid)


def session(api: Api, caller: Account, **args: Any) -> str:
    settings = {"first_party": US_A, "second_party": US_B, "callback_url": HOOK, **args}
    uuid: str = api.create(caller, **settings)["session_uuid"]
    return uuid


def place(sandbox: Sandbox, session_uuid: str, **args: Any) -> dict[str, Any]:
    answer: dict[str, Any] = sandbox.run(
        sandbox.masking.simulate_call, session_uuid, {"caller": US_A, **args}, base_url=BASE
    )
    return answer


# ---------------------------------------------------------------- the session shows its calls


def test_a_session_without_calls_has_no_interaction_and_zero_totals(
    api: Api, main: Account
) -> None:
    got = api.get(main, session(api, main))
    assert got["interaction"] is None
    assert (got["total_call_count"], got["total_call_amount"], got["last_interaction_time"]) == (
        0,
        0,
        "",
    )


def test_each_call_adds_an_interaction_and_the_totals_add_up(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock
) -> None:
    uuid = session(api, main)
    first = place(sandbox, uuid, duration=30)
    clock.advance(600)
    second = place(sandbox, uuid, caller=US_B, duration=90)
    got = api.get(main, uuid)
    assert got["interaction"] == [first["interaction"], second["interaction"]]
    assert got["total_call_count"] == 4
    assert got["total_call_billed_duration"] == 60 + 60 + 120 + 120
    assert got["total_call_amount"] == pytest.approx(0.033 * 6)
    assert got["total_session_amount"] == got["total_call_amount"] + got["amount"]
    assert got["last_interaction_time"] == second["interaction"]["end_time"]
    assert got["duration"] == 3600  # the session's own length does not change


def test_the_list_shows_the_interactions_too(api: Api, sandbox: Sandbox, main: Account) -> None:
    uuid = session(api, main)
    call = place(sandbox, uuid)
    [listed] = api.list(main)["objects"]
    assert listed["interaction"] == [call["interaction"]]


def test_a_call_through_an_expired_session_changes_nothing(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid = session(api, main)
    api.delete(main, uuid)
    answer = place(sandbox, uuid)
    assert not answer["forwarded"] and answer["events"] == [] and answer["legs"] == []
    assert api.get(main, uuid)["interaction"] is None
    assert queued(sandbox, uuid) == []


def test_a_call_needs_a_known_session_and_valid_arguments(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    with pytest.raises(NotFound):
        sandbox.run(sandbox.masking.simulate_call, "no-such-session", {"caller": US_A})
    uuid = session(api, main)
    for bad in (
        {},
        {"caller": "12"},
        {"caller": US_A, "outcome": "maybe"},
        {"caller": US_A, "x": 1},
    ):
        with pytest.raises(BadRequest):
            sandbox.run(sandbox.masking.simulate_call, uuid, bad)


def test_a_call_s_outcome_that_looks_like_a_phone_number_is_refused_as_an_outcome(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid = session(api, main)

    with pytest.raises(BadRequest, match=r"^outcome: '9991234567' is not one of \['completed'"):
        sandbox.run(sandbox.masking.simulate_call, uuid, {"caller": US_A, "outcome": "9991234567"})


# ---------------------------------------------------------------- events queued


def test_the_events_of_a_call_are_queued_for_their_urls_in_order(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid = session(
        api,
        main,
        record=True,
        recording_callback_url=RECORDING_HOOK,
        recording_callback_method="GET",
    )
    answer = place(sandbox, uuid)
    sent = queued(sandbox, uuid)
    assert [(d.callback.event, d.callback.url, d.callback.method) for d in sent] == [
        ("SessionFirstPartyAnswer", HOOK, "POST"),
        ("SessionSecondPartyRing", HOOK, "POST"),
        ("SessionSecondPartyAnswer", HOOK, "POST"),
        ("SessionRecordingInitiated", RECORDING_HOOK, "GET"),
        ("SessionFirstPartyHangup", HOOK, "POST"),
        ("SessionSecondPartyHangup", HOOK, "POST"),
        ("SessionRecordingCompleted", RECORDING_HOOK, "GET"),
    ]
    assert [d.callback.fields["SequenceNumber"] for d in sent] == [str(n) for n in range(1, 8)]
    assert [d.callback.kind for d in sent][3] == "masking-recording"
    assert {d.callback.owner for d in sent} == {main.auth_id}
    assert [event["callback_id"] for event in answer["events"]] == [d.id for d in sent]


def test_sequence_numbers_go_on_across_calls(api: Api, sandbox: Sandbox, main: Account) -> None:
    uuid = session(api, main)
    place(sandbox, uuid)
    place(sandbox, uuid, caller=US_B)
    numbers = [int(d.callback.fields["SequenceNumber"]) for d in queued(sandbox, uuid)]
    assert numbers == list(range(1, 11))


def test_a_session_without_urls_queues_nothing_but_the_call_says_what_happened(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid = session(api, main, callback_url=None)
    answer = place(sandbox, uuid)
    assert queued(sandbox, uuid) == []
    assert answer["forwarded"]
    assert {event["url"] for event in answer["events"]} == {None}


def test_a_subaccounts_session_is_signed_for_the_subaccount(
    api: Api, sandbox: Sandbox, sub: Account
) -> None:
    uuid = session(api, sub)
    place(sandbox, uuid)
    assert {d.callback.owner for d in queued(sandbox, uuid)} == {sub.auth_id}


def test_initiate_call_to_first_party_calls_the_first_party_right_after_create(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    created = api.create(
        main,
        first_party=US_A,
        second_party=US_B,
        callback_url=HOOK,
        initiate_call_to_first_party=True,
    )
    # The create answer shows the session as created; the call follows at once.
    assert created["session"]["interaction"] is None
    uuid = created["session_uuid"]
    got = api.get(main, uuid)
    assert got["total_call_count"] == 2
    events = [d.callback for d in queued(sandbox, uuid)]
    assert events[0].event == "SessionFirstPartyAnswer"
    assert events[0].fields["From"] == US_A.lstrip("+")
    assert "SessionSecondPartyAnswer" in [event.event for event in events]


def test_recordings_are_kept_with_the_session(api: Api, sandbox: Sandbox, main: Account) -> None:
    uuid = session(api, main, record=True, record_file_format="wav")
    answer = place(sandbox, uuid, duration=12)
    recording = answer["recording"]
    assert sandbox.run(sandbox.masking.recording, uuid, recording["recording_id"]) == recording
    assert recording["recording_format"] == "wav"
    assert recording["recording_duration_ms"] == 12_000
    assert recording["resource_uri"] == answer["interaction"]["recording_resource_url"]
    assert recording["recording_url"].startswith(f"{BASE}/_sandbox/media/{uuid}/")
    with pytest.raises(NotFound):
        sandbox.run(sandbox.masking.recording, uuid, "no-such-recording")


# ---------------------------------------------------------------- SessionTimeout


def timeouts(sandbox: Sandbox, uuid: str) -> list[Delivery]:
    return [d for d in queued(sandbox, uuid) if d.callback.event == "SessionTimeout"]


def test_session_timeout_is_sent_once_the_clock_passes_expiry_time(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock
) -> None:
    uuid = session(api, main, session_expiry=600)
    expiry = api.get(main, uuid)["expiry_time"]
    clock.advance(599)
    sandbox.fire_due_timers()
    assert timeouts(sandbox, uuid) == []
    clock.advance(1)
    sandbox.fire_due_timers()
    sandbox.fire_due_timers()
    [timeout] = timeouts(sandbox, uuid)
    assert timeout.callback.fields["EventTimestamp"] == expiry
    assert timeout.callback.fields["SessionUUID"] == uuid
    assert timeout.callback.due_us == to_micros(clock.now())


def test_session_timeout_continues_the_sessions_sequence_numbers(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock
) -> None:
    uuid = session(api, main, session_expiry=600)
    place(sandbox, uuid)
    clock.advance(600)
    sandbox.fire_due_timers()
    assert timeouts(sandbox, uuid)[0].callback.fields["SequenceNumber"] == "6"


def test_updating_session_expiry_moves_the_timeout(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock
) -> None:
    uuid = session(api, main, session_expiry=600)
    api.update(main, uuid, session_expiry=1200)
    clock.advance(900)
    sandbox.fire_due_timers()
    assert timeouts(sandbox, uuid) == []
    clock.advance(300)
    sandbox.fire_due_timers()
    assert len(timeouts(sandbox, uuid)) == 1


def test_a_deleted_session_sends_no_timeout(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock
) -> None:
    uuid = session(api, main, session_expiry=600)
    api.delete(main, uuid)
    clock.advance(3600)
    assert sandbox.fire_due_timers() == 0
    assert timeouts(sandbox, uuid) == []


def test_the_call_answer_names_its_times_from_now(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock
) -> None:
    uuid = session(api, main)
    answer = place(sandbox, uuid, duration=20)
    now = to_micros(clock.now())
    assert answer["legs"][0]["start_time"] == masking_time(now)
    assert answer["legs"][0]["end_time"] == masking_time(now + (RING_SECONDS + 20) * 1_000_000)


def test_an_unknown_callers_call_counts_but_names_no_party(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid = session(api, main, unknown_caller_play="https://example.com/who.mp3")
    answer = place(sandbox, uuid, caller=US_C)
    assert answer["caller_party"] is None and not answer["forwarded"]
    got = api.get(main, uuid)
    assert got["total_call_count"] == 1
    assert got["interaction"][0]["first_party_resource_url"] is None


def test_calls_are_charged_at_the_configured_rate(main: Account, clock: ManualClock) -> None:
    box = Sandbox(make_config(masking_call_rate="0.06", masking_billing_increment=1), clock=clock)
    try:
        api = Api(box)
        uuid = session(api, main)
        place(box, uuid, duration=30)
        got = api.get(main, uuid)
        # Per second: the caller's leg (ringing included) and the other party's.
        assert got["total_call_billed_duration"] == (RING_SECONDS + 30) + 30
        assert got["total_call_amount"] == pytest.approx(0.06 * (RING_SECONDS + 60) / 60)
    finally:
        box.close()
