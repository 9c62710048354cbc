"""Offset pagination and search windows shared by the two list operations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.filters import Range
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.core.times import MICROS

_PAGING = ("limit", "offset")


def filter_names(spec: ApiSpec, path: str, method: str) -> list[str]:
    """The query parameters of an operation other than limit/offset, in spec order."""
    operation = spec.document["paths"][path][method]
    names = [spec.resolve(param)["name"] for param in operation.get("parameters", [])]
    return [name for name in names if name not in _PAGING]


@dataclass(frozen=True)
class Page:
    """Which slice of a result list to answer (the store applies it in SQL)."""

    limit: int
    offset: int

    @classmethod
    def from_query(cls, spec: ApiSpec, query: Mapping[str, Any]) -> Page:
        """``limit`` and ``offset`` of an already checked ``query``, or the spec's defaults."""
        limit = query.get("limit", spec.parameter("Limit")["schema"]["default"])
        offset = query.get("offset", spec.parameter("Offset")["schema"]["default"])
        return cls(limit=int(limit), offset=int(offset))

    def meta(self, base: str, filters: Sequence[tuple[str, Any]], total: int) -> dict[str, Any]:
        """``{limit, offset, next, previous}``: neighbouring pages as relative URLs, or None."""

        def url(offset: int) -> str:
            pairs = [(key, str(value)) for key, value in filters]
            pairs += [("limit", str(self.limit)), ("offset", str(offset))]
            return f"{base}?{urlencode(pairs)}"

        has_next = self.offset + self.limit < total
        return {
            "limit": self.limit,
            "offset": self.offset,
            "next": url(self.offset + self.limit) if has_next else None,
            "previous": url(max(self.offset - self.limit, 0)) if self.offset > 0 else None,
        }


def echo_filters(query: Mapping[str, Any], names: Sequence[str]) -> list[tuple[str, Any]]:
    """The filters of ``query`` to repeat in next/previous URLs, in spec order."""
    return [(name, query[name]) for name in names if query.get(name) is not None]


@dataclass(frozen=True)
class SearchWindow:
    """A list's time windows, from its operation's ``x-plivo-search-window`` (seconds)."""

    default_us: int  # searched when the query gives no time bound
    retention_us: int  # older sessions are never listed
    max_us: int | None = None  # the widest window a time filter may span, if limited

    @classmethod
    def of(cls, spec: ApiSpec, path: str) -> SearchWindow:
        """The windows openapi.yaml documents for the list at ``path``."""
        window = spec.operation(path, "get")["x-plivo-search-window"]
        widest = window.get("max")
        return cls(
            default_us=window["default"] * MICROS,
            retention_us=window["retention"] * MICROS,
            max_us=None if widest is None else widest * MICROS,
        )

    def check(self, field: str, bounds: Range, now_us: int) -> None:
        """Refuse a filter window wider than ``max``.

        A missing upper bound means now; a missing lower one, upper - ``default``.
        """
        if self.max_us is None or not bounds.bounded:
            return
        upper = bounds.upper if bounds.upper is not None else now_us
        lower = bounds.lower if bounds.lower is not None else upper - self.default_us
        if upper - lower > self.max_us:
            day = 86400 * MICROS
            raise BadRequest(
                f"{field}: the search window spans {(upper - lower) / day:.1f} days; at most"
                f" {self.max_us // day} days are allowed (a missing upper bound means now)"
            )
