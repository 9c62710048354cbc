"""The SQLite store's transactions, and the filter-time parser."""

from __future__ import annotations

import time
from dataclasses import replace
from pathlib import Path

import pytest

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.filters import parse_filter_time
from plivo_sandbox.core.store import Row, RowQuery
from plivo_sandbox.core.times import from_micros
from plivo_sandbox.store.sqlite import SqliteStore


def row(uuid: str, created_us: int = 0) -> Row:
    """A minimal masking row."""
    return Row("masking", uuid, "MA", "MA", created_us, 10, 10, "1", {"n": uuid})


@pytest.mark.parametrize("on_disk", [False, True])
def test_a_failed_transaction_writes_nothing(tmp_path: Path, on_disk: bool) -> None:
    store = SqliteStore(tmp_path if on_disk else None)
    try:
        with pytest.raises(RuntimeError), store.transaction() as tx:
            tx.insert(row("a"))
            raise RuntimeError("boom")

        with store.transaction(write=False) as tx:
            assert tx.get("masking", "a") is None
    finally:
        store.close()


def test_an_inner_transaction_joins_the_outer_one() -> None:
    store = SqliteStore(None)
    with store.transaction() as outer, store.transaction() as inner:
        assert inner is outer
        inner.insert(row("a", 1))
        inner.insert(row("b", 1))

    with store.transaction(write=False) as tx:
        # Same creation time: the later insertion comes first.
        assert [found.uuid for found in tx.select(RowQuery("masking"))] == ["b", "a"]
        assert tx.get("verify", "a") is None
    store.close()


def _stored(store: SqliteStore, uuid: str) -> Row:
    """The masking row ``uuid`` as a new read transaction sees it."""
    with store.transaction(write=False) as tx:
        found = tx.get("masking", uuid)
    assert found is not None
    return found


def _store_with_row_a() -> SqliteStore:
    store = SqliteStore(None)
    with store.transaction() as tx:
        tx.insert(row("a", 1))
    return store


def test_an_update_after_a_read_keeps_every_column_it_did_not_change() -> None:
    store = _store_with_row_a()
    with store.transaction() as tx:
        found = tx.get("masking", "a")
        assert found is not None
        tx.update(replace(found, expiry_us=20, data={"n": "changed"}))

    stored = _stored(store, "a")
    assert (stored.expiry_us, stored.data, stored.number, stored.created_us) == (
        20,
        {"n": "changed"},
        "1",
        1,
    )
    store.close()


def test_a_write_undone_by_an_inner_transaction_can_be_made_again() -> None:
    store = _store_with_row_a()
    with store.transaction() as tx:
        found = tx.get("masking", "a")
        assert found is not None
        with pytest.raises(RuntimeError), store.transaction() as inner:
            inner.update(replace(found, data={"n": "undone"}))
            raise RuntimeError("boom")
        tx.update(replace(found, data={"n": "undone"}))

    assert _stored(store, "a").data == {"n": "undone"}
    store.close()


def test_a_closed_store_refuses_work() -> None:
    store = SqliteStore(None)
    store.close()

    with pytest.raises(RuntimeError, match="closed"), store.transaction():
        pass


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2024-02-01 06:28", "2024-02-01 06:28:00+00:00"),
        ("2024-02-01 06:28:15", "2024-02-01 06:28:15+00:00"),
        ("2024-02-01 06:28:15.5", "2024-02-01 06:28:15.500000+00:00"),
        ("2024-02-01 06:28:15.000001", "2024-02-01 06:28:15.000001+00:00"),
    ],
)
def test_filter_times_parse_in_every_documented_precision(text: str, expected: str) -> None:
    assert str(from_micros(parse_filter_time("x", text))) == expected


@pytest.mark.parametrize("text", ["2024-02-30 06:28", "2024-02-01T06:28", 20240201, ""])
def test_a_malformed_filter_time_is_bad_request_naming_it(text: object) -> None:
    with pytest.raises(BadRequest, match=r"^session_time__gt: "):
        parse_filter_time("session_time__gt", text)


def test_a_file_store_copies_its_wal_back_in_the_background(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path)
    with store.transaction() as tx:
        for n in range(200):
            tx.insert(row(f"s{n}", n))

    deadline = time.monotonic() + 10
    while store.last_checkpoint is None or store.last_checkpoint[1] == 0:
        assert time.monotonic() < deadline, "no checkpoint within 10 s"
        time.sleep(0.05)
    frames, copied = store.last_checkpoint
    assert copied == frames > 0
    store.close()
