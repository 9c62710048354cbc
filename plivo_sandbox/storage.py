"""Where the sandbox keeps its state: sessions, the clock offset, rate-limit hits.

``Store`` is the interface the services use; ``SqliteStore`` implements it on
one SQLite file that several worker processes share (WAL mode, a busy
timeout, and every write in a ``BEGIN IMMEDIATE`` transaction, so a read
followed by a write in one transaction cannot interleave with another
worker's), or on an in-memory database for tests.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, Protocol

Kind = Literal["masking", "verify"]

DB_FILE = "sandbox.sqlite3"
BUSY_TIMEOUT_SECONDS = 30.0


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


@dataclass(frozen=True)
class RowQuery:
    """What ``Transaction.select`` filters on; None means no condition."""

    kind: Kind
    root: str | None = None
    owner: str | None = None
    created_from_us: int | None = None  # inclusive
    created_to_us: int | None = None  # inclusive
    numbers: Sequence[str] | None = None
    released_after_us: int | None = None  # release_us > this


class Transaction(Protocol):
    """Reads and writes inside one store transaction."""

    def get(self, kind: Kind, uuid: str) -> Row | None:
        """The session ``uuid`` of ``kind``, or None."""

    def insert(self, row: Row) -> Row:
        """Add a new session; returns it with its ``seq``."""

    def update(self, row: Row) -> None:
        """Replace the stored session ``row.uuid``."""

    def select(self, query: RowQuery) -> list[Row]:
        """Sessions matching ``query``, newest first (created, then insertion order)."""

    def last_allocated(self, kind: Kind, numbers: Sequence[str]) -> dict[str, int]:
        """For each of ``numbers`` that ever served a session, its latest ``created_us``."""

    def get_setting(self, key: str) -> str | None:
        """A stored setting, or None."""

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting."""

    def record_hit(self, key: str, now_us: int, window_us: int, limit: int) -> bool:
        """Count a request under ``key``; False (uncounted) if ``limit`` hits lie in the window."""

    def clear(self) -> None:
        """Forget everything: sessions, settings, hits."""


class Store(Protocol):
    """The sandbox's persistent state."""

    def transaction(self, write: bool = True) -> AbstractContextManager[Transaction]:
        """A transaction; ``write`` ones exclude every other writer until they end."""

    def close(self) -> None:
        """Release the database."""


_SCHEMA = (
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
    "CREATE INDEX IF NOT EXISTS sessions_by_root ON sessions (kind, root, created_us)",
    "CREATE INDEX IF NOT EXISTS sessions_by_owner ON sessions (kind, owner, created_us)",
    "CREATE INDEX IF NOT EXISTS sessions_by_number ON sessions (kind, number, release_us)",
    "CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS hits (key TEXT NOT NULL, at_us INTEGER NOT NULL)",
    "CREATE INDEX IF NOT EXISTS hits_by_key ON hits (key, at_us)",
)

_COLUMNS = "seq, kind, uuid, owner, root, created_us, expiry_us, release_us, number, data"


def _row(record: sqlite3.Row | tuple[Any, ...]) -> Row:
    seq, kind, uuid, owner, root, created_us, expiry_us, release_us, number, data = record
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
        seq=seq,
    )


