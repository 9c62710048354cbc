"""What the generated client puts on the wire and how it reads each answer.

Offline: ``httpx.MockTransport`` stands in for Plivo, records each request and
answers with the spec's own example bodies.
"""

from __future__ import annotations

import asyncio
import base64
import json
from collections.abc import Callable, Coroutine
from typing import Any
from uuid import UUID

import httpx
import pytest
from plivo_masking_client import (
    PLIVO_BASE_URL,
    SANDBOX_BASE_URL,
    AuthenticatedClient,
    Client,
    PlivoApiError,
    PlivoClient,
    UnexpectedStatus,
    unwrap,
)
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
    MaskingSessionGetResponse,
    MaskingSessionUpdateRequest,
    MaskingStatusFilter,
    VerifySessionCreateRequest,
    VerifySessionStatus,
    VerifySessionValidateRequest,
)
from plivo_masking_client.types import Response

from plivo_sandbox.core.spec import load_document
from tests.conftest import DEMO_AUTH_ID as AUTH_ID
from tests.conftest import DEMO_AUTH_TOKEN as AUTH_TOKEN

from .bodies import DocumentedStatus, documented_error_statuses, masking_session, operations
from .bodies import spec_examples as all_spec_examples

SESSION = UUID("c28b77d4-21e7-43bd-9447-04bfee92e651")
PARTIES = MaskingSessionCreateRequest(first_party="+14155550100", second_party="+14155550199")

Handler = Callable[[httpx.Request], httpx.Response]
SyncCall = Callable[[PlivoClient], Response[Any]]
AsyncCall = Callable[[PlivoClient], Coroutine[Any, Any, Response[Any]]]

# One call of each operation, with the least arguments it takes.
SYNC_CALLS: dict[str, SyncCall] = {
    "create_masking_session": lambda c: create_masking_session.sync_detailed(
        client=c, body=PARTIES
    ),
    "list_masking_sessions": lambda c: list_masking_sessions.sync_detailed(client=c),
    "get_masking_session": lambda c: get_masking_session.sync_detailed(SESSION, client=c),
    "update_masking_session": lambda c: update_masking_session.sync_detailed(
        SESSION, client=c, body=MaskingSessionUpdateRequest(record=True)
    ),
    "delete_masking_session": lambda c: delete_masking_session.sync_detailed(SESSION, client=c),
    "create_verify_session": lambda c: create_verify_session.sync_detailed(
        client=c, body=VerifySessionCreateRequest(recipient="+14155550123")
    ),
    "list_verify_sessions": lambda c: list_verify_sessions.sync_detailed(client=c),
    "get_verify_session": lambda c: get_verify_session.sync_detailed(SESSION, client=c),
    "validate_verify_session": lambda c: validate_verify_session.sync_detailed(
        SESSION, client=c, body=VerifySessionValidateRequest(otp="123456")
    ),
}
ASYNC_CALLS: dict[str, AsyncCall] = {
    "create_masking_session": lambda c: create_masking_session.asyncio_detailed(
        client=c, body=PARTIES
    ),
    "list_masking_sessions": lambda c: list_masking_sessions.asyncio_detailed(client=c),
    "get_masking_session": lambda c: get_masking_session.asyncio_detailed(SESSION, client=c),
    "update_masking_session": lambda c: update_masking_session.asyncio_detailed(
        SESSION, client=c, body=MaskingSessionUpdateRequest(record=True)
    ),
    "delete_masking_session": lambda c: delete_masking_session.asyncio_detailed(SESSION, client=c),
    "create_verify_session": lambda c: create_verify_session.asyncio_detailed(
        client=c, body=VerifySessionCreateRequest(recipient="+14155550123")
    ),
    "list_verify_sessions": lambda c: list_verify_sessions.asyncio_detailed(client=c),
    "get_verify_session": lambda c: get_verify_session.asyncio_detailed(SESSION, client=c),
    "validate_verify_session": lambda c: validate_verify_session.asyncio_detailed(
        SESSION, client=c, body=VerifySessionValidateRequest(otp="123456")
    ),
}

SUCCESS_EXAMPLES = [body for body in all_spec_examples() if not body.case.startswith("components/")]
ERROR_EXAMPLE = {"api_id": "5c5b7a0e-0a55-4d4a-9b3c-1c6c8b9f2f10", "error": "session not found"}


