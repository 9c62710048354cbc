"""The facade the HTTP layer holds: configuration, store, clock and the two services."""

from __future__ import annotations

import hmac
from datetime import datetime

from .clock import Clock, StoreClock
from .config import Account, SandboxConfig
from .errors import Unauthorized
from .masking import MaskingService
from .spec import ApiSpec
from .storage import SqliteStore, Store
from .verify import VerifyService


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
        self.masking = MaskingService(config, self.store, self.clock, self.spec)
        self.verify = VerifyService(config, self.store, self.clock, self.spec)

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
        return self.clock.advance(seconds)

    def reset(self) -> None:
        """Forget all sessions, rate-limit counters and the clock offset."""
        with self.store.transaction() as tx:
            tx.clear()
        self.clock.reset()

    def close(self) -> None:
        """Release the store."""
        self.store.close()
