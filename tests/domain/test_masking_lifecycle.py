"""A masking session's life: expiry by the clock, update, delete, who may see it."""

from __future__ import annotations

import uuid
from collections.abc import Callable

import pytest

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock
from plivo_sandbox.core.errors import BadRequest, Conflict, NotFound
from tests.domain.conftest import US_A, US_B, US_C, Api


def test_session_expires_when_the_clock_passes_its_expiry_time(
    api: Api, main: Account, clock: ManualClock
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B, session_expiry=60)["session_uuid"]

    clock.advance(59)
    assert api.get(main, uuid_)["status"] == "active"
    clock.advance(1)
    assert api.get(main, uuid_)["status"] == "expired"


def test_get_answers_the_session_wrapped_in_response(api: Api, main: Account) -> None:
    created = api.create(main, first_party=US_A, second_party=US_B)

    assert api.get(main, created["session_uuid"]) == created["session"]


def test_update_changes_settings_and_answers_the_whole_session(
    api: Api, main: Account, clock: ManualClock
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    clock.advance(22)

    answer = api.update(main, uuid_, record=True, call_time_limit=600, callback_method="GET")

    assert answer["message"] == "Session updated"
    session = answer["session"]
    assert (session["record"], session["call_time_limit"]) == (True, 600)
    assert session["callback_method"] == "GET"
    assert session["created_time"] == "2024-02-01 06:28:15 +0000 UTC"
    assert session["modified_time"] == "2024-02-01 06:28:37 +0000 UTC"
    assert api.get(main, uuid_) == session


def test_update_of_session_expiry_counts_from_the_creation_time(
    api: Api, main: Account, clock: ManualClock
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    clock.advance(600)

    session = api.update(main, uuid_, session_expiry=1800)["session"]

    assert session["expiry_time"] == "2024-02-01 06:58:15 +0000 UTC"
    assert session["duration"] == 1800


def test_update_of_an_expired_session_is_conflict(
    api: Api, main: Account, clock: ManualClock
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B, session_expiry=60)["session_uuid"]
    clock.advance(61)

    with pytest.raises(Conflict, match=rf"session {uuid_} has expired"):
        api.update(main, uuid_, session_expiry=7200)
    assert api.get(main, uuid_)["status"] == "expired"


@pytest.mark.parametrize("party", ["first_party", "second_party"])
def test_update_of_parties_is_refused_on_a_two_party_session(
    api: Api, main: Account, party: str
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]

    with pytest.raises(BadRequest, match=rf"^{party}: can only be set on a session created with"):
        api.update(main, uuid_, **{party: US_C})


def test_update_sets_the_missing_party_of_a_single_party_session(api: Api, main: Account) -> None:
    uuid_ = api.create(main, create_session_with_single_party=True, first_party=US_A)[
        "session_uuid"
    ]

    session = api.update(main, uuid_, second_party=US_B)["session"]

    assert (session["first_party"], session["second_party"]) == (US_A[1:], US_B[1:])


def test_update_may_not_make_the_parties_equal(api: Api, main: Account) -> None:
    uuid_ = api.create(main, create_session_with_single_party=True, first_party=US_A)[
        "session_uuid"
    ]

    with pytest.raises(BadRequest, match=r"^second_party: must be different"):
        api.update(main, uuid_, second_party=US_A)


def test_update_may_not_give_a_party_two_active_sessions_on_one_number(
    api: Api, sub: Account
) -> None:
    # The subaccount has one US number, so both sessions share it.
    api.create(sub, first_party=US_A, second_party=US_B)
    uuid_ = api.create(sub, create_session_with_single_party=True, first_party=US_C)["session_uuid"]

    with pytest.raises(Conflict, match=r"^second_party: virtual number 13105550188 already"):
        api.update(sub, uuid_, second_party=US_B)


def test_delete_ends_the_session_now_and_it_stays_readable(
    api: Api, main: Account, clock: ManualClock
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    clock.advance(100)

    assert api.delete(main, uuid_) == {"message": "Session expired"}

    session = api.get(main, uuid_)
    assert session["status"] == "expired"
    assert session["expiry_time"] == "2024-02-01 06:29:55 +0000 UTC"
    assert session["duration"] == 100


def test_deleting_an_ended_session_answers_the_same_and_changes_nothing(
    api: Api, main: Account, clock: ManualClock
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    api.delete(main, uuid_)
    before = api.get(main, uuid_)
    clock.advance(30)

    assert api.delete(main, uuid_) == {"message": "Session expired"}
    assert api.get(main, uuid_) == before


OPERATIONS: dict[str, Callable[[Api, Account, str], object]] = {
    "get": lambda api, caller, uuid_: api.get(caller, uuid_),
    "update": lambda api, caller, uuid_: api.update(caller, uuid_, record=True),
    "delete": lambda api, caller, uuid_: api.delete(caller, uuid_),
}


@pytest.mark.parametrize("operation", OPERATIONS)
def test_unknown_session_is_not_found(api: Api, main: Account, operation: str) -> None:
    missing = str(uuid.uuid4())

    with pytest.raises(NotFound, match=rf"masking session {missing} not found"):
        OPERATIONS[operation](api, main, missing)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_another_accounts_session_is_not_found(
    api: Api, main: Account, other: Account, operation: str
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]

    with pytest.raises(NotFound):
        OPERATIONS[operation](api, other, uuid_)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_subaccount_does_not_see_its_main_accounts_sessions(
    api: Api, main: Account, sub: Account, operation: str
) -> None:
    uuid_ = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]

    with pytest.raises(NotFound):
        OPERATIONS[operation](api, sub, uuid_)


@pytest.mark.parametrize("operation", OPERATIONS)
def test_a_main_account_sees_its_subaccounts_sessions(
    api: Api, main: Account, sub: Account, operation: str
) -> None:
    uuid_ = api.create(sub, first_party=US_A, second_party=US_B)["session_uuid"]

    OPERATIONS[operation](api, main, uuid_)