class FakePlivo:
    """A MockTransport handler: answers ``status`` with ``body``, keeps every request.

    Without a body it answers the spec's example of a masking session get.
    """

    def __init__(self, status: int = 200, body: Any = None) -> None:
        self.status = status
        self.body = body if body is not None else {"api_id": "a", "response": masking_session()}
        self.requests: list[httpx.Request] = []

    @classmethod
    def answering(cls, operation_id: str) -> FakePlivo:
        """A fake that answers with the spec's success example of ``operation_id``."""
        example = next(body for body in SUCCESS_EXAMPLES if body.case.startswith(operation_id))
        return cls(int(example.case.split("/")[1]), example.value)

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return httpx.Response(self.status, json=self.body)

    @property
    def last(self) -> httpx.Request:
        """The most recent request."""
        return self.requests[-1]


def plivo_client(fake: Handler, **kwargs: Any) -> PlivoClient:
    """A PlivoClient for the demo account whose requests go to ``fake``."""
    return PlivoClient(
        auth_id=AUTH_ID,
        auth_token=AUTH_TOKEN,
        httpx_args={"transport": httpx.MockTransport(fake)},
        **kwargs,
    )


def basic_credentials(request: httpx.Request) -> str:
    """The ``user:password`` of a request's HTTP Basic ``Authorization`` header."""
    scheme, _, encoded = request.headers["Authorization"].partition(" ")
    assert scheme == "Basic"
    return base64.b64decode(encoded).decode()


# ---------------------------------------------------------------- the one-line client


def test_the_client_sends_auth_id_and_token_as_http_basic_auth() -> None:
    fake = FakePlivo()
    get_masking_session.sync_detailed(SESSION, client=plivo_client(fake))
    assert basic_credentials(fake.last) == f"{AUTH_ID}:{AUTH_TOKEN}"


def test_paths_resolve_under_plivos_account_url_by_default() -> None:
    fake = FakePlivo()
    get_masking_session.sync_detailed(SESSION, client=plivo_client(fake))
    assert (
        str(fake.last.url)
        == f"https://api.plivo.com/v1/Account/{AUTH_ID}/Masking/Session/{SESSION}"
    )
    assert PLIVO_BASE_URL == "https://api.plivo.com/v1/Account/{auth_id}"


def test_the_base_url_can_point_at_the_local_sandbox() -> None:
    fake = FakePlivo()
    client = plivo_client(fake, base_url=SANDBOX_BASE_URL)
    get_masking_session.sync_detailed(SESSION, client=client)
    assert client.base_url == f"http://127.0.0.1:8000/v1/Account/{AUTH_ID}"
    assert str(fake.last.url) == f"{client.base_url}/Masking/Session/{SESSION}"


def test_the_base_urls_are_the_servers_of_the_spec() -> None:
    servers = [server["url"] for server in load_document()["servers"]]
    assert servers == [PLIVO_BASE_URL, SANDBOX_BASE_URL]


def test_a_base_url_without_the_auth_id_placeholder_is_used_as_given() -> None:
    client = plivo_client(FakePlivo(), base_url="http://localhost:9000/v1/Account/MAOTHER")
    assert client.base_url == "http://localhost:9000/v1/Account/MAOTHER"


def test_credentials_default_to_the_plivo_environment_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PLIVO_AUTH_ID", "MAENV0000000000000000")
    monkeypatch.setenv("PLIVO_AUTH_TOKEN", "env-token")
    fake = FakePlivo()
    client = PlivoClient.from_env(httpx_args={"transport": httpx.MockTransport(fake)})
    get_masking_session.sync_detailed(SESSION, client=client)
    assert basic_credentials(fake.last) == "MAENV0000000000000000:env-token"
    assert client.base_url.endswith("/v1/Account/MAENV0000000000000000")
    assert PlivoClient().auth_id == "MAENV0000000000000000"


