"""Handlers of the sandbox control API (``control.yaml``), for test suites."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from connexion import request
from starlette.responses import StreamingResponse

from plivo_sandbox import recordings
from plivo_sandbox.callbacks import render_delivery
from plivo_sandbox.errors import NotFound
from plivo_sandbox.sandbox import Sandbox
from plivo_sandbox.storage import CALLBACK_STATES

Answer = tuple[dict[str, Any], int]


class ControlHandlers:
    """Read OTPs, move the clock, reset state: one sandbox's controls."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def read_verify_otp(self, session_uuid: str) -> Answer:
        """GET /_sandbox/verify/sessions/{session_uuid}/otp."""
        return {"session_uuid": session_uuid, "otp": self.sandbox.verify.otp(session_uuid)}, 200

    def read_clock(self) -> Answer:
        """GET /_sandbox/clock."""
        return self._clock(), 200

    def advance_clock(self, body: dict[str, Any]) -> Answer:
        """POST /_sandbox/clock/advance."""
        self.sandbox.advance_clock(float(body["seconds"]))
        return self._clock(), 200

    def reset_sandbox(self) -> Answer:
        """POST /_sandbox/reset."""
        self.sandbox.reset()
        return {"message": "sandbox reset"}, 200

    def list_callbacks(self, session_uuid: str | None = None, state: str | None = None) -> Answer:
        """GET /_sandbox/callbacks: every callback queued, with its delivery attempts."""
        wanted = next((known for known in CALLBACK_STATES if known == state), None)
        with self.sandbox.store.transaction(write=False) as tx:
            found = tx.select_callbacks(session_uuid=session_uuid, state=wanted)
        return {"callbacks": [render_delivery(delivery) for delivery in found]}, 200

    def simulate_masking_call(self, session_uuid: str, body: dict[str, Any]) -> Answer:
        """POST /_sandbox/masking/sessions/{session_uuid}/calls."""
        answer = self.sandbox.masking.simulate_call(session_uuid, body, base_url=_origin())
        return answer, 200

    def read_masking_recording(self, session_uuid: str, recording_uuid: str) -> Answer:
        """GET /_sandbox/masking/sessions/{session_uuid}/recordings/{recording_uuid}."""
        return self.sandbox.masking.recording(session_uuid, recording_uuid), 200

    def read_recording_media(self, session_uuid: str, recording_file: str) -> StreamingResponse:
        """GET /_sandbox/media/{session_uuid}/{recording_file}: the audio, streamed."""
        recording_uuid, _, file_format = recording_file.rpartition(".")
        found = self.sandbox.masking.recording(session_uuid, recording_uuid)
        if found["recording_format"] != file_format:
            raise NotFound(f"recording {recording_uuid} is not in {file_format} format")
        return StreamingResponse(
            recordings.audio(file_format, found["recording_duration_ms"] // 1000),
            media_type=recordings.CONTENT_TYPES[file_format],
        )

    def set_verify_delivery_failure(self, body: dict[str, Any]) -> Answer:
        """POST /_sandbox/verify/delivery-failures."""
        return self.sandbox.verify.delivery_failure(body), 200

    def _clock(self) -> dict[str, Any]:
        now = self.sandbox.clock.now()
        offset = round((now - datetime.now(UTC)).total_seconds(), 3)
        return {"now": now.isoformat().replace("+00:00", "Z"), "offset_seconds": offset}


def _origin() -> str:
    """Scheme, host and port the current request came to: where the sandbox serves things."""
    return f"{request.url.scheme}://{request.url.netloc}"
