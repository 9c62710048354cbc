"""The nine operations' well-formed requests, answered without connexion's per-request work.

Profiling showed connexion and Starlette spending about half of the time
of a request that reads one row (0.6 of 1.25 ms, bench/PROFILE.md): per request they
build a request object, rebuild JSON Schema validators, walk a stack of
middlewares and resolve the operation again. This middleware compiles each
operation of the routed openapi.yaml once (its path pattern, the schema of
every parameter and of the body, its security and its responses) and
answers a request itself only when the request is one connexion would accept:
Basic credentials of a known account, declared query parameters once each,
a JSON object body that its schema accepts. Anything else (a wrong method, a
bad argument, bad credentials, an odd content type) goes on to connexion
untouched, so every error keeps connexion's wording. The handler it calls is
the very endpoint connexion calls, with the same arguments: a test
(tests/sandbox/test_fast_path.py) checks both on generated requests.

The drift proxy (``proxy.py``) checks real traffic with the same compiled
operations: compiled without endpoints, ``problems`` says why a request is
not one the spec accepts instead of handing it to connexion.
"""

from __future__ import annotations

import base64
import binascii
import inspect
import json
import logging
import re
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl

from connexion.decorators.parameter import sanitized
from connexion.json_schema import Draft4ResponseValidator, resolve_refs
from jsonschema import Draft4Validator, ValidationError
from jsonschema.protocols import Validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.errors import PlivoError, error_body
from plivo_sandbox.core.schema_validation import compiled
from plivo_sandbox.http.json_encoding import encode
from plivo_sandbox.http.middleware import replay, send_json
from plivo_sandbox.http.request_context import ARGUMENT, context_of
from plivo_sandbox.http.validators import check_decoded

logger = logging.getLogger("plivo_sandbox")

Endpoint = Callable[..., Awaitable[tuple[dict[str, Any], int]]]

# Media types (as ContentTypeMiddleware writes them) read as UTF-8 JSON, as connexion reads them.
_JSON_TYPES = frozenset({b"application/json", b"application/json;charset=utf-8"})
_PATH_PARAMETER = re.compile(r"\{([^/{}]+)\}")


class Unsupported(Exception):
    """An operation uses a feature this path does not implement: connexion serves it."""


@dataclass(frozen=True)
class Problem:
    """One reason a request is not one the spec accepts (what the proxy reports).

    ``where`` is ``path``, ``query``, ``header`` or ``body``; ``name`` the
    parameter or header (empty for the body). A schema's verdict comes as
    its ``error``; anything else as a ``keyword`` and a ``detail`` that
    never repeats the value sent (it may be personal data).
    """

    where: str
    name: str
    keyword: str = ""
    detail: str = ""
    error: ValidationError | None = None


@dataclass(frozen=True)
class _Query:
    """One declared query parameter: how to read it from text, and its schema."""

    kind: str
    required: bool
    check: Validator