def test_missing_credentials_are_refused_at_construction(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PLIVO_AUTH_ID", raising=False)
    monkeypatch.delenv("PLIVO_AUTH_TOKEN", raising=False)
    with pytest.raises(ValueError, match="PLIVO_AUTH_TOKEN"):
        PlivoClient(auth_id=AUTH_ID)


def test_the_clients_repr_shows_neither_the_token_nor_the_encoded_credentials() -> None:
    client = plivo_client(FakePlivo())
    assert AUTH_TOKEN not in repr(client)
    assert client.token not in repr(client)
    assert AUTH_ID in repr(client)


def test_a_client_with_extra_headers_keeps_its_credentials_and_base_url() -> None:
    fake = FakePlivo()
    client = plivo_client(fake).with_headers({"X-Request-Source": "tests"})
    get_masking_session.sync_detailed(SESSION, client=client)
    assert fake.last.headers["X-Request-Source"] == "tests"
    assert basic_credentials(fake.last) == f"{AUTH_ID}:{AUTH_TOKEN}"
    assert str(fake.last.url).startswith(f"https://api.plivo.com/v1/Account/{AUTH_ID}/")


def test_the_generic_generated_clients_still_work() -> None:
    fake = FakePlivo()
    transport = {"transport": httpx.MockTransport(fake)}
    token = base64.b64encode(f"{AUTH_ID}:{AUTH_TOKEN}".encode()).decode()
    authenticated = AuthenticatedClient(
        base_url="http://x/v1/Account/MA1", token=token, prefix="Basic", httpx_args=transport
    )
    plain = Client(base_url="http://y/v1/Account/MA2", httpx_args=transport)
    for client in (authenticated, plain):
        parsed = get_masking_session.sync(SESSION, client=client)
        assert isinstance(parsed, MaskingSessionGetResponse)
    assert basic_credentials(fake.requests[0]) == f"{AUTH_ID}:{AUTH_TOKEN}"
    assert "Authorization" not in fake.requests[1].headers


# ---------------------------------------------------------------- what goes on the wire


def test_a_create_sends_only_the_arguments_given_as_json() -> None:
    fake = FakePlivo.answering("create_masking_session")
    body = MaskingSessionCreateRequest(
        first_party="+14155550100", second_party="+14155550199", first_party_pin=1234
    )
    create_masking_session.sync_detailed(client=plivo_client(fake), body=body)
    assert fake.last.method == "POST"
    assert fake.last.headers["Content-Type"] == "application/json"
    assert json.loads(fake.last.content) == {
        "first_party": "+14155550100",
        "second_party": "+14155550199",
        "first_party_pin": 1234,
    }


def test_documented_defaults_are_left_to_the_server_not_sent() -> None:
    # code_length is the Verify application's own setting when omitted: a
    # client that sent the spec's assumed 6 would override it.
    fake = FakePlivo.answering("create_verify_session")
    body = VerifySessionCreateRequest(recipient="+14155550123")
    create_verify_session.sync_detailed(client=plivo_client(fake), body=body)
    assert json.loads(fake.last.content) == {"recipient": "+14155550123"}


def test_list_filters_travel_in_the_query_string_under_plivos_names() -> None:
    fake = FakePlivo.answering("list_masking_sessions")
    list_masking_sessions.sync_detailed(
        client=plivo_client(fake),
        status=MaskingStatusFilter.ACTIVE,
        created_time_gte="2024-02-01 06:28",
        duration_lt=600,
        limit=5,
        offset=10,
    )
    assert fake.last.method == "GET"
    assert dict(fake.last.url.params) == {
        "status": "active",
        "created_time__gte": "2024-02-01 06:28",
        "duration__lt": "600",
        "limit": "5",
        "offset": "10",
    }


def test_verify_list_filters_send_enum_values() -> None:
    fake = FakePlivo.answering("list_verify_sessions")
    list_verify_sessions.sync_detailed(
        client=plivo_client(fake), status=VerifySessionStatus.IN_PROGRESS, country="US"
    )
    assert fake.last.url.params["status"] == "in-progress"
    assert fake.last.url.params["country"] == "US"


def test_the_call_tables_cover_every_operation_of_the_spec() -> None:
    operation_ids = {operation_id for operation_id, _ in operations()}
    assert set(SYNC_CALLS) == set(ASYNC_CALLS) == operation_ids


# ---------------------------------------------------------------- how answers are read


@pytest.mark.parametrize("example", SUCCESS_EXAMPLES, ids=[body.case for body in SUCCESS_EXAMPLES])
def test_each_operation_parses_its_documented_success_into_its_model(example: Any) -> None:
    operation_id, status, _ = example.case.split("/")
    fake = FakePlivo(int(status), example.value)
    response = SYNC_CALLS[operation_id](plivo_client(fake))
    assert response.status_code == int(status)
    assert type(response.parsed).__name__ == example.schema


ERRORS = documented_error_statuses()


@pytest.mark.parametrize(
    "documented", ERRORS, ids=[f"{entry.operation_id}/{entry.status}" for entry in ERRORS]
)
def test_each_documented_error_status_parses_into_the_error_model(
    documented: DocumentedStatus,
) -> None:
    assert documented.schema == "Error"
    fake = FakePlivo(documented.status, ERROR_EXAMPLE)
    response = SYNC_CALLS[documented.operation_id](plivo_client(fake))
    assert response.status_code == documented.status
    assert isinstance(response.parsed, Error)
    assert response.parsed.error == "session not found"
    assert response.parsed.api_id == ERROR_EXAMPLE["api_id"]


@pytest.mark.parametrize(
    "documented", ERRORS, ids=[f"{entry.operation_id}/{entry.status}" for entry in ERRORS]
)
def test_each_documented_error_status_parses_into_the_error_model_with_asyncio(
    documented: DocumentedStatus,
) -> None:
    fake = FakePlivo(documented.status, ERROR_EXAMPLE)
    response = asyncio.run(ASYNC_CALLS[documented.operation_id](plivo_client(fake)))
    assert response.status_code == documented.status
    assert isinstance(response.parsed, Error)


def test_an_undocumented_status_raises_unexpected_status() -> None:
    fake = FakePlivo(403, {"api_id": "a", "error": "forbidden"})
    with pytest.raises(UnexpectedStatus) as raised:
        get_masking_session.sync_detailed(SESSION, client=plivo_client(fake))
    assert raised.value.status_code == 403


def test_an_undocumented_status_can_be_read_as_none_when_asked() -> None:
    fake = FakePlivo(403, {"api_id": "a", "error": "forbidden"})
    client = plivo_client(fake, raise_on_unexpected_status=False)
    response = get_masking_session.sync_detailed(SESSION, client=client)
    assert response.status_code == 403
    assert response.parsed is None


def test_unwrap_returns_the_success_model() -> None:
    session = unwrap(get_masking_session.sync_detailed(SESSION, client=plivo_client(FakePlivo())))
    assert session.response.session_uuid == SESSION


def test_unwrap_raises_plivo_api_error_with_the_status_and_error() -> None:
    fake = FakePlivo(404, ERROR_EXAMPLE)
    with pytest.raises(PlivoApiError) as raised:
        unwrap(get_masking_session.sync_detailed(SESSION, client=plivo_client(fake)))
    assert raised.value.status_code == 404
    assert raised.value.message == "session not found"
    assert "404 Not Found: session not found" in str(raised.value)


def test_unwrap_raises_unexpected_status_when_nothing_was_parsed() -> None:
    fake = FakePlivo(418, {"api_id": "a", "error": "teapot"})
    client = plivo_client(fake, raise_on_unexpected_status=False)
    with pytest.raises(UnexpectedStatus):
        unwrap(get_masking_session.sync_detailed(SESSION, client=client))


# ---------------------------------------------------------------- sync and asyncio


def test_sync_and_asyncio_send_the_same_request() -> None:
    sync_fake = FakePlivo.answering("update_masking_session")
    async_fake = FakePlivo.answering("update_masking_session")
    SYNC_CALLS["update_masking_session"](plivo_client(sync_fake))
    asyncio.run(ASYNC_CALLS["update_masking_session"](plivo_client(async_fake)))
    sent, awaited = sync_fake.last, async_fake.last
    assert (sent.method, sent.url, sent.content) == (awaited.method, awaited.url, awaited.content)
    assert sent.headers["Authorization"] == awaited.headers["Authorization"]


def test_asyncio_calls_work_inside_async_with() -> None:
    fake = FakePlivo()

    async def flow() -> MaskingSessionGetResponse | Error | None:
        async with plivo_client(fake) as client:
            return await get_masking_session.asyncio(SESSION, client=client)

    assert isinstance(asyncio.run(flow()), MaskingSessionGetResponse)
    assert basic_credentials(fake.last) == f"{AUTH_ID}:{AUTH_TOKEN}"
