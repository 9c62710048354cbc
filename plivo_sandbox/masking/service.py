"""Number Masking sessions: create, update, get, list, delete; simulated calls and timers.

Every method answers the response body without ``api_id`` (the HTTP layer
adds it) or raises a PlivoError.
"""

from __future__ import annotations

import secrets
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.addresses import public_base
from plivo_sandbox.core.arguments import BodyCheck, QueryCheck
from plivo_sandbox.core.clock import Clock
from plivo_sandbox.core.errors import BadRequest, Conflict, NotFound
from plivo_sandbox.core.filters import Range, int_range, time_range
from plivo_sandbox.core.paging import Page, SearchWindow, echo_filters, filter_names
from plivo_sandbox.core.phone_numbers import digits, known_region, region_of
from plivo_sandbox.core.render_memo import RenderMemo
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import CONTROL_SPEC, ApiSpec, load_document
from plivo_sandbox.core.store import (
    PARTY_ATTRIBUTES,
    Attribute,
    Callback,
    HoldQuery,
    Row,
    RowQuery,
    Transaction,
)
from plivo_sandbox.core.times import MICROS, masking_time, to_micros, whole_seconds
from plivo_sandbox.core.visibility import can_see, list_scope, subaccount_of
from plivo_sandbox.events.policy import callback_url_fields, check_callback_urls
from plivo_sandbox.masking import calls
from plivo_sandbox.masking.number_choice import choose_number, explain_shortage
from plivo_sandbox.masking.record import (
    KEPT_INTERACTIONS,
    KIND,
    PARTIES,
    PIN_PLAYS,
    PINS,
    MaskingRecord,
    _render_leg,
    _stored_recording,
)

CREATE_SCHEMA = "MaskingSessionCreateRequest"
UPDATE_SCHEMA = "MaskingSessionUpdateRequest"
COLLECTION = "/Masking/Session"

# The control API's simulated call: its arguments and their defaults.
CALL_SCHEMA = "SimulatedCallRequest"
# How many due timers one pass of ``fire_due_timers`` handles.
TIMER_BATCH = 100


def _pin(args: Mapping[str, Any], name: str) -> str:
    """A PIN argument as its digit string (Plivo's examples send JSON numbers)."""
    value = args[name]
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return str(value)
    if isinstance(value, str) and value and value.isascii() and value.isdigit():
        return value
    raise BadRequest(f"{name}: {value!r} is not a PIN; use digits only")


def _generate_pins(length: int) -> tuple[str, str]:
    """Two different random PINs of ``length`` digits."""
    first = f"{secrets.randbelow(10**length):0{length}d}"
    while True:
        second = f"{secrets.randbelow(10**length):0{length}d}"
        if second != first:
            return first, second


def _expiry_of(status: str, now_us: int) -> Range:
    """The expiry times of the sessions in ``status`` (``active`` while now < expiry)."""
    if status == "active":
        return Range(lower=now_us, lower_inclusive=False)
    if status == "expired":
        return Range(upper=now_us)
    if status == "all":
        return Range()
    raise ValueError(f"unknown masking status {status!r}")


