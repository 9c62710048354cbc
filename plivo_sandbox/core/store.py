"""The store's interface: what the services read and write, and nothing of SQL.

``Store`` opens transactions; a ``Transaction`` reads and writes sessions
(``Row``), the clock offset, rate-limit hits, the outbox of callbacks and the
timers of future events. A service describes what it wants (``RowQuery``,
``HoldQuery``) and never loads more sessions than it shows. ``SqliteStore``
(``sqlite.py``) is the one implementation.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field, fields
from typing import Any, ClassVar, Literal, Protocol, Self, get_args

from plivo_sandbox.core.filters import Range

Kind = Literal["masking", "verify"]

# The attributes list filters compare for equality, each stored in a column of
# the same name; each mirrors the record field of that name in ``Row.data``
# (which is how a file of schema 1 gets them). ``verified`` is 0 or 1.
Attribute = Literal[
    "first_party",
    "second_party",
    "app_uuid",
    "brand_name",
    "app_hash",
    "country",
    "alias",
    "verified",
]
ATTRIBUTES: tuple[Attribute, ...] = get_args(Attribute)
# The attributes naming the parties of a masking session, for ``HoldQuery``.
PARTY_ATTRIBUTES: tuple[Attribute, ...] = ("first_party", "second_party")
UNBOUNDED = Range()


class StoreBusy(Exception):
    """The database is locked by someone else beyond the lock timeout: nothing was written.

    The store knows nothing of HTTP; the HTTP edge answers it with a 503 and
    ``Retry-After`` (``http/endpoints.py``), callback delivery tries again.
    """

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class Row:
    """One stored session: indexed columns plus the whole record as JSON ``data``."""

    kind: Kind
    uuid: str
    owner: str  # auth_id of the account the session belongs to
    root: str  # the main account of ``owner`` (``owner`` itself for a main account)
    created_us: int
    expiry_us: int  # masking: session expiry; verify: OTP expiry
    release_us: int  # masking: expiry + cool-off, until when the number stays held
    number: str  # masking: the virtual number; verify: the recipient
    data: dict[str, Any] = field(default_factory=dict)
    seq: int = 0  # insertion order, assigned by the store
    attributes: dict[Attribute, str | int] = field(default_factory=dict)  # for list filters
    # ``data`` as stored (JSON text), when the row was read: what RenderMemo keys on.
    text: str = field(default="", compare=False, repr=False)


CallbackState = Literal["pending", "delivered", "failed", "blocked"]
CALLBACK_STATES: tuple[CallbackState, ...] = get_args(CallbackState)


@dataclass(frozen=True)
class Callback:
    """One event to deliver to a user's URL (signed with ``owner``'s Auth Token).

    A service adds it with ``Transaction.add_callback`` in the same transaction
    as the state change it reports, so an event is never lost nor sent for a
    change that was rolled back.
    """

    session_uuid: str
    owner: str  # auth_id of the session's account (a subaccount or a main account)
    kind: str  # "masking-session" | "masking-recording" | "verify-status"
    event: str  # what it is, for the log: EventName, or Verify's ChannelStatus
    url: str
    method: str  # "GET" | "POST"
    fields: Mapping[str, str]  # every value already a string, exactly as sent
    due_us: int  # sandbox time (µs) from which it may be sent (usually "now")


@dataclass(frozen=True)
class Delivery:
    """A stored callback and how its delivery went (written by the delivery loop)."""

    id: int
    callback: Callback
    state: CallbackState
    next_us: int | None  # sandbox time of the next attempt while ``pending``
    attempts: tuple[Mapping[str, Any], ...] = ()  # as recorded by ``record_attempt``
    headers: Mapping[str, str] = field(default_factory=dict)  # the last signature headers
    reason: str = ""  # why it is ``blocked`` or ``failed``
    # The lease when read (real time, µs; 0: none). A claim that finds one
    # (lapsed) takes over an attempt whose outcome was never recorded.
    lease_us: int = 0


class StoredRecord:
    """Base of the services' record dataclasses, which a ``Row`` keeps whole in ``data``."""

    __dataclass_fields__: ClassVar[dict[str, Any]]

    @classmethod
    def from_row(cls, row: Row) -> Self:
        """The record stored in ``row``."""
        return cls.from_data(row.data)

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Self:
        """The record stored as ``data`` (keys that are not fields are ignored)."""
        names = _field_names(cls)
        return cls(**{key: value for key, value in data.items() if key in names})

    def to_data(self) -> dict[str, Any]:
        """The record's fields, to store as JSON.

        Not ``dataclasses.asdict``: it deep-copies every nested value, a
        third of an update's time, for a dict that is written out at once.
        """
        return {name: getattr(self, name) for name in _field_names(type(self))}


def _field_names(cls: type) -> dict[str, None]:
    """The dataclass's field names, in order (a dict: ordered, and quick to test membership)."""
    names = _FIELD_NAMES.get(cls)
    if names is None:  # fields() is slow: once per class, not once per row
        names = _FIELD_NAMES[cls] = dict.fromkeys(f.name for f in fields(cls))
    return names


_FIELD_NAMES: dict[type, dict[str, None]] = {}


@dataclass(frozen=True)
class RowQuery:
    """Which sessions ``Transaction.select`` and ``count`` cover; defaults mean no condition."""

    kind: Kind
    root: str | None = None
    owner: str | None = None
    number: str | None = None
    created: Range = UNBOUNDED  # on created_us
    expiry: Range = UNBOUNDED  # on expiry_us
    duration: Range = UNBOUNDED  # on the whole seconds from created_us to expiry_us
    equal: Mapping[Attribute, str | int] = field(default_factory=dict)


