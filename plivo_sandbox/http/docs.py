"""Swagger UI at ``/docs`` and the raw spec at ``/openapi.yaml``.

Swagger UI's files come from the ``swagger-ui-bundle`` package (no CDN). The
spec it shows is openapi.yaml adapted to the sandbox serving it, so that
every "Try it out" default succeeds on the first click:

* one server, this sandbox, with any configured account;
* request examples that hold for the demo accounts (the spec's examples stay
  true to Plivo's documents, whose subaccount and parties are not ours);
* path parameters pre-filled with the uuids of demo sessions that exist
  (created for the page, again whenever the last ones were ended or reset),
  and the validate example carrying the demo Verify session's OTP;
* the sandbox control API (control.yaml) as its own section.
"""

from __future__ import annotations

import copy
import json
from datetime import timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    HTMLResponse,
    JSONResponse,
    RedirectResponse,
    Response,
)
from starlette.routing import BaseRoute, Mount, Route
from starlette.staticfiles import StaticFiles
from swagger_ui_bundle import swagger_ui_path

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import DEMO_MAIN, DEMO_SUB, Account
from plivo_sandbox.core.errors import NotFound, PlivoError
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.core.store import Transaction

CONTROL_TAG = "Sandbox control"
# The demo masking session the page creates: parties the create examples do not use,
# any number of the account's pool (geomatch off).
DEMO_MASKING_SESSION = {
    "first_party": "+14155550101",
    "second_party": "+14155550102",
    "geomatch": False,
    "record": True,
}
# One call through it, so the recording operations have a recording to show.
DEMO_CALL = {"caller": DEMO_MASKING_SESSION["first_party"]}
DEMO_RECIPIENT = "+14155550103"
DEMO_VERIFY_SESSION = {"recipient": DEMO_RECIPIENT}
# Request-example keys that name a callback URL: the sandbox sends no callbacks
# to the internet, so the page leaves them out.
CALLBACK_KEYS = ("url", "callback_url", "recording_callback_url")


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
    _fit_request_examples(view, accounts)
    _prefill_bodies_with_examples(view)
    return view


