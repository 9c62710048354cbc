"""The store under faults: an outside lock, a damaged file, unusable paths, file permissions."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from plivo_sandbox.core.store import StoreBusy
from plivo_sandbox.store.sqlite import DB_FILE, SqliteStore, StoreError

LOCK_TIMEOUT = 0.3


@contextmanager
def outside_exclusive_lock(path: Path) -> Iterator[None]:
    """Another process's connection holding ``BEGIN EXCLUSIVE`` on the database file."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    try:
        yield
    finally:
        conn.execute("ROLLBACK")
        conn.close()


def test_a_write_under_an_outside_lock_is_busy_after_the_lock_timeout(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path, lock_timeout=LOCK_TIMEOUT)
    with outside_exclusive_lock(tmp_path / DB_FILE):
        started = time.monotonic()
        with pytest.raises(StoreBusy, match="retry"), store.transaction() as tx:
            tx.set_setting("k", "v")
        assert time.monotonic() - started < LOCK_TIMEOUT + 1
    store.close()


def test_reads_go_on_under_an_outside_lock(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path, lock_timeout=LOCK_TIMEOUT)
    with store.transaction() as tx:
        tx.set_setting("k", "v")
    with outside_exclusive_lock(tmp_path / DB_FILE), store.transaction(write=False) as tx:
        assert tx.get_setting("k") == "v"
    store.close()


def test_nothing_is_written_by_a_busy_write(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path, lock_timeout=LOCK_TIMEOUT)
    with (
        outside_exclusive_lock(tmp_path / DB_FILE),
        pytest.raises(StoreBusy),
        store.transaction() as tx,
    ):
        tx.set_setting("k", "v")
    with store.transaction() as tx:
        assert tx.get_setting("k") is None
    store.close()


def test_a_file_that_is_not_a_database_is_named_with_what_to_do(tmp_path: Path) -> None:
    (tmp_path / DB_FILE).write_bytes(b"this is not SQLite" * 100)
    with pytest.raises(StoreError, match=rf"{DB_FILE} is not a usable SQLite database.*move it"):
        SqliteStore(tmp_path)


def test_a_damaged_database_is_found_by_check(tmp_path: Path) -> None:
    store = SqliteStore(tmp_path)
    with store.transaction() as tx:
        for n in range(300):
            tx.set_setting(f"key{n}", "x" * 200)
    store.close()
    path = tmp_path / DB_FILE
    sqlite3.connect(path).execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
    data = bytearray(path.read_bytes())
    data[4096 * 2 : 4096 * 4] = b"\xa5" * (4096 * 2)  # overwrite two pages
    path.write_bytes(bytes(data))
    with pytest.raises(StoreError, match=rf"{DB_FILE} is (damaged|not a usable)"):
        SqliteStore(tmp_path).check()


def test_a_data_dir_under_a_regular_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="file/data cannot be used as the data directory"):
        SqliteStore(tmp_path / "file" / "data")


def test_a_data_dir_that_is_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("x")
    with pytest.raises(StoreError, match="data"):
        SqliteStore(tmp_path / "data")


def test_a_database_path_that_is_a_directory_is_named(tmp_path: Path) -> None:
    (tmp_path / DB_FILE).mkdir()
    with pytest.raises(StoreError, match=f"{DB_FILE} cannot be opened"):
        SqliteStore(tmp_path)


@pytest.mark.skipif(
    os.geteuid() == 0,
    reason="root writes through chmod; robustness/test_startup.py covers it for root",
)
def test_a_read_only_data_dir_is_named(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir(mode=0o500)
    try:
        with pytest.raises(StoreError, match="data"):
            SqliteStore(data)
    finally:
        data.chmod(0o700)


def test_the_data_dir_and_database_are_private_to_the_user(tmp_path: Path) -> None:
    SqliteStore(tmp_path / "data").close()
    assert stat.S_IMODE((tmp_path / "data").stat().st_mode) == 0o700
    for path in (tmp_path / "data").iterdir():
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


def test_a_world_readable_database_is_made_private(tmp_path: Path) -> None:
    SqliteStore(tmp_path).close()
    (tmp_path / DB_FILE).chmod(0o644)
    SqliteStore(tmp_path).close()
    assert stat.S_IMODE((tmp_path / DB_FILE).stat().st_mode) == 0o600
