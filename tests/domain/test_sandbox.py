"""The facade: authentication, the shared clock, reset, and a store shared by workers."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.errors import (
    BadRequest,
    Conflict,
    PlivoError,
    TooManyRequests,
    Unauthorized,
)
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.store.sqlite import DB_FILE
from tests.domain.conftest import MAIN_ID, SUB_ID, US_A, US_B, US_POOL, Api, make_config


def test_authenticate_answers_the_account_of_valid_credentials(sandbox: Sandbox) -> None:
    account = sandbox.authenticate(MAIN_ID, MAIN_ID, "demo-auth-token")

    assert account.auth_id == MAIN_ID and not account.is_subaccount
    assert sandbox.authenticate(SUB_ID, SUB_ID, "demo-subaccount-token").parent == MAIN_ID


@pytest.mark.parametrize(
    ("path_id", "username", "password", "says"),
    [
        (MAIN_ID, None, None, "credentials are required"),
        (MAIN_ID, MAIN_ID, None, "credentials are required"),
        (MAIN_ID, MAIN_ID, "wrong", "wrong Auth ID or Auth Token"),
        (MAIN_ID, "MANOSUCHACCOUNT00000", "demo-auth-token", "wrong Auth ID or Auth Token"),
        (SUB_ID, MAIN_ID, "demo-auth-token", "is not the caller's own"),
    ],
)
def test_authenticate_refuses_missing_wrong_or_foreign_credentials(
    sandbox: Sandbox, path_id: str, username: str | None, password: str | None, says: str
) -> None:
    with pytest.raises(Unauthorized, match=says):
        sandbox.authenticate(path_id, username, password)


@pytest.fixture
def shared_dir(tmp_path: Path) -> Path:
    """A data directory two sandboxes ("workers") share."""
    return tmp_path / "data"


@pytest.fixture
def workers(shared_dir: Path) -> Iterator[tuple[Sandbox, Sandbox]]:
    """Two sandboxes on one SQLite file, as two uvicorn workers would be, on real time."""
    config = make_config(data_dir=shared_dir, verify_list_rate_limit=3)
    first, second = Sandbox(config), Sandbox(config)
    yield first, second
    first.close()
    second.close()


def test_the_store_is_one_file_in_the_data_dir(
    workers: tuple[Sandbox, Sandbox], shared_dir: Path
) -> None:
    assert (shared_dir / DB_FILE).is_file()


def test_advancing_the_clock_moves_it_for_every_worker(
    workers: tuple[Sandbox, Sandbox],
) -> None:
    first, second = workers

    moved = first.advance_clock(3600)

    assert moved - datetime.now(UTC) > timedelta(minutes=59)
    assert second.clock.now() - datetime.now(UTC) > timedelta(minutes=59)


def test_the_clock_only_moves_forward(sandbox: Sandbox) -> None:
    with pytest.raises(BadRequest, match=r"^seconds: "):
        sandbox.advance_clock(-1)


def test_a_clock_advance_expires_sessions_seen_by_another_worker(
    workers: tuple[Sandbox, Sandbox], main: Account
) -> None:
    first, second = workers
    uuid_ = Api(first).create(main, first_party=US_A, second_party=US_B, session_expiry=60)[
        "session_uuid"
    ]

    first.advance_clock(61)

    assert Api(second).get(main, uuid_)["status"] == "expired"


def test_the_rate_limit_counts_the_calls_of_every_worker(
    workers: tuple[Sandbox, Sandbox], main: Account
) -> None:
    first, second = workers
    first.run(first.verify.list, main, {})
    second.run(second.verify.list, main, {})
    first.run(first.verify.list, main, {})

    with pytest.raises(TooManyRequests):
        second.run(second.verify.list, main, {})


def test_reset_forgets_sessions_counters_and_the_clock_offset(
    workers: tuple[Sandbox, Sandbox], main: Account
) -> None:
    first, second = workers
    masked = Api(first).create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    first.advance_clock(86400)
    for _ in range(3):
        first.run(first.verify.list, main, {})

    second.reset()

    assert first.clock.now() - datetime.now(UTC) < timedelta(minutes=1)
    assert Api(first).verify_list(main)["sessions"] == []
    with pytest.raises(PlivoError, match="not found"):
        first.run(first.masking.get, main, masked)


def test_a_file_store_survives_a_restart(shared_dir: Path, main: Account) -> None:
    config = make_config(data_dir=shared_dir)
    before = Sandbox(config)
    masked = Api(before).create(main, first_party=US_A, second_party=US_B)
    verify_uuid = Api(before).send(main, recipient=US_A)["session_uuid"]
    otp = before.run(before.verify.otp, verify_uuid)
    before.advance_clock(120)
    before.close()

    after = Sandbox(config)
    try:
        session = Api(after).get(main, masked["session_uuid"])
        assert session["virtual_number"] == masked["session"]["virtual_number"]
        assert after.run(after.verify.otp, verify_uuid) == otp
        assert after.clock.now() - datetime.now(UTC) > timedelta(seconds=110)
        Api(after).validate(main, verify_uuid, otp)
    finally:
        after.close()


def run_together(jobs: list[Callable[[], Any]]) -> list[Any]:
    """Run ``jobs`` in threads released at the same moment; their results or exceptions."""
    barrier = threading.Barrier(len(jobs))
    results: list[Any] = [None] * len(jobs)

    def run(index: int) -> None:
        barrier.wait()
        try:
            results[index] = jobs[index]()
        except Exception as exc:  # collected for the assertions
            results[index] = exc

    threads = [threading.Thread(target=run, args=(index,)) for index in range(len(jobs))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return results


def creator(box: Sandbox, caller: Account, first: str, second: str) -> Callable[[], Any]:
    """A job creating a masking session between ``first`` and ``second`` on ``box``."""
    return lambda: box.run(
        box.masking.create, caller, {"first_party": first, "second_party": second}
    )


def test_concurrent_creates_on_two_workers_never_break_the_allocation_rules(
    workers: tuple[Sandbox, Sandbox], main: Account
) -> None:
    # 3 first parties x 18 requests on the 2 US numbers: each first party can
    # hold each number once, so exactly 6 creates succeed whatever the timing.
    firsts = ["+12025550301", "+12025550302", "+12025550303"]
    jobs = [
        creator(workers[index % 2], main, firsts[index % 3], f"+1415555{index:04d}")
        for index in range(18)
    ]

    results = run_together(jobs)

    created = [result for result in results if isinstance(result, dict)]
    refused = [result for result in results if isinstance(result, Conflict)]
    assert (len(created), len(refused)) == (6, 12), results
    assert len({answer["session_uuid"] for answer in created}) == 6
    holders = {
        (answer["session"]["first_party"], answer["session"]["virtual_number"])
        for answer in created
    }
    assert holders == {(first[1:], number) for first in firsts for number in US_POOL}


def test_concurrent_creates_with_distinct_parties_all_succeed_with_unique_uuids(
    workers: tuple[Sandbox, Sandbox], main: Account
) -> None:
    jobs = [
        creator(workers[index % 2], main, f"+1202555{index:04d}", f"+1415555{index:04d}")
        for index in range(24)
    ]

    results = run_together(jobs)

    assert all(isinstance(result, dict) for result in results), results
    assert len({result["session_uuid"] for result in results}) == 24
    listed = Api(workers[0]).list(main, limit=20)
    assert listed["meta"]["total_count"] == 24


def test_a_sandbox_without_data_dir_keeps_state_in_memory(config: SandboxConfig) -> None:
    box = Sandbox(replace(config, data_dir=None))
    try:
        assert box.config.data_dir is None
        Api(box).send(box.config.accounts[MAIN_ID], recipient=US_A)
    finally:
        box.close()
