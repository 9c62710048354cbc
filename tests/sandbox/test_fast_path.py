"""The fast path answers well-formed requests as connexion would, and leaves the rest to it.

``plivo_sandbox/http/fast_path.py`` hands the endpoint the arguments connexion
would hand it. The generated test sends the same requests (schema-valid and
schema-violating, from openapi.yaml) to the sandbox with and without the
fast path, both over handlers that only record their arguments: whenever
the fast path took a request, connexion must have passed the handler the
very same arguments.
"""

from __future__ import annotations

import base64
import functools
import json
from collections.abc import Callable, Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.core import NOT_SET
from starlette.applications import Starlette
from starlette.testclient import TestClient

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.errors import PlivoError
from plivo_sandbox.core.spec import SPEC_PATH
from plivo_sandbox.http.endpoints import PlivoHandlers
from plivo_sandbox.http.json_encoding import encode
from plivo_sandbox.http.request_context import ARGUMENT, RequestContext
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, demo_config
from tests.sandbox.conftest import TWO_PARTIES, assert_plivo_error, masking, verify

SCHEMA = schemathesis.openapi.from_path(SPEC_PATH)
OPERATIONS = [result.ok() for result in SCHEMA.get_all_operations()]  # type: ignore[union-attr]
BASIC = "Basic " + base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()
BASE = f"/v1/Account/{DEMO_AUTH_ID}"


class Recorded(PlivoError):
    """What the recording handlers answer: nothing is stored, the arguments are kept."""

    status = 418


def _recording(calls: list[tuple[str, dict[str, Any]]], name: str) -> Callable[..., Any]:
    original = getattr(PlivoHandlers, name)

    @functools.wraps(original)  # connexion reads the arguments it passes off the signature
    def record(self: PlivoHandlers, **arguments: Any) -> Any:
        calls.append((name, arguments))
        raise Recorded("recorded")

    return record


@pytest.fixture(scope="module")
def recording_apps() -> Iterator[tuple[Starlette, Starlette, list[tuple[str, dict[str, Any]]]]]:
    """The sandbox with and without the fast path, over handlers that only record their calls."""
    calls: list[tuple[str, dict[str, Any]]] = []
    names = [operation.definition.raw["operationId"] for operation in OPERATIONS]
    boxes = [Sandbox(demo_config(verify_list_rate_limit=0)) for _ in range(2)]
    # The apps take their handlers when they are built.
    with pytest.MonkeyPatch.context() as patch:
        for name in names:
            patch.setattr(PlivoHandlers, name, _recording(calls, name))
        fast = create_app(sandbox=boxes[0])
        slow = create_app(sandbox=boxes[1], fast_path=False)
    yield fast, slow, calls
    for box in boxes:
        box.close()


def _request(case: schemathesis.Case[Any], own_credentials: bool) -> dict[str, Any]:
    """The case as TestClient arguments (with the demo account's credentials, or its own)."""
    headers: dict[str, Any] = dict(case.headers or {})
    if own_credentials or "Authorization" not in headers:
        headers["Authorization"] = BASIC
    content = None
    if case.body is not NOT_SET:
        body = case.body
        content = body if isinstance(body, bytes) else json.dumps(body).encode()
        headers.setdefault("Content-Type", case.media_type or "application/json")
    return {
        "method": case.method,
        "url": BASE + case.formatted_path,
        "params": case.query,
        "headers": headers,
        "content": content,
    }


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_the_fast_path_passes_the_handler_what_connexion_passes(
    recording_apps: tuple[Starlette, Starlette, list[tuple[str, dict[str, Any]]]],
    data: st.DataObject,
) -> None:
    fast, slow, calls = recording_apps
    operation = data.draw(st.sampled_from(OPERATIONS))
    # Mostly valid requests: those are the ones the fast path answers.
    mode = data.draw(
        st.sampled_from([GenerationMode.POSITIVE, GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
    )
    case = data.draw(operation.as_strategy(generation_mode=mode))
    request = _request(case, own_credentials=data.draw(st.booleans()))
    served = sum(fast.state.fast_path_served.values())
    calls.clear()

    fast_answer = TestClient(fast).request(**request)
    if sum(fast.state.fast_path_served.values()) == served:
        return  # connexion answered it on both sides
    assert len(calls) == 1
    slow_answer = TestClient(slow).request(**request)

    assert slow_answer.status_code == fast_answer.status_code == 418, slow_answer.text
    assert without_deadline(calls[1]) == without_deadline(calls[0])


def without_deadline(call: tuple[str, dict[str, Any]]) -> tuple[str, dict[str, Any]]:
    """A recorded call without its request context's deadline and its transaction.

    Each request has its own deadline and transaction (``tx``, which the
    endpoint wrapper adds to what either request path passes).
    """
    name, arguments = call
    context: RequestContext = arguments[ARGUMENT]
    kept = {key: value for key, value in arguments.items() if key != "tx"}
    return name, {**kept, ARGUMENT: (context.origin, context.client)}


@pytest.fixture
def app(sandbox: Sandbox) -> Starlette:
    """This module is about the fast path: its app always has one."""
    return create_app(sandbox=sandbox, validate_responses=True)


@pytest.fixture
def served(app: Starlette) -> Any:
    """How many requests the fast path answered, by operationId."""
    return app.state.fast_path_served


def test_every_operation_s_well_formed_request_takes_the_fast_path(
    client: TestClient, served: Any
) -> None:
    created = client.post(masking(), json=TWO_PARTIES).json()["session_uuid"]
    client.get(masking(session_uuid=created))
    client.post(masking(session_uuid=created), json={"record": True})
    client.get(masking(), params={"limit": 5})
    client.delete(masking(session_uuid=created))
    started = client.post(verify(), json={"recipient": "+14155550123"}).json()["session_uuid"]
    client.get(verify(session_uuid=started))
    client.post(verify(session_uuid=started), json={"otp": "000000"})
    client.get(verify(), params={"limit": 5})

    assert set(served) == {operation.definition.raw["operationId"] for operation in OPERATIONS}


def test_a_bad_argument_is_answered_by_connexion_in_its_words(
    client: TestClient, served: Any
) -> None:
    response = client.get(masking(), params={"limit": 50})

    assert_plivo_error(response, 400, "limit: 50 is greater than the maximum of 20")
    assert not served


def test_a_repeated_query_parameter_is_answered_by_connexion(
    client: TestClient, served: Any
) -> None:
    response = client.get(masking() + "?limit=2&limit=3")

    assert response.status_code == 200
    assert response.json()["response"]["meta"]["limit"] == 3
    assert not served


def test_wrong_credentials_are_answered_by_connexion(client: TestClient, served: Any) -> None:
    response = client.get(masking(), auth=(DEMO_AUTH_ID, "wrong"))

    assert_plivo_error(response, 401, "wrong Auth ID or Auth Token")
    assert not served


def test_a_media_type_in_capitals_is_json_on_the_fast_path(client: TestClient, served: Any) -> None:
    response = client.post(
        masking(),
        content=json.dumps(TWO_PARTIES),
        headers={"Content-Type": "Application/JSON; charset=UTF-8"},
    )

    assert response.status_code == 201
    assert served["create_masking_session"] == 1


def test_an_answer_is_compact_json_ending_in_a_newline(client: TestClient) -> None:
    response = client.get(masking(), params={"limit": 1})

    assert response.content.endswith(b"}\n")
    assert response.content.startswith(b'{"api_id":"')


def test_an_integer_beyond_64_bits_is_still_written() -> None:
    assert encode({"offset": 2**70}) == b'{"offset":1180591620717411303424}\n'
