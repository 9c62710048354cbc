"""The generated client against the local sandbox: every operation, every error it can produce.

The sandbox comes from the project's own pytest plugin (plivo_sandbox.testing.pytest_plugin),
as it would in another project: one ``python -m plivo_sandbox`` process per test
session on a free 127.0.0.1 port, reset before each test (``plivo_sandbox``), and
the generated client signed in as the demo account (``plivo_client``). Calls go
over real HTTP, synchronous and asyncio alike.
"""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from plivo_masking_client import PlivoClient, unwrap
from plivo_masking_client.api.masking_sessions import (
    create_masking_session,
    delete_masking_session,
    get_masking_session,
    list_masking_sessions,
    update_masking_session,
)
from plivo_masking_client.api.verify_sessions import (
    create_verify_session,
    get_verify_session,
    list_verify_sessions,
    validate_verify_session,
)
from plivo_masking_client.models import (
    Error,
    MaskingSessionCreateRequest,
    MaskingSessionCreateResponse,
    MaskingSessionStatus,
    MaskingSessionUpdateRequest,
    MaskingStatusFilter,
    VerifyChannel,
    VerifySessionCreateRequest,
    VerifySessionStatus,
    VerifySessionValidateRequest,
)

from plivo_sandbox.testing.pytest_plugin import SandboxHandle
from tests.conftest import REPO_ROOT

FIRST = "+14155550100"
SECOND = "+14155550199"
RECIPIENT = "+14155550123"
PIN_PROMPT = "https://play.s3.eu-north-1.amazonaws.com/pin_prompt.wav"
INCORRECT_PIN = "https://play.s3.eu-north-1.amazonaws.com/incorrect_pin.wav"


@pytest.fixture
def client(plivo_client: PlivoClient) -> PlivoClient:
    """The plugin's generated client: the demo account over real HTTP to the sandbox."""
    return plivo_client


def new_client(sandbox: SandboxHandle, auth_token: str | None = None) -> PlivoClient:
    """Another client of the demo account (for asyncio calls, or a wrong token)."""
    return PlivoClient(
        auth_id=sandbox.credentials.auth_id,
        auth_token=auth_token or sandbox.credentials.auth_token,
        base_url=f"{sandbox.url}/v1/Account/{{auth_id}}",
    )


def create(
    client: PlivoClient, first: str = FIRST, second: str = SECOND, **arguments: Any
) -> MaskingSessionCreateResponse:
    """A new masking session between ``first`` and ``second``."""
    body = MaskingSessionCreateRequest(first_party=first, second_party=second, **arguments)
    return unwrap(create_masking_session.sync_detailed(client=client, body=body))


def assert_error(response: Any, status: int) -> Error:
    """``response`` is ``status`` with Plivo's Error body, parsed by the client."""
    assert response.status_code == status, response.content
    assert isinstance(response.parsed, Error), response.content
    assert response.parsed.api_id and response.parsed.error
    return response.parsed


# ---------------------------------------------------------------- masking life cycle


def test_create_with_pin_authentication_answers_an_active_session(client: PlivoClient) -> None:
    created = create(
        client,
        is_pin_authentication_required=True,
        first_party_pin="1234",
        second_party_pin=4321,
        pin_prompt_play=PIN_PROMPT,
        incorrect_pin_play=INCORRECT_PIN,
    )
    assert created.message == "Session created"
    assert created.virtual_number.startswith("+")
    assert created.session.virtual_number == created.virtual_number.removeprefix("+")
    assert created.session.status is MaskingSessionStatus.ACTIVE
    assert created.session.is_pin_authentication_required is True
    assert (created.session.first_party_pin, created.session.second_party_pin) == ("1234", "4321")
    assert created.session.created_time.endswith(" UTC")


def test_get_answers_the_session_that_was_created(client: PlivoClient) -> None:
    created = create(client)
    fetched = unwrap(get_masking_session.sync_detailed(created.session_uuid, client=client))
    assert fetched.response.session_uuid == created.session_uuid
    assert fetched.response.first_party == FIRST.removeprefix("+")
    assert fetched.response.interaction is None


def test_update_changes_the_session_and_answers_it_whole(client: PlivoClient) -> None:
    created = create(client)
    updated = unwrap(
        update_masking_session.sync_detailed(
            created.session_uuid,
            client=client,
            body=MaskingSessionUpdateRequest(record=True, call_time_limit=600),
        )
    )
    assert updated.message == "Session updated"
    assert updated.session.record is True
    assert updated.session.call_time_limit == 600
    assert updated.session.session_uuid == created.session_uuid


