"""Response bodies for the client tests: the spec's examples, Plivo's printed answers, quirks.

Everything is read from openapi.yaml and tests/fixtures/seeds/ at collection time (with the
spec tests' loaders), so a new example in the spec is a new test case without touching this
folder.
"""

from __future__ import annotations

import copy
import datetime
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from plivo_sandbox.core.spec import load_document
from tests.spec.conftest import operations as spec_operations
from tests.spec.conftest import sdk_fixtures as sdk_answers
from tests.spec.conftest import seed_fixtures as printed_answers

COMPONENT_SCHEMA = "#/components/schemas/"
COMPONENT_RESPONSE = "#/components/responses/"


class Body(NamedTuple):
    """One JSON body and the component schema (= model class name) it is an instance of."""

    case: str
    schema: str
    value: Any


class DocumentedStatus(NamedTuple):
    """A status an operation documents, with the schema of its JSON body."""

    operation_id: str
    status: int
    schema: str


def _response(node: dict[str, Any]) -> dict[str, Any]:
    ref = node.get("$ref")
    if isinstance(ref, str):
        resolved: dict[str, Any] = load_document()["components"]["responses"][
            ref.removeprefix(COMPONENT_RESPONSE)
        ]
        return resolved
    return node


def _schema_name(media: dict[str, Any]) -> str:
    ref = media["schema"]["$ref"]
    assert isinstance(ref, str) and ref.startswith(COMPONENT_SCHEMA), ref
    return ref.removeprefix(COMPONENT_SCHEMA)


def operations() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every client operation of the spec (callbacks are not client operations): id, node."""
    for operation in spec_operations():
        yield operation.operation_id, operation.definition


def documented_statuses() -> list[DocumentedStatus]:
    """Each (operation, status) pair of the spec that has a JSON body."""
    found = []
    for operation_id, operation in operations():
        for status, node in operation["responses"].items():
            media = _response(node).get("content", {}).get("application/json")
            if media is not None:
                found.append(DocumentedStatus(operation_id, int(status), _schema_name(media)))
    return found


def documented_error_statuses() -> list[DocumentedStatus]:
    """The 4xx/5xx pairs: every one of them documents Plivo's Error body."""
    return [entry for entry in documented_statuses() if entry.status >= 400]


def _examples(case: str, media: dict[str, Any]) -> list[Body]:
    schema = _schema_name(media)
    bodies = [Body(case, schema, media["example"])] if "example" in media else []
    for name, example in media.get("examples", {}).items():
        bodies.append(Body(f"{case}/{name}", schema, example["value"]))
    return bodies


def spec_examples() -> list[Body]:
    """Every response example of openapi.yaml, each once.

    Inline responses are named operation/status/example; the shared error
    responses (``#/components/responses``) by their component name.
    """
    bodies = []
    for operation_id, operation in operations():
        for status, node in operation["responses"].items():
            media = node.get("content", {}).get("application/json")
            if media is not None:  # a $ref'd response has no content here
                bodies += _examples(f"{operation_id}/{status}", media)
    for name, response in load_document()["components"]["responses"].items():
        media = response.get("content", {}).get("application/json")
        if media is not None:
            bodies += _examples(f"components/responses/{name}", media)
    return bodies


def seed_fixtures() -> list[Body]:
    """Plivo's printed answers (tests/fixtures/seeds), except the legacy un-wrapped one.

    The "broken_key" seeds stay in: their misspelt key must simply land in
    ``additional_properties``.
    """
    schemas = {(entry.operation_id, entry.status): entry.schema for entry in documented_statuses()}
    return [
        Body(f"seed/{seed.file}", schemas[(seed.operation_id, int(seed.status))], seed.body())
        for seed in printed_answers(None, "broken_key")
    ]


def sdk_fixtures() -> list[Body]:
    """Answers kept by Plivo's SDKs (tests/fixtures/sdk), except the hand-edited mock.

    That one's session_uuid is no uuid, which a typed client rightly refuses.
    """
    schemas = {(entry.operation_id, entry.status): entry.schema for entry in documented_statuses()}
    return [
        Body(
            f"sdk/{answer.file}", schemas[(answer.operation_id, int(answer.status))], answer.body()
        )
        for answer in sdk_answers()
        if answer.non_conforming is None
    ]


def masking_session(**changes: Any) -> dict[str, Any]:
    """The session of the spec's get example, with ``changes`` applied."""
    example = load_document()["paths"]["/Masking/Session/{session_uuid}"]["get"]["responses"]["200"]
    session: dict[str, Any] = copy.deepcopy(
        example["content"]["application/json"]["examples"]["expired"]["value"]["response"]
    )
    session.update(changes)
    return session


def verify_session(**changes: Any) -> dict[str, Any]:
    """The session of the spec's Verify get example, with ``changes`` applied."""
    example = load_document()["paths"]["/Verify/Session/{session_uuid}"]["get"]["responses"]["200"]
    session: dict[str, Any] = copy.deepcopy(
        example["content"]["application/json"]["examples"]["verified"]["value"]
    )
    session.update(changes)
    return session


_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}")


def same_json(original: Any, dumped: Any) -> bool:
    """Whether ``dumped`` says what ``original`` says.

    Equal as JSON, except that RFC 3339 date-times compare as instants: the
    client writes ``...+00:00`` for Plivo's ``...Z``, the same time.
    """
    if isinstance(original, str) and isinstance(dumped, str) and _RFC3339.match(original):
        return datetime.datetime.fromisoformat(original) == datetime.datetime.fromisoformat(dumped)
    if isinstance(original, dict) and isinstance(dumped, dict):
        return original.keys() == dumped.keys() and all(
            same_json(original[key], dumped[key]) for key in original
        )
    if isinstance(original, list) and isinstance(dumped, list):
        return len(original) == len(dumped) and all(
            same_json(a, b) for a, b in zip(original, dumped, strict=True)
        )
    return type(original) is type(dumped) and bool(original == dumped)
