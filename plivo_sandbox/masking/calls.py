"""One call through a masking session, simulated at once: Plivo's documented flow.

Pure domain code: no store, no HTTP, no clock. ``simulate_call`` takes the
session as it stands, the call asked for and the moment it starts, and
answers everything that happened: the call legs with their charges, the
recording, and the events Plivo would send, with times spread over the call
from that moment (nobody waits for a simulated call).

Names follow Plivo's documents: in events, the *first party* is the leg that
reached the virtual number (the caller) and the *second party* the leg the
virtual number dialled (the documents list ``SessionSecondPartyRing`` and no
first-party ring). In the interaction object, ``first_party_resource_url`` is
the leg of the session's ``first_party`` and ``second_party_resource_url``
the leg of its ``second_party``.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Literal, Protocol

from plivo_sandbox.core.times import MICROS, masking_time, whole_seconds

Party = Literal["first_party", "second_party"]
EventKind = Literal["masking-session", "masking-recording"]
SESSION_EVENTS: EventKind = "masking-session"
RECORDING_EVENTS: EventKind = "masking-recording"

# How long the parts of a call the sandbox does not really perform take, in
# seconds: a played URL (greeting, PIN prompt, message; never fetched), keying a
# PIN in, a phone ringing before it is answered (at most ``ring_timeout``), a
# busy signal.
PLAY_SECONDS = 5
PIN_ENTRY_SECONDS = 4
RING_SECONDS = 5
BUSY_SECONDS = 2

# Hangup causes (name, code) for the ways a simulated leg ends. The first three
# are from Plivo's hangup-cause table; the codes of the others are the
# sandbox's own (docs/webhooks.md says so).
NORMAL_HANGUP = ("Normal Hangup", 4000)
END_OF_XML = ("End Of XML Instructions", 4010)  # Plivo hung up after playing a message
OUT_OF_SERVICE = ("Destination Out Of Service", 2010)
BUSY_LINE = ("Busy Line", 3000)
REJECTED = ("Rejected", 3010)
NO_ANSWER = ("No Answer", 3020)
TIME_LIMIT = ("Time Limit Reached", 8010)  # the session's call_time_limit cut the call
# What becomes of the dialled party's leg for each outcome a test asks for.
CALLEE_END = {"no-answer": NO_ANSWER, "busy": BUSY_LINE, "failed": OUT_OF_SERVICE}

# PinAuthenticationStatus values: Plivo sends the event on success, on failure,
# and for a caller calling from a party's registered number.
PIN_SUCCESS = "success"
PIN_FAILED = "failed"
PIN_AUTHORIZED_CALLER = "authorized-caller"

MONEY_PLACES = Decimal("0.00001")


class CallSession(Protocol):
    """What of a masking session shapes a call (``MaskingRecord`` has all of it)."""

    session_uuid: str
    owner: str
    virtual_number: str
    first_party: str
    second_party: str
    expiry_us: int
    call_time_limit: int
    ring_timeout: int
    first_party_play_url: str
    second_party_play_url: str
    is_pin_authentication_required: bool
    force_pin_authentication: bool
    first_party_pin: str
    second_party_pin: str
    pin_prompt_play: str
    pin_retry: int
    pin_retry_wait: int
    incorrect_pin_play: str
    unknown_caller_play: str
    record: bool
    record_file_format: str


@dataclass(frozen=True)
class CallRequest:
    """A call a test places: who dials the virtual number and how it goes."""

    caller: str  # E.164 digits without '+'
    outcome: str  # what the dialled party does: completed | no-answer | busy | failed
    duration: int  # seconds the bridged parties talk
    pin: str = ""  # what the caller keys in when asked for a PIN ("" keys nothing)
    recording: str = "completed"  # completed | failed: whether a recording can start
    initiated: bool = False  # the sandbox calls the first party (initiate_call_to_first_party)


@dataclass(frozen=True)
class Rates:
    """What a call leg costs: USD per minute, billed in whole increments of seconds."""

    per_minute: Decimal
    increment: int

    def billed(self, seconds: int) -> int:
        """Seconds billed for a leg answered ``seconds`` long (0 for an unanswered leg)."""
        if seconds <= 0:
            return 0
        return math.ceil(seconds / self.increment) * self.increment

    def amount(self, billed: int) -> Decimal:
        """USD charged for ``billed`` seconds."""
        return (self.per_minute * billed / 60).quantize(MONEY_PLACES, ROUND_HALF_UP)


@dataclass(frozen=True)
class Leg:
    """One call leg: the caller's, or the one the virtual number dialled."""

    call_uuid: str
    number: str  # the real number of the phone on this leg
    party: Party | None  # the session party it stands for (None: an unknown caller)
    status: str  # completed (answered), or rejected / no-answer / busy / failed
    start_us: int
    answer_us: int | None
    end_us: int
    hangup_cause: tuple[str, int]
    billed_duration: int
    amount: Decimal

    @property
    def duration(self) -> int:
        """Seconds from answer to hangup (0 if never answered)."""
        return 0 if self.answer_us is None else (self.end_us - self.answer_us) // MICROS


