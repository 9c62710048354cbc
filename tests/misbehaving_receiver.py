"""Webhook receivers that misbehave on purpose, over real sockets on loopback.

Each accepted connection runs a behaviour in a thread of its own: read the
request, then hang, trickle an answer a byte at a time, or cut it short. The
receiver notes when each connection opened and closed, so a test can tell
how long the sandbox kept it.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

Behaviour = Callable[[socket.socket, threading.Event], None]


@dataclass
class Connection:
    """One connection the receiver accepted."""

    opened: float  # time.monotonic()
    request: bytes = b""
    closed: float | None = None  # when the sandbox closed it (or the receiver gave up)


def read_request(conn: socket.socket) -> bytes:
    """The request's head and its Content-Length body (what arrived before the peer closed)."""
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return data
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            break
        body += chunk
    return head + b"\r\n\r\n" + body


def wait_closed(conn: socket.socket, stop: threading.Event) -> None:
    """Block until the peer closes the connection (or the receiver stops)."""
    conn.settimeout(0.05)
    while not stop.is_set():
        try:
            if not conn.recv(65536):
                return
        except TimeoutError:
            continue
        except OSError:
            return


def hang(conn: socket.socket, stop: threading.Event) -> None:
    """Never answer: hold the connection until the sandbox gives up."""
    wait_closed(conn, stop)


def trickle(interval: float) -> Behaviour:
    """Start a 200 answer at once, then send one byte of it every ``interval`` seconds."""

    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        answer = b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
        conn.sendall(answer[:17])  # "HTTP/1.1 200 OK\r\n"
        conn.settimeout(interval)
        for byte in answer[17:]:
            if stop.wait(0):
                return
            try:
                if not conn.recv(1):
                    return  # the sandbox closed it
            except TimeoutError:
                pass
            except OSError:
                return
            try:
                conn.sendall(bytes([byte]))
            except OSError:
                return
        wait_closed(conn, stop)

    return behaviour


def cut_short(conn: socket.socket, stop: threading.Event) -> None:
    """Announce a 10-byte body of a 200, send 2 bytes, close."""
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nok")


def answer(status: int) -> Behaviour:
    """Answer ``status`` at once, completely."""

    def behaviour(conn: socket.socket, stop: threading.Event) -> None:
        conn.sendall(f"HTTP/1.1 {status} X\r\nContent-Length: 0\r\n\r\n".encode())
        wait_closed(conn, stop)

    return behaviour


@dataclass
class MisbehavingReceiver:
    """A listening socket on ``host`` whose connections all run ``behaviour``."""

    behaviour: Behaviour
    host: str = "127.0.0.1"
    port: int = 0
    connections: list[Connection] = field(default_factory=list)

    def __post_init__(self) -> None:
        family = socket.AF_INET6 if ":" in self.host else socket.AF_INET
        self.sock = socket.socket(family)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((self.host, self.port))
        self.sock.listen(128)
        self.sock.settimeout(0.05)
        self.port = self.sock.getsockname()[1]
        self.stop = threading.Event()
        self._changed = threading.Condition()

    def url(self, path: str = "/hook", *, port: bool = True) -> str:
        """A URL of this receiver (IPv6 hosts in brackets; ``port=False`` leaves it out)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}{f':{self.port}' if port else ''}{path}"

    def serve(self) -> None:
        """Accept until stopped, each connection in its own thread."""
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._handle, args=(conn,), daemon=True).start()

    def _handle(self, conn: socket.socket) -> None:
        record = Connection(opened=time.monotonic())
        with conn:
            try:
                record.request = read_request(conn)
                with self._changed:
                    self.connections.append(record)
                    self._changed.notify_all()
                self.behaviour(conn, self.stop)
                if self.behaviour is not cut_short:
                    wait_closed(conn, self.stop)
            except OSError:
                pass
            finally:
                with self._changed:
                    record.closed = time.monotonic()
                    self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 15.0) -> list[Connection]:
        """The first ``count`` connections that sent a request, waiting up to ``timeout`` s."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while len(self.connections) < count:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{len(self.connections)} connection(s), not {count}")
                self._changed.wait(left)
            return list(self.connections[:count])

    def wait_closed(self, connection: Connection, timeout: float = 15.0) -> float:
        """Seconds ``connection`` stayed open, once it is closed (waiting up to ``timeout``)."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while connection.closed is None:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError("the connection is still open")
                self._changed.wait(left)
            return connection.closed - connection.opened


@contextmanager
def misbehaving(
    behaviour: Behaviour, host: str = "127.0.0.1", port: int = 0
) -> Iterator[MisbehavingReceiver]:
    """A misbehaving receiver serving in a thread for the duration of the block."""
    receiver = MisbehavingReceiver(behaviour, host, port)
    thread = threading.Thread(target=receiver.serve, daemon=True)
    thread.start()
    try:
        yield receiver
    finally:
        receiver.stop.set()
        thread.join(timeout=5)
        receiver.sock.close()
