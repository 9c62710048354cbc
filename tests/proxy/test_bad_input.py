"""Bad input to the proxy over raw sockets: a clear answer, never a 500, never a hang.

Each case is raw bytes on a fresh connection to a real proxy in front of the
sandbox. Bytes that are not HTTP get uvicorn's protocol-level 400; a request
too big or too slow gets the sandbox's own 400 or 408 in Plivo's shape
before anything goes upstream; anything else is forwarded and the upstream's
answer relayed.
"""

from __future__ import annotations

import base64
import contextlib
import json
import socket
from collections.abc import Iterator

import pytest

from plivo_sandbox.http.middleware import MAX_BODY_BYTES
from plivo_sandbox.testing.pytest_plugin import SandboxHandle
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN
from tests.proxy.conftest import RunningProxy, running_proxy

READ_TIMEOUT = 0.3
CREDENTIALS = base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode())
CREATE = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"


@pytest.fixture
def proxy(plivo_sandbox: SandboxHandle) -> Iterator[RunningProxy]:
    with running_proxy(plivo_sandbox.url, read_timeout=READ_TIMEOUT) as running:
        yield running


def send(proxy: RunningProxy, data: bytes) -> bytes:
    """``data`` on a new connection; everything the proxy sends until it closes the connection."""
    port = int(proxy.url.rsplit(":", 1)[1])
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        with contextlib.suppress(OSError):  # the proxy may answer before it has read it all
            conn.sendall(data)
        received = b""
        with contextlib.suppress(ConnectionResetError):
            while chunk := conn.recv(65536):
                received += chunk
    return received


def post(body: bytes, *extra: bytes) -> bytes:
    head = [
        f"POST {CREATE} HTTP/1.1".encode(),
        b"Host: proxy",
        b"Connection: close",
        b"Authorization: Basic " + CREDENTIALS,
        b"Content-Type: application/json",
        *extra,
    ]
    if not any(line.lower().startswith(b"content-length") for line in extra):
        head.append(b"Content-Length: " + str(len(body)).encode())
    return b"\r\n".join(head) + b"\r\n\r\n" + body


def status_and_body(answer: bytes) -> tuple[int, bytes]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ")[1]), body


def assert_plivo_error(answer: bytes, status: int) -> None:
    code, body = status_and_body(answer)
    assert code == status, answer
    assert set(json.loads(body)) == {"api_id", "error"}


def test_bytes_that_are_not_http_get_the_protocol_400(proxy: RunningProxy) -> None:
    answer = send(proxy, b"\x16\x03\x01\x02\x00 hello\r\n\r\n")
    assert status_and_body(answer) == (400, b"Invalid HTTP request received.")
    assert proxy.report.exchanges == 0


def test_a_head_that_never_ends_is_closed_after_the_read_timeout(proxy: RunningProxy) -> None:
    assert send(proxy, b"GET / HTTP/1.1\r\nHost: proxy\r\nX-Half: ") == b""


def test_a_body_announced_but_never_sent_is_a_408(proxy: RunningProxy) -> None:
    answer = send(proxy, post(b'{"first', b"Content-Length: 500"))
    assert_plivo_error(answer, 408)
    assert proxy.report.exchanges == 0  # nothing went upstream


def test_a_body_over_the_limit_is_a_400_and_not_forwarded(proxy: RunningProxy) -> None:
    answer = send(proxy, post(b"{" + b" " * MAX_BODY_BYTES + b"}"))
    assert_plivo_error(answer, 400)
    assert proxy.report.exchanges == 0


def test_a_body_that_is_not_json_is_forwarded_and_reported(proxy: RunningProxy) -> None:
    answer = send(proxy, post(b"{not json"))
    assert_plivo_error(answer, 400)  # the sandbox's answer, relayed
    assert [str(kind) for kind in proxy.settled(1).kinds] == [
        "create_masking_session: request body: not JSON text the API can read"
    ]


@pytest.mark.parametrize(
    "target",
    [
        b"/v1/Account/%ZZ/Masking/Session/",
        b"/v1/Account/" + DEMO_AUTH_ID.encode() + b"/Masking/Session/%00/",
        b"/v1/Account/" + DEMO_AUTH_ID.encode() + b"/Masking/Session/?limit=%FF%FE",
        b"/v1/Account/" + DEMO_AUTH_ID.encode() + b"/Masking/Session//",
        b"/\xc3\xa9t\xc3\xa9",
        b"*",
    ],
)
def test_an_odd_request_target_is_never_a_500(proxy: RunningProxy, target: bytes) -> None:
    head = b"GET " + target + b" HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\n"
    answer = send(proxy, head + b"Authorization: Basic " + CREDENTIALS + b"\r\n\r\n")
    status, body = status_and_body(answer)
    assert 400 <= status < 500, answer
    if body != b"Invalid HTTP request received.":
        assert set(json.loads(body)) == {"api_id", "error"}
