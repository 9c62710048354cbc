"""Where the sandbox keeps its state: sessions, the clock offset, rate-limit hits,
the outbox of callbacks and the timers of future events.

``Store`` is the interface the services use; ``SqliteStore`` implements it on
one SQLite file that several worker processes share (WAL mode, and every
write in a ``BEGIN IMMEDIATE`` transaction, so a read followed by a write in
one transaction cannot interleave with another worker's), or on an in-memory
database for tests.

Lists and the choice of a virtual number are answered by SQL on indexed
columns: a service describes what it wants (``RowQuery``, ``HoldQuery``) and
never loads more sessions than it shows. Writers of one process queue on a
lock before ``BEGIN IMMEDIATE``, so SQLite only arbitrates between processes.
"""

from __future__ import annotations

import json
import logging
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any, ClassVar, Literal, Protocol, Self, get_args

from .errors import Busy
from .timefmt import MICROS, Range

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

DB_FILE = "sandbox.sqlite3"
# How long a write waits for the database lock (another thread's or process's)
# before it gives up with a retryable Busy; SandboxConfig.lock_timeout overrides it.
BUSY_TIMEOUT_SECONDS = 2.0
# How often a file store's background thread copies the WAL back into the
# database. SQLite would otherwise do it inside the commit that fills the WAL,
# fsync included, and that request would wait for it: create Verify's p99 was
# 14 ms with checkpoints in the requests, 7 ms without (bench/PROFILE.md).
CHECKPOINT_INTERVAL = 0.5
# The state holds OTPs and phone numbers: private to the user who runs the sandbox.
DIR_MODE = 0o700
FILE_MODE = 0o600

SCHEMA_VERSION = 4
SCHEMA_KEY = "schema_version"
# Changes in every transaction that writes sessions (in every process): a
# count cached under one generation is the count of every snapshot of it.
GENERATION_KEY = "sessions_generation"
# How many list counts a store keeps (each a few numbers); beyond, it starts over.
COUNT_CACHE_SIZE = 1024

log = logging.getLogger(__name__)

UNBOUNDED = Range()


# SQLite's largest integer: the highest OFFSET a query can take.
_SQLITE_MAX_INTEGER = 2**63 - 1


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
    """Reads and writes inside one store transaction."""

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
        ``Busy`` instead of waiting for it.
        """

    def on_callbacks_queued(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each commit that queued a callback (in this process)."""

    def close(self) -> None:
        """Release the database."""


# ---------------------------------------------------------------------- schema

# Schema 1 had the sessions table up to ``number`` and ``data``; schema 2 adds
# the filter columns (``duration_s`` and the attributes) and the indexes below;
# schema 3 adds the callbacks (the outbox) and timers tables; schema 4 indexes only
# the sessions with a cool-off for the cool-off check (sessions_cooling).
_ADDED_COLUMNS = (
    "duration_s INTEGER NOT NULL DEFAULT 0",
    "first_party TEXT",
    "second_party TEXT",
    "app_uuid TEXT",
    "brand_name TEXT",
    "app_hash TEXT",
    "country TEXT",
    "alias TEXT",
    "verified INTEGER",
)

_TABLES = (
    """CREATE TABLE IF NOT EXISTS sessions (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL,
        uuid TEXT NOT NULL,
        owner TEXT NOT NULL,
        root TEXT NOT NULL,
        created_us INTEGER NOT NULL,
        expiry_us INTEGER NOT NULL,
        release_us INTEGER NOT NULL,
        number TEXT NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (kind, uuid)
    )""",
    "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS hits (key TEXT NOT NULL, at_us INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS hits_by_key ON hits (key, at_us)",
    # order_us is the first due time: a URL's queue keeps that order while
    # next_us (the next attempt) moves with retries. lease_us is real time.
    """CREATE TABLE IF NOT EXISTS callbacks (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        session_uuid TEXT NOT NULL,
        owner TEXT NOT NULL,
        kind TEXT NOT NULL,
        event TEXT NOT NULL,
        url TEXT NOT NULL,
        method TEXT NOT NULL,
        fields TEXT NOT NULL,
        order_us INTEGER NOT NULL,
        next_us INTEGER,
        state TEXT NOT NULL,
        attempts TEXT NOT NULL DEFAULT '[]',
        headers TEXT NOT NULL DEFAULT '{}',
        reason TEXT NOT NULL DEFAULT '',
        lease_us INTEGER NOT NULL DEFAULT 0
    )""",
    # Each URL's pending queue, in order; the pending ones by next attempt.
    "CREATE INDEX IF NOT EXISTS callbacks_queue ON callbacks (url, order_us, id)"
    " WHERE state = 'pending'",
    "CREATE INDEX IF NOT EXISTS callbacks_due ON callbacks (next_us) WHERE state = 'pending'",
    "CREATE INDEX IF NOT EXISTS callbacks_by_session ON callbacks (session_uuid, id)",
    """CREATE TABLE IF NOT EXISTS timers (
        kind TEXT NOT NULL,
        session_uuid TEXT NOT NULL,
        due_us INTEGER NOT NULL,
        PRIMARY KEY (kind, session_uuid)
    )""",
    "CREATE INDEX IF NOT EXISTS timers_due ON timers (due_us)",
)

