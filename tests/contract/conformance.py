"""Whether a request, exactly as it was sent, conforms to openapi.yaml.

Schemathesis decides that a case is negative (schema-violating) when it
generates it, before serialisation; what reaches the server can be valid all
the same (a query value of ``None`` is not sent, the run's auth puts back an
``Authorization`` header the case left out). The contract hooks ask this
module about the bytes that were sent instead.

The judge is the sandbox's own: the operations ``plivo_sandbox.http.fast_path``
compiles from the routed openapi.yaml (path pattern, path and query
parameters with their schemas, Basic security, the JSON body schema), asked
for the request's ``problems`` as the drift proxy asks them, after the
sandbox's media-type normalisation. Nothing of the spec is restated here.
Credentials are only looked for: the spec says a request carries Basic
credentials, not whose.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from urllib.parse import unquote, urlsplit

from plivo_sandbox.app import routing_spec
from plivo_sandbox.core.spec import load_document
from plivo_sandbox.http.fast_path import (
    CompiledOperation,
    by_method,
    compile_operations,
    match_operation,
)
from plivo_sandbox.http.middleware import normal_content_type


@cache
def _table() -> dict[str, list[CompiledOperation]]:
    """openapi.yaml's operations as the sandbox compiles them, under ``/v1/Account/{auth_id}``."""
    return by_method(compile_operations(routing_spec(load_document())))


def judged_operations() -> list[str]:
    """The operationIds this module can judge (those the sandbox compiles)."""
    return [operation.operation_id for group in _table().values() for operation in group]


def _headers(headers: Mapping[str, str]) -> list[tuple[bytes, bytes]]:
    """ASGI headers, ``Content-Type`` normalised as the sandbox's middleware does."""
    raw = []
    for name, value in headers.items():
        key, text = name.lower().encode("latin-1"), value.encode("latin-1")
        if key == b"content-type":
            text = normal_content_type(text) or b""
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
    matched = match_operation(_table(), method.upper(), unquote(parts.path))
    if matched is None:
        return False
    operation, path_args = matched
    try:
        scope = {"query_string": parts.query.encode("ascii"), "headers": _headers(headers)}
    except UnicodeEncodeError:
        return False  # not what an HTTP client sends: let the failure stand
    content = body.encode("utf-8") if isinstance(body, str) else (body or b"")
    return not operation.problems(scope, path_args, content)
