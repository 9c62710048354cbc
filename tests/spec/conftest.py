"""Shared loaders for the spec's tests: the parsed document, JSON pointers into it, a validator.

The test modules need the document at collection time (to parametrize over operations, examples
and fixtures), so the loaders are plain cached functions; the pytest fixtures below only hand
them to the tests.

Every schema is validated *where it stands in the document*: the whole document is registered as
one JSON Schema resource, and an instance is checked against ``{"$ref": "<document>#<pointer>"}``.
The document's own ``#/components/...`` references then resolve exactly as an OpenAPI tool
resolves them, and nothing has to be inlined or copied.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

import pytest
import yaml
from jsonschema.exceptions import ValidationError
from openapi_schema_validator import OAS30Validator, oas30_format_checker, validate
from referencing import Registry
from referencing.jsonschema import DRAFT4

# The parsed openapi.yaml, shared by every test (read-only): the sandbox's own loader.
from plivo_sandbox.core.spec import load_document
from tests.conftest import REPO_ROOT

SEED_FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures" / "seeds"
SEED_INDEX_PATH = SEED_FIXTURES_DIR / "index.yaml"

# Any URI will do: it only names the registered document so that "$ref"s can point into it.
DOCUMENT_URI = "urn:plivo:openapi.yaml"

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


# ----------------------------------------------------------------------------- the document


def escape(token: str | int) -> str:
    """Escape one JSON pointer reference token (RFC 6901)."""
    return str(token).replace("~", "~0").replace("/", "~1")


def pointer(*tokens: str | int) -> str:
    """Build a JSON pointer from raw tokens: ``pointer("paths", "/Masking/Session")``."""
    return "".join("/" + escape(token) for token in tokens)


def child(base: str, *tokens: str | int) -> str:
    """Extend the JSON pointer ``base`` with raw tokens."""
    return base + pointer(*tokens)


def at(json_pointer: str) -> Any:
    """The node of the document at ``json_pointer`` (no ``$ref`` is followed)."""
    node: Any = load_document()
    for raw in json_pointer.split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        node = node[int(token)] if isinstance(node, list) else node[token]
    return node


def follow(json_pointer: str) -> str:
    """Follow ``$ref`` from the node at ``json_pointer`` until a node without one; its pointer.

    Only local references exist in this document; anything else is a failure worth seeing.
    """
    seen: set[str] = set()
    while isinstance(node := at(json_pointer), dict) and "$ref" in node:
        reference = node["$ref"]
        assert isinstance(reference, str), f"{json_pointer}: $ref must be a string"
        assert reference.startswith("#/"), f"{json_pointer}: non-local $ref {reference}"
        assert json_pointer not in seen, f"{json_pointer}: $ref cycle"
        seen.add(json_pointer)
        json_pointer = reference[1:]
    return json_pointer


def resolved(json_pointer: str) -> Any:
    """The node at ``json_pointer`` with its ``$ref`` chain followed."""
    return at(follow(json_pointer))


# ----------------------------------------------------------------------------- schemas


def composed_members(schema_pointer: str, keywords: tuple[str, ...]) -> list[str]:
    """The schema (``$ref`` followed) and, recursively, its members under ``keywords``.

    With ``("allOf",)`` these are the schemas whose keywords all apply to an instance; with
    ``("allOf", "oneOf", "anyOf")`` also the alternatives one of which applies.
    """
    found: list[str] = []
    pending = [follow(schema_pointer)]
    while pending:
        current = pending.pop(0)
        if current in found:
            continue
        found.append(current)
        node = at(current)
        for keyword in keywords:
            for index in range(len(node.get(keyword, []))):
                pending.append(follow(child(current, keyword, index)))
    return found


def keyword_value(schema_pointer: str, keyword: str) -> Any:
    """The value of ``keyword`` that applies at ``schema_pointer``, or None when none does.

    A property such as ``record_file_format: {allOf: [$ref: RecordFileFormat], default: mp3}``
    carries its ``default`` itself and its ``enum`` in the referenced schema; this looks at the
    schema first, then at its ``allOf`` members, so both are found.
    """
    # The schema's own keywords take precedence over those of its members.
    own = at(schema_pointer)
    if isinstance(own, dict) and keyword in own:
        return own[keyword]
    for member in composed_members(schema_pointer, ("allOf",)):
        node = at(member)
        if keyword in node:
            return node[keyword]
    return None


def property_pointers(schema_pointer: str) -> dict[str, str]:
    """Map each property documented at ``schema_pointer`` (allOf/oneOf/anyOf too) to its schema."""
    properties: dict[str, str] = {}
    for member in composed_members(schema_pointer, ("allOf", "oneOf", "anyOf")):
        for name in at(member).get("properties", {}):
            properties.setdefault(name, child(member, "properties", name))
    return properties


def documented_properties(schema_pointer: str) -> set[str]:
    """The names of the properties documented at ``schema_pointer``."""
    return set(property_pointers(schema_pointer))


def property_pointer(schema_pointer: str, *names: str) -> str:
    """The schema of the (nested) property ``names`` below ``schema_pointer``."""
    for name in names:
        schema_pointer = property_pointers(schema_pointer)[name]
    return schema_pointer


@functools.cache
def document_registry() -> Registry[Any]:
    """A referencing registry holding the whole document as one resource at ``DOCUMENT_URI``.

    OpenAPI 3.0 schemas are a JSON Schema draft 4 dialect, hence the draft 4 resource.
    """
    resource = DRAFT4.create_resource(load_document())
    registry: Registry[Any] = Registry().with_resource(DOCUMENT_URI, resource)
    return registry


def schema_reference(schema_pointer: str) -> dict[str, str]:
    """A schema that is exactly the document's schema at ``schema_pointer``."""
    return {"$ref": f"{DOCUMENT_URI}#{schema_pointer}"}


