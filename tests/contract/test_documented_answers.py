"""Answers Plivo documents that random generation rarely or never provokes, checked one by one.

Each test makes the sandbox give one documented answer on purpose and runs
every schemathesis check (and the hooks' checks) on it: the status must be
documented for the operation, the body must match the spec's schema and be
Plivo's error shape.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from schemathesis.auths import apply_basic_auth
from schemathesis.openapi.checks import UseAfterFree
from schemathesis.specs.openapi.checks import ignored_auth

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, demo_config
from tests.contract import hooks
from tests.contract.conftest import asgi_schema, contract_config

TWO_PARTIES = {"first_party": "+14155550100", "second_party": "+14155550199"}
WRONG = {"Authorization": "Basic " + base64.b64encode(f"{DEMO_AUTH_ID}:nope".encode()).decode()}
Case = schemathesis.Case[Any]


@pytest.fixture(scope="module")
def sandbox() -> Iterator[Sandbox]:
    """A sandbox with Plivo's default limits (the Verify list allows 20 calls a minute)."""
    box = Sandbox(demo_config())
    yield box
    box.close()


@pytest.fixture(scope="module")
def schema(sandbox: Sandbox) -> schemathesis.BaseSchema:
    return asgi_schema(create_app(sandbox=sandbox))


@pytest.fixture(autouse=True)
def _empty_sandbox(sandbox: Sandbox) -> None:
    """Each test starts with no session and no rate-limit hit."""
    sandbox.reset()