# Lists walk the caller's scope backwards in (created_us, seq) order; expiry_us
# rides along so that counting by status reads the index only.
_INDEXES = (
    "CREATE INDEX sessions_by_root ON sessions (kind, root, created_us, seq, expiry_us)",
    "CREATE INDEX sessions_by_owner ON sessions (kind, owner, created_us, seq, expiry_us)",
    # Lists by virtual number/recipient; a number's latest session.
    "CREATE INDEX sessions_by_number ON sessions (kind, number, created_us)",
    # Ended sessions still holding a number (cool-off). Only sessions with a
    # cool-off can hold one after they end: the index leaves the others out, so
    # the check reads a number's sessions with a cool-off, not all its live ones
    # (a create at 100,000 stored sessions took 22 times as long with them all).
    "CREATE INDEX sessions_cooling ON sessions (kind, number, release_us)"
    " WHERE release_us > expiry_us",
    # Live sessions with a given party.
    "CREATE INDEX sessions_by_first_party ON sessions (kind, first_party, created_us)",
    "CREATE INDEX sessions_by_second_party ON sessions (kind, second_party, created_us)",
)
_INDEX_NAMES = tuple(statement.split()[2] for statement in _INDEXES)
# Indexes of earlier schemas, dropped on migration.
_RETIRED_INDEXES = ("sessions_holding",)