def test_list_filters_by_party(client: PlivoClient) -> None:
    wanted = create(client, "+14155550101", "+14155550201")
    create(client, "+14155550102", "+14155550202")
    page = unwrap(
        list_masking_sessions.sync_detailed(client=client, first_party="+14155550101")
    ).response
    assert [item.session_uuid for item in page.objects] == [wanted.session_uuid]
    assert page.meta.total_count == 1
    assert page.objects[0].resource_uri.endswith(f"/Masking/Session/{wanted.session_uuid}/")


def test_list_pages_with_limit_and_offset_newest_first(client: PlivoClient) -> None:
    made = [create(client, f"+1415555010{i}", f"+1415555020{i}").session_uuid for i in range(3)]
    first = unwrap(
        list_masking_sessions.sync_detailed(
            client=client, status=MaskingStatusFilter.ACTIVE, limit=2
        )
    ).response
    rest = unwrap(
        list_masking_sessions.sync_detailed(
            client=client, status=MaskingStatusFilter.ACTIVE, limit=2, offset=2
        )
    ).response
    assert first.meta.total_count == rest.meta.total_count == 3
    assert (first.meta.limit, first.meta.offset) == (2, 0)
    assert first.meta.next_ is not None and first.meta.previous is None
    assert rest.meta.next_ is None and rest.meta.previous is not None
    listed = [item.session_uuid for item in first.objects + rest.objects]
    assert sorted(listed) == sorted(made)


def test_delete_ends_the_session_which_stays_readable_as_expired(client: PlivoClient) -> None:
    session_uuid = create(client).session_uuid
    ended = unwrap(delete_masking_session.sync_detailed(session_uuid, client=client))
    assert ended.message in {"Session expired", "Session Deleted"}
    fetched = unwrap(get_masking_session.sync_detailed(session_uuid, client=client))
    assert fetched.response.status is MaskingSessionStatus.EXPIRED


# ---------------------------------------------------------------- Verify


def start_verify(client: PlivoClient, **arguments: Any) -> UUID:
    """A new Verify session to RECIPIENT; its uuid."""
    body = VerifySessionCreateRequest(recipient=RECIPIENT, **arguments)
    started = unwrap(create_verify_session.sync_detailed(client=client, body=body))
    assert started.message == "Session initiated"
    return started.session_uuid


def test_the_otp_read_from_the_control_api_validates_the_session(
    client: PlivoClient, plivo_sandbox: SandboxHandle
) -> None:
    session_uuid = start_verify(client)
    validated = unwrap(
        validate_verify_session.sync_detailed(
            session_uuid,
            client=client,
            body=VerifySessionValidateRequest(otp=plivo_sandbox.otp(str(session_uuid))),
        )
    )
    assert validated.message == "session validated successfully."
    session = unwrap(get_verify_session.sync_detailed(session_uuid, client=client))
    assert session.status is VerifySessionStatus.VERIFIED


def test_get_verify_session_reads_attempts_charges_and_aware_timestamps(
    client: PlivoClient,
) -> None:
    session_uuid = start_verify(client, channel=VerifyChannel.VOICE)
    session = unwrap(get_verify_session.sync_detailed(session_uuid, client=client))
    assert session.status is VerifySessionStatus.IN_PROGRESS
    assert session.attempt_details is not None  # the sandbox always lists its attempts
    assert session.count == len(session.attempt_details) == 1
    assert session.attempt_details[0].channel == "voice"
    assert float(session.charges.total_charge) > 0
    assert session.created_at.utcoffset() is not None
    assert session.updated_at >= session.created_at


def test_list_verify_sessions_finds_the_session_by_recipient(client: PlivoClient) -> None:
    session_uuid = start_verify(client)
    listed = unwrap(list_verify_sessions.sync_detailed(client=client, recipient=RECIPIENT))
    assert [session.session_uuid for session in listed.sessions] == [session_uuid]
    assert listed.meta.next_ is None


# ---------------------------------------------------------------- error statuses


def test_a_bad_argument_is_a_400_error(client: PlivoClient) -> None:
    body = MaskingSessionCreateRequest(first_party="+1 202", second_party=SECOND)
    error = assert_error(create_masking_session.sync_detailed(client=client, body=body), 400)
    assert "first_party" in error.error


def test_a_wrong_otp_is_a_400_error(client: PlivoClient) -> None:
    body = VerifySessionValidateRequest(otp="0000000")
    session_uuid = start_verify(client, code_length=6)
    assert_error(validate_verify_session.sync_detailed(session_uuid, client=client, body=body), 400)


