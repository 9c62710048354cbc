"""Input no client should send still gets Plivo's 4xx error shape, never a 500 (issue 10)."""

from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from tests.sandbox.conftest import TWO_PARTIES, assert_plivo_error, masking, verify

RECIPIENT = b'{"recipient": "+14155550123"}'
NEW_UUID = "6e0f3b8c-1d2a-4e5f-8a9b-0c1d2e3f4a5b"

# The four write operations with a body each accepts.
WRITES = [
    pytest.param(masking(), b'{"first_party": "+14155550100", "second_party": "+14155550199"}',
                 id="create_masking_session"),
    pytest.param(masking(session_uuid=NEW_UUID), b'{"record": true}', id="update_masking_session"),
    pytest.param(verify(), RECIPIENT, id="create_verify_session"),
    pytest.param(verify(session_uuid=NEW_UUID), b'{"otp": "123456"}', id="validate_verify_session"),
]  # fmt: skip


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_a_write_without_a_content_type_is_a_400_asking_for_json(
    client: TestClient, url: str, body: bytes
) -> None:
    assert_plivo_error(client.post(url, content=body), 400, "application/json")


@pytest.mark.parametrize(("url", "body"), WRITES)
def test_media_types_are_case_insensitive(client: TestClient, url: str, body: bytes) -> None:
    response = client.post(url, content=body, headers={"content-type": "Application/JSON"})
    # The request reaches the operation: a 2xx, or its own 404 for the unknown session.
    assert response.status_code in (201, 202, 404), response.text
    assert "api_id" in response.json()


def test_an_upper_case_charset_is_understood(client: TestClient) -> None:
    response = client.post(
        verify(), content=RECIPIENT, headers={"content-type": "APPLICATION/JSON; Charset=UTF-8"}
    )
    assert response.status_code == 202, response.text


def test_an_unknown_charset_is_a_400(client: TestClient) -> None:
    response = client.post(
        verify(), content=RECIPIENT, headers={"content-type": "application/json; charset=nope"}
    )
    assert_plivo_error(response, 400, "charset")


def test_a_content_type_that_is_not_a_media_type_is_a_400(client: TestClient) -> None:
    response = client.post(verify(), content=RECIPIENT, headers={"content-type": "a/b/c"})
    assert_plivo_error(response, 400, "application/json")


@pytest.mark.parametrize("value", [b"\xff\xfe", b"a/b/c", b"json"])
def test_a_get_or_delete_ignores_a_malformed_content_type(client: TestClient, value: bytes) -> None:
    assert client.get(verify(), headers={b"content-type": value}).status_code == 200
    response = client.delete(masking(session_uuid=NEW_UUID), headers={b"content-type": value})
    assert_plivo_error(response, 404)


def test_json_nested_950_levels_deep_is_a_400(client: TestClient) -> None:
    body = b'{"recipient": ' + b"[" * 950 + b"]" * 950 + b"}"
    response = client.post(verify(), content=body, headers={"content-type": "application/json"})
    assert_plivo_error(response, 400, "deeper")


def test_json_nested_just_beyond_the_limit_is_a_400(client: TestClient) -> None:
    body = b'{"recipient": ' + b"[" * 40 + b"]" * 40 + b"}"
    response = client.post(verify(), content=body, headers={"content-type": "application/json"})
    assert_plivo_error(response, 400, "deeper")


def test_an_integer_literal_of_5000_digits_is_a_400(client: TestClient) -> None:
    body = b'{"recipient": "+14155550123", "code_length": ' + b"9" * 5000 + b"}"
    response = client.post(verify(), content=body, headers={"content-type": "application/json"})
    assert_plivo_error(response, 400, "JSON")


def test_an_integer_literal_of_5000_digits_cannot_move_the_clock(client: TestClient) -> None:
    response = client.post(
        "/_sandbox/clock/advance",
        content=b'{"seconds": ' + b"9" * 5000 + b"}",
        headers={"content-type": "application/json"},
    )
    assert_plivo_error(response, 400, "JSON")


def test_a_lone_surrogate_in_a_string_is_a_400(client: TestClient) -> None:
    body = b'{"recipient": "+14155550123", "brand_name": "\\ud800"}'
    response = client.post(verify(), content=body, headers={"content-type": "application/json"})
    assert_plivo_error(response, 400, "surrogate")


def test_a_lone_surrogate_in_a_key_is_a_400(client: TestClient) -> None:
    body = b'{"\\udfff": 1}'
    response = client.post(masking(), content=body, headers={"content-type": "application/json"})
    assert_plivo_error(response, 400, "surrogate")


@pytest.mark.parametrize(
    ("field", "value"),
    [("locale", "en\n"), ("recipient", "+14155550123\n"), ("url", "https://example.com\n")],
)
def test_a_trailing_newline_does_not_pass_a_pattern(
    client: TestClient, field: str, value: str
) -> None:
    response = client.post(verify(), json={"recipient": "+14155550123", field: value})
    assert_plivo_error(response, 400, field)


def test_a_trailing_newline_in_a_masking_party_is_a_400(client: TestClient) -> None:
    response = client.post(masking(), json={**TWO_PARTIES, "second_party": "+14155550199\n"})
    assert_plivo_error(response, 400, "second_party")


def test_an_escaped_slash_as_session_uuid_is_a_404_not_the_list(client: TestClient) -> None:
    assert_plivo_error(client.get(verify() + "/%2F/", follow_redirects=False), 404)


def test_a_double_trailing_slash_is_a_404_not_the_list(client: TestClient) -> None:
    assert_plivo_error(client.get(masking() + "//", follow_redirects=False), 404)
