"""The lists' filters: times (``created_time__gte=...``) and numbers as ranges."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.times import to_micros

# The five forms every list filter comes in (``x``, ``x__gt``, ...).
COMPARISONS = ("", "__gt", "__gte", "__lt", "__lte")

_FILTER_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$",
)


def parse_filter_time(name: str, value: Any) -> int:
    """Parse a list filter's ``YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`` (UTC) to microseconds."""
    text = value if isinstance(value, str) else None
    match = _FILTER_TIME.fullmatch(text) if text is not None else None
    if match is None:
        raise BadRequest(
            f"{name}: {value!r} is not a time in the format YYYY-MM-DD HH:MM[:ss[.uuuuuu]]"
        )
    year, month, day, hour, minute, second, fraction = match.groups()
    try:
        moment = datetime(
            int(year),
            int(month),
            int(day),
            int(hour),
            int(minute),
            int(second or 0),
            int((fraction or "0").ljust(6, "0")),
            tzinfo=UTC,
        )
    except ValueError as exc:
        raise BadRequest(f"{name}: {value!r} is not a valid date and time ({exc})") from None
    return to_micros(moment)


@dataclass(frozen=True)
class Range:
    """Bounds on one value from the five filter forms; ``None`` means unbounded."""

    lower: int | None = None
    lower_inclusive: bool = True
    upper: int | None = None
    upper_inclusive: bool = True

    @property
    def bounded(self) -> bool:
        """Whether any of the five forms was given."""
        return self.lower is not None or self.upper is not None

    def intersect(self, other: Range) -> Range:
        """The values within both ranges."""
        pairs: list[tuple[str, int]] = []
        for bounds in (self, other):
            if bounds.lower is not None:
                pairs.append(("__gte" if bounds.lower_inclusive else "__gt", bounds.lower))
            if bounds.upper is not None:
                pairs.append(("__lte" if bounds.upper_inclusive else "__lt", bounds.upper))
        return _combine(pairs)

    def tighten(self, lower: int | None = None, upper: int | None = None) -> Range:
        """The range further limited to ``[lower, upper]`` (inclusive)."""
        result = self
        if lower is not None and (result.lower is None or lower > result.lower):
            result = Range(lower, True, result.upper, result.upper_inclusive)
        if upper is not None and (result.upper is None or upper < result.upper):
            result = Range(result.lower, result.lower_inclusive, upper, True)
        return result


def _combine(ranges: list[tuple[str, int]]) -> Range:
    """Fold ``(form, value)`` pairs into one Range, keeping the strictest bound."""
    result = Range()
    for form, value in ranges:
        if form in ("", "__gt", "__gte"):
            inclusive = form != "__gt"
            if (
                result.lower is None
                or value > result.lower
                or (value == result.lower and not inclusive)
            ):
                result = Range(value, inclusive, result.upper, result.upper_inclusive)
        if form in ("", "__lt", "__lte"):
            inclusive = form != "__lt"
            if (
                result.upper is None
                or value < result.upper
                or (value == result.upper and not inclusive)
            ):
                result = Range(result.lower, result.lower_inclusive, value, inclusive)
    return result


def time_range(query: Mapping[str, Any], field: str) -> Range:
    """The Range the five ``field`` time filters of ``query`` describe."""
    pairs = [
        (form, parse_filter_time(field + form, query[field + form]))
        for form in COMPARISONS
        if query.get(field + form) is not None
    ]
    return _combine(pairs)


def int_range(query: Mapping[str, Any], field: str) -> Range:
    """The Range the five ``field`` integer filters of ``query`` describe."""
    pairs: list[tuple[str, int]] = []
    for form in COMPARISONS:
        value = query.get(field + form)
        if value is None:
            continue
        if isinstance(value, str) and value.isascii() and value.isdigit():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise BadRequest(f"{field + form}: {value!r} is not a whole number of seconds >= 0")
        pairs.append((form, value))
    return _combine(pairs)
