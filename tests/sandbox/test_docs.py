"""Swagger UI at /docs (offline assets) and the raw spec at /openapi.yaml."""

from __future__ import annotations

import re
from types import MappingProxyType

import yaml
from openapi_spec_validator import validate
from starlette.testclient import TestClient

from plivo_sandbox.app import create_app
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.http.docs import CONTROL_TAG
from tests.conftest import DEMO_AUTH_ID, DEMO_SUB_AUTH_ID, REPO_ROOT, demo_config
from tests.sandbox.conftest import masking, verify


def test_docs_is_a_swagger_ui_page(client: TestClient) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert "SwaggerUIBundle" in response.text


def test_docs_loads_nothing_from_another_host(client: TestClient) -> None:
    page = client.get("/docs").text
    assert not re.search(r"""(src|href)=["']https?://""", page)


def test_swagger_ui_assets_are_served_locally(client: TestClient) -> None:
    for asset in ("swagger-ui-bundle.js", "swagger-ui-standalone-preset.js", "swagger-ui.css"):
        response = client.get(f"/docs/static/{asset}")
        assert response.status_code == 200, asset
        assert len(response.content) > 1000


def test_the_spec_shown_in_docs_targets_this_sandbox(client: TestClient) -> None:
    servers = client.get("/docs/openapi.json").json()["servers"]
    assert servers[0]["url"] == "/v1/Account/{auth_id}"
    assert servers[0]["variables"]["auth_id"]["default"] == DEMO_AUTH_ID


def test_the_raw_spec_is_served_as_written(client: TestClient) -> None:
    response = client.get("/openapi.yaml")
    assert response.status_code == 200
    assert response.content == (REPO_ROOT / "openapi.yaml").read_bytes()
    assert yaml.safe_load(response.content)["openapi"] == "3.0.3"


def test_the_spec_shown_in_docs_is_valid_openapi(client: TestClient) -> None:
    validate(client.get("/docs/openapi.json").json())


def test_docs_shows_the_control_api_as_its_own_section(client: TestClient) -> None:
    view = client.get("/docs/openapi.json").json()
    assert CONTROL_TAG in [tag["name"] for tag in view["tags"]]
    reset = view["paths"]["/reset"]
    assert reset["servers"] == [{"url": "/_sandbox"}]
    assert reset["post"]["tags"] == [CONTROL_TAG] and reset["post"]["security"] == []


def test_docs_examples_create_sessions_the_demo_accounts_can_have(client: TestClient) -> None:
    view = client.get("/docs/openapi.json").json()
    content = view["paths"]["/Masking/Session"]["post"]["requestBody"]["content"]
    first = next(iter(content["application/json"]["examples"].values()))["value"]
    assert first["subaccount"] == DEMO_SUB_AUTH_ID
    assert first["first_party"] != first["second_party"]
    assert client.post(masking(), json=first).status_code == 201


def test_docs_path_defaults_name_sessions_that_exist(client: TestClient) -> None:
    parameters = client.get("/docs/openapi.json").json()["components"]["parameters"]
    masking_uuid = parameters["MaskingSessionUuid"]["schema"]["example"]
    verify_uuid = parameters["VerifySessionUuid"]["schema"]["example"]
    assert client.get(masking(session_uuid=masking_uuid)).status_code == 200
    assert client.get(verify(session_uuid=verify_uuid)).status_code == 200


def test_docs_default_otp_validates_the_default_verify_session(client: TestClient) -> None:
    view = client.get("/docs/openapi.json").json()
    verify_uuid = view["components"]["parameters"]["VerifySessionUuid"]["schema"]["example"]
    content = view["paths"]["/Verify/Session/{session_uuid}"]["post"]["requestBody"]["content"]
    otp = next(iter(content["application/json"]["examples"].values()))["value"]["otp"]
    assert client.post(verify(session_uuid=verify_uuid), json={"otp": otp}).status_code == 200


def test_docs_makes_new_demo_sessions_once_the_old_ones_are_gone(client: TestClient) -> None:
    before = client.get("/docs/openapi.json").json()["components"]["parameters"]
    assert client.get("/docs/openapi.json").json()["components"]["parameters"] == before
    client.post("/_sandbox/reset", json={})
    after = client.get("/docs/openapi.json").json()["components"]["parameters"]
    masking_uuid = after["MaskingSessionUuid"]["schema"]["example"]
    assert masking_uuid != before["MaskingSessionUuid"]["schema"]["example"]
    assert client.get(masking(session_uuid=masking_uuid)).status_code == 200


def test_docs_keeps_the_spec_example_uuid_when_the_account_has_no_number() -> None:
    poor = Account(auth_id=DEMO_AUTH_ID, auth_token="demo-auth-token", numbers=())
    app = create_app(demo_config(accounts=MappingProxyType({DEMO_AUTH_ID: poor})))
    with TestClient(app) as client:
        view = client.get("/docs/openapi.json")
    assert view.status_code == 200
    example = view.json()["components"]["parameters"]["MaskingSessionUuid"]["schema"]["example"]
    assert example == ApiSpec().parameter("MaskingSessionUuid")["schema"]["example"]
