"""The facade the HTTP layer holds: configuration, store, clock and the two services."""

from __future__ import annotations

import hmac
from collections.abc import Callable
from datetime import datetime

from .clock import Clock, StoreClock
from .config import Account, SandboxConfig
from .errors import BadRequest, Unauthorized
from .forced import ForcedAnswers
from .masking import MaskingService
from .spec import ApiSpec
from .storage import SqliteStore, Store
from .verify import VerifyService
from .write_turn import WriteTurn


class Sandbox:
    """Facade the HTTP layer holds: config, store, clock and the two services."""

    def __init__(
        self,
        config: SandboxConfig,
        spec: ApiSpec | None = None,
        *,
        store: Store | None = None,
        clock: Clock | None = None,
    ) -> None:
        """Open the store of ``config.data_dir`` (or use ``store``) and build the services.

        ``clock`` replaces the store-backed clock, e.g. with a ManualClock in tests.
        """
        self.config = config
        self.spec = spec if spec is not None else ApiSpec()
        self.store: Store = (
            store if store is not None else SqliteStore(config.data_dir, config.lock_timeout)
        )
        self.clock: Clock = clock if clock is not None else StoreClock(self.store)
        # Orders the writes of the processes sharing a data directory (none in memory).
        self.write_turn = WriteTurn(config.data_dir) if config.data_dir is not None else None
        self.masking = MaskingService(config, self.store, self.clock, self.spec)
        self.verify = VerifyService(config, self.store, self.clock, self.spec)
        # Called after every clock advance (the callback loop wakes: retries may be due).
        self._on_advance: list[Callable[[], None]] = []
        # Called after every reset (the callback loop cuts the attempts in flight).
        self._on_reset: list[Callable[[], None]] = []
        self.forced = ForcedAnswers(self.store, self.spec)

    def authenticate(
        self, path_auth_id: str, username: str | None, password: str | None
    ) -> Account:
        """The account of HTTP Basic credentials, which must match the URL's Auth ID."""
        if not username or password is None:
            raise Unauthorized("authentication failed: HTTP Basic credentials are required")
        account = self.config.accounts.get(username)
        # Compare even for an unknown account so timing does not reveal which Auth IDs exist.
        expected = account.auth_token if account is not None else ""
        token_ok = hmac.compare_digest(password.encode(), expected.encode())
        if account is None or not token_ok:
            raise Unauthorized("authentication failed: wrong Auth ID or Auth Token")
        if path_auth_id != username:
            raise Unauthorized(
                f"authentication failed: the Auth ID in the URL ({path_auth_id}) is not"
                " the caller's own"
            )
        return account

    def advance_clock(self, seconds: float) -> datetime:
        """Move the shared sandbox clock forward by ``seconds``; returns the new now."""
        now = self.clock.advance(seconds)
        for listener in self._on_advance:
            listener()
        return now

    def on_clock_advance(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each ``advance_clock`` of this process."""
        self._on_advance.append(listener)

    def fire_due_timers(self) -> int:
        """Send the events that fall due on the sandbox clock (SessionTimeout); how many fired.

        The callback loop calls it; each timer fires in its own transaction with its events.
        """
        return self.masking.fire_due_timers() + self.verify.fire_due_timers()

    def set_clock(self, moment: datetime) -> datetime:
        """Move the clock forward to ``moment`` (aware); 400 for a time before its now."""
        seconds = (moment - self.clock.now()).total_seconds()
        if seconds < 0:
            raise BadRequest(
                f"now: {moment.isoformat()} is before the sandbox's current time; the clock"
                " only moves forward (POST /_sandbox/reset returns to real time)"
            )
        return self.advance_clock(seconds)

    def reset(self) -> None:
        """Forget all sessions, rate-limit counters, forced answers and the clock offset."""
        with self.store.transaction() as tx:
            tx.clear()
        self.clock.reset()
        for listener in self._on_reset:
            listener()

    def on_reset(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each ``reset`` of this process."""
        self._on_reset.append(listener)

    def close(self) -> None:
        """Release the store."""
        self.store.close()
        if self.write_turn is not None:
            self.write_turn.close()