def _request_examples(view: dict[str, Any], operation_id: str) -> list[dict[str, Any]]:
    """The values of every request-body example of ``operation_id`` (to edit in place)."""
    for item in view["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                content = operation["requestBody"]["content"]["application/json"]
                return [example["value"] for example in content.get("examples", {}).values()]
    raise KeyError(operation_id)


def _prefill_bodies_with_examples(view: dict[str, Any]) -> None:
    """Make the first example of each body the pre-filled one.

    Swagger UI fills "Try it out" bodies from the schema (its made-up sample
    has equal parties and PINs) when try-it-out starts on; a schema-level
    ``example`` is what it takes instead. The examples list stays as it is.
    """
    for item in view["paths"].values():
        for operation in item.values():
            if not isinstance(operation, dict) or "requestBody" not in operation:
                continue
            content = operation["requestBody"]["content"]["application/json"]
            examples = list(content.get("examples", {}).values())
            if examples:
                content["schema"] = {"allOf": [content["schema"]], "example": examples[0]["value"]}


def _fit_request_examples(view: dict[str, Any], accounts: list[Account]) -> None:
    """Plivo's example bodies, changed only where the demo accounts need it."""
    owner = accounts[0].auth_id if accounts else None
    subaccounts = [a.auth_id for a in accounts if owner and a.parent == owner]
    for operation_id in ("create_masking_session", "create_verify_session"):
        for value in _request_examples(view, operation_id):
            for key in CALLBACK_KEYS:
                value.pop(key, None)
            if "subaccount" in value:
                # Plivo's example names a subaccount of Plivo's; use one of the caller's.
                if subaccounts:
                    value["subaccount"] = subaccounts[0]
                else:
                    del value["subaccount"]


def add_control_api(view: dict[str, Any], control: dict[str, Any]) -> None:
    """control.yaml's operations as the "Sandbox control" section of ``view``.

    Its paths keep their own server (``/_sandbox``) and need no credentials;
    its components are renamed so they cannot clash with openapi.yaml's.
    """
    prefix = "Sandbox"

    def renamed(node: Any) -> Any:
        if isinstance(node, dict):
            copied = {key: renamed(value) for key, value in node.items()}
            if isinstance(copied.get("$ref"), str):
                head, name = copied["$ref"].rsplit("/", 1)
                copied["$ref"] = f"{head}/{prefix}{name}"
            return copied
        if isinstance(node, list):
            return [renamed(value) for value in node]
        return node

    control = renamed(control)
    server = control["servers"][0]
    for path, item in control["paths"].items():
        for operation in item.values():
            operation["security"] = []
        view["paths"][path] = {"servers": [server], **item}
    for section, entries in control.get("components", {}).items():
        target = view["components"].setdefault(section, {})
        for name, entry in entries.items():
            target[prefix + name] = entry
    view.setdefault("tags", []).extend(control.get("tags", []))


class DemoSessions:
    """A masking and a Verify session of the first account, for the page's path defaults.

    Made on first use, and again whenever the previous ones can no longer
    answer a first click (deleted, expired, validated, or gone by a reset).
    """

    def __init__(self, sandbox: Sandbox, owner: Account) -> None:
        self.sandbox = sandbox
        self.owner = owner
        self.masking_uuid = ""
        self.recording: dict[str, Any] | None = None
        self.verify_uuid = ""

    def _masking_usable(self, tx: Transaction) -> bool:
        try:
            session = self.sandbox.masking.get(tx, self.owner, self.masking_uuid)
        except NotFound:
            return False
        return bool(session["response"]["status"] == "active")

    def _verify_usable(self, tx: Transaction) -> bool:
        try:
            session = self.sandbox.verify.get(tx, self.owner, self.verify_uuid)
        except NotFound:
            return False
        return bool(session["status"] == "in-progress")

    def current(self) -> tuple[str, str, str]:
        """The masking uuid, the Verify uuid and that session's OTP, fresh if need be.

        The masking uuid is "" when the account has no free number for it (a
        configuration without a pool): the page then keeps the spec's example.
        """
        with self.sandbox.transaction(write=False) as tx:
            masking_ok = bool(self.masking_uuid) and self._masking_usable(tx)
            verify_ok = bool(self.verify_uuid) and self._verify_usable(tx)
            otp = self.sandbox.verify.otp(tx, self.verify_uuid) if verify_ok else ""
        if not (masking_ok and verify_ok):  # a write only when something must be made
            with self.sandbox.transaction() as tx:
                if not masking_ok:
                    self._new_masking_session(tx)
                if not verify_ok:
                    started = self.sandbox.verify.create(tx, self.owner, DEMO_VERIFY_SESSION)
                    self.verify_uuid = started["session_uuid"]
                    otp = self.sandbox.verify.otp(tx, self.verify_uuid)
        return self.masking_uuid, self.verify_uuid, otp

    def _new_masking_session(self, tx: Transaction) -> None:
        try:
            created = self.sandbox.masking.create(tx, self.owner, DEMO_MASKING_SESSION)
        except PlivoError:  # no free number in the pool
            self.masking_uuid = ""
        else:
            self.masking_uuid = created["session_uuid"]
            call = self.sandbox.masking.simulate_call(tx, self.masking_uuid, DEMO_CALL)
            self.recording = call["recording"]


def _with_demo_sessions(view: dict[str, Any], demo: DemoSessions, sandbox: Sandbox) -> None:
    """Point the page's uuid, OTP, recipient and clock defaults at things that exist now."""
    masking_uuid, verify_uuid, otp = demo.current()
    parameters = view["components"]["parameters"]
    if masking_uuid:
        parameters["MaskingSessionUuid"]["schema"] = {
            **parameters["MaskingSessionUuid"]["schema"],
            "example": masking_uuid,
        }
    parameters["VerifySessionUuid"]["schema"] = {
        **parameters["VerifySessionUuid"]["schema"],
        "example": verify_uuid,
    }
    for value in _request_examples(view, "validate_verify_session"):
        value["otp"] = otp
    paths = view["paths"]
    if masking_uuid and "SandboxSessionUuid" in parameters:
        parameters["SandboxSessionUuid"]["schema"] = {
            **parameters["SandboxSessionUuid"]["schema"],
            "example": masking_uuid,
        }
    if demo.recording is not None:
        recording = demo.recording
        files = {
            "recording_uuid": recording["recording_id"],
            "recording_file": f"{recording['recording_id']}.{recording['recording_format']}",
        }
        for path in (
            "/masking/sessions/{session_uuid}/recordings/{recording_uuid}",
            "/media/{session_uuid}/{recording_file}",
        ):
            for parameter in paths.get(path, {}).get("get", {}).get("parameters", []):
                if parameter.get("name") in files:
                    parameter["schema"] = {
                        **parameter["schema"],
                        "example": files[parameter["name"]],
                    }
    if "/verify/sessions/{session_uuid}/otp" in paths:
        for parameter in paths["/verify/sessions/{session_uuid}/otp"]["get"]["parameters"]:
            parameter["schema"] = {**parameter["schema"], "example": verify_uuid}
        for parameter in paths["/verify/recipients/{recipient}/otp"]["get"]["parameters"]:
            parameter["schema"] = {**parameter["schema"], "example": DEMO_RECIPIENT}
        later = sandbox.clock.now() + timedelta(days=1)
        body = paths["/clock"]["put"]["requestBody"]["content"]["application/json"]["schema"]
        body["properties"]["now"]["example"] = later.isoformat(timespec="seconds")


def docs_routes(
    spec_path: Path,
    document: dict[str, Any],
    accounts: list[Account],
    *,
    sandbox: Sandbox | None = None,
    control: dict[str, Any] | None = None,
) -> list[BaseRoute]:
    """Routes for ``/`` (to the docs), ``/docs``, its assets and spec, and ``/openapi.yaml``.

    ``accounts[0]`` (if any: see ``shown_accounts``) is pre-authorized in the
    page so "Try it out" works at once; with a ``sandbox`` the page's uuids name
    demo sessions of that account.
    """
    base_view = sandbox_view_of_spec(document, accounts)
    if control is not None:
        add_control_api(base_view, control)
    demo = DemoSessions(sandbox, accounts[0]) if sandbox is not None and accounts else None
    settings = json.dumps(
        {"user": accounts[0].auth_id, "password": accounts[0].auth_token} if accounts else {}
    )
    template = (
        resources.files("plivo_sandbox.http").joinpath("docs.html").read_text(encoding="utf-8")
    )
    # `</` must not appear raw inside a <script> element.
    page = template.replace("{{SETTINGS}}", settings.replace("</", "<\\/"))

    async def home(_: Request) -> Response:
        return RedirectResponse("/docs")

    async def docs_page(_: Request) -> Response:
        return HTMLResponse(page)

    def current_view() -> dict[str, Any]:
        if demo is None or sandbox is None:
            return base_view
        view = copy.deepcopy(base_view)
        _with_demo_sessions(view, demo, sandbox)
        return view

    async def docs_spec(_: Request) -> Response:
        # The demo sessions are looked up (or made) in the store: off the event loop.
        return JSONResponse(await run_in_threadpool(current_view))

    async def raw_spec(_: Request) -> Response:
        return FileResponse(spec_path, media_type="application/yaml")

    return [
        Route("/", home, methods=["GET"]),
        Route("/docs", docs_page, methods=["GET"]),
        Route("/docs/openapi.json", docs_spec, methods=["GET"]),
        Mount("/docs/static", app=StaticFiles(directory=str(swagger_ui_path)), name="swagger-ui"),
        Route("/openapi.yaml", raw_spec, methods=["GET"]),
    ]
