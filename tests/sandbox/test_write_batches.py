"""A worker's writes run in batches: one turn, one transaction, one commit (http/write_batches.py).

Each step writes a setting, so what was committed can be read back from a
second store on the same file, as another worker would see it.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.store import StoreBusy, Transaction
from plivo_sandbox.http.write_batches import WriteBatches
from plivo_sandbox.store.sqlite import DB_FILE, SqliteStore
from tests.domain.conftest import make_config


@pytest.fixture
def sandbox(tmp_path: Path) -> Iterator[Sandbox]:
    box = Sandbox(make_config(data_dir=tmp_path))
    yield box
    box.close()


def committed(tmp_path: Path, key: str) -> str | None:
    """The setting ``key`` as another worker reads it now."""
    other = SqliteStore(tmp_path)
    try:
        with other.transaction(write=False) as tx:
            return tx.get_setting(key)
    finally:
        other.close()


def setting(key: str, value: str = "1") -> Callable[[Transaction], str]:
    def step(tx: Transaction) -> str:
        tx.set_setting(key, value)
        return key

    return step


def soon(seconds: float = 5.0) -> float:
    return time.monotonic() + seconds


def test_writes_queued_together_run_in_one_batch_each_with_its_own_answer(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    writes = WriteBatches(sandbox)

    async def scenario() -> list[str]:
        return await asyncio.gather(*(writes.run(setting(f"k{n}"), soon()) for n in range(5)))

    assert asyncio.run(scenario()) == ["k0", "k1", "k2", "k3", "k4"]
    assert (writes.batches, writes.writes) == (1, 5)
    assert all(committed(tmp_path, f"k{n}") == "1" for n in range(5))


def test_a_later_write_of_a_batch_sees_the_earlier_ones(sandbox: Sandbox) -> None:
    writes = WriteBatches(sandbox)

    def read(tx: Transaction) -> str | None:
        return tx.get_setting("first")

    async def scenario() -> tuple[str, str | None]:
        return await asyncio.gather(
            writes.run(setting("first", "yes"), soon()), writes.run(read, soon())
        )

    assert list(asyncio.run(scenario())) == ["first", "yes"]


def test_a_plivo_error_is_its_writes_answer_and_keeps_what_it_wrote(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    writes = WriteBatches(sandbox)

    def wrong_otp(tx: Transaction) -> str:
        tx.set_setting("failed attempts", "1")
        raise BadRequest("otp: invalid OTP")

    async def scenario() -> tuple[object, ...]:
        return await asyncio.gather(
            writes.run(wrong_otp, soon()),
            writes.run(setting("other"), soon()),
            return_exceptions=True,
        )

    answers = asyncio.run(scenario())

    assert isinstance(answers[0], BadRequest) and answers[1] == "other"
    assert committed(tmp_path, "failed attempts") == "1"
    assert committed(tmp_path, "other") == "1"


def test_a_failing_write_is_undone_alone(sandbox: Sandbox, tmp_path: Path) -> None:
    writes = WriteBatches(sandbox)

    def broken(tx: Transaction) -> str:
        tx.set_setting("half done", "1")
        raise RuntimeError("a bug")

    async def scenario() -> tuple[object, ...]:
        return await asyncio.gather(
            writes.run(setting("before"), soon()),
            writes.run(broken, soon()),
            writes.run(setting("after"), soon()),
            return_exceptions=True,
        )

    answers = asyncio.run(scenario())

    assert answers[0] == "before" and isinstance(answers[1], RuntimeError) and answers[2] == "after"
    assert committed(tmp_path, "half done") is None
    assert committed(tmp_path, "before") == committed(tmp_path, "after") == "1"


def test_a_failed_commit_fails_every_write_of_the_batch_and_keeps_none(
    sandbox: Sandbox, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = sandbox.transaction

    @contextmanager
    def commit_fails(write: bool = True, wait: bool = True) -> Iterator[Transaction]:
        with opened(write, wait) as tx:
            yield tx
            raise OSError("disk I/O error")  # rolls the transaction back, as a failed COMMIT

    monkeypatch.setattr(sandbox, "transaction", commit_fails)
    writes = WriteBatches(sandbox)

    async def scenario() -> tuple[object, ...]:
        return await asyncio.gather(
            writes.run(setting("a"), soon()),
            writes.run(setting("b"), soon()),
            return_exceptions=True,
        )

    answers = asyncio.run(scenario())

    assert all(isinstance(answer, OSError) for answer in answers)
    assert committed(tmp_path, "a") is None and committed(tmp_path, "b") is None


def test_a_write_not_run_by_its_deadline_is_busy_and_never_runs(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    writes = WriteBatches(sandbox)
    outsider = sqlite3.connect(tmp_path / DB_FILE, isolation_level=None)
    outsider.execute("BEGIN IMMEDIATE")  # another program holds SQLite's lock

    async def scenario() -> None:
        with pytest.raises(StoreBusy):
            await writes.run(setting("late"), soon(0.2))
        outsider.execute("COMMIT")
        assert await writes.run(setting("next"), soon()) == "next"

    asyncio.run(scenario())
    outsider.close()

    assert committed(tmp_path, "late") is None and committed(tmp_path, "next") == "1"


def test_a_write_whose_request_went_away_before_its_batch_is_not_run(
    sandbox: Sandbox, tmp_path: Path
) -> None:
    writes = WriteBatches(sandbox)

    async def scenario() -> None:
        left = asyncio.ensure_future(writes.run(setting("left"), soon()))
        stays = asyncio.ensure_future(writes.run(setting("stays"), soon()))
        await asyncio.sleep(0)  # both queued, the batch not run yet
        left.cancel()
        assert await stays == "stays"

    asyncio.run(scenario())

    assert committed(tmp_path, "left") is None and committed(tmp_path, "stays") == "1"