@dataclass(frozen=True)
class Recording:
    """The recording of a bridged call (``failed``: it could not start)."""

    recording_uuid: str
    file_format: str
    start_us: int
    end_us: int
    failed: bool = False

    @property
    def duration(self) -> int:
        """Seconds recorded."""
        return (self.end_us - self.start_us) // MICROS


@dataclass(frozen=True)
class Event:
    """An event Plivo sends; ``fields`` lack ``SequenceNumber``, which the session assigns."""

    kind: EventKind
    name: str
    at_us: int
    fields: Mapping[str, str]


@dataclass(frozen=True)
class CallResult:
    """Everything that happened in one simulated call."""

    forwarded: bool  # the two parties were bridged
    reason: str  # what happened, in a sentence
    caller_party: Party | None  # the party the caller was taken for (by number or PIN)
    legs: tuple[Leg, ...] = ()
    recording: Recording | None = None
    events: tuple[Event, ...] = ()  # in the order they happened
    pin_status: str = ""  # PinAuthenticationStatus, when PIN authentication applied
    pin_retries: int = 0

    @property
    def start_us(self) -> int | None:
        """When the first leg began."""
        return min((leg.start_us for leg in self.legs), default=None)

    @property
    def end_us(self) -> int | None:
        """When the last leg ended."""
        return max((leg.end_us for leg in self.legs), default=None)


def other(party: Party) -> Party:
    """The party a call from ``party`` is forwarded to."""
    return "second_party" if party == "first_party" else "first_party"


def _new_uuid() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Urls:
    """Where the sandbox says a call's resources live (under ``base``, the sandbox's URL)."""

    base: str
    owner: str
    session_uuid: str

    def call(self, call_uuid: str) -> str:
        """A call leg, as Plivo writes it: ``.../v1/Account/{auth_id}/Call/{call_uuid}``."""
        return f"{self.base}/v1/Account/{self.owner}/Call/{call_uuid}"

    def recording(self, recording_uuid: str) -> str:
        """The recording resource the sandbox serves."""
        return (
            f"{self.base}/_sandbox/masking/sessions/{self.session_uuid}/recordings/{recording_uuid}"
        )

    def media(self, recording_uuid: str, file_format: str) -> str:
        """The recording's audio file the sandbox serves."""
        return f"{self.base}/_sandbox/media/{self.session_uuid}/{recording_uuid}.{file_format}"


