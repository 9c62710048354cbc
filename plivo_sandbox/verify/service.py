"""Verify sessions: send an OTP, validate it, get and list sessions.

Every method answers the response body without ``api_id`` (the HTTP layer
adds it) or raises a PlivoError.
"""

from __future__ import annotations

import hmac
import json
import logging
import math
import secrets
import sys
import uuid
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from typing import Any

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.arguments import BodyCheck, QueryCheck
from plivo_sandbox.core.clock import Clock
from plivo_sandbox.core.errors import BadRequest, Conflict, NotFound, TooManyRequests
from plivo_sandbox.core.filters import Range, time_range
from plivo_sandbox.core.paging import Page, SearchWindow, echo_filters, filter_names
from plivo_sandbox.core.phone_numbers import digits, known_region, network_of, region_of
from plivo_sandbox.core.render_memo import RenderMemo
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import CONTROL_SPEC, ApiSpec, load_document
from plivo_sandbox.core.store import (
    Attribute,
    Callback,
    Row,
    RowQuery,
    Transaction,
)
from plivo_sandbox.core.times import MICROS, to_micros, verify_time
from plivo_sandbox.core.visibility import can_see, list_scope
from plivo_sandbox.events.policy import callback_url_fields, check_callback_urls
from plivo_sandbox.verify.record import KIND, VerifyRecord, default_app_uuid

CREATE_SCHEMA = "VerifySessionCreateRequest"
VALIDATE_SCHEMA = "VerifySessionValidateRequest"
COLLECTION = "/Verify/Session"

# What the sandbox answers where no request argument decides: its own alias for
# the default application, and the free validation Plivo's examples show.
DEFAULT_APP_ALIAS = "Default Verify Application"
# List filters that compare a session attribute of the same name for equality.
EXACT_FILTERS: tuple[Attribute, ...] = ("app_uuid", "brand_name", "app_hash", "country", "alias")
# What a delivered attempt reports, per channel (sms delivery receipt, voice call outcome).
DELIVERED = {"sms": "delivered", "voice": "ANSWER"}
# The ChannelStatus callbacks of an attempt, per channel, with seconds after the
# request: an SMS is queued, sent, delivered; a voice OTP call rings, is
# answered, and ends once the code has been read out.
PROGRESS = {
    "sms": (("queued", 0), ("sent", 1), ("delivered", 3)),
    "voice": (("ringing", 0), ("in-progress", 5), ("completed", 20)),
}
CALLBACK_KIND = "verify-status"
# The control API's delivery-failure rule: its arguments and their defaults.
FAILURE_SCHEMA = "DeliveryFailure"
# Settings key of a recipient's delivery-failure rule (control API).
FAILURE_KEY = "verify-delivery-failure:"
# How many due timers one pass of ``fire_due_timers`` handles.
TIMER_BATCH = 100


@dataclass(frozen=True)
class DeliveryFailure:
    """A rule of the control API: deliveries to ``recipient`` end in ``status``."""

    recipient: str  # E.164 digits
    status: str  # failed | undelivered
    error_code: str  # ChannelErrorCode
    channel: str = ""  # only this channel ("" for both)

    def progress(self, channel: str) -> tuple[tuple[str, int], ...]:
        """The statuses an attempt on ``channel`` goes through before it fails."""
        steps = PROGRESS[channel]
        if self.status == "failed":
            return (*steps[:1], (self.status, steps[1][1]))
        return (*steps[:-1], (self.status, steps[-1][1]))


# Each OTP "sent", when the ``log_otps`` setting is on (never by default: OTPs are secrets).
otp_log = logging.getLogger("plivo_sandbox.otp")


def _enable_otp_log() -> None:
    """Show ``otp_log`` on stderr even when nothing configured logging (uvicorn does not)."""
    if not otp_log.handlers:
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)s:     %(message)s"))  # as uvicorn
        otp_log.addHandler(handler)
    otp_log.setLevel(logging.INFO)


