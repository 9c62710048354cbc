"""The client's retry policy, timeouts and connection errors, against misbehaving local servers.

The servers are raw sockets on 127.0.0.1: one that closes every connection
without answering, one that accepts and never answers, one that answers a
scripted list of statuses. Each counts the connections or requests it got.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from uuid import uuid4

import httpx
import pytest
from plivo_masking_client import (
    BadRequestError,
    PlivoApiError,
    PlivoClient,
    PlivoConnectionError,
    PlivoTimeoutError,
    RateLimitError,
    RetryPolicy,
    ServiceUnavailableError,
)
from plivo_masking_client.errors import retry_after

QUICK = RetryPolicy(initial_delay=0.01, max_delay=0.05)
ERROR_BODY = b'{"api_id": "4e2a9f6b-6b8c-4c1e-8f0e-2c7d5a9b1e33", "error": "scripted"}'
SESSION = uuid4()


@contextmanager
def raw_server(handle: str, script: list[bytes] | None = None) -> Iterator[tuple[str, list[int]]]:
    """A raw TCP server on 127.0.0.1; yields its base URL and a list with its connection count.

    ``handle``: ``"close"`` closes each connection at once, ``"hang"`` reads
    and never answers, ``"script"`` answers each request with the next of
    ``script`` (whole HTTP responses).
    """
    listener = socket.create_server(("127.0.0.1", 0))
    listener.settimeout(0.1)
    port = listener.getsockname()[1]
    connections = [0]
    stop = threading.Event()
    held: list[socket.socket] = []
    answers = list(script or [])

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            connections[0] += 1
            if handle == "close":
                conn.close()
            elif handle == "hang":
                held.append(conn)
            else:
                conn.recv(65536)
                conn.sendall(answers.pop(0))
                conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}", connections
    finally:
        stop.set()
        thread.join(timeout=5)
        for conn in held:
            conn.close()
        listener.close()


def answer(status: int, reason: str, headers: str = "", body: bytes = ERROR_BODY) -> bytes:
    """A whole HTTP/1.1 response that closes its connection."""
    head = (
        f"HTTP/1.1 {status} {reason}\r\nContent-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n{headers}\r\n"
    )
    return head.encode() + body


def client_of(url: str, **options: object) -> PlivoClient:
    """A ``PlivoClient`` with the demo credentials, talking to ``url``."""
    return PlivoClient(
        auth_id="MADEMO1234567890ABCD",
        auth_token="demo-auth-token",
        base_url=f"{url}/v1/Account/{{auth_id}}",
        **options,  # type: ignore[arg-type]
    )


@contextmanager
def calling(
    handle: str, script: list[bytes] | None = None, **options: object
) -> Iterator[tuple[PlivoClient, list[int]]]:
    """A client of a ``raw_server(handle, script)``, and the server's connection count."""
    with raw_server(handle, script) as (url, connections), client_of(url, **options) as client:
        yield client, connections


# ---------------------------------------------------------------- connection errors


def test_a_connection_error_on_get_is_retried_then_raised() -> None:
    with (
        calling("close", retry_policy=QUICK) as (client, connections),
        pytest.raises(PlivoConnectionError) as raised,
    ):
        client.masking_sessions.get(SESSION)

    assert connections[0] == 3
    assert isinstance(raised.value.__cause__, httpx.TransportError)


def test_a_connection_error_on_create_is_not_retried() -> None:
    with (
        calling("close", retry_policy=QUICK) as (client, connections),
        pytest.raises(PlivoConnectionError),
    ):
        client.verify_sessions.create(recipient="+14155550123")

    assert connections[0] == 1


def test_a_timeout_raises_its_own_error() -> None:
    with (
        calling("hang", timeout=0.2, max_retries=0) as (client, connections),
        pytest.raises(PlivoTimeoutError),
    ):
        client.masking_sessions.get(SESSION)

    assert connections[0] == 1