@dataclass
class _Call:
    """The call being simulated: a cursor in time and what has happened so far."""

    session: CallSession
    request: CallRequest
    rates: Rates
    urls: Urls
    new_uuid: Callable[[], str]
    now_us: int
    events: list[Event] = field(default_factory=list)
    legs: list[Leg] = field(default_factory=list)

    def wait(self, seconds: int) -> None:
        self.now_us += seconds * MICROS

    def common(self, caller: str, callee: str) -> dict[str, str]:
        fields = {"SessionUUID": self.session.session_uuid, "From": caller}
        if callee:
            fields["To"] = callee
        fields["VirtualNumber"] = self.session.virtual_number
        return fields

    def event(self, name: str, base: Mapping[str, str], **extra: str) -> None:
        fields = {"EventName": name, "EventTimestamp": masking_time(self.now_us), **base, **extra}
        self.events.append(Event(SESSION_EVENTS, name, self.now_us, fields))

    def recording_event(
        self, name: str, base: Mapping[str, str], at_us: int | None = None, **extra: str
    ) -> None:
        at = self.now_us if at_us is None else at_us
        fields = {"EventName": name, "EventTimestamp": masking_time(at), **base, **extra}
        self.events.append(Event(RECORDING_EVENTS, name, at, fields))

    def end_leg(
        self,
        number: str,
        party: Party | None,
        start_us: int,
        answer_us: int | None,
        cause: tuple[str, int],
        status: str = "",
    ) -> Leg:
        seconds = 0 if answer_us is None else (self.now_us - answer_us) // MICROS
        billed = self.rates.billed(seconds)
        leg = Leg(
            call_uuid=self.new_uuid(),
            number=number,
            party=party,
            status=status or ("completed" if answer_us is not None else "rejected"),
            start_us=start_us,
            answer_us=answer_us,
            end_us=self.now_us,
            hangup_cause=cause,
            billed_duration=billed,
            amount=self.rates.amount(billed),
        )
        self.legs.append(leg)
        return leg

    def hangup_event(self, name: str, base: Mapping[str, str], leg: Leg) -> None:
        self.event(
            name,
            base,
            Duration=str(leg.duration),
            BilledDuration=str(leg.billed_duration),
            Amount=format(leg.amount, "f"),
            PlivoHangupCause=leg.hangup_cause[0],
            PlivoHangupCauseCode=str(leg.hangup_cause[1]),
        )


def _party_of(session: CallSession, number: str) -> Party | None:
    if session.first_party and number == session.first_party:
        return "first_party"
    if session.second_party and number == session.second_party:
        return "second_party"
    return None


def _party_by_pin(session: CallSession, pin: str) -> Party | None:
    if pin and pin == session.first_party_pin:
        return "first_party"
    if pin and pin == session.second_party_pin:
        return "second_party"
    return None


def simulate_call(
    session: CallSession,
    request: CallRequest,
    now_us: int,
    rates: Rates,
    urls: Urls,
    new_uuid: Callable[[], str] = _new_uuid,
) -> CallResult:
    """Simulate ``request`` through ``session`` starting at ``now_us``.

    The flow Plivo documents: a call from a party is forwarded to the other
    one (its play URL played first, the other rung for up to ``ring_timeout``
    and bridged, its own play URL played before bridging); a caller who is
    neither party goes through PIN authentication when the session requires
    it (``force_pin_authentication``: even a party), and otherwise hears
    ``unknown_caller_play``; ``call_time_limit`` cuts every leg; a session
    past its expiry forwards nothing.
    """
    start_us = whole_seconds(now_us)
    if start_us >= session.expiry_us:
        return CallResult(
            forwarded=False,
            reason="the session has expired: its virtual number forwards nothing",
            caller_party=None,
        )
    call = _Call(session, request, rates, urls, new_uuid, start_us)
    caller = request.caller
    party = "first_party" if request.initiated else _party_of(session, caller)
    base = call.common(caller, "")
    caller_start = call.now_us
    if request.initiated:
        # Plivo dials the first party; the call goes on once they answer.
        call.wait(min(RING_SECONDS, session.ring_timeout))
    pin_needed = (
        session.is_pin_authentication_required
        and not request.initiated
        and (party is None or session.force_pin_authentication)
    )
    if party is None and not pin_needed:
        return _unknown_caller(call, base, caller_start)

    caller_answer = call.now_us
    call.event("SessionFirstPartyAnswer", base)
    pin_status, retries = "", 0
    if pin_needed:
        party, retries = _authenticate(call)
        pin_status = PIN_SUCCESS if party is not None else PIN_FAILED
        call.event(
            "SessionPinAuthenticationStatus",
            base,
            PinAuthenticationStatus=pin_status,
            PinRetryCounter=str(retries),
        )
        if party is None:
            leg = call.end_leg(caller, None, caller_start, caller_answer, END_OF_XML)
            call.hangup_event("SessionFirstPartyHangup", base, leg)
            return _result(call, False, "the caller keyed no right PIN", None, pin_status, retries)
    elif session.is_pin_authentication_required:
        pin_status = PIN_AUTHORIZED_CALLER
        call.event(
            "SessionPinAuthenticationStatus",
            base,
            PinAuthenticationStatus=pin_status,
            PinRetryCounter="0",
        )
    assert party is not None
    return _forward(call, party, caller_start, caller_answer, pin_status, retries)


