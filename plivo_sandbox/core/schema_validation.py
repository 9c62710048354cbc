"""Each request schema of openapi.yaml compiled once into one JSON Schema validator.

Whoever checks a request's arguments asks ``compiled`` for the validator of
their schema: the fast path and connexion's validators (``http/``, which word
the errors of an HTTP request) and the services' check of a Python caller's
arguments (``core/arguments.py``). Equal schemas share one validator, so an
argument means the same thing on every way in. JSON Schema is not HTTP: the
validators live here, below the services.
"""

from __future__ import annotations

import copy
import ipaddress
import json
import re
from collections.abc import Callable, Iterator, Mapping
from typing import Any, Literal

from jsonschema import Draft4Validator, FormatChecker, ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import extend

from plivo_sandbox.core.spec import pattern_refusal, schema_regex

# RFC 3986, section 3 and appendix A: an absolute URI (scheme ":" hier-part).
_UNRESERVED = r"A-Za-z0-9\-._~"
_SUB_DELIMS = r"!$&'()*+,;="
_PCT = r"%[0-9A-Fa-f]{2}"
_PCHAR = rf"(?:[{_UNRESERVED}{_SUB_DELIMS}:@]|{_PCT})"
_URI = re.compile(
    rf"""^[A-Za-z][A-Za-z0-9+.\-]*:
    (?:
        //(?:(?:[{_UNRESERVED}{_SUB_DELIMS}:]|{_PCT})*@)?
        (?:\[(?P<ip_literal>[^\]]*)\]|(?:[{_UNRESERVED}{_SUB_DELIMS}]|{_PCT})*)
        (?::[0-9]*)?
        (?:/{_PCHAR}*)*
      | /(?:{_PCHAR}+(?:/{_PCHAR}*)*)?
      | {_PCHAR}+(?:/{_PCHAR}*)*
    )?
    (?:\?(?:{_PCHAR}|[/?])*)?
    (?:\#(?:{_PCHAR}|[/?])*)?$""",
    re.VERBOSE,
)
_IP_FUTURE = re.compile(rf"^[vV][0-9A-Fa-f]+\.[{_UNRESERVED}{_SUB_DELIMS}:]+$")
_UUID = re.compile(r"^[0-9A-Fa-f]{8}-(?:[0-9A-Fa-f]{4}-){3}[0-9A-Fa-f]{12}$")


def is_uri(value: object) -> bool:
    """Whether ``value`` is an absolute URI by RFC 3986 (non-strings pass, as in JSON Schema)."""
    if not isinstance(value, str):
        return True
    match = _URI.fullmatch(value)
    if match is None:
        return False
    literal = match.group("ip_literal")
    if literal is None or _IP_FUTURE.fullmatch(literal):
        return True
    try:
        ipaddress.IPv6Address(literal)
    except ValueError:
        return False
    return True


def is_uuid(value: object) -> bool:
    """Whether ``value`` is a UUID in its hyphenated 8-4-4-4-12 hex form."""
    return not isinstance(value, str) or _UUID.fullmatch(value) is not None


def format_checker() -> FormatChecker:
    """Draft 4's format checks plus the two formats openapi.yaml uses that it lacks.

    jsonschema checks ``uri`` only with an optional package installed and
    knows no ``uuid`` in Draft 4; the spec's ``format: uri`` and ``format:
    uuid`` arguments would otherwise accept anything their patterns allow.
    """
    checker = copy.deepcopy(Draft4Validator.FORMAT_CHECKER)
    checker.checks("uri")(is_uri)
    checker.checks("uuid")(is_uuid)
    return checker


FORMAT_CHECKER = format_checker()

Keyword = Callable[[Any, Any, Any, dict[str, Any]], Iterator[ValidationError]]


def _pattern(
    validator: Any, pattern: str, instance: Any, schema: dict[str, Any]
) -> Iterator[ValidationError]:
    """The ``pattern`` keyword with JSON Schema's ``$`` (the true end of the string).

    A refusal reads as the schema's ``x-pattern-description`` says, e.g.
    ``'+1 202' is not a phone number in E.164 form (...)``, not as the regex.
    """
    if validator.is_type(instance, "string") and not schema_regex(pattern).search(instance):
        yield ValidationError(
            pattern_refusal(instance, schema) or f"{instance!r} does not match {pattern!r}"
        )


def _nullable(keyword: Keyword) -> Keyword:
    """``keyword``, passing null where the schema says ``nullable`` (OpenAPI 3.0).

    As connexion's ``Draft4RequestValidator`` does for request bodies; made
    again here (six lines) so that core needs no web framework.
    """

    def check(
        validator: Any, value: Any, instance: Any, schema: dict[str, Any]
    ) -> Iterator[ValidationError]:
        if instance is None and (schema.get("x-nullable") is True or schema.get("nullable")):
            return
        yield from keyword(validator, value, instance, schema)

    return check


# Draft 4 with that ``pattern``; a body's also lets ``nullable`` properties be null.
ParameterSchemaValidator = extend(Draft4Validator, {"pattern": _pattern})
BodySchemaValidator = extend(
    Draft4Validator,
    {
        "pattern": _pattern,
        "type": _nullable(Draft4Validator.VALIDATORS["type"]),
        "enum": _nullable(Draft4Validator.VALIDATORS["enum"]),
    },
)

# Every request schema's validator, compiled once per process and shared by every
# check: the fast path and the services compile at start-up, connexion's
# validators ask per request. Keyed by the schema's JSON text (each holds an
# equal copy of openapi.yaml's schema with every $ref inlined; connexion adds
# the document's ``components`` for references, which a resolved schema does
# not use), found by identity first (connexion passes the same objects on
# every request: one text per object).
_COMPILED: dict[tuple[str, str], Validator] = {}
_TEXTS: dict[int, tuple[Mapping[str, Any], str]] = {}


def compiled(kind: Literal["parameter", "body"], schema: Mapping[str, Any]) -> Validator:
    """The validator of a parameter's or a request body's ``schema``, compiled once."""
    known = _TEXTS.get(id(schema))
    if known is None or known[0] is not schema:
        own = {key: value for key, value in schema.items() if key != "components"}
        known = _TEXTS[id(schema)] = (schema, json.dumps(own, sort_keys=True, default=str))
    key = (kind, known[1])
    check = _COMPILED.get(key)
    if check is None:
        cls = ParameterSchemaValidator if kind == "parameter" else BodySchemaValidator
        check = _COMPILED[key] = cls(schema, format_checker=FORMAT_CHECKER)
    return check
