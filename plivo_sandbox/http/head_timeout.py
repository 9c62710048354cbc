"""uvicorn's HTTP protocol with a deadline for each request head.

uvicorn waits for a request's head (request line and headers) as long as a
client likes: a connection that sends nothing, or half a header, holds a
socket forever. This protocol closes such a connection after the sandbox's
``read_timeout`` (the body has the same deadline, in ``BodyLimitMiddleware``).
Idle keep-alive connections are still closed by uvicorn's own keep-alive
timeout.
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from plivo_sandbox.core.settings import DEFAULT_READ_TIMEOUT

# The attribute of uvicorn's Config that carries the deadline into every worker.
CONFIG_ATTRIBUTE = "plivo_read_timeout"


class HeadTimeoutProtocol(HttpToolsProtocol):
    """HttpToolsProtocol that closes a connection whose request head is late."""

    # Used when uvicorn's Config carries no CONFIG_ATTRIBUTE.
    default_head_timeout: float = DEFAULT_READ_TIMEOUT

    def __init__(self, config: Any, *args: Any, **kwargs: Any) -> None:
        super().__init__(config, *args, **kwargs)
        self.head_timeout: float = getattr(config, CONFIG_ATTRIBUTE, self.default_head_timeout)
        self.head_timer: asyncio.TimerHandle | None = None

    def _arm(self) -> None:
        self._disarm()
        self.head_timer = self.loop.call_later(self.head_timeout, self._head_timed_out)

    def _disarm(self) -> None:
        if self.head_timer is not None:
            self.head_timer.cancel()
            self.head_timer = None

    def _head_timed_out(self) -> None:
        self.head_timer = None
        if not self.transport.is_closing():
            self.transport.close()

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        """Start the deadline for the first request's head."""
        super().connection_made(transport)
        self._arm()

    def on_message_begin(self) -> None:
        """A (further) request starts: its head has ``head_timeout`` to arrive."""
        super().on_message_begin()
        self._arm()

    def on_headers_complete(self) -> None:
        """The head is here in time."""
        self._disarm()
        super().on_headers_complete()

    def connection_lost(self, exc: Exception | None) -> None:
        """No deadline outlives its connection."""
        self._disarm()
        super().connection_lost(exc)
