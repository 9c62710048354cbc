"""A request's arguments as the services take them: validated once, by the edge that got them.

The HTTP edge hands the services arguments the fast path or connexion has
already validated against openapi.yaml, wrapped in ``Validated``: the
services take those as they are. Any other mapping (a Python caller's,
``sandbox.run(sandbox.masking.create, caller, args)``) is checked here, with
the very validator the HTTP paths use (``schema_validation.compiled``), and
its first failure raised as a BadRequest that names the argument, worded as
the services have always worded it (``session_expiry: 'soon' is not of type
integer``). Either way the schema applies once; the services hold only the
cross-field rules Plivo's prose states.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from jsonschema import ValidationError
from jsonschema.protocols import Validator

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.phone_numbers import digits, region_of
from plivo_sandbox.core.schema_validation import compiled
from plivo_sandbox.core.spec import ApiSpec, pattern_refusal


class Validated(Mapping[str, Any]):
    """Arguments already validated against their operation's schema, e.g. by the HTTP edge.

    A read-only view (nothing is copied): a service takes these without
    checking them again. Wrap only what a validator of openapi.yaml accepted.
    """

    __slots__ = ("_values",)

    def __init__(self, values: Mapping[str, Any]) -> None:
        self._values = values

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)


# How each keyword's failure reads to a Python caller (the services' wording since the start).
_WORDING = {
    "type": "{value!r} is not of type {limit}",
    "enum": "{value!r} is not one of {limit}",
    "minimum": "{value} is less than the minimum of {limit}",
    "maximum": "{value} is greater than the maximum of {limit}",
    "minLength": "must be at least {limit} characters long",
    "maxLength": "must be at most {limit} characters long",
}
# Which of a value's failures is reported: its type before the rest (the other
# keywords assume it), then in the order the services have always checked them.
_PRECEDENCE = {keyword: rank for rank, keyword in enumerate([*_WORDING, "pattern"])}


def _refusal(name: str, errors: Iterable[ValidationError]) -> str:
    """The first of one argument's failures, as a Python caller reads it (``name: ...``)."""
    error = min(errors, key=lambda found: _PRECEDENCE.get(str(found.validator), len(_PRECEDENCE)))
    value, limit = error.instance, error.validator_value
    wording = _WORDING.get(str(error.validator))
    if wording is not None:
        return f"{name}: " + wording.format(value=value, limit=limit)
    if error.validator == "pattern":
        refusal = (
            pattern_refusal(value, error.schema) or f"'{value}' does not match the expected format"
        )
        return f"{name}: {refusal}"
    return f"{name}: {error.message}"  # e.g. a format: as the HTTP paths word it


def _check(name: str, validator: Validator, value: Any) -> None:
    """Refuse ``value`` in the first failure ``validator`` finds, naming ``name``."""
    errors = list(validator.iter_errors(value))
    if errors:
        raise BadRequest(_refusal(name, errors))


def check_value(name: str, schema: Mapping[str, Any], value: Any) -> Any:
    """``value`` if ``schema`` (a parameter's) accepts it; else a BadRequest naming ``name``."""
    _check(name, compiled("parameter", schema), value)
    return value


# Any E.164-shaped number; the spec's PhoneNumber pattern also lists the country codes.
_NUMBER_SHAPE = re.compile(r"^\+?[1-9][0-9]{6,14}$")


def _explain_country_code(name: str, value: Any) -> None:
    """A number-shaped value the phone pattern refuses has an unknown country code: say so."""
    if isinstance(value, str) and _NUMBER_SHAPE.fullmatch(value):
        region_of(digits(value), name)


class BodyCheck:
    """The arguments of a request body, against component schema ``schema_name`` of ``spec``.

    ``validator`` is the one the HTTP paths compiled for that body.
    """

    def __init__(self, spec: ApiSpec, schema_name: str) -> None:
        schemas = spec.document["components"]["schemas"]
        self.validator: Validator = compiled("body", spec.inlined(schemas[schema_name]))
        properties = spec.properties(schema_name)
        self.declared = frozenset(properties)
        # The control API's document has no PhoneNumber schema, so no phone arguments.
        phone = schemas.get("PhoneNumber", {}).get("pattern")
        self.phones = frozenset(
            name
            for name, schema in properties.items()
            if phone is not None and schema.get("pattern") == phone
        )

    def __call__(self, args: Mapping[str, Any]) -> dict[str, Any]:
        """The arguments given (one given as None counts as absent), checked unless ``Validated``.

        Unknown arguments are refused (the request schemas are strict), required
        ones enforced. ``oneOf`` properties (the PINs) are left to the caller,
        whose own rule words their failures.
        """
        if isinstance(args, Validated):
            return {name: value for name, value in args.items() if value is not None}
        # An unknown argument stays in, even as None: it is refused by its name.
        given = {
            name: value
            for name, value in args.items()
            if value is not None or name not in self.declared
        }
        self._check(given)
        return given

    def _check(self, given: dict[str, Any]) -> None:
        """Refuse ``given``'s first failure: a required argument missing, then in argument order."""
        unknown: set[str] = set()
        failures: dict[str, list[ValidationError]] = {}
        others: list[ValidationError] = []
        for error in self.validator.iter_errors(given):
            if error.validator == "required":
                missing = next(name for name in error.validator_value if name not in given)
                raise BadRequest(f"{missing}: required")
            if error.validator == "additionalProperties":
                unknown.update(name for name in given if name not in self.declared)
            elif error.relative_path:
                if error.validator != "oneOf":  # left to the caller
                    failures.setdefault(str(error.relative_path[0]), []).append(error)
            else:
                others.append(error)
        for name, value in given.items():
            if name in unknown:
                raise BadRequest(f"{name}: unknown argument")
            if name in self.phones:
                _explain_country_code(name, value)
            if name in failures:
                raise BadRequest(_refusal(name, failures[name]))
        if others:
            raise BadRequest(others[0].message)


class QueryCheck:
    """The query arguments of the operation at ``path`` and ``method`` of ``spec``.

    Each parameter's validator is the one the HTTP paths compiled for it.
    """

    def __init__(self, spec: ApiSpec, path: str, method: str) -> None:
        kinds = spec.query_schemas(path, method)
        self.parameters: dict[str, tuple[str | None, Validator]] = {}
        for reference in spec.operation(path, method).get("parameters", []):
            parameter = spec.inlined(reference)
            self.parameters[parameter["name"]] = (
                kinds[parameter["name"]].get("type"),
                compiled("parameter", parameter["schema"]),
            )

    def __call__(self, query: Mapping[str, Any]) -> dict[str, Any]:
        """The declared arguments given (None counts as absent), checked unless ``Validated``.

        Digit strings are accepted for integer parameters (a raw query string);
        arguments the operation does not declare are ignored, as Plivo does.
        """
        validated = isinstance(query, Validated)
        result: dict[str, Any] = {}
        for name, value in query.items():
            declared = self.parameters.get(name)
            if declared is None or value is None:
                continue
            if not validated:
                kind, validator = declared
                if kind == "integer" and isinstance(value, str) and value.isascii():
                    value = int(value) if value.isdigit() else value
                _check(name, validator, value)
            result[name] = value
        return result
