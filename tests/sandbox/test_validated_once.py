"""One validation per operation: an HTTP request's arguments are checked once, by its request path.

The fast path or connexion validates a request against openapi.yaml; the
endpoint hands the arguments on as ``Validated`` and the service takes them
as they are. A Python caller's arguments are checked by the service, with the
very validator the HTTP paths compiled.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from connexion.json_schema import resolve_refs
from jsonschema.protocols import Validator
from starlette.testclient import TestClient

from plivo_sandbox.app import routing_spec
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core import schema_validation
from plivo_sandbox.core.schema_validation import compiled
from plivo_sandbox.core.spec import CONTROL_SPEC, fresh_document
from plivo_sandbox.http.fast_path import compile_operations
from tests.sandbox.conftest import TWO_PARTIES, masking


@pytest.fixture
def validations(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """How many times each compiled validator (by ``id``) checks an instance from the top.

    Every check goes through ``iter_errors`` (``is_valid`` and ``validate``
    call it); a keyword's look at a part of the instance is a ``descend``
    of its own, not counted.
    """
    counted: Counter[int] = Counter()
    for cls in (schema_validation.BodySchemaValidator, schema_validation.ParameterSchemaValidator):
        original = cls.iter_errors

        def counting(
            self: Validator, instance: Any, *args: Any, _original: Any = original
        ) -> Iterator[Any]:
            counted[id(self)] += 1
            return _original(self, instance, *args)  # type: ignore[no-any-return]

        monkeypatch.setattr(cls, "iter_errors", counting)
    return counted


def test_an_http_create_s_body_is_validated_once(
    client: TestClient, sandbox: Sandbox, validations: Counter[int]
) -> None:
    response = client.post(masking(), json={**TWO_PARTIES, "session_expiry": 600})

    assert response.status_code == 201, response.text
    assert validations[id(sandbox.masking.create_arguments.validator)] == 1


def test_an_http_list_s_query_is_validated_once(
    client: TestClient, sandbox: Sandbox, validations: Counter[int]
) -> None:
    response = client.get(masking(), params={"limit": "5"})

    assert response.status_code == 200, response.text
    query = {id(check) for _, check in sandbox.masking.list_arguments.parameters.values()}
    assert sum(validations[check] for check in query) == 1  # limit's, the one given


def test_a_python_caller_s_arguments_are_checked_with_the_http_paths_validators(
    sandbox: Sandbox,
) -> None:
    fast_path = {
        operation.operation_id: operation
        for operation in compile_operations(routing_spec(fresh_document()))
    }
    control = resolve_refs(fresh_document(CONTROL_SPEC))["paths"]

    def control_body(path: str) -> Validator:
        schema = control[path]["post"]["requestBody"]["content"]["application/json"]["schema"]
        return compiled("body", schema)  # as connexion's body validator asks for it

    bodies = {
        "create_masking_session": sandbox.masking.create_arguments,
        "update_masking_session": sandbox.masking.update_arguments,
        "create_verify_session": sandbox.verify.create_arguments,
        "validate_verify_session": sandbox.verify.validate_arguments,
    }
    queries = {
        "list_masking_sessions": sandbox.masking.list_arguments,
        "list_verify_sessions": sandbox.verify.list_arguments,
    }

    for operation_id, body in bodies.items():
        assert body.validator is fast_path[operation_id].body_check, operation_id
    for operation_id, query in queries.items():
        checks = {name: check for name, (_, check) in query.parameters.items()}
        assert checks == {name: q.check for name, q in fast_path[operation_id].query.items()}
        assert all(check is fast_path[operation_id].query[n].check for n, check in checks.items())
    calls = "/masking/sessions/{session_uuid}/calls"
    assert sandbox.masking.call_arguments.validator is control_body(calls)
    assert sandbox.verify.failure_arguments.validator is control_body("/verify/delivery-failures")
