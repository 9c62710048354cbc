"""Request arguments checked against their schema in openapi.yaml.

connexion has validated the arguments already; checking them again here
keeps the services safe, and their failures clear, when they are called
directly or with odd input: every failure is a BadRequest naming the
argument. Types, enums, bounds, lengths and patterns all come from the spec.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.phone_numbers import digits, region_of
from plivo_sandbox.core.spec import ApiSpec, pattern_refusal, schema_regex


def _type_ok(kind: str | None, value: Any) -> bool:
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if kind == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if kind == "string":
        return isinstance(value, str)
    return True


def check_value(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    """``value`` if it satisfies ``schema`` (type, enum, bounds, length, pattern)."""
    kind = schema.get("type")
    if not _type_ok(kind, value):
        raise BadRequest(f"{name}: {value!r} is not of type {kind}")
    if "enum" in schema and value not in schema["enum"]:
        raise BadRequest(f"{name}: {value!r} is not one of {schema['enum']}")
    if kind in ("integer", "number"):
        if "minimum" in schema and value < schema["minimum"]:
            raise BadRequest(f"{name}: {value} is less than the minimum of {schema['minimum']}")
        if "maximum" in schema and value > schema["maximum"]:
            raise BadRequest(f"{name}: {value} is greater than the maximum of {schema['maximum']}")
    if kind == "string":
        if "minLength" in schema and len(value) < schema["minLength"]:
            raise BadRequest(f"{name}: must be at least {schema['minLength']} characters long")
        if "maxLength" in schema and len(value) > schema["maxLength"]:
            raise BadRequest(f"{name}: must be at most {schema['maxLength']} characters long")
        if "pattern" in schema and not schema_regex(schema["pattern"]).search(value):
            refusal = (
                pattern_refusal(value, schema) or f"'{value}' does not match the expected format"
            )
            raise BadRequest(f"{name}: {refusal}")
    return value


def checked_body(spec: ApiSpec, schema_name: str, args: Mapping[str, Any]) -> dict[str, Any]:
    """The arguments of a request body, checked against component schema ``schema_name``.

    Unknown arguments are refused (the request schemas are strict), required
    ones enforced; an argument given as null counts as absent. ``oneOf``
    properties are left to the caller.
    """
    properties = spec.properties(schema_name)
    # The control API's document has no PhoneNumber schema.
    phone_pattern = spec.document["components"]["schemas"].get("PhoneNumber", {}).get("pattern")
    for name in spec.schema(schema_name).get("required", []):
        if args.get(name) is None:
            raise BadRequest(f"{name}: required")
    result: dict[str, Any] = {}
    for name, value in args.items():
        if name not in properties:
            raise BadRequest(f"{name}: unknown argument")
        if value is None:
            continue
        schema = properties[name]
        if schema.get("pattern") == phone_pattern:
            _explain_country_code(name, value)
        result[name] = value if "oneOf" in schema else check_value(name, schema, value)
    return result


# Any E.164-shaped number; the spec's PhoneNumber pattern also lists the country codes.
_NUMBER_SHAPE = re.compile(r"^\+?[1-9][0-9]{6,14}$")


def _explain_country_code(name: str, value: Any) -> None:
    """A number-shaped value the phone pattern refuses has an unknown country code: say so."""
    if isinstance(value, str) and _NUMBER_SHAPE.fullmatch(value):
        region_of(digits(value), name)


def checked_query(
    spec: ApiSpec, path: str, method: str, query: Mapping[str, Any]
) -> dict[str, Any]:
    """The query arguments of an operation, checked against its parameters.

    Digit strings are accepted for integer parameters (a raw query string);
    arguments the operation does not declare are ignored, as Plivo does.
    """
    params = spec.query_schemas(path, method)
    result: dict[str, Any] = {}
    for name, value in query.items():
        schema = params.get(name)
        if schema is None or value is None:
            continue
        if (
            schema.get("type") == "integer"
            and isinstance(value, str)
            and value.isascii()
            and value.isdigit()
        ):
            value = int(value)
        result[name] = check_value(name, schema, value)
    return result
