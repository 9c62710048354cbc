"""The clock and every computed time stay showable: nothing is stored that cannot be read back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock, StoreClock
from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.times import CLOCK_LIMIT
from plivo_sandbox.store.sqlite import SqliteStore
from tests.domain.conftest import US_A, US_B, Api

TEN_YEARS = 315360000


def test_the_clock_refuses_to_pass_its_limit() -> None:
    clock = ManualClock(CLOCK_LIMIT - timedelta(days=1))
    with pytest.raises(BadRequest, match=r"seconds.*reset"):
        clock.advance(2 * 86400)
    assert clock.now() == CLOCK_LIMIT - timedelta(days=1)


def test_800_ten_year_advances_stop_at_the_limit_with_a_400() -> None:
    store = SqliteStore(None)
    clock = StoreClock(store)
    refused = 0
    for _ in range(800):
        try:
            clock.advance(TEN_YEARS)
        except BadRequest:
            refused += 1
    assert refused > 0
    assert clock.now() <= CLOCK_LIMIT
    store.close()


def test_a_stored_offset_beyond_the_limit_reads_as_the_limit() -> None:
    store = SqliteStore(None)
    with store.transaction() as tx:
        tx.set_setting("clock_offset_us", str(10**18))  # written by an older sandbox
    assert StoreClock(store).now() <= CLOCK_LIMIT
    store.close()


@pytest.fixture
def clock() -> ManualClock:
    """Close to the end of what the APIs can show."""
    return ManualClock(datetime(9999, 1, 1, tzinfo=UTC))


def test_a_session_that_would_end_after_9999_is_a_400_and_not_stored(
    api: Api, main: Account
) -> None:
    with pytest.raises(BadRequest, match="session_expiry"):
        api.create(main, first_party=US_A, second_party=US_B, session_expiry=2147483647)
    assert api.list(main)["meta"]["total_count"] == 0


def test_a_cool_off_that_would_end_after_9999_is_a_400(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match="virtual_number_cooloff_period"):
        api.create(
            main, first_party=US_A, second_party=US_B, virtual_number_cooloff_period=2147483647
        )


def test_an_update_that_would_end_after_9999_is_a_400_and_keeps_the_session(
    api: Api, main: Account
) -> None:
    uuid = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    before = api.get(main, uuid)
    with pytest.raises(BadRequest, match="session_expiry"):
        api.update(main, uuid, session_expiry=2147483647)
    assert api.get(main, uuid) == before
    assert api.list(main)["meta"]["total_count"] == 1
