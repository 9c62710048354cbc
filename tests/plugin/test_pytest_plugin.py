"""The pytest plugin's fixtures, as another project's tests use them."""

from __future__ import annotations

import subprocess
import sys
import urllib.request
from datetime import timedelta
from pathlib import Path
from uuid import UUID

import plivo
import pytest
from plivo_masking_client import PlivoClient, unwrap
from plivo_masking_client.api.verify_sessions import create_verify_session, get_verify_session
from plivo_masking_client.models import VerifySessionCreateRequest, VerifySessionStatus

from plivo_sandbox.testing.pytest_plugin import Credentials, SandboxError, SandboxHandle
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN

RECIPIENT = "+14155550123"


def start(client: PlivoClient, recipient: str = RECIPIENT) -> UUID:
    """A new Verify session to ``recipient``; its uuid."""
    body = VerifySessionCreateRequest(recipient=recipient)
    return unwrap(create_verify_session.sync_detailed(client=client, body=body)).session_uuid


def test_the_credentials_are_the_demo_main_account(plivo_credentials: Credentials) -> None:
    assert plivo_credentials == (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)


def test_the_sandbox_answers_at_its_url(plivo_sandbox: SandboxHandle) -> None:
    assert plivo_sandbox.api_url == f"{plivo_sandbox.url}/v1/Account/{DEMO_AUTH_ID}"
    assert plivo_sandbox.url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(f"{plivo_sandbox.url}/_sandbox/health") as answer:
        assert answer.status == 200


def test_the_otp_of_a_session_is_readable(
    plivo_sandbox: SandboxHandle, plivo_client: PlivoClient
) -> None:
    session_uuid = start(plivo_client)
    assert plivo_sandbox.otp(str(session_uuid)) == plivo_sandbox.latest_otp(RECIPIENT)
    assert plivo_sandbox.otp(str(session_uuid)).isdigit()


def test_reset_forgets_the_sessions(
    plivo_sandbox: SandboxHandle, plivo_client: PlivoClient
) -> None:
    start(plivo_client)
    plivo_sandbox.reset()
    with pytest.raises(SandboxError, match="404"):
        plivo_sandbox.latest_otp(RECIPIENT)


def test_the_clock_moves_and_sessions_expire(
    plivo_sandbox: SandboxHandle, plivo_client: PlivoClient
) -> None:
    session_uuid = start(plivo_client)
    before = plivo_sandbox.now()
    assert plivo_sandbox.advance(60) - before >= timedelta(seconds=60)
    plivo_sandbox.set_clock(before + timedelta(days=1))
    session = unwrap(get_verify_session.sync_detailed(session_uuid, client=plivo_client))
    assert session.status is VerifySessionStatus.EXPIRED


def test_a_forced_error_reaches_the_client(
    plivo_sandbox: SandboxHandle, plivo_client: PlivoClient
) -> None:
    plivo_sandbox.force("create_verify_session", 500)
    body = VerifySessionCreateRequest(recipient=RECIPIENT)
    answer = create_verify_session.sync_detailed(client=plivo_client, body=body)
    assert answer.status_code == 500


def test_the_plivo_sdk_fixture_talks_to_the_sandbox(
    plivo_sandbox: SandboxHandle, plivo_sdk: plivo.RestClient
) -> None:
    created = plivo_sdk.verify_session.create(recipient=RECIPIENT, channel="sms")
    otp = plivo_sandbox.latest_otp(RECIPIENT)
    validated = plivo_sdk.verify_session.validate(session_uuid=created.session_uuid, otp=otp)
    assert validated.message == "session validated successfully."


OTHER_PROJECT_TESTS = """
import json, urllib.request

def test_one_sends_a_code(plivo_sandbox, plivo_credentials):
    request = urllib.request.Request(
        plivo_sandbox.api_url + "/Verify/Session/",
        data=json.dumps({"recipient": "+14155550123"}).encode(),
        headers={"Content-Type": "application/json"},
    )
    auth = urllib.request.HTTPBasicAuthHandler()
    auth.add_password("Plivo", plivo_sandbox.url, *plivo_credentials)
    urllib.request.build_opener(auth).open(request)
    assert plivo_sandbox.latest_otp("+14155550123").isdigit()

def test_two_starts_clean(plivo_sandbox):
    try:
        plivo_sandbox.latest_otp("+14155550123")
    except RuntimeError as error:
        assert "404" in str(error)
    else:
        raise AssertionError("the session of the previous test is still there")
"""


def test_another_project_gets_the_fixtures_and_a_clean_state_per_test(tmp_path: Path) -> None:
    (tmp_path / "test_other.py").write_text(OTHER_PROJECT_TESTS)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_other.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 passed" in result.stdout


CUSTOM_ACCOUNT = """
[[accounts]]
auth_id = "MAOWN000000000000001"
auth_token = "own-token"
numbers = ["+14155552671"]
"""

CUSTOM_ACCOUNT_TEST = """
import urllib.request

def test_the_configured_account_signs_in(plivo_sandbox, plivo_credentials):
    assert plivo_credentials == ("MAOWN000000000000001", "own-token")
    auth = urllib.request.HTTPBasicAuthHandler()
    auth.add_password("Plivo", plivo_sandbox.url, *plivo_credentials)
    opener = urllib.request.build_opener(auth)
    with opener.open(plivo_sandbox.api_url + "/Masking/Session/") as answer:
        assert answer.status == 200
"""


def test_the_ini_option_starts_the_sandbox_with_your_accounts(tmp_path: Path) -> None:
    (tmp_path / "sandbox.toml").write_text(CUSTOM_ACCOUNT)
    (tmp_path / "pytest.ini").write_text("[pytest]\nplivo_sandbox_config = sandbox.toml\n")
    (tmp_path / "test_own.py").write_text(CUSTOM_ACCOUNT_TEST)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_own.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
