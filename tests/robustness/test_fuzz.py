"""A storm of malformed requests over raw sockets: every answer is Plivo's or the documented one.

Each case is raw bytes sent on a fresh connection to a real server. The
answer must be a 2xx or 4xx in Plivo's shape (``{"api_id", "error"}`` for
errors), or uvicorn's protocol-level ``400 Invalid HTTP request received.``
for bytes that are not HTTP/1.1 at all; the server must stay up, and
sessions created before the storm read back unchanged after it.
"""

from __future__ import annotations

import base64
import contextlib
import json
import random
import socket
import time
from collections.abc import Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

import pytest

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.http.head_timeout import HeadTimeoutProtocol
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, demo_config, serve_in_thread

READ_TIMEOUT = 0.5
PROTOCOL_ANSWER = b"Invalid HTTP request received."
BASE = f"/v1/Account/{DEMO_AUTH_ID}"
CREDENTIALS = base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode())
SEED = 10
GENERATED = 300  # generated cases, on top of the named ones
UUID = "6e0f3b8c-1d2a-4e5f-8a9b-0c1d2e3f4a5b"


@dataclass
class Answer:
    """What came back on one connection."""

    status: int | None
    headers: dict[str, str]
    body: bytes
    raw: bytes


def request(
    method: str,
    target: str,
    body: bytes = b"",
    headers: Mapping[str, bytes | str] | None = None,
    *,
    auth: bool = True,
) -> bytes:
    """One HTTP/1.1 request, closing the connection after the answer."""
    lines = [f"{method} {target} HTTP/1.1".encode("latin-1", "replace"), b"Host: sandbox"]
    given = {"Connection": "close", **(headers or {})}
    if auth:
        given.setdefault("Authorization", b"Basic " + CREDENTIALS)
    if body and "Content-Length" not in given:
        given["Content-Length"] = str(len(body))
    for name, value in given.items():
        lines.append(
            name.encode() + b": " + (value if isinstance(value, bytes) else value.encode())
        )
    return b"\r\n".join(lines) + b"\r\n\r\n" + body


def json_post(target: str, body: bytes, content_type: bytes | str = b"application/json") -> bytes:
    return request("POST", target, body, {"Content-Type": content_type})


