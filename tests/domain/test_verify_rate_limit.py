"""The Verify list's rate limit: calls a minute per account, shared through the store."""

from __future__ import annotations

from dataclasses import replace

import pytest

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock
from plivo_sandbox.core.errors import TooManyRequests
from plivo_sandbox.core.settings import SandboxConfig
from tests.domain.conftest import Api, make_config


@pytest.fixture
def config() -> SandboxConfig:
    """A low Verify list rate limit, so tests reach it quickly."""
    return make_config(verify_list_rate_limit=3)


def test_more_list_calls_a_minute_than_the_limit_are_refused(
    api: Api, main: Account, sub: Account, clock: ManualClock
) -> None:
    for _ in range(3):
        api.verify_list(main)

    with pytest.raises(TooManyRequests, match=r"^too many requests$"):
        api.verify_list(main)
    api.verify_list(sub)  # counted per account
    clock.advance(60)
    api.verify_list(main)


def test_the_rate_limit_window_is_rolling(api: Api, main: Account, clock: ManualClock) -> None:
    api.verify_list(main)
    clock.advance(30)
    api.verify_list(main)
    api.verify_list(main)
    clock.advance(30)  # the first call left the window, the other two did not

    api.verify_list(main)
    with pytest.raises(TooManyRequests):
        api.verify_list(main)


def test_reset_clears_the_rate_limit_counters(api: Api, sandbox: Sandbox, main: Account) -> None:
    for _ in range(3):
        api.verify_list(main)

    sandbox.reset()

    api.verify_list(main)


def test_a_zero_rate_limit_means_no_limit(main: Account, clock: ManualClock) -> None:
    box = Sandbox(replace(make_config(), verify_list_rate_limit=0), clock=clock)
    try:
        for _ in range(50):
            box.run(box.verify.list, main, {})
    finally:
        box.close()