_SET_SETTING = (
    "INSERT INTO settings (key, value) VALUES (?, ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)

_COLUMNS = (
    "seq, kind, uuid, owner, root, created_us, expiry_us, release_us, number, data, "
    + ", ".join(ATTRIBUTES)
)


def _schema_version(conn: sqlite3.Connection) -> int:
    """0 for an empty database, 1 for a file from before versioning, else the stored one."""
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    if "settings" in tables:
        found = conn.execute("SELECT value FROM settings WHERE key = ?", (SCHEMA_KEY,)).fetchone()
        if found is not None:
            return int(found[0])
    return 1 if "sessions" in tables else 0


def _prepare(conn: sqlite3.Connection, path: Path | None) -> None:
    """Create the schema, or bring an older file up to ``SCHEMA_VERSION`` (inside a write tx)."""
    version = _schema_version(conn)
    if version > SCHEMA_VERSION:
        raise RuntimeError(
            f"{path}: schema version {version} is newer than this sandbox's ({SCHEMA_VERSION});"
            " upgrade the sandbox or use another --data-dir"
        )
    if version == SCHEMA_VERSION:
        return
    for statement in _TABLES:
        conn.execute(statement)
    if version < 2:
        for column in _ADDED_COLUMNS:
            conn.execute(f"ALTER TABLE sessions ADD COLUMN {column}")
    if version == 1:
        # The attributes are the record fields of the same name.
        conn.execute(
            "UPDATE sessions SET duration_s = (expiry_us - created_us) / ?, "
            + ", ".join(f"{name} = json_extract(data, '$.{name}')" for name in ATTRIBUTES),
            (MICROS,),
        )
        (count,) = conn.execute("SELECT COUNT(*) FROM sessions").fetchone()
        log.warning(
            "%s: migrated %d session(s) from schema 1 to schema %d (added filter columns"
            " and indexes)",
            path,
            count,
            SCHEMA_VERSION,
        )
    elif version == 2:
        log.warning(
            "%s: migrated from schema 2 to schema %d (added the callbacks and timers tables)",
            path,
            SCHEMA_VERSION,
        )
    elif version == 3:
        log.warning(
            "%s: migrated from schema 3 to schema %d (an index of the sessions with a cool-off)",
            path,
            SCHEMA_VERSION,
        )
    for name in (*_INDEX_NAMES, *_RETIRED_INDEXES):
        conn.execute(f"DROP INDEX IF EXISTS {name}")
    for statement in _INDEXES:
        conn.execute(statement)
    conn.execute(_SET_SETTING, (SCHEMA_KEY, str(SCHEMA_VERSION)))


# ---------------------------------------------------------------------- queries


def _row(record: sqlite3.Row | tuple[Any, ...]) -> Row:
    seq, kind, uuid, owner, root, created_us, expiry_us, release_us, number, data = record[:10]
    return Row(
        kind=kind,
        uuid=uuid,
        owner=owner,
        root=root,
        created_us=created_us,
        expiry_us=expiry_us,
        release_us=release_us,
        number=number,
        data=json.loads(data),
        text=data,
        seq=seq,
        attributes={
            name: value
            for name, value in zip(ATTRIBUTES, record[10:], strict=True)
            if value is not None
        },
    )


def _values(row: Row) -> list[Any]:
    """The stored columns of ``row`` after kind and uuid, in ``_WRITTEN`` order."""
    unknown = set(row.attributes) - set(ATTRIBUTES)
    if unknown:
        raise ValueError(f"not a stored attribute: {sorted(unknown)}")
    return [
        row.owner,
        row.root,
        row.created_us,
        row.expiry_us,
        row.release_us,
        row.number,
        (row.expiry_us - row.created_us) // MICROS,
        json.dumps(row.data),
        *(row.attributes.get(name) for name in ATTRIBUTES),
    ]


def _stored_values(record: sqlite3.Row | tuple[Any, ...]) -> list[Any]:
    """What ``_values`` gave for a row read back as ``_COLUMNS`` (to compare, not decode)."""
    owner, root, created_us, expiry_us, release_us, number, data = record[3:10]
    return [
        *(owner, root, created_us, expiry_us, release_us, number),
        (expiry_us - created_us) // MICROS,
        data,
        *record[10:],
    ]


_WRITTEN = (
    "owner",
    "root",
    "created_us",
    "expiry_us",
    "release_us",
    "number",
    "duration_s",
    "data",
    *ATTRIBUTES,
)


_CALLBACK_COLUMNS = (
    "id, session_uuid, owner, kind, event, url, method, fields, order_us, next_us, state,"
    " attempts, headers, reason, lease_us"
)


# A pending callback ``c`` that no other pending callback to its URL precedes.
_HEAD_OF_QUEUE = (
    "NOT EXISTS (SELECT 1 FROM callbacks AS e WHERE e.state = 'pending' AND e.url = c.url"
    " AND (e.order_us < c.order_us OR (e.order_us = c.order_us AND e.id < c.id)))"
)


def _delivery(record: sqlite3.Row | tuple[Any, ...]) -> Delivery:
    (ident, session_uuid, owner, kind, event, url, method, fields_json, order_us) = record[:9]
    next_us, state, attempts, headers, reason, lease_us = record[9:]
    return Delivery(
        id=ident,
        callback=Callback(
            session_uuid=session_uuid,
            owner=owner,
            kind=kind,
            event=event,
            url=url,
            method=method,
            fields=json.loads(fields_json),
            due_us=order_us,
        ),
        state=state,
        next_us=next_us,
        attempts=tuple(json.loads(attempts)),
        headers=json.loads(headers),
        reason=reason,
        lease_us=lease_us,
    )


def _marks(count: int) -> str:
    return ", ".join("?" * count)


def _bounds(column: str, bounds: Range) -> list[tuple[str, int]]:
    """SQL conditions (with their parameter) that keep ``column`` inside ``bounds``."""
    conditions = []
    if bounds.lower is not None:
        conditions.append((f"{column} {'>=' if bounds.lower_inclusive else '>'} ?", bounds.lower))
    if bounds.upper is not None:
        conditions.append((f"{column} {'<=' if bounds.upper_inclusive else '<'} ?", bounds.upper))
    return conditions


def _where(query: RowQuery) -> tuple[str, list[Any]]:
    """The WHERE clause of ``query`` and its parameters."""
    conditions: list[tuple[str, Any]] = [("kind = ?", query.kind)]
    for column, given in (("root", query.root), ("owner", query.owner), ("number", query.number)):
        if given is not None:
            conditions.append((f"{column} = ?", given))
    conditions += _bounds("created_us", query.created)
    conditions += _bounds("expiry_us", query.expiry)
    conditions += _bounds("duration_s", query.duration)
    for name, value in query.equal.items():
        if name not in ATTRIBUTES:
            raise ValueError(f"not a stored attribute: {name!r}")
        conditions.append((f"{name} = ?", value))
    return " AND ".join(clause for clause, _ in conditions), [value for _, value in conditions]


def _closed_lower(bounds: Range) -> int | None:
    """The smallest integer inside ``bounds``'s lower bound (None: unbounded)."""
    if bounds.lower is None:
        return None
    return bounds.lower if bounds.lower_inclusive else bounds.lower + 1


# A count kept for later lists: (generation, closed lower bound on created_us, count).
_Counted = tuple[int, int, int]


class _SqliteTransaction:
    """``Transaction`` over one SQLite connection with a transaction open."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        write: bool = True,
        counts: dict[tuple[Any, ...], _Counted] | None = None,
    ) -> None:
        self.conn = conn
        self.write = write
        self.counts: dict[tuple[Any, ...], _Counted] = {} if counts is None else counts
        self._bumped = False
        self.queued = False  # a callback was added: wake the delivery loop on commit
        # The stored columns (``_WRITTEN`` order) of each session ``get`` read:
        # ``update`` writes only the columns that changed.
        self._stored: dict[tuple[str, str], list[Any]] = {}

    def _changed_sessions(self) -> None:
        """Move the sessions' generation on (once per transaction): cached counts lapse."""
        if not self._bumped:
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, '1') ON CONFLICT (key)"
                " DO UPDATE SET value = CAST(value AS INTEGER) + 1",
                (GENERATION_KEY,),
            )
            self._bumped = True

    def _generation(self) -> int:
        found = self.conn.execute(
            "SELECT value FROM settings WHERE key = ?", (GENERATION_KEY,)
        ).fetchone()
        return 0 if found is None else int(found[0])

    def _full_count(self, query: RowQuery) -> int:
        where, params = _where(query)
        (total,) = self.conn.execute(
            f"SELECT COUNT(*) FROM sessions WHERE {where}", params
        ).fetchone()
        return int(total)

    def get(self, kind: Kind, uuid: str) -> Row | None:
        found = self.conn.execute(
            f"SELECT {_COLUMNS} FROM sessions WHERE kind = ? AND uuid = ?", (kind, uuid)
        ).fetchone()
        if found is None:
            return None
        if self.write:  # a read transaction never updates: nothing to remember
            self._stored[(kind, uuid)] = _stored_values(found)
        return _row(found)

    def insert(self, row: Row) -> Row:
        self._changed_sessions()
        cursor = self.conn.execute(
            f"INSERT INTO sessions (kind, uuid, {', '.join(_WRITTEN)})"
            f" VALUES ({_marks(2 + len(_WRITTEN))})",
            [row.kind, row.uuid, *_values(row)],
        )
        return replace(row, seq=cursor.lastrowid or 0)

    def update(self, row: Row) -> None:
        values = _values(row)
        stored = self._stored.get((row.kind, row.uuid))
        changed = [
            (name, value)
            for index, (name, value) in enumerate(zip(_WRITTEN, values, strict=True))
            if stored is None or stored[index] != value
        ]
        if not changed:
            return
        # Each indexed column in SET rewrites its index entries, changed or not:
        # an update that sets all of them costs seven times one that sets `data`.
        self._changed_sessions()
        self.conn.execute(
            f"UPDATE sessions SET {', '.join(f'{name} = ?' for name, _ in changed)}"
            " WHERE kind = ? AND uuid = ?",
            [*(value for _, value in changed), row.kind, row.uuid],
        )
        self._stored[(row.kind, row.uuid)] = values

    def select(self, query: RowQuery, limit: int | None = None, offset: int = 0) -> list[Row]:
        return [_row(item) for item in self._page(_COLUMNS, query, limit, offset)]

    def select_data(self, query: RowQuery, limit: int | None = None, offset: int = 0) -> list[str]:
        return [data for (data,) in self._page("data", query, limit, offset)]

    def _page(
        self, columns: str, query: RowQuery, limit: int | None, offset: int
    ) -> list[tuple[Any, ...]]:
        where, params = _where(query)
        found: list[tuple[Any, ...]] = self.conn.execute(
            f"SELECT {columns} FROM sessions WHERE {where}"
            " ORDER BY created_us DESC, seq DESC LIMIT ? OFFSET ?",
            # SQLite integers are 64-bit; any larger offset lies past the last row anyway.
            [*params, -1 if limit is None else limit, min(offset, _SQLITE_MAX_INTEGER)],
        ).fetchall()
        return found

    def count(self, query: RowQuery) -> int:
        # A list's lower bound on created_us follows the clock (now - window), so
        # the same list never asks the same count twice. Counting walks every
        # matching index entry (16 ms at 100,000 sessions); instead, while no
        # session changed (same generation), the last count of the same list is
        # corrected by the sessions between its lower bound and this one: an
        # index range of the few sessions created in between.
        lower = _closed_lower(query.created)
        if lower is None:
            return self._full_count(query)
        # Everything but the lower bound on created_us.
        key = (
            query.kind,
            query.root,
            query.owner,
            query.number,
            query.expiry,
            query.duration,
            query.created.upper,
            query.created.upper_inclusive,
            tuple(sorted(query.equal.items())),
        )
        generation = self._generation()
        kept = self.counts.get(key)
        if kept is None or kept[0] != generation:
            total = self._full_count(query)
        else:
            _, kept_lower, kept_total = kept
            low, high = sorted((kept_lower, lower))
            between = 0
            if low != high:
                upper = Range(
                    upper=query.created.upper, upper_inclusive=query.created.upper_inclusive
                )
                gap = Range(low, True, high, False).intersect(upper)
                between = self._full_count(replace(query, created=gap))
            total = kept_total - between if lower > kept_lower else kept_total + between
        if len(self.counts) >= COUNT_CACHE_SIZE:
            self.counts.clear()
        self.counts[key] = (generation, lower, total)
        return total

    def holds(self, query: HoldQuery) -> dict[str, NumberUse]:
        numbers = list(dict.fromkeys(query.numbers))
        if not numbers:
            return {}
        not_excluded = "" if query.excluding is None else " AND uuid != ?"
        excluded = [] if query.excluding is None else [query.excluding]
        found = self.conn.execute(
            f"WITH pool(number) AS (VALUES {', '.join('(?)' for _ in numbers)})"
            " SELECT pool.number,"
            "  (SELECT MAX(created_us) FROM sessions"
            "    WHERE kind = ? AND number = pool.number),"
            "  EXISTS (SELECT 1 FROM sessions WHERE kind = ? AND number = pool.number"
            # The first term, as sessions_cooling's WHERE has it, lets SQLite use that index.
            "    AND release_us > expiry_us"
            f"    AND release_us > ? AND expiry_us <= ?{not_excluded})"
            " FROM pool",
            [*numbers, query.kind, query.kind, query.now_us, query.now_us, *excluded],
        ).fetchall()
        sharers: dict[str, list[frozenset[str]]] = {number: [] for number in numbers}
        parties = sorted({party for party in query.parties if party})
        if parties:
            # Found through the party indexes: a party has few sessions, a number many.
            with_party = " UNION ".join(
                f"SELECT seq FROM sessions WHERE kind = ? AND {name} IN ({_marks(len(parties))})"
                for name in PARTY_ATTRIBUTES
            )
            live = self.conn.execute(
                f"SELECT number, {', '.join(PARTY_ATTRIBUTES)} FROM sessions"
                f" WHERE seq IN ({with_party}) AND number IN ({_marks(len(numbers))})"
                f" AND expiry_us > ? AND release_us > ?{not_excluded}"
                " ORDER BY created_us DESC, seq DESC",
                [
                    *[value for _ in PARTY_ATTRIBUTES for value in (query.kind, *parties)],
                    *numbers,
                    query.now_us,
                    query.now_us,
                    *excluded,
                ],
            ).fetchall()
            for number, *held in live:
                sharers[number].append(frozenset(party for party in held if party))
        return {
            number: NumberUse(
                number=number,
                last_created_us=None if latest is None else int(latest),
                cooling=bool(cooling),
                sharers=tuple(sharers[number]),
            )
            for number, latest, cooling in found
        }

    def get_setting(self, key: str) -> str | None:
        found = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if found is None else str(found[0])

    def set_setting(self, key: str, value: str) -> None:
        self.conn.execute(_SET_SETTING, (key, value))

    def record_hit(self, key: str, now_us: int, window_us: int, limit: int) -> bool:
        self.conn.execute(
            "DELETE FROM hits WHERE key = ? AND at_us <= ?", (key, now_us - window_us)
        )
        (count,) = self.conn.execute("SELECT COUNT(*) FROM hits WHERE key = ?", (key,)).fetchone()
        if count >= limit:
            return False
        self.conn.execute("INSERT INTO hits (key, at_us) VALUES (?, ?)", (key, now_us))
        return True

    def add_callback(self, callback: Callback) -> int:
        self.queued = True
        cursor = self.conn.execute(
            "INSERT INTO callbacks (session_uuid, owner, kind, event, url, method, fields,"
            " order_us, next_us, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'pending')",
            (
                callback.session_uuid,
                callback.owner,
                callback.kind,
                callback.event,
                callback.url,
                callback.method,
                json.dumps(dict(callback.fields)),
                callback.due_us,
                callback.due_us,
            ),
        )
        return cursor.lastrowid or 0

    def claim_callbacks(
        self, now_us: int, real_us: int, lease_us: int, limit: int
    ) -> list[Delivery]:
        # The head of each URL's queue, if due and not leased; a leased or
        # waiting head holds back the rest of its URL.
        found = self.conn.execute(
            f"SELECT {_CALLBACK_COLUMNS} FROM callbacks AS c"
            f" WHERE state = 'pending' AND next_us <= ? AND lease_us <= ? AND {_HEAD_OF_QUEUE}"
            " ORDER BY next_us, id LIMIT ?",
            (now_us, real_us, limit),
        ).fetchall()
        claimed = [_delivery(item) for item in found]
        self.conn.executemany(
            "UPDATE callbacks SET lease_us = ? WHERE id = ?",
            [(real_us + lease_us, item.id) for item in claimed],
        )
        return claimed

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
        found = self.conn.execute(
            "SELECT attempts, state, lease_us FROM callbacks WHERE id = ?", (callback_id,)
        ).fetchone()
        if found is None:  # forgotten by a reset while it was being sent
            return
        attempts = json.loads(found[0])
        if attempt is not None:
            attempts.append(dict(attempt))
        ours = claim is None or found[2] == claim
        if found[1] == "delivered" or (not ours and state != "delivered"):
            # Only the attempt is added: the state belongs to the delivery or the newer claim.
            self.conn.execute(
                "UPDATE callbacks SET attempts = ? WHERE id = ?",
                (json.dumps(attempts), callback_id),
            )
            return
        if not ours:  # a 200 under a lapsed claim: delivered, the newer claim's lease kept
            self.conn.execute(
                "UPDATE callbacks SET state = 'delivered', next_us = NULL, attempts = ?,"
                " headers = ?, reason = '' WHERE id = ?",
                (json.dumps(attempts), json.dumps(dict(headers)), callback_id),
            )
            return
        self.conn.execute(
            "UPDATE callbacks SET state = ?, next_us = ?, attempts = ?, headers = ?,"
            " reason = ?, lease_us = 0 WHERE id = ?",
            (
                state,
                next_us if state == "pending" else None,
                json.dumps(attempts),
                json.dumps(dict(headers)),
                reason,
                callback_id,
            ),
        )

    def next_callback_us(self, real_us: int) -> int | None:
        (found,) = self.conn.execute(
            f"SELECT MIN(next_us) FROM callbacks AS c WHERE state = 'pending' AND lease_us <= ?"
            f" AND {_HEAD_OF_QUEUE}",
            (real_us,),
        ).fetchone()
        return None if found is None else int(found)

    def present_callbacks(self, ids: Collection[int]) -> set[int]:
        wanted = list(ids)
        found = self.conn.execute(
            f"SELECT id FROM callbacks WHERE id IN ({_marks(len(wanted))})", wanted
        ).fetchall()
        return {ident for (ident,) in found}

    def select_callbacks(
        self, session_uuid: str | None = None, state: CallbackState | None = None
    ) -> list[Delivery]:
        conditions = []
        params: list[Any] = []
        if session_uuid is not None:
            conditions.append("session_uuid = ?")
            params.append(session_uuid)
        if state is not None:
            conditions.append("state = ?")
            params.append(state)
        where = f" WHERE {' AND '.join(conditions)}" if conditions else ""
        found = self.conn.execute(
            f"SELECT {_CALLBACK_COLUMNS} FROM callbacks{where} ORDER BY id", params
        ).fetchall()
        return [_delivery(item) for item in found]

    def set_timer(self, kind: Kind, session_uuid: str, due_us: int) -> None:
        self.conn.execute(
            "INSERT INTO timers (kind, session_uuid, due_us) VALUES (?, ?, ?)"
            " ON CONFLICT (kind, session_uuid) DO UPDATE SET due_us = excluded.due_us",
            (kind, session_uuid, due_us),
        )

    def clear_timer(self, kind: Kind, session_uuid: str) -> None:
        self.conn.execute(
            "DELETE FROM timers WHERE kind = ? AND session_uuid = ?", (kind, session_uuid)
        )

    def due_timers(self, now_us: int, limit: int) -> list[tuple[Kind, str]]:
        found = self.conn.execute(
            "SELECT kind, session_uuid FROM timers WHERE due_us <= ?"
            " ORDER BY due_us, kind, session_uuid LIMIT ?",
            (now_us, limit),
        ).fetchall()
        return [(kind, uuid) for kind, uuid in found]

    def clear(self) -> None:
        self.conn.execute("DELETE FROM sessions")
        self.conn.execute(
            "DELETE FROM settings WHERE key NOT IN (?, ?)", (SCHEMA_KEY, GENERATION_KEY)
        )
        self._changed_sessions()
        self.conn.execute("DELETE FROM hits")
        self.conn.execute("DELETE FROM callbacks")
        self.conn.execute("DELETE FROM timers")


