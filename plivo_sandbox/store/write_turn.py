"""Whose turn it is to write, among the processes (workers) that share one data directory.

SQLite lets one writer in at a time, and a writer that finds the lock taken
can only sleep and ask again. An event loop sleeps at least a millisecond
(epoll's resolution), about ten times what a write transaction holds the
lock: with two workers writing, every clash cost a millisecond and the
slowest writes waited tens of them. Writers of the sandbox's own processes
first take their turn with an ``flock`` on ``write.lock`` beside the
database: the kernel hands the turn over the moment it is released. SQLite's
lock still decides who writes; the turn only orders the sandbox's writers
so that they rarely clash on it.
"""

from __future__ import annotations

import asyncio
import fcntl
import os
import time
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from plivo_sandbox.core.errors import BUSY_WRITING
from plivo_sandbox.core.store import StoreBusy
from plivo_sandbox.store.sqlite import StoreError

LOCK_FILE = "write.lock"


class WriteTurn:
    """An inter-process turn to write: ``acquire`` before a write transaction, ``release`` after.

    One coroutine per process holds or waits for the turn at a time (the
    others queue on an asyncio lock); the wait for another process happens
    in a thread, so the event loop goes on serving reads.
    """

    def __init__(self, data_dir: Path) -> None:
        path = data_dir / LOCK_FILE
        try:
            self._fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        except OSError as error:
            raise StoreError(
                f"{path} cannot be opened ({error.strerror or error}): choose another --data-dir"
            ) from None
        self._waiter = ThreadPoolExecutor(max_workers=1, thread_name_prefix="write-turn")
        # One per event loop: tests may drive one sandbox from several loops.
        self._queues: dict[asyncio.AbstractEventLoop, asyncio.Lock] = {}

    async def acquire(self, deadline: float) -> None:
        """Take the turn by ``deadline`` (time.monotonic), or raise StoreBusy."""
        queue = self._queues.setdefault(asyncio.get_running_loop(), asyncio.Lock())
        if queue.locked():
            try:
                await asyncio.wait_for(queue.acquire(), max(0.0, deadline - time.monotonic()))
            except TimeoutError:
                raise StoreBusy(BUSY_WRITING) from None
        else:
            await queue.acquire()
        try:
            if not self._try():
                await self._wait(deadline)
        except BaseException:
            queue.release()
            raise

    def release(self) -> None:
        """Give the turn up (after the transaction's commit or rollback)."""
        fcntl.flock(self._fd, fcntl.LOCK_UN)
        self._queues[asyncio.get_running_loop()].release()

    def close(self) -> None:
        """Close the lock file (the sandbox is closing)."""
        self._waiter.shutdown(wait=False, cancel_futures=True)
        os.close(self._fd)

    def _try(self) -> bool:
        try:
            fcntl.flock(self._fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    async def _wait(self, deadline: float) -> None:
        waiting: Future[None] = self._waiter.submit(fcntl.flock, self._fd, fcntl.LOCK_EX)
        try:
            await asyncio.wait_for(
                asyncio.wrap_future(waiting), max(0.0, deadline - time.monotonic())
            )
        except TimeoutError:
            # The thread still waits: whenever it gets the turn, it hands it back.
            waiting.add_done_callback(lambda _: fcntl.flock(self._fd, fcntl.LOCK_UN))
            raise StoreBusy(BUSY_WRITING) from None
