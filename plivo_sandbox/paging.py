"""Offset pagination shared by the two list operations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from .spec import ApiSpec

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
