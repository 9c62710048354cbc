"""The sandbox itself: configuration, store, clock, the two services and callback delivery.

The HTTP app is one way in; a ``Sandbox`` works without it too (``start()``
sends its callbacks and fires its timers in the background).
"""

from __future__ import annotations

import hmac
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from types import TracebackType
from typing import Concatenate, ParamSpec, TypeVar

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import Clock, StoreClock
from plivo_sandbox.core.errors import BadRequest, PlivoError, Unauthorized
from plivo_sandbox.core.forced_answers import ForcedAnswers
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.core.store import Store, Transaction
from plivo_sandbox.events.dispatcher import CallbackDispatcher
from plivo_sandbox.masking.service import MaskingService
from plivo_sandbox.store.sqlite import SqliteStore
from plivo_sandbox.store.write_turn import WriteTurn
from plivo_sandbox.verify.service import VerifyService

P = ParamSpec("P")
R = TypeVar("R")


class Sandbox:
    """Config, store, clock, the two services, forced answers and callback delivery.

    ``start()`` (or ``with Sandbox(...)``) delivers the queued callbacks and
    fires the timers in a background thread until ``close()``; a sandbox never
    started only queues them (the domain tests read the queue).
    """

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
        self.masking = MaskingService(config, self.clock, self.spec)
        self.verify = VerifyService(config, self.clock, self.spec)
        self.forced = ForcedAnswers(self.spec)
        self.callbacks = CallbackDispatcher(
            config, self.store, self.clock, self.spec, fire_timers=self.fire_due_timers
        )
        # A new event goes out at once, not at the loop's next look.
        self.store.on_callbacks_queued(self.callbacks.wake)

    @contextmanager
    def transaction(self, write: bool = True, wait: bool = True) -> Iterator[Transaction]:
        """The one transaction of a call into the sandbox; only the edges open one.

        The HTTP endpoints, the control API, the timers and Python callers open
        it and hand it to the services. It commits when the call ends, also when
        the call ends in a PlivoError: that is an answer, and what the call
        wrote before it stays (a failed OTP counted, a rate-limit hit). Any
        other error rolls it back. ``wait=False``: StoreBusy at once when
        another writer holds the lock (the HTTP edge waits on its event loop).
        """
        failure: PlivoError | None = None
        with self.store.transaction(write=write, wait=wait) as tx:
            try:
                yield tx
            except PlivoError as error:
                failure = error
        if failure is not None:
            raise failure

    def run(
        self,
        method: Callable[Concatenate[Transaction, P], R],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> R:
        """Call a service method in a transaction of its own, as the HTTP edge calls one a request.

        ``sandbox.run(sandbox.verify.otp, session_uuid)``: for Python callers
        and tests; a PlivoError still commits what the call wrote before it.
        """
        with self.transaction() as tx:
            return method(tx, *args, **kwargs)

    def start(self) -> None:
        """Deliver callbacks and fire timers in the background (until ``close``)."""
        self.callbacks.start()

    def __enter__(self) -> Sandbox:
        self.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()

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
        with self.transaction() as tx:
            now = self.clock.advance(seconds, tx)
        self.callbacks.wake()  # retries and timers may be due now
        return now

    def fire_due_timers(self) -> int:
        """Send the events that fall due on the sandbox clock (SessionTimeout); how many fired.

        The callback loop calls it; each timer fires in its own transaction with its events.
        """
        fired = 0
        for service in (self.masking, self.verify):
            with self.transaction(write=False) as tx:
                due = service.due_timers(tx)
            for session_uuid in due:
                with self.transaction() as tx:
                    service.fire_timer(tx, session_uuid)
                fired += 1
        return fired

    def set_clock(self, moment: datetime) -> datetime:
        """Move the clock forward to ``moment`` (aware); 400 for a time before its now."""
        with self.transaction(write=False) as tx:
            seconds = (moment - self.clock.now(tx)).total_seconds()
        if seconds < 0:
            raise BadRequest(
                f"now: {moment.isoformat()} is before the sandbox's current time; the clock"
                " only moves forward (POST /_sandbox/reset returns to real time)"
            )
        return self.advance_clock(seconds)

    def reset(self) -> None:
        """Forget all sessions, rate-limit counters, forced answers and the clock offset."""
        with self.transaction() as tx:
            tx.clear()
            self.clock.reset(tx)
        self.callbacks.cut_in_flight()  # the callbacks are forgotten: end their attempts

    def close(self) -> None:
        """Stop delivering callbacks, then release the store."""
        self.callbacks.stop()
        self.store.close()
        if self.write_turn is not None:
            self.write_turn.close()
