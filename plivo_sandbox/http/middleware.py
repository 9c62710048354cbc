"""ASGI middleware that runs before routing: trailing slashes, media types, body size and time."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plivo_sandbox.core.errors import error_body
from plivo_sandbox.core.settings import DEFAULT_READ_TIMEOUT
from plivo_sandbox.http.json_encoding import encode

MAX_BODY_BYTES = 256 * 1024


async def send_json(
    send: Send, status: int, payload: bytes, headers: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    """Answer with ``payload``, a JSON body, straight over ASGI (no app in between)."""
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(payload)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": payload})


async def send_error(
    send: Send, status: int, message: str, headers: Iterable[tuple[bytes, bytes]] = ()
) -> None:
    """Answer with Plivo's error body, before any app has seen the request."""
    await send_json(send, status, encode(error_body(message)), headers)


class TrailingSlashMiddleware:
    """Serve ``/Masking/Session/`` like ``/Masking/Session``.

    Plivo answers both forms and its SDKs always send the slash; the spec
    writes paths without it, so the slash is dropped before routing instead of
    answering a redirect.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] == "http" and "//" in path:
            # An empty segment names nothing; the routers would redirect it to
            # its neighbour (`/Session//` to the list).
            await send_error(send, 404, f"no such resource: {path}")
            return
        if scope["type"] == "http" and len(path) > 1 and path.endswith("/"):
            # Exactly one slash: `/Session/%2F/` is a session id of "/", not the list.
            scope = dict(scope)
            scope["path"] = path[:-1]
            raw = scope.get("raw_path")
            if isinstance(raw, bytes) and raw.endswith(b"/"):
                scope["raw_path"] = raw[:-1]
        await self.app(scope, receive, send)


# RFC 9110 media type: token "/" token (tokens are case-insensitive).
_TOKEN = r"[!#$%&'*+.^_`|~0-9A-Za-z-]+"
_MEDIA_TYPE = re.compile(rf"({_TOKEN})/({_TOKEN})")
_CHARSET = re.compile(rf'charset\s*=\s*"?({_TOKEN})"?', re.IGNORECASE)
# Methods whose requests carry a body that the API reads.
_BODY_METHODS = frozenset({"POST", "PUT", "PATCH"})


def normal_content_type(value: bytes | None) -> bytes | None:
    """``value`` as ``type/subtype[; charset=x]`` in lower case; None if it is no media type."""
    if value is None:
        return None
    text = value.decode("latin-1")
    media_type, _, parameters = text.partition(";")
    match = _MEDIA_TYPE.fullmatch(media_type.strip())
    if match is None:
        return None
    normal = match.group(0).lower()
    charset = _CHARSET.search(parameters)
    if charset is not None:
        normal += f";charset={charset.group(1).lower()}"  # as connexion reads it
    return normal.encode("ascii")


class ContentTypeMiddleware:
    """One well-formed, lower-case ``Content-Type`` (or none) for the router and validators.

    Media types are case-insensitive (``Application/JSON`` is JSON). A body
    method (POST, PUT, PATCH) without a usable media type gets an empty one,
    which the validators refuse with Plivo's 400 instead of guessing JSON; a
    GET or DELETE carries no body, so an unusable type there is dropped.
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        types = [v for k, v in scope.get("headers", []) if k.lower() == b"content-type"]
        given = types[0] if types else None
        normal = normal_content_type(given)
        if (
            len(types) <= 1
            and normal == given
            and (types or scope.get("method") not in _BODY_METHODS)
        ):
            # Already one well-formed type (or none, without a body): nothing to rewrite.
            await self.app(scope, receive, send)
            return
        headers = [(k, v) for k, v in scope.get("headers", []) if k.lower() != b"content-type"]
        if normal is not None:
            headers.append((b"content-type", normal))
        elif scope.get("method") in _BODY_METHODS:
            headers.append((b"content-type", b""))
        await self.app({**scope, "headers": headers}, receive, send)


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` (400) or slower than ``read_timeout`` (408).

    The whole body is read (it is small JSON) and replayed to the app, so an
    oversized upload never reaches the JSON parser, and a client that
    announces more bytes than it sends is cut off after ``read_timeout``
    seconds instead of holding its connection open.
    """

    def __init__(
        self,
        app: ASGIApp,
        max_bytes: int = MAX_BODY_BYTES,
        read_timeout: float = DEFAULT_READ_TIMEOUT,
    ) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.read_timeout = read_timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers", []))
        declared = headers.get(b"content-length")
        if declared is None and b"transfer-encoding" not in headers:
            # HTTP/1.1 without either header: no body to read (a GET), nothing to time.
            await self.app(scope, receive, send)
            return
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._refuse(send)
            return
        chunks: list[bytes] = []
        size = 0
        more = True
        deadline = asyncio.get_running_loop().time() + self.read_timeout
        while more:
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                await send_error(
                    send,
                    408,
                    f"request body not received within {self.read_timeout:g} seconds",
                    [(b"connection", b"close")],
                )
                return
            if message["type"] != "http.request":
                # The client went away: let the app see the disconnect.
                await self.app(scope, replay(message, receive), send)
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._refuse(send)
                return
            chunks.append(chunk)
            more = message.get("more_body", False)
        body: Message = {"type": "http.request", "body": b"".join(chunks), "more_body": False}
        await self.app(scope, replay(body, receive), send)

    async def _refuse(self, send: Send) -> None:
        await send_error(send, 400, f"request body too large (at most {self.max_bytes} bytes)")


def replay(first: Message, receive: Receive) -> Receive:
    """A ``receive`` that hands ``first`` over once, then defers to the real one."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return first
        return await receive()

    return replay
