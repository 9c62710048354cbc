"""The drift proxy over real HTTP: relays unchanged, reports each departure once per kind.

An upstream that departs from the spec in known ways is reported kind by kind
with counts; the sandbox itself, a conforming upstream, is reported for nothing.
An upstream that is down, slow, or not HTTP gets the client a Plivo-shaped
502 or 504, never a hang and never a 500.
"""

from __future__ import annotations

import asyncio
import base64
import gzip
import json
import socket

import httpx
import pytest

from plivo_sandbox.proxy.drift import DriftChecker, DriftReport, Exchange, Mismatch
from plivo_sandbox.proxy.relay import ProxyApp, upstream_url
from plivo_sandbox.testing.process import free_port
from plivo_sandbox.testing.pytest_plugin import SandboxHandle
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN
from tests.proxy.conftest import (
    HTML_502,
    SESSION_PATH,
    documented_session,
    raw_upstream,
    read_head,
    running_proxy,
)
from tests.sandbox.conftest import assert_plivo_error

AUTH = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
DEPARTURES = {
    "extra-field": 3,
    "missing-required": 2,
    "new-enum": 4,
    "wrong-type": 1,
    "html-502": 2,
}
GET_SESSION = "get_masking_session"


def test_each_departure_is_reported_once_with_how_often_it_was_seen(
    departing_upstream: str,
) -> None:
    with running_proxy(departing_upstream) as proxy, httpx.Client(auth=AUTH) as client:
        for departure, times in DEPARTURES.items():
            for _ in range(times):
                client.get(proxy.url + SESSION_PATH, headers={"X-Depart": departure})
        report = proxy.settled(sum(DEPARTURES.values()))

    counts = {kind.mismatch: kind.count for kind in report.kinds.values()}
    assert counts == {
        Mismatch(
            GET_SESSION, "response 200 body /response/carrier_name", "undocumented property"
        ): 3,
        Mismatch(GET_SESSION, "response 200 body /response/virtual_number", "required, missing"): 2,
        Mismatch(
            GET_SESSION,
            "response 200 body /response/status",
            'undocumented value "paused" (documented: active, expired)',
        ): 4,
        Mismatch(
            GET_SESSION,
            "response 200 body /response/record",
            "wrong type: string, documented boolean",
        ): 1,
        Mismatch(
            GET_SESSION,
            "response status",
            "502 is not documented (200, 400, 401, 404, 405, 429, 500, 503)",
        ): 2,
    }
    assert proxy.lines == [f"drift: {mismatch}" for mismatch in counts]


def test_a_conforming_answer_is_reported_for_nothing(departing_upstream: str) -> None:
    with running_proxy(departing_upstream) as proxy:
        httpx.get(proxy.url + SESSION_PATH, auth=AUTH)
        report = proxy.settled(1)
    assert report.exchanges == 1 and not report.drifted and proxy.lines == []


def test_the_sandbox_as_upstream_is_reported_for_nothing(plivo_sandbox: SandboxHandle) -> None:
    parties = {"first_party": "+14155550100", "second_party": "+14155550199"}
    with (
        running_proxy(plivo_sandbox.url) as proxy,
        httpx.Client(base_url=f"{proxy.url}/v1/Account/{DEMO_AUTH_ID}", auth=AUTH) as client,
    ):
        masking = client.post("/Masking/Session/", json=parties).json()["session_uuid"]
        client.get(f"/Masking/Session/{masking}/")
        client.post(f"/Masking/Session/{masking}/", json={"session_expiry": 900})
        client.get("/Masking/Session/", params={"limit": 5, "status": "active"})
        client.delete(f"/Masking/Session/{masking}/")
        verify = client.post("/Verify/Session/", json={"recipient": "+14155550123"}).json()
        uuid = verify["session_uuid"]
        client.post(f"/Verify/Session/{uuid}/", json={"otp": plivo_sandbox.otp(uuid)})
        client.get(f"/Verify/Session/{uuid}/")
        client.get("/Verify/Session/", params={"limit": 5})
        client.get("/Masking/Session/00000000-0000-4000-8000-000000000000/")  # a 404
        report = proxy.settled(10)
    assert len(report.operations) == 9 and report.exchanges == 10
    assert report.kinds == {} and proxy.lines == []


