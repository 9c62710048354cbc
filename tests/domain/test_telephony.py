"""The call flow of ``plivo_sandbox.masking.calls``: one simulated call, no store, no HTTP."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace
from decimal import Decimal

import pytest

from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.core.times import MICROS, masking_time
from plivo_sandbox.masking.calls import (
    BUSY_LINE,
    END_OF_XML,
    NO_ANSWER,
    NORMAL_HANGUP,
    OUT_OF_SERVICE,
    PIN_ENTRY_SECONDS,
    PLAY_SECONDS,
    RECORDING_EVENTS,
    REJECTED,
    RING_SECONDS,
    SESSION_EVENTS,
    TIME_LIMIT,
    CallRequest,
    CallResult,
    Rates,
    Urls,
    interaction,
    simulate_call,
)

NOW = 1_706_768_895 * MICROS  # 2024-02-01 06:28:15 UTC
FIRST = "14155550100"
SECOND = "14155550199"
STRANGER = "12025550111"
RATES = Rates(per_minute=Decimal("0.03300"), increment=60)
URLS = Urls("http://127.0.0.1:8000", "MADEMO1234567890ABCD", "s-1")


@dataclass
class Session:
    """A masking session as the flow reads it, with Plivo's defaults."""

    session_uuid: str = "s-1"
    owner: str = "MADEMO1234567890ABCD"
    virtual_number: str = "14155552671"
    first_party: str = FIRST
    second_party: str = SECOND
    expiry_us: int = NOW + 3600 * MICROS
    call_time_limit: int = 3600
    ring_timeout: int = 120
    first_party_play_url: str = ""
    second_party_play_url: str = ""
    is_pin_authentication_required: bool = False
    force_pin_authentication: bool = False
    first_party_pin: str = ""
    second_party_pin: str = ""
    pin_prompt_play: str = ""
    pin_retry: int = 1
    pin_retry_wait: int = 5
    incorrect_pin_play: str = ""
    unknown_caller_play: str = ""
    record: bool = False
    record_file_format: str = "mp3"


PIN_SESSION = Session(
    is_pin_authentication_required=True,
    first_party_pin="1234",
    second_party_pin="4321",
    pin_prompt_play="https://example.com/prompt.mp3",
    incorrect_pin_play="https://example.com/wrong.mp3",
)


def call(session: Session, caller: str = FIRST, **request: object) -> CallResult:
    """Simulate a call from ``caller`` with ids 1, 2, 3... so results are exact."""
    ids = (f"id-{n}" for n in itertools.count(1))
    settings = {"outcome": "completed", "duration": 30, **request}
    return simulate_call(
        session,
        CallRequest(caller=caller, **settings),  # type: ignore[arg-type]
        NOW,
        RATES,
        URLS,
        new_uuid=lambda: next(ids),
    )


def names(result: CallResult) -> list[str]:
    return [event.name for event in result.events]


def at(result: CallResult, name: str) -> int:
    """Seconds after NOW at which event ``name`` happened."""
    event = next(event for event in result.events if event.name == name)
    return (event.at_us - NOW) // MICROS


def fields(result: CallResult, name: str) -> dict[str, str]:
    return dict(next(event.fields for event in result.events if event.name == name))


# ---------------------------------------------------------------- forwarding


def test_a_call_from_the_first_party_rings_the_second_and_bridges_them() -> None:
    result = call(Session())
    assert result.forwarded and result.caller_party == "first_party"
    assert names(result) == [
        "SessionFirstPartyAnswer",
        "SessionSecondPartyRing",
        "SessionSecondPartyAnswer",
        "SessionFirstPartyHangup",
        "SessionSecondPartyHangup",
    ]
    assert [(leg.number, leg.party, leg.status) for leg in result.legs] == [
        (FIRST, "first_party", "completed"),
        (SECOND, "second_party", "completed"),
    ]


def test_a_call_from_the_second_party_is_forwarded_to_the_first() -> None:
    result = call(Session(), caller=SECOND)
    assert result.forwarded and result.caller_party == "second_party"
    answer = fields(result, "SessionSecondPartyAnswer")
    assert (answer["From"], answer["To"]) == (SECOND, FIRST)
    assert {leg.party: leg.number for leg in result.legs} == {
        "second_party": SECOND,
        "first_party": FIRST,
    }


def test_every_event_names_the_session_the_numbers_and_the_virtual_number() -> None:
    result = call(Session())
    for event in result.events:
        assert event.fields["SessionUUID"] == "s-1"
        assert event.fields["From"] == FIRST
        assert event.fields["VirtualNumber"] == "14155552671"
        assert event.fields["EventName"] == event.name
        assert event.fields["EventTimestamp"] == masking_time(event.at_us)
        assert all(isinstance(value, str) for value in event.fields.values())
    assert "To" not in fields(result, "SessionFirstPartyAnswer")
    assert fields(result, "SessionSecondPartyRing")["To"] == SECOND


