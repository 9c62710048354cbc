"""Exchanges saved by ``--save-fixtures``: redacted, and a spec test in one step.

A directory the proxy saved into reads like tests/fixtures/proxy/, and the
spec test of that directory (tests/spec/test_proxy_fixtures.py) passes a
conforming answer and fails a departing one.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx
import pytest
from jsonschema import ValidationError

from plivo_sandbox.proxy.capture import FixtureWriter, Redactor, read_fixtures
from plivo_sandbox.proxy.drift import Exchange, Mismatch
from plivo_sandbox.testing.pytest_plugin import SandboxHandle
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN
from tests.proxy.conftest import SESSION_PATH, running_proxy
from tests.spec.test_proxy_fixtures import assert_conforms

AUTH = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
FIRST, SECOND = "+14155550100", "+442071838751"


def _exchange(body: bytes = b"", answer: object = None, status: int = 200) -> Exchange:
    return Exchange(
        method="POST",
        path=f"/v1/Account/{DEMO_AUTH_ID}/Verify/Session/",
        query=b"",
        headers=[(b"authorization", b"Basic c2VjcmV0")],
        body=body,
        status=status,
        response_headers=[(b"content-type", b"application/json")],
        response_body=json.dumps(answer if answer is not None else {"api_id": "x"}).encode(),
    )


def test_a_saved_answer_of_the_sandbox_is_a_passing_spec_test(
    plivo_sandbox: SandboxHandle, tmp_path: Path
) -> None:
    parties = {"first_party": FIRST, "second_party": SECOND}
    with running_proxy(plivo_sandbox.url, save_fixtures=tmp_path) as proxy:
        created = httpx.post(
            f"{proxy.url}/v1/Account/{DEMO_AUTH_ID}/Masking/Session/", json=parties, auth=AUTH
        )
        proxy.settled(1)
    (saved,) = read_fixtures(tmp_path)
    assert (saved.operation_id, saved.status) == ("create_masking_session", 201)
    assert saved.request_body() == {"first_party": "+14100000001", "second_party": "+442000000002"}
    assert saved.body()["session_uuid"] == created.json()["session_uuid"]
    assert_conforms(saved)


def test_a_saved_departing_answer_is_a_failing_spec_test(
    departing_upstream: str, tmp_path: Path
) -> None:
    with running_proxy(departing_upstream, save_fixtures=tmp_path) as proxy:
        httpx.get(proxy.url + SESSION_PATH, headers={"X-Depart": "new-enum"}, auth=AUTH)
        proxy.settled(1)
    (saved,) = read_fixtures(tmp_path)
    assert saved.drift == (
        'response 200 body /response/status: undocumented value "paused"'
        " (documented: active, expired)",
    )
    with pytest.raises(ValidationError, match="paused"):
        assert_conforms(saved)


def test_no_credential_is_saved(plivo_sandbox: SandboxHandle, tmp_path: Path) -> None:
    token = base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()
    with running_proxy(plivo_sandbox.url, save_fixtures=tmp_path) as proxy:
        httpx.get(f"{proxy.url}/v1/Account/{DEMO_AUTH_ID}/Verify/Session/", auth=AUTH)
        proxy.settled(1)
    saved = "".join(path.read_text() for path in tmp_path.iterdir())
    assert "list_verify_sessions" in saved
    assert DEMO_AUTH_ID not in saved and DEMO_AUTH_TOKEN not in saved and token not in saved
    assert "/v1/Account/MAXXXXXXXXXXXXXXXXXX/Verify/Session/" in saved


def test_a_phone_number_is_replaced_the_same_way_wherever_it_appears() -> None:
    redactor = Redactor()
    redacted = redactor.json({"recipient": FIRST, "nested": [{"to": FIRST.lstrip("+")}]})
    assert redacted == {"recipient": "+14100000001", "nested": [{"to": "14100000001"}]}


def test_otps_and_pins_keep_only_their_shape() -> None:
    redacted = Redactor().json(
        {"otp": "123456", "first_party_pin": 1234, "second_party_pin": "0987", "pin_retry": 2}
    )
    assert redacted == {
        "otp": "000000",
        "first_party_pin": 0,
        "second_party_pin": "0000",
        "pin_retry": 2,
    }


def test_auth_ids_and_ip_addresses_are_replaced_inside_strings() -> None:
    redacted = Redactor().json(
        {
            "resource_uri": f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/x/",
            "subaccount": "SAOWRKMGU3YZCTZJAB12",
            "requestor_ip": "203.0.113.9",
        }
    )
    assert redacted == {
        "resource_uri": "/v1/Account/MAXXXXXXXXXXXXXXXXXX/Masking/Session/x/",
        "subaccount": "SAXXXXXXXXXXXXXXXXXX",
        "requestor_ip": "192.0.2.1",
    }


def test_query_values_are_redacted_and_names_kept() -> None:
    assert Redactor().query(b"recipient=%2B14155550100&limit=5") == "recipient=+14100000001&limit=5"


def test_each_operation_and_status_is_saved_a_limited_number_of_times(tmp_path: Path) -> None:
    writer = FixtureWriter(tmp_path, "https://api.plivo.com", per_operation=2)
    for _ in range(4):
        writer.save("list_verify_sessions", _exchange(), [])
    assert [fixture.file for fixture in read_fixtures(tmp_path)] == [
        "list_verify_sessions.200.001.json",
        "list_verify_sessions.200.002.json",
    ]


def test_an_exchange_showing_new_drift_is_saved_beyond_the_limit(tmp_path: Path) -> None:
    writer = FixtureWriter(tmp_path, "https://api.plivo.com", per_operation=1)
    writer.save("list_verify_sessions", _exchange(), [])
    drift = [Mismatch("list_verify_sessions", "response 200 body /x", "undocumented property")]
    writer.save("list_verify_sessions", _exchange(), drift, new_kind=True)
    assert [fixture.drift for fixture in read_fixtures(tmp_path)] == [
        (),
        ("response 200 body /x: undocumented property",),
    ]


def test_an_answer_that_is_not_json_is_not_saved(tmp_path: Path) -> None:
    page = Exchange("GET", "/", b"", [], b"", 502, [], b"<html>bad gateway</html>")
    assert (
        FixtureWriter(tmp_path, "https://api.plivo.com").save("get_masking_session", page, [])
        is None
    )
    assert read_fixtures(tmp_path) == []


def test_a_new_run_adds_to_the_index_without_overwriting(tmp_path: Path) -> None:
    FixtureWriter(tmp_path, "https://api.plivo.com").save("list_verify_sessions", _exchange(), [])
    FixtureWriter(tmp_path, "https://api.plivo.com").save("list_verify_sessions", _exchange(), [])
    assert len({fixture.file for fixture in read_fixtures(tmp_path)}) == 2
