"""Whether a request, exactly as it was sent, conforms to openapi.yaml.

Schemathesis decides that a case is negative (schema-violating) when it
generates it, before serialisation; what reaches the server can be valid all
the same (a query value of ``None`` is not sent, the run's auth puts back an
``Authorization`` header the case left out). The contract hooks ask this
module about the bytes that were sent instead.

The judge is the sandbox's own: the operations compiled by
``plivo_sandbox.fast_path`` from the routed openapi.yaml (path pattern, path
and query parameters with their schemas, Basic security, the JSON body
schema), with the sandbox's media-type normalisation. Nothing of the spec is
restated here. Only one thing differs from the sandbox: any Basic
credentials will do, since the spec says a request carries them, not whose.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any, cast
from urllib.parse import unquote, urlsplit

from plivo_sandbox.app import routing_spec
from plivo_sandbox.config import Account
from plivo_sandbox.errors import Unauthorized
from plivo_sandbox.fast_path import compile_operations
from plivo_sandbox.middleware import normal_content_type
from plivo_sandbox.sandbox import Sandbox
from plivo_sandbox.spec import load_document


class _AnyBasicCredentials:
    """Stands in for the sandbox's accounts: any non-empty Basic user and password is one."""

    def authenticate(
        self, path_auth_id: str, username: str | None, password: str | None
    ) -> Account:
        """An account named by the credentials; Unauthorized when they are empty."""
        if not username or password is None:
            raise Unauthorized("HTTP Basic credentials are required")
        return Account(auth_id=username, auth_token=password)


async def _not_called(**arguments: Any) -> tuple[dict[str, Any], int]:
    raise AssertionError("only the arguments of a request are read, no handler runs")


@cache
def _operations() -> tuple[Any, ...]:
    """openapi.yaml's operations as the sandbox compiles them, under ``/v1/Account/{auth_id}``."""
    routed = routing_spec(load_document())
    operation_ids = [
        operation["operationId"]
        for item in routed["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    ]
    return tuple(compile_operations(routed, dict.fromkeys(operation_ids, _not_called)))


def judged_operations() -> list[str]:
    """The operationIds this module can judge (those the sandbox's fast path compiles)."""
    return [operation.operation_id for operation in _operations()]


def _headers(headers: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    """ASGI headers, ``Content-Type`` normalised as the sandbox's middleware does."""
    raw = []
    for name, value in headers.items():
        key, text = name.lower().encode("latin-1"), value.encode("latin-1")
        if key == b"content-type":
            text = normal_content_type(text) or text
        raw.append((key, text))
    return raw


def request_conforms(
    method: str, url: str, headers: Mapping[str, str], body: bytes | str | None
) -> bool:
    """Whether the request sent conforms to openapi.yaml (False also when it cannot be told).

    ``url`` is the full URL sent, whose path is ``/v1/Account/<auth_id>/...``
    as on api.plivo.com and the sandbox.
    """
    parts = urlsplit(url)
    path = unquote(parts.path)
    try:
        scope = {
            "type": "http",
            "method": method.upper(),
            "path": path,
            "query_string": parts.query.encode("ascii"),
            "headers": _headers(headers),
        }
    except UnicodeEncodeError:
        return False  # not what an HTTP client sends: let the failure stand
    content = body.encode("utf-8") if isinstance(body, str) else (body or b"")
    accounts = cast(Sandbox, _AnyBasicCredentials())
    for operation in _operations():
        found = operation.pattern.match(path) if operation.method == method.upper() else None
        if found is not None:
            return operation.arguments(scope, found.groupdict(), content, accounts) is not None
    return False
