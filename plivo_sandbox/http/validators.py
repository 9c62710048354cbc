"""Connexion request validators whose messages name the bad argument.

Connexion validates every request against openapi.yaml; these subclasses only
change the wording, so that a 400 reads ``limit: 50 is greater than the
maximum of 20`` instead of a JSON Schema traceback. The validators themselves
are ``core/schema_validation.compiled``'s, compiled once and shared with the
fast path and the services.
"""

from __future__ import annotations

import copy
import json
from typing import Any

from connexion.exceptions import BadRequestProblem
from connexion.utils import is_null, is_nullable
from connexion.validators import VALIDATOR_MAP, JSONRequestBodyValidator, ParameterValidator
from jsonschema import ValidationError

from plivo_sandbox.core.schema_validation import compiled

# How deeply a request body may nest: Plivo's bodies are flat objects, and a
# bound keeps the parser and the schema validator far from Python's recursion limit.
MAX_BODY_DEPTH = 32


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
