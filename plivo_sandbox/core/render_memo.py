"""Stored sessions rendered once per version: what makes a list cost its page, not its rows' Python.

A list page re-reads the same rows again and again while they rarely change.
Decoding a row's JSON, building its record and rendering Plivo's object took
45 µs a row (bench/PROFILE.md), nine tenths of a list's time. The memo keys
each rendering by the row's stored JSON text: any write, by any worker,
stores a new text, so a stale rendering is never found, and nothing needs
invalidating across processes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Generic, TypeVar

R = TypeVar("R")

# Renderings kept per service and process: a hundred pages of 20.
MEMO_SIZE = 2000


class RenderMemo(Generic[R]):
    """The rendering of stored records by their JSON text and their status now.

    ``render(record, now_us)`` must depend on the time only through
    ``status(record, now_us)`` (a session's ``active``/``expired``): the
    memo keeps one rendering per status it has seen.
    """

    def __init__(
        self,
        parse: Callable[[dict[str, Any]], R],
        status: Callable[[R, int], str],
        render: Callable[[R, int], dict[str, Any]],
        size: int = MEMO_SIZE,
    ) -> None:
        self._parse = parse
        self._status = status
        self._render = render
        self._size = size
        self._entries: dict[str, tuple[R, dict[str, dict[str, Any]]]] = {}

    def render(self, data: str, now_us: int) -> dict[str, Any]:
        """The object of the record stored as ``data``, at ``now_us`` (the caller's own copy)."""
        entry = self._entries.get(data)
        if entry is None:
            if len(self._entries) >= self._size:
                del self._entries[next(iter(self._entries))]  # the oldest entry
            entry = self._entries[data] = (self._parse(json.loads(data)), {})
        record, by_status = entry
        status = self._status(record, now_us)
        rendered = by_status.get(status)
        if rendered is None:
            rendered = by_status[status] = self._render(record, now_us)
        # Nested lists and objects are shared: callers only add or replace top-level keys.
        return dict(rendered)
