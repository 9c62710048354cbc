"""Which virtual number a new masking session gets from the owner's pool."""

from __future__ import annotations

import pytest

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock
from plivo_sandbox.core.errors import Conflict
from tests.domain.conftest import FR_A, GB_A, IN_A, IN_B, US_A, US_B, US_C, US_POOL, Api

IN_POOL = ("912269947011", "918035001234")


def test_geomatch_picks_a_number_in_the_first_partys_country(api: Api, main: Account) -> None:
    answer = api.create(main, first_party=IN_A, second_party=US_B)

    assert answer["session"]["virtual_number"] in IN_POOL


def test_geomatch_uses_the_second_party_when_it_is_the_only_one(api: Api, main: Account) -> None:
    answer = api.create(main, create_session_with_single_party=True, second_party=GB_A)

    assert answer["virtual_number"] == "+442071838750"


def test_without_geomatch_any_number_of_the_pool_may_serve(api: Api, main: Account) -> None:
    answer = api.create(main, first_party=FR_A, second_party=US_B, geomatch=False)

    assert answer["session"]["virtual_number"] in main.numbers


def test_no_number_in_the_partys_country_is_conflict_naming_the_country(
    api: Api, main: Account
) -> None:
    with pytest.raises(Conflict, match=r"no virtual number in FR .*geomatch is on"):
        api.create(main, first_party=FR_A, second_party=US_B)


def test_allocation_is_least_recently_used_then_lowest(api: Api, main: Account) -> None:
    pairs = [(US_A, US_B), (US_C, "+12025550102"), ("+12025550103", "+12025550104")]

    numbers = [
        api.create(main, first_party=first, second_party=second)["session"]["virtual_number"]
        for first, second in pairs
    ]

    assert numbers == [US_POOL[0], US_POOL[1], US_POOL[0]]


def test_a_number_serves_several_active_sessions_without_a_shared_party(
    api: Api, main: Account, sub: Account
) -> None:
    # The subaccount has a single US number: both sessions must share it.
    first = api.create(sub, first_party=US_A, second_party=US_B)
    second = api.create(sub, first_party=US_C, second_party="+12025550122")

    assert first["virtual_number"] == second["virtual_number"] == "+13105550188"


def test_a_number_never_serves_two_active_sessions_sharing_a_party(api: Api, main: Account) -> None:
    first = api.create(main, first_party=US_A, second_party=US_B)
    second = api.create(main, first_party=US_C, second_party=US_A)

    assert first["virtual_number"] != second["virtual_number"]
    with pytest.raises(Conflict, match=r"2 already serve an active session with one of these"):
        api.create(main, first_party=US_A, second_party="+12025550144")


def test_no_free_number_says_how_to_free_one(api: Api, sub: Account) -> None:
    api.create(sub, first_party=US_A, second_party=US_B)  # the subaccount's one US number

    with pytest.raises(Conflict, match=r"DELETE .*Masking/Session.* or .*POST /_sandbox/reset"):
        api.create(sub, first_party=US_A, second_party=US_C)


def test_a_number_whose_session_ended_is_free_again_without_cooloff(
    api: Api, main: Account, sub: Account
) -> None:
    ended = api.create(sub, first_party=US_A, second_party=US_B)
    api.delete(sub, ended["session_uuid"])

    again = api.create(sub, first_party=US_A, second_party=US_B)

    assert again["virtual_number"] == ended["virtual_number"]


def test_a_released_number_cools_off_for_the_ended_sessions_period(
    api: Api, sub: Account, clock: ManualClock
) -> None:
    ended = api.create(sub, first_party=US_A, second_party=US_B, virtual_number_cooloff_period=600)
    api.delete(sub, ended["session_uuid"])

    with pytest.raises(Conflict, match=r"1 are in their cool-off period"):
        api.create(sub, first_party=US_C, second_party="+12025550122")
    clock.advance(600)
    again = api.create(sub, first_party=US_C, second_party="+12025550122")

    assert again["virtual_number"] == ended["virtual_number"]


def test_an_expired_session_also_cools_off_its_number(
    api: Api, sub: Account, clock: ManualClock
) -> None:
    cooling = {"session_expiry": 60, "virtual_number_cooloff_period": 60}
    api.create(sub, first_party=US_A, second_party=US_B, **cooling)
    clock.advance(90)

    with pytest.raises(Conflict, match=r"cool-off"):
        api.create(sub, first_party=US_C, second_party="+12025550122")
    clock.advance(30)
    assert api.create(sub, first_party=US_C, second_party="+12025550122")["virtual_number"]


def test_an_account_without_numbers_in_the_country_gets_conflict(api: Api, sub: Account) -> None:
    with pytest.raises(Conflict, match=rf"account {sub.auth_id}: the number pool has no"):
        api.create(sub, first_party=GB_A, second_party=US_B)


def test_sessions_of_other_accounts_do_not_hold_the_pools_numbers(
    api: Api, main: Account, sub: Account
) -> None:
    # Same parties in the main account and its subaccount: separate pools, no conflict.
    api.create(main, first_party=IN_A, second_party=IN_B)
    answer = api.create(sub, first_party=IN_A, second_party=IN_B)

    assert answer["virtual_number"] == "+912240001234"
