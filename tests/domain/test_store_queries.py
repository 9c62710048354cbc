"""The store answers lists and number holds in SQL; older files are migrated.

The lists are checked against the rules themselves, recomputed in Python
from every stored session: a page is the slice of that reference list, for
many sessions and every status.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock
from plivo_sandbox.core.errors import Conflict
from plivo_sandbox.core.filters import Range
from plivo_sandbox.core.store import HoldQuery, Row, RowQuery
from plivo_sandbox.core.times import to_micros
from plivo_sandbox.masking.record import MaskingRecord
from plivo_sandbox.store.schema import SCHEMA_KEY, SCHEMA_VERSION
from plivo_sandbox.store.sqlite import DB_FILE, SqliteStore
from plivo_sandbox.verify.record import VerifyRecord
from tests.domain.conftest import US_A, US_B, US_C, Api, make_config

# The sessions table before schema versions existed (schema 1).
SCHEMA_1 = (
    """CREATE TABLE sessions (
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
    "CREATE INDEX sessions_by_root ON sessions (kind, root, created_us)",
    "CREATE INDEX sessions_by_owner ON sessions (kind, owner, created_us)",
    "CREATE INDEX sessions_by_number ON sessions (kind, number, release_us)",
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE hits (key TEXT NOT NULL, at_us INTEGER NOT NULL)",
    "CREATE INDEX hits_by_key ON hits (key, at_us)",
)


def masking_uuids(page: dict[str, Any]) -> list[str]:
    """The session uuids of a masking list page."""
    return [item["session_uuid"] for item in page["objects"]]


def populate(api: Api, main: Account, sub: Account, clock: ManualClock, count: int) -> None:
    """``count`` masking sessions over two accounts and many seconds, some ended."""
    for index in range(count):
        caller = sub if index % 5 == 0 else main
        answer = api.create(
            caller,
            first_party=f"+1202555{index:04d}",
            second_party=f"+1415555{index:04d}",
            session_expiry=60 + (index % 7) * 60,
        )
        if index % 4 == 0:
            api.delete(caller, answer["session_uuid"])
        if index % 3 == 0:  # several sessions per second, in insertion order
            clock.advance(1)


def reference(sandbox: Sandbox, caller: Account, status: str, now_us: int) -> list[str]:
    """What a masking list shows, from every stored session: newest first."""
    with sandbox.store.transaction(write=False) as tx:
        rows = tx.select(RowQuery("masking"))
    newest_first = sorted(rows, key=lambda row: (row.created_us, row.seq), reverse=True)
    records = [MaskingRecord.from_row(row) for row in newest_first]
    seen = [
        record
        for record in records
        if (record.owner if caller.is_subaccount else record.root) == caller.auth_id
        and status in ("all", "active" if record.active(now_us) else "expired")
    ]
    return [record.session_uuid for record in seen]


@pytest.mark.parametrize("status", ["all", "active", "expired"])
def test_masking_pages_are_slices_of_the_whole_filtered_list(
    api: Api,
    sandbox: Sandbox,
    main: Account,
    sub: Account,
    clock: ManualClock,
    status: str,
) -> None:
    populate(api, main, sub, clock, 130)
    clock.advance(150)  # some sessions expire by themselves
    now_us = to_micros(clock.now())

    for caller in (main, sub):
        expected = reference(sandbox, caller, status, now_us)
        seen: list[str] = []
        offset = 0
        while True:
            page = api.list(caller, status=status, limit=20, offset=offset)
            assert page["meta"]["total_count"] == len(expected)
            seen += masking_uuids(page)
            if page["meta"]["next"] is None:
                break
            offset += 20
        assert seen == expected
        assert expected


