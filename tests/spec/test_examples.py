"""Every example in the document is valid against its own schema; requests strict, answers tolerant.

An example that its own schema rejects misleads every reader of the documentation and every
tool that replays examples (mock servers, generated tests), so each one is its own test.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, NamedTuple

import pytest

from plivo_sandbox.core.spec import load_document

from .conftest import (
    HTTP_METHODS,
    at,
    child,
    follow,
    operations,
    pointer,
    validate_at,
)

JSON_SCHEMA_SUBSCHEMA_LISTS = ("allOf", "oneOf", "anyOf")


class Example(NamedTuple):
    """An example value and the schema it illustrates."""

    test_id: str
    example_pointer: str
    schema_pointer: str
    # True for an entry of an "examples" map (an Example Object, maybe a $ref to one),
    # False for a bare "example" value.
    is_example_object: bool = False

    def value(self) -> Any:
        """The example value (an Example Object's ``value`` when it is one)."""
        if self.is_example_object:
            return at(follow(self.example_pointer))["value"]
        return at(self.example_pointer)


# ----------------------------------------------------------------------------- collecting


def _schema_examples(schema_pointer: str, label: str) -> Iterator[Example]:
    """The ``example`` of an inline schema and of every inline schema below it."""
    node = at(schema_pointer)
    # A "$ref" schema is checked where it is defined, under components.
    if not isinstance(node, dict) or "$ref" in node:
        return
    if "example" in node:
        yield Example(label, child(schema_pointer, "example"), schema_pointer)
    for name in node.get("properties", {}):
        yield from _schema_examples(child(schema_pointer, "properties", name), f"{label}.{name}")
    for keyword in ("items", "additionalProperties", "not"):
        if isinstance(node.get(keyword), dict):
            yield from _schema_examples(child(schema_pointer, keyword), f"{label}.{keyword}")
    for keyword in JSON_SCHEMA_SUBSCHEMA_LISTS:
        for index in range(len(node.get(keyword, []))):
            yield from _schema_examples(
                child(schema_pointer, keyword, index), f"{label}.{keyword}{index}"
            )


def _media_examples(media_pointer: str, label: str) -> Iterator[Example]:
    """The examples of a Media Type Object, then those inside its schema."""
    media = at(media_pointer)
    schema = child(media_pointer, "schema")
    if "example" in media:
        yield Example(label, child(media_pointer, "example"), schema)
    for name in media.get("examples", {}):
        yield Example(f"{label}-{name}", child(media_pointer, "examples", name), schema, True)
    if "schema" in media:
        yield from _schema_examples(schema, f"{label}-schema")


def _content_examples(owner_pointer: str, label: str) -> Iterator[Example]:
    """The examples of every media type in ``owner``'s ``content``."""
    for media_type in at(owner_pointer).get("content", {}):
        suffix = "" if media_type == "application/json" else f"[{media_type}]"
        yield from _media_examples(child(owner_pointer, "content", media_type), label + suffix)


def _parameter_examples(parameter_pointer: str, label: str) -> Iterator[Example]:
    """The examples of an inline Parameter Object and of its schema."""
    parameter = at(parameter_pointer)
    if "$ref" in parameter:
        return
    schema = child(parameter_pointer, "schema")
    if "example" in parameter:
        yield Example(label, child(parameter_pointer, "example"), schema)
    for name in parameter.get("examples", {}):
        yield Example(f"{label}-{name}", child(parameter_pointer, "examples", name), schema, True)
    if "schema" in parameter:
        yield from _schema_examples(schema, f"{label}-schema")
    yield from _content_examples(parameter_pointer, label)


def _parameters_examples(owner_pointer: str, label: str) -> Iterator[Example]:
    """The examples of the inline parameters listed by ``owner``."""
    for index, parameter in enumerate(at(owner_pointer).get("parameters", [])):
        name = parameter.get("name", index)
        yield from _parameter_examples(
            child(owner_pointer, "parameters", index), f"{label}-parameter-{name}"
        )


def _operation_examples(operation_pointer: str) -> Iterator[Example]:
    """The examples of an operation: parameters, request body, responses, callbacks."""
    definition = at(operation_pointer)
    label = definition["operationId"]
    yield from _parameters_examples(operation_pointer, label)
    body = child(operation_pointer, "requestBody")
    if "requestBody" in definition and "$ref" not in at(body):
        yield from _content_examples(body, f"{label}-request")
    for status, response in definition.get("responses", {}).items():
        if "$ref" not in response:
            yield from _content_examples(
                child(operation_pointer, "responses", status), f"{label}-{status}"
            )
    for name, callback in definition.get("callbacks", {}).items():
        for expression, path_item in callback.items():
            for method in HTTP_METHODS:
                if method in path_item:
                    yield from _operation_examples(
                        child(operation_pointer, "callbacks", name, expression, method)
                    )


def collect_examples() -> list[Example]:
    """Every example of the document, each with the schema it must satisfy."""
    document = load_document()
    found: list[Example] = []
    for path, path_item in document["paths"].items():
        found.extend(_parameters_examples(pointer("paths", path), path))
        for method in HTTP_METHODS:
            if method in path_item:
                found.extend(_operation_examples(pointer("paths", path, method)))
    components = document.get("components", {})
    for name in components.get("parameters", {}):
        found.extend(
            _parameter_examples(
                pointer("components", "parameters", name), f"components.parameters.{name}"
            )
        )
    for section in ("requestBodies", "responses"):
        for name in components.get(section, {}):
            found.extend(
                _content_examples(
                    pointer("components", section, name), f"components.{section}.{name}"
                )
            )
    for name in components.get("schemas", {}):
        found.extend(
            _schema_examples(pointer("components", "schemas", name), f"components.schemas.{name}")
        )
    return found


def _example_locations(node: Any, node_pointer: str, is_property_map: bool) -> Iterator[str]:
    """Every ``example`` and ``examples`` entry below ``node``, found blindly by key.

    Used to prove that ``collect_examples`` misses none. Keys of a ``properties`` map are
    property names, so a property called "example" is not mistaken for an example.
    """
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _example_locations(item, child(node_pointer, index), False)
        return
    if not isinstance(node, dict):
        return
    if not is_property_map:
        if "example" in node:
            yield child(node_pointer, "example")
        if isinstance(node.get("examples"), dict):
            for name in node["examples"]:
                yield child(node_pointer, "examples", name)
    for key, value in node.items():
        # Example values are data, and extensions are not OpenAPI: neither holds examples.
        if (key in ("example", "examples") and not is_property_map) or key.startswith("x-"):
            continue
        yield from _example_locations(
            value, child(node_pointer, key), key == "properties" and not is_property_map
        )


EXAMPLES = collect_examples()


def test_every_example_of_the_document_is_checked() -> None:
    document = load_document()
    everywhere = set(_example_locations(document, "", False))
    # Reusable Example Objects are checked where they are referenced, not on their own.
    everywhere = {found for found in everywhere if not found.startswith("/components/examples/")}
    assert {example.example_pointer for example in EXAMPLES} == everywhere


def test_each_example_has_its_own_test_id() -> None:
    ids = [example.test_id for example in EXAMPLES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    "example", [pytest.param(example, id=example.test_id) for example in EXAMPLES]
)
def test_example_is_valid_against_its_schema(example: Example) -> None:
    validate_at(example.value(), example.schema_pointer)


def test_request_and_success_answer_of_every_operation_are_illustrated() -> None:
    # A reader learns an API from its examples: each request body and each success answer
    # shows at least one.
    ids = {example.test_id for example in EXAMPLES}
    for op in operations():
        expected = [f"{op.operation_id}-{status}" for status in op.success_statuses()]
        if "requestBody" in op.definition:
            expected.append(f"{op.operation_id}-request")
        for label in expected:
            assert any(i == label or i.startswith(f"{label}-") for i in ids), label


# ----------------------------------------------------------------------------- strictness


def _request_body_schemas() -> list[Any]:
    """One pytest param per JSON request body schema of the API's operations."""
    return [
        pytest.param(schema, id=op.operation_id)
        for op in operations()
        if (schema := op.request_schema_pointer()) is not None
    ]


@pytest.mark.parametrize("schema_pointer", _request_body_schemas())
def test_request_body_rejects_unknown_arguments(schema_pointer: str) -> None:
    # Plivo answers 400 to an unknown argument: a typo must not pass silently.
    schema = at(follow(schema_pointer))
    assert schema.get("type") == "object"
    assert schema.get("additionalProperties") is False


def reachable_schemas(schema_pointer: str) -> set[str]:
    """Pointers of every schema reachable from ``schema_pointer``, ``$ref``s followed."""
    seen: set[str] = set()
    pending = [schema_pointer]
    while pending:
        current = follow(pending.pop())
        if current in seen:
            continue
        seen.add(current)
        node = at(current)
        pending.extend(child(current, "properties", name) for name in node.get("properties", {}))
        for keyword in ("items", "not", "additionalProperties"):
            if isinstance(node.get(keyword), dict):
                pending.append(child(current, keyword))
        for keyword in JSON_SCHEMA_SUBSCHEMA_LISTS:
            pending.extend(child(current, keyword, i) for i in range(len(node.get(keyword, []))))
    return seen


def _response_schemas() -> list[Any]:
    """One pytest param per distinct response body schema: shared responses, then answers."""
    found: dict[str, str] = {}  # response object pointer -> test id
    for name in load_document()["components"].get("responses", {}):
        found[pointer("components", "responses", name)] = f"components.responses.{name}"
    for op in operations():
        for status in op.definition["responses"]:
            # An answer that is a shared response is already listed under its shared name.
            found.setdefault(op.response_pointer(status), f"{op.operation_id}-{status}")
    return [
        pytest.param(child(response, "content", media_type, "schema"), id=label)
        for response, label in found.items()
        for media_type in at(response).get("content", {})
    ]


@pytest.mark.parametrize("schema_pointer", _response_schemas())
def test_response_tolerates_properties_plivo_adds_later(schema_pointer: str) -> None:
    forbidding = [
        reached
        for reached in reachable_schemas(schema_pointer)
        if at(reached).get("additionalProperties") is False
    ]
    assert forbidding == []


def test_the_response_walk_reaches_nested_schemas() -> None:
    # Guards the test above against a walk that stops at the top level: from the create
    # answer it must reach the interaction's call legs, three levels down.
    create = next(op for op in operations() if op.operation_id == "create_masking_session")
    reached = reachable_schemas(create.response_schema_pointer("201"))
    assert any("first_party_resource_url" in at(p).get("properties", {}) for p in reached)