class _SqliteTransaction:
    """``Transaction`` over one SQLite connection with a transaction open."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, kind: Kind, uuid: str) -> Row | None:
        found = self.conn.execute(
            f"SELECT {_COLUMNS} FROM sessions WHERE kind = ? AND uuid = ?", (kind, uuid)
        ).fetchone()
        return None if found is None else _row(found)

    def insert(self, row: Row) -> Row:
        cursor = self.conn.execute(
            "INSERT INTO sessions (kind, uuid, owner, root, created_us, expiry_us, release_us,"
            " number, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                row.kind,
                row.uuid,
                row.owner,
                row.root,
                row.created_us,
                row.expiry_us,
                row.release_us,
                row.number,
                json.dumps(row.data),
            ),
        )
        return replace(row, seq=cursor.lastrowid or 0)

    def update(self, row: Row) -> None:
        self.conn.execute(
            "UPDATE sessions SET owner = ?, root = ?, created_us = ?, expiry_us = ?,"
            " release_us = ?, number = ?, data = ? WHERE kind = ? AND uuid = ?",
            (
                row.owner,
                row.root,
                row.created_us,
                row.expiry_us,
                row.release_us,
                row.number,
                json.dumps(row.data),
                row.kind,
                row.uuid,
            ),
        )

    def select(self, query: RowQuery) -> list[Row]:
        where = ["kind = ?"]
        params: list[Any] = [query.kind]
        conditions: list[tuple[str, Any]] = [
            ("root = ?", query.root),
            ("owner = ?", query.owner),
            ("created_us >= ?", query.created_from_us),
            ("created_us <= ?", query.created_to_us),
            ("release_us > ?", query.released_after_us),
        ]
        for clause, value in conditions:
            if value is not None:
                where.append(clause)
                params.append(value)
        if query.numbers is not None:
            if not query.numbers:
                return []
            where.append(f"number IN ({', '.join('?' * len(query.numbers))})")
            params.extend(query.numbers)
        found = self.conn.execute(
            f"SELECT {_COLUMNS} FROM sessions WHERE {' AND '.join(where)}"
            " ORDER BY created_us DESC, seq DESC",
            params,
        ).fetchall()
        return [_row(item) for item in found]

    def last_allocated(self, kind: Kind, numbers: Sequence[str]) -> dict[str, int]:
        if not numbers:
            return {}
        found = self.conn.execute(
            "SELECT number, MAX(created_us) FROM sessions"
            f" WHERE kind = ? AND number IN ({', '.join('?' * len(numbers))}) GROUP BY number",
            [kind, *numbers],
        ).fetchall()
        return {number: int(latest) for number, latest in found}

    def get_setting(self, key: str) -> str | None:
        found = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return None if found is None else str(found[0])

    def set_setting(self, key: str, value: str) -> None:
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    def record_hit(self, key: str, now_us: int, window_us: int, limit: int) -> bool:
        self.conn.execute(
            "DELETE FROM hits WHERE key = ? AND at_us <= ?", (key, now_us - window_us)
        )
        (count,) = self.conn.execute("SELECT COUNT(*) FROM hits WHERE key = ?", (key,)).fetchone()
        if count >= limit:
            return False
        self.conn.execute("INSERT INTO hits (key, at_us) VALUES (?, ?)", (key, now_us))
        return True

    def clear(self) -> None:
        for table in ("sessions", "settings", "hits"):
            self.conn.execute(f"DELETE FROM {table}")


class SqliteStore:
    """``Store`` on ``data_dir/sandbox.sqlite3``, or in memory when ``data_dir`` is None.

    A file store opens one connection per thread (SQLite arbitrates between
    them and between processes); the in-memory store has a single connection
    that a lock hands to one thread at a time. Transactions nest: an inner
    ``transaction()`` on the same thread joins the outer one.
    """

    def __init__(self, data_dir: Path | None) -> None:
        self.path: Path | None = None if data_dir is None else Path(data_dir) / DB_FILE
        self._lock = threading.RLock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        self._shared: sqlite3.Connection | None = None
        if self.path is None:
            self._shared = self._open(":memory:")
        else:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.transaction() as tx:
            assert isinstance(tx, _SqliteTransaction)
            for statement in _SCHEMA:
                tx.conn.execute(statement)

    def _open(self, target: str) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions, we BEGIN ourselves.
        conn = sqlite3.connect(
            target, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
        )
        conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        if target != ":memory:":
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
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
    def _transaction(self, write: bool) -> Iterator[Transaction]:
        current: _SqliteTransaction | None = getattr(self._local, "tx", None)
        if current is not None:
            yield current
            return
        # The in-memory database has one connection: hold it for the whole transaction.
        guard: AbstractContextManager[Any] = (
            self._lock if self._shared is not None else nullcontext()
        )
        with guard:
            conn = self._connection()
            conn.execute("BEGIN IMMEDIATE" if write else "BEGIN")
            tx = _SqliteTransaction(conn)
            self._local.tx = tx
            try:
                yield tx
            except BaseException:
                conn.execute("ROLLBACK")
                raise
            else:
                conn.execute("COMMIT")
            finally:
                self._local.tx = None

    def transaction(self, write: bool = True) -> AbstractContextManager[Transaction]:
        """Open a transaction (``BEGIN IMMEDIATE`` for writes), commit on success."""
        return self._transaction(write)

    def close(self) -> None:
        """Close every connection; the store cannot be used afterwards."""
        with self._lock:
            self._closed = True
            for conn in self._connections:
                conn.close()
            self._connections.clear()
