"""Handlers of the sandbox control API (``control.yaml``), for test suites."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from plivo_sandbox.sandbox import Sandbox

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

    def _clock(self) -> dict[str, Any]:
        now = self.sandbox.clock.now()
        offset = round((now - datetime.now(UTC)).total_seconds(), 3)
        return {"now": now.isoformat().replace("+00:00", "Z"), "offset_seconds": offset}