def case_of(schema: schemathesis.BaseSchema, path: str, method: str, **parts: Any) -> Case:
    """An explicit request as the demo account (unless ``headers`` say otherwise)."""
    case: Case = schema[path][method].Case(**parts)
    if "headers" not in parts:
        apply_basic_auth(case, DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
    return case


def created_masking_session(schema: schemathesis.BaseSchema) -> str:
    response = case_of(schema, "/Masking/Session", "POST", body=TWO_PARTIES).call()
    assert response.status_code == 201, response.text
    uuid: str = response.json()["session_uuid"]
    return uuid


def created_verify_session(schema: schemathesis.BaseSchema) -> str:
    body = {"recipient": "+14155550123"}
    response = case_of(schema, "/Verify/Session", "POST", body=body).call()
    assert response.status_code == 202, response.text
    uuid: str = response.json()["session_uuid"]
    return uuid


def test_the_verify_list_beyond_20_calls_a_minute_is_a_documented_plivo_429(
    schema: schemathesis.BaseSchema, sandbox: Sandbox
) -> None:
    listing = case_of(schema, "/Verify/Session", "GET")
    for _ in range(20):
        assert listing.call().status_code == 200
    response = listing.call()
    assert response.status_code == 429
    listing.validate_response(response)
    assert set(response.json()) == {"api_id", "error"}


def test_a_wrong_otp_is_a_documented_plivo_400_naming_the_otp(
    schema: schemathesis.BaseSchema, sandbox: Sandbox
) -> None:
    uuid = created_verify_session(schema)
    wrong = str((int(sandbox.run(sandbox.verify.otp, uuid)) + 1) % 10**6).zfill(6)
    validation = case_of(
        schema, "/Verify/Session/{session_uuid}", "POST",
        path_parameters={"session_uuid": uuid}, body={"otp": wrong},
    )  # fmt: skip
    response = validation.call()
    assert response.status_code == 400
    validation.validate_response(response)
    assert "otp" in response.json()["error"].lower()


@pytest.mark.parametrize(
    ("path", "method"),
    [
        ("/Masking/Session", "GET"),
        ("/Masking/Session/{session_uuid}", "GET"),
        ("/Masking/Session/{session_uuid}", "POST"),
        ("/Verify/Session", "GET"),
        ("/Verify/Session/{session_uuid}", "GET"),
        ("/Masking/Session/{session_uuid}", "DELETE"),
    ],
)
def test_ignored_auth_finds_every_operation_refusing_missing_and_wrong_credentials(
    schema: schemathesis.BaseSchema, path: str, method: str
) -> None:
    uuid = created_verify_session(schema) if "Verify" in path else created_masking_session(schema)
    parts: dict[str, Any] = {"path_parameters": {"session_uuid": uuid}} if "{" in path else {}
    if method == "POST":
        parts["body"] = {"record": True}
    case = case_of(schema, path, method, **parts)
    response = case.call()
    assert 200 <= response.status_code < 300, response.text
    # The check sends the request again without credentials, then with wrong ones.
    case.validate_response(response, checks=[ignored_auth])


@pytest.mark.parametrize(
    ("path", "method", "body"),
    [
        ("/Masking/Session", "POST", TWO_PARTIES),
        ("/Masking/Session", "GET", None),
        ("/Verify/Session", "POST", {"recipient": "+14155550123"}),
        ("/Verify/Session/{session_uuid}", "POST", {"otp": "123456"}),
    ],
)
@pytest.mark.parametrize("headers", [{}, WRONG], ids=["no credentials", "wrong token"])
def test_a_request_without_valid_credentials_is_a_documented_plivo_401(
    schema: schemathesis.BaseSchema,
    path: str,
    method: str,
    body: dict[str, Any] | None,
    headers: dict[str, str],
) -> None:
    parts: dict[str, Any] = {"headers": dict(headers)}
    if "{" in path:
        parts["path_parameters"] = {"session_uuid": "51e965f3-65a5-4ca0-9542-57154118a991"}
    if body is not None:
        parts["body"] = body
    case = case_of(schema, path, method, **parts)
    response = case.call()
    assert response.status_code == 401
    case.validate_response(response)
    assert set(response.json()) == {"api_id", "error"}


def test_an_ended_masking_session_reads_as_expired_and_refuses_updates(
    schema: schemathesis.BaseSchema,
) -> None:
    uuid = created_masking_session(schema)
    ids = {"path_parameters": {"session_uuid": uuid}}
    ended = case_of(schema, "/Masking/Session/{session_uuid}", "DELETE", **ids)
    ended.validate_response(ended.call())  # the hooks note the session as ended
    read = case_of(schema, "/Masking/Session/{session_uuid}", "GET", **ids)
    answer = read.call()
    read.validate_response(answer)  # runs ended_masking_session_is_expired
    assert answer.status_code == 200
    assert answer.json()["response"]["status"] == "expired"
    update = case_of(
        schema, "/Masking/Session/{session_uuid}", "POST", body={"record": True}, **ids
    )
    refused = update.call()
    update.validate_response(refused)
    assert refused.status_code == 409


def test_only_the_documented_read_after_delete_escapes_use_after_free(
    schema: schemathesis.BaseSchema,
) -> None:
    ended = created_masking_session(schema)
    live = created_masking_session(schema)
    hooks.RULES.ended.add(ended)
    deleted = case_of(schema, "/Masking/Session/{session_uuid}", "DELETE",
                      path_parameters={"session_uuid": ended})  # fmt: skip
    deleted.call()
    failure = UseAfterFree(operation="GET", message="still there", free="DELETE", usage="GET")
    for uuid, kept in ((ended, False), (live, True)):
        read = case_of(schema, "/Masking/Session/{session_uuid}", "GET",
                       path_parameters={"session_uuid": uuid})  # fmt: skip
        response = schemathesis.Response.from_any(read.call())
        context = schemathesis.HookContext(operation=read.operation)
        assert hooks.filter_failure(context, failure, read, response) is kept


def test_the_contract_sandbox_has_a_virtual_number_in_every_country() -> None:
    config = contract_config()
    main = config.accounts[DEMO_AUTH_ID]
    assert len(main.numbers) > 240
    assert config.verify_list_rate_limit == 0
    assert main.auth_token == DEMO_AUTH_TOKEN