class CompiledOperation:
    """One operation of the routed spec, compiled: everything a request is checked against."""

    def __init__(
        self,
        path: str,
        method: str,
        operation: Mapping[str, Any],
        path_item: Mapping[str, Any],
        document: Mapping[str, Any],
        endpoint: Endpoint | None,
    ) -> None:
        self.method = method.upper()
        self.operation_id: str = operation["operationId"]
        self.endpoint = endpoint
        # split() alternates literal text and parameter names: /a/{b}/c -> "/a/", "b", "/c"
        parts = _PATH_PARAMETER.split(path)
        self.pattern = re.compile(
            "^"
            + "".join(
                f"(?P<{part}>[^/]+)" if index % 2 else re.escape(part)
                for index, part in enumerate(parts)
            )
            + "$"
        )
        parameters = {
            (p["in"], p["name"]): p
            for p in [*path_item.get("parameters", []), *operation.get("parameters", [])]
        }
        self.path_checks: dict[str, Validator] = {}
        self.query: dict[str, _Query] = {}
        self.query_defaults: dict[str, Any] = {}
        for (where, name), parameter in parameters.items():
            if sanitized(name) != name:  # connexion would rename the argument
                raise Unsupported(f"{self.operation_id}: parameter name {name}")
            schema = parameter.get("schema", {})
            if schema.get("nullable") or schema.get("type") not in ("string", "integer"):
                raise Unsupported(f"{self.operation_id}: parameter {name}")
            check = compiled("parameter", schema)
            if where == "path" and schema["type"] == "string":
                self.path_checks[name] = check
            elif where == "query":
                self.query[name] = _Query(schema["type"], bool(parameter.get("required")), check)
                if "default" in schema:
                    self.query_defaults[name] = schema["default"]
            else:
                raise Unsupported(f"{self.operation_id}: {where} parameter {name}")
        security = operation.get("security", document.get("security", []))
        schemes = document.get("components", {}).get("securitySchemes", {})
        self.basic_auth = bool(security)
        names = [name for requirement in security for name in requirement]
        if not all(schemes[name].get("scheme") == "basic" for name in names):
            raise Unsupported(f"{self.operation_id}: security")
        body = operation.get("requestBody")
        self.body_name: str | None = None
        self.body_check: Validator | None = None
        if body is not None:
            content = body.get("content", {})
            if set(content) != {"application/json"}:
                raise Unsupported(f"{self.operation_id}: request body media types")
            self.body_name = operation.get("x-body-name", "body")
            self.body_check = compiled("body", content["application/json"].get("schema", {}))
        self.responses: dict[str, Any] = operation.get("responses", {})
        self._response_checks: dict[int, Validator | None] = {}
        self.takes_all = False
        self.takes: frozenset[str] = frozenset()
        if endpoint is not None:
            signature = inspect.signature(inspect.unwrap(endpoint))
            self.takes_all = any(
                p.kind is inspect.Parameter.VAR_KEYWORD for p in signature.parameters.values()
            )
            self.takes = frozenset(signature.parameters)

    def arguments(
        self, scope: Scope, path_args: dict[str, str], body: bytes, sandbox: Sandbox
    ) -> dict[str, Any] | None:
        """The handler's arguments as connexion passes them; None if connexion must answer."""
        for name, value in path_args.items():
            if not self.path_checks[name].is_valid(value):
                return None
        arguments: dict[str, Any] = dict(path_args)
        query = self._query(scope.get("query_string", b""))
        if query is None:
            return None
        arguments.update(query)
        if self.basic_auth:
            account = _basic_account(scope, path_args.get("auth_id", ""), sandbox)
            if account is None:
                return None
            arguments["user"] = account.auth_id
            arguments["token_info"] = {"sub": account.auth_id, "account": account}
        if self.body_name is not None:
            parsed = self._body(scope, body)
            if parsed is None:
                return None
            arguments[self.body_name] = parsed
        if self.takes_all:
            return arguments
        return {name: value for name, value in arguments.items() if name in self.takes}

    def _query(self, raw: bytes, problems: list[Problem] | None = None) -> dict[str, Any] | None:
        """Declared parameters, each given once, typed; with the spec's defaults.

        None at the first problem; with a ``problems`` list, every problem is
        added to it instead (the proxy's diagnosis; only the failing branches look).
        """
        values: dict[str, Any] = dict(self.query_defaults)
        given: set[str] = set()
        if raw:
            try:
                pairs = parse_qsl(raw.decode("ascii"), keep_blank_values=True, strict_parsing=True)
            except (UnicodeDecodeError, ValueError):
                if problems is None:
                    return None
                problems.append(Problem("query", "", "syntax", "not a well-formed query string"))
                return values
            for name, text in pairs:
                declared = self.query.get(name)
                if declared is None or name in given:
                    if problems is None:
                        return None
                    if declared is None:
                        problems.append(Problem("query", name, "undocumented", "not a parameter"))
                    else:
                        problems.append(Problem("query", name, "repeated", "given more than once"))
                    continue
                given.add(name)
                value: Any = text
                if declared.kind == "integer":
                    if text.isascii() and text.isdigit():
                        value = int(text)
                    elif problems is None:
                        return None
                    else:
                        try:  # as connexion coerces it: "-5" is a whole number
                            value = int(text)
                        except ValueError:
                            problems.append(Problem("query", name, "type", "not a whole number"))
                            continue
                if not declared.check.is_valid(value):
                    if problems is None:
                        return None
                    problems.extend(
                        Problem("query", name, error=error)
                        for error in declared.check.iter_errors(value)
                    )
                    continue
                values[name] = value
        for name, declared in self.query.items():
            if declared.required and name not in given:
                if problems is None:
                    return None
                problems.append(Problem("query", name, "required", "missing"))
        return values

    def _body(self, scope: Scope, body: bytes, problems: list[Problem] | None = None) -> Any:
        """The JSON body if the schema accepts it; None if connexion must answer.

        With a ``problems`` list, what is wrong with the body is added to it.
        """
        assert self.body_check is not None
        content_types = [v for k, v in scope.get("headers", []) if k == b"content-type"]
        if len(content_types) != 1 or content_types[0] not in _JSON_TYPES or not body:
            if problems is not None:
                problems.append(
                    Problem("body", "", "required", "missing")
                    if not body
                    else Problem("header", "Content-Type", "media type", "not application/json")
                )
            return None
        try:
            parsed = json.loads(body.decode("utf-8"))
            check_decoded(parsed)
        except Exception:  # every parse failure has connexion's wording
            if problems is not None:
                problems.append(Problem("body", "", "syntax", "not JSON text the API can read"))
            return None
        if parsed is None or not self.body_check.is_valid(parsed):
            if problems is not None:
                problems.extend(
                    Problem("body", "", error=error)
                    for error in self.body_check.iter_errors(parsed)
                )
            return None
        return parsed

    def problems(self, scope: Scope, path_args: Mapping[str, str], body: bytes) -> list[Problem]:
        """Every way a request to this operation breaks the spec (empty: it conforms).

        ``scope`` must carry a normalised Content-Type, as ContentTypeMiddleware
        gives the sandbox. Credentials are only looked for (Basic, as the
        security scheme says): whether they are right is the server's business.
        """
        found: list[Problem] = []
        for name, value in path_args.items():
            check = self.path_checks.get(name)
            if check is not None:
                found.extend(
                    Problem("path", name, error=error) for error in check.iter_errors(value)
                )
        self._query(scope.get("query_string", b""), found)
        if self.basic_auth:
            values = [v for k, v in scope.get("headers", []) if k == b"authorization"]
            if len(values) != 1 or values[0][:6].lower() != b"basic ":
                found.append(Problem("header", "Authorization", "required", "no Basic credentials"))
        if self.body_name is not None:
            self._body(scope, body, found)
        return found

    def response_definition(self, status: int) -> Mapping[str, Any] | None:
        """The documented response for ``status`` (or the ``default`` one); None if neither."""
        found: Mapping[str, Any] | None = self.responses.get(
            str(status), self.responses.get("default")
        )
        return found

    def response_check(self, status: int) -> Validator | None:
        """The validator of an answer with ``status``, as connexion's validation picks it."""
        if status in self._response_checks:
            return self._response_checks[status]
        definition = self.response_definition(status) or {}
        schema = definition.get("content", {}).get("application/json", {}).get("schema")
        check = None
        if schema is not None:
            check = Draft4ResponseValidator(schema, format_checker=Draft4Validator.FORMAT_CHECKER)
        self._response_checks[status] = check
        return check


