"""Errors in Plivo's own shape: ``{"api_id": "<uuid>", "error": "<text>"}``."""

from __future__ import annotations

import uuid
from typing import ClassVar


class PlivoError(Exception):
    """A failure the sandbox answers with Plivo's error body and ``status``."""

    status: ClassVar[int] = 400

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message
        # Response headers that go with the answer.
        self.headers: dict[str, str] = dict(self.default_headers)

    default_headers: ClassVar[dict[str, str]] = {}


class BadRequest(PlivoError):
    """A parameter is missing or invalid (400)."""

    status = 400


class Unauthorized(PlivoError):
    """Authentication failed (401)."""

    status = 401
    # So HTTP clients know the API wants Basic credentials.
    default_headers: ClassVar[dict[str, str]] = {"WWW-Authenticate": 'Basic realm="Plivo"'}


class NotFound(PlivoError):
    """No such resource for this account (404)."""

    status = 404


class Conflict(PlivoError):
    """Well formed, but the current state does not allow it (409)."""

    status = 409


class TooManyRequests(PlivoError):
    """Rate limited (429), with the seconds to wait in ``Retry-After``."""

    status = 429

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message)
        self.headers = {"Retry-After": str(retry_after)}


class Busy(PlivoError):
    """The database is locked by someone else for longer than the lock timeout (503).

    Nothing was written: the same request can simply be sent again.
    """

    status = 503
    RETRY_AFTER_SECONDS: ClassVar[int] = 1
    default_headers: ClassVar[dict[str, str]] = {"Retry-After": str(RETRY_AFTER_SECONDS)}


# The 503 of a write that waited its whole lock_timeout for the sandbox's other writes.
BUSY_WRITING = "the sandbox is busy with other writes; nothing was changed, retry the request"


def new_api_id() -> str:
    """Return a fresh ``api_id``: every Plivo response carries one."""
    return str(uuid.uuid4())


def error_body(message: str) -> dict[str, str]:
    """Plivo's error body for ``message``."""
    return {"api_id": new_api_id(), "error": message}
