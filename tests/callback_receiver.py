"""A real local webhook receiver for tests: a threaded ``http.server`` on 127.0.0.1.

It records every request it gets and answers what the test scripts: a status
per request (200 by default) or holding a request until the test lets it go.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit


@dataclass(frozen=True)
class Received:
    """One request the receiver got."""

    method: str
    url: str  # as a web framework sees it: http://<Host header>/path?query
    path: str  # without the query string
    headers: dict[str, str]
    params: dict[str, str]  # form fields (POST) or query parameters (GET)


class CallbackReceiver:
    """Records requests; answers ``statuses`` in turn, then ``default_status``."""

    def __init__(self) -> None:
        self.received: list[Received] = []
        self.statuses: list[int] = []
        self.default_status = 200
        self.redirect_to = ""  # the Location of 3xx answers
        self.hold = threading.Event()  # while clear, requests to a held path wait
        self.hold.set()
        self.held_paths: set[str] = set()
        self._changed = threading.Condition()
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, format: str, *args: object) -> None:
                """Quiet: tests read ``received`` instead."""

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                parts = urlsplit(self.path)
                params = parse_qsl(body if self.command == "POST" else parts.query, True)
                record = Received(
                    method=self.command,
                    # As a web framework builds it, from the Host header.
                    url=f"http://{self.headers['Host']}{self.path}",
                    path=parts.path,
                    headers=dict(self.headers.items()),
                    params=dict(params),
                )
                if parts.path in receiver.held_paths:
                    receiver._note(record)
                    receiver.hold.wait(30)
                    status = receiver._next_status()
                else:
                    status = receiver._next_status()
                    receiver._note(record)
                self.send_response(status)
                if 300 <= status < 400 and receiver.redirect_to:
                    self.send_header("Location", receiver.redirect_to)
                self.send_header("Content-Length", "0")
                self.end_headers()

            do_GET = _handle
            do_POST = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base_url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str = "/hook") -> str:
        """A URL of this receiver."""
        return self.base_url + path

    def _next_status(self) -> int:
        with self._changed:
            return self.statuses.pop(0) if self.statuses else self.default_status

    def _note(self, record: Received) -> None:
        with self._changed:
            self.received.append(record)
            self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 15.0) -> list[Received]:
        """The first ``count`` requests, waiting up to ``timeout`` seconds for them."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.received) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(
                        f"the receiver got {len(self.received)} request(s), expected {count}"
                    )
                self._changed.wait(left)
            return list(self.received[:count])


@contextmanager
def running_receiver() -> Iterator[CallbackReceiver]:
    """A receiver serving in a thread for the duration of the block."""
    receiver = CallbackReceiver()
    # A short poll: shutdown() waits for the serving loop to look (0.5 s by default).
    thread = threading.Thread(
        target=receiver.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
    )
    thread.start()
    try:
        yield receiver
    finally:
        receiver.hold.set()
        receiver.server.shutdown()
        receiver.server.server_close()
        thread.join(timeout=10)
