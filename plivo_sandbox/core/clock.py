"""The sandbox clock: real time plus an offset that tests move forward.

The offset lives in the store so that every worker process sees the same
time; ``ManualClock`` is a fixed clock for tests that need exact times.
"""

from __future__ import annotations

import math
from abc import ABC, abstractmethod
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.store import Store, Transaction
from plivo_sandbox.core.times import CLOCK_LIMIT, to_micros

OFFSET_KEY = "clock_offset_us"
_LIMIT_US = to_micros(CLOCK_LIMIT)


def _check_seconds(seconds: float) -> int:
    """``seconds`` as whole microseconds, if it is a finite step forward."""
    if isinstance(seconds, bool) or not math.isfinite(seconds) or seconds < 0:
        raise BadRequest(
            f"seconds: {seconds!r} must be a finite number >= 0 (the clock only moves forward)"
        )
    return round(seconds * 1_000_000)


def _check_limit(now_us: int, seconds: float) -> None:
    """Refuse a step that would carry the clock past CLOCK_LIMIT (times must stay showable)."""
    if now_us > _LIMIT_US:
        raise BadRequest(
            f"seconds: moving the clock {seconds:g} seconds would pass"
            f" {CLOCK_LIMIT:%Y-%m-%d}, the latest time the sandbox clock can show;"
            " POST /_sandbox/reset sets it back to real time"
        )


class Clock(ABC):
    """Tells the sandbox's current time (aware UTC)."""

    @abstractmethod
    def now(self, tx: Transaction | None = None) -> datetime:
        """The current sandbox time (read in ``tx``, the caller's transaction, if given)."""

    @abstractmethod
    def advance(self, seconds: float, tx: Transaction | None = None) -> datetime:
        """Move the clock forward by ``seconds`` (in ``tx``, if given); returns the new now."""

    @abstractmethod
    def reset(self, tx: Transaction | None = None) -> None:
        """Undo every ``advance`` (in ``tx``, if given)."""


class StoreClock(Clock):
    """Real time plus an offset shared through the store."""

    def __init__(self, store: Store, real: Callable[[], datetime] | None = None) -> None:
        self.store = store
        self.real = real if real is not None else lambda: datetime.now(UTC)

    def _offset(self, tx: Transaction | None) -> int:
        if tx is None:  # a clock used outside any call (the callback loop, a test) opens its own
            with self.store.transaction(write=False) as own:
                return self._offset(own)
        value = tx.get_setting(OFFSET_KEY)
        return int(value) if value else 0

    def _at(self, offset_us: int) -> datetime:
        # A file written before the clock had a limit may hold a larger offset:
        # stopping at the limit keeps every answer showable.
        return self.real() + timedelta(
            microseconds=min(offset_us, _LIMIT_US - to_micros(self.real()))
        )

    def now(self, tx: Transaction | None = None) -> datetime:
        """Real time plus the stored offset (never past CLOCK_LIMIT)."""
        return self._at(self._offset(tx))

    def advance(self, seconds: float, tx: Transaction | None = None) -> datetime:
        """Add ``seconds`` to the stored offset in ``tx`` (other workers may advance too)."""
        step = _check_seconds(seconds)
        if tx is None:
            with self.store.transaction() as own:
                return self.advance(seconds, own)
        offset = self._offset(tx) + step
        _check_limit(to_micros(self.real()) + offset, seconds)
        tx.set_setting(OFFSET_KEY, str(offset))
        return self._at(offset)

    def reset(self, tx: Transaction | None = None) -> None:
        """Drop the offset (``Store.clear`` does too)."""
        if tx is None:
            with self.store.transaction() as own:
                return self.reset(own)
        tx.set_setting(OFFSET_KEY, "0")


class ManualClock(Clock):
    """A clock that stands still until advanced: exact times for tests."""

    def __init__(self, start: datetime | None = None) -> None:
        self.start = start if start is not None else datetime(2024, 2, 1, 6, 28, 15, tzinfo=UTC)
        if self.start.tzinfo is None:
            raise ValueError("ManualClock needs an aware datetime")
        self.current = self.start

    def now(self, tx: Transaction | None = None) -> datetime:
        """The clock's current time."""
        return self.current

    def advance(self, seconds: float, tx: Transaction | None = None) -> datetime:
        """Move forward by ``seconds``."""
        step = _check_seconds(seconds)
        _check_limit(to_micros(self.current) + step, seconds)
        self.current += timedelta(microseconds=step)
        return self.current

    def reset(self, tx: Transaction | None = None) -> None:
        """Back to the start time."""
        self.current = self.start
