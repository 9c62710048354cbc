"""The resource-style client against the sandbox: every method, sync and async, pages, retries.

``client.<resource>.<method>(...)`` as a user writes it, over real HTTP to the
pytest plugin's sandbox (``plivo_client`` is a ``PlivoClient`` signed in as the
demo account).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from urllib.parse import urlencode
from uuid import uuid4

import httpx
import pytest
from plivo_masking_client import (
    AsyncPlivoClient,
    InternalServerError,
    NotFoundError,
    PlivoApiError,
    PlivoClient,
    RateLimitError,
    RetryPolicy,
    ServiceUnavailableError,
)
from plivo_masking_client.models import (
    MaskingSessionCreateResponse,
    MaskingSessionEvent,
    MaskingSessionStatus,
    MaskingStatusFilter,
    VerifySessionStatus,
)

from plivo_sandbox.testing.process import sandbox_process
from plivo_sandbox.testing.pytest_plugin import Credentials, SandboxHandle
from tests.client.test_webhooks import SESSION_EVENT, URL, plivo_signed_post
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN

FIRST = "+14155550100"
SECOND = "+14155550199"
RECIPIENT = "+14155550123"
# Retries in these tests wait milliseconds, not the default half second and more.
QUICK = RetryPolicy(initial_delay=0.01, max_delay=0.05)


def party(n: int) -> str:
    """A distinct US number per ``n``, so sessions never share a party."""
    return f"+1415555{n:04d}"


def create_between(client: PlivoClient, first: int, second: int) -> MaskingSessionCreateResponse:
    """A masking session between ``party(first)`` and ``party(second)``."""
    return client.masking_sessions.create(first_party=party(first), second_party=party(second))


def async_client(sandbox: SandboxHandle, **options: object) -> AsyncPlivoClient:
    """An ``AsyncPlivoClient`` of the demo account, talking to ``sandbox``."""
    return AsyncPlivoClient(
        auth_id=sandbox.credentials.auth_id,
        auth_token=sandbox.credentials.auth_token,
        base_url=f"{sandbox.url}/v1/Account/{{auth_id}}",
        **options,  # type: ignore[arg-type]
    )


def counting_client(
    sandbox: SandboxHandle, sent: list[httpx.Request], **options: object
) -> PlivoClient:
    """A ``PlivoClient`` that appends every request it sends to ``sent``."""
    return PlivoClient(
        auth_id=sandbox.credentials.auth_id,
        auth_token=sandbox.credentials.auth_token,
        base_url=f"{sandbox.url}/v1/Account/{{auth_id}}",
        httpx_args={"event_hooks": {"request": [sent.append]}},
        **options,  # type: ignore[arg-type]
    )


# ---------------------------------------------------------------- every method, sync


def test_create_returns_the_new_session(plivo_client: PlivoClient) -> None:
    session = plivo_client.masking_sessions.create(first_party=FIRST, second_party=SECOND)

    assert session.message == "Session created"
    assert session.session.first_party == FIRST.lstrip("+")
    assert session.virtual_number.startswith("+")


def test_get_returns_the_session(plivo_client: PlivoClient) -> None:
    created = plivo_client.masking_sessions.create(first_party=FIRST, second_party=SECOND)

    fetched = plivo_client.masking_sessions.get(created.session_uuid)

    assert fetched.response.session_uuid == created.session_uuid
    assert fetched.response.status == MaskingSessionStatus.ACTIVE


def test_get_takes_the_uuid_as_text(plivo_client: PlivoClient) -> None:
    created = plivo_client.masking_sessions.create(first_party=FIRST, second_party=SECOND)

    fetched = plivo_client.masking_sessions.get(str(created.session_uuid))

    assert fetched.response.session_uuid == created.session_uuid


def test_update_changes_the_given_fields_only(plivo_client: PlivoClient) -> None:
    created = plivo_client.masking_sessions.create(first_party=FIRST, second_party=SECOND)

    updated = plivo_client.masking_sessions.update(
        created.session_uuid, record=True, record_file_format="wav"
    )

    assert updated.message == "Session updated"
    assert updated.session.record is True
    assert updated.session.record_file_format == "wav"
    assert updated.session.callback_url == created.session.callback_url


def test_delete_ends_the_session(plivo_client: PlivoClient) -> None:
    created = plivo_client.masking_sessions.create(first_party=FIRST, second_party=SECOND)

    ended = plivo_client.masking_sessions.delete(created.session_uuid)

    assert ended.message == "Session expired"
    assert plivo_client.masking_sessions.get(created.session_uuid).response.status == "expired"


def test_verify_create_validate_and_get(
    plivo_client: PlivoClient, plivo_sandbox: SandboxHandle
) -> None:
    started = plivo_client.verify_sessions.create(recipient=RECIPIENT, channel="sms")

    validated = plivo_client.verify_sessions.validate(
        started.session_uuid, otp=plivo_sandbox.otp(str(started.session_uuid))
    )
    session = plivo_client.verify_sessions.get(started.session_uuid)

    assert validated.message == "session validated successfully."
    assert session.status == VerifySessionStatus.VERIFIED


def test_verify_list_filters_by_status(
    plivo_client: PlivoClient, plivo_sandbox: SandboxHandle
) -> None:
    verified = plivo_client.verify_sessions.create(recipient=RECIPIENT)
    plivo_client.verify_sessions.validate(
        verified.session_uuid, otp=plivo_sandbox.otp(str(verified.session_uuid))
    )
    plivo_client.verify_sessions.create(recipient=party(7))

    listed = list(plivo_client.verify_sessions.list(status="verified"))

    assert [s.session_uuid for s in listed] == [verified.session_uuid]


def test_enum_arguments_take_members_as_well_as_values(plivo_client: PlivoClient) -> None:
    plivo_client.masking_sessions.create(first_party=FIRST, second_party=SECOND)

    by_member = list(plivo_client.masking_sessions.list(status=MaskingStatusFilter.ACTIVE))
    by_value = list(plivo_client.masking_sessions.list(status="active"))

    assert len(by_member) == len(by_value) == 1


# ---------------------------------------------------------------- every page


def test_iterating_a_list_walks_every_page(plivo_sandbox: SandboxHandle) -> None:
    sent: list[httpx.Request] = []
    with counting_client(plivo_sandbox, sent) as client:
        created = {create_between(client, 2 * n, 2 * n + 1).session_uuid for n in range(45)}
        sent.clear()

        listed = [session.session_uuid for session in client.masking_sessions.list(status="active")]

    assert sorted(listed) == sorted(created)
    assert len(sent) == 3  # 20 + 20 + 5
    assert [request.url.params["offset"] for request in sent] == ["0", "20", "40"]


def test_a_list_fetches_the_next_page_only_when_needed(plivo_sandbox: SandboxHandle) -> None:
    sent: list[httpx.Request] = []
    with counting_client(plivo_sandbox, sent) as client:
        for n in range(3):
            create_between(client, 2 * n, 2 * n + 1)
        sent.clear()

        pager = client.masking_sessions.list(limit=1)
        assert sent == []
        first = next(iter(pager))

    assert first.session_uuid
    assert len(sent) == 1


def test_pages_come_with_their_meta(plivo_client: PlivoClient) -> None:
    for n in range(3):
        create_between(plivo_client, 2 * n, 2 * n + 1)

    pages = list(plivo_client.masking_sessions.list(limit=2).pages())

    assert [len(page) for page in pages] == [2, 1]
    assert [page.meta.offset for page in pages] == [0, 2]
    assert pages[0].meta.total_count == 3
    assert pages[0].has_next_page and not pages[1].has_next_page


def test_page_fetches_one_page_with_its_meta_and_raw_answer(plivo_client: PlivoClient) -> None:
    for n in range(3):
        create_between(plivo_client, 2 * n, 2 * n + 1)

    page = plivo_client.masking_sessions.page(limit=2, offset=1)

    assert len(page.items) == 2
    assert (page.meta.limit, page.meta.offset, page.meta.total_count) == (2, 1, 3)
    assert page.raw.status_code == 200
    assert page.next_offset == 3


# ---------------------------------------------------------------- raw responses


def test_with_raw_response_gives_status_headers_and_the_parsed_body(
    plivo_client: PlivoClient,
) -> None:
    raw = plivo_client.masking_sessions.with_raw_response.create(
        first_party=FIRST, second_party=SECOND
    )

    assert raw.status_code == 201
    assert raw.headers["content-type"] == "application/json"
    assert raw.parsed is not None and raw.parsed.message == "Session created"


# ---------------------------------------------------------------- errors


def test_an_unknown_uuid_raises_not_found(plivo_client: PlivoClient) -> None:
    with pytest.raises(NotFoundError) as raised:
        plivo_client.masking_sessions.get(uuid4())

    assert raised.value.status_code == 404
    assert raised.value.api_id
    assert "not found" in raised.value.message
    assert raised.value.response.status_code == 404


def test_every_error_is_a_plivo_api_error(plivo_client: PlivoClient) -> None:
    with pytest.raises(PlivoApiError) as raised:
        plivo_client.verify_sessions.create(recipient="not a number")

    assert raised.value.status_code == 400
    assert "recipient" in raised.value.message


# ---------------------------------------------------------------- retries


def test_a_forced_503_is_retried_to_success(plivo_sandbox: SandboxHandle) -> None:
    sent: list[httpx.Request] = []
    with counting_client(plivo_sandbox, sent, retry_policy=QUICK) as client:
        plivo_sandbox.force("create_verify_session", 503, count=2)

        started = client.verify_sessions.create(recipient=RECIPIENT)

    assert started.session_uuid
    assert len(sent) == 3


def test_more_503s_than_retries_raise_the_last(plivo_sandbox: SandboxHandle) -> None:
    sent: list[httpx.Request] = []
    with counting_client(plivo_sandbox, sent, retry_policy=QUICK) as client:
        plivo_sandbox.force("list_masking_sessions", 503, count=3)

        with pytest.raises(ServiceUnavailableError):
            client.masking_sessions.page()

    assert len(sent) == 3


def test_a_500_on_create_is_raised_not_retried(plivo_sandbox: SandboxHandle) -> None:
    sent: list[httpx.Request] = []
    with counting_client(plivo_sandbox, sent, retry_policy=QUICK) as client:
        plivo_sandbox.force("create_masking_session", 500)

        with pytest.raises(InternalServerError):
            client.masking_sessions.create(first_party=FIRST, second_party=SECOND)
        assert len(sent) == 1
        created = client.masking_sessions.create(first_party=FIRST, second_party=SECOND)

    assert created.message == "Session created"


def test_a_500_on_get_is_retried(plivo_sandbox: SandboxHandle, plivo_client: PlivoClient) -> None:
    created = plivo_client.masking_sessions.create(first_party=FIRST, second_party=SECOND)
    sent: list[httpx.Request] = []
    with counting_client(plivo_sandbox, sent, retry_policy=QUICK) as client:
        plivo_sandbox.force("get_masking_session", 500)

        fetched = client.masking_sessions.get(created.session_uuid)

    assert fetched.response.session_uuid == created.session_uuid
    assert len(sent) == 2


def test_max_retries_zero_sends_once(plivo_sandbox: SandboxHandle) -> None:
    sent: list[httpx.Request] = []
    with counting_client(plivo_sandbox, sent, max_retries=0) as client:
        plivo_sandbox.force("create_verify_session", 503)

        with pytest.raises(ServiceUnavailableError):
            client.verify_sessions.create(recipient=RECIPIENT)

    assert len(sent) == 1


def test_max_retries_per_call_overrides_the_clients(plivo_sandbox: SandboxHandle) -> None:
    sent: list[httpx.Request] = []
    with counting_client(plivo_sandbox, sent, max_retries=0, retry_policy=QUICK) as client:
        plivo_sandbox.force("create_verify_session", 503)

        started = client.verify_sessions.create(recipient=RECIPIENT, max_retries=1)

    assert started.session_uuid
    assert len(sent) == 2


@pytest.fixture(scope="module")
def rate_limited_sandbox() -> Iterator[SandboxHandle]:
    """A sandbox whose Verify list allows 2 calls a second."""
    env = {"PLIVO_SANDBOX_VERIFY_RATE_LIMIT": "2", "PLIVO_SANDBOX_VERIFY_RATE_WINDOW": "1"}
    with sandbox_process(env=env, max_lifetime=120) as url:
        yield SandboxHandle(url, Credentials(DEMO_AUTH_ID, DEMO_AUTH_TOKEN))


def test_the_verify_lists_429_is_retried_after_its_retry_after(
    rate_limited_sandbox: SandboxHandle,
) -> None:
    rate_limited_sandbox.reset()
    sent: list[httpx.Request] = []
    with counting_client(rate_limited_sandbox, sent) as client:
        client.verify_sessions.page()
        client.verify_sessions.page()

        third = client.verify_sessions.page()

    assert third.raw.status_code == 200
    assert len(sent) == 4  # the third call was answered 429 once, then retried


def test_a_429_beyond_the_retries_raises_rate_limit_with_retry_after(
    rate_limited_sandbox: SandboxHandle,
) -> None:
    rate_limited_sandbox.reset()
    with counting_client(rate_limited_sandbox, [], max_retries=0) as client:
        client.verify_sessions.page()
        client.verify_sessions.page()

        with pytest.raises(RateLimitError) as raised:
            client.verify_sessions.page()

    assert raised.value.retry_after == 1
    assert raised.value.message == "too many requests"


# ---------------------------------------------------------------- async twin


def test_the_async_client_has_every_method(plivo_sandbox: SandboxHandle) -> None:
    async def flow() -> list[object]:
        async with async_client(plivo_sandbox) as client:
            created = await client.masking_sessions.create(first_party=FIRST, second_party=SECOND)
            fetched = await client.masking_sessions.get(created.session_uuid)
            updated = await client.masking_sessions.update(created.session_uuid, record=True)
            listed = [s.session_uuid async for s in client.masking_sessions.list(status="active")]
            page = await client.masking_sessions.page()
            ended = await client.masking_sessions.delete(created.session_uuid)
            started = await client.verify_sessions.create(recipient=RECIPIENT)
            otp = plivo_sandbox.otp(str(started.session_uuid))
            validated = await client.verify_sessions.validate(started.session_uuid, otp=otp)
            session = await client.verify_sessions.get(started.session_uuid)
            verified = [
                s.session_uuid async for s in client.verify_sessions.list(status="verified")
            ]
            return [
                fetched.response.session_uuid == created.session_uuid,
                updated.session.record,
                listed == [created.session_uuid],
                len(page.items) == 1,
                ended.message,
                validated.message,
                session.status,
                verified == [started.session_uuid],
            ]

    assert asyncio.run(flow()) == [
        True, True, True, True, "Session expired", "session validated successfully.",
        VerifySessionStatus.VERIFIED, True,
    ]  # fmt: skip


def test_the_async_list_walks_every_page(
    plivo_sandbox: SandboxHandle, plivo_client: PlivoClient
) -> None:
    for n in range(23):
        create_between(plivo_client, 2 * n, 2 * n + 1)

    async def pages() -> list[int]:
        async with async_client(plivo_sandbox) as client:
            return [len(page) async for page in client.masking_sessions.list().pages()]

    assert asyncio.run(pages()) == [20, 3]


def test_the_async_client_raises_typed_errors_and_retries(plivo_sandbox: SandboxHandle) -> None:
    plivo_sandbox.force("create_verify_session", 503, count=1)

    async def calls() -> tuple[bool, int]:
        async with async_client(plivo_sandbox, retry_policy=QUICK) as client:
            started = await client.verify_sessions.create(recipient=RECIPIENT)
            try:
                await client.verify_sessions.get(uuid4())
            except NotFoundError as error:
                return bool(started.session_uuid), int(error.status_code)
        return False, 0

    assert asyncio.run(calls()) == (True, 404)


# ---------------------------------------------------------------- webhooks


def test_client_webhooks_parse_with_the_clients_auth_token(plivo_client: PlivoClient) -> None:
    body = urlencode(SESSION_EVENT).encode()

    event = plivo_client.webhooks.parse("POST", URL, plivo_signed_post(SESSION_EVENT), body)

    assert isinstance(event, MaskingSessionEvent)
    assert not plivo_client.webhooks.is_valid(
        "POST", URL, plivo_signed_post(SESSION_EVENT, token="another token"), body
    )
