"""Forced answers: the next call(s) of an operation answer a documented error status.

Like Prism's ``Prefer: code=``, but set ahead through the control API, so an
unmodified client can be made to meet Plivo's errors. The status must be one
that openapi.yaml documents for the operation. Pending answers live in the
store, so every worker sees them and a reset forgets them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.core.store import Transaction

_KEY = "forced-answer:"
# Methods an OpenAPI path item can hold operations under.
_METHODS = ("get", "put", "post", "delete", "patch")


@dataclass(frozen=True)
class ForcedAnswer:
    """``count`` more calls of ``operation_id`` answer ``status`` with ``message``."""

    operation_id: str
    status: int
    count: int
    message: str


def error_statuses(spec: ApiSpec) -> dict[str, dict[int, str]]:
    """Each operationId of the spec with its documented 4xx/5xx statuses and their descriptions."""
    found: dict[str, dict[int, str]] = {}
    for item in spec.document["paths"].values():
        for method in _METHODS:
            operation = item.get(method)
            if operation is None:
                continue
            statuses: dict[int, str] = {}
            for code, response in operation["responses"].items():
                if str(code).isdigit() and int(code) >= 400:
                    statuses[int(code)] = spec.resolve(response).get("description", "").strip()
            found[operation["operationId"]] = statuses
    return found


class ForcedAnswers:
    """Set and take forced answers of one sandbox's operations."""

    def __init__(self, spec: ApiSpec) -> None:
        self.statuses = error_statuses(spec)

    def force(
        self, tx: Transaction, operation_id: str, status: int, count: int = 1
    ) -> ForcedAnswer:
        """The next ``count`` calls of ``operation_id`` answer ``status`` (400 if undocumented)."""
        documented = self.statuses.get(operation_id)
        if documented is None:
            raise BadRequest(
                f"operation_id: {operation_id!r} is not an operation of openapi.yaml;"
                f" use one of {sorted(self.statuses)}"
            )
        if status not in documented:
            raise BadRequest(
                f"status: {status} is not documented for {operation_id};"
                f" use one of {sorted(documented)}"
            )
        message = f"forced by the sandbox control API: {documented[status] or status}"
        answer = ForcedAnswer(operation_id, status, count, message)
        tx.set_setting(_KEY + operation_id, json.dumps([status, count, message]))
        return answer

    def pending(self, tx: Transaction, operation_id: str) -> bool:
        """Whether an answer is forced for the next call of ``operation_id`` (a read)."""
        return bool(tx.get_setting(_KEY + operation_id))

    def take(self, tx: Transaction, operation_id: str) -> ForcedAnswer | None:
        """The answer forced for this call of ``operation_id``, used up; None when none is set."""
        key = _KEY + operation_id
        value = tx.get_setting(key)
        if not value:
            return None
        status, count, message = json.loads(value)
        tx.set_setting(key, json.dumps([status, count - 1, message]) if count > 1 else "")
        return ForcedAnswer(operation_id, status, count - 1, message)
