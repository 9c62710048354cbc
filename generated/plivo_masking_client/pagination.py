"""Plivo's offset pages, one at a time or every item of every page.

A list call of a resource returns a pager: iterating it yields every item,
fetching the next page only when the current one is used up. ``pages()``
yields the pages themselves, each with its ``meta``. A resource's ``page()``
fetches a single page.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, Protocol, TypeVar

from .types import Response, Unset


class PageMeta(Protocol):
    """What every list answer's ``meta`` tells about its page."""

    @property
    def offset(self) -> int: ...
    @property
    def limit(self) -> int: ...
    @property
    def next_(self) -> str | None | Unset: ...


ItemT = TypeVar("ItemT")
MetaT = TypeVar("MetaT", bound=PageMeta)


@dataclass(frozen=True)
class Page(Generic[ItemT, MetaT]):
    """One page of a list: its items, its ``meta`` and the answer it came in."""

    items: list[ItemT]
    """The page's items, newest first."""
    meta: MetaT
    """``limit``, ``offset``, ``next``, ``previous``, and ``total_count`` where Plivo gives one."""
    raw: Response[Any]
    """Status, headers and the whole parsed body."""

    @property
    def has_next_page(self) -> bool:
        """Whether Plivo says another page follows (``meta.next`` is a URL)."""
        return bool(self.items) and isinstance(self.meta.next_, str) and bool(self.meta.next_)

    @property
    def next_offset(self) -> int:
        """The ``offset`` of the page after this one."""
        return self.meta.offset + len(self.items)

    def __iter__(self) -> Iterator[ItemT]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class SyncPager(Generic[ItemT, MetaT]):
    """Every item of a list, fetched a page at a time as iteration needs it."""

    def __init__(self, fetch: Callable[[int], Page[ItemT, MetaT]], offset: int) -> None:
        self._fetch = fetch
        self._offset = offset

    def pages(self) -> Iterator[Page[ItemT, MetaT]]:
        """Each page in turn, from the first offset asked for."""
        page = self._fetch(self._offset)
        yield page
        while page.has_next_page:
            page = self._fetch(page.next_offset)
            yield page

    def __iter__(self) -> Iterator[ItemT]:
        for page in self.pages():
            yield from page.items


class AsyncPager(Generic[ItemT, MetaT]):
    """``SyncPager`` for the async client: ``async for`` over every item, or ``pages()``."""

    def __init__(self, fetch: Callable[[int], Awaitable[Page[ItemT, MetaT]]], offset: int) -> None:
        self._fetch = fetch
        self._offset = offset

    async def pages(self) -> AsyncIterator[Page[ItemT, MetaT]]:
        """Each page in turn, from the first offset asked for."""
        page = await self._fetch(self._offset)
        yield page
        while page.has_next_page:
            page = await self._fetch(page.next_offset)
            yield page

    async def __aiter__(self) -> AsyncIterator[ItemT]:
        async for page in self.pages():
            for item in page.items:
                yield item