def test_a_wrong_token_is_a_401_error(plivo_sandbox: SandboxHandle) -> None:
    intruder = new_client(plivo_sandbox, auth_token="wrong")
    assert_error(list_masking_sessions.sync_detailed(client=intruder), 401)


def test_an_unknown_session_is_a_404_error(client: PlivoClient) -> None:
    assert_error(get_masking_session.sync_detailed(uuid4(), client=client), 404)
    assert_error(get_verify_session.sync_detailed(uuid4(), client=client), 404)


def test_a_wrong_method_is_a_405_error_in_plivos_shape(client: PlivoClient) -> None:
    # No operation uses PUT, so the generated client has no function for it:
    # send it raw through the client's own (authenticated) httpx client.
    session_uuid = create(client).session_uuid
    answer = client.get_httpx_client().put(f"/Masking/Session/{session_uuid}", json={})
    assert answer.status_code == 405
    error = Error.from_dict(answer.json())
    assert error.api_id and error.error


def test_updating_a_deleted_session_is_a_409_error(client: PlivoClient) -> None:
    session_uuid = create(client).session_uuid
    unwrap(delete_masking_session.sync_detailed(session_uuid, client=client))
    body = MaskingSessionUpdateRequest(record=True)
    assert_error(update_masking_session.sync_detailed(session_uuid, client=client, body=body), 409)


def test_the_verify_list_beyond_20_calls_a_minute_is_a_429_error(client: PlivoClient) -> None:
    for _ in range(20):
        unwrap(list_verify_sessions.sync_detailed(client=client))
    assert_error(list_verify_sessions.sync_detailed(client=client), 429)


# ---------------------------------------------------------------- asyncio


def test_the_masking_life_cycle_works_with_asyncio(plivo_sandbox: SandboxHandle) -> None:
    async def life_cycle() -> tuple[MaskingSessionStatus, MaskingSessionStatus]:
        async with new_client(plivo_sandbox) as client:
            body = MaskingSessionCreateRequest(first_party=FIRST, second_party=SECOND)
            created = unwrap(
                await create_masking_session.asyncio_detailed(client=client, body=body)
            )
            session_uuid = created.session_uuid
            await update_masking_session.asyncio_detailed(
                session_uuid, client=client, body=MaskingSessionUpdateRequest(record=True)
            )
            unwrap(await delete_masking_session.asyncio_detailed(session_uuid, client=client))
            after = unwrap(await get_masking_session.asyncio_detailed(session_uuid, client=client))
            return created.session.status, after.response.status

    assert asyncio.run(life_cycle()) == (MaskingSessionStatus.ACTIVE, MaskingSessionStatus.EXPIRED)


def test_the_verify_flow_works_with_asyncio(plivo_sandbox: SandboxHandle) -> None:
    async def flow() -> VerifySessionStatus:
        async with new_client(plivo_sandbox) as client:
            body = VerifySessionCreateRequest(recipient=RECIPIENT)
            started = unwrap(await create_verify_session.asyncio_detailed(client=client, body=body))
            session_uuid = started.session_uuid
            otp = VerifySessionValidateRequest(otp=plivo_sandbox.latest_otp(RECIPIENT))
            unwrap(
                await validate_verify_session.asyncio_detailed(
                    session_uuid, client=client, body=otp
                )
            )
            session = unwrap(await get_verify_session.asyncio_detailed(session_uuid, client=client))
            return session.status

    assert asyncio.run(flow()) is VerifySessionStatus.VERIFIED


def test_a_wrong_token_is_a_401_error_with_asyncio(plivo_sandbox: SandboxHandle) -> None:
    async def attempt() -> Any:
        async with new_client(plivo_sandbox, auth_token="wrong") as client:
            return await list_verify_sessions.asyncio_detailed(client=client)

    assert_error(asyncio.run(attempt()), 401)


# ---------------------------------------------------------------- the example


def test_the_example_script_runs_its_whole_flow_against_the_sandbox(
    plivo_sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PLIVO_AUTH_ID", raising=False)
    monkeypatch.delenv("PLIVO_AUTH_TOKEN", raising=False)
    path = Path(REPO_ROOT) / "examples" / "masking_and_verify.py"
    spec = importlib.util.spec_from_file_location("masking_and_verify_example", path)
    assert spec is not None and spec.loader is not None
    example = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(example)
    assert example.main(["--base-url", f"{plivo_sandbox.url}/v1/Account/{{auth_id}}"]) == 0
