"""Listing Verify sessions: filters, windows, pagination, the rate limit."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qsl, urlsplit

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock
from tests.domain.conftest import GB_A, IN_A, MAIN_ID, US_A, Api

APP = "59728519-d145-45d6-8d46-60c06f7e8bbb"
HASH = "FA+9qCX9VSu"


def uuids(page: dict[str, Any]) -> list[str]:
    """The session uuids of a Verify list page, in order."""
    return [item["session_uuid"] for item in page["sessions"]]


def start(api: Api, caller: Account, recipient: str = US_A, **args: Any) -> str:
    """Start a session; its uuid."""
    uuid_: str = api.send(caller, recipient=recipient, **args)["session_uuid"]
    return uuid_


def test_list_is_newest_first_with_meta(api: Api, main: Account, clock: ManualClock) -> None:
    first = start(api, main)
    clock.advance(1)
    second = start(api, main)

    page = api.verify_list(main)

    assert uuids(page) == [second, first]
    assert page["meta"] == {"limit": 20, "offset": 0, "next": None, "previous": None}
    assert "otp" not in page["sessions"][0]


def test_list_filters_by_each_session_attribute(api: Api, sandbox: Sandbox, main: Account) -> None:
    plain = start(api, main)
    branded = start(api, main, recipient=IN_A, brand_name="Acme", app_hash=HASH, app_uuid=APP)
    verified = start(api, main, recipient=GB_A)
    api.validate(main, verified, sandbox.run(sandbox.verify.otp, verified))

    assert uuids(api.verify_list(main, app_uuid=APP)) == [branded]
    assert uuids(api.verify_list(main, brand_name="Acme")) == [branded]
    assert uuids(api.verify_list(main, app_hash=HASH)) == [branded]
    assert uuids(api.verify_list(main, country="IN")) == [branded]
    assert uuids(api.verify_list(main, recipient=US_A)) == [plain]
    assert uuids(api.verify_list(main, recipient=US_A[1:])) == [plain]
    assert uuids(api.verify_list(main, status="verified")) == [verified]
    assert uuids(api.verify_list(main, status="in-progress")) == [branded, plain]
    alias = api.verify_get(main, plain)["alias"]
    assert uuids(api.verify_list(main, alias=alias)) == [verified, plain]


def test_list_filters_by_expired_status(api: Api, main: Account, clock: ManualClock) -> None:
    old = start(api, main)
    clock.advance(601)
    new = start(api, main)

    assert uuids(api.verify_list(main, status="expired")) == [old]
    assert uuids(api.verify_list(main, status="in-progress")) == [new]


def test_list_filters_by_session_time_in_five_forms(
    api: Api, main: Account, clock: ManualClock
) -> None:
    a = start(api, main)  # 06:28:15
    clock.advance(1)
    b = start(api, main)  # 06:28:16
    clock.advance(1)
    c = start(api, main)  # 06:28:17

    assert uuids(api.verify_list(main, session_time="2024-02-01 06:28:16")) == [b]
    assert uuids(api.verify_list(main, session_time__gt="2024-02-01 06:28:16")) == [c]
    assert uuids(api.verify_list(main, session_time__gte="2024-02-01 06:28:16")) == [c, b]
    assert uuids(api.verify_list(main, session_time__lt="2024-02-01 06:28:16")) == [a]
    assert uuids(api.verify_list(main, session_time__lte="2024-02-01 06:28:16")) == [b, a]


def test_list_without_session_time_covers_the_last_24_hours(
    api: Api, main: Account, clock: ManualClock
) -> None:
    old = start(api, main)
    clock.advance(86401)
    new = start(api, main)

    assert uuids(api.verify_list(main)) == [new]
    assert uuids(api.verify_list(main, session_time__gte="2024-02-01 00:00")) == [new, old]


def test_list_never_shows_sessions_older_than_90_days(
    api: Api, main: Account, clock: ManualClock
) -> None:
    start(api, main)
    clock.advance(91 * 86400)

    assert uuids(api.verify_list(main, session_time__gte="2024-01-01 00:00")) == []


def test_list_scope_follows_the_account_tree(
    api: Api, main: Account, sub: Account, other: Account
) -> None:
    own = start(api, main)
    subs = start(api, sub)
    others = start(api, other)

    assert set(uuids(api.verify_list(main))) == {own, subs}
    assert uuids(api.verify_list(main, subaccount=sub.auth_id)) == [subs]
    assert uuids(api.verify_list(sub)) == [subs]
    assert uuids(api.verify_list(other)) == [others]


def test_next_and_previous_fetch_the_neighbouring_pages(
    api: Api, main: Account, clock: ManualClock
) -> None:
    made: list[str] = []
    for _ in range(3):
        made.insert(0, start(api, main, brand_name="Acme"))
        clock.advance(1)

    first = api.verify_list(main, brand_name="Acme", limit=2)
    second = follow(api, main, first["meta"]["next"])
    back = follow(api, main, second["meta"]["previous"])

    assert first["meta"]["next"] == (
        f"/v1/Account/{MAIN_ID}/Verify/Session/?brand_name=Acme&limit=2&offset=2"
    )
    assert [uuids(first), uuids(second), uuids(back)] == [made[:2], made[2:], made[:2]]
    assert second["meta"]["next"] is None and first["meta"]["previous"] is None


def follow(api: Api, caller: Account, url: str) -> dict[str, Any]:
    """Fetch the page a meta next/previous URL names."""
    parts = urlsplit(url)
    assert parts.path == f"/v1/Account/{caller.auth_id}/Verify/Session/"
    return api.verify_list(caller, **dict(parse_qsl(parts.query)))