def test_events_are_spread_over_the_call_from_now() -> None:
    result = call(Session(), duration=30)
    assert at(result, "SessionFirstPartyAnswer") == 0
    assert at(result, "SessionSecondPartyRing") == 0
    assert at(result, "SessionSecondPartyAnswer") == RING_SECONDS
    assert at(result, "SessionFirstPartyHangup") == RING_SECONDS + 30


def test_the_second_party_answers_within_ring_timeout() -> None:
    result = call(Session(ring_timeout=2))
    assert at(result, "SessionSecondPartyAnswer") == 2


def test_the_play_urls_are_played_before_the_parties_are_bridged() -> None:
    session = Session(
        first_party_play_url="https://example.com/one.mp3",
        second_party_play_url="https://example.com/two.mp3",
    )
    result = call(session, duration=10)
    # The caller hears their URL before the other party is rung; the other
    # party hears theirs after answering, before the bridge.
    assert at(result, "SessionSecondPartyRing") == PLAY_SECONDS
    assert at(result, "SessionSecondPartyAnswer") == PLAY_SECONDS + RING_SECONDS
    assert at(result, "SessionFirstPartyHangup") == 2 * PLAY_SECONDS + RING_SECONDS + 10


def test_hangups_carry_each_legs_duration_billing_and_cause() -> None:
    result = call(Session(), duration=61)
    caller, callee = (
        fields(result, "SessionFirstPartyHangup"),
        fields(result, "SessionSecondPartyHangup"),
    )
    assert caller["Duration"] == str(RING_SECONDS + 61)
    assert callee["Duration"] == "61"
    assert callee["BilledDuration"] == "120"  # whole minutes
    assert callee["Amount"] == "0.06600"
    assert (callee["PlivoHangupCause"], callee["PlivoHangupCauseCode"]) == (
        NORMAL_HANGUP[0],
        str(NORMAL_HANGUP[1]),
    )


def test_billing_rounds_each_answered_leg_up_to_the_increment() -> None:
    rates = Rates(per_minute=Decimal("0.06"), increment=6)
    assert rates.billed(0) == 0
    assert rates.billed(1) == 6
    assert rates.billed(12) == 12
    assert rates.amount(rates.billed(13)) == Decimal("0.01800")


# ---------------------------------------------------------------- outcomes


def test_no_answer_rings_for_ring_timeout_then_both_legs_end() -> None:
    result = call(Session(ring_timeout=45), outcome="no-answer")
    assert not result.forwarded
    assert names(result) == [
        "SessionFirstPartyAnswer",
        "SessionSecondPartyRing",
        "SessionSecondPartyHangup",
        "SessionFirstPartyHangup",
    ]
    hangup = fields(result, "SessionSecondPartyHangup")
    assert hangup["PlivoHangupCause"] == NO_ANSWER[0]
    assert (hangup["Duration"], hangup["BilledDuration"], hangup["Amount"]) == ("0", "0", "0.00000")
    assert at(result, "SessionSecondPartyHangup") == 45
    assert [leg.status for leg in result.legs] == ["completed", "no-answer"]


def test_a_busy_party_never_rings() -> None:
    result = call(Session(), outcome="busy")
    assert "SessionSecondPartyRing" not in names(result)
    assert fields(result, "SessionSecondPartyHangup")["PlivoHangupCause"] == BUSY_LINE[0]
    assert not result.forwarded


def test_a_failed_call_ends_at_once_out_of_service() -> None:
    result = call(Session(), outcome="failed")
    hangup = fields(result, "SessionSecondPartyHangup")
    assert hangup["PlivoHangupCauseCode"] == str(OUT_OF_SERVICE[1])
    assert at(result, "SessionSecondPartyHangup") == 0


def test_call_time_limit_cuts_every_leg() -> None:
    result = call(Session(call_time_limit=20), duration=600)
    assert result.forwarded
    caller = fields(result, "SessionFirstPartyHangup")
    callee = fields(result, "SessionSecondPartyHangup")
    assert caller["Duration"] == "20"  # counted from the caller's answer
    assert callee["Duration"] == str(20 - RING_SECONDS)
    assert caller["PlivoHangupCause"] == callee["PlivoHangupCause"] == TIME_LIMIT[0]


def test_an_expired_session_forwards_nothing() -> None:
    result = call(Session(expiry_us=NOW))
    assert not result.forwarded
    assert result.legs == () and result.events == ()
    assert interaction(result, URLS) is None


