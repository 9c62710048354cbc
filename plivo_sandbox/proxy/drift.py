"""Drift between openapi.yaml and real traffic: each exchange checked, mismatches counted by kind.

``DriftChecker`` checks one request and its answer with the operations
``fast_path.py`` compiles from openapi.yaml for the sandbox (the same path
patterns, parameter and body validators, response validators); it adds only
what a server never needs to ask: is this status documented, is this media
type, does the answer carry properties the spec does not name. Each finding is
a ``Mismatch``: the operation, where (``request query limit``, ``response 200
body /response/status``) and what, worded without the value sent (values may
be personal data) except an undocumented enum value, which is the news.

``DriftReport`` counts mismatches by kind (array indexes read as ``*``, so
every item of a list is one kind), tells its caller about each kind once, and
renders a summary and a JSON report. Nothing here does HTTP: the proxy
(``proxy.py``) hands over finished exchanges.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator

from plivo_sandbox.app import routing_spec
from plivo_sandbox.core.schema_validation import compiled
from plivo_sandbox.core.spec import SPEC_PATH, fresh_document
from plivo_sandbox.http.fast_path import (
    CompiledOperation,
    Problem,
    by_method,
    compile_operations,
    match_operation,
)
from plivo_sandbox.http.middleware import normal_content_type

NO_OPERATION = "(no operation)"
# Distinct kinds kept at most: a scanner's random paths must not grow the report without end.
MAX_KINDS = 1000
_PHONE = re.compile(r"\+?[1-9][0-9]{6,14}")
_UUID = re.compile(r"[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}")
_AUTH_ID = re.compile(r"(?:MA|SA)[A-Z0-9]{18}")
_LIMITS = {
    "maximum": "above the maximum",
    "minimum": "below the minimum",
    "maxLength": "longer than",
    "minLength": "shorter than",
    "maxItems": "more items than",
    "minItems": "fewer items than",
}
_JSON_MEDIA = re.compile(r"^application/(?:[\w.+-]+\+)?json$")


@dataclass(frozen=True)
class Mismatch:
    """One way an exchange departs from openapi.yaml; equal mismatches are one kind."""

    operation: str
    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.operation}: {self.where}: {self.what}"


@dataclass(frozen=True)
class Exchange:
    """A request as the client sent it and the answer as the upstream gave it.

    ``path`` is percent-decoded (ASGI's ``path``); ``response_body`` has its
    Content-Encoding undone. Header names may be in any case.
    """

    method: str
    path: str
    query: bytes
    headers: list[tuple[bytes, bytes]]
    body: bytes
    status: int
    response_headers: list[tuple[bytes, bytes]]
    response_body: bytes


def _escape(token: object) -> str:
    return str(token).replace("~", "~0").replace("/", "~1")


def json_pointer(parts: Iterable[object]) -> str:
    """A JSON pointer of ``parts`` with every array index as ``*`` (one kind for all items)."""
    return "".join("/" + ("*" if isinstance(part, int) else _escape(part)) for part in parts)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    return "array" if isinstance(value, list) else "object"


def _shown(value: Any) -> str:
    """An undocumented enum value as the report shows it: short, phone numbers masked."""
    if isinstance(value, str) and _PHONE.fullmatch(value.strip()):
        return "<a phone number>"
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 40 else text[:37] + "..."


def _documented(schema: Any) -> tuple[dict[str, list[Any]], bool]:
    """Properties a schema names (allOf/oneOf/anyOf members too); whether it admits others."""
    properties: dict[str, list[Any]] = {}
    admits_others = False
    pending = [schema]
    while pending:
        node = pending.pop()
        if not isinstance(node, dict):
            continue
        for name, sub in node.get("properties", {}).items():
            properties.setdefault(name, []).append(sub)
        if node.get("additionalProperties") not in (None, False) or "patternProperties" in node:
            admits_others = True
        for keyword in ("allOf", "oneOf", "anyOf"):
            pending.extend(node.get(keyword, []))
    return properties, admits_others


def _items(schema: Any) -> list[Any]:
    found, pending = [], [schema]
    while pending:
        node = pending.pop()
        if isinstance(node, dict):
            if isinstance(node.get("items"), dict):
                found.append(node["items"])
            for keyword in ("allOf", "oneOf", "anyOf"):
                pending.extend(node.get(keyword, []))
    return found


def undocumented_properties(instance: Any, schema: Any, pointer: str = "") -> Iterator[str]:
    """Pointers of the properties of ``instance`` that ``schema`` does not name.

    OpenAPI allows them unless ``additionalProperties: false``, so a validator
    accepts them; a new field in a real answer is still drift worth knowing.
    An object schema that names no properties at all is free-form: nothing is reported.
    """
    if isinstance(instance, dict):
        properties, admits_others = _documented(schema)
        if not properties and not admits_others:
            return
        for key, value in instance.items():
            here = f"{pointer}/{_escape(key)}"
            if key in properties:
                for sub in properties[key]:
                    yield from undocumented_properties(value, sub, here)
            elif not admits_others:
                yield here
    elif isinstance(instance, list):
        for sub in _items(schema):
            for value in instance:
                yield from undocumented_properties(value, sub, f"{pointer}/*")


def describe(error: ValidationError) -> list[tuple[str, str]]:
    """``(pointer, what)`` of a schema error, worded without the value (but for enums)."""
    pointer = json_pointer(error.absolute_path)
    keyword, expected, instance = error.validator, error.validator_value, error.instance
    if keyword == "required" and isinstance(instance, dict):
        return [
            (f"{pointer}/{_escape(name)}", "required, missing")
            for name in expected
            if name not in instance
        ]
    if keyword == "additionalProperties" and isinstance(instance, dict):
        named = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
        return [
            (f"{pointer}/{_escape(key)}", "undocumented property")
            for key in instance
            if key not in named
        ]
    if keyword == "type":
        types = " or ".join(expected) if isinstance(expected, list) else str(expected)
        return [(pointer, f"wrong type: {_json_type(instance)}, documented {types}")]
    if keyword == "enum":
        documented = ", ".join(str(value) for value in expected)
        return [(pointer, f"undocumented value {_shown(instance)} (documented: {documented})")]
    if keyword == "format":
        return [(pointer, f"not a valid {expected}")]
    if keyword == "pattern":
        return [(pointer, f"does not match {expected}")]
    if keyword in ("oneOf", "anyOf"):
        many = keyword == "oneOf" and not error.context
        return [
            (
                pointer,
                "matches more than one alternative"
                if many
                else "matches none of the documented alternatives",
            )
        ]
    if keyword in _LIMITS:
        return [(pointer, f"{_LIMITS[keyword]} {expected}")]
    shown = json.dumps(expected, default=str)
    return [(pointer, f"breaks {keyword} {shown[:60]}")]


def _problem_mismatches(operation: str, problem: Problem) -> list[Mismatch]:
    where = f"request {problem.where}" + (f" {problem.name}" if problem.name else "")
    if problem.error is None:
        return [Mismatch(operation, where, problem.detail)]
    found = []
    for pointer, what in describe(problem.error):
        place = f"{where} {pointer}" if problem.where == "body" and pointer else where
        found.append(Mismatch(operation, place, what))
    return found


def path_shape(path: str) -> str:
    """A path without its identifiers: one kind for every account and session."""
    segments = []
    for segment in path.split("/"):
        if _AUTH_ID.fullmatch(segment):
            segment = "{auth_id}"
        elif _UUID.fullmatch(segment):
            segment = "{uuid}"
        elif segment.lstrip("+").isdigit():
            segment = "{number}"
        segments.append(segment)
    shape = "/".join(segments)
    return shape if len(shape) <= 100 else shape[:97] + "..."


def _header(headers: Iterable[tuple[bytes, bytes]], name: bytes) -> bytes | None:
    for key, value in headers:
        if key.lower() == name:
            return value
    return None


class DriftChecker:
    """Checks exchanges against the compiled operations of one OpenAPI document."""

    def __init__(self, operations: list[CompiledOperation]) -> None:
        self.table = by_method(operations)
        self._header_checks: dict[tuple[str, int, str], Validator] = {}

    @classmethod
    def from_spec(cls, spec_path: Path = SPEC_PATH) -> DriftChecker:
        """A checker of openapi.yaml as the sandbox routes it (under ``/v1/Account/{auth_id}``)."""
        return cls(compile_operations(routing_spec(fresh_document(spec_path))))

    def match(self, method: str, path: str) -> tuple[CompiledOperation, dict[str, str]] | None:
        """The operation a request names; Plivo serves a path with one trailing slash too."""
        if len(path) > 1 and path.endswith("/"):
            path = path[:-1]
        return match_operation(self.table, method.upper(), path)

    def check(self, exchange: Exchange) -> tuple[str | None, list[Mismatch]]:
        """The operation of ``exchange`` (None if none matches) and its distinct mismatches."""
        matched = self.match(exchange.method, exchange.path)
        if matched is None:
            what = f"{exchange.method} {path_shape(exchange.path)} is not an operation of the spec"
            return None, [Mismatch(NO_OPERATION, "request", what)]
        operation, path_args = matched
        headers = [(key.lower(), value) for key, value in exchange.headers]
        # The validators read a normalised Content-Type, as ContentTypeMiddleware gives the sandbox.
        headers = [
            (key, (normal_content_type(value) or b"") if key == b"content-type" else value)
            for key, value in headers
        ]
        scope = {"headers": headers, "query_string": exchange.query}
        found: list[Mismatch] = []
        for problem in operation.problems(scope, path_args, exchange.body):
            found += _problem_mismatches(operation.operation_id, problem)
        found += self.response_mismatches(operation, exchange)
        return operation.operation_id, list(dict.fromkeys(found))

    def response_mismatches(
        self, operation: CompiledOperation, exchange: Exchange
    ) -> list[Mismatch]:
        """How the answer departs from the operation's documented responses."""
        name, status = operation.operation_id, exchange.status
        definition = operation.response_definition(status)
        if definition is None:
            documented = ", ".join(sorted(operation.responses))
            return [Mismatch(name, "response status", f"{status} is not documented ({documented})")]
        found = self._header_mismatches(operation, status, definition, exchange.response_headers)
        content: Mapping[str, Any] = definition.get("content") or {}
        if not content or exchange.method.upper() == "HEAD":
            return found
        given = normal_content_type(_header(exchange.response_headers, b"content-type"))
        media = (given or b"").decode("ascii").partition(";")[0]
        if media not in content:
            documented = ", ".join(content)
            found.append(
                Mismatch(
                    name,
                    f"response {status} header Content-Type",
                    f"{media or 'none'}, documented {documented}",
                )
            )
        if not _JSON_MEDIA.match(media):
            return found  # an HTML error page: its media type is the one finding
        try:
            body = json.loads(exchange.response_body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            found.append(Mismatch(name, f"response {status} body", "not JSON"))
            return found
        check = operation.response_check(status)
        if check is not None:
            for error in check.iter_errors(body):
                found += [
                    Mismatch(name, f"response {status} body {pointer or '/'}", what)
                    for pointer, what in describe(error)
                ]
        schema = (content.get(media) or next(iter(content.values()))).get("schema")
        found += [
            Mismatch(name, f"response {status} body {pointer}", "undocumented property")
            for pointer in undocumented_properties(body, schema)
        ]
        return found

    def _header_mismatches(
        self,
        operation: CompiledOperation,
        status: int,
        definition: Mapping[str, Any],
        headers: list[tuple[bytes, bytes]],
    ) -> list[Mismatch]:
        """The response headers the spec declares (``Retry-After``): present if required, valid."""
        found = []
        for header, declared in (definition.get("headers") or {}).items():
            where = f"response {status} header {header}"
            raw = _header(headers, header.lower().encode("latin-1"))
            if raw is None:
                if declared.get("required"):
                    found.append(Mismatch(operation.operation_id, where, "required, missing"))
                continue
            schema = declared.get("schema", {})
            key = (operation.operation_id, status, header)
            if key not in self._header_checks:
                self._header_checks[key] = compiled("parameter", schema)
            value: Any = raw.decode("latin-1").strip()
            if schema.get("type") == "integer":
                try:
                    value = int(value)
                except ValueError:
                    found.append(
                        Mismatch(
                            operation.operation_id, where, "wrong type: string, documented integer"
                        )
                    )
                    continue
            for error in self._header_checks[key].iter_errors(value):
                found += [
                    Mismatch(operation.operation_id, where, what) for _, what in describe(error)
                ]
        return found


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass
class KindCount:
    """How often one kind of mismatch was seen, and when first and last."""

    mismatch: Mismatch
    count: int = 0
    first_seen: str = field(default_factory=_now)
    last_seen: str = field(default_factory=_now)


class DriftReport:
    """Mismatches counted by kind over a run; ``on_new_kind`` hears about each kind once.

    Upstream failures (no answer, a timeout) are counted apart, by reason:
    they are no drift of the spec, but a run that saw only them checked nothing.
    """

    def __init__(
        self,
        on_new_kind: Callable[[str], None] | None = None,
        max_kinds: int = MAX_KINDS,
    ) -> None:
        self.on_new_kind = on_new_kind
        self.max_kinds = max_kinds
        self.started = _now()
        self.exchanges = 0
        self.operations: Counter[str] = Counter()
        self.kinds: dict[Mismatch, KindCount] = {}
        self.failures: Counter[str] = Counter()
        self.uncounted = 0  # mismatches of kinds beyond max_kinds

    @property
    def drifted(self) -> bool:
        """Whether any mismatch was seen."""
        return bool(self.kinds) or self.uncounted > 0

    def add(self, operation: str | None, mismatches: Iterable[Mismatch]) -> list[Mismatch]:
        """Count one checked exchange and its mismatches; the kinds seen for the first time."""
        self.exchanges += 1
        self.operations[operation or NO_OPERATION] += 1
        new = []
        for mismatch in dict.fromkeys(mismatches):
            kind = self.kinds.get(mismatch)
            if kind is None:
                if len(self.kinds) >= self.max_kinds:
                    self.uncounted += 1
                    continue
                kind = self.kinds[mismatch] = KindCount(mismatch)
                new.append(mismatch)
                if self.on_new_kind is not None:
                    self.on_new_kind(f"drift: {mismatch}")
            kind.count += 1
            kind.last_seen = _now()
        return new

    def add_failure(self, reason: str) -> None:
        """Count an exchange the upstream did not answer (told once per reason)."""
        self.failures[reason] += 1
        if self.failures[reason] == 1 and self.on_new_kind is not None:
            self.on_new_kind(f"upstream: {reason}")

    def summary(self) -> str:
        """The run in a few lines: exchanges, then each kind with its count, most frequent first."""
        lines = [
            f"drift summary: {self.exchanges} exchange(s) checked,"
            f" {len(self.kinds)} kind(s) of mismatch"
            + (f", {sum(self.failures.values())} upstream failure(s)" if self.failures else "")
        ]
        for name, count in sorted(self.operations.items()):
            lines.append(f"  {count:6d} x {name}")
        if self.kinds:
            lines.append("  count  mismatch")
        for kind in sorted(self.kinds.values(), key=lambda k: (-k.count, str(k.mismatch))):
            lines.append(f"  {kind.count:5d}  {kind.mismatch}")
        if self.uncounted:
            lines.append(
                f"  {self.uncounted:5d}  mismatches of further kinds (over {self.max_kinds})"
            )
        for reason, count in sorted(self.failures.items()):
            lines.append(f"  {count:5d}  upstream: {reason}")
        return "\n".join(lines)

    def to_json(self) -> dict[str, Any]:
        """The machine-readable report (``--report``)."""
        return {
            "started": self.started,
            "written": _now(),
            "exchanges": self.exchanges,
            "operations": dict(sorted(self.operations.items())),
            "mismatches": [
                {
                    "operation": kind.mismatch.operation,
                    "where": kind.mismatch.where,
                    "what": kind.mismatch.what,
                    "count": kind.count,
                    "first_seen": kind.first_seen,
                    "last_seen": kind.last_seen,
                }
                for kind in sorted(self.kinds.values(), key=lambda k: (-k.count, str(k.mismatch)))
            ],
            "uncounted_mismatches": self.uncounted,
            "upstream_failures": dict(sorted(self.failures.items())),
        }

    def write(self, path: Path) -> None:
        """Write the JSON report to ``path`` whole (a reader never sees half a file)."""
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(self.to_json(), out, indent=2, ensure_ascii=False)
                out.write("\n")
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