def exchange(port: int, data: bytes, timeout: float = 10) -> Answer:
    """Send ``data`` on a new connection; read until the server closes it or the answer is whole."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as conn:
        # The server may answer and close before it has read everything.
        with contextlib.suppress(OSError):
            conn.sendall(data)
        raw = b""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                chunk = conn.recv(65536)
            except (ConnectionResetError, TimeoutError):
                break
            if not chunk:
                break
            raw += chunk
            if _complete(raw):
                break
    return _parse(raw)


def _complete(raw: bytes) -> bool:
    head, sep, body = raw.partition(b"\r\n\r\n")
    if not sep:
        return False
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return len(body) >= int(value.strip())
    return False


def _parse(raw: bytes) -> Answer:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    parts = lines[0].split(b" ", 2) if lines and lines[0] else []
    status = int(parts[1]) if len(parts) >= 2 and parts[1].isdigit() else None
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower().decode("latin-1")] = value.strip().decode("latin-1")
    return Answer(status, headers, body, raw)


def assert_acceptable(case: str, answer: Answer, head: bool = False) -> None:
    """A 2xx/4xx in Plivo's shape, or uvicorn's documented protocol-level 400.

    The answer to a ``head`` request has its headers only.
    """
    assert answer.status is not None, f"{case}: no HTTP answer: {answer.raw[:200]!r}"
    assert 200 <= answer.status < 300 or 400 <= answer.status < 500, f"{case}: {answer.raw[:300]!r}"
    content_type = answer.headers.get("content-type", "")
    if content_type.startswith("text/plain"):
        assert (answer.status, answer.body) == (400, PROTOCOL_ANSWER), f"{case}: {answer.raw!r}"
        return
    if answer.status >= 400:
        assert content_type.startswith("application/json"), f"{case}: {answer.raw[:300]!r}"
        if head:
            return
        try:
            body = json.loads(answer.body)
        except ValueError:
            raise AssertionError(f"{case}: {answer.raw[:300]!r}") from None
        assert set(body) == {"api_id", "error"} and body["error"], f"{case}: {body}"


# ---------------------------------------------------------------- the cases

WRITES = {
    "create_masking_session": (
        f"{BASE}/Masking/Session/",
        b'{"first_party": "+14155550100", "second_party": "+14155550199"}',
    ),
    "update_masking_session": (f"{BASE}/Masking/Session/{UUID}/", b'{"record": true}'),
    "create_verify_session": (f"{BASE}/Verify/Session/", b'{"recipient": "+14155550123"}'),
    "validate_verify_session": (f"{BASE}/Verify/Session/{UUID}/", b'{"otp": "123456"}'),
}


def issue_cases() -> dict[str, bytes]:
    """Every reproduction of issue 10, items 1 to 6."""
    cases: dict[str, bytes] = {}
    for name, (target, body) in WRITES.items():
        cases[f"1 no content-type: {name}"] = request("POST", target, body)
        cases[f"1 empty content-type: {name}"] = json_post(target, body, b"")
        cases[f"1 Application/JSON: {name}"] = json_post(target, body, b"Application/JSON")
        cases[f"1 charset unknown: {name}"] = json_post(
            target, body, b"application/json; charset=x"
        )
    verify = f"{BASE}/Verify/Session/"
    cases["2 deep JSON"] = json_post(verify, b'{"recipient": ' + b"[" * 950 + b"]" * 950 + b"}")
    cases["2 huge integer"] = json_post(verify, b'{"code_length": ' + b"9" * 5000 + b"}")
    cases["2 huge integer advance"] = json_post(
        "/_sandbox/clock/advance", b'{"seconds": ' + b"9" * 5000 + b"}"
    )
    cases["2 lone surrogate"] = json_post(
        verify, b'{"recipient": "+14155550123", "brand_name": "\\ud800"}'
    )
    for method in ("GET", "DELETE"):
        target = f"{BASE}/Masking/Session/{UUID}/"
        cases[f"2 non-UTF-8 content-type {method}"] = request(
            method, target, headers={"Content-Type": b"\xff\xfe/\xc3"}
        )
    cases["3 non-ASCII request line"] = b"GET /v1/\xe2\x82\xac HTTP/1.1\r\nHost: x\r\n\r\n"
    cases["3 64 KB URL"] = request("GET", "/" + "a" * 65536)
    cases["3 broken framing"] = b"GET / HTTP/1.1\r\nHost x\r\n\r\n"
    cases["3 not HTTP"] = (
        b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + b"\x00" * 40 + b"\r\n\r\n"
    )
    cases["5 ten-year advance"] = json_post("/_sandbox/clock/advance", b'{"seconds": 315360000}')
    cases["6 trailing newline"] = json_post(
        verify, b'{"recipient": "+14155550123", "locale": "en\\n"}'
    )
    cases["6 escaped slash"] = request("GET", f"{BASE}/Verify/Session/%2F/")
    # A valid reset would rightly forget everything; these must be refused (item 13).
    cases["13 form reset"] = request(
        "POST", "/_sandbox/reset", b"a=1", {"Content-Type": "application/x-www-form-urlencoded"}
    )
    cases["13 cross-site reset"] = request(
        "POST",
        "/_sandbox/reset",
        b"{}",
        {"Content-Type": "application/json", "Origin": "http://evil.example"},
    )
    return cases


def _mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    """Flip, drop, duplicate or insert a few bytes of ``data``."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        if not out:
            break
        at = rng.randrange(len(out))
        action = rng.randrange(4)
        if action == 0:
            out[at] = rng.randrange(256)
        elif action == 1:
            del out[at]
        elif action == 2:
            out[at:at] = out[at : at + rng.randint(1, 8)]
        else:
            out[at:at] = rng.choice([b"\r\n", b"\x00", b":", b" ", b"\xff", b"%", b"\\", b'"'])
    return bytes(out)


_ODD_VALUES = [
    "",
    " ",
    "\u0000",
    "\ud7ff",
    "\ue000",
    "\U0001f600",
    "+",
    "+0",
    "+1" + "9" * 30,
    "1e309",
    "-1",
    "0",
    "2147483648",
    "null",
    "true",
    "[]",
    "{}",
    "\\",
    "\n",
    "a" * 5000,
]


