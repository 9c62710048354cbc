"""A stored masking session (``MaskingRecord``): its fields, its row, and how Plivo shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from plivo_sandbox.core.store import (
    Kind,
    Row,
    StoredRecord,
)
from plivo_sandbox.core.times import MICROS, check_showable, masking_time
from plivo_sandbox.masking import calls

KIND: Kind = "masking"

PARTIES = ("first_party", "second_party")
PINS = ("first_party_pin", "second_party_pin")
PIN_PLAYS = ("pin_prompt_play", "incorrect_pin_play")


@dataclass
class MaskingRecord(StoredRecord):
    """A stored masking session: everything needed to render it."""

    session_uuid: str
    owner: str
    root: str
    subaccount: str  # "" unless the session belongs to a subaccount
    first_party: str
    second_party: str
    single_party: bool
    virtual_number: str
    geomatch: bool
    virtual_number_cooloff_period: int
    session_expiry: int
    created_us: int
    modified_us: int
    expiry_us: int
    record: bool
    recording_callback_url: str
    record_file_format: str
    recording_callback_method: str
    call_time_limit: int
    initiate_call_to_first_party: bool
    callback_url: str
    callback_method: str
    ring_timeout: int
    first_party_play_url: str
    second_party_play_url: str
    is_pin_authentication_required: bool
    generate_pin: bool
    generate_pin_length: int
    first_party_pin: str
    second_party_pin: str
    pin_prompt_play: str
    pin_retry: int
    pin_retry_wait: int
    incorrect_pin_play: str
    unknown_caller_play: str
    force_pin_authentication: bool
    # What happened in the session: the interaction objects of its latest
    # calls (as rendered), their recordings, the totals over every call (None
    # in a record stored before totals were kept: the list then has them all),
    # the last SequenceNumber of its events, and whether SessionTimeout went out.
    interactions: list[dict[str, Any]] = field(default_factory=list)
    recordings: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, Any] | None = None
    sequence: int = 0
    timed_out: bool = False

    def release_us(self) -> int:
        """Until when the number stays held (expiry plus cool-off); 400 unless showable.

        Only showable times are stored, so every read and list can render them.
        """
        check_showable("session_expiry", self.expiry_us)
        release_us = self.expiry_us + self.virtual_number_cooloff_period * MICROS
        return check_showable("virtual_number_cooloff_period", release_us)

    def to_row(self) -> Row:
        """The record as a store row, with its indexed columns."""
        # The number stays held after the session ends, for its cool-off period.
        release_us = self.release_us()
        return Row(
            kind=KIND,
            uuid=self.session_uuid,
            owner=self.owner,
            root=self.root,
            created_us=self.created_us,
            expiry_us=self.expiry_us,
            release_us=release_us,
            number=self.virtual_number,
            data=self.to_data(),
            attributes={"first_party": self.first_party, "second_party": self.second_party},
        )

    def active(self, now_us: int) -> bool:
        """``active`` until ``expiry_time``, computed from the clock."""
        return now_us < self.expiry_us

    def status(self, now_us: int) -> str:
        """The session's ``status``: ``active``, or ``expired`` from its expiry time on."""
        return "active" if self.active(now_us) else "expired"

    def parties(self) -> frozenset[str]:
        """The real numbers of the session (an unset party is left out)."""
        return frozenset(p for p in (self.first_party, self.second_party) if p)

    def render(self, now_us: int) -> dict[str, Any]:
        """The session object of the MaskingSession schema, in Plivo's field order."""
        body: dict[str, Any] = {
            "first_party": self.first_party,
            "second_party": self.second_party,
            "virtual_number": self.virtual_number,
            "status": self.status(now_us),
            "initiate_call_to_first_party": self.initiate_call_to_first_party,
        }
        if self.is_pin_authentication_required:
            body |= {
                "first_party_pin": self.first_party_pin,
                "second_party_pin": self.second_party_pin,
                "is_pin_authentication_required": True,
                "generate_pin": self.generate_pin,
                "generate_pin_length": self.generate_pin_length,
                "pin_prompt_play": self.pin_prompt_play,
                "pin_retry": self.pin_retry,
                # Plivo's own quirk: pin_retry_wait comes back as a string.
                "pin_retry_wait": str(self.pin_retry_wait),
                "incorrect_pin_play": self.incorrect_pin_play,
                "unknown_caller_play": self.unknown_caller_play,
                "force_pin_authentication": self.force_pin_authentication,
            }
        body |= {
            "session_uuid": self.session_uuid,
            "callback_url": self.callback_url,
            "callback_method": self.callback_method,
            "created_time": masking_time(self.created_us),
            "modified_time": masking_time(self.modified_us),
            "expiry_time": masking_time(self.expiry_us),
            "duration": (self.expiry_us - self.created_us) // MICROS,
            "amount": SESSION_AMOUNT,
            "call_time_limit": self.call_time_limit,
            "ring_timeout": self.ring_timeout,
            "first_party_play_url": self.first_party_play_url,
            "second_party_play_url": self.second_party_play_url,
            "record": self.record,
        }
        if self.subaccount:
            body["subaccount"] = self.subaccount
        body |= {
            "record_file_format": self.record_file_format,
            "recording_callback_url": self.recording_callback_url,
            "recording_callback_method": self.recording_callback_method,
            "session_expiry": self.session_expiry,
            **self._totals(),
        }
        return body

    def _totals(self) -> dict[str, Any]:
        """``interaction`` (the latest calls) and the totals over every call, as Plivo writes them.

        0 and "" before a call.
        """
        totals = self.totals if self.totals is not None else _add_up(self.interactions)
        amount = Decimal(totals["amount"])
        return {
            "interaction": [dict(i) for i in self.interactions] if self.interactions else None,
            "total_call_amount": _money(amount),
            "total_call_count": totals["count"],
            "total_call_billed_duration": totals["billed"],
            "total_session_amount": _money(amount + SESSION_AMOUNT),
            "last_interaction_time": totals["last"],
        }

    def add_interaction(self, interaction: dict[str, Any]) -> None:
        """Count a call's interaction in the totals and show it; only the latest are kept."""
        totals = self.totals if self.totals is not None else _add_up(self.interactions)
        self.totals = _add_up([interaction], totals)
        self.interactions = [*self.interactions, interaction][-KEPT_INTERACTIONS:]

    def add_recording(self, recording: dict[str, Any]) -> None:
        """Keep a call's recording; only those of the latest calls are kept."""
        self.recordings = [*self.recordings, recording][-KEPT_INTERACTIONS:]

    def next_sequence(self) -> str:
        """The SequenceNumber of the session's next event (one count over both callback URLs)."""
        self.sequence += 1
        return str(self.sequence)