def _basic_account(scope: Scope, auth_id: str, sandbox: Sandbox) -> Account | None:
    """The account of the request's Basic credentials; None if connexion must answer."""
    values = [v for k, v in scope.get("headers", []) if k == b"authorization"]
    if len(values) != 1 or values[0][:6] != b"Basic ":
        return None
    try:
        username, colon, password = (
            base64.b64decode(values[0][6:], validate=True).decode("ascii").partition(":")
        )
    except (binascii.Error, UnicodeDecodeError):
        return None
    if not colon:
        return None
    try:
        return sandbox.authenticate(auth_id, username, password)
    except PlivoError:
        return None


def compile_operations(
    routed: Mapping[str, Any], endpoints: Mapping[str, Endpoint] | None = None
) -> list[CompiledOperation]:
    """Each operation of ``routed`` that has an endpoint, compiled (unsupported ones skipped).

    Without ``endpoints`` every operation is compiled, for checking only (the proxy).
    """
    document = resolve_refs(routed)
    compiled = []
    for path, item in document["paths"].items():
        for method, operation in item.items():
            if not isinstance(operation, dict) or (
                endpoints is not None and operation.get("operationId") not in endpoints
            ):
                continue
            try:
                endpoint = None if endpoints is None else endpoints[operation["operationId"]]
                compiled.append(
                    CompiledOperation(path, method, operation, item, document, endpoint)
                )
            except Unsupported as reason:
                logger.debug("served by connexion only: %s", reason)
    return compiled