def _odd_json(rng: random.Random) -> bytes:
    """A JSON-ish body with odd values, keys, types, or broken syntax."""
    fields = [
        "first_party",
        "second_party",
        "session_expiry",
        "recipient",
        "otp",
        "locale",
        "code_length",
        "channel",
        "record",
        "url",
        "seconds",
        "x" * rng.randint(1, 300),
    ]
    body = {}
    for _ in range(rng.randint(0, 5)):
        value = rng.choice(
            [
                rng.choice(_ODD_VALUES),
                rng.randint(-(2**70), 2**70),
                rng.random() * 1e300,
                None,
                True,
                [rng.choice(_ODD_VALUES)],
                {"a": {"b": [1]}},
            ]
        )
        body[rng.choice(fields)] = value
    text = json.dumps(body, ensure_ascii=rng.random() < 0.5).encode("utf-8", "surrogatepass")
    return _mutate_bytes(rng, text) if rng.random() < 0.4 else text


_TARGETS = [target for target, _ in WRITES.values()] + [
    f"{BASE}/Masking/Session/",
    f"{BASE}/Verify/Session/",
    "/_sandbox/clock/advance",
    "/_sandbox/clock",
    f"/_sandbox/verify/sessions/{UUID}/otp",
    "/docs",
    f"{BASE}/Masking/Session/?limit=" + "9" * 5000,
    f"{BASE}/Verify/Session/?recipient=%ED%A0%80",
    f"{BASE}/Masking/Session/?first_party=%2B1415%0A",
    f"{BASE}/Masking/Session/?first_party=%ff",
    "/v1/Account/%ff/Masking/Session/",
    f"{BASE}/Masking/Session/%ff%fe/",
    f"{BASE}/Masking/Session/?offset=" + "9" * 5000,
    f"{BASE}/Masking/Session/?duration__gt=" + "9" * 30,
    f"{BASE}/Verify/Session/?created_time__gt=%00",
    f"{BASE}/Masking/Session/?expiry_time__lt=9999-12-31%2023:59",
    f"{BASE}//Masking",
]


_HEADER_NAMES = [
    "Content-Type",
    "Authorization",
    "Content-Length",
    "Origin",
    "X-Forwarded-For",
    "Accept",
    "Sec-Fetch-Site",
]


def generated_cases(count: int) -> dict[str, bytes]:
    """``count`` seeded cases: odd bodies, odd headers and broken framings."""
    rng = random.Random(SEED)
    cases: dict[str, bytes] = {}
    for n in range(count):
        target = rng.choice(_TARGETS)
        kind = n % 4
        if kind == 0:  # an odd body, correctly framed
            data = json_post(
                target,
                _odd_json(rng),
                rng.choice([b"application/json", b"APPLICATION/JSON; charset=UTF-8"]),
            )
        elif kind == 1:  # an odd header
            name = rng.choice(_HEADER_NAMES)
            value = (
                bytes(rng.randrange(1, 256) for _ in range(rng.randint(0, 40)))
                .replace(b"\r", b"")
                .replace(b"\n", b"")
            )
            method = rng.choice(["GET", "POST", "DELETE", "PUT", "PATCH", "OPTIONS", "HEAD"])
            data = request(
                method, target, b'{"seconds": 1}' if method == "POST" else b"", {name: value}
            )
        elif kind == 2:  # a broken framing of a valid request, still ending its head
            head, _, body = json_post(target, _odd_json(rng)).partition(b"\r\n\r\n")
            data = _mutate_bytes(rng, head).replace(b"\r\n\r\n", b"\r\n") + b"\r\n\r\n" + body
        else:  # framing headers that disagree with the body
            body = _odd_json(rng)
            framing = rng.choice(
                [
                    {"Content-Length": str(len(body) - rng.randint(1, 5))},
                    {"Content-Length": str(len(body) + rng.randint(1, 5))},  # answered 408
                    {"Content-Length": "-1"},
                    {"Content-Length": "1e3"},
                    {"Content-Length": "0x10"},
                    {"Transfer-Encoding": "chunked"},
                    {"Transfer-Encoding": "gzip, chunked"},
                    {"Content-Length": f"{len(body)}, {len(body)}"},
                ]
            )
            data = request("POST", target, body, {"Content-Type": "application/json", **framing})
        cases[f"generated {n} (kind {kind})"] = data
    return cases


