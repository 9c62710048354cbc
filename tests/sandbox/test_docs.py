"""Swagger UI at /docs (offline assets) and the raw spec at /openapi.yaml."""

from __future__ import annotations

import re

import yaml
from starlette.testclient import TestClient

from tests.conftest import DEMO_AUTH_ID, REPO_ROOT


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
