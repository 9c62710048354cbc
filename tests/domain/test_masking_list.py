"""Listing masking sessions: filters, time windows, order, pagination."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

import pytest

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock
from plivo_sandbox.core.errors import BadRequest
from tests.domain.conftest import IN_A, IN_B, MAIN_ID, US_A, US_B, US_C, Api


def uuids(page: dict[str, Any]) -> list[str]:
    """The session uuids of a list page, in order."""
    return [item["session_uuid"] for item in page["objects"]]


def make(api: Api, caller: Account, count: int, clock: ManualClock) -> list[str]:
    """``count`` sessions with distinct parties, one second apart; their uuids, oldest first."""
    made = []
    for index in range(count):
        answer = api.create(
            caller, first_party=f"+1202555{index:04d}", second_party=f"+1415555{index:04d}"
        )
        made.append(answer["session_uuid"])
        clock.advance(1)
    return made


def test_list_is_newest_first_with_resource_uris_and_meta(
    api: Api, main: Account, clock: ManualClock
) -> None:
    made = make(api, main, 3, clock)

    page = api.list(main)

    assert uuids(page) == made[::-1]
    assert page["meta"] == {
        "limit": 20,
        "offset": 0,
        "next": None,
        "previous": None,
        "total_count": 3,
    }
    for item in page["objects"]:
        assert item["resource_uri"] == (
            f"/v1/Account/{MAIN_ID}/Masking/Session/{item['session_uuid']}/"
        )


def test_sessions_created_in_the_same_second_list_latest_inserted_first(
    api: Api, main: Account
) -> None:
    first = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    second = api.create(main, first_party=US_C, second_party=IN_A)["session_uuid"]

    assert uuids(api.list(main)) == [second, first]


def test_list_filters_by_party_and_virtual_number_with_or_without_plus(
    api: Api, main: Account
) -> None:
    one = api.create(main, first_party=US_A, second_party=US_B)
    two = api.create(main, first_party=US_C, second_party=IN_A)

    assert uuids(api.list(main, first_party=US_A)) == [one["session_uuid"]]
    assert uuids(api.list(main, second_party=IN_A[1:])) == [two["session_uuid"]]
    assert uuids(api.list(main, virtual_number=two["virtual_number"])) == [two["session_uuid"]]
    assert uuids(api.list(main, virtual_number=one["virtual_number"][1:])) == [one["session_uuid"]]


def test_list_filters_by_status(api: Api, main: Account, clock: ManualClock) -> None:
    ended = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    api.delete(main, ended)
    live = api.create(main, first_party=US_C, second_party=IN_A)["session_uuid"]

    assert uuids(api.list(main, status="active")) == [live]
    assert uuids(api.list(main, status="expired")) == [ended]
    assert uuids(api.list(main, status="all")) == [live, ended]


def test_list_filters_by_created_time_in_five_forms(
    api: Api, main: Account, clock: ManualClock
) -> None:
    a, b, c = make(api, main, 3, clock)  # created 06:28:15, :16, :17

    assert uuids(api.list(main, created_time="2024-02-01 06:28:16")) == [b]
    assert uuids(api.list(main, created_time__gt="2024-02-01 06:28:16")) == [c]
    assert uuids(api.list(main, created_time__gte="2024-02-01 06:28:16")) == [c, b]
    assert uuids(api.list(main, created_time__lt="2024-02-01 06:28:16")) == [a]
    assert uuids(api.list(main, created_time__lte="2024-02-01 06:28:16.000000")) == [b, a]
    assert uuids(api.list(main, created_time__gte="2024-02-01 06:28")) == [c, b, a]


def test_list_filters_by_expiry_time(api: Api, main: Account) -> None:
    short = api.create(main, first_party=US_A, second_party=US_B, session_expiry=60)
    long = api.create(main, first_party=US_C, second_party=IN_A, session_expiry=7200)

    assert uuids(api.list(main, expiry_time="2024-02-01 06:29:15")) == [short["session_uuid"]]
    assert uuids(api.list(main, expiry_time__gt="2024-02-01 06:29:15")) == [long["session_uuid"]]


def test_list_filters_by_duration_in_five_forms(api: Api, main: Account) -> None:
    short = api.create(main, first_party=US_A, second_party=US_B, session_expiry=60)["session_uuid"]
    long = api.create(main, first_party=US_C, second_party=IN_A, session_expiry=7200)[
        "session_uuid"
    ]

    assert uuids(api.list(main, duration=60)) == [short]
    assert uuids(api.list(main, duration__gt=60)) == [long]
    assert uuids(api.list(main, duration__gte=60)) == [long, short]
    assert uuids(api.list(main, duration__lt=7200)) == [short]
    assert uuids(api.list(main, duration__lte=7200)) == [long, short]


def test_list_of_a_main_account_covers_its_subaccounts_and_filters_by_one(
    api: Api, main: Account, sub: Account
) -> None:
    own = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    subs = api.create(sub, first_party=US_A, second_party=US_B)["session_uuid"]

    assert uuids(api.list(main)) == [subs, own]
    assert uuids(api.list(main, subaccount=sub.auth_id)) == [subs]


def test_list_shows_a_subaccount_or_another_account_only_its_own(
    api: Api, main: Account, sub: Account, other: Account
) -> None:
    api.create(main, first_party=US_A, second_party=US_B)
    subs = api.create(sub, first_party=US_A, second_party=US_B)["session_uuid"]
    others = api.create(other, first_party=US_A, second_party=US_B)["session_uuid"]

    assert uuids(api.list(sub)) == [subs]
    assert uuids(api.list(other)) == [others]


def test_list_subaccount_filter_must_be_the_callers_subaccount(
    api: Api, main: Account, other_sub: Account
) -> None:
    with pytest.raises(BadRequest, match=r"^subaccount: .* is not a subaccount of"):
        api.list(main, subaccount=other_sub.auth_id)


def test_list_without_time_bounds_covers_the_last_seven_days(
    api: Api, main: Account, clock: ManualClock
) -> None:
    old = api.create(main, first_party=US_A, second_party=US_B)["session_uuid"]
    clock.advance(8 * 86400)

    assert uuids(api.list(main)) == []
    assert uuids(api.list(main, created_time__gte="2024-02-01 00:00")) == [old]


def test_list_never_shows_sessions_older_than_90_days(
    api: Api, main: Account, clock: ManualClock
) -> None:
    api.create(main, first_party=US_A, second_party=US_B)
    clock.advance(91 * 86400)

    page = api.list(
        main, created_time__gte="2024-02-01 00:00", created_time__lte="2024-02-20 00:00"
    )

    assert uuids(page) == []


@pytest.mark.parametrize(
    "bounds",
    [
        {"created_time__gte": "2024-01-01 00:00", "created_time__lte": "2024-02-01 00:01"},
        {"created_time__gt": "2023-12-31 06:28"},  # no upper bound: up to now
        {"expiry_time__gte": "2023-12-01 00:00", "expiry_time__lt": "2024-01-15 00:00"},
    ],
)
def test_a_time_window_wider_than_30_days_is_bad_request(
    api: Api, main: Account, bounds: dict[str, str]
) -> None:
    field = next(iter(bounds)).split("__")[0]

    with pytest.raises(BadRequest, match=rf"^{field}: the search window spans .* at most 30 days"):
        api.list(main, **bounds)


def test_a_malformed_time_filter_is_bad_request_naming_it(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^created_time__lt: "):
        api.list(main, created_time__lt="yesterday")


def test_next_and_previous_fetch_the_neighbouring_pages(
    api: Api, main: Account, clock: ManualClock
) -> None:
    made = make(api, main, 5, clock)[::-1]

    first = api.list(main, status="all", limit=2)
    second = follow(api, main, first["meta"]["next"])
    third = follow(api, main, second["meta"]["next"])
    back = follow(api, main, third["meta"]["previous"])

    assert [uuids(first), uuids(second), uuids(third)] == [made[0:2], made[2:4], made[4:]]
    assert uuids(back) == uuids(second)
    assert first["meta"]["previous"] is None and third["meta"]["next"] is None
    assert first["meta"]["next"] == (
        f"/v1/Account/{MAIN_ID}/Masking/Session/?status=all&limit=2&offset=2"
    )


def test_pagination_urls_repeat_the_filters(api: Api, main: Account, clock: ManualClock) -> None:
    api.create(main, first_party=IN_A, second_party=IN_B)
    api.create(main, first_party=IN_A, second_party=US_B)

    page = api.list(main, first_party=IN_A, limit=1)

    assert page["meta"]["next"] == (
        f"/v1/Account/{MAIN_ID}/Masking/Session/?first_party=%2B919003459051&limit=1&offset=1"
    )
    assert page["meta"]["total_count"] == 2
    assert len(follow(api, main, page["meta"]["next"])["objects"]) == 1


def follow(api: Api, caller: Account, url: str) -> dict[str, Any]:
    """Fetch the page a meta next/previous URL names, as the HTTP layer would parse it."""
    parts = urlsplit(url)
    assert parts.path == f"/v1/Account/{caller.auth_id}/Masking/Session/"
    return api.list(caller, **dict(parse_qsl(parts.query)))
