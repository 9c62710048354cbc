"""Handlers of the sandbox control API (``control.yaml``), for test suites.

Connexion has validated each request against control.yaml: the bodies go to
the services as ``Validated``, not to be checked again.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from starlette.responses import StreamingResponse

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.arguments import Validated
from plivo_sandbox.core.errors import BadRequest, NotFound
from plivo_sandbox.core.spec import CONTROL_SPEC, load_document
from plivo_sandbox.core.store import CALLBACK_STATES
from plivo_sandbox.core.times import iso_time, to_micros
from plivo_sandbox.events.dispatcher import render_delivery
from plivo_sandbox.http.request_context import RequestContext
from plivo_sandbox.masking import audio

Answer = tuple[dict[str, Any], int]


def _body_property(path: str, method: str, name: str) -> dict[str, Any]:
    """One property of an operation's JSON body schema in control.yaml."""
    operation = load_document(CONTROL_SPEC)["paths"][path][method]
    schema = operation["requestBody"]["content"]["application/json"]["schema"]
    prop: dict[str, Any] = schema["properties"][name]
    return prop


class ControlHandlers:
    """Read OTPs, move the clock, force errors, reset state: one sandbox's controls."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        # Connexion validates bodies but does not fill their defaults or bound a date-time.
        self.default_count: int = _body_property("/forced-answers", "post", "count")["default"]
        self.max_step: float = _body_property("/clock/advance", "post", "seconds")["maximum"]

    def read_health(self) -> Answer:
        """GET /_sandbox/health: the store answers a read."""
        self.sandbox.clock.now()
        return {"status": "ok"}, 200

    def read_verify_otp(self, session_uuid: str) -> Answer:
        """GET /_sandbox/verify/sessions/{session_uuid}/otp."""
        with self.sandbox.transaction(write=False) as tx:
            otp = self.sandbox.verify.otp(tx, session_uuid)
        return {"session_uuid": session_uuid, "otp": otp}, 200

    def read_latest_verify_otp(self, recipient: str) -> Answer:
        """GET /_sandbox/verify/recipients/{recipient}/otp."""
        with self.sandbox.transaction(write=False) as tx:
            session_uuid, otp = self.sandbox.verify.latest_otp(tx, recipient)
        return {"session_uuid": session_uuid, "otp": otp}, 200

    def read_clock(self) -> Answer:
        """GET /_sandbox/clock."""
        return self._clock(), 200

    def set_clock(self, body: dict[str, Any]) -> Answer:
        """PUT /_sandbox/clock."""
        try:
            moment = datetime.fromisoformat(str(body["now"]))
        except ValueError:
            raise BadRequest(f"now: {body['now']!r} is not an RFC 3339 date-time") from None
        if moment.tzinfo is None:
            raise BadRequest(f"now: {body['now']!r} needs an offset such as Z or +05:30")
        if (moment - self.sandbox.clock.now()).total_seconds() > self.max_step:
            raise BadRequest(f"now: {body['now']!r} is more than ten years ahead")
        self.sandbox.set_clock(moment)
        return self._clock(), 200

    def advance_clock(self, body: dict[str, Any]) -> Answer:
        """POST /_sandbox/clock/advance."""
        self.sandbox.advance_clock(float(body["seconds"]))
        return self._clock(), 200

    def force_answer(self, body: dict[str, Any]) -> Answer:
        """POST /_sandbox/forced-answers."""
        with self.sandbox.transaction() as tx:
            forced = self.sandbox.forced.force(
                tx, body["operation_id"], body["status"], body.get("count", self.default_count)
            )
        return {
            "operation_id": forced.operation_id,
            "status": forced.status,
            "count": forced.count,
            "error": forced.message,
        }, 200

    def reset_sandbox(self) -> Answer:
        """POST /_sandbox/reset."""
        self.sandbox.reset()
        return {"message": "sandbox reset"}, 200

    def list_callbacks(self, session_uuid: str | None = None, state: str | None = None) -> Answer:
        """GET /_sandbox/callbacks: every callback queued, with its delivery attempts."""
        wanted = next((known for known in CALLBACK_STATES if known == state), None)
        with self.sandbox.transaction(write=False) as tx:
            found = tx.select_callbacks(session_uuid=session_uuid, state=wanted)
        return {"callbacks": [render_delivery(delivery) for delivery in found]}, 200

    def simulate_masking_call(
        self, session_uuid: str, body: dict[str, Any], request_context: RequestContext
    ) -> Answer:
        """POST /_sandbox/masking/sessions/{session_uuid}/calls."""
        with self.sandbox.transaction() as tx:
            answer = self.sandbox.masking.simulate_call(
                tx, session_uuid, Validated(body), base_url=request_context.origin
            )
        return answer, 200

    def read_masking_recording(self, session_uuid: str, recording_uuid: str) -> Answer:
        """GET /_sandbox/masking/sessions/{session_uuid}/recordings/{recording_uuid}."""
        with self.sandbox.transaction(write=False) as tx:
            return self.sandbox.masking.recording(tx, session_uuid, recording_uuid), 200

    def read_recording_media(self, session_uuid: str, recording_file: str) -> StreamingResponse:
        """GET /_sandbox/media/{session_uuid}/{recording_file}: the audio, streamed."""
        recording_uuid, _, file_format = recording_file.rpartition(".")
        with self.sandbox.transaction(write=False) as tx:
            found = self.sandbox.masking.recording(tx, session_uuid, recording_uuid)
        if found["recording_format"] != file_format:
            raise NotFound(f"recording {recording_uuid} is not in {file_format} format")
        return StreamingResponse(
            audio.audio(file_format, found["recording_duration_ms"] // 1000),
            media_type=audio.CONTENT_TYPES[file_format],
        )

    def set_verify_delivery_failure(self, body: dict[str, Any]) -> Answer:
        """POST /_sandbox/verify/delivery-failures."""
        with self.sandbox.transaction() as tx:
            return self.sandbox.verify.delivery_failure(tx, Validated(body)), 200

    def _clock(self) -> dict[str, Any]:
        now = self.sandbox.clock.now()
        offset = round((now - datetime.now(UTC)).total_seconds(), 3)
        return {"now": iso_time(to_micros(now)), "offset_seconds": offset}
