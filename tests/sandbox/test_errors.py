"""Every error, whoever raises it, is Plivo's ``{api_id, error}`` with a 4xx status."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.conftest import DEMO_AUTH_ID, DEMO_SUB_AUTH_ID, DEMO_SUB_AUTH_TOKEN
from tests.sandbox.conftest import TWO_PARTIES, assert_plivo_error, masking, verify


def test_an_unknown_route_is_a_plivo_404(client: TestClient) -> None:
    response = client.get(f"/v1/Account/{DEMO_AUTH_ID}/Nothing/Here")
    assert_plivo_error(response, 404, "/Nothing/Here")


def test_a_wrong_method_is_a_plivo_405_with_an_allow_header(client: TestClient) -> None:
    response = client.put(masking(), json=TWO_PARTIES)
    assert_plivo_error(response, 405, "PUT")
    assert "POST" in response.headers["allow"]


def test_missing_credentials_are_a_401(client: TestClient) -> None:
    response = client.get(masking(), auth=None, headers={"authorization": ""})
    assert_plivo_error(response, 401, "authentication")


def test_a_wrong_auth_token_is_a_401(client: TestClient) -> None:
    response = client.get(masking(), auth=(DEMO_AUTH_ID, "not-the-token"))
    assert_plivo_error(response, 401)


def test_an_auth_id_in_the_path_that_is_not_the_callers_is_a_401(client: TestClient) -> None:
    response = client.get(masking(DEMO_SUB_AUTH_ID))
    assert_plivo_error(response, 401)


def test_credentials_are_checked_before_arguments(client: TestClient) -> None:
    response = client.get(masking() + "?limit=500", auth=(DEMO_SUB_AUTH_ID, DEMO_SUB_AUTH_TOKEN))
    assert_plivo_error(response, 401)


def test_malformed_json_is_a_400(client: TestClient) -> None:
    response = client.post(
        masking(), content=b'{"first_party": ', headers={"content-type": "application/json"}
    )
    assert_plivo_error(response, 400, "JSON")


def test_bytes_that_are_not_utf8_are_a_400(client: TestClient) -> None:
    response = client.post(
        masking(), content=b"\xff\xfe{}", headers={"content-type": "application/json"}
    )
    assert_plivo_error(response, 400)


def test_a_form_encoded_body_is_a_400_asking_for_json(client: TestClient) -> None:
    response = client.post(masking(), data={"first_party": "+14155550100"})
    assert_plivo_error(response, 400, "application/json")


def test_a_json_array_body_is_a_400(client: TestClient) -> None:
    response = client.post(masking(), json=[TWO_PARTIES])
    assert_plivo_error(response, 400, "object")


def test_an_empty_body_is_a_400(client: TestClient) -> None:
    response = client.post(masking(), content=b"", headers={"content-type": "application/json"})
    assert_plivo_error(response, 400, "body")


def test_a_huge_body_is_a_400(client: TestClient) -> None:
    response = client.post(
        masking(),
        content=b'{"x": "' + b"a" * 2_000_000 + b'"}',
        headers={"content-type": "application/json"},
    )
    assert_plivo_error(response, 400, "too large")


def test_an_unknown_argument_is_a_400_naming_it(client: TestClient) -> None:
    response = client.post(masking(), json={**TWO_PARTIES, "colour": "blue"})
    assert_plivo_error(response, 400, "colour")


def test_a_mistyped_argument_is_a_400_naming_it(client: TestClient) -> None:
    response = client.post(masking(), json={**TWO_PARTIES, "record": "true"})
    assert_plivo_error(response, 400, "record")


def test_a_malformed_phone_number_is_a_400_naming_the_party(client: TestClient) -> None:
    response = client.post(masking(), json={**TWO_PARTIES, "second_party": "+1 415"})
    assert_plivo_error(response, 400, "second_party")


def test_a_limit_out_of_range_is_a_400_naming_limit(client: TestClient) -> None:
    assert_plivo_error(client.get(masking() + "?limit=21"), 400, "limit")


def test_an_unknown_query_parameter_is_a_400_naming_it(client: TestClient) -> None:
    assert_plivo_error(client.get(verify() + "?colour=blue"), 400, "colour")


def test_a_non_numeric_limit_is_a_400(client: TestClient) -> None:
    assert_plivo_error(client.get(masking() + "?limit=ten"), 400, "limit")


def test_a_malformed_time_filter_is_a_400(client: TestClient) -> None:
    assert_plivo_error(
        client.get(masking() + "?created_time__gt=yesterday"), 400, "created_time__gt"
    )


@pytest.mark.parametrize(
    "body",
    [
        b"null",
        b'"text"',
        b"123",
        b'{"first_party": null}',
        b'{"first_party": {"nested": ["deep"]}}',
        b'{"session_expiry": 1e400}',
        b'{"session_expiry": -1}',
        b'{"first_party_pin": 1.5}',
        b"{" * 5000,
    ],
)
def test_malformed_input_never_causes_a_500(client: TestClient, body: bytes) -> None:
    response = client.post(masking(), content=body, headers={"content-type": "application/json"})
    assert 400 <= response.status_code < 500, response.text
    assert set(response.json()) == {"api_id", "error"}