def by_method(operations: list[CompiledOperation]) -> dict[str, list[CompiledOperation]]:
    """``operations`` grouped by their HTTP method (upper case), for ``match_operation``."""
    table: dict[str, list[CompiledOperation]] = {}
    for operation in operations:
        table.setdefault(operation.method, []).append(operation)
    return table


def match_operation(
    table: Mapping[str, list[CompiledOperation]], method: str, path: str
) -> tuple[CompiledOperation, dict[str, str]] | None:
    """The operation and path arguments of a request, if it names one of ``table``'s."""
    for operation in table.get(method, ()):
        found = operation.pattern.match(path)
        if found is not None:
            return operation, found.groupdict()
    return None


class FastPathMiddleware:
    """Answer well-formed requests to ``operations`` directly; pass everything else to ``app``.

    Must run after the body limit (the body arrives whole, in one message)
    and the write gate. With ``validate_responses`` every answer is checked
    against its response schema, as connexion checks its own.
    """

    def __init__(
        self,
        app: ASGIApp,
        operations: list[CompiledOperation],
        sandbox: Sandbox,
        validate_responses: bool = False,
        served: Counter[str] | None = None,
    ) -> None:
        self.app = app
        self.sandbox = sandbox
        # Requests answered here, by operationId (the tests read it as app.state.fast_path_served).
        self.served = Counter[str]() if served is None else served
        self.validate_responses = validate_responses
        self.by_method = by_method(operations)

    def match(self, scope: Scope) -> tuple[CompiledOperation, dict[str, str]] | None:
        """The operation and path arguments of a request, if it names one of the operations."""
        return match_operation(self.by_method, scope["method"], scope["path"])

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        matched = self.match(scope)
        if matched is None:
            await self.app(scope, receive, send)
            return
        operation, path_args = matched
        body = b""
        message: Message | None = None
        if operation.body_name is not None:
            message = await receive()
            body = message.get("body", b"") if message["type"] == "http.request" else b""
        try:
            arguments = operation.arguments(scope, path_args, body, self.sandbox)
        except Exception:  # nothing ran yet: connexion answers, as it would have
            logger.debug("fast path: arguments not read", exc_info=True)
            arguments = None
        if arguments is None:
            await self.app(scope, receive if message is None else replay(message, receive), send)
            return
        arguments[ARGUMENT] = context_of(scope)  # as connexion passes it from the scope
        self.served[operation.operation_id] += 1
        headers: Mapping[str, str] = {}
        try:
            assert operation.endpoint is not None  # compiled with the app's endpoints
            answer, status = await operation.endpoint(**arguments)
            if self.validate_responses:
                answer, status = self._checked(operation, answer, status)
            payload = encode(answer)
        except PlivoError as error:
            status, headers = error.status, error.headers
            payload = encode(error_body(error.message))
        except Exception:
            logger.exception("unexpected error")
            status, payload = 500, encode(error_body("internal server error"))
        await send_json(
            send,
            status,
            payload,
            [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()],
        )

    @staticmethod
    def _checked(
        operation: CompiledOperation, answer: dict[str, Any], status: int
    ) -> tuple[dict[str, Any], int]:
        """The answer, or connexion's 500 when it breaks its response schema."""
        check = operation.response_check(status)
        error = None if check is None else next(iter(check.iter_errors(answer)), None)
        if error is None:
            return answer, status
        path = ".".join(str(part) for part in error.path)
        detail = f"Response body does not conform to specification. {error.message}" + (
            f" - '{path}'" if path else ""
        )
        logger.warning("%s: %s", operation.operation_id, detail)
        return error_body(detail), 500