def _unknown_caller(call: _Call, base: Mapping[str, str], caller_start: int) -> CallResult:
    """A caller who is neither party, without PIN authentication: never forwarded."""
    session = call.session
    if session.unknown_caller_play:
        answer = call.now_us
        call.event("SessionFirstPartyAnswer", base)
        call.wait(PLAY_SECONDS)
        leg = call.end_leg(call.request.caller, None, caller_start, answer, END_OF_XML)
        reason = "the caller is neither party: unknown_caller_play was played"
    else:
        leg = call.end_leg(call.request.caller, None, caller_start, None, REJECTED)
        reason = "the caller is neither party: the call was rejected"
    call.hangup_event("SessionFirstPartyHangup", base, leg)
    return _result(call, False, reason, None)


def _authenticate(call: _Call) -> tuple[Party | None, int]:
    """Prompt for a PIN up to 1 + ``pin_retry`` times; the party it maps to, and retries used."""
    session = call.session
    call.wait(PLAY_SECONDS)  # pin_prompt_play
    attempts = 1 + session.pin_retry
    for attempt in range(attempts):
        call.wait(PIN_ENTRY_SECONDS)
        party = _party_by_pin(session, call.request.pin)
        if party is not None:
            return party, attempt
        call.wait(PLAY_SECONDS)  # incorrect_pin_play
        if attempt + 1 < attempts:
            call.wait(session.pin_retry_wait)
            call.wait(PLAY_SECONDS)  # pin_prompt_play again
    return None, attempts - 1


def _play_url(session: CallSession, party: Party) -> str:
    return session.first_party_play_url if party == "first_party" else session.second_party_play_url


def _number(session: CallSession, party: Party) -> str:
    return session.first_party if party == "first_party" else session.second_party


