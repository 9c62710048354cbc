"""One callback attempt over HTTP (h11), within one deadline for connect, send and answer."""

from __future__ import annotations

import asyncio
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

import h11

from plivo_sandbox.events.signing import signature_headers, signed_text

USER_AGENT = "plivo-sandbox"
# How much of a receiver's answer is read (and dropped) before closing.
_MAX_ANSWER_BYTES = 64 * 1024
_READ_CHUNK = 16 * 1024


@dataclass(frozen=True)
class Request:
    """One HTTP request carrying a callback."""

    method: str
    url: str  # as requested: for GET with the fields in the query string
    body: bytes | None
    headers: dict[str, str]


def build_request(
    method: str,
    url: str,
    fields: Mapping[str, str],
    auth_token: str,
    main_token: str | None,
) -> Request:
    """The signed request: form data for POST, the query string for GET."""
    method = method.upper()
    if method == "GET":
        parts = urlsplit(url)
        query = "&".join(part for part in (parts.query, urlencode(list(fields.items()))) if part)
        # A fragment never reaches a server: the fields go before it, and it is dropped.
        target = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
        text = signed_text("GET", target, {})
        return Request("GET", target, None, signature_headers(text, auth_token, main_token))
    body = urlencode(list(fields.items())).encode()
    text = signed_text("POST", url, fields)
    headers = signature_headers(text, auth_token, main_token)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return Request("POST", url, body, headers)


def _described(exc: BaseException) -> str:
    return f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__


async def send(request: Request, timeout: float) -> tuple[int | None, str]:
    """Send ``request``; the answer's status code, or None and what went wrong.

    ``timeout`` is one deadline for the whole attempt: name resolution,
    connecting, sending and reading the complete answer (a receiver that
    trickles its answer a byte at a time is cut at the deadline). An answer
    that ends before its announced length is a failure. Redirects are not
    followed. At most ``_MAX_ANSWER_BYTES`` of a long body are read.
    """
    parts = urlsplit(request.url)
    host = parts.hostname or ""
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    # The Host header is the URL's own host and port, as the signature covers them.
    authority = parts.netloc.rpartition("@")[2]
    headers = [
        ("Host", authority),
        ("User-Agent", USER_AGENT),
        ("Connection", "close"),
        *request.headers.items(),
    ]
    if request.body is not None:
        headers.append(("Content-Length", str(len(request.body))))
    writer: asyncio.StreamWriter | None = None
    try:
        async with asyncio.timeout(timeout):
            reader, writer = await asyncio.open_connection(
                host,
                port,
                ssl=ssl.create_default_context() if secure else None,
                server_hostname=host if secure else None,
            )
            connection = h11.Connection(h11.CLIENT)
            writer.write(
                connection.send(h11.Request(method=request.method, target=target, headers=headers))
            )
            if request.body:
                writer.write(connection.send(h11.Data(data=request.body)))
            writer.write(connection.send(h11.EndOfMessage()))
            await writer.drain()
            return await _read_answer(connection, reader)
    except TimeoutError:
        return None, f"no complete answer within {timeout:g} s (timed out)"
    except ConnectionRefusedError:
        return None, "connection refused"
    except h11.ProtocolError as exc:
        return None, f"the answer was cut short or malformed ({exc})"
    except (OSError, ssl.SSLError, UnicodeError) as exc:
        return None, _described(exc)
    finally:
        if writer is not None:
            writer.transport.abort()  # nothing more to say or hear: no lingering close


async def _read_answer(
    connection: h11.Connection, reader: asyncio.StreamReader
) -> tuple[int | None, str]:
    """The status of the answer once it has arrived whole (or its first 64 KB)."""
    status: int | None = None
    read = 0
    while True:
        event = connection.next_event()
        if event is h11.NEED_DATA:
            # b"" at the end of the stream: h11 then says whether the answer was whole.
            connection.receive_data(await reader.read(_READ_CHUNK))
        elif isinstance(event, h11.Response):
            status = event.status_code
        elif isinstance(event, h11.Data):
            read += len(event.data)
            if read >= _MAX_ANSWER_BYTES:  # enough: the status is known, the rest is dropped
                return status, ""
        elif isinstance(event, h11.EndOfMessage):
            return status, ""
        elif isinstance(event, h11.ConnectionClosed):
            return None, "the connection closed before an answer"
        # InformationalResponse (1xx): the real answer follows.
