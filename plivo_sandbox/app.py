"""The sandbox as an ASGI app: openapi.yaml routed and validated by connexion.

Nothing about the nine operations is written here: connexion reads the
routes, arguments and schemas from openapi.yaml; this module only mounts the
spec under Plivo's ``/v1/Account/{auth_id}`` prefix, plugs in authentication
and the handlers, and turns every error into Plivo's shape. In front of
connexion, ``fast_path.py`` answers the well-formed requests from the same
document, compiled once (see its docstring).
"""

from __future__ import annotations

import copy
import logging
import re
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import connexion
from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from connexion.resolver import Resolver
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.control.endpoints import ControlHandlers
from plivo_sandbox.control.guard import ControlGuardMiddleware
from plivo_sandbox.core.config_file import load_config
from plivo_sandbox.core.errors import PlivoError, Unauthorized, error_body
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import CONTROL_SPEC, SPEC_PATH, fresh_document
from plivo_sandbox.core.store import StoreBusy
from plivo_sandbox.http.auth import basic_auth_handler
from plivo_sandbox.http.docs import docs_routes, shown_accounts
from plivo_sandbox.http.endpoints import PlivoHandlers, as_endpoint, unavailable
from plivo_sandbox.http.fast_path import FastPathMiddleware, compile_operations
from plivo_sandbox.http.json_encoding import PlivoJsonifier, encode
from plivo_sandbox.http.middleware import (
    BodyLimitMiddleware,
    ContentTypeMiddleware,
    TrailingSlashMiddleware,
)
from plivo_sandbox.http.request_context import RequestContextMiddleware
from plivo_sandbox.http.validators import validator_map
from plivo_sandbox.http.write_batches import WriteBatches

logger = logging.getLogger("plivo_sandbox")

ACCOUNT_PREFIX = "/v1/Account/{auth_id}"
# Sent with every 401, so HTTP clients know the API wants Basic credentials.
CHALLENGE = Unauthorized.default_headers


def routing_spec(document: dict[str, Any]) -> dict[str, Any]:
    """openapi.yaml with every path under ``/v1/Account/{auth_id}``, as Plivo serves it.

    The spec keeps ``auth_id`` in its server URL (given once by a client);
    the sandbox serves every account, so here it becomes a path parameter.
    """
    spec = copy.deepcopy(document)
    auth_id = {
        "name": "auth_id",
        "in": "path",
        "required": True,
        "description": "The caller's Auth ID.",
        "schema": {"type": "string"},
    }
    spec["paths"] = {
        ACCOUNT_PREFIX + path: {**item, "parameters": [auth_id, *item.get("parameters", [])]}
        for path, item in spec["paths"].items()
    }
    spec["servers"] = [{"url": "/"}]
    return spec


def _plivo_response(
    status: int, message: str, headers: dict[str, str] | None = None
) -> ConnexionResponse:
    return ConnexionResponse(
        status_code=status,
        mimetype="application/json",
        content_type="application/json",
        body=encode(error_body(message)),
        headers=dict(headers or {}),
    )


