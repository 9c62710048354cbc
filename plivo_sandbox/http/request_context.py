"""What an endpoint knows of its request besides its arguments: where, from whom, by when.

Both request paths (the fast path and connexion's) hand it to the endpoint as
the argument ``request_context``: ``RequestContextMiddleware`` builds it once
per request and keeps it in the ASGI scope, where connexion passes the items
of ``extensions["connexion_context"]`` to the handlers that name them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass

from starlette.types import ASGIApp, Receive, Scope, Send

from plivo_sandbox.core.addresses import public_base
from plivo_sandbox.core.settings import SandboxConfig


def request_base(config: SandboxConfig, scope: Scope) -> str:
    """Where the sandbox serves its resources, for links made while answering ``scope``.

    ``public_url`` when configured, else the address the connection reached;
    never the request's ``Host`` header, which any client (or a rebinding
    page) chooses.
    """
    server = scope.get("server")
    address = (str(server[0]), int(server[1])) if server else None
    return public_base(config, address, str(scope.get("scheme", "http")))


ARGUMENT = "request_context"
"""The name endpoints take it under (connexion matches context items to argument names)."""


@dataclass(frozen=True)
class RequestContext:
    """The request's origin, its client's address, and its write deadline."""

    origin: str
    """Where the sandbox serves its resources, for links made while answering."""
    client: str
    """The caller's IP address ("" when the server did not say)."""
    deadline: float
    """``time.monotonic()`` by which a write must have the lock, or answer 503."""

    @classmethod
    def of(cls, config: SandboxConfig, scope: Scope) -> RequestContext:
        """The context of a request just received: its write deadline starts now."""
        client = scope.get("client") or ("", 0)
        return cls(
            origin=request_base(config, scope),
            client=str(client[0]),
            deadline=time.monotonic() + config.lock_timeout,
        )


def attach(scope: Scope, context: RequestContext) -> None:
    """Keep ``context`` in ``scope``, where connexion and the fast path find it."""
    extensions = scope.setdefault("extensions", {})
    extensions.setdefault("connexion_context", {})[ARGUMENT] = context


def context_of(scope: Scope) -> RequestContext:
    """The context ``attach`` kept in ``scope``."""
    context: RequestContext = scope["extensions"]["connexion_context"][ARGUMENT]
    return context


class RequestContextMiddleware:
    """Builds each HTTP request's ``RequestContext`` before anything else may wait on it."""

    def __init__(self, app: ASGIApp, config: SandboxConfig) -> None:
        self.app = app
        self.config = config

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            attach(scope, RequestContext.of(self.config, scope))
        await self.app(scope, receive, send)