def validate_at(instance: Any, schema_pointer: str) -> None:
    """Raise ``ValidationError`` unless ``instance`` conforms to the schema at ``schema_pointer``.

    Formats are checked too (``date-time``, ``uuid``, ...), as a strict reader would.
    """
    validate(
        instance,
        schema_reference(schema_pointer),
        cls=OAS30Validator,
        registry=document_registry(),
        format_checker=oas30_format_checker,
    )


def errors_at(instance: Any, schema_pointer: str) -> list[ValidationError]:
    """Every validation error of ``instance`` against the schema at ``schema_pointer``."""
    validator = OAS30Validator(
        schema_reference(schema_pointer),
        registry=document_registry(),
        format_checker=oas30_format_checker,
    )
    return list(validator.iter_errors(instance))


# ----------------------------------------------------------------------------- operations


class Operation(NamedTuple):
    """One operation of the document's ``paths``."""

    operation_id: str
    method: str
    path: str
    pointer: str

    @property
    def definition(self) -> dict[str, Any]:
        """The operation object."""
        node = at(self.pointer)
        assert isinstance(node, dict)
        return node

    @property
    def is_item_operation(self) -> bool:
        """Whether the operation acts on one session named in its path."""
        return "{session_uuid}" in self.path

    def parameter_pointers(self) -> dict[tuple[str, str], str]:
        """Map ``(in, name)`` of each parameter (path level, then operation level) to its object."""
        found: dict[tuple[str, str], str] = {}
        path_item = pointer("paths", self.path)
        for owner in (path_item, self.pointer):
            for index in range(len(at(owner).get("parameters", []))):
                located = follow(child(owner, "parameters", index))
                parameter = at(located)
                # An operation-level parameter overrides the path-level one of the same name.
                found[(parameter["in"], parameter["name"])] = located
        return found

    def query_arguments(self) -> set[str]:
        """Names of the query-string parameters."""
        return {name for (where, name) in self.parameter_pointers() if where == "query"}

    def request_schema_pointer(self) -> str | None:
        """The JSON request body schema, or None without a request body."""
        if "requestBody" not in self.definition:
            return None
        body = follow(child(self.pointer, "requestBody"))
        return child(body, "content", "application/json", "schema")

    def body_arguments(self) -> set[str]:
        """Names of the JSON request body's properties."""
        schema = self.request_schema_pointer()
        return set() if schema is None else documented_properties(schema)

    def arguments(self) -> set[str]:
        """Everything a caller may pass besides the path: body properties and query parameters."""
        return self.body_arguments() | self.query_arguments()

    def argument_schema_pointer(self, name: str) -> str:
        """The schema of the body property or query parameter ``name``."""
        schema = self.request_schema_pointer()
        if schema is not None and name in documented_properties(schema):
            return property_pointer(schema, name)
        return child(self.parameter_pointers()[("query", name)], "schema")

    def response_pointer(self, status: str) -> str:
        """The response object for ``status`` (``$ref`` followed)."""
        return follow(child(self.pointer, "responses", status))

    def response_schema_pointer(self, status: str) -> str:
        """The JSON body schema of the response for ``status``."""
        return child(self.response_pointer(status), "content", "application/json", "schema")

    def success_statuses(self) -> list[str]:
        """The documented 2xx statuses."""
        return [status for status in self.definition["responses"] if str(status).startswith("2")]