async def _on_plivo_error(_: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    assert isinstance(exc, PlivoError)
    return _plivo_response(exc.status, exc.message, exc.headers)


async def _on_store_busy(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    # The control API's calls reach the store outside the nine endpoints' wrapper.
    assert isinstance(exc, StoreBusy)
    return await _on_plivo_error(request, unavailable(exc))


async def _on_problem(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    """Connexion's own errors (validation, security, content type) in Plivo's shape."""
    assert isinstance(exc, ProblemException)
    detail = str(exc.detail or exc.title or "invalid request")
    if exc.status == 401:
        return _plivo_response(401, f"authentication failed: {detail}", CHALLENGE)
    if exc.status == 415:
        # Plivo accepts only JSON bodies and documents 400 for a bad request.
        content_type = request.headers.get("content-type") or "none, or not a media type"
        return _plivo_response(400, f"Content-Type must be application/json (got {content_type})")
    status = exc.status if 400 <= exc.status < 600 else 400
    return _plivo_response(status, detail)


_HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def allowed_methods(*documents: dict[str, Any]) -> list[tuple[re.Pattern[str], str]]:
    """For each path of the routed ``documents``: its URL pattern and its ``Allow`` value."""
    table = []
    for document in documents:
        base = document.get("servers", [{"url": "/"}])[0]["url"].rstrip("/")
        for path, item in document["paths"].items():
            pattern = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(base + path))
            methods = [method.upper() for method in _HTTP_METHODS if method in item]
            table.append((re.compile(f"^{pattern}$"), ", ".join(methods)))
    return table


def _http_exception_handler(
    allow: list[tuple[re.Pattern[str], str]],
) -> Callable[[ConnexionRequest, Exception], Awaitable[ConnexionResponse]]:
    """Unknown routes (404) and wrong methods (405, ``Allow`` naming every method of the path)."""

    async def on_http_exception(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        assert isinstance(exc, HTTPException)
        headers = dict(exc.headers or {})
        if exc.status_code == 404:
            message = f"no such resource: {request.url.path}"
        elif exc.status_code == 405:
            message = f"method {request.method} is not allowed on {request.url.path}"
            # The router answers with the first route that matched the path, which
            # holds one operation; the path's other operations belong in Allow too.
            for pattern, methods in allow:
                if pattern.match(request.url.path):
                    headers = {k: v for k, v in headers.items() if k.lower() != "allow"}
                    headers["Allow"] = methods
                    break
        else:
            message = str(exc.detail)
        return _plivo_response(exc.status_code, message, headers)

    return on_http_exception


async def _on_unrouted(request: Request, exc: Exception) -> Response:
    """A path no route of the app matches at all (such as one with a newline): Plivo's 404."""
    assert isinstance(exc, HTTPException)
    message = f"no such resource: {request.url.path}" if exc.status_code == 404 else exc.detail
    return JSONResponse(error_body(str(message)), exc.status_code, dict(exc.headers or {}))


async def _on_unexpected(_: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    logger.exception("unexpected error", exc_info=exc)
    return _plivo_response(500, "internal server error")


def create_app(
    config: SandboxConfig | None = None,
    *,
    sandbox: Sandbox | None = None,
    validate_responses: bool = False,
    spec_path: Path = SPEC_PATH,
    fast_path: bool = True,
) -> Starlette:
    """Build the sandbox app; ``app.state.sandbox`` is the state behind it.

    ``validate_responses`` makes connexion check every answer against the spec
    (the tests turn it on). A ``sandbox`` passed in stays its caller's: the
    app closes only a sandbox it built itself, so the app can be served (and
    its lifespan run) more than once around a caller's sandbox.
    ``fast_path`` answers well-formed requests to the nine operations without
    connexion's per-request work (``fast_path.py``); off, connexion answers all.
    """
    owns_sandbox = sandbox is None
    sandbox = sandbox or Sandbox(config or load_config())
    document = fresh_document(spec_path)
    routed = routing_spec(document)
    control_document = fresh_document(CONTROL_SPEC)
    handlers = PlivoHandlers(sandbox)
    controls = ControlHandlers(sandbox)
    served: Counter[str] = Counter()
    api = connexion.AsyncApp(__name__, jsonifier=PlivoJsonifier())
    common: dict[str, Any] = {
        "strict_validation": True,
        "validate_responses": validate_responses,
        "validator_map": validator_map(),
        "swagger_ui_options": connexion.options.SwaggerUIOptions(
            swagger_ui=False, serve_spec=False
        ),
    }
    # One endpoint per operation, shared by connexion and the fast path.
    writes = WriteBatches(sandbox)
    endpoints = {
        operation_id: as_endpoint(
            sandbox,
            operation_id,
            getattr(handlers, operation_id),
            writes,
            getattr(handlers, f"warm_{operation_id}", None),
        )
        for item in routed["paths"].values()
        for operation_id in (op["operationId"] for op in item.values() if isinstance(op, dict))
    }
    api.add_api(
        routed,
        resolver=Resolver(function_resolver=endpoints.__getitem__),
        security_map={"basic": basic_auth_handler(sandbox)},
        **common,
    )
    api.add_api(
        control_document,
        base_path="/_sandbox",
        resolver=Resolver(function_resolver=lambda operation_id: getattr(controls, operation_id)),
        **common,
    )
    api.add_error_handler(PlivoError, _on_plivo_error)
    api.add_error_handler(StoreBusy, _on_store_busy)
    api.add_error_handler(ProblemException, _on_problem)
    allow = allowed_methods(routed, control_document)
    api.add_error_handler(HTTPException, _http_exception_handler(allow))
    api.add_error_handler(Exception, _on_unexpected)

    @asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        # Callbacks go out while the app is served.
        sandbox.start()
        try:
            yield
        finally:
            sandbox.callbacks.stop()
            if owns_sandbox:
                sandbox.close()

    app = Starlette(
        routes=[
            *docs_routes(
                spec_path,
                document,
                shown_accounts(sandbox.config),
                sandbox=sandbox,
                control=control_document,
            ),
            Mount("/", app=api),
        ],
        middleware=[
            # First: every later step may wait on the request's deadline.
            Middleware(RequestContextMiddleware, config=sandbox.config),
            Middleware(TrailingSlashMiddleware),
            Middleware(ContentTypeMiddleware),
            Middleware(ControlGuardMiddleware, config=sandbox.config),
            Middleware(BodyLimitMiddleware, read_timeout=sandbox.config.read_timeout),
            *(
                [
                    Middleware(
                        FastPathMiddleware,
                        operations=compile_operations(routed, endpoints),
                        sandbox=sandbox,
                        validate_responses=validate_responses,
                        served=served,
                    )
                ]
                if fast_path
                else []
            ),
        ],
        exception_handlers={HTTPException: _on_unrouted},
        lifespan=lifespan,
    )
    app.state.sandbox = sandbox
    app.state.callbacks = sandbox.callbacks
    app.state.fast_path_served = served
    return app


def create_app_from_env() -> Starlette:
    """App factory for uvicorn (``--factory``): configuration from file and environment."""
    return create_app(load_config())