# ---------------------------------------------------------------- the storm


class QuickHeadTimeout(HeadTimeoutProtocol):
    """The server's protocol with the test's short deadline."""

    default_head_timeout = READ_TIMEOUT


@pytest.fixture
def server(tmp_path: Path) -> Iterator[int]:
    """A file-backed sandbox over real HTTP with a short body read timeout; yields its port."""
    config = replace(demo_config(), data_dir=tmp_path, read_timeout=READ_TIMEOUT)
    box = Sandbox(config)
    with serve_in_thread(create_app(sandbox=box), http=QuickHeadTimeout) as url:
        yield int(url.rsplit(":", 1)[1])
    box.close()


def _read_back(port: int, target: str) -> dict[str, object]:
    answer = exchange(port, request("GET", target))
    assert answer.status == 200, answer.raw
    body: dict[str, object] = json.loads(answer.body)
    body.pop("api_id")
    return body


def test_a_storm_of_malformed_requests_gets_only_plivo_or_protocol_answers(server: int) -> None:
    create, body = WRITES["create_masking_session"]
    masking = json.loads(exchange(server, json_post(create, body)).body)["session_uuid"]
    verify = json.loads(exchange(server, json_post(*WRITES["create_verify_session"])).body)[
        "session_uuid"
    ]
    before = {
        path: _read_back(server, path)
        for path in (f"{BASE}/Masking/Session/{masking}/", f"{BASE}/Verify/Session/{verify}/")
    }

    cases = {**issue_cases(), **generated_cases(GENERATED)}
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = dict(
            zip(cases, pool.map(lambda data: exchange(server, data), cases.values()), strict=True)
        )
    for case, answer in answers.items():
        assert_acceptable(case, answer, head=cases[case].startswith(b"HEAD "))
    assert sum(answer.status == 500 for answer in answers.values()) == 0

    assert exchange(server, request("GET", "/openapi.yaml")).status == 200
    # The storm may move the clock (so a status may turn), never change or lose a session.
    for path, stored in before.items():
        assert _without_status(_read_back(server, path)) == _without_status(stored)


def _without_status(value: object) -> object:
    """``value`` without its ``status`` fields, which follow the clock."""
    if isinstance(value, dict):
        return {key: _without_status(item) for key, item in value.items() if key != "status"}
    if isinstance(value, list):
        return [_without_status(item) for item in value]
    return value


def test_a_client_that_sends_less_than_its_content_length_is_cut_off(server: int) -> None:
    started = time.monotonic()
    short = {"Content-Type": "application/json", "Content-Length": "100"}
    data = request("POST", f"{BASE}/Verify/Session/", b'{"recipient"', short)
    answer = exchange(server, data, timeout=30)
    assert answer.status == 408, answer.raw
    assert set(json.loads(answer.body)) == {"api_id", "error"}
    assert time.monotonic() - started < READ_TIMEOUT + 5


@pytest.mark.parametrize(
    "head", [b"", b"GET /openapi.yaml HTTP/1.1\r\nHost: sandbox\r\n"], ids=["nothing", "half"]
)
def test_a_client_that_never_finishes_its_request_head_is_cut_off(server: int, head: bytes) -> None:
    started = time.monotonic()
    answer = exchange(server, head, timeout=30)
    assert answer.raw == b""  # closed: there is no request to answer
    assert time.monotonic() - started < READ_TIMEOUT + 5


def test_a_keep_alive_connection_serves_several_requests(server: int) -> None:
    keep = request("GET", "/openapi.yaml", headers={"Connection": "keep-alive"})
    with socket.create_connection(("127.0.0.1", server), timeout=10) as conn:
        for _ in range(3):
            conn.sendall(keep)
            raw = b""
            while not _complete(raw):
                raw += conn.recv(65536)
            assert raw.startswith(b"HTTP/1.1 200")