def _forward(
    call: _Call,
    party: Party,
    caller_start: int,
    caller_answer: int,
    pin_status: str,
    retries: int,
) -> CallResult:
    """Ring the other party and bridge the two, as the outcome allows."""
    session, request = call.session, call.request
    caller = request.caller
    callee_party = other(party)
    callee = _number(session, callee_party)
    base = call.common(caller, callee)

    def end_caller(cause: tuple[str, int]) -> Leg:
        return call.end_leg(caller, party, caller_start, caller_answer, cause)

    if not callee:
        leg = end_caller(END_OF_XML)
        call.hangup_event("SessionFirstPartyHangup", base, leg)
        reason = f"the session has no {callee_party} yet: nobody to forward the call to"
        return _result(call, False, reason, party, pin_status, retries)
    if _play_url(session, party):
        call.wait(PLAY_SECONDS)
    callee_start = call.now_us
    if request.outcome in ("completed", "no-answer"):
        call.event("SessionSecondPartyRing", base)
    if request.outcome != "completed":
        call.wait({"no-answer": session.ring_timeout, "busy": BUSY_SECONDS}.get(request.outcome, 0))
        cause = CALLEE_END[request.outcome]
        callee_leg = call.end_leg(callee, callee_party, callee_start, None, cause, request.outcome)
        call.hangup_event("SessionSecondPartyHangup", base, callee_leg)
        caller_leg = end_caller(END_OF_XML)
        call.hangup_event("SessionFirstPartyHangup", base, caller_leg)
        reason = f"the {callee_party} did not take the call ({request.outcome})"
        return _result(call, False, reason, party, pin_status, retries)

    call.wait(min(RING_SECONDS, session.ring_timeout))
    callee_answer = call.now_us
    call.event("SessionSecondPartyAnswer", base)
    if _play_url(session, callee_party):
        call.wait(PLAY_SECONDS)
    bridge_us = call.now_us
    # call_time_limit counts from the caller's answer and cuts every leg at once.
    left = max(0, (caller_answer + session.call_time_limit * MICROS - bridge_us) // MICROS)
    cut = left < request.duration
    call.wait(min(request.duration, left))
    recording = _record(call, base, bridge_us) if session.record else None
    cause = TIME_LIMIT if cut else NORMAL_HANGUP
    caller_leg = end_caller(cause)
    callee_leg = call.end_leg(callee, callee_party, callee_start, callee_answer, cause)
    # The caller hangs up (or the time limit cuts both): the caller's leg ends first.
    call.hangup_event("SessionFirstPartyHangup", base, caller_leg)
    call.hangup_event("SessionSecondPartyHangup", base, callee_leg)
    if recording is not None and not recording.failed:
        call.recording_event(
            "SessionRecordingCompleted",
            _recording_fields(call, base, recording),
            RecordingEndTime=masking_time(recording.end_us),
            RecordingDuration=str(recording.duration),
        )
    reason = f"bridged to the {callee_party}" + ("; call_time_limit cut the call" if cut else "")
    return _result(call, True, reason, party, pin_status, retries, recording)


def _record(call: _Call, base: Mapping[str, str], bridge_us: int) -> Recording:
    """The recording of the bridge up to now; its first event is dated at the bridge."""
    failed = call.request.recording == "failed"
    recording = Recording(
        recording_uuid=call.new_uuid(),
        file_format=call.session.record_file_format,
        start_us=bridge_us,
        end_us=bridge_us if failed else call.now_us,
        failed=failed,
    )
    if failed:
        fields = {**base, "RecordingFormat": recording.file_format}
        call.recording_event("SessionRecordingFailed", fields, at_us=bridge_us)
    else:
        fields = _recording_fields(call, base, recording)
        call.recording_event("SessionRecordingInitiated", fields, at_us=bridge_us)
    return recording


def _recording_fields(call: _Call, base: Mapping[str, str], recording: Recording) -> dict[str, str]:
    return {
        **base,
        "RecordingUUID": recording.recording_uuid,
        "RecordingFormat": recording.file_format,
        "RecordingStartTime": masking_time(recording.start_us),
        "RecordingURL": call.urls.media(recording.recording_uuid, recording.file_format),
        "RecordingResourceURL": call.urls.recording(recording.recording_uuid),
    }


def _result(
    call: _Call,
    forwarded: bool,
    reason: str,
    party: Party | None,
    pin_status: str = "",
    retries: int = 0,
    recording: Recording | None = None,
) -> CallResult:
    # Stable sort: events at the same second keep the order they happened in.
    events = tuple(sorted(call.events, key=lambda event: event.at_us))
    return CallResult(
        forwarded=forwarded,
        reason=reason,
        caller_party=party,
        # The caller's leg first, then the one the virtual number dialled.
        legs=tuple(sorted(call.legs, key=lambda leg: leg.number != call.request.caller)),
        recording=recording,
        events=events,
        pin_status=pin_status,
        pin_retries=retries,
    )


def interaction(result: CallResult, urls: Urls) -> dict[str, Any] | None:
    """The interaction object of a call, as the session lists it; None when no leg was made."""
    start, end = result.start_us, result.end_us
    if start is None or end is None:
        return None
    by_party = {leg.party: leg for leg in result.legs if leg.party is not None}
    first, second = by_party.get("first_party"), by_party.get("second_party")
    recording = result.recording
    amount = sum((leg.amount for leg in result.legs), Decimal(0))
    return {
        "start_time": masking_time(start),
        "end_time": masking_time(end),
        "first_party_resource_url": None if first is None else urls.call(first.call_uuid),
        "second_party_resource_url": None if second is None else urls.call(second.call_uuid),
        "first_party_status": None if first is None else first.status,
        "second_party_status": None if second is None else second.status,
        "type": "call",
        "total_call_amount": float(amount),
        "call_billed_duration": sum(leg.billed_duration for leg in result.legs),
        "recording_resource_url": None
        if recording is None or recording.failed
        else urls.recording(recording.recording_uuid),
        "total_call_count": len(result.legs),
        "duration": (end - start) // MICROS,
    }
