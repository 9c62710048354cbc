"""Plivo's own Python SDK, pointed at the sandbox, runs all nine operations."""

from __future__ import annotations

from collections.abc import Iterator

import plivo
import pytest
from plivo.rest import client as plivo_client

from plivo_sandbox.testing.plivo_sdk import BASE_URI_CONSTANTS, plivo_sdk_pointed_at
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN


@pytest.fixture
def sdk(live_url: str) -> Iterator[plivo.RestClient]:
    """A ``plivo.RestClient`` pointed at the sandbox by ``plivo_sdk_pointed_at``."""
    with plivo_sdk_pointed_at(live_url):
        yield plivo.RestClient(auth_id=DEMO_AUTH_ID, auth_token=DEMO_AUTH_TOKEN)


def test_pointing_the_sdk_changes_all_four_base_urls_and_restores_them(live_url: str) -> None:
    before = {name: getattr(plivo_client, name) for name in BASE_URI_CONSTANTS}
    assert all(value.startswith("https://api.plivo.com") for value in before.values())
    with plivo_sdk_pointed_at(live_url) as base:
        assert base == f"{live_url}/v1/Account"
        assert {getattr(plivo_client, name) for name in BASE_URI_CONSTANTS} == {base}
    assert {name: getattr(plivo_client, name) for name in BASE_URI_CONSTANTS} == before


def test_the_sdk_is_restored_even_when_the_block_raises(live_url: str) -> None:
    before = plivo_client.API_VOICE_BASE_URI
    with pytest.raises(ZeroDivisionError), plivo_sdk_pointed_at(live_url):
        _ = 1 / 0
    assert before == plivo_client.API_VOICE_BASE_URI


def test_the_sdk_runs_the_masking_life_cycle(sdk: plivo.RestClient) -> None:
    created = sdk.masking_sessions.create_masking_session(
        first_party="+14155550100", second_party="+14155550199", session_expiry=600
    )
    uuid = created["session_uuid"]
    assert created["message"] == "Session created"
    assert sdk.masking_sessions.get_masking_session(uuid)["response"]["session_uuid"] == uuid
    updated = sdk.masking_sessions.update_masking_session(uuid, record=True)
    assert updated["session"]["record"] is True
    listed = sdk.masking_sessions.list_masking_session(status="active")
    assert [obj["session_uuid"] for obj in listed["response"]["objects"]] == [uuid]
    assert sdk.masking_sessions.delete_masking_session(uuid)["message"] == "Session expired"


def test_the_sdk_runs_the_verify_flow(sdk: plivo.RestClient, live_url: str) -> None:
    import httpx

    created = sdk.verify_session.create(recipient="+14155550123", channel="sms")
    uuid = created.session_uuid
    otp = httpx.get(f"{live_url}/_sandbox/verify/sessions/{uuid}/otp").json()["otp"]
    validated = sdk.verify_session.validate(session_uuid=uuid, otp=otp)
    assert validated.message == "session validated successfully."
    assert sdk.verify_session.get(uuid).status == "verified"
    assert [s.session_uuid for s in sdk.verify_session.list().sessions] == [uuid]


def test_sdk_errors_carry_plivos_message(sdk: plivo.RestClient) -> None:
    with pytest.raises(plivo.exceptions.ResourceNotFoundError):
        sdk.masking_sessions.get_masking_session("6e0f3b8c-1d2a-4e5f-8a9b-0c1d2e3f4a5b")


def test_the_sdk_reads_a_session_with_simulated_calls(sdk: plivo.RestClient, live_url: str) -> None:
    import httpx

    created = sdk.masking_sessions.create_masking_session(
        first_party="+14155550100", second_party="+14155550199", record=True
    )
    uuid = created["session_uuid"]
    call = httpx.post(
        f"{live_url}/_sandbox/masking/sessions/{uuid}/calls", json={"caller": "+14155550199"}
    ).json()
    session = sdk.masking_sessions.get_masking_session(uuid)["response"]
    [interaction] = session["interaction"]
    for name in ("second_party_resource_url", "recording_resource_url", "total_call_amount"):
        assert interaction[name] == call["interaction"][name]
    assert session["total_call_count"] == 2
