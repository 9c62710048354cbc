"""``plivo-sandbox proxy``: real traffic relayed unchanged, and checked against openapi.yaml.

Point a client at the proxy instead of ``https://api.plivo.com``: each request
goes to the upstream as it came (method, path, query, headers with the
client's own Authorization, body) and the upstream's answer comes back as it
went (status, headers, body bytes, Content-Encoding and all). Only what names
the hop changes: ``Host`` names the upstream, and hop-by-hop headers
(``Connection``, ``Transfer-Encoding``...) are the proxy's own, as HTTP requires.

Once the client has its answer, ``drift.DriftChecker`` checks the exchange
with the sandbox's own compiled operations and ``drift.DriftReport`` counts
what departs from the spec; ``capture.FixtureWriter`` saves it, redacted,
when asked. A request the upstream does not answer gets Plivo's error shape:
502 when it cannot be reached or answers garbage, 504 when it is too slow.
The proxy never answers 500 itself, and its checks never delay or change an answer.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, TextIO
from urllib.parse import urlsplit

import httpx
import uvicorn
from starlette.types import Message, Receive, Scope, Send

from plivo_sandbox.core.addresses import is_loopback
from plivo_sandbox.core.settings import DEFAULT_READ_TIMEOUT
from plivo_sandbox.core.spec import SPEC_PATH
from plivo_sandbox.http.head_timeout import CONFIG_ATTRIBUTE, HeadTimeoutProtocol
from plivo_sandbox.http.middleware import BodyLimitMiddleware, send_error
from plivo_sandbox.proxy.capture import DEFAULT_PER_OPERATION, FixtureWriter
from plivo_sandbox.proxy.drift import DriftChecker, DriftReport, Exchange

logger = logging.getLogger("plivo_sandbox.proxy.relay")

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4010  # Prism's, so a client set up for `prism proxy` finds it
DEFAULT_TIMEOUT = 30.0
# Plivo's answers are a few kilobytes; a bound keeps a broken upstream from filling memory.
MAX_ANSWER_BYTES = 16 * 1024 * 1024
# RFC 9110 section 7.6.1: headers of one connection, never forwarded. Host names the
# upstream instead; Expect is answered by the proxy's own server.
_HOP_BY_HOP = frozenset(
    {
        b"connection",
        b"keep-alive",
        b"proxy-authenticate",
        b"proxy-authorization",
        b"proxy-connection",
        b"te",
        b"trailer",
        b"transfer-encoding",
        b"upgrade",
        b"host",
        b"expect",
    }
)


class UpstreamFailed(Exception):
    """The upstream gave no usable answer: the client gets ``status`` with ``message``."""

    def __init__(self, status: int, message: str, reason: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.reason = reason  # how the report counts it: no values, no addresses


def upstream_url(text: str, *, allow_plain_http: bool = False) -> httpx.URL:
    """The ``--upstream`` URL, checked: http(s), a host, no credentials, query or fragment.

    Plain http to a host other than this machine would carry every client's
    Basic credentials unencrypted: refused unless ``allow_plain_http``.
    """
    try:
        parts = urlsplit(text.strip())
        port = parts.port
    except ValueError as error:
        raise ValueError(f"{text!r} is not a URL ({error})") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"{text!r} is not an http(s) URL with a host, e.g. https://api.plivo.com")
    if parts.username is not None or parts.password is not None:
        raise ValueError(
            "the upstream URL must not hold credentials: each client sends its own"
            " Authorization, which the proxy forwards"
        )
    if parts.query or parts.fragment:
        raise ValueError("the upstream URL takes no query or fragment")
    if parts.scheme == "http" and not is_loopback(parts.hostname) and not allow_plain_http:
        raise ValueError(
            f"plain http to {parts.hostname} would send credentials unencrypted:"
            " use https, or pass --insecure-upstream to do it anyway"
        )
    netloc = parts.hostname if ":" not in parts.hostname else f"[{parts.hostname}]"
    return httpx.URL(f"{parts.scheme}://{netloc}" + (f":{port}" if port else "") + parts.path)


def _connection_tokens(headers: list[tuple[bytes, bytes]]) -> set[bytes]:
    """Header names the Connection header marks as this hop's own."""
    tokens: set[bytes] = set()
    for key, value in headers:
        if key.lower() == b"connection":
            tokens |= {token.strip().lower() for token in value.split(b",") if token.strip()}
    return tokens