@dataclass(frozen=True)
class HoldQuery:
    """How the sessions of ``kind`` hold each of ``numbers`` at ``now_us``.

    A session is live while ``now_us < expiry_us`` and holds its number until
    ``release_us``; ``parties`` are those of a session that wants a number.
    """

    kind: Kind
    numbers: Sequence[str]
    parties: Collection[str]
    now_us: int
    excluding: str | None = None  # the uuid of a session to leave out


@dataclass(frozen=True)
class NumberUse:
    """What ``Transaction.holds`` tells about one number."""

    number: str
    last_created_us: int | None  # created_us of the latest session it served, if any
    cooling: bool  # an ended session still holds it (its cool-off period runs)
    # The parties (PARTY_ATTRIBUTES, "" left out) of each live session on the
    # number that has one of the query's parties, newest first.
    sharers: tuple[frozenset[str], ...] = ()


class Transaction(Protocol):
    """Reads and writes inside one store transaction.

    Only the edges open transactions (``Sandbox.transaction``: the HTTP
    endpoints, the control API, the callback loop and the timers); the
    services take the one they are given.
    """

    def savepoint(self) -> AbstractContextManager[None]:
        """A step whose writes are all undone if it raises; the transaction goes on."""

    def get(self, kind: Kind, uuid: str) -> Row | None:
        """The session ``uuid`` of ``kind``, or None."""

    def insert(self, row: Row) -> Row:
        """Add a new session; returns it with its ``seq``."""

    def update(self, row: Row) -> None:
        """Replace the stored session ``row.uuid``."""

    def select(self, query: RowQuery, limit: int | None = None, offset: int = 0) -> list[Row]:
        """Sessions matching ``query``, newest first (created, then insertion order), paged."""

    def select_data(self, query: RowQuery, limit: int | None = None, offset: int = 0) -> list[str]:
        """As ``select``, only each session's stored JSON ``data`` (undecoded, for a read)."""

    def count(self, query: RowQuery) -> int:
        """How many sessions match ``query``."""

    def holds(self, query: HoldQuery) -> dict[str, NumberUse]:
        """For each of ``query.numbers``, how stored sessions hold it."""

    def get_setting(self, key: str) -> str | None:
        """A stored setting, or None."""

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting."""

    def record_hit(self, key: str, now_us: int, window_us: int, limit: int) -> bool:
        """Count a request under ``key``; False (uncounted) if ``limit`` hits lie in the window."""

    def add_callback(self, callback: Callback) -> int:
        """Queue ``callback`` for delivery; returns its id."""

    def claim_callbacks(
        self, now_us: int, real_us: int, lease_us: int, limit: int
    ) -> list[Delivery]:
        """Take up to ``limit`` due callbacks, each the oldest pending one of its URL.

        A callback is due once ``next_us <= now_us`` (sandbox time). Claiming
        leases it until ``real_us + lease_us`` (real time, which every process
        shares): no other claim returns it, nor a later callback to the same URL,
        until ``record_attempt`` ends the lease or it lapses.
        """

    def record_attempt(
        self,
        callback_id: int,
        *,
        state: CallbackState,
        next_us: int | None,
        attempt: Mapping[str, Any] | None,
        headers: Mapping[str, str],
        reason: str = "",
        claim: int | None = None,
    ) -> None:
        """Store an attempt's outcome (``attempt`` None: blocked, none made); end the lease.

        ``claim`` is the lease the attempt was made under (its end, as the claim
        set it). When a later claim has taken the callback over meanwhile (this
        one lapsed), the attempt is still added, but the state is left to that
        claim, except that a 200 delivers. A delivered callback stays delivered.
        """

    def next_callback_us(self, real_us: int) -> int | None:
        """The earliest ``next_us`` of an unleased callback heading its URL's queue, or None."""

    def present_callbacks(self, ids: Collection[int]) -> set[int]:
        """Those of ``ids`` still stored (a reset forgets them all)."""

    def select_callbacks(
        self, session_uuid: str | None = None, state: CallbackState | None = None
    ) -> list[Delivery]:
        """Stored callbacks in the order they were added, optionally filtered."""

    def set_timer(self, kind: Kind, session_uuid: str, due_us: int) -> None:
        """Schedule the timer of session ``session_uuid`` at ``due_us``, replacing any."""

    def clear_timer(self, kind: Kind, session_uuid: str) -> None:
        """Cancel the timer of session ``session_uuid`` (no-op without one)."""

    def due_timers(self, now_us: int, limit: int) -> list[tuple[Kind, str]]:
        """Up to ``limit`` timers due at ``now_us`` (``due_us <= now_us``), earliest first."""

    def clear(self) -> None:
        """Forget everything: sessions, settings, hits, callbacks, timers (not the schema)."""


class Store(Protocol):
    """The sandbox's persistent state."""

    def transaction(
        self, write: bool = True, wait: bool = True
    ) -> AbstractContextManager[Transaction]:
        """A transaction; ``write`` ones exclude every other writer until they end.

        A write transaction opened inside another one is a savepoint: what it
        wrote is undone if it raises, and the outer transaction goes on. With
        ``wait=False`` a write that cannot have the lock at once raises
        ``StoreBusy`` instead of waiting for it.
        """

    def on_callbacks_queued(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each commit that queued a callback (in this process)."""

    def close(self) -> None:
        """Release the database."""
