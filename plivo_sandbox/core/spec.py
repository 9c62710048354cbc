"""Read access to ``openapi.yaml``, the single source of truth.

Defaults, enums and limits are looked up here instead of being written again
in code.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE = Path(__file__).resolve().parent.parent
# In a checkout (and an editable install) the spec is the repository's own file;
# a built wheel carries a copy inside the package (see setup.py).
_CHECKOUT_SPEC = _PACKAGE.parent / "openapi.yaml"
SPEC_PATH = _CHECKOUT_SPEC if _CHECKOUT_SPEC.is_file() else _PACKAGE / "openapi.yaml"
# The sandbox's own control API (``/_sandbox``), described like Plivo's.
CONTROL_SPEC = _PACKAGE / "control" / "control.yaml"


@cache
def load_document(path: Path = SPEC_PATH) -> dict[str, Any]:
    """Parse the OpenAPI document once per process (callers must not mutate it)."""
    with path.open(encoding="utf-8") as handle:
        document: dict[str, Any] = yaml.safe_load(handle)
    return document


def fresh_document(path: Path = SPEC_PATH) -> dict[str, Any]:
    """A private deep copy of the document, safe to rewrite (e.g. for routing)."""
    return copy.deepcopy(load_document(path))


@cache
def schema_regex(pattern: str) -> re.Pattern[str]:
    """A JSON Schema ``pattern`` compiled with its own (ECMA 262) meaning of ``$``.

    In JSON Schema, as in JavaScript without the ``m`` flag, ``$`` matches only
    at the very end of the string; Python's ``$`` also matches before a final
    newline, so ``^[a-z]{2}$`` would accept ``"en\\n"``. Every unescaped ``$``
    outside a character class becomes ``\\Z``, Python's true end of string.
    """
    out: list[str] = []
    in_class = escaped = False
    for char in pattern:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char == "$":
            out.append(r"\Z")
            continue
        out.append(char)
    return re.compile("".join(out))


# The schema's own words for what its ``pattern`` admits: a noun phrase such as
# "a code of 4 to 8 digits". A refused value is answered with it, not the regex.
PATTERN_DESCRIPTION = "x-pattern-description"


def pattern_refusal(value: object, schema: Mapping[str, Any]) -> str | None:
    """``'+1 202' is not a phone number in E.164 form (...)``: a value ``schema``'s pattern refuses.

    None when the schema does not say what its pattern means (then the caller's
    own wording applies). Both request paths and the services' own check word
    a pattern failure here, so the sentence comes from openapi.yaml, once.
    """
    meaning = schema.get(PATTERN_DESCRIPTION)
    return f"{value!r} is not {meaning}" if meaning else None


class ApiSpec:
    """Schema look-ups over one OpenAPI document."""

    def __init__(self, document: dict[str, Any] | None = None) -> None:
        self.document = document if document is not None else load_document()
        # Resolved once: every request checks its arguments against them.
        self._properties: dict[str, dict[str, dict[str, Any]]] = {}
        self._query_schemas: dict[tuple[str, str], dict[str, dict[str, Any]]] = {}

    def resolve(self, node: dict[str, Any]) -> dict[str, Any]:
        """Follow ``$ref`` (and single-``allOf`` wrappers) to the schema they name.

        The wrapper's own keywords (``default``, ``description``) win over the
        target's, as in ``allOf: [$ref] + default`` property declarations.
        """
        while "$ref" in node:
            node = self._lookup(node["$ref"])
        if "allOf" in node and len(node["allOf"]) == 1:
            target = self.resolve(node["allOf"][0])
            merged = {**target, **{k: v for k, v in node.items() if k != "allOf"}}
            return merged
        return node

    def inlined(self, node: Any) -> Any:
        """``node`` with every ``$ref`` in it replaced by its target, at any depth (a copy).

        The schema as connexion's ``resolve_refs`` gives it to the HTTP
        validators (``allOf`` wrappers kept), so ``schema_validation.compiled``
        finds the validator they compiled.
        """
        if isinstance(node, dict):
            if "$ref" in node:
                return self.inlined(self._lookup(node["$ref"]))
            return {key: self.inlined(value) for key, value in node.items()}
        if isinstance(node, list):
            return [self.inlined(value) for value in node]
        return node

    def _lookup(self, ref: str) -> dict[str, Any]:
        node: Any = self.document
        for part in ref.removeprefix("#/").split("/"):
            node = node[part.replace("~1", "/").replace("~0", "~")]
        if not isinstance(node, dict):
            raise KeyError(ref)
        return node

    def schema(self, name: str) -> dict[str, Any]:
        """The component schema ``name``, resolved."""
        return self.resolve(self.document["components"]["schemas"][name])

    def properties(self, name: str) -> dict[str, dict[str, Any]]:
        """Each property of component schema ``name``, resolved."""
        found = self._properties.get(name)
        if found is None:
            props = self.schema(name).get("properties", {})
            found = self._properties[name] = {k: self.resolve(v) for k, v in props.items()}
        return dict(found)

    def query_schemas(self, path: str, method: str) -> dict[str, dict[str, Any]]:
        """The schema of each parameter of the operation at ``path`` and ``method``, by name."""
        found = self._query_schemas.get((path, method))
        if found is None:
            found = {}
            for ref in self.operation(path, method).get("parameters", []):
                param = self.resolve(ref)
                found[param["name"]] = self.resolve(param["schema"])
            self._query_schemas[(path, method)] = found
        return dict(found)

    def defaults(self, name: str) -> dict[str, Any]:
        """The documented default of every property of ``name`` that has one."""
        return {
            key: prop["default"] for key, prop in self.properties(name).items() if "default" in prop
        }

    def limit(self, name: str, prop: str, keyword: str) -> Any:
        """A keyword (``maximum``, ``enum``...) of one property of schema ``name``."""
        return self.properties(name)[prop][keyword]

    def operation(self, path: str, method: str) -> dict[str, Any]:
        """The operation at ``path`` and ``method`` (its ``x-plivo-*`` extensions included)."""
        operation: dict[str, Any] = self.document["paths"][path][method]
        return operation

    def method_of(self, operation_id: str) -> str:
        """The HTTP method (lower case) of the operation named ``operation_id``."""
        for item in self.document["paths"].values():
            for method, operation in item.items():
                if isinstance(operation, dict) and operation.get("operationId") == operation_id:
                    return str(method)
        raise KeyError(operation_id)

    def parameter(self, name: str) -> dict[str, Any]:
        """The component parameter ``name`` with its schema resolved."""
        param = dict(self.document["components"]["parameters"][name])
        param["schema"] = self.resolve(param["schema"])
        return param