def test_a_single_party_session_has_nobody_to_forward_to() -> None:
    result = call(Session(second_party=""))
    assert not result.forwarded
    assert names(result) == ["SessionFirstPartyAnswer", "SessionFirstPartyHangup"]
    assert len(result.legs) == 1


# ---------------------------------------------------------------- unknown callers, PINs


def test_an_unknown_caller_without_pin_authentication_hears_unknown_caller_play() -> None:
    result = call(Session(unknown_caller_play="https://example.com/who.mp3"), caller=STRANGER)
    assert not result.forwarded and result.caller_party is None
    assert names(result) == ["SessionFirstPartyAnswer", "SessionFirstPartyHangup"]
    hangup = fields(result, "SessionFirstPartyHangup")
    assert hangup["PlivoHangupCause"] == END_OF_XML[0]
    assert hangup["Duration"] == str(PLAY_SECONDS)


def test_an_unknown_caller_is_rejected_when_there_is_nothing_to_play() -> None:
    result = call(Session(), caller=STRANGER)
    assert names(result) == ["SessionFirstPartyHangup"]
    assert fields(result, "SessionFirstPartyHangup")["PlivoHangupCause"] == REJECTED[0]
    assert result.legs[0].billed_duration == 0


def test_a_correct_pin_maps_an_unknown_caller_to_that_party() -> None:
    result = call(PIN_SESSION, caller=STRANGER, pin="1234")
    assert result.forwarded and result.caller_party == "first_party"
    status = fields(result, "SessionPinAuthenticationStatus")
    assert (status["PinAuthenticationStatus"], status["PinRetryCounter"]) == ("success", "0")
    assert fields(result, "SessionSecondPartyRing")["To"] == SECOND
    assert at(result, "SessionPinAuthenticationStatus") == PLAY_SECONDS + PIN_ENTRY_SECONDS


def test_the_second_partys_pin_forwards_to_the_first_party() -> None:
    result = call(PIN_SESSION, caller=STRANGER, pin="4321")
    assert result.caller_party == "second_party"
    assert fields(result, "SessionSecondPartyAnswer")["To"] == FIRST


def test_a_wrong_pin_is_retried_pin_retry_times_then_the_call_ends() -> None:
    session = replace(PIN_SESSION, pin_retry=2, pin_retry_wait=7)
    result = call(session, caller=STRANGER, pin="9999")
    assert not result.forwarded
    assert names(result) == [
        "SessionFirstPartyAnswer",
        "SessionPinAuthenticationStatus",
        "SessionFirstPartyHangup",
    ]
    status = fields(result, "SessionPinAuthenticationStatus")
    assert (status["PinAuthenticationStatus"], status["PinRetryCounter"]) == ("failed", "2")
    # prompt, then per attempt: entry + incorrect_pin_play, and wait + prompt between attempts
    per_attempt = PIN_ENTRY_SECONDS + PLAY_SECONDS
    expected = PLAY_SECONDS + 3 * per_attempt + 2 * (7 + PLAY_SECONDS)
    assert at(result, "SessionFirstPartyHangup") == expected


def test_a_caller_who_keys_nothing_fails_pin_authentication() -> None:
    result = call(PIN_SESSION, caller=STRANGER)
    assert result.pin_status == "failed"


def test_a_party_calling_from_their_own_number_is_an_authorized_caller() -> None:
    result = call(PIN_SESSION, caller=FIRST)
    assert result.forwarded
    status = fields(result, "SessionPinAuthenticationStatus")
    assert status["PinAuthenticationStatus"] == "authorized-caller"
    assert at(result, "SessionSecondPartyRing") == 0  # no prompt


def test_force_pin_authentication_asks_even_a_party_for_a_pin() -> None:
    session = replace(PIN_SESSION, force_pin_authentication=True)
    assert call(session, caller=FIRST).pin_status == "failed"
    assert call(session, caller=FIRST, pin="1234").forwarded


# ---------------------------------------------------------------- initiate_call_to_first_party


def test_the_sandbox_calling_the_first_party_bridges_the_second_once_answered() -> None:
    result = call(Session(), caller=FIRST, initiated=True)
    assert result.forwarded
    assert at(result, "SessionFirstPartyAnswer") == RING_SECONDS
    assert fields(result, "SessionSecondPartyAnswer")["To"] == SECOND


def test_a_called_first_party_is_never_asked_for_a_pin() -> None:
    session = replace(PIN_SESSION, force_pin_authentication=True)
    assert call(session, caller=FIRST, initiated=True).forwarded


# ---------------------------------------------------------------- recordings


