"""Writers of the processes sharing a data directory take turns (plivo_sandbox/store/write_turn.py).

Two WriteTurn objects on one directory stand for two workers: each holds
its own open file, so their flocks exclude each other as two processes' do.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from plivo_sandbox.core.errors import BUSY_WRITING
from plivo_sandbox.core.store import StoreBusy
from plivo_sandbox.store.write_turn import WriteTurn


def _deadline(seconds: float) -> float:
    return time.monotonic() + seconds


def test_a_writer_waits_for_the_other_process_s_turn_and_gets_it_on_release(
    tmp_path: Path,
) -> None:
    first, second = WriteTurn(tmp_path), WriteTurn(tmp_path)
    order: list[str] = []

    async def scenario() -> None:
        await first.acquire(_deadline(5))
        waiting = asyncio.create_task(second.acquire(_deadline(5)))
        await asyncio.sleep(0.05)
        assert not waiting.done()
        order.append("first releases")
        first.release()
        await waiting
        order.append("second holds")
        second.release()

    asyncio.run(scenario())

    assert order == ["first releases", "second holds"]
    first.close()
    second.close()


def test_a_turn_not_given_up_by_the_deadline_is_busy_and_leaves_nothing_held(
    tmp_path: Path,
) -> None:
    first, second = WriteTurn(tmp_path), WriteTurn(tmp_path)

    async def scenario() -> None:
        await first.acquire(_deadline(5))
        with pytest.raises(StoreBusy) as refused:
            await second.acquire(_deadline(0.1))
        assert refused.value.message == BUSY_WRITING
        first.release()
        # The abandoned wait hands the turn back as soon as it gets it.
        await first.acquire(_deadline(5))
        first.release()
        await second.acquire(_deadline(5))
        second.release()

    asyncio.run(scenario())
    first.close()
    second.close()


def test_writers_of_one_process_queue_for_its_turn(tmp_path: Path) -> None:
    turn = WriteTurn(tmp_path)
    holders: list[int] = []

    async def write(number: int) -> None:
        await turn.acquire(_deadline(5))
        holders.append(number)
        await asyncio.sleep(0.01)  # still holding: nobody else may come in
        holders.append(-number)
        turn.release()

    async def scenario() -> None:
        await asyncio.gather(*(write(n) for n in (1, 2, 3)))

    asyncio.run(scenario())

    assert holders == [1, -1, 2, -2, 3, -3]
    turn.close()