def operations() -> list[Operation]:
    """Every operation under ``paths`` (callbacks are not operations of this API)."""
    found: list[Operation] = []
    for path, path_item in load_document()["paths"].items():
        for method in HTTP_METHODS:
            if method in path_item:
                definition = path_item[method]
                found.append(
                    Operation(
                        operation_id=definition.get("operationId", f"{method} {path}"),
                        method=method,
                        path=path,
                        pointer=pointer("paths", path, method),
                    )
                )
    return found


def operation(operation_id: str) -> Operation:
    """The operation with ``operation_id``; fails the test when there is none."""
    matches = [op for op in operations() if op.operation_id == operation_id]
    assert len(matches) == 1, f"expected one operation {operation_id!r}, found {len(matches)}"
    return matches[0]


# ----------------------------------------------------------------------------- seed fixtures


class SeedFixture(NamedTuple):
    """One response body printed on a seed page, as listed in tests/fixtures/seeds/index.yaml."""

    file: str
    seed: str
    line: int
    operation_id: str
    status: str
    non_conforming: dict[str, Any] | None

    @property
    def path(self) -> Path:
        """Where the fixture lives."""
        return SEED_FIXTURES_DIR / self.file

    @property
    def non_conforming_kind(self) -> str | None:
        """``broken_key`` or ``legacy_all_strings`` for the known bad examples, else None."""
        return None if self.non_conforming is None else str(self.non_conforming["kind"])

    def text(self) -> str:
        """The body exactly as printed."""
        return self.path.read_text(encoding="utf-8")

    def body(self) -> Any:
        """The body parsed as JSON."""
        return json.loads(self.text())


@functools.cache
def load_seed_index() -> tuple[SeedFixture, ...]:
    """The fixtures listed in index.yaml, in its order."""
    with SEED_INDEX_PATH.open(encoding="utf-8") as handle:
        index = yaml.safe_load(handle)
    return tuple(
        SeedFixture(
            file=entry["file"],
            seed=entry["seed"],
            line=int(entry["line"]),
            operation_id=entry["operation_id"],
            status=str(entry["status"]),
            non_conforming=entry.get("non_conforming"),
        )
        for entry in index["fixtures"]
    )


def seed_fixtures(*kinds: str | None) -> Iterator[SeedFixture]:
    """The fixtures whose ``non_conforming_kind`` is one of ``kinds`` (all when none given)."""
    for fixture in load_seed_index():
        if not kinds or fixture.non_conforming_kind in kinds:
            yield fixture


# ----------------------------------------------------------------------------- pytest fixtures


@pytest.fixture(scope="session")
def document() -> dict[str, Any]:
    """The parsed openapi.yaml (shared: do not mutate)."""
    return load_document()


# ----------------------------------------------------------------------------- SDK fixtures

SDK_FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures" / "sdk"


class SdkFixture(NamedTuple):
    """One answer kept by a Plivo SDK's tests, as listed in tests/fixtures/sdk/index.yaml."""

    file: str
    repo: str
    source: str
    operation_id: str
    status: str
    non_conforming: dict[str, Any] | None

    def body(self) -> Any:
        """The body parsed as JSON."""
        return json.loads((SDK_FIXTURES_DIR / self.file).read_text(encoding="utf-8"))


@functools.cache
def sdk_fixtures() -> tuple[SdkFixture, ...]:
    """The SDK fixtures listed in index.yaml, in its order."""
    with (SDK_FIXTURES_DIR / "index.yaml").open(encoding="utf-8") as handle:
        index = yaml.safe_load(handle)
    return tuple(
        SdkFixture(
            file=entry["file"],
            repo=entry["repo"],
            source=entry["path"],
            operation_id=entry["operation_id"],
            status=str(entry["status"]),
            non_conforming=entry.get("non_conforming"),
        )
        for entry in index["fixtures"]
    )
