"""Swagger UI at ``/docs`` and the raw spec at ``/openapi.yaml``.

Swagger UI's files come from the ``swagger-ui-bundle`` package (no CDN), and
the spec it shows has its ``servers`` pointed at this sandbox, so "Try it
out" calls the sandbox with the chosen account.
"""

from __future__ import annotations

import copy
import json
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from plivo_sandbox.config import DEMO_MAIN, DEMO_SUB, Account, SandboxConfig
from plivo_sandbox.spec import ApiSpec


def shown_accounts(config: SandboxConfig) -> list[Account]:
    """The accounts /docs names and pre-authorizes, main accounts first.

    Only the public demo accounts (with their published tokens), unless the
    configuration sets ``docs_accounts``: anyone who can open /docs can read
    what it shows, so other credentials stay out of it.
    """
    public = {(DEMO_MAIN.auth_id, DEMO_MAIN.auth_token), (DEMO_SUB.auth_id, DEMO_SUB.auth_token)}
    accounts = [
        account
        for account in config.accounts.values()
        if config.docs_accounts or (account.auth_id, account.auth_token) in public
    ]
    return sorted(accounts, key=lambda account: account.is_subaccount)


def sandbox_view_of_spec(document: dict[str, Any], accounts: list[Account]) -> dict[str, Any]:
    """The spec as Swagger UI should see it: one server, this sandbox, any configured account."""
    view = copy.deepcopy(document)
    # Swagger UI pre-fills query fields from schema examples, which would filter every
    # "Try it out" list by made-up values: show the filters empty instead.
    spec = ApiSpec(view)
    for parameter in view["components"]["parameters"].values():
        if parameter["in"] == "query":
            schema = dict(spec.resolve(parameter["schema"]))
            schema.pop("example", None)
            parameter["schema"] = schema
    auth_ids = [account.auth_id for account in accounts]
    variable: dict[str, Any] = {
        "default": "",
        "description": "Your Auth ID (the one you authorize as).",
    }
    if auth_ids:
        variable = {
            "default": auth_ids[0],
            "enum": auth_ids,
            "description": "A configured account (the one you authorize as).",
        }
    view["servers"] = [
        {
            "url": "/v1/Account/{auth_id}",
            "description": "This Plivo sandbox",
            "variables": {"auth_id": variable},
        }
    ]
    return view


def docs_routes(
    spec_path: Path, document: dict[str, Any], accounts: list[Account]
) -> list[BaseRoute]:
    """Routes for ``/docs``, its assets and spec, and ``/openapi.yaml``.

    ``accounts[0]`` (if any: see ``shown_accounts``) is pre-authorized in the
    page so "Try it out" works at once.
    """
    ui_spec = sandbox_view_of_spec(document, accounts)
    settings = json.dumps(
        {"user": accounts[0].auth_id, "password": accounts[0].auth_token} if accounts else {}
    )
    template = resources.files("plivo_sandbox").joinpath("docs.html").read_text(encoding="utf-8")
    # `</` must not appear raw inside a <script> element.
    page = template.replace("{{SETTINGS}}", settings.replace("</", "<\\/"))

    async def docs_page(_: Request) -> Response:
        return HTMLResponse(page)

    async def docs_spec(_: Request) -> Response:
        return JSONResponse(ui_spec)

    async def raw_spec(_: Request) -> Response:
        return FileResponse(spec_path, media_type="application/yaml")

    return [
        Route("/docs", docs_page, methods=["GET"]),
        Route("/docs/openapi.json", docs_spec, methods=["GET"]),
        Mount("/docs/static", app=StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui"),
        Route("/openapi.yaml", raw_spec, methods=["GET"]),
    ]
