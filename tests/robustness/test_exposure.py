"""Nobody gets in where they do not belong: control API, /docs, proxy headers, logs, files."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from types import MappingProxyType

import httpx
import pytest
from starlette.testclient import TestClient

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import DEMO_MAIN, DEMO_SUB, Account
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.server.access_log import redact_target
from plivo_sandbox.testing.process import free_port, sandbox_process
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, REPO_ROOT, demo_config
from tests.sandbox.conftest import assert_plivo_error

TOKEN = "s3cret-control-token"
PRIVATE = Account("MA" + "PRIVATE".ljust(18, "0"), "private-token", numbers=("14155552672",))
VERIFY = f"/v1/Account/{DEMO_AUTH_ID}/Verify/Session/"
MASKING = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"


def client_for(config: SandboxConfig) -> Iterator[TestClient]:
    box = Sandbox(config)
    with TestClient(create_app(sandbox=box)) as client:
        yield client
    box.close()


@pytest.fixture
def exposed() -> Iterator[TestClient]:
    """A sandbox configured to listen on every interface, without a control token."""
    yield from client_for(demo_config(host="0.0.0.0"))


@pytest.fixture
def tokened() -> Iterator[TestClient]:
    """A sandbox on every interface whose control API takes a token."""
    yield from client_for(demo_config(host="0.0.0.0", control_token=TOKEN))


@pytest.fixture
def local() -> Iterator[TestClient]:
    """The default: loopback, no token."""
    yield from client_for(demo_config())


# ---------------------------------------------------------------- control API


def test_off_loopback_without_a_token_the_control_api_is_off(exposed: TestClient) -> None:
    assert_plivo_error(exposed.get("/_sandbox/clock"), 403, "control_token")
    assert_plivo_error(exposed.get("/_sandbox/verify/sessions/x/otp"), 403)
    assert_plivo_error(exposed.post("/_sandbox/reset", json={}), 403)


def test_off_loopback_the_plivo_api_still_answers(exposed: TestClient) -> None:
    assert exposed.get(MASKING, auth=(DEMO_AUTH_ID, DEMO_AUTH_TOKEN)).status_code == 200


def test_with_a_token_the_control_api_requires_it(tokened: TestClient) -> None:
    assert_plivo_error(tokened.get("/_sandbox/clock"), 401, "token")
    wrong = tokened.get("/_sandbox/clock", headers={"authorization": "Bearer nope"})
    assert_plivo_error(wrong, 401)
    right = tokened.get("/_sandbox/clock", headers={"authorization": f"Bearer {TOKEN}"})
    assert right.status_code == 200


def test_a_configured_token_is_required_on_loopback_too() -> None:
    for client in client_for(demo_config(control_token=TOKEN)):
        assert_plivo_error(client.post("/_sandbox/reset", json={}), 401)
        reset = client.post(
            "/_sandbox/reset", json={}, headers={"authorization": f"Bearer {TOKEN}"}
        )
        assert reset.status_code == 200


def test_a_cross_site_form_cannot_reset_the_sandbox(local: TestClient) -> None:
    response = local.post("/_sandbox/reset", data={"x": "1"})
    assert_plivo_error(response, 400, "application/json")


def test_a_text_plain_post_cannot_reset_the_sandbox(local: TestClient) -> None:
    response = local.post("/_sandbox/reset", content=b"{}", headers={"content-type": "text/plain"})
    assert_plivo_error(response, 400, "application/json")


@pytest.mark.parametrize(
    "headers",
    [
        {"origin": "http://evil.example"},
        {"origin": "null"},
        {"sec-fetch-site": "cross-site"},
        {"sec-fetch-site": "same-site"},
    ],
)
def test_a_cross_site_request_cannot_write_even_as_json(
    local: TestClient, headers: dict[str, str]
) -> None:
    assert_plivo_error(local.post("/_sandbox/reset", json={}, headers=headers), 403, "cross-site")
    response = local.post("/_sandbox/clock/advance", json={"seconds": 60}, headers=headers)
    assert_plivo_error(response, 403)


def test_a_same_origin_json_write_works(local: TestClient) -> None:
    headers = {"origin": "http://testserver", "sec-fetch-site": "same-origin"}
    assert local.post("/_sandbox/reset", json={}, headers=headers).status_code == 200


def test_a_json_reset_without_a_body_works(local: TestClient) -> None:
    response = local.post("/_sandbox/reset", headers={"content-type": "application/json"})
    assert response.status_code == 200, response.text


def test_a_reset_without_a_body_or_content_type_works(local: TestClient) -> None:
    # What Swagger UI sends for an operation without a request body.
    headers = {"origin": "http://testserver", "sec-fetch-site": "same-origin"}
    assert local.post("/_sandbox/reset", headers=headers).status_code == 200


def test_a_post_with_a_body_but_no_content_type_is_refused(local: TestClient) -> None:
    response = local.post("/_sandbox/clock/advance", content=b'{"seconds": 60}')
    assert_plivo_error(response, 400, "application/json")


def test_the_start_up_says_how_the_control_api_is_exposed() -> None:
    port = free_port()
    result = subprocess.run(
        [sys.executable, "-m", "plivo_sandbox", "--host", "0.0.0.0", "--port", str(port),
         "--data-dir", ":memory:", "--max-lifetime", "1"],
        cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert "warning: listening on 0.0.0.0, not a loopback address" in result.stderr
    assert "control API (/_sandbox) is off" in result.stderr


# ---------------------------------------------------------------- /docs


def with_accounts(*accounts: Account, **changes: object) -> SandboxConfig:
    mapping = MappingProxyType({account.auth_id: account for account in accounts})
    return replace(demo_config(), accounts=mapping, **changes)  # type: ignore[arg-type]


def test_docs_pre_authorizes_the_demo_account(local: TestClient) -> None:
    assert DEMO_MAIN.auth_token in local.get("/docs").text


def test_docs_shows_no_credentials_of_a_private_account() -> None:
    for client in client_for(with_accounts(PRIVATE)):
        assert PRIVATE.auth_token not in client.get("/docs").text
        spec = client.get("/docs/openapi.json").text
        assert PRIVATE.auth_id not in spec


def test_docs_lists_only_the_demo_accounts_among_others() -> None:
    for client in client_for(with_accounts(DEMO_MAIN, DEMO_SUB, PRIVATE)):
        variable = client.get("/docs/openapi.json").json()["servers"][0]["variables"]["auth_id"]
        assert variable["enum"] == [DEMO_MAIN.auth_id, DEMO_SUB.auth_id]
        assert PRIVATE.auth_token not in client.get("/docs").text


def test_a_demo_auth_id_with_another_token_is_not_pre_authorized() -> None:
    changed = replace(DEMO_MAIN, auth_token="changed-token")
    for client in client_for(with_accounts(changed)):
        assert "changed-token" not in client.get("/docs").text


def test_docs_accounts_shows_the_configured_accounts_when_asked() -> None:
    for client in client_for(with_accounts(PRIVATE, docs_accounts=True)):
        assert PRIVATE.auth_token in client.get("/docs").text
        assert PRIVATE.auth_id in client.get("/docs/openapi.json").text


# ---------------------------------------------------------------- proxy headers


def requestor_ip(url: str) -> str:
    auth = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
    headers = {"x-forwarded-for": "203.0.113.9"}
    created = httpx.post(url + VERIFY, json={"recipient": "+14155550123"}, auth=auth,
                         headers=headers)  # fmt: skip
    uuid = created.json()["session_uuid"]
    found: str = httpx.get(f"{url}{VERIFY}{uuid}/", auth=auth).json()["requestor_ip"]
    return found


def test_forwarded_headers_are_ignored_by_default() -> None:
    with sandbox_process(max_lifetime=120) as url:
        assert requestor_ip(url) == "127.0.0.1"


def test_forwarded_headers_count_from_a_trusted_proxy() -> None:
    env = {"PLIVO_SANDBOX_TRUSTED_PROXIES": "127.0.0.1"}
    with sandbox_process(max_lifetime=120, env=env) as url:
        assert requestor_ip(url) == "203.0.113.9"


# ---------------------------------------------------------------- logs and files


def test_query_phone_numbers_and_secrets_are_masked() -> None:
    target = "/x/?first_party=%2B14155550100&recipient=919003459051&limit=5&token=abc&otp=123456"
    masked = redact_target(target)
    for secret in ("14155550100", "919003459051", "abc", "123456"):
        assert secret not in masked
    assert "limit=5" in masked and "first_party=+14*******00" in masked


def test_an_e164_value_under_any_name_is_masked() -> None:
    assert "14155550100" not in redact_target("/x/?virtual_number=14155550100")


def test_a_phone_number_in_the_path_is_masked() -> None:
    masked = redact_target("/_sandbox/verify/recipients/%2B14155550123/otp")
    assert "4155550123" not in masked
    assert masked == "/_sandbox/verify/recipients/+14*******23/otp"


def test_a_phone_number_with_a_plain_plus_in_the_path_is_masked() -> None:
    masked = redact_target("/_sandbox/verify/recipients/+14155550123/otp")
    assert masked == "/_sandbox/verify/recipients/+14*******23/otp"


def serve_and_log(tmp_path: Path, env: dict[str, str]) -> tuple[str, str, str]:
    """Run the sandbox with its output in files; returns (stdout, stderr, otp)."""
    port = free_port()
    out, err = tmp_path / "out.log", tmp_path / "err.log"
    with out.open("w") as stdout, err.open("w") as stderr:
        process = subprocess.Popen(
            [sys.executable, "-m", "plivo_sandbox", "--port", str(port),
             "--data-dir", str(tmp_path / "data"), "--max-lifetime", "60"],
            cwd=REPO_ROOT, stdout=stdout, stderr=stderr, env={**os.environ, **env},
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(300):
                try:
                    httpx.get(url + "/openapi.yaml")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            auth = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
            httpx.get(url + MASKING + "?first_party=%2B14155550100&second_party=14155550199",
                      auth=auth)  # fmt: skip
            httpx.get(url + VERIFY + "?recipient=%2B14155550123", auth=auth)
            uuid = httpx.post(url + VERIFY, json={"recipient": "+14155550123"}, auth=auth).json()[
                "session_uuid"
            ]
            otp = httpx.get(f"{url}/_sandbox/verify/sessions/{uuid}/otp").json()["otp"]
        finally:
            process.terminate()
            process.wait(timeout=30)
    return out.read_text(), err.read_text(), otp


def test_the_access_log_shows_no_phone_number_token_or_otp(tmp_path: Path) -> None:
    stdout, stderr, otp = serve_and_log(tmp_path, {})
    logs = stdout + stderr
    assert "GET /v1/Account" in logs  # the access log is on
    for secret in ("4155550100", "4155550199", "4155550123", DEMO_AUTH_TOKEN, f"OTP {otp}"):
        assert secret not in logs


def test_otps_are_logged_only_when_asked(tmp_path: Path) -> None:
    stdout, stderr, otp = serve_and_log(tmp_path, {"PLIVO_SANDBOX_LOG_OTPS": "1"})
    assert f"OTP {otp}" in stdout + stderr