# What creating a session costs: Plivo documents no charge and answers 0.
SESSION_AMOUNT = 0
# The sandbox's choice: a session shows (and keeps the recordings of) its latest
# 20 calls, Plivo's largest page of anything, so that reading or calling a
# session stays as quick after thousands of calls as after one; the totals
# (total_call_count, total_call_amount, ...) count every call.
KEPT_INTERACTIONS = 20


def _add_up(
    interactions: list[dict[str, Any]], start: dict[str, Any] | None = None
) -> dict[str, Any]:
    """``start`` plus the totals of ``interactions``: legs, billed seconds, amount, last end."""
    totals = start or {"count": 0, "billed": 0, "amount": "0", "last": ""}
    amount = Decimal(totals["amount"])
    count, billed, last = totals["count"], totals["billed"], totals["last"]
    for item in interactions:
        amount += Decimal(str(item["total_call_amount"]))
        count += item["total_call_count"]
        billed += item["call_billed_duration"]
        last = max(last, item["end_time"])
    return {"count": count, "billed": billed, "amount": str(amount), "last": last}


def _money(amount: Decimal) -> int | float:
    """An amount as Plivo's masking answers write it: a JSON number (0 while nothing is due)."""
    return 0 if amount == 0 else float(amount)


def _render_leg(leg: calls.Leg, urls: calls.Urls) -> dict[str, Any]:
    """A call leg in the control API's answer."""
    return {
        "call_uuid": leg.call_uuid,
        "resource_url": urls.call(leg.call_uuid),
        "party": leg.party,
        "number": leg.number,
        "status": leg.status,
        "start_time": masking_time(leg.start_us),
        "answer_time": "" if leg.answer_us is None else masking_time(leg.answer_us),
        "end_time": masking_time(leg.end_us),
        "duration": leg.duration,
        "billed_duration": leg.billed_duration,
        "amount": format(leg.amount, "f"),
        "hangup_cause": leg.hangup_cause[0],
        "hangup_cause_code": leg.hangup_cause[1],
    }


def _stored_recording(result: calls.CallResult, urls: calls.Urls) -> dict[str, Any]:
    """A session's recording as the control API serves it (modelled on Plivo's Recording)."""
    recording = result.recording
    assert recording is not None
    caller_leg = result.legs[0]
    return {
        "recording_id": recording.recording_uuid,
        "session_uuid": urls.session_uuid,
        "call_uuid": caller_leg.call_uuid,
        "recording_format": recording.file_format,
        "recording_duration_ms": recording.duration * 1000,
        "recording_start_ms": recording.start_us // 1000,
        "recording_end_ms": recording.end_us // 1000,
        "add_time": masking_time(recording.end_us),
        "recording_url": urls.media(recording.recording_uuid, recording.file_format),
        "resource_uri": urls.recording(recording.recording_uuid),
    }
