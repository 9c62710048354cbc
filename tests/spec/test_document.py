"""The document as a whole: a valid OpenAPI 3.0.3 description with Plivo's base URL and auth."""

from __future__ import annotations

import copy
import re
from collections.abc import Iterator
from typing import Any

from openapi_spec_validator import validate

from .conftest import HTTP_METHODS, operations

# Plivo's Auth ID: "MA" + 18 characters for a main account, "SA" + 18 for a subaccount.
AUTH_ID = re.compile(r"(MA|SA)[A-Z0-9]{18}")


def test_the_document_is_a_valid_openapi_description(document: dict[str, Any]) -> None:
    # A copy, because the validator must not be able to alter what the other tests read.
    validate(copy.deepcopy(document))


def test_the_document_is_openapi_3_0_3(document: dict[str, Any]) -> None:
    assert document["openapi"] == "3.0.3"


def test_every_server_takes_the_auth_id_as_its_only_variable(document: dict[str, Any]) -> None:
    servers = document["servers"]
    assert servers
    for server in servers:
        assert server["url"].endswith("/v1/Account/{auth_id}"), server["url"]
        assert set(server["variables"]) == {"auth_id"}
        assert AUTH_ID.fullmatch(server["variables"]["auth_id"]["default"])


def test_plivos_production_base_url_is_a_server(document: dict[str, Any]) -> None:
    urls = [server["url"] for server in document["servers"]]
    assert "https://api.plivo.com/v1/Account/{auth_id}" in urls


def test_http_basic_is_the_documents_security(document: dict[str, Any]) -> None:
    assert document["security"] == [{"basicAuth": []}]
    scheme = document["components"]["securitySchemes"]["basicAuth"]
    assert (scheme["type"], scheme["scheme"]) == ("http", "basic")


def test_no_operation_opts_out_of_http_basic(document: dict[str, Any]) -> None:
    # An operation-level "security" replaces the global one; none may weaken it.
    for op in operations():
        effective = op.definition.get("security", document["security"])
        assert effective == [{"basicAuth": []}], op.operation_id


def test_paths_have_no_trailing_slash(document: dict[str, Any]) -> None:
    assert document["paths"]
    for path in document["paths"]:
        assert path.startswith("/") and not path.endswith("/"), path


def _all_operation_ids(node: Any) -> Iterator[str]:
    """Every operationId in ``node``, callbacks included."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in HTTP_METHODS and isinstance(value, dict) and "operationId" in value:
                yield value["operationId"]
            yield from _all_operation_ids(value)
    elif isinstance(node, list):
        for item in node:
            yield from _all_operation_ids(item)


def test_operation_ids_are_unique_callbacks_included(document: dict[str, Any]) -> None:
    # Generated clients name their functions after operationIds: a duplicate breaks them.
    ids = list(_all_operation_ids(document["paths"]))
    assert len(ids) > len(operations())  # the callbacks were walked too
    assert len(ids) == len(set(ids))