def test_masking_list_combines_filters_in_sql(
    api: Api, sandbox: Sandbox, main: Account, sub: Account, clock: ManualClock
) -> None:
    populate(api, main, sub, clock, 40)
    now_us = to_micros(clock.now())
    with sandbox.store.transaction(write=False) as tx:
        records = [MaskingRecord.from_row(row) for row in tx.select(RowQuery("masking"))]
    number = records[0].virtual_number
    expected = [
        record.session_uuid
        for record in records
        if record.virtual_number == number
        and record.active(now_us)
        and 120 <= (record.expiry_us - record.created_us) // 1_000_000 < 300
    ]

    page = api.list(
        main, virtual_number=number, status="active", duration__gte=120, duration__lt=300
    )

    assert masking_uuids(page) == expected and page["meta"]["total_count"] == len(expected)


def test_verify_pages_follow_status_from_the_clock_and_validation(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock
) -> None:
    made: list[str] = []
    for index in range(45):
        made.insert(0, api.send(main, recipient=US_A if index % 2 else US_B)["session_uuid"])
        if index % 9 == 0:
            api.validate(main, made[0], sandbox.run(sandbox.verify.otp, made[0]))
        clock.advance(20)
    now_us = to_micros(clock.now())
    with sandbox.store.transaction(write=False) as tx:
        records = [VerifyRecord.from_row(row) for row in tx.select(RowQuery("verify"))]
    assert [record.session_uuid for record in records] == made

    for status in ("in-progress", "verified", "expired"):
        expected = [r.session_uuid for r in records if r.status(now_us) == status]
        pages = [
            api.verify_list(main, status=status, limit=20, offset=offset)
            for offset in range(0, 60, 20)
        ]
        assert [
            uuid for page in pages for uuid in (s["session_uuid"] for s in page["sessions"])
        ] == (expected)
        assert expected, status


def test_holds_tells_latest_use_cooling_and_sharing_sessions_newest_first() -> None:
    store = SqliteStore(None)

    def add(uuid: str, created: int, expiry: int, release: int, *parties: str) -> None:
        first, second = parties
        with store.transaction() as tx:
            tx.insert(
                Row(
                    "masking", uuid, "MA", "MA", created, expiry, release, "N1", {},
                    attributes={"first_party": first, "second_party": second},
                )
            )  # fmt: skip

    add("old", 1, 5, 8, "A", "B")  # ended at 5, cools off until 8
    add("live", 2, 50, 50, "C", "A")
    add("newer", 3, 50, 50, "A", "")
    with store.transaction(write=False) as tx:
        at_6 = tx.holds(HoldQuery("masking", ["N1", "N2"], {"A", ""}, now_us=6))
        at_9 = tx.holds(HoldQuery("masking", ["N1"], {"B"}, now_us=9))
        others = tx.holds(HoldQuery("masking", ["N1"], {"A"}, now_us=9, excluding="newer"))
    store.close()

    assert at_6["N1"].last_created_us == 3 and at_6["N1"].cooling
    assert at_6["N1"].sharers == (frozenset({"A"}), frozenset({"A", "C"}))
    assert at_6["N2"].last_created_us is None and not at_6["N2"].cooling
    assert at_6["N2"].sharers == ()
    assert not at_9["N1"].cooling and at_9["N1"].sharers == ()
    assert others["N1"].sharers == (frozenset({"A", "C"}),)


def test_a_party_conflict_on_update_names_the_newest_other_sessions_party(
    api: Api, sub: Account
) -> None:
    # The subaccount has one US number: every session shares it.
    single = api.create(sub, create_session_with_single_party=True, first_party=US_A)
    api.create(sub, first_party=US_C, second_party="+12025550177")  # older, has US_C
    api.create(sub, first_party="+12025550178", second_party=US_B)  # newest, has US_B

    with pytest.raises(Conflict, match=r"^second_party: virtual number .* already serves"):
        api.update(sub, single["session_uuid"], first_party=US_C, second_party=US_B)


