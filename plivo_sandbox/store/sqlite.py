"""The store on SQLite: the connections, the write lock, and the WAL checkpoints.

``SqliteStore`` keeps its state in one SQLite file that several worker
processes share (WAL mode, and every write in a ``BEGIN IMMEDIATE``
transaction, so a read followed by a write in one transaction cannot
interleave with another worker's), or in an in-memory database for tests.
Writers of one process queue on a lock before ``BEGIN IMMEDIATE``, so SQLite
only arbitrates between processes.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path
from typing import Any, Protocol

from plivo_sandbox.core.settings import DEFAULT_LOCK_TIMEOUT
from plivo_sandbox.core.store import StoreBusy, Transaction
from plivo_sandbox.store.schema import prepare_schema
from plivo_sandbox.store.transaction import CachedCount, SqliteTransaction

DB_FILE = "sandbox.sqlite3"
# How often a file store's background thread copies the WAL back into the
# database. SQLite would otherwise do it inside the commit that fills the WAL,
# fsync included, and that request would wait for it: create Verify's p99 was
# 14 ms with checkpoints in the requests, 7 ms without (bench/PROFILE.md).
CHECKPOINT_INTERVAL = 0.5
# The state holds OTPs and phone numbers: private to the user who runs the sandbox.
DIR_MODE = 0o700
FILE_MODE = 0o600

# How many list counts a store keeps (each a few numbers); beyond, it starts over.
log = logging.getLogger(__name__)


# ---------------------------------------------------------------------- store


class StoreError(RuntimeError):
    """The data directory or database file cannot be used; the message says what to do."""


def _is_busy(error: sqlite3.OperationalError) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _busy() -> StoreBusy:
    return StoreBusy(
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

    Opening a file of an older schema migrates it (see ``prepare_schema``).
    """

    def __init__(self, data_dir: Path | None, lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        """Open (creating it if needed) the store; StoreError says why a file store cannot be.

        A write waits at most ``lock_timeout`` seconds for the database lock,
        then raises ``StoreBusy`` (nothing written, the request can be retried).
        """
        self.path: Path | None = None if data_dir is None else Path(data_dir) / DB_FILE
        self.lock_timeout = lock_timeout
        self._lock = threading.RLock()
        self._writer = threading.Lock()
        self._local = threading.local()
        self._connections: list[sqlite3.Connection] = []
        self._closed = False
        self._shared: sqlite3.Connection | None = None
        # List counts kept across transactions (see SqliteTransaction.count).
        self._counts: dict[tuple[Any, ...], CachedCount] = {}
        self._on_queued: list[Callable[[], None]] = []
        self._stopping = threading.Event()
        self._checkpointer: threading.Thread | None = None
        # (WAL frames, frames copied back) of the background thread's last checkpoint.
        self.last_checkpoint: tuple[int, int] | None = None
        if self.path is None:
            self._shared = self._open(":memory:")
            self.prepare_schema()
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
            self.prepare_schema()
        except StoreBusy:
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

    def prepare_schema(self) -> None:
        with self.transaction() as tx:
            assert isinstance(tx, SqliteTransaction)
            prepare_schema(tx.conn, self.path)

    def check(self) -> None:
        """Read the whole database once (SQLite's quick_check); StoreError if it is damaged."""
        if self.path is None:
            return
        try:
            with self.transaction(write=False) as tx:
                assert isinstance(tx, SqliteTransaction)
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
    def _savepoint(self, tx: SqliteTransaction) -> Iterator[Transaction]:
        """A write transaction inside another: a savepoint of the outer one."""
        with tx.savepoint():
            yield tx

    @contextmanager
    def _transaction(self, write: bool, wait: bool = True) -> Iterator[Transaction]:
        current: SqliteTransaction | None = getattr(self._local, "tx", None)
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
            tx = SqliteTransaction(conn, write, self._counts)
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

        Nested write transactions are savepoints; ``wait=False``: StoreBusy at once
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
