"""A worker's write requests, run in batches: one write turn, one transaction, one commit each.

The workers write one at a time (SQLite has one writer; ``store/write_turn.py``
hands the turn from worker to worker). Handing the turn over costs far more
than a write's statements: the next worker's event loop must wake up and get
to the waiting request while the turn sits idle. So each worker takes the
turn once for all the writes that queued up meanwhile, runs them one after
the other in one transaction, each in a savepoint of its own, commits once,
and only then answers them: an answer still means its write is on disk.

Each write keeps the semantics of a transaction of its own
(``Sandbox.transaction``): what it wrote before a PlivoError stays (the error
is its answer), any other error undoes its writes only, and a failed commit
fails the whole batch (nothing of it was acknowledged).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from typing import Any, Generic, TypeVar

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.errors import BUSY_WRITING, PlivoError
from plivo_sandbox.core.store import StoreBusy, Transaction

T = TypeVar("T")

# How long a batch waits before it asks SQLite's lock again (doubling up to the
# most), when a program outside the sandbox holds it: SQLite's own busy handler
# would sleep 1, 2, 5, 10... ms and block the event loop's thread.
LOCK_RETRY_FIRST = 0.0005
LOCK_RETRY_MOST = 0.005


@dataclass
class _Write(Generic[T]):
    """One queued write: its step, its deadline and the future its request awaits."""

    step: Callable[[Transaction], T]
    deadline: float
    answer: asyncio.Future[T]
    abandoned: bool = False  # its request stopped waiting (deadline, disconnect)


@dataclass
class _Queue:
    """The writes waiting on one event loop, and whether a batch is being drained."""

    writes: list[_Write[Any]] = field(default_factory=list)
    drain: asyncio.Task[None] | None = None  # kept: the loop holds tasks only weakly


class WriteBatches:
    """Runs write steps in batches on the event loop (``run``), per sandbox."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox
        # One queue per event loop: tests may drive one app from several loops.
        self._queues: dict[asyncio.AbstractEventLoop, _Queue] = {}
        self.batches = 0  # committed batches, and the writes in them (what a batch gathered)
        self.writes = 0

    async def run(self, step: Callable[[Transaction], T], deadline: float) -> T:
        """``step(tx)``'s result once its batch has committed; StoreBusy after ``deadline``.

        A PlivoError raised by ``step`` is raised here after the commit, with
        what ``step`` wrote before it kept.
        """
        loop = asyncio.get_running_loop()
        queue = self._queues.setdefault(loop, _Queue())
        write: _Write[T] = _Write(step, deadline, loop.create_future())
        queue.writes.append(write)
        if queue.drain is None:
            queue.drain = loop.create_task(self._drain(queue))
        # A timer, not asyncio.wait_for: no task and no waiter per request.
        timer = loop.call_at(loop.time() + deadline - time.monotonic(), _give_up, write)
        try:
            return await write.answer
        except asyncio.CancelledError:  # the client left, or the server stops
            write.abandoned = True
            raise
        finally:
            timer.cancel()

    async def _drain(self, queue: _Queue) -> None:
        """Run batches while writes wait; each batch holds the write turn once."""
        try:
            while True:
                waiting = [write for write in queue.writes if not write.abandoned]
                if not waiting:
                    queue.writes.clear()
                    return
                try:
                    held, tx = await self._lock(max(write.deadline for write in waiting))
                except Exception as error:  # StoreBusy: every deadline has passed
                    for write in queue.writes:
                        _settle(write, error)
                    queue.writes.clear()
                    continue
                batch, queue.writes = queue.writes, []
                self._run(batch, held, tx)
        finally:
            queue.drain = None
            for write in queue.writes:  # the drain itself was cancelled
                _settle(write, StoreBusy(BUSY_WRITING))

    def _run(self, batch: list[_Write[Any]], held: ExitStack, tx: Transaction) -> None:
        """Run each step of ``batch`` in its savepoint, commit, then answer them all."""
        outcomes: list[tuple[_Write[Any], Any, BaseException | None]] = []
        try:
            with held:
                for write in batch:
                    if write.abandoned or write.answer.done():
                        continue
                    result: Any = None
                    failure: BaseException | None = None
                    try:
                        with tx.savepoint():  # undone if the step fails other than as an answer
                            try:
                                result = write.step(tx)
                            except PlivoError as error:
                                failure = error  # an answer: its writes stay
                    except Exception as error:  # the step failed: its writes are undone
                        failure = error
                    outcomes.append((write, result, failure))
        except BaseException as error:  # the commit failed: nothing of the batch was written
            for write, _, _ in outcomes:
                _settle(write, error)
            if not isinstance(error, Exception):
                raise
            return
        self.batches += 1
        self.writes += len(outcomes)
        for write, result, failure in outcomes:
            if failure is not None:
                _settle(write, failure)
            elif not write.answer.done():
                write.answer.set_result(result)

    async def _lock(self, deadline: float) -> tuple[ExitStack, Transaction]:
        """A write transaction, opened as soon as the write turn and SQLite's lock are free.

        Waits asleep on the event loop, so neither the loop (where reads run)
        nor a thread is held while another writer has the lock. StoreBusy
        after ``deadline``.
        """
        held = ExitStack()
        turn = self.sandbox.write_turn
        if turn is not None:
            await turn.acquire(deadline)
            held.callback(turn.release)  # after the transaction ends (an ExitStack unwinds LIFO)
        pause = LOCK_RETRY_FIRST
        try:
            while True:
                try:
                    return held, held.enter_context(self.sandbox.transaction(wait=False))
                except StoreBusy:
                    if time.monotonic() + pause > deadline:
                        raise
                # Another program holds SQLite's lock (the sandbox's own writers take turns).
                await asyncio.sleep(pause)
                pause = min(pause * 2, LOCK_RETRY_MOST)
        except BaseException:
            held.close()
            raise


def _give_up(write: _Write[Any]) -> None:
    """The write's deadline: it is answered 503 unless its batch has already run it."""
    if not write.answer.done():
        write.answer.set_exception(StoreBusy(BUSY_WRITING))
        write.abandoned = True


def _settle(write: _Write[Any], error: BaseException) -> None:
    """Fail ``write`` with ``error``, unless its request no longer waits for it."""
    if not write.abandoned and not write.answer.done():
        write.answer.set_exception(error)
