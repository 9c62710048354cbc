"""One SQLite transaction: the SQL behind each method of ``Transaction``."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

from plivo_sandbox.core.filters import Range
from plivo_sandbox.core.store import (
    ATTRIBUTES,
    PARTY_ATTRIBUTES,
    Callback,
    CallbackState,
    Delivery,
    HoldQuery,
    Kind,
    NumberUse,
    Row,
    RowQuery,
)
from plivo_sandbox.core.times import MICROS
from plivo_sandbox.store.schema import GENERATION_KEY, SCHEMA_KEY, SESSION_COLUMNS, SET_SETTING

COUNT_CACHE_SIZE = 1024

# SQLite's largest integer: the highest OFFSET a query can take.
_SQLITE_MAX_INTEGER = 2**63 - 1

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
    """What ``_values`` gave for a row read back as ``SESSION_COLUMNS`` (to compare, not decode)."""
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
CachedCount = tuple[int, int, int]


class SqliteTransaction:
    """``Transaction`` over one SQLite connection with a transaction open."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        write: bool = True,
        counts: dict[tuple[Any, ...], CachedCount] | None = None,
    ) -> None:
        self.conn = conn
        self.write = write
        self.counts: dict[tuple[Any, ...], CachedCount] = {} if counts is None else counts
        self._bumped = False
        self.queued = False  # a callback was added: wake the delivery loop on commit
        # The stored columns (``_WRITTEN`` order) of each session ``get`` read:
        # ``update`` writes only the columns that changed.
        self._stored: dict[tuple[str, str], list[Any]] = {}
        self._steps = 0  # savepoints open

    @contextmanager
    def savepoint(self) -> Iterator[None]:
        """A step whose writes are all undone if it raises (and what the transaction knew)."""
        self._steps += 1
        name = f"step_{self._steps}"
        bumped, stored = self._bumped, dict(self._stored)
        self.conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            self.conn.execute(f"ROLLBACK TO {name}")
            self.conn.execute(f"RELEASE {name}")
            self._bumped = bumped  # the generation's move was undone too
            self._stored = stored  # and the rows' changes
            raise
        else:
            self.conn.execute(f"RELEASE {name}")
        finally:
            self._steps -= 1

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
            f"SELECT {SESSION_COLUMNS} FROM sessions WHERE kind = ? AND uuid = ?", (kind, uuid)
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
        return [_row(item) for item in self._page(SESSION_COLUMNS, query, limit, offset)]

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
        if self._bumped:
            # It counts this transaction's own changes, which a rollback could undo
            # and a later change in it would not move the generation past: not kept.
            return total
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
        self.conn.execute(SET_SETTING, (key, value))

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