# ---------------------------------------------------------------------- store


class StoreError(RuntimeError):
    """The data directory or database file cannot be used; the message says what to do."""


def _is_busy(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _busy() -> Busy:
    return Busy(
        "the sandbox's database is locked by another process; nothing was changed,"
        " retry the request"
    )


def _private_file(path: Path) -> None:
    """Create ``path`` readable by its owner only, or narrow an existing file to that."""
    try:
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY, FILE_MODE))
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode & 0o077:
            path.chmod(FILE_MODE)
    except OSError:
        pass  # opening it below says what is wrong, with a clear message


def _usage_error(path: Path, error: Exception) -> StoreError:
    """A StoreError naming ``path``, what is wrong with it and what to do."""
    text = str(error)
    if isinstance(error, sqlite3.DatabaseError) and "readonly" in text.replace("-", ""):
        return StoreError(
            f"{path} is read-only ({text}): make it and its directory writable by this user,"
            " or choose another --data-dir"
        )
    if isinstance(error, sqlite3.DatabaseError) and "unable to open" not in text:
        return StoreError(
            f"{path} is not a usable SQLite database ({text}): move it away (the sandbox"
            " then starts empty) or choose another --data-dir"
        )
    return StoreError(
        f"{path} cannot be opened ({text}): check that its directory exists, is a directory"
        " and is writable by this user, or choose another --data-dir"
    )