class MaskingService:
    """The Number Masking API: each method works in the transaction it is given."""

    def __init__(self, config: SandboxConfig, clock: Clock, spec: ApiSpec) -> None:
        self.config = config
        self.clock = clock
        self.spec = spec
        self.defaults = spec.defaults(CREATE_SCHEMA)
        self.filters = filter_names(spec, COLLECTION, "get")
        # The fields holding callback URLs, which update changes too.
        self.callback_fields = callback_url_fields(spec, COLLECTION)
        self.status_default = spec.parameter("MaskingStatusFilter")["schema"]["default"]
        self.window = SearchWindow.of(spec, COLLECTION)
        self.control = ApiSpec(load_document(CONTROL_SPEC))
        # Each operation's schema check, with the validators the HTTP paths compiled.
        self.create_arguments = BodyCheck(spec, CREATE_SCHEMA)
        self.update_arguments = BodyCheck(spec, UPDATE_SCHEMA)
        self.list_arguments = QueryCheck(spec, COLLECTION, "get")
        self.call_arguments = BodyCheck(self.control, CALL_SCHEMA)
        self._rendered = RenderMemo(
            MaskingRecord.from_data, MaskingRecord.status, MaskingRecord.render
        )
        self.call_defaults = self.control.defaults(CALL_SCHEMA)
        self.rates = calls.Rates(
            per_minute=Decimal(config.masking_call_rate),
            increment=config.masking_billing_increment,
        )

    def _now_us(self, tx: Transaction) -> int:
        return to_micros(self.clock.now(tx))

    def _base_url(self, base_url: str) -> str:
        """Where the sandbox serves resources: as the caller found it, else the config's."""
        return base_url.rstrip("/") if base_url else public_base(self.config)

    def _visible(self, tx: Transaction, caller: Account, session_uuid: str) -> MaskingRecord:
        return MaskingRecord.from_row(self._visible_row(tx, caller, session_uuid))

    def _visible_row(self, tx: Transaction, caller: Account, session_uuid: str) -> Row:
        row = tx.get(KIND, session_uuid)
        if row is None or not can_see(caller, row):
            raise NotFound(f"masking session {session_uuid} not found")
        return row

    # ------------------------------------------------------------------ create

    def warm_create(self, args: Mapping[str, Any]) -> None:
        """Parse the phone numbers of a create into the caches ``create`` reads them from.

        Parsing them is most of a create's time and reads no state, so the
        handler calls this before it takes the write lock (two workers'
        creates then overlap). Nothing is checked here: ``create`` checks the
        arguments once, and finds the numbers parsed.
        """
        for name in PARTIES:
            value = args.get(name)
            if isinstance(value, str):
                known_region(digits(value))

    def create(
        self, tx: Transaction, caller: Account, args: Mapping[str, Any], base_url: str = ""
    ) -> dict[str, Any]:
        """Create a session and allocate its virtual number from the owner's pool.

        With ``initiate_call_to_first_party`` the sandbox then calls the first
        party at once (a call with the control API's default outcome and
        duration); ``base_url`` is where the sandbox serves that call's resources.
        """
        given = self.create_arguments(args)
        check_callback_urls(given, self.callback_fields)
        merged = {**self.defaults, **given}
        parties = self._parties(given, single=merged["create_session_with_single_party"])
        pins = self._pins(given, merged)
        owner = caller
        if "subaccount" in given:
            owner = subaccount_of(self.config, caller, given["subaccount"])
        anchor = parties["first_party"] or parties["second_party"]
        anchor_name = "first_party" if parties["first_party"] else "second_party"
        region = region_of(anchor, anchor_name) if merged["geomatch"] else None

        now_us = self._now_us(tx)
        created_us = whole_seconds(now_us)
        record = MaskingRecord(
            session_uuid=str(uuid.uuid4()),
            owner=owner.auth_id,
            root=owner.root,
            subaccount=owner.auth_id if owner.is_subaccount else "",
            first_party=parties["first_party"],
            second_party=parties["second_party"],
            single_party=merged["create_session_with_single_party"],
            virtual_number="",
            geomatch=merged["geomatch"],
            virtual_number_cooloff_period=merged["virtual_number_cooloff_period"],
            session_expiry=merged["session_expiry"],
            created_us=created_us,
            modified_us=created_us,
            expiry_us=created_us + merged["session_expiry"] * MICROS,
            record=merged["record"],
            recording_callback_url=merged.get("recording_callback_url", ""),
            record_file_format=merged["record_file_format"],
            recording_callback_method=merged["recording_callback_method"],
            call_time_limit=merged["call_time_limit"],
            initiate_call_to_first_party=merged["initiate_call_to_first_party"],
            callback_url=merged.get("callback_url", ""),
            callback_method=merged["callback_method"],
            ring_timeout=merged["ring_timeout"],
            first_party_play_url=merged.get("first_party_play_url", ""),
            second_party_play_url=merged.get("second_party_play_url", ""),
            is_pin_authentication_required=merged["is_pin_authentication_required"],
            generate_pin=merged["generate_pin"],
            generate_pin_length=merged["generate_pin_length"],
            first_party_pin=pins[0],
            second_party_pin=pins[1],
            pin_prompt_play=merged.get("pin_prompt_play", ""),
            pin_retry=merged["pin_retry"],
            pin_retry_wait=merged["pin_retry_wait"],
            incorrect_pin_play=merged.get("incorrect_pin_play", ""),
            unknown_caller_play=merged.get("unknown_caller_play", ""),
            force_pin_authentication=merged["force_pin_authentication"],
        )
        record.release_us()  # refuse times past 9999 before allocating or rendering
        pool = list(owner.numbers)
        # Reading how the numbers are held and inserting the session in one immediate
        # transaction (the caller's, a write): no other worker can take the number between.
        with tx.savepoint():
            uses = tx.holds(HoldQuery(KIND, pool, record.parties(), now_us))
            number = choose_number(pool, region, uses)
            if number is None:
                why = explain_shortage(pool, region, uses)
                raise Conflict(
                    f"no virtual number is free for this session in account {owner.auth_id}: {why}"
                )
            record.virtual_number = number
            answer = {
                "session_uuid": record.session_uuid,
                "virtual_number": "+" + number,
                "message": "Session created",
                "session": record.render(now_us),
            }
            tx.set_timer(KIND, record.session_uuid, record.expiry_us)
            if record.initiate_call_to_first_party and record.first_party:
                # Plivo dials the first party right after answering the create.
                request = calls.CallRequest(
                    caller=record.first_party,
                    outcome=self.call_defaults["outcome"],
                    duration=self.call_defaults["duration"],
                    initiated=True,
                )
                self._call(tx, record, request, now_us, self._base_url(base_url))
            tx.insert(record.to_row())
        return answer

    def _parties(self, given: Mapping[str, Any], single: bool) -> dict[str, str]:
        parties = {name: digits(given[name]) if name in given else "" for name in PARTIES}
        if single:
            if not any(parties.values()):
                raise BadRequest(
                    "first_party: first_party or second_party is required"
                    " (create_session_with_single_party is true, so one of them is enough)"
                )
        else:
            for name in PARTIES:
                if not parties[name]:
                    raise BadRequest(
                        f"{name}: required (unless create_session_with_single_party is true)"
                    )
        if parties["first_party"] and parties["first_party"] == parties["second_party"]:
            raise BadRequest("second_party: must be different from first_party")
        for name, number in parties.items():
            if number:
                region_of(number, name)
        return parties

    def _pins(self, given: Mapping[str, Any], merged: Mapping[str, Any]) -> tuple[str, str]:
        """The two PINs, checked or generated; ("", "") without PIN authentication."""
        if not merged["is_pin_authentication_required"]:
            return "", ""
        for name in PIN_PLAYS:
            if name not in given:
                raise BadRequest(f"{name}: required when is_pin_authentication_required is true")
        if merged["generate_pin"]:
            return _generate_pins(merged["generate_pin_length"])
        for name in PINS:
            if name not in given:
                raise BadRequest(
                    f"{name}: required when is_pin_authentication_required is true"
                    " and generate_pin is false"
                )
        first, second = (_pin(given, name) for name in PINS)
        if first == second:
            raise BadRequest("second_party_pin: must be different from first_party_pin")
        return first, second

    # ------------------------------------------------------------------ update

    def update(
        self, tx: Transaction, caller: Account, session_uuid: str, args: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Change the settings of an active session; answers the whole session."""
        given = self.update_arguments(args)
        check_callback_urls(given, self.callback_fields)
        # Plivo's SDKs echo the path's session_uuid in the body; the API ignores it.
        given.pop("session_uuid", None)
        with tx.savepoint():
            now_us = self._now_us(tx)  # in the transaction: one snapshot
            record = self._visible(tx, caller, session_uuid)
            if not record.active(now_us):
                raise Conflict(f"session {session_uuid} has expired and cannot be updated")
            for name in PARTIES:
                if name in given and not record.single_party:
                    raise BadRequest(
                        f"{name}: can only be set on a session created with"
                        " create_session_with_single_party"
                    )
            self._set_parties(tx, record, given, now_us)
            for name, value in given.items():
                if name not in PARTIES:
                    setattr(record, name, value)
            if "session_expiry" in given:
                record.expiry_us = record.created_us + given["session_expiry"] * MICROS
                tx.set_timer(KIND, record.session_uuid, record.expiry_us)
            record.modified_us = whole_seconds(now_us)
            tx.update(record.to_row())
        return {"message": "Session updated", "session": record.render(now_us)}

    def _set_parties(
        self, tx: Transaction, record: MaskingRecord, given: Mapping[str, Any], now_us: int
    ) -> None:
        """Set the parties of a single-party session, keeping its number unambiguous."""
        changed = {name: digits(given[name]) for name in PARTIES if name in given}
        if not changed:
            return
        for name, number in changed.items():
            region_of(number, name)
            setattr(record, name, number)
        if record.first_party and record.first_party == record.second_party:
            raise BadRequest("second_party: must be different from first_party")
        wanted = set(changed.values())
        query = HoldQuery(KIND, [record.virtual_number], wanted, now_us, record.session_uuid)
        # Other active sessions on the number with one of the new parties, newest first.
        sharers = tx.holds(query)[record.virtual_number].sharers
        if sharers:
            shared = sharers[0] & wanted
            raise Conflict(
                f"{next(n for n in PARTIES if n in changed and changed[n] in shared)}:"
                f" virtual number {record.virtual_number} already serves another active"
                " session with this party, so calls from it would be ambiguous"
            )

    # ------------------------------------------------------------------ get, delete

    def get(self, tx: Transaction, caller: Account, session_uuid: str) -> dict[str, Any]:
        """One session, wrapped in ``response``."""
        now_us = self._now_us(tx)  # in the transaction: one snapshot
        row = self._visible_row(tx, caller, session_uuid)
        return {"response": self._rendered.render(row.text, now_us)}

    def delete(self, tx: Transaction, caller: Account, session_uuid: str) -> dict[str, Any]:
        """End a session now; its number cools off. Ending an ended session is a no-op."""
        now_us = self._now_us(tx)  # in the transaction: one snapshot
        record = self._visible(tx, caller, session_uuid)
        if record.active(now_us):
            record.expiry_us = record.modified_us = whole_seconds(now_us)
            tx.update(record.to_row())
            # Ended by request, not timed out: no SessionTimeout follows.
            tx.clear_timer(KIND, session_uuid)
        return {"message": "Session expired"}

    # ------------------------------------------------------------------ telephony

    def simulate_call(
        self, tx: Transaction, session_uuid: str, args: Mapping[str, Any], base_url: str = ""
    ) -> dict[str, Any]:
        """Place a simulated call through a session (control API, any account's session).

        ``args``: ``caller`` (required), ``outcome``, ``duration``, ``pin``,
        ``recording``, as control.yaml's SimulatedCallRequest describes them.
        Answers what happened: the legs, the recording, the events queued.
        """
        given = self._call_args(args)
        request = calls.CallRequest(
            caller=digits(given["caller"]),
            outcome=given["outcome"],
            duration=given["duration"],
            pin=str(given.get("pin", "")),
            recording=given["recording"],
        )
        with tx.savepoint():
            now_us = self._now_us(tx)  # in the transaction: one snapshot
            row = tx.get(KIND, session_uuid)
            if row is None:
                raise NotFound(f"masking session {session_uuid} not found")
            record = MaskingRecord.from_row(row)
            answer = self._call(tx, record, request, now_us, self._base_url(base_url))
            tx.update(record.to_row())
        return answer

    def _call_args(self, args: Mapping[str, Any]) -> dict[str, Any]:
        given = {**self.call_defaults, **self.call_arguments(args)}
        region_of(digits(given["caller"]), "caller")
        return given

    def _call(
        self,
        tx: Transaction,
        record: MaskingRecord,
        request: calls.CallRequest,
        now_us: int,
        base_url: str,
    ) -> dict[str, Any]:
        """Simulate one call on ``record`` (changed in place) and queue its events in ``tx``."""
        urls = calls.Urls(base_url, record.owner, record.session_uuid)
        result = calls.simulate_call(record, request, now_us, self.rates, urls)
        interaction = calls.interaction(result, urls)
        if interaction is not None:
            record.add_interaction(interaction)
        if result.recording is not None and not result.recording.failed:
            record.add_recording(_stored_recording(result, urls))
        events = [self._queue(tx, record, event, now_us) for event in result.events]
        return {
            "session_uuid": record.session_uuid,
            "forwarded": result.forwarded,
            "reason": result.reason,
            "caller_party": result.caller_party,
            "pin_authentication_status": result.pin_status,
            "pin_retry_counter": result.pin_retries,
            "legs": [_render_leg(leg, urls) for leg in result.legs],
            "recording": record.recordings[-1]
            if result.recording is not None and not result.recording.failed
            else None,
            "interaction": interaction,
            "events": events,
        }

    def _queue(
        self, tx: Transaction, record: MaskingRecord, event: calls.Event, now_us: int
    ) -> dict[str, Any]:
        """Number ``event`` and queue it for its URL (if the session has one)."""
        fields = {**event.fields, "SequenceNumber": record.next_sequence()}
        if event.kind == calls.RECORDING_EVENTS:
            url, method = record.recording_callback_url, record.recording_callback_method
        else:
            url, method = record.callback_url, record.callback_method
        callback_id = None
        if url:
            callback_id = tx.add_callback(
                Callback(
                    session_uuid=record.session_uuid,
                    owner=record.owner,
                    kind=event.kind,
                    event=event.name,
                    url=url,
                    method=method,
                    fields=fields,
                    due_us=now_us,
                )
            )
        return {
            "kind": event.kind,
            "event": event.name,
            "time": masking_time(event.at_us),
            "callback_id": callback_id,
            "url": url or None,
            "method": method,
            "fields": fields,
        }

    def recording(self, tx: Transaction, session_uuid: str, recording_uuid: str) -> dict[str, Any]:
        """A recording of a session, for the control API (no account check)."""
        row = tx.get(KIND, session_uuid)
        if row is not None:
            for found in MaskingRecord.from_row(row).recordings:
                if found["recording_id"] == recording_uuid:
                    return found
        raise NotFound(
            f"recording {recording_uuid} of masking session {session_uuid} not found (a session"
            f" keeps the recordings of its latest {KEPT_INTERACTIONS} calls)"
        )

    def due_timers(self, tx: Transaction) -> list[str]:
        """The sessions whose expiry timer is due on the sandbox clock (a batch)."""
        now_us = self._now_us(tx)
        return [uuid for kind, uuid in tx.due_timers(now_us, TIMER_BATCH) if kind == KIND]

    def fire_timer(self, tx: Transaction, session_uuid: str) -> None:
        """Send SessionTimeout for a session whose expiry has passed (its own transaction)."""
        now_us = self._now_us(tx)
        row = tx.get(KIND, session_uuid)
        if row is None:
            tx.clear_timer(KIND, session_uuid)
            return
        record = MaskingRecord.from_row(row)
        if record.active(now_us):  # moved by an update meanwhile
            tx.set_timer(KIND, session_uuid, record.expiry_us)
            return
        tx.clear_timer(KIND, session_uuid)
        if record.timed_out:
            return
        record.timed_out = True
        event = calls.Event(
            calls.SESSION_EVENTS,
            "SessionTimeout",
            record.expiry_us,
            {
                "EventName": "SessionTimeout",
                "EventTimestamp": masking_time(record.expiry_us),
                "SessionUUID": record.session_uuid,
                "VirtualNumber": record.virtual_number,
            },
        )
        self._queue(tx, record, event, record.expiry_us)
        tx.update(record.to_row())

    # ------------------------------------------------------------------ list

    def list(self, tx: Transaction, caller: Account, query: Mapping[str, Any]) -> dict[str, Any]:
        """One page of the sessions the caller may see, newest first."""
        checked = self.list_arguments(query)
        page = Page.from_query(self.spec, checked)
        now_us = self._now_us(tx)
        scope = list_scope(self.config, caller, checked.get("subaccount"))
        created = time_range(checked, "created_time")
        expiry = time_range(checked, "expiry_time")
        durations = int_range(checked, "duration")
        for name, bounds in (("created_time", created), ("expiry_time", expiry)):
            self.window.check(name, bounds, now_us)
        if not created.bounded and not expiry.bounded:
            created = created.tighten(lower=now_us - self.window.default_us)
        created = created.tighten(lower=now_us - self.window.retention_us)
        status = checked.get("status", self.status_default)
        wanted: dict[Attribute, str | int] = {
            name: digits(checked[name]) for name in PARTY_ATTRIBUTES if name in checked
        }
        number = digits(checked["virtual_number"]) if "virtual_number" in checked else None
        selection = RowQuery(
            kind=KIND,
            root=scope.root,
            owner=scope.owner,
            number=number,
            created=created,
            expiry=expiry.intersect(_expiry_of(status, now_us)),
            duration=durations,
            equal=wanted,
        )
        total = tx.count(selection)
        stored = tx.select_data(selection, limit=page.limit, offset=page.offset)
        base = f"/v1/Account/{caller.auth_id}/Masking/Session/"
        meta = page.meta(base, echo_filters(checked, self.filters), total)
        meta["total_count"] = total
        objects = []
        for data in stored:
            rendered = self._rendered.render(data, now_us)
            rendered["resource_uri"] = f"{base}{rendered['session_uuid']}/"
            objects.append(rendered)
        return {"response": {"meta": meta, "objects": objects}}
