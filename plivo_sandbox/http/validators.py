"""Connexion request validators whose messages name the bad argument.

Connexion validates every request against openapi.yaml; these subclasses only
change the wording, so that a 400 reads ``limit: 50 is greater than the
maximum of 20`` instead of a JSON Schema traceback. ``compiled`` holds each
request schema's validator, compiled once and used by both request paths
(the fast path and connexion's).
"""

from __future__ import annotations

import copy
import ipaddress
import json
import re
from collections.abc import Iterator, Mapping
from typing import Any, Literal

from connexion.exceptions import BadRequestProblem
from connexion.json_schema import Draft4RequestValidator
from connexion.utils import is_null, is_nullable
from connexion.validators import VALIDATOR_MAP, JSONRequestBodyValidator, ParameterValidator
from jsonschema import Draft4Validator, FormatChecker, ValidationError
from jsonschema.protocols import Validator
from jsonschema.validators import extend

from plivo_sandbox.core.spec import pattern_refusal, schema_regex

# How deeply a request body may nest: Plivo's bodies are flat objects, and a
# bound keeps the parser and the schema validator far from Python's recursion limit.
MAX_BODY_DEPTH = 32

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


# Draft 4 (and connexion's nullable-aware request flavour) with that ``pattern``.
ParameterSchemaValidator = extend(Draft4Validator, {"pattern": _pattern})
BodySchemaValidator = extend(Draft4RequestValidator, {"pattern": _pattern})

# Every request schema's validator, compiled once per process and shared by both
# request paths: the fast path compiles at start-up, connexion's validators ask
# per request. Keyed by the schema's JSON text (the two paths hold equal copies
# of openapi.yaml's schemas; connexion adds the document's ``components`` for
# references, which a resolved schema does not use), found by identity first
# (connexion passes the same objects on every request: one text per object).
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


def check_decoded(body: Any) -> None:
    """Refuse what ``json.loads`` accepts but the sandbox cannot keep or echo.

    Nesting deeper than MAX_BODY_DEPTH, and strings holding lone surrogates
    (``"\\ud800"`` is valid JSON escaping but no Unicode text: it could not be
    stored or sent back as UTF-8).
    """
    stack: list[tuple[Any, int]] = [(body, 1)]
    while stack:
        node, depth = stack.pop()
        if isinstance(node, dict | list):
            if depth > MAX_BODY_DEPTH:
                raise BadRequestProblem(
                    detail=f"request body nests deeper than {MAX_BODY_DEPTH} levels"
                )
            items = node.items() if isinstance(node, dict) else enumerate(node)
            for key, value in items:
                stack.append((key, depth))
                stack.append((value, depth + 1))
        elif isinstance(node, str):
            try:
                node.encode("utf-8")
            except UnicodeEncodeError:
                raise BadRequestProblem(
                    detail="request body is not valid JSON: a string holds a lone surrogate"
                    " (not Unicode text)"
                ) from None


def _describe(error: ValidationError) -> str:
    """``field.path: message`` for a JSON Schema error (just the message at the root)."""
    path = ".".join(str(part) for part in error.absolute_path)
    return f"{path}: {error.message}" if path else error.message


class PlivoParameterValidator(ParameterValidator):  # type: ignore[misc]
    """Query and path parameters, with errors that name the parameter."""

    @staticmethod
    def validate_parameter(
        parameter_type: str, value: Any, param: dict[str, Any], param_name: str | None = None
    ) -> str | None:
        """Return a message naming ``param`` when ``value`` breaks its schema."""
        if is_nullable(param) and is_null(value):
            return None
        if value is None:
            if param.get("required"):
                return f"missing {parameter_type} parameter '{param['name']}'"
            return None
        try:
            compiled("parameter", param.get("schema", param)).validate(value)
        except ValidationError as error:
            return f"{param['name']}: {error.message}"
        return None

    def validate_request(self, request: Any) -> None:
        """Refuse unknown query parameters by name, then check each declared one."""
        if self.strict_validation:
            unknown = self.validate_query_parameter_list(
                request, security_params=self.security_query_params
            )
            if unknown:
                names = ", ".join(sorted(unknown))
                raise BadRequestProblem(detail=f"unknown query parameter(s): {names}")
        for location in ("query", "path", "header", "cookie"):
            check = getattr(self, f"validate_{location}_parameter")
            for param in self.parameters.get(location, []):
                error = check(param, request)
                if error:
                    raise BadRequestProblem(detail=error)


class PlivoJSONBodyValidator(JSONRequestBodyValidator):  # type: ignore[misc]
    """JSON request bodies, with errors that name the argument."""

    async def _parse(self, stream: Any, scope: Any) -> Any:
        """Parse the body, answering 400 (not 500) for anything that is not plain JSON text.

        Undecodable bytes or an unknown charset, malformed JSON, integer
        literals beyond Python's 4,300-digit limit (a ValueError), nesting
        that exhausts the recursion limit, and then ``check_decoded``.
        """
        raw = b"".join([message async for message in stream])
        if not raw:
            return None
        try:
            body = json.loads(raw.decode(self._encoding))
        except LookupError:
            raise BadRequestProblem(detail=f"unknown charset {self._encoding!r}") from None
        except (UnicodeDecodeError, ValueError) as error:
            raise BadRequestProblem(detail=f"request body is not valid JSON: {error}") from None
        except RecursionError:
            raise BadRequestProblem(
                detail=f"request body nests deeper than {MAX_BODY_DEPTH} levels"
            ) from None
        check_decoded(body)
        return body

    def _validate(self, body: Any) -> dict[str, Any] | None:
        """Validate against the operation's schema; the first error names its field."""
        if body is None:
            raise BadRequestProblem(detail="request body is required (a JSON object)")
        validator = compiled("body", self._schema)
        error = next(
            iter(sorted(validator.iter_errors(body), key=lambda e: list(e.absolute_path))), None
        )
        if error is not None:
            raise BadRequestProblem(detail=_describe(error))
        return None


def validator_map() -> dict[str, Any]:
    """Connexion's validator map with the Plivo-worded validators swapped in."""
    # A shallow copy keeps connexion's media-type-matching dict class.
    body_validators = copy.copy(VALIDATOR_MAP["body"])
    body_validators["*/*json"] = PlivoJSONBodyValidator
    return {**VALIDATOR_MAP, "parameter": PlivoParameterValidator, "body": body_validators}
