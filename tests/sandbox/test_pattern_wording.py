"""A value a pattern refuses is answered with a sentence from openapi.yaml, not a regex.

Each pattern a request is checked against carries ``x-pattern-description``,
the schema's own words for what it admits; the 400 reads
``<argument>: <value> is not <those words>``, on the fast path and on
connexion's alike, and from the services' own ``arguments.check_value`` too.
"""

from __future__ import annotations

import base64
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.arguments import check_value
from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.schema_validation import ParameterSchemaValidator
from plivo_sandbox.core.spec import PATTERN_DESCRIPTION, ApiSpec
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, demo_config
from tests.sandbox.conftest import TWO_PARTIES, assert_plivo_error, masking, verify

SPEC = ApiSpec()
BASIC = "Basic " + base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()

# One refused value per pattern a request can break: (method, url, query, body, argument).
REFUSED: list[tuple[str, str, dict[str, str], dict[str, Any] | None, str]] = [
    ("POST", masking(), {}, {**TWO_PARTIES, "first_party": "+1 202"}, "first_party"),
    ("POST", masking(), {}, {**TWO_PARTIES, "second_party": "+9991234567"}, "second_party"),
    ("POST", masking(), {}, {**TWO_PARTIES, "callback_url": "ftp://x"}, "callback_url"),
    ("GET", masking(), {"first_party": "abc"}, None, "first_party"),
    ("GET", masking(), {"virtual_number": "+1 2"}, None, "virtual_number"),
    ("POST", verify(), {}, {"recipient": "+14155550123\n"}, "recipient"),
    ("POST", verify(), {}, {"recipient": "+14155550123", "locale": "english"}, "locale"),
    ("POST", verify(), {}, {"recipient": "+14155550123", "app_hash": "short"}, "app_hash"),
    ("GET", verify(), {"country": "usa"}, None, "country"),
    ("GET", verify(), {"subaccount": "MA1"}, None, "subaccount"),
]


def test_a_bad_phone_number_is_answered_with_a_sentence(client: TestClient) -> None:
    response = client.post(masking(), json={**TWO_PARTIES, "first_party": "+1 202"})

    assert_plivo_error(response, 400)
    assert response.json()["error"] == (
        "first_party: '+1 202' is not a phone number in E.164 form (an assigned country"
        " code, 7 to 15 digits in all, with or without the leading +)"
    )


def test_the_sentence_is_the_schema_s_own(client: TestClient) -> None:
    response = client.post(verify(), json={"recipient": "12"})

    meaning = SPEC.schema("PhoneNumber")[PATTERN_DESCRIPTION]
    assert response.json()["error"] == f"recipient: '12' is not {meaning}"


@pytest.fixture(scope="module")
def both_paths() -> Iterator[tuple[TestClient, TestClient]]:
    """The sandbox served with the fast path in front of connexion, and by connexion alone."""
    boxes = [Sandbox(demo_config()) for _ in range(2)]
    clients = [
        TestClient(create_app(sandbox=box, fast_path=fast), headers={"Authorization": BASIC})
        for box, fast in zip(boxes, (True, False), strict=True)
    ]
    yield clients[0], clients[1]
    for box in boxes:
        box.close()


@pytest.mark.parametrize(("method", "url", "query", "body", "argument"), REFUSED)
def test_both_request_paths_refuse_in_the_same_sentence(
    both_paths: tuple[TestClient, TestClient],
    method: str,
    url: str,
    query: dict[str, str],
    body: dict[str, Any] | None,
    argument: str,
) -> None:
    fast, alone = (
        client.request(method, url, params=query, json=body).json()["error"]
        for client in both_paths
    )

    assert fast == alone
    assert fast.startswith(f"{argument}: ") and " is not " in fast
    assert "^" not in fast and "[0-9]" not in fast  # no regex


def _request_schemas() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every schema a request's arguments are checked against, with where it is."""
    pending: list[tuple[str, Any]] = []
    for path, item in SPEC.document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict):
                continue
            where = f"{method.upper()} {path}"
            for parameter in [*item.get("parameters", []), *operation.get("parameters", [])]:
                parameter = SPEC.resolve(parameter)
                pending.append((f"{where} {parameter['name']}", parameter["schema"]))
            content = operation.get("requestBody", {}).get("content", {})
            pending += [(f"{where} body", media["schema"]) for media in content.values()]
    while pending:
        where, node = pending.pop()
        if isinstance(node, dict):
            node = SPEC.resolve(node) if "$ref" in node else node
            yield where, node
            pending += [
                (f"{where}/{name}", child) for name, child in node.get("properties", {}).items()
            ]
            for keyword in ("oneOf", "anyOf", "allOf"):
                pending += [(where, child) for child in node.get(keyword, [])]
            if "items" in node:
                pending.append((f"{where}/*", node["items"]))


def test_every_pattern_a_request_can_break_says_what_it_means() -> None:
    patterns = [(where, schema) for where, schema in _request_schemas() if "pattern" in schema]

    assert len(patterns) >= 10
    assert [where for where, schema in patterns if PATTERN_DESCRIPTION not in schema] == []


def test_a_pattern_without_a_description_is_still_named() -> None:
    (error,) = ParameterSchemaValidator({"type": "string", "pattern": "^a$"}).iter_errors("b")

    assert error.message == "'b' does not match '^a$'"


def test_the_services_own_check_words_it_the_same_way() -> None:
    with pytest.raises(BadRequest) as refused:
        check_value("first_party", SPEC.schema("PhoneNumber"), "+1 202")

    assert refused.value.message == (
        f"first_party: '+1 202' is not {SPEC.schema('PhoneNumber')[PATTERN_DESCRIPTION]}"
    )