def forwarded(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """``headers`` without hop-by-hop ones, the rest unchanged (case, order, repeats)."""
    drop = _HOP_BY_HOP | _connection_tokens(headers)
    return [(key, value) for key, value in headers if key.lower() not in drop]


async def _read_body(receive: Receive) -> bytes | None:
    """The whole request body; None if the client went away first."""
    chunks = []
    while True:
        message: Message = await receive()
        if message["type"] != "http.request":
            return None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return b"".join(chunks)


def fault(error: BaseException) -> str:
    """An exception as the log shows it: its type and where it was raised, not its message.

    A message can quote what it failed on (a path with an Auth ID, a header):
    the log never shows what a client sent.
    """
    frames = traceback.extract_tb(error.__traceback__)
    where = f" at {Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else ""
    return f"{type(error).__name__}{where}"


def _failure(error: Exception, upstream: str, timeout: float) -> UpstreamFailed:
    """Plivo's words for an upstream that gave no answer."""
    if isinstance(error, TimeoutError | httpx.TimeoutException):
        return UpstreamFailed(
            504, f"the upstream {upstream} did not answer within {timeout:g} seconds", "timeout"
        )
    if isinstance(error, httpx.ConnectError):
        # The cause (refused, no such host, a certificate refused) tells the user what to fix.
        cause = str(error)[:160] or type(error).__name__
        return UpstreamFailed(
            502, f"the upstream {upstream} cannot be reached: {cause}", "cannot be reached"
        )
    if isinstance(error, httpx.RemoteProtocolError):
        return UpstreamFailed(
            502,
            f"the upstream {upstream} closed the connection or answered with something"
            " that is not HTTP",
            "no valid HTTP answer",
        )
    if isinstance(error, httpx.HTTPError):
        return UpstreamFailed(
            502,
            f"the connection to the upstream {upstream} failed ({type(error).__name__})",
            f"connection failed ({type(error).__name__})",
        )
    logger.error("relaying failed: %s", fault(error))
    return UpstreamFailed(
        502, "the proxy could not relay the request", f"relay failed ({type(error).__name__})"
    )


class ProxyApp:
    """The ASGI app: relay each request to ``upstream``, then check the exchange.

    ``report_path``, when set, gets the JSON report each time a new kind of
    mismatch shows up (and at the end, by the caller). ``transport`` is for
    tests (an in-process upstream); by default httpx connects over the network.
    """

    def __init__(
        self,
        upstream: httpx.URL,
        checker: DriftChecker,
        report: DriftReport,
        *,
        fixtures: FixtureWriter | None = None,
        report_path: Path | None = None,
        timeout: float = DEFAULT_TIMEOUT,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.upstream = upstream
        self.shown_upstream = str(upstream.copy_with(raw_path=b"/")).rstrip("/")
        self.base_path = upstream.raw_path.rstrip(b"/")
        self.checker = checker
        self.report = report
        self.fixtures = fixtures
        self.report_path = report_path
        self.timeout = timeout
        self.transport = transport
        self.client: httpx.AsyncClient | None = None

    def _client(self) -> httpx.AsyncClient:
        if self.client is None:
            self.client = httpx.AsyncClient(
                transport=self.transport, timeout=self.timeout, follow_redirects=False
            )
        return self.client

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await self._lifespan(receive, send)
        elif scope["type"] == "http":
            started = False

            async def tracked(message: Message) -> None:
                nonlocal started
                started = started or message["type"] == "http.response.start"
                await send(message)

            try:
                await self._relay(scope, receive, tracked)
            except Exception as error:  # a fault of the proxy itself: Plivo's shape, never a 500
                logger.error("relaying failed: %s", fault(error))
                if not started:
                    await send_error(send, 502, "the proxy could not relay the request")

    async def _lifespan(self, receive: Receive, send: Send) -> None:
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                self._client()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                if self.client is not None:
                    await self.client.aclose()
                    self.client = None
                await send({"type": "lifespan.shutdown.complete"})
                return

    async def _relay(self, scope: Scope, receive: Receive, send: Send) -> None:
        body = await _read_body(receive)
        if body is None:
            return  # the client is gone: nobody to answer
        method: str = scope["method"]
        headers: list[tuple[bytes, bytes]] = list(scope.get("headers", []))
        try:
            status, answer_headers, raw = await self._forward(method, scope, headers, body)
        except UpstreamFailed as failed:
            self.report.add_failure(failed.reason)
            await send_error(send, failed.status, failed.message)
            return
        await self._answer(send, method, status, answer_headers, raw)
        try:  # a fault of the checks must not cost the client anything: it has its answer
            self._check(
                Exchange(
                    method=method,
                    path=scope.get("path", ""),
                    query=scope.get("query_string", b""),
                    headers=headers,
                    body=body,
                    status=status,
                    response_headers=answer_headers,
                    response_body=_decoded(status, answer_headers, raw),
                )
            )
        except Exception as error:
            logger.error("checking an exchange failed: %s", fault(error))

    async def _forward(
        self, method: str, scope: Scope, headers: list[tuple[bytes, bytes]], body: bytes
    ) -> tuple[int, list[tuple[bytes, bytes]], bytes]:
        """Send the request upstream; its status, headers and raw (still encoded) body."""
        raw_path = scope.get("raw_path") or scope.get("path", "/").encode("utf-8")
        query = scope.get("query_string", b"")
        target = self.base_path + raw_path + (b"?" + query if query else b"")
        announced = any(
            key.lower() in (b"content-length", b"transfer-encoding") for key, _ in headers
        )
        try:
            request = httpx.Request(
                method,
                self.upstream.copy_with(raw_path=target),
                headers=[(k, v) for k, v in forwarded(headers) if k.lower() != b"content-length"],
                content=body if body or announced else None,
                extensions={"timeout": httpx.Timeout(self.timeout).as_dict()},
            )
        except (httpx.InvalidURL, ValueError, TypeError):
            raise UpstreamFailed(
                400, "the request target cannot be forwarded", "unforwardable request"
            ) from None
        try:
            async with asyncio.timeout(self.timeout):
                response = await self._client().send(request, stream=True)
                try:
                    chunks, size = [], 0
                    async for chunk in response.aiter_raw():
                        size += len(chunk)
                        if size > MAX_ANSWER_BYTES:
                            raise UpstreamFailed(
                                502,
                                f"the upstream's answer is larger than {MAX_ANSWER_BYTES} bytes",
                                "answer too large",
                            )
                        chunks.append(chunk)
                finally:
                    await response.aclose()
        except UpstreamFailed:
            raise
        except Exception as error:  # every failure is one of Plivo's 502/504 answers
            raise _failure(error, self.shown_upstream, self.timeout) from None
        return response.status_code, list(response.headers.raw), b"".join(chunks)

    async def _answer(
        self,
        send: Send,
        method: str,
        status: int,
        headers: list[tuple[bytes, bytes]],
        raw: bytes,
    ) -> None:
        """Relay the upstream's answer: its headers but this hop's, its body bytes as they came."""
        relayed = forwarded(headers)
        if method.upper() != "HEAD" and status not in (204, 304):
            # The upstream may have sent chunks; the whole body goes in one piece.
            relayed = [(k, v) for k, v in relayed if k.lower() != b"content-length"]
            relayed.append((b"content-length", str(len(raw)).encode("ascii")))
        await send({"type": "http.response.start", "status": status, "headers": relayed})
        await send({"type": "http.response.body", "body": raw})

    def _check(self, exchange: Exchange) -> None:
        operation, mismatches = self.checker.check(exchange)
        new = self.report.add(operation, mismatches)
        if new and self.report_path is not None:
            self.report.write(self.report_path)
        if self.fixtures is not None and operation is not None:
            self.fixtures.save(operation, exchange, mismatches, new_kind=bool(new))


def _decoded(status: int, headers: list[tuple[bytes, bytes]], raw: bytes) -> bytes:
    """The body with its Content-Encoding undone (as sent when it cannot be)."""
    try:
        return httpx.Response(status, headers=headers, content=raw).read()
    except httpx.DecodingError:
        return raw


@dataclass(frozen=True)
class ProxySettings:
    """Every setting of ``plivo-sandbox proxy`` (see ``--help``)."""

    upstream: httpx.URL
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    spec: Path = SPEC_PATH
    timeout: float = DEFAULT_TIMEOUT
    read_timeout: float = DEFAULT_READ_TIMEOUT
    report: Path | None = None
    save_fixtures: Path | None = None
    fixtures_per_operation: int = DEFAULT_PER_OPERATION
    fail_on_drift: bool = False
    max_lifetime: float | None = None


def exposure_warning(settings: ProxySettings) -> str | None:
    """What to say on start when the proxy listens beyond this machine."""
    if is_loopback(settings.host):
        return None
    return (
        f"warning: listening on {settings.host}, not a loopback address: other machines can"
        f" send requests through this proxy to {settings.upstream} with their own credentials"
    )


def build_app(
    settings: ProxySettings,
    report: DriftReport,
    transport: httpx.AsyncBaseTransport | None = None,
) -> BodyLimitMiddleware:
    """The proxy's ASGI app, bodies bounded in size and time as the sandbox bounds them."""
    fixtures = None
    if settings.save_fixtures is not None:
        fixtures = FixtureWriter(
            settings.save_fixtures, str(settings.upstream), settings.fixtures_per_operation
        )
    app = ProxyApp(
        settings.upstream,
        DriftChecker.from_spec(settings.spec),
        report,
        fixtures=fixtures,
        report_path=settings.report,
        timeout=settings.timeout,
        transport=transport,
    )
    return BodyLimitMiddleware(app, read_timeout=settings.read_timeout)


class _Server(uvicorn.Server):
    """uvicorn, announcing itself once the socket serves."""

    def __init__(self, config: uvicorn.Config, banner: Callable[[], None]) -> None:
        super().__init__(config)
        self.banner = banner

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and not self.should_exit:
            self.banner()


def server_config(app: Any, settings: ProxySettings) -> uvicorn.Config:
    """uvicorn for the proxy: a deadline for request heads, no headers of its own, no access log.

    The upstream's ``Date`` and ``Server`` go through; an access log would
    show Auth IDs in paths, and the drift lines are the proxy's output.
    """
    config = uvicorn.Config(
        app,
        host=settings.host,
        port=settings.port,
        http=HeadTimeoutProtocol,
        ws="none",
        lifespan="on",
        access_log=False,
        server_header=False,
        date_header=False,
        proxy_headers=False,
        log_level="warning",
    )
    setattr(config, CONFIG_ATTRIBUTE, settings.read_timeout)
    return config


def run_proxy(settings: ProxySettings, sock: socket.socket, out: TextIO = sys.stdout) -> int:
    """Serve on ``sock`` until interrupted (or ``max_lifetime``); the exit status.

    Each new kind of mismatch is one line on ``out`` as it happens; the
    summary follows at the end, and the JSON report is written then too.
    1 when the server could not start, or with ``fail_on_drift`` after drift.
    """

    def say(line: str) -> None:
        print(line, file=out, flush=True)

    report = DriftReport(on_new_kind=say)
    app = build_app(settings, report)
    host = f"[{settings.host}]" if ":" in settings.host else settings.host
    server = _Server(
        server_config(app, settings),
        lambda: say(
            f"Plivo drift proxy on http://{host}:{settings.port} ->"
            f" {settings.upstream}  (checking against {settings.spec.name})"
        ),
    )

    def stop(signum: int = 0, frame: FrameType | None = None) -> None:
        server.should_exit = True

    # uvicorn re-raises the signal that stopped it; these handlers make that harmless,
    # so the summary, the report and the exit status still follow.
    previous = {sig: signal.signal(sig, stop) for sig in (signal.SIGINT, signal.SIGTERM)}
    if settings.max_lifetime:
        timer = threading.Timer(settings.max_lifetime, stop)
        timer.daemon = True
        timer.start()
    try:
        with contextlib.suppress(KeyboardInterrupt):
            server.run(sockets=[sock])
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    say(report.summary())
    if settings.report is not None:
        report.write(settings.report)
    if not server.started:
        return 1
    return 1 if settings.fail_on_drift and report.drifted else 0