class _Releasable(Protocol):
    def release(self) -> None: ...


class _Release:
    """Releases an already acquired lock on exit."""

    def __init__(self, lock: _Releasable) -> None:
        self.lock = lock

    def __enter__(self) -> None:
        return None

    def __exit__(self, *_: object) -> None:
        self.lock.release()


class SqliteStore:
    """``Store`` on ``data_dir/sandbox.sqlite3``, or in memory when ``data_dir`` is None.

    A file store opens one connection per thread. Write transactions of one
    process queue on a lock, then take SQLite's write lock with
    ``BEGIN IMMEDIATE``: so at most one thread per process waits in SQLite's
    busy handler (whose sleeps grow to 100 ms), the others wait on the lock
    and start as soon as it is free. Reads never wait (WAL). The in-memory
    store has a single connection that a lock hands to one thread at a time.
    Transactions nest: an inner ``transaction()`` on the same thread joins
    the outer one.

    Opening a file of an older schema migrates it (see ``_prepare``).
    """

    def __init__(self, data_dir: Path | None, lock_timeout: float = BUSY_TIMEOUT_SECONDS) -> None:
        """Open (creating it if needed) the store; StoreError says why a file store cannot be.

        A write waits at most ``lock_timeout`` seconds for the database lock,
        then raises ``Busy`` (nothing written, the request can be retried).
        """
        self.path: Path | None = None if data_dir is None else Path(data_dir) / DB_FILE
        self.lock_timeout = lock_timeout
        self._lock = threading.RLock()
        self._writer = threading.Lock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        self._shared: sqlite3.Connection | None = None
        # List counts kept across transactions (see _SqliteTransaction.count).
        self._counts: dict[tuple[Any, ...], _Counted] = {}
        self._on_queued: list[Callable[[], None]] = []
        self._stopping = threading.Event()
        self._checkpointer: threading.Thread | None = None
        # (WAL frames, frames copied back) of the background thread's last checkpoint.
        self.last_checkpoint: tuple[int, int] | None = None
        if self.path is None:
            self._shared = self._open(":memory:")
            self._prepare()
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        except OSError as error:
            raise StoreError(
                f"{self.path.parent} cannot be used as the data directory"
                f" ({error.strerror or error}): choose another --data-dir"
            ) from None
        if not self.path.parent.is_dir():
            raise StoreError(f"{self.path.parent} is not a directory: choose another --data-dir")
        _private_file(self.path)
        try:
            self._prepare()
        except Busy:
            raise
        except (sqlite3.Error, OSError) as error:
            self.close()
            raise _usage_error(self.path, error) from None
        self._checkpointer = threading.Thread(
            target=self._checkpoint_loop, args=(self.path,), name="wal-checkpoint", daemon=True
        )
        self._checkpointer.start()

    def _checkpoint_loop(self, path: Path) -> None:
        """Copy the WAL back every CHECKPOINT_INTERVAL; PASSIVE waits for no reader or writer."""
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=0)
        try:
            while not self._stopping.wait(CHECKPOINT_INTERVAL):
                try:
                    _, frames, copied = conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
                except sqlite3.Error as error:  # e.g. another program holds the database
                    log.debug("WAL checkpoint skipped: %s", error)
                    continue
                self.last_checkpoint = (frames, copied)
        finally:
            conn.close()

    def _prepare(self) -> None:
        with self.transaction() as tx:
            assert isinstance(tx, _SqliteTransaction)
            _prepare(tx.conn, self.path)

    def check(self) -> None:
        """Read the whole database once (SQLite's quick_check); StoreError if it is damaged."""
        if self.path is None:
            return
        try:
            with self.transaction(write=False) as tx:
                assert isinstance(tx, _SqliteTransaction)
                problems = [row[0] for row in tx.conn.execute("PRAGMA quick_check")]
        except sqlite3.Error as error:
            raise _usage_error(self.path, error) from None
        if problems != ["ok"]:
            raise StoreError(
                f"{self.path} is damaged ({problems[0]}): move it away (the sandbox then"
                " starts empty) or choose another --data-dir"
            )

    def _open(self, target: str) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions, we BEGIN ourselves.
        conn = sqlite3.connect(
            target, timeout=self.lock_timeout, isolation_level=None, check_same_thread=False
        )
        if target != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            conn.execute("PRAGMA wal_autocheckpoint = 0")  # the background thread does it
        with self._lock:
            self._connections.append(conn)
        return conn

    def _connection(self) -> sqlite3.Connection:
        if self._closed:
            raise RuntimeError("the store is closed")
        if self._shared is not None:
            return self._shared
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            assert self.path is not None
            conn = self._open(str(self.path))
            self._local.conn = conn
        return conn

    @contextmanager
    def _savepoint(self, tx: _SqliteTransaction) -> Iterator[Transaction]:
        """A write transaction inside another: its own writes undone if it raises."""
        self._local.depth = depth = getattr(self._local, "depth", 0) + 1
        bumped, stored = tx._bumped, dict(tx._stored)
        tx.conn.execute(f"SAVEPOINT nested_{depth}")
        try:
            yield tx
        except BaseException:
            tx.conn.execute(f"ROLLBACK TO nested_{depth}")
            tx.conn.execute(f"RELEASE nested_{depth}")
            tx._bumped = bumped  # the generation's move was undone too
            tx._stored = stored  # and the rows' changes
            raise
        else:
            tx.conn.execute(f"RELEASE nested_{depth}")
        finally:
            self._local.depth = depth - 1

    @contextmanager
    def _transaction(self, write: bool, wait: bool = True) -> Iterator[Transaction]:
        current: _SqliteTransaction | None = getattr(self._local, "tx", None)
        if current is not None:
            if write and not current.write:
                # SQLite would upgrade the read to a write without waiting for the lock.
                raise RuntimeError("a write transaction cannot join a read transaction")
            if write:
                with self._savepoint(current) as tx:
                    yield tx
            else:
                yield current
            return
        # The in-memory database has one connection: hold it for the whole
        # transaction. A file database queues this process's writers.
        guard: AbstractContextManager[Any] = nullcontext()
        if self._shared is not None:
            if not self._lock.acquire(blocking=wait or not write):
                raise _busy()
            guard = _Release(self._lock)
        busy_ms = round(self.lock_timeout * 1000)
        if self._shared is None and write and not wait:
            if not self._writer.acquire(blocking=False):
                raise _busy()
            guard = _Release(self._writer)
            busy_ms = 0
        elif self._shared is None and write:
            # Waiting writers hold threads: a bounded wait keeps the pool for readers.
            # This process's queue and SQLite's busy handler share one deadline.
            # Each waiting transaction gets the whole lock_timeout; the API's
            # writes wait on the event loop instead, until their request's deadline.
            deadline = time.monotonic() + self.lock_timeout
            if not self._writer.acquire(timeout=max(0.0, deadline - time.monotonic())):
                raise _busy()
            guard = _Release(self._writer)
            busy_ms = max(0, round((deadline - time.monotonic()) * 1000))
        with guard:
            conn = self._connection()
            try:
                # Set only when it changes: a statement less for most transactions.
                if getattr(self._local, "busy_ms", None) != busy_ms:
                    conn.execute(f"PRAGMA busy_timeout = {busy_ms}")
                    self._local.busy_ms = busy_ms
                conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            except sqlite3.OperationalError as error:
                if _is_busy(error):
                    raise _busy() from None
                raise
            tx = _SqliteTransaction(conn, write, self._counts)
            self._local.tx = tx
            try:
                yield tx
            except sqlite3.OperationalError as error:
                conn.execute("ROLLBACK")
                if _is_busy(error):
                    raise _busy() from None
                raise
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")
            finally:
                self._local.tx = None
            if tx.queued:
                for listener in self._on_queued:
                    listener()

    def transaction(
        self, write: bool = True, wait: bool = True
    ) -> AbstractContextManager[Transaction]:
        """Open a transaction (``BEGIN IMMEDIATE`` for writes), commit on success.

        Nested write transactions are savepoints; ``wait=False``: Busy at once
        when another writer holds the lock.
        """
        return self._transaction(write, wait)

    def on_callbacks_queued(self, listener: Callable[[], None]) -> None:
        """Call ``listener`` after each commit that queued a callback (in this process)."""
        self._on_queued.append(listener)

    def close(self) -> None:
        """Close every connection; the store cannot be used afterwards."""
        self._stopping.set()
        if self._checkpointer is not None and self._checkpointer is not threading.current_thread():
            self._checkpointer.join(timeout=2 * CHECKPOINT_INTERVAL)
        with self._lock:
            self._closed = True
            for conn in self._connections:
                conn.close()
            self._connections.clear()
