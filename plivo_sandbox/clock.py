"""The sandbox clock: real time plus an offset that tests move forward.

The offset lives in the store so that every worker process sees the same
time; ``ManualClock`` is a fixed clock for tests that need exact times.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from .errors import BadRequest
from .storage import Store

OFFSET_KEY = "clock_offset_us"


def _check_seconds(seconds: float) -> timedelta:
    if isinstance(seconds, bool) or not math.isfinite(seconds) or seconds < 0:
        raise BadRequest(
            f"seconds: {seconds!r} must be a finite number >= 0 (the clock only moves forward)"
        )
    return timedelta(seconds=seconds)


class Clock(ABC):
    """Tells the sandbox's current time (aware UTC)."""

    @abstractmethod
    def now(self) -> datetime:
        """The current sandbox time."""

    @abstractmethod
    def advance(self, seconds: float) -> datetime:
        """Move the clock forward by ``seconds``; returns the new now."""

    @abstractmethod
    def reset(self) -> None:
        """Undo every ``advance``."""


class StoreClock(Clock):
    """Real time plus an offset shared through the store."""

    def __init__(self, store: Store, real: Callable[[], datetime] | None = None) -> None:
        self.store = store
        self.real = real if real is not None else lambda: datetime.now(UTC)

    def _offset(self) -> timedelta:
        with self.store.transaction(write=False) as tx:
            value = tx.get_setting(OFFSET_KEY)
        return timedelta(microseconds=int(value) if value else 0)

    def now(self) -> datetime:
        """Real time plus the stored offset."""
        return self.real() + self._offset()

    def advance(self, seconds: float) -> datetime:
        """Add ``seconds`` to the stored offset atomically (other workers may advance too)."""
        step = _check_seconds(seconds) // timedelta(microseconds=1)
        with self.store.transaction() as tx:
            value = tx.get_setting(OFFSET_KEY)
            offset = (int(value) if value else 0) + step
            tx.set_setting(OFFSET_KEY, str(offset))
        return self.real() + timedelta(microseconds=offset)

    def reset(self) -> None:
        """Drop the offset (``Store.clear`` does too)."""
        with self.store.transaction() as tx:
            tx.set_setting(OFFSET_KEY, "0")


class ManualClock(Clock):
    """A clock that stands still until advanced: exact times for tests."""

    def __init__(self, start: datetime | None = None) -> None:
        self.start = start if start is not None else datetime(2024, 2, 1, 6, 28, 15, tzinfo=UTC)
        if self.start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self.current = self.start

    def now(self) -> datetime:
        """The clock's current time."""
        return self.current

    def advance(self, seconds: float) -> datetime:
        """Move forward by ``seconds``."""
        self.current += _check_seconds(seconds)
        return self.current

    def reset(self) -> None:
        """Back to the start time."""
        self.current = self.start