def test_a_timeout_per_call_overrides_the_clients() -> None:
    with (
        calling("hang", timeout=60, max_retries=0) as (client, _),
        pytest.raises(PlivoTimeoutError),
    ):
        client.masking_sessions.get(SESSION, timeout=0.2)


def test_a_timeout_on_delete_is_retried() -> None:
    with (
        calling("hang", timeout=0.1, retry_policy=QUICK) as (client, connections),
        pytest.raises(PlivoTimeoutError),
    ):
        client.masking_sessions.delete(SESSION)

    assert connections[0] == 3


# ---------------------------------------------------------------- statuses


def test_a_502_on_get_is_retried() -> None:
    script = [
        answer(502, "Bad Gateway", body=b"<html>bad gateway</html>"),
        answer(404, "Not Found"),
    ]
    with (
        calling("script", script, retry_policy=QUICK) as (client, connections),
        pytest.raises(PlivoApiError) as raised,
    ):
        client.masking_sessions.get(SESSION)

    assert connections[0] == 2
    assert raised.value.status_code == 404


def test_an_html_error_page_raises_with_its_text() -> None:
    script = [answer(502, "Bad Gateway", body=b"<html>bad gateway</html>")]
    with (
        calling("script", script, max_retries=0) as (client, _),
        pytest.raises(PlivoApiError) as raised,
    ):
        client.masking_sessions.get(SESSION)

    assert raised.value.status_code == 502
    assert raised.value.body is None and raised.value.api_id is None
    assert raised.value.message == "<html>bad gateway</html>"


def test_a_400_is_never_retried() -> None:
    script = [answer(400, "Bad Request")]
    with (
        calling("script", script, retry_policy=QUICK) as (client, connections),
        pytest.raises(BadRequestError),
    ):
        client.masking_sessions.get(SESSION)

    assert connections[0] == 1


def test_a_503_honours_retry_after() -> None:
    script = [answer(503, "Service Unavailable", "Retry-After: 0\r\n"), answer(404, "Not Found")]
    with (
        calling("script", script) as (client, connections),
        pytest.raises(PlivoApiError),
    ):
        client.verify_sessions.create(recipient="+14155550123")

    assert connections[0] == 2


def test_a_retry_after_beyond_the_cap_is_raised_at_once() -> None:
    script = [answer(429, "Too Many Requests", "Retry-After: 3600\r\n")]
    with (
        calling("script", script) as (client, connections),
        pytest.raises(RateLimitError) as raised,
    ):
        client.verify_sessions.page()

    assert connections[0] == 1
    assert raised.value.retry_after == 3600


def test_a_503_after_the_last_retry_is_raised() -> None:
    script = [answer(503, "Service Unavailable")] * 2
    with (
        calling("script", script, max_retries=1, retry_policy=QUICK) as (client, connections),
        pytest.raises(ServiceUnavailableError),
    ):
        client.masking_sessions.create(first_party="+14155550100", second_party="+14155550199")

    assert connections[0] == 2


# ---------------------------------------------------------------- the policy itself


def test_backoff_doubles_up_to_its_cap_with_at_most_a_quarter_of_jitter() -> None:
    policy = RetryPolicy(initial_delay=0.5, max_delay=2.0)
    error = PlivoConnectionError()

    delays = [policy.delay(retry, error) for retry in range(5)]

    for delay, full in zip(delays, [0.5, 1.0, 2.0, 2.0, 2.0], strict=True):
        assert 0.75 * full <= delay <= full


def test_retry_after_is_read_as_seconds_or_as_a_date() -> None:
    assert retry_after(httpx.Response(429, headers={"Retry-After": "7"})) == 7
    past = "Wed, 21 Oct 2015 07:28:00 GMT"
    assert retry_after(httpx.Response(429, headers={"Retry-After": past})) == 0
    assert retry_after(httpx.Response(429, headers={"Retry-After": "soon"})) is None
    assert retry_after(httpx.Response(429)) is None


def test_max_retries_below_zero_is_refused() -> None:
    with pytest.raises(ValueError, match="max_retries"):
        client_of("http://127.0.0.1:9", max_retries=-1)