def test_the_request_reaches_the_upstream_unchanged(departing_upstream: str) -> None:
    token = base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()
    headers = [("Authorization", f"Basic {token}"), ("X-Custom", "one"), ("x-custom", "two")]
    with running_proxy(departing_upstream) as proxy:
        answer = httpx.post(
            proxy.url + "/echo/a%2Fb/?q=%20x&q=y&empty=",
            headers=headers,
            content=b'{"not": "checked"}',
        )
    seen = answer.json()
    assert seen["method"] == "POST"
    assert seen["raw_path"] == "/echo/a%2Fb/"
    assert seen["query"] == "q=%20x&q=y&empty="
    assert seen["body"] == '{"not": "checked"}'
    # ASGI servers hand header names over in lower case; HTTP reads them case-insensitively.
    sent = [[name.lower(), value] for name, value in headers]
    assert [pair for pair in seen["headers"] if pair[0] in ("authorization", "x-custom")] == sent
    host = [value for name, value in seen["headers"] if name.lower() == "host"]
    assert host == [departing_upstream.removeprefix("http://")]


def test_the_answer_comes_back_unchanged_encoded_bytes_and_all(departing_upstream: str) -> None:
    with running_proxy(departing_upstream) as proxy:
        with httpx.stream(
            "GET", proxy.url + SESSION_PATH, headers={"X-Depart": "gzip"}, auth=AUTH
        ) as answer:
            raw = b"".join(answer.iter_raw())
            headers = answer.headers
        report = proxy.settled(1)
    assert headers["content-encoding"] == "gzip"
    assert json.loads(gzip.decompress(raw)) == documented_session()
    assert not report.drifted  # the proxy checked the decoded body


def test_an_html_502_page_is_relayed_with_its_status(departing_upstream: str) -> None:
    with running_proxy(departing_upstream) as proxy:
        answer = httpx.get(proxy.url + SESSION_PATH, headers={"X-Depart": "html-502"}, auth=AUTH)
    assert answer.status_code == 502
    assert answer.content == HTML_502
    assert answer.headers["content-type"].startswith("text/html")


def test_an_upstream_that_is_down_is_a_plivo_shaped_502() -> None:
    with running_proxy(f"http://127.0.0.1:{free_port()}") as proxy:
        answer = httpx.get(proxy.url + SESSION_PATH, auth=AUTH)
        report = proxy.settled(1)
    assert_plivo_error(answer, 502, "cannot be reached")
    assert dict(report.failures) == {"cannot be reached": 1} and report.exchanges == 0


def _hang(conn: socket.socket) -> None:
    read_head(conn)
    conn.recv(1)  # until the proxy gives up and closes


def test_an_upstream_that_does_not_answer_is_a_plivo_shaped_504() -> None:
    with raw_upstream(_hang) as upstream, running_proxy(upstream, timeout=0.3) as proxy:
        answer = httpx.get(proxy.url + SESSION_PATH, auth=AUTH, timeout=10)
    assert_plivo_error(answer, 504, "did not answer within 0.3 seconds")


@pytest.mark.parametrize(
    "reply",
    [
        pytest.param(b"garbage\r\n\r\n", id="garbage"),
        pytest.param(b"", id="hang-up"),
        pytest.param(b'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n{"api', id="cut-short"),
    ],
)
def test_an_upstream_that_answers_no_http_is_a_plivo_shaped_502(reply: bytes) -> None:
    def behaviour(conn: socket.socket) -> None:
        read_head(conn)
        conn.sendall(reply)

    with raw_upstream(behaviour) as upstream, running_proxy(upstream) as proxy:
        answer = httpx.get(proxy.url + SESSION_PATH, auth=AUTH, timeout=10)
    assert_plivo_error(answer, 502, "upstream")