def write_schema_1(path: Path, rows: list[Row]) -> None:
    """A database file as the sandbox wrote it before schema versions, holding ``rows``."""
    conn = sqlite3.connect(path)
    for statement in SCHEMA_1:
        conn.execute(statement)
    conn.executemany(
        "INSERT INTO sessions (kind, uuid, owner, root, created_us, expiry_us, release_us,"
        " number, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                r.kind,
                r.uuid,
                r.owner,
                r.root,
                r.created_us,
                r.expiry_us,
                r.release_us,
                r.number,
                json.dumps(r.data),
            )
            for r in rows
        ],
    )
    conn.execute("INSERT INTO settings (key, value) VALUES ('clock_offset_us', '5000000')")
    conn.commit()
    conn.close()


def test_a_schema_1_file_is_migrated_with_a_log_line_and_lists_the_same(
    api: Api,
    sandbox: Sandbox,
    main: Account,
    clock: ManualClock,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    ended = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    api.delete(main, ended)
    api.create(main, first_party=US_C, second_party=US_A, session_expiry=120)
    verified = api.send(main, recipient=US_A, brand_name="Acme")["session_uuid"]
    api.validate(main, verified, sandbox.run(sandbox.verify.otp, verified))
    api.send(main, recipient=US_B)
    queries: list[tuple[str, dict[str, Any]]] = [
        ("masking", {"status": "expired"}),
        ("masking", {"first_party": US_C}),
        ("masking", {"duration": 120}),
        ("verify", {"status": "verified"}),
        ("verify", {"brand_name": "Acme"}),
        ("verify", {"status": "in-progress", "country": "US"}),
    ]

    def lists(api: Api) -> list[dict[str, Any]]:
        return [
            api.list(main, **query) if kind == "masking" else api.verify_list(main, **query)
            for kind, query in queries
        ]

    before = lists(api)
    with sandbox.store.transaction(write=False) as tx:
        rows = tx.select(RowQuery("masking")) + tx.select(RowQuery("verify"))
    write_schema_1(tmp_path / DB_FILE, rows)

    with caplog.at_level(logging.WARNING, logger="plivo_sandbox.store.sqlite"):
        migrated = Sandbox(make_config(data_dir=tmp_path), clock=clock)
    try:
        assert [record.getMessage() for record in caplog.records] == [
            f"{tmp_path / DB_FILE}: migrated 4 session(s) from schema 1 to schema"
            f" {SCHEMA_VERSION} (added filter columns and indexes)"
        ]
        after = lists(Api(migrated))
        with migrated.store.transaction(write=False) as tx:
            assert tx.get_setting(SCHEMA_KEY) == str(SCHEMA_VERSION)
            assert tx.get_setting("clock_offset_us") == "5000000"
    finally:
        migrated.close()
    assert after == before
    assert [len(page.get("objects", page.get("sessions", []))) for page in after] == [1] * 6

    caplog.clear()
    with caplog.at_level(logging.WARNING, logger="plivo_sandbox.store.sqlite"):
        SqliteStore(tmp_path).close()
    assert caplog.records == []  # already current: nothing to do


def test_a_file_of_a_newer_schema_is_refused(tmp_path: Path) -> None:
    SqliteStore(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_FILE)
    conn.execute("UPDATE settings SET value = ? WHERE key = ?", (SCHEMA_VERSION + 1, SCHEMA_KEY))
    conn.commit()
    conn.close()

    newer = SCHEMA_VERSION + 1
    with pytest.raises(RuntimeError, match=rf"schema version {newer} is newer than this sandbox's"):
        SqliteStore(tmp_path)


def test_reset_keeps_the_schema_version(tmp_path: Path) -> None:
    box = Sandbox(make_config(data_dir=tmp_path))
    try:
        box.reset()
        with box.store.transaction(write=False) as tx:
            assert tx.get_setting(SCHEMA_KEY) == str(SCHEMA_VERSION)
    finally:
        box.close()


def test_a_count_stays_exact_as_its_window_moves_and_another_worker_writes(
    tmp_path: Path,
) -> None:
    # Two stores on one file, as two worker processes: the first keeps its counts.
    counting, writing = SqliteStore(tmp_path), SqliteStore(tmp_path)

    def add(store: SqliteStore, seq: int, created_us: int) -> None:
        with store.transaction() as tx:
            tx.insert(Row("verify", f"s{seq}", "MA1", "MA1", created_us, created_us + 60, 0, "1"))

    def counted(lower: int) -> tuple[int, int]:
        """The count from ``counting`` and the sessions really at or after ``lower``."""
        query = RowQuery("verify", root="MA1", created=Range(lower=lower, upper=1_000))
        with counting.transaction(write=False) as tx:
            rows = tx.select(RowQuery("verify"))
            return tx.count(query), sum(lower <= row.created_us <= 1_000 for row in rows)

    try:
        for seq in range(0, 100):
            add(counting, seq, seq * 10)
        for lower in (0, 5, 5, 250, 240, 990, 1_001, 0):  # the window moves both ways
            assert counted(lower)[0] == counted(lower)[1]
        add(writing, 100, 300)  # another process's session inside the window
        assert counted(250) == (76, 76)
        with writing.transaction() as tx:
            tx.clear()
        assert counted(250) == (0, 0)
    finally:
        counting.close()
        writing.close()


def test_a_count_stays_exact_when_one_transaction_writes_and_counts_in_turn() -> None:
    # A worker's batch of writes is one transaction: a list may follow a create.
    store = SqliteStore(None)
    query = RowQuery("verify", root="MA1", created=Range(lower=0, upper=1_000))
    try:
        with store.transaction() as tx:
            for seq in range(3):
                tx.insert(Row("verify", f"s{seq}", "MA1", "MA1", seq, seq + 60, 0, "1"))
                assert tx.count(query) == seq + 1
    finally:
        store.close()


def test_a_count_made_in_a_rolled_back_transaction_is_not_kept() -> None:
    store = SqliteStore(None)
    query = RowQuery("verify", root="MA1", created=Range(lower=0, upper=1_000))
    try:
        with pytest.raises(RuntimeError), store.transaction() as tx:
            tx.insert(Row("verify", "gone", "MA1", "MA1", 1, 61, 0, "1"))
            assert tx.count(query) == 1
            raise RuntimeError("undone")
        with store.transaction() as tx:
            tx.insert(Row("verify", "kept", "MA1", "MA1", 2, 62, 0, "1"))
            tx.insert(Row("verify", "also kept", "MA1", "MA1", 3, 63, 0, "1"))
        with store.transaction(write=False) as tx:
            assert tx.count(query) == 2
    finally:
        store.close()


def test_a_schema_3_file_gets_the_cool_off_index(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    SqliteStore(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_FILE)
    conn.execute("DROP INDEX sessions_cooling")
    conn.execute("CREATE INDEX sessions_holding ON sessions (kind, number, release_us, expiry_us)")
    conn.execute("UPDATE settings SET value = '3' WHERE key = ?", (SCHEMA_KEY,))
    conn.commit()
    conn.close()

    with caplog.at_level(logging.WARNING, logger="plivo_sandbox.store.sqlite"):
        SqliteStore(tmp_path).close()

    conn = sqlite3.connect(tmp_path / DB_FILE)
    indexes = {
        name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")
    }
    conn.close()
    assert "sessions_cooling" in indexes and "sessions_holding" not in indexes
    assert f"from schema 3 to schema {SCHEMA_VERSION}" in caplog.text


def test_the_cool_off_check_reads_only_sessions_with_a_cool_off(tmp_path: Path) -> None:
    # The check's cost must not grow with a number's live sessions: SQLite is
    # asked how it runs the statement holds() sends.
    store = SqliteStore(tmp_path)
    statements: list[str] = []
    try:
        with store.transaction() as tx:
            conn = tx.conn  # type: ignore[attr-defined]
            conn.set_trace_callback(statements.append)
            tx.holds(HoldQuery("masking", ["N1"], set(), now_us=6))
            conn.set_trace_callback(None)
            cooling = next(s for s in statements if "EXISTS" in s)
            plan = " ".join(str(row[-1]) for row in conn.execute(f"EXPLAIN QUERY PLAN {cooling}"))
    finally:
        store.close()

    assert "INDEX sessions_cooling" in plan, plan
