"""The SQLite schema: tables, indexes, and the migrations from every earlier version."""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from plivo_sandbox.core.store import ATTRIBUTES
from plivo_sandbox.core.times import MICROS

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4
SCHEMA_KEY = "schema_version"
# Changes in every transaction that writes sessions (in every process): a
# count cached under one generation is the count of every snapshot of it.
GENERATION_KEY = "sessions_generation"
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

SET_SETTING = (
    "INSERT INTO settings (key, value) VALUES (?, ?)"
    " ON CONFLICT (key) DO UPDATE SET value = excluded.value"
)

SESSION_COLUMNS = (
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


def prepare_schema(conn: sqlite3.Connection, path: Path | None) -> None:
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
    conn.execute(SET_SETTING, (SCHEMA_KEY, str(SCHEMA_VERSION)))
