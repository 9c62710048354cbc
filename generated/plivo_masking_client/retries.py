"""Sending a request, and sending it again when Plivo's answer says that is safe.

The policy (docs/client.md, Retries):

* An answer whose status the spec documents with a ``Retry-After`` header
  (429, 503) means Plivo acted on nothing: it is retried for every
  method, after what ``Retry-After`` asks (at most ``max_retry_after``
  seconds; a longer wait is the caller's decision, so the error is raised),
  or else after an exponential backoff with jitter.
* A connection error, a timeout, or a 500/502/504 may come after Plivo
  acted, so it is retried only for the methods HTTP defines as idempotent
  (GET, DELETE, ...). A POST may have created a session or sent a real OTP.
* Nothing else is retried, and at most ``max_retries`` times.
"""

from __future__ import annotations

import asyncio
import itertools
import random
import time
from dataclasses import dataclass
from typing import Any

import httpx

from .errors import PlivoApiError, PlivoConnectionError, PlivoTimeoutError, error_from_response

RETRY_EVERY_METHOD: frozenset[int] = frozenset({429, 503})
"""Statuses the spec documents with ``Retry-After``: nothing was done, any method can be sent again."""

RETRY_IDEMPOTENT_ONLY: frozenset[int] = frozenset({500, 502, 504})
"""Server failures after which only an idempotent request is sent again."""

IDEMPOTENT_METHODS: frozenset[str] = frozenset({"get", "head", "options", "put", "delete"})
"""The methods HTTP defines as idempotent (RFC 9110, 9.2.2)."""

DEFAULT_MAX_RETRIES = 2
DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
"""30 s for the whole of each read and write, 5 s to connect."""


@dataclass(frozen=True)
class RetryPolicy:
    """When to send a request again, and how long to wait first."""

    initial_delay: float = 0.5
    """The first backoff, in seconds; each next one doubles."""
    max_delay: float = 8.0
    """The longest backoff, in seconds."""
    max_retry_after: float = 30.0
    """The longest ``Retry-After`` honoured; an answer asking more is raised at once."""

    def wait(
        self, method: str, error: PlivoConnectionError | PlivoApiError, retry: int, max_retries: int
    ) -> float | None:
        """Seconds to wait before sending again after ``error``; ``None``: raise it.

        ``retry`` counts the retries made so far (0 after the first attempt).
        """
        if retry >= max_retries or not self.retries(method, error):
            return None
        return self.delay(retry, error)

    def retries(self, method: str, error: PlivoConnectionError | PlivoApiError) -> bool:
        """Whether a request of ``method`` that failed with ``error`` may be sent again."""
        if isinstance(error, PlivoConnectionError):
            return method in IDEMPOTENT_METHODS
        if error.status_code in RETRY_EVERY_METHOD:
            return error.retry_after is None or error.retry_after <= self.max_retry_after
        return error.status_code in RETRY_IDEMPOTENT_ONLY and method in IDEMPOTENT_METHODS

    def delay(self, retry: int, error: PlivoConnectionError | PlivoApiError) -> float:
        """Seconds to wait before retry number ``retry`` (0 for the first) after ``error``."""
        if isinstance(error, PlivoApiError) and error.retry_after is not None:
            return error.retry_after
        backoff = min(self.initial_delay * 2.0**retry, self.max_delay)
        # Full backoff minus up to a quarter, so clients that failed together spread out.
        return backoff * (1 - 0.25 * random.random())


def _no_answer(cause: httpx.TransportError) -> PlivoConnectionError:
    """The error for a request that got no (complete) answer; httpx's error is its cause."""
    error = (
        PlivoTimeoutError()
        if isinstance(cause, httpx.TimeoutException)
        else PlivoConnectionError(f"connection error: {cause}")
    )
    error.__cause__ = cause
    return error


def send(
    http: httpx.Client,
    request: dict[str, Any],
    *,
    policy: RetryPolicy,
    max_retries: int,
    timeout: Any,
) -> httpx.Response:
    """Send ``request`` (``httpx.Client.request`` arguments) under ``policy``; raise the last error."""
    for retry in itertools.count():
        try:
            response = http.request(**request, timeout=timeout)
        except httpx.TransportError as cause:
            error: PlivoConnectionError | PlivoApiError = _no_answer(cause)
        else:
            if response.status_code < 400:
                return response
            error = error_from_response(response)
        wait = policy.wait(request["method"], error, retry, max_retries)
        if wait is None:
            raise error
        time.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover


async def asend(
    http: httpx.AsyncClient,
    request: dict[str, Any],
    *,
    policy: RetryPolicy,
    max_retries: int,
    timeout: Any,
) -> httpx.Response:
    """``send`` for ``httpx.AsyncClient``: the same policy, waiting with ``asyncio.sleep``."""
    for retry in itertools.count():
        try:
            response = await http.request(**request, timeout=timeout)
        except httpx.TransportError as cause:
            error: PlivoConnectionError | PlivoApiError = _no_answer(cause)
        else:
            if response.status_code < 400:
                return response
            error = error_from_response(response)
        wait = policy.wait(request["method"], error, retry, max_retries)
        if wait is None:
            raise error
        await asyncio.sleep(wait)
    raise AssertionError("unreachable")  # pragma: no cover