def test_a_recorded_call_is_recorded_from_the_bridge_to_the_hangup() -> None:
    result = call(Session(record=True, record_file_format="wav"), duration=42)
    assert result.recording is not None
    assert (result.recording.file_format, result.recording.duration) == ("wav", 42)
    started = fields(result, "SessionRecordingInitiated")
    done = fields(result, "SessionRecordingCompleted")
    assert at(result, "SessionRecordingInitiated") == at(result, "SessionSecondPartyAnswer")
    assert done["RecordingDuration"] == "42"
    assert done["RecordingURL"] == URLS.media(result.recording.recording_uuid, "wav")
    assert done["RecordingResourceURL"] == URLS.recording(result.recording.recording_uuid)
    assert started["RecordingStartTime"] == done["RecordingStartTime"]
    assert done["RecordingEndTime"] == fields(result, "SessionFirstPartyHangup")["EventTimestamp"]
    assert [event.kind for event in result.events if "Recording" in event.name] == [
        "masking-recording",
        "masking-recording",
    ]


def test_a_recording_that_cannot_start_is_reported_failed() -> None:
    result = call(Session(record=True), recording="failed")
    assert "SessionRecordingFailed" in names(result)
    assert "SessionRecordingCompleted" not in names(result)
    assert "RecordingURL" not in fields(result, "SessionRecordingFailed")
    stored = interaction(result, URLS)
    assert stored is not None and stored["recording_resource_url"] is None


def test_nothing_is_recorded_without_record_or_without_a_bridge() -> None:
    assert call(Session()).recording is None
    assert call(Session(record=True), outcome="busy").recording is None


# ---------------------------------------------------------------- the interaction object


def test_the_interaction_lists_both_legs_the_recording_and_the_charges() -> None:
    result = call(Session(record=True), duration=30)
    assert result.recording is not None
    legs = {leg.party: leg for leg in result.legs}
    assert interaction(result, URLS) == {
        "start_time": masking_time(NOW),
        "end_time": masking_time(NOW + (RING_SECONDS + 30) * MICROS),
        "first_party_resource_url": URLS.call(legs["first_party"].call_uuid),
        "second_party_resource_url": URLS.call(legs["second_party"].call_uuid),
        "first_party_status": "completed",
        "second_party_status": "completed",
        "type": "call",
        "total_call_amount": 0.066,
        "call_billed_duration": 120,
        "recording_resource_url": URLS.recording(result.recording.recording_uuid),
        "total_call_count": 2,
        "duration": RING_SECONDS + 30,
    }


def test_a_leg_never_made_is_null_in_the_interaction() -> None:
    stored = interaction(call(Session(), caller=STRANGER), URLS)
    assert stored is not None
    assert stored["first_party_resource_url"] is None
    assert stored["second_party_resource_url"] is None
    assert stored["total_call_count"] == 1


@pytest.mark.parametrize("outcome", ["no-answer", "busy", "failed"])
def test_the_interaction_shows_how_the_dialled_leg_ended(outcome: str) -> None:
    stored = interaction(call(Session(), outcome=outcome), URLS)
    assert stored is not None
    assert (stored["first_party_status"], stored["second_party_status"]) == ("completed", outcome)


# ---------------------------------------------------------------- the spec's event schemas

EVENT_SCHEMAS = {SESSION_EVENTS: "MaskingSessionEvent", RECORDING_EVENTS: "MaskingRecordingEvent"}
# One call down every branch of the flow.
EVERY_BRANCH = [
    (Session(record=True), FIRST, {}),
    (Session(record=True), SECOND, {"outcome": "no-answer"}),
    (Session(), FIRST, {"outcome": "busy"}),
    (Session(), FIRST, {"outcome": "failed"}),
    (Session(call_time_limit=10), FIRST, {}),
    (Session(record=True), FIRST, {"recording": "failed"}),
    (Session(unknown_caller_play="https://example.com/who.mp3"), STRANGER, {}),
    (PIN_SESSION, STRANGER, {"pin": "1234"}),
    (PIN_SESSION, STRANGER, {"pin": "0000"}),
    (replace(PIN_SESSION, force_pin_authentication=True), FIRST, {"pin": "1234"}),
    (Session(), FIRST, {"initiated": True}),
]


@pytest.mark.parametrize(("session", "caller", "request_"), EVERY_BRANCH)
def test_every_event_has_only_the_fields_and_names_of_the_spec_event_schemas(
    session: Session, caller: str, request_: dict[str, object]
) -> None:
    spec = ApiSpec()
    result = call(session, caller, **request_)
    assert result.events
    for event in result.events:
        schema = spec.schema(EVENT_SCHEMAS[event.kind])
        sent = {**event.fields, "SequenceNumber": "1"}  # the session numbers it
        assert set(schema["required"]) <= set(sent), event.name
        assert set(sent) <= set(schema["properties"]), event.name
        assert sent["EventName"] in schema["properties"]["EventName"]["enum"]
        assert all(isinstance(value, str) for value in sent.values())  # form values
