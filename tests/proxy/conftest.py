"""The drift proxy between a test client and an upstream, all on 127.0.0.1.

``running_proxy`` serves the proxy as ``plivo-sandbox proxy`` does (the same
app and uvicorn settings) in a thread of the test process, so a test can read
its ``DriftReport``. Upstreams: ``departing_upstream`` answers the spec's own
example of a masking session, changed in the way the request's ``X-Depart``
header names; ``raw_upstream`` is a socket server whose behaviour a test picks
(hang, answer garbage, hang up).
"""

from __future__ import annotations

import copy
import gzip
import json
import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.proxy.drift import DriftReport
from plivo_sandbox.proxy.relay import ProxySettings, build_app, server_config, upstream_url
from plivo_sandbox.testing.process import free_port
from tests.conftest import DEMO_AUTH_ID, serve_in_thread

SESSION_UUID = "c28b77d4-21e7-43bd-9447-04bfee92e651"
SESSION_PATH = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/{SESSION_UUID}/"
HTML_502 = b"<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>"


@dataclass
class RunningProxy:
    """A proxy serving at ``url``; ``lines`` is what it printed (one per new kind)."""

    url: str
    report: DriftReport
    lines: list[str] = field(default_factory=list)

    def settled(self, exchanges: int) -> DriftReport:
        """The report once ``exchanges`` exchanges are counted (the check follows the answer)."""
        deadline = time.monotonic() + 10
        while self.report.exchanges + sum(self.report.failures.values()) < exchanges:
            if time.monotonic() > deadline:
                raise AssertionError(f"{exchanges} exchanges not counted: {self.report.summary()}")
            time.sleep(0.01)
        return self.report


@contextmanager
def running_proxy(upstream: str, **changes: Any) -> Iterator[RunningProxy]:
    """The proxy in front of ``upstream`` on a free 127.0.0.1 port; ``changes``: its settings."""
    lines: list[str] = []
    report = DriftReport(on_new_kind=lines.append)
    settings = ProxySettings(upstream=upstream_url(upstream), port=free_port(), **changes)
    server = uvicorn.Server(server_config(build_app(settings, report), settings))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the proxy did not start")
        time.sleep(0.02)
    try:
        yield RunningProxy(f"http://127.0.0.1:{settings.port}", report, lines)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def documented_session() -> dict[str, Any]:
    """openapi.yaml's own example answer of get_masking_session (a conforming one)."""
    operation = ApiSpec().operation("/Masking/Session/{session_uuid}", "get")
    example = operation["responses"]["200"]["content"]["application/json"]["examples"]["expired"]
    return copy.deepcopy(example["value"])


def _departed(body: dict[str, Any], departure: str) -> dict[str, Any]:
    session = body["response"]
    if departure == "extra-field":
        session["carrier_name"] = "AirTel"
    elif departure == "missing-required":
        del session["virtual_number"]
    elif departure == "new-enum":
        session["status"] = "paused"
    elif departure == "wrong-type":
        session["record"] = "true"
    return body


async def _session(request: Request) -> Response:
    departure = request.headers.get("x-depart", "")
    if departure == "html-502":
        return Response(HTML_502, status_code=502, media_type="text/html")
    if departure == "gzip":
        payload = gzip.compress(json.dumps(documented_session()).encode())
        return Response(
            payload, media_type="application/json", headers={"Content-Encoding": "gzip"}
        )
    return JSONResponse(_departed(documented_session(), departure))


async def _echo(request: Request) -> Response:
    """What arrived, as the upstream saw it (headers in their order and case)."""
    return JSONResponse(
        {
            "method": request.method,
            "raw_path": request.scope["raw_path"].decode("latin-1"),
            "query": request.scope["query_string"].decode("latin-1"),
            "headers": [[k.decode("latin-1"), v.decode("latin-1")] for k, v in request.headers.raw],
            "body": (await request.body()).decode("latin-1"),
        },
        headers={"X-Upstream": "echo", "Set-Cookie": "a=1"},
    )


@pytest.fixture
def departing_upstream() -> Iterator[str]:
    """An upstream that answers GET SESSION_PATH, departing from the spec as X-Depart says."""
    app = Starlette(
        routes=[
            Route("/v1/Account/{auth_id}/Masking/Session/{uuid}/", _session),
            Route("/echo/{rest:path}", _echo, methods=["GET", "POST", "PUT", "DELETE"]),
        ]
    )
    with serve_in_thread(app) as url:
        yield url


Behaviour = Callable[[socket.socket], None]


@contextmanager
def raw_upstream(behaviour: Behaviour) -> Iterator[str]:
    """A socket server on 127.0.0.1 running ``behaviour`` on each connection; its URL."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    listener.settimeout(0.1)
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(5)
                with suppress(OSError):  # the proxy hung up first
                    behaviour(conn)

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    finally:
        stop.set()
        thread.join(timeout=10)
        listener.close()


def read_head(conn: socket.socket) -> bytes:
    """Read a request head (what arrived before a blank line)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            break
        data += chunk
    return data
