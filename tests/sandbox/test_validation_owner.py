"""One compiled validator per request schema, whichever request path checks the request."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core import schema_validation
from plivo_sandbox.core.schema_validation import compiled
from plivo_sandbox.core.spec import ApiSpec
from tests.sandbox.conftest import assert_plivo_error, masking


@pytest.fixture
def app(sandbox: Sandbox) -> Starlette:
    """The app as served: the fast path in front of connexion."""
    return create_app(sandbox=sandbox, validate_responses=True)


def test_equal_schemas_share_one_compiled_validator() -> None:
    schema = ApiSpec().schema("MaskingSessionCreateRequest")

    assert compiled("body", copy.deepcopy(schema)) is compiled("body", schema)
    assert compiled("parameter", schema) is not compiled("body", schema)


def test_a_request_connexion_answers_uses_the_validators_the_fast_path_compiled(
    app: Starlette, client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    built: list[object] = []
    for name in ("ParameterSchemaValidator", "BodySchemaValidator"):
        original = getattr(schema_validation, name)

        def counting(*args: Any, _original: Any = original, **kwargs: Any) -> Any:
            built.append(args[0])
            return _original(*args, **kwargs)

        monkeypatch.setattr(schema_validation, name, counting)
    served = sum(app.state.fast_path_served.values())

    # A bad phone number, a limit too high: the fast path hands both to connexion.
    body = {"first_party": "not a number", "second_party": "+14155550199"}
    answer = client.post(masking(), json=body)
    bad_limit = client.get(masking() + "?limit=500")

    assert_plivo_error(answer, 400, "first_party")
    assert_plivo_error(bad_limit, 400, "limit")
    assert sum(app.state.fast_path_served.values()) == served  # connexion answered both
    assert built == []  # with the validators compiled at start-up