def test_an_upstream_answer_that_is_not_json_is_relayed_and_reported() -> None:
    def behaviour(conn: socket.socket) -> None:
        read_head(conn)
        conn.sendall(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 7\r\n\r\ngarbage"
        )

    with raw_upstream(behaviour) as upstream, running_proxy(upstream) as proxy:
        answer = httpx.get(proxy.url + SESSION_PATH, auth=AUTH)
        report = proxy.settled(1)
    assert (answer.status_code, answer.content) == (200, b"garbage")
    assert list(report.kinds) == [Mismatch(GET_SESSION, "response 200 body", "not JSON")]


def test_a_request_that_breaks_the_spec_is_forwarded_and_reported(
    plivo_sandbox: SandboxHandle,
) -> None:
    with running_proxy(plivo_sandbox.url) as proxy:
        answer = httpx.get(
            f"{proxy.url}/v1/Account/{DEMO_AUTH_ID}/Masking/Session/",
            params={"limit": 50},
            auth=AUTH,
        )
        report = proxy.settled(1)
    assert_plivo_error(answer, 400, "limit")  # the sandbox's own answer
    assert list(report.kinds) == [
        Mismatch("list_masking_sessions", "request query limit", "above the maximum 20")
    ]


def _through(app: ProxyApp) -> httpx.Response:
    """One GET of SESSION_PATH through ``app`` in this process (no sockets)."""

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://proxy") as client:
            return await client.get(SESSION_PATH, auth=AUTH)

    return asyncio.run(get())


class _BrokenChecker(DriftChecker):
    def check(self, exchange: Exchange) -> tuple[str | None, list[Mismatch]]:
        raise RuntimeError("a bug in the checks")


def test_a_fault_in_the_checks_leaves_the_answer_alone() -> None:
    def relayed(request: httpx.Request) -> httpx.Response:
        body = httpx.ByteStream(b'{"api_id": "a"}')  # a stream, as a network transport gives
        return httpx.Response(200, headers={"Content-Type": "application/json"}, stream=body)

    upstream = httpx.MockTransport(relayed)
    app = ProxyApp(
        upstream_url("https://api.plivo.com"),
        _BrokenChecker.from_spec(),
        DriftReport(),
        transport=upstream,
    )
    answer = _through(app)
    assert (answer.status_code, answer.json()) == (200, {"api_id": "a"})


def test_an_unexpected_failure_of_the_upstream_client_is_a_plivo_shaped_502() -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise RuntimeError("not an HTTP error")

    app = ProxyApp(
        upstream_url("https://api.plivo.com"),
        DriftChecker.from_spec(),
        DriftReport(),
        transport=httpx.MockTransport(fail),
    )
    assert_plivo_error(_through(app), 502, "could not relay")


def test_a_fault_is_logged_without_what_it_failed_on(caplog: pytest.LogCaptureFixture) -> None:
    def fail(request: httpx.Request) -> httpx.Response:
        raise RuntimeError(request.headers["authorization"])

    app = ProxyApp(
        upstream_url("https://api.plivo.com"),
        DriftChecker.from_spec(),
        DriftReport(),
        transport=httpx.MockTransport(fail),
    )
    with caplog.at_level("ERROR", logger="plivo_sandbox.proxy.relay"):
        _through(app)
    assert "RuntimeError at " in caplog.text
    assert DEMO_AUTH_TOKEN not in caplog.text and "Basic" not in caplog.text


def test_a_path_prefix_of_the_upstream_goes_before_the_request_path(
    departing_upstream: str,
) -> None:
    with running_proxy(departing_upstream + "/echo") as proxy:
        seen = httpx.get(proxy.url + SESSION_PATH + "?limit=1", auth=AUTH).json()
    assert (seen["raw_path"], seen["query"]) == ("/echo" + SESSION_PATH, "limit=1")
