"""The delivery loop: callbacks claimed from the outbox, sent, recorded, retried; and the timers.

Services add events to the outbox (``Transaction.add_callback``) in the
transaction of the change they report. ``CallbackDispatcher`` sends them in a
background thread, so no API answer ever waits for a receiver: it claims due
callbacks from the store (a lease, so several worker processes sharing one
SQLite file never send one at the same time), signs each with the owning
account's Auth Token (``signing.py``), sends it (never following a redirect)
within one deadline per attempt (``sending.py``), and records the attempt.
Only a 200 counts; anything else is retried after the delays openapi.yaml
states, on the sandbox clock, then given up. A URL's callbacks go one at a
time in the order they were added; different URLs never wait for each other.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

from plivo_sandbox.core.clock import Clock
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.core.store import CallbackState, Delivery, Store, StoreBusy
from plivo_sandbox.core.times import MICROS, iso_time, to_micros
from plivo_sandbox.events.policy import HOSTS_ENV, HOSTS_SETTING, CallbackPolicy, shown_url
from plivo_sandbox.events.sending import build_request, send

log = logging.getLogger(__name__)

# Seconds a claim lasts beyond the attempt's deadline: time to record the attempt.
LEASE_MARGIN = 30.0
# Seconds ``stop`` gives cut attempts to be recorded (plus the lock timeout).
STOP_GRACE = 2.0
# While stopping, how often recording an attempt is tried against a locked database.
STOP_RECORD_TRIES = 3
# The message of a reset's cut (the reset forgot the callbacks: nothing to record).
CUT_BY_RESET = "reset"

_T = TypeVar("_T")


def retry_delays(spec: ApiSpec) -> tuple[int, ...]:
    """Seconds to wait after each failed attempt before the next (Plivo: 60, 120, 240)."""
    callback = spec.operation("/Masking/Session", "post")["callbacks"]["sessionEvent"]
    post = next(iter(callback.values()))["post"]
    return tuple(int(delay) for delay in post["x-plivo-retry-delays"])


# ---------------------------------------------------------------------- signing
# ---------------------------------------------------------------------- policy
# ---------------------------------------------------------------------- sending
# ---------------------------------------------------------------------- rendering


def render_delivery(delivery: Delivery) -> dict[str, Any]:
    """One delivery as ``GET /_sandbox/callbacks`` shows it."""
    callback = delivery.callback
    return {
        "id": delivery.id,
        "session_uuid": callback.session_uuid,
        "kind": callback.kind,
        "event": callback.event,
        "url": callback.url,
        "method": callback.method,
        "fields": dict(callback.fields),
        "headers": dict(delivery.headers),
        "state": delivery.state,
        "reason": delivery.reason,
        "due_time": iso_time(callback.due_us),
        "attempts": [dict(attempt) for attempt in delivery.attempts],
        "next_attempt_time": None if delivery.next_us is None else iso_time(delivery.next_us),
    }


# ---------------------------------------------------------------------- the loop


@dataclass(frozen=True)
class Outcome:
    """How one attempt ended, and what the outbox records for it."""

    state: CallbackState
    next_us: int | None
    attempt: dict[str, Any]
    reason: str = ""


def outcome(
    delivery: Delivery,
    started_us: int,
    status: int | None,
    error: str,
    delays: tuple[int, ...],
) -> Outcome:
    """The state after an attempt at ``delivery`` begun at ``started_us`` (sandbox time).

    Only a 200 delivers; otherwise the next attempt follows after ``delays``
    (one per retry), then the callback is given up. A claim that found an
    earlier claim lapsed (its worker stopped before recording what happened)
    is a redelivery, and the attempt says so.
    """
    attempt: dict[str, Any] = {"time": iso_time(started_us)}
    if status is not None:
        attempt["status_code"] = status
    else:
        attempt["error"] = error
    if delivery.lease_us:
        attempt["redelivery"] = REDELIVERY
    made = len(delivery.attempts) + 1
    if status == 200:
        return Outcome("delivered", None, attempt)
    if made <= len(delays):
        return Outcome("pending", started_us + delays[made - 1] * MICROS, attempt)
    return Outcome("failed", None, attempt, f"given up after {made} attempts")


# Why an attempt is marked as a redelivery.
REDELIVERY = (
    "sent again: an earlier attempt was claimed but never recorded (its worker stopped or"
    " lost the database mid-send), so the receiver may have this event twice"
)
CUT_BY_STOP = "cut short: the sandbox stopped while the attempt was in flight"


class CallbackDispatcher:
    """Delivers the outbox in the background: an asyncio loop in a thread of its own.

    Each claimed callback is sent by its own task, so a receiver that hangs or
    trickles holds up only its own URL's later events, never another URL's.
    Every attempt has one deadline (``callback_timeout``) for connecting,
    sending and the whole answer. The store is used from one more thread (its
    calls block), so a locked database never stalls the sends in flight.
    ``start`` and ``stop`` bracket it (the app's lifespan); ``wake`` makes it
    look at once; ``cut_in_flight`` ends the attempts being sent (a reset);
    otherwise it looks every ``poll_interval`` seconds or when a retry falls due.
    """

    def __init__(
        self,
        config: SandboxConfig,
        store: Store,
        clock: Clock,
        spec: ApiSpec,
        *,
        fire_timers: Callable[[], object] | None = None,
        poll_interval: float = 0.25,
        max_in_flight: int = 512,
    ) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.policy = CallbackPolicy(config.callback_allowed_hosts)
        self.timeout = config.callback_timeout
        self.delays = retry_delays(spec)
        self.fire_timers = fire_timers
        self.poll_interval = poll_interval
        self.max_in_flight = max_in_flight
        # A claim outlasts the longest attempt (cut at ``timeout``) plus its
        # bookkeeping; a worker that dies mid-send leaves the callback to
        # another after this much real time (a redelivery, marked as one).
        self.lease_us = int((self.timeout + LEASE_MARGIN) * MICROS)
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._wake: asyncio.Event | None = None
        self._stopping = threading.Event()
        self._in_flight: dict[int, asyncio.Task[CallbackState | None]] = {}
        self._sending: set[int] = set()  # ids of in-flight attempts not yet answered
        # The lease each in-flight attempt records under (renewed when a round
        # claims it again while its attempt is still being recorded).
        self._claims: dict[int, int] = {}
        self._store_thread: ThreadPoolExecutor | None = None
        self._warned_blocked = False

    # -------------------------------------------------------------- lifecycle

    def start(self) -> None:
        """Start the background thread (no-op when running)."""
        if self._thread is not None:
            return
        if self.policy.widened:
            log.warning(
                "callbacks may leave this machine, to: %s (setting %s or %s)",
                ", ".join(self.policy.allowed_hosts),
                HOSTS_SETTING,
                HOSTS_ENV,
            )
        self._stopping.clear()
        self._store_thread = ThreadPoolExecutor(1, thread_name_prefix="plivo-callback-store")
        ready = threading.Event()
        self._thread = threading.Thread(
            target=self._serve, args=(ready,), name="plivo-callback-loop", daemon=True
        )
        self._thread.start()
        ready.wait()

    def stop(self) -> None:
        """Stop: cut the attempts in flight (recorded as such), then end the loop.

        Takes at most a few seconds whatever the receivers do.
        """
        if self._thread is None:
            return
        self._stopping.set()
        self._call_soon(self._set_wake)
        self._thread.join(timeout=STOP_GRACE + self.config.lock_timeout)
        self._thread = None
        assert self._store_thread is not None
        self._store_thread.shutdown(wait=True, cancel_futures=True)
        self._store_thread = None

    def wake(self) -> None:
        """Look for due callbacks and timers now (from any thread)."""
        self._call_soon(self._set_wake)

    def cut_in_flight(self) -> None:
        """End every attempt being sent now, recording nothing (a reset forgot them)."""
        self._call_soon(self._cut_all)

    def in_flight(self) -> int:
        """How many attempts are being sent."""
        return len(self._in_flight)

    def _call_soon(self, callback: Callable[[], None]) -> None:
        loop = self._loop
        if loop is not None:
            with contextlib.suppress(RuntimeError):  # the loop has just closed
                loop.call_soon_threadsafe(callback)

    def _set_wake(self) -> None:
        if self._wake is not None:
            self._wake.set()

    def _cut_all(self) -> None:
        self._cut(CUT_BY_RESET, set(self._sending))

    def _cut(self, why: str, ids: set[int]) -> None:
        """Cancel the attempts of ``ids`` still being sent (not those recording what happened)."""
        for ident in ids & self._sending:
            task = self._in_flight.get(ident)
            if task is not None:
                task.cancel(why)

    # -------------------------------------------------------------- the loop

    def _serve(self, ready: threading.Event) -> None:
        loop = asyncio.new_event_loop()
        self._loop = loop
        self._wake = asyncio.Event()
        ready.set()
        try:
            loop.run_until_complete(self._run())
        finally:
            self._loop = None
            loop.close()

    async def _store(self, work: Callable[[], _T]) -> _T:
        """Run ``work`` (a store call, which may wait for the lock) off the loop."""
        assert self._loop is not None and self._store_thread is not None
        return await self._loop.run_in_executor(self._store_thread, work)

    async def _run(self) -> None:
        assert self._wake is not None
        while not self._stopping.is_set():
            self._wake.clear()
            free = self.max_in_flight - len(self._in_flight)
            try:
                if self._sending:  # a reset in another worker forgot them: end them too
                    sending = set(self._sending)
                    kept = await self._store(functools.partial(self._present, sending))
                    self._cut(CUT_BY_RESET, sending - kept)
                claimed, claim, pause = await self._store(functools.partial(self._round, free))
            except StoreBusy as exc:  # another process holds the database: try again shortly
                log.warning("callback delivery waits for the database: %s", exc.message)
                claimed, claim, pause = [], 0, self.poll_interval
            except Exception:  # keep delivering whatever one round ran into
                log.exception("callback delivery round failed")
                claimed, claim, pause = [], 0, self.poll_interval
            for delivery in claimed:
                self._begin(delivery, claim)
            if pause > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self._wake.wait(), pause)
        self._cut(CUT_BY_STOP, set(self._sending))
        tasks = list(self._in_flight.values())
        if tasks:
            await asyncio.wait(tasks, timeout=STOP_GRACE + self.config.lock_timeout)

    def _present(self, ids: set[int]) -> set[int]:
        with self.store.transaction(write=False) as tx:
            return tx.present_callbacks(ids)

    def _round(self, free: int) -> tuple[list[Delivery], int, float]:
        """Fire due timers, claim up to ``free`` due callbacks (in the store thread).

        Returns the claimed callbacks, their lease's end, and how long to rest.
        """
        if self.fire_timers is not None:
            try:
                self.fire_timers()
            except Exception:  # a timer's trouble must not stop the deliveries
                log.exception("firing due timers failed")
        if free <= 0:
            return [], 0, self.poll_interval
        now_us = to_micros(self.clock.now())
        real_us = time.time_ns() // 1000
        with self.store.transaction(write=False) as tx:
            earliest = tx.next_callback_us(real_us)
        if earliest is None:
            return [], 0, self.poll_interval
        if earliest > now_us:
            return [], 0, min(self.poll_interval, (earliest - now_us) / MICROS)
        with self.store.transaction() as tx:
            claimed = tx.claim_callbacks(now_us, real_us, self.lease_us, free)
        claim = real_us + self.lease_us
        fresh = []
        for delivery in claimed:
            # One whose attempt this process is still recording (the database was
            # locked past its lease) is not sent again: its record takes the new lease.
            if delivery.id not in self._claims:
                fresh.append(delivery)
            self._claims[delivery.id] = claim
        # A full batch may leave more due callbacks behind: look again at once.
        return fresh, claim, 0.0 if len(claimed) == free else self.poll_interval

    def _begin(self, delivery: Delivery, claim: int) -> None:
        task = asyncio.ensure_future(self.attempt(delivery, claim))
        self._in_flight[delivery.id] = task
        task.add_done_callback(lambda _: self._finished(delivery.id))

    def _finished(self, ident: int) -> None:
        self._in_flight.pop(ident, None)
        self._claims.pop(ident, None)
        self._set_wake()  # the URL's next callback may go now

    # -------------------------------------------------------------- one attempt

    async def attempt(self, delivery: Delivery, claim: int | None = None) -> CallbackState | None:
        """Make one attempt at ``delivery`` (claimed, with lease ``claim``) and record it.

        Returns its new state; None when a reset cut it (nothing is left to record).
        """
        callback = delivery.callback
        account = self.config.accounts.get(callback.owner)
        refusal = self.policy.refusal(callback.url)
        if refusal is not None or account is None:
            refusal = refusal or f"account {callback.owner} is not configured: nothing can sign it"
            first, self._warned_blocked = not self._warned_blocked, True
            if first:
                log.warning("callback to %s blocked: %s", shown_url(callback.url), refusal)
            blocked = Outcome("blocked", None, {}, refusal)
            await self._record(delivery, claim, blocked, {})
            return "blocked"
        parent = self.config.accounts.get(account.parent) if account.parent else None
        request = build_request(
            callback.method,
            callback.url,
            callback.fields,
            account.auth_token,
            parent.auth_token if parent is not None else None,
        )
        started_us = to_micros(self.clock.now())
        self._sending.add(delivery.id)
        try:
            status, error = await send(request, self.timeout)
        except asyncio.CancelledError as cut:
            task = asyncio.current_task()
            if task is not None:
                task.uncancel()
            if cut.args and cut.args[0] == CUT_BY_RESET:
                return None
            status, error = None, CUT_BY_STOP
        finally:
            self._sending.discard(delivery.id)
        result = outcome(delivery, started_us, status, error, self.delays)
        signature_only = {
            name: value for name, value in request.headers.items() if name.startswith("X-Plivo")
        }
        await self._record(delivery, claim, result, signature_only)
        log.info(
            "callback %d %s %s %s: attempt %d -> %s (%s)",
            delivery.id,
            callback.event,
            callback.method,
            shown_url(callback.url),
            len(delivery.attempts) + 1,
            status if status is not None else error,
            result.state,
        )
        return result.state

    async def _record(
        self, delivery: Delivery, claim: int | None, result: Outcome, headers: dict[str, str]
    ) -> None:
        """Record an attempt, retrying while the database is locked: the send is never redone.

        Gives up only when stopping; the lapsed claim then makes the next
        attempt a redelivery, marked as one.
        """

        def write() -> None:
            with self.store.transaction() as tx:
                tx.record_attempt(
                    delivery.id,
                    state=result.state,
                    next_us=result.next_us,
                    attempt=result.attempt or None,
                    headers=headers,
                    reason=result.reason,
                    claim=self._claims.get(delivery.id, claim),
                )

        tries = 0
        while True:
            tries += 1
            try:
                await self._store(write)
                return
            except StoreBusy as exc:
                if self._stopping.is_set() and tries >= STOP_RECORD_TRIES:
                    log.warning(
                        "callback %d: attempt not recorded before stopping (%s);"
                        " it will be sent again, marked as a redelivery",
                        delivery.id,
                        exc.message,
                    )
                    return
                if tries == 1:
                    log.warning(
                        "callback %d: recording the attempt waits for the database (%s)",
                        delivery.id,
                        exc.message,
                    )
                await asyncio.sleep(min(1.0, 0.05 * tries))