class VerifyService:
    """The Verify Session API: each method works in the transaction it is given."""

    def __init__(self, config: SandboxConfig, clock: Clock, spec: ApiSpec) -> None:
        self.config = config
        self.clock = clock
        self.spec = spec
        self.defaults = spec.defaults(CREATE_SCHEMA)
        self.filters = filter_names(spec, COLLECTION, "get")
        self.callback_fields = callback_url_fields(spec, COLLECTION)
        self.window = SearchWindow.of(spec, COLLECTION)
        self.rate_period_us = round(config.verify_list_rate_window * MICROS)
        self.control = ApiSpec(load_document(CONTROL_SPEC))
        # Each operation's schema check, with the validators the HTTP paths compiled.
        self.create_arguments = BodyCheck(spec, CREATE_SCHEMA)
        self.validate_arguments = BodyCheck(spec, VALIDATE_SCHEMA)
        self.list_arguments = QueryCheck(spec, COLLECTION, "get")
        self.failure_arguments = BodyCheck(self.control, FAILURE_SCHEMA)
        self._rendered = RenderMemo(
            VerifyRecord.from_data, VerifyRecord.status, VerifyRecord.render
        )
        self.max_failed_validations: int = spec.operation(f"{COLLECTION}/{{session_uuid}}", "post")[
            "x-plivo-max-failed-validations"
        ]
        if config.log_otps:
            _enable_otp_log()

    @property
    def list_writes(self) -> bool:
        """Whether ``list`` writes (it counts each call against the rate limit)."""
        return self.config.verify_list_rate_limit > 0

    def _now_us(self, tx: Transaction) -> int:
        return to_micros(self.clock.now(tx))

    def _visible(self, tx: Transaction, caller: Account, session_uuid: str) -> VerifyRecord:
        return VerifyRecord.from_row(self._visible_row(tx, caller, session_uuid))

    def _visible_row(self, tx: Transaction, caller: Account, session_uuid: str) -> Row:
        row = tx.get(KIND, session_uuid)
        if row is None or not can_see(caller, row):
            raise NotFound(f"verify session {session_uuid} not found")
        return row

    def warm_create(self, args: Mapping[str, Any]) -> None:
        """Parse the recipient of a create into the caches ``create`` reads it from.

        As ``MaskingService.warm_create``: before the write lock, nothing checked.
        """
        recipient = args.get("recipient")
        if isinstance(recipient, str):
            known_region(digits(recipient))
            network_of(digits(recipient))

    def create(
        self, tx: Transaction, caller: Account, args: Mapping[str, Any], requestor_ip: str = ""
    ) -> dict[str, Any]:
        """Generate an OTP, record its delivery attempt and charge; the session is in-progress."""
        given = self.create_arguments(args)
        check_callback_urls(given, self.callback_fields)
        merged = {**self.defaults, **given}
        recipient = digits(given["recipient"])
        country = region_of(recipient, "recipient")
        channel = merged["channel"]
        length = merged["code_length"]
        app_uuid = given.get("app_uuid", default_app_uuid(caller.auth_id))
        now_us = self._now_us(tx)
        attempt_uuid = str(uuid.uuid4())
        failure = self._failure_for(tx, recipient, channel)
        progress = failure.progress(channel) if failure else PROGRESS[channel]
        record = VerifyRecord(
            session_uuid=str(uuid.uuid4()),
            owner=caller.auth_id,
            root=caller.root,
            app_uuid=app_uuid,
            alias=DEFAULT_APP_ALIAS
            if app_uuid == default_app_uuid(caller.auth_id)
            else f"app-{app_uuid[:8]}",
            recipient=recipient,
            channel=channel,
            otp=f"{secrets.randbelow(10**length):0{length}d}",
            created_us=now_us,
            updated_us=now_us,
            expiry_us=now_us + self.config.verify_code_ttl * MICROS,
            requestor_ip=requestor_ip,
            country=country,
            network=network_of(recipient) or "Unknown",
            locale=merged["locale"],
            brand_name=given.get("brand_name", ""),
            app_hash=given.get("app_hash", ""),
            url=given.get("url", ""),
            method=merged["method"],
            dtmf=given.get("dtmf"),
            fraud_check=given.get("fraud_check", ""),
            attempts=[
                {
                    "attempt_uuid": attempt_uuid,
                    "channel": channel,
                    "status": failure.status if failure else DELIVERED.get(channel, "delivered"),
                    "time_us": now_us,
                    "charge": self.config.verify_charges.get(channel, "0.00000"),
                    "channel_status": progress[-1][0],  # the last ChannelStatus sent
                    **({"error_code": failure.error_code} if failure else {}),
                }
            ],
        )
        with tx.savepoint():
            tx.insert(record.to_row())
            tx.set_timer(KIND, record.session_uuid, record.expiry_us)
            for status, after in progress:
                self._report(tx, record, status, now_us + after * MICROS, now_us)
        if self.config.log_otps:
            otp_log.info(
                "OTP %s sent by %s over %s to +%s (session %s)",
                record.otp, caller.auth_id, channel, recipient, record.session_uuid,
            )  # fmt: skip
        return {"message": "Session initiated", "session_uuid": record.session_uuid}

    def _report(
        self, tx: Transaction, record: VerifyRecord, status: str, at_us: int, due_us: int
    ) -> None:
        """Queue the status callback of the latest attempt (when the session has a ``url``)."""
        if not record.url:
            return
        number = len(record.attempts)
        attempt = record.attempts[-1]
        fields = {
            "AttemptSequence": str(number),
            "AttemptUUID": attempt["attempt_uuid"],
            "Channel": attempt["channel"],
            "ChannelStatus": status,
            "Recipient": record.recipient,
            "RequestTime": verify_time(at_us),
            "SessionStatus": "expired" if at_us >= record.expiry_us else "in-progress",
            "SessionUUID": record.session_uuid,
        }
        if status in ("failed", "undelivered"):
            fields["ChannelErrorCode"] = attempt.get("error_code", "")
        tx.add_callback(
            Callback(
                session_uuid=record.session_uuid,
                owner=record.owner,
                kind=CALLBACK_KIND,
                event=status,
                url=record.url,
                method=record.method,
                fields=fields,
                due_us=due_us,
            )
        )

    # --------------------------------------------------------- delivery failures

    def delivery_failure(self, tx: Transaction, args: Mapping[str, Any]) -> dict[str, Any]:
        """Make later deliveries to a recipient fail (control API's DeliveryFailure; reset forgets).

        Answers the rule with its defaults filled in.
        """
        given = {
            **self.control.defaults(FAILURE_SCHEMA),
            **self.failure_arguments(args),
        }
        recipient = digits(given["recipient"])
        region_of(recipient, "recipient")
        failure = DeliveryFailure(
            recipient=recipient,
            status=given["status"],
            error_code=given["error_code"],
            channel=given.get("channel", ""),
        )
        tx.set_setting(FAILURE_KEY + recipient, json.dumps(asdict(failure)))
        answer = {**given, "recipient": "+" + recipient}
        return answer

    def _failure_for(self, tx: Transaction, recipient: str, channel: str) -> DeliveryFailure | None:
        stored = tx.get_setting(FAILURE_KEY + recipient)
        if not stored:
            return None
        failure = DeliveryFailure(**json.loads(stored))
        return failure if failure.channel in ("", channel) else None

    def due_timers(self, tx: Transaction) -> list[str]:
        """The sessions whose code expiry is due on the sandbox clock (a batch)."""
        now_us = self._now_us(tx)
        return [uuid for kind, uuid in tx.due_timers(now_us, TIMER_BATCH) if kind == KIND]

    def fire_timer(self, tx: Transaction, session_uuid: str) -> None:
        """Report a session whose code expired unverified (SessionStatus ``expired``)."""
        now_us = self._now_us(tx)
        tx.clear_timer(KIND, session_uuid)
        row = tx.get(KIND, session_uuid)
        if row is None:
            return
        record = VerifyRecord.from_row(row)
        if record.status(now_us) != "expired" or record.expiry_reported:
            return
        record.expiry_reported = True
        last = record.attempts[-1]
        status = last.get("channel_status", last["status"])
        self._report(tx, record, status, record.expiry_us, record.expiry_us)
        tx.update(record.to_row())

    def validate(
        self, tx: Transaction, caller: Account, session_uuid: str, args: Mapping[str, Any]
    ) -> dict[str, Any]:
        """Check the OTP: right -> verified; wrong -> 400, counted; closed session -> 409."""
        otp = self.validate_arguments(args)["otp"]
        with tx.savepoint():
            now_us = self._now_us(tx)  # in the transaction: one snapshot
            record = self._visible(tx, caller, session_uuid)
            status = record.status(now_us)
            if status == "verified":
                raise Conflict(f"session {session_uuid} has already been verified")
            if status == "expired":
                raise Conflict(f"session {session_uuid} has expired; start a new session")
            if record.failed_validations >= self.max_failed_validations:
                raise Conflict(
                    f"session {session_uuid} refused further validation after"
                    f" {self.max_failed_validations} failed attempts; start a new session"
                )
            right = hmac.compare_digest(otp.encode(), record.otp.encode())
            if right:
                record.verified = True
                record.updated_us = now_us
                tx.clear_timer(KIND, session_uuid)  # a verified session never expires
            else:
                record.failed_validations += 1
            tx.update(record.to_row())
        # Raised after the step, so the failed attempt stays counted (the edge commits it).
        if not right:
            left = self.max_failed_validations - record.failed_validations
            raise BadRequest(f"otp: invalid OTP ({left} attempt(s) left)")
        return {"message": "session validated successfully."}

    def get(self, tx: Transaction, caller: Account, session_uuid: str) -> dict[str, Any]:
        """The session, flat."""
        now_us = self._now_us(tx)  # in the transaction: one snapshot
        row = self._visible_row(tx, caller, session_uuid)
        return self._rendered.render(row.text, now_us)

    def otp(self, tx: Transaction, session_uuid: str) -> str:
        """The session's OTP, for the sandbox control API (no account check)."""
        row = tx.get(KIND, session_uuid)
        if row is None:
            raise NotFound(f"verify session {session_uuid} not found")
        return VerifyRecord.from_row(row).otp

    def latest_otp(self, tx: Transaction, recipient: str) -> tuple[str, str]:
        """The uuid and OTP of the newest session sent to ``recipient``, for the control API."""
        number = digits(recipient)
        rows = tx.select(RowQuery(kind=KIND, number=number), limit=1)
        if not rows:
            raise NotFound(f"no verify session was sent to +{number}")
        record = VerifyRecord.from_row(rows[0])
        return record.session_uuid, record.otp

    def list(self, tx: Transaction, caller: Account, query: Mapping[str, Any]) -> dict[str, Any]:
        """One page of the caller's sessions, newest first; rate limited per caller.

        With the rate limit on, a list writes (the hit it counts): ``list_writes``.
        """
        now_us = self._now_us(tx)
        limit = self.config.verify_list_rate_limit
        if limit > 0:
            allowed = tx.record_hit(
                f"verify-list:{caller.auth_id}",
                now_us,
                self.rate_period_us,
                limit,
            )
            if not allowed:
                # Retry-After: the whole window, a bound the freeing of a call never exceeds.
                raise TooManyRequests(
                    "too many requests", retry_after=math.ceil(self.config.verify_list_rate_window)
                )
        checked = self.list_arguments(query)
        page = Page.from_query(self.spec, checked)
        scope = list_scope(self.config, caller, checked.get("subaccount"))
        started = time_range(checked, "session_time")
        if not started.bounded:
            started = started.tighten(lower=now_us - self.window.default_us)
        started = started.tighten(lower=now_us - self.window.retention_us)
        recipient = digits(checked["recipient"]) if "recipient" in checked else None
        equal: dict[Attribute, str | int] = {
            name: checked[name] for name in EXACT_FILTERS if checked.get(name) is not None
        }
        expiry = Range()
        if checked.get("status") is not None:
            status_equal, expiry = VerifyRecord.status_condition(checked["status"], now_us)
            equal |= status_equal
        selection = RowQuery(
            kind=KIND,
            root=scope.root,
            owner=scope.owner,
            number=recipient,
            created=started,
            expiry=expiry,
            equal=equal,
        )
        total = tx.count(selection)
        stored = tx.select_data(selection, limit=page.limit, offset=page.offset)
        base = f"/v1/Account/{caller.auth_id}/Verify/Session/"
        return {
            "meta": page.meta(base, echo_filters(checked, self.filters), total),
            "sessions": [self._rendered.render(data, now_us) for data in stored],
        }
