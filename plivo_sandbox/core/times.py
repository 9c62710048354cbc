"""Time formats of the two APIs.

Everything is stored as integer microseconds since the Unix epoch (UTC): a
float would lose the microseconds Verify shows, and integers compare exactly
in SQL.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from plivo_sandbox.core.errors import BadRequest

MICROS = 1_000_000
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)

# The latest time both APIs' formats can show (four-digit years).
LATEST = datetime(9999, 12, 31, 23, 59, 59, tzinfo=UTC)
# How far the sandbox clock may go: a century before LATEST leaves room for
# every span a session adds to it (Plivo's int32 seconds are 68 years).
CLOCK_LIMIT = datetime(9900, 1, 1, tzinfo=UTC)


def to_micros(moment: datetime) -> int:
    """Microseconds since the epoch of an aware datetime."""
    return (moment - EPOCH) // timedelta(microseconds=1)


def from_micros(micros: int) -> datetime:
    """The aware UTC datetime of ``micros`` microseconds since the epoch."""
    return EPOCH + timedelta(microseconds=micros)


def check_showable(name: str, micros: int) -> int:
    """``micros`` if it is a time the APIs can show; a BadRequest naming ``name`` otherwise.

    A stored time past year 9999 could never be formatted again: every read
    and list of it would fail, so such a session is refused before it is stored.
    """
    if micros > to_micros(LATEST):
        raise BadRequest(
            f"{name}: the session would end after {LATEST:%Y-%m-%d %H:%M:%S} UTC,"
            " the latest time the API can show; use a shorter time"
        )
    return micros


def whole_seconds(micros: int) -> int:
    """``micros`` truncated to a whole second: masking times have no fraction."""
    return micros - micros % MICROS


def masking_time(micros: int) -> str:
    """Plivo's masking timestamp, e.g. ``2024-02-01 06:28:15 +0000 UTC``."""
    return from_micros(micros).strftime("%Y-%m-%d %H:%M:%S +0000 UTC")


def iso_time(micros: int) -> str:
    """An RFC 3339 time in UTC with ``Z``, as the control API shows times."""
    return from_micros(micros).isoformat().replace("+00:00", "Z")


def verify_time(micros: int) -> str:
    """Verify's RFC 3339 timestamp with microseconds and ``Z``."""
    return from_micros(micros).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
