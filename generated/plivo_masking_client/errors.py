"""The errors the client raises: one class per status the spec documents, under ``PlivoApiError``."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from time import time
from typing import TypeVar

import httpx

from .models.error import Error
from .types import Response

T = TypeVar("T")


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class PlivoError(Exception):
    """The base of every error this client raises on a call."""


class PlivoConnectionError(PlivoError):
    """No answer came: the connection failed or broke. ``__cause__`` is httpx's error."""

    def __init__(self, message: str = "connection error") -> None:
        super().__init__(message)


class PlivoTimeoutError(PlivoConnectionError):
    """No complete answer came within the timeout."""

    def __init__(self, message: str = "request timed out") -> None:
        super().__init__(message)


class PlivoApiError(PlivoError):
    """Plivo answered with an error status.

    ``status_code`` is the HTTP status, ``api_id`` identifies the request (when
    the body carried one), ``message`` is Plivo's ``error`` text, ``body`` the
    parsed ``Error`` (``None`` when the answer was not Plivo's error shape, such
    as a proxy's HTML page), ``response`` the ``httpx.Response`` and
    ``retry_after`` the seconds its ``Retry-After`` header asked for, if any.
    A status the spec documents raises its own subclass (``NotFoundError``...).
    """

    def __init__(self, response: httpx.Response, body: Error | None = None) -> None:
        self.response = response
        self.status_code = HTTPStatus(response.status_code)
        self.body = body
        self.api_id: str | None = body.api_id if body is not None else None
        self.message: str = body.error if body is not None else _text_of(response)
        self.retry_after: float | None = retry_after(response)
        super().__init__(f"{int(self.status_code)} {self.status_code.phrase}: {self.message} (api_id {self.api_id})")

    @property
    def error(self) -> Error | None:
        """The parsed error body (the same as ``body``; the name of earlier releases)."""
        return self.body


class BadRequestError(PlivoApiError):
    """400: the answer the spec documents for this status."""


class AuthenticationError(PlivoApiError):
    """401: the answer the spec documents for this status."""


class NotFoundError(PlivoApiError):
    """404: the answer the spec documents for this status."""


class MethodNotAllowedError(PlivoApiError):
    """405: the answer the spec documents for this status."""


class ConflictError(PlivoApiError):
    """409: the answer the spec documents for this status."""


class RateLimitError(PlivoApiError):
    """429: the answer the spec documents for this status."""


class InternalServerError(PlivoApiError):
    """500: the answer the spec documents for this status."""


class ServiceUnavailableError(PlivoApiError):
    """503: the answer the spec documents for this status."""


STATUS_ERRORS: dict[int, type[PlivoApiError]] = {
    400: BadRequestError,
    401: AuthenticationError,
    404: NotFoundError,
    405: MethodNotAllowedError,
    409: ConflictError,
    429: RateLimitError,
    500: InternalServerError,
    503: ServiceUnavailableError,
}
"""The error class of each status the spec documents."""


def _text_of(response: httpx.Response) -> str:
    """A short text for an answer that is not Plivo's error body."""
    text = response.text.strip()
    return text[:200] if text else response.reason_phrase


def retry_after(response: httpx.Response) -> float | None:
    """The seconds ``Retry-After`` asks for (a number or an HTTP date), or ``None``."""
    value = response.headers.get("retry-after")
    if value is None:
        return None
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time()
        except (TypeError, ValueError, IndexError):
            return None
    return max(seconds, 0.0)


def error_from_response(response: httpx.Response) -> PlivoApiError:
    """The error to raise for an error answer: its status's class, with Plivo's body if it has one."""
    body: Error | None = None
    try:
        data = response.json()
        if isinstance(data, dict) and isinstance(data.get("error"), str):
            body = Error.from_dict(data)
    except (ValueError, json.JSONDecodeError):
        pass
    return STATUS_ERRORS.get(response.status_code, PlivoApiError)(response, body)


def unwrap(response: Response[T | Error]) -> T:
    """Return the successful body of a ``*_detailed`` call, or raise.

    ``sync()``/``asyncio()`` return ``Error`` for a documented error status;
    this turns that into the status's ``PlivoApiError`` subclass, so the happy
    path reads straight through::

        session = unwrap(get_masking_session.sync_detailed(uuid, client=client))

    Raises ``UnexpectedStatus`` when nothing could be parsed (a status the spec
    does not document, with ``raise_on_unexpected_status`` off).
    """
    parsed = response.parsed
    if isinstance(parsed, Error):
        raw = httpx.Response(response.status_code, headers=dict(response.headers), content=response.content)
        raise STATUS_ERRORS.get(response.status_code, PlivoApiError)(raw, parsed)
    if parsed is None:
        raise UnexpectedStatus(response.status_code, response.content)
    return parsed


__all__ = [
    "STATUS_ERRORS",
    "PlivoApiError",
    "PlivoConnectionError",
    "PlivoError",
    "PlivoTimeoutError",
    "UnexpectedStatus",
    "BadRequestError",
    "AuthenticationError",
    "NotFoundError",
    "MethodNotAllowedError",
    "ConflictError",
    "RateLimitError",
    "InternalServerError",
    "ServiceUnavailableError",
    "error_from_response",
    "unwrap",
]
