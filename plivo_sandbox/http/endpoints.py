"""Thin HTTP handlers, one per operationId of openapi.yaml.

Connexion (or the fast path) has already authenticated the caller
(``token_info["account"]``) and validated every argument against the spec;
each handler hands the arguments to the domain service as ``Validated`` (so
the service does not check them again), with the call's transaction
(``tx``), and stamps the answer with an ``api_id``. ``as_endpoint`` opens
that transaction (``Sandbox.transaction``) for a read, or runs a write in the
worker's next batch (``write_batches.py``) by the request's deadline
(``RequestContext``, which also tells the creates where the request came to
and from whom), and answers a store held locked past it with a 503
(``unavailable``).
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Mapping
from typing import Any

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.arguments import Validated
from plivo_sandbox.core.errors import Busy, error_body, new_api_id
from plivo_sandbox.core.store import StoreBusy, Transaction
from plivo_sandbox.http.request_context import ARGUMENT, RequestContext
from plivo_sandbox.http.write_batches import WriteBatches

Answer = tuple[dict[str, Any], int]

# Connexion passes these alongside the operation's own query arguments.
_NOT_QUERY = frozenset({"auth_id", "user", "token_info", ARGUMENT})


def _answer(body: Mapping[str, Any], status: int = 200) -> Answer:
    """Every Plivo response body carries a fresh ``api_id``, first."""
    return {"api_id": new_api_id(), **body}, status


def _caller(token_info: Mapping[str, Any]) -> Account:
    account: Account = token_info["account"]
    return account


def _query(arguments: Mapping[str, Any]) -> Validated:
    return Validated({key: value for key, value in arguments.items() if key not in _NOT_QUERY})


def reads_only(sandbox: Sandbox, operation_id: str) -> bool:
    """Whether ``operation_id`` only reads the state (a GET, unless it counts a rate limit)."""
    if operation_id == "list_verify_sessions" and sandbox.verify.list_writes:
        return False
    return sandbox.spec.method_of(operation_id) == "get"


def unavailable(busy: StoreBusy) -> Busy:
    """What a database held locked beyond the lock timeout answers: 503, retry (nothing written)."""
    return Busy(busy.message)


def as_endpoint(
    sandbox: Sandbox,
    operation_id: str,
    handler: Callable[..., Answer],
    writes: WriteBatches,
    warm: Callable[..., None] | None = None,
) -> Callable[..., Awaitable[Answer]]:
    """``handler`` as connexion calls it: in one transaction on the event loop.

    The answer is the handler's, unless the control API forced this call's
    answer (then that error). The call runs on the event loop in a
    transaction (``Sandbox.transaction``) handed to every step (the
    forced-answer check, the clock, the service): a statement takes
    microseconds, so a thread handoff would cost more than the work. A read
    opens its own and never waits (WAL). A write joins the worker's next
    batch (``writes``: one write turn and one commit for the writes that
    queued up meanwhile), answered once that has committed. ``warm``, given
    the same arguments, runs first, outside the lock: work that reads no state.
    """

    def call(tx: Transaction, *args: Any, **kwargs: Any) -> Answer:
        forced = sandbox.forced.take(tx, operation_id)
        if forced is not None:
            return error_body(forced.message), forced.status
        return handler(*args, tx=tx, **kwargs)

    read = reads_only(sandbox, operation_id)

    @functools.wraps(handler)  # connexion reads the arguments off the wrapped handler
    async def on_loop(*args: Any, **kwargs: Any) -> Answer:
        try:
            return await in_transaction(*args, **kwargs)
        except StoreBusy as busy:
            raise unavailable(busy) from None

    async def in_transaction(*args: Any, **kwargs: Any) -> Answer:
        if read:
            with sandbox.transaction(write=False) as tx:
                if not sandbox.forced.pending(tx, operation_id):
                    return handler(*args, tx=tx, **kwargs)
            # A forced answer to use up is a write: on to the write lock.
        elif warm is not None:
            warm(*args, **kwargs)
        context: RequestContext = kwargs[ARGUMENT]
        # A PlivoError is an answer: what the call wrote before it stays.
        return await writes.run(lambda tx: call(tx, *args, **kwargs), context.deadline)

    return on_loop


class PlivoHandlers:
    """The nine operations, bound to one sandbox (connexion resolves them by name).

    ``auth_id`` is the path's account, already matched to the caller by
    authentication; the caller's ``Account`` comes in ``token_info``.
    """

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    # ------------------------------------------------------------- masking

    def create_masking_session(
        self,
        body: dict[str, Any],
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
        tx: Transaction,
    ) -> Answer:
        """POST /Masking/Session."""
        # initiate_call_to_first_party's call points to the sandbox's own address.
        caller, origin = _caller(token_info), request_context.origin
        return _answer(self.sandbox.masking.create(tx, caller, Validated(body), origin), 201)

    def warm_create_masking_session(
        self,
        body: dict[str, Any],
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
    ) -> None:
        """Before the write lock: parse the create's phone numbers."""
        self.sandbox.masking.warm_create(body)

    def update_masking_session(
        self,
        session_uuid: str,
        body: dict[str, Any],
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
        tx: Transaction,
    ) -> Answer:
        """POST /Masking/Session/{session_uuid}."""
        caller = _caller(token_info)
        return _answer(self.sandbox.masking.update(tx, caller, session_uuid, Validated(body)))

    def get_masking_session(
        self,
        session_uuid: str,
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
        tx: Transaction,
    ) -> Answer:
        """GET /Masking/Session/{session_uuid}."""
        return _answer(self.sandbox.masking.get(tx, _caller(token_info), session_uuid))

    def list_masking_sessions(
        self,
        token_info: dict[str, Any],
        request_context: RequestContext,
        tx: Transaction,
        **arguments: Any,
    ) -> Answer:
        """GET /Masking/Session."""
        return _answer(self.sandbox.masking.list(tx, _caller(token_info), _query(arguments)))

    def delete_masking_session(
        self,
        session_uuid: str,
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
        tx: Transaction,
    ) -> Answer:
        """DELETE /Masking/Session/{session_uuid}."""
        return _answer(self.sandbox.masking.delete(tx, _caller(token_info), session_uuid))

    # -------------------------------------------------------------- verify

    def create_verify_session(
        self,
        body: dict[str, Any],
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
        tx: Transaction,
    ) -> Answer:
        """POST /Verify/Session."""
        answer = self.sandbox.verify.create(
            tx, _caller(token_info), Validated(body), requestor_ip=request_context.client
        )
        return _answer(answer, 202)

    def warm_create_verify_session(
        self,
        body: dict[str, Any],
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
    ) -> None:
        """Before the write lock: parse the create's recipient."""
        self.sandbox.verify.warm_create(body)

    def validate_verify_session(
        self,
        session_uuid: str,
        body: dict[str, Any],
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
        tx: Transaction,
    ) -> Answer:
        """POST /Verify/Session/{session_uuid}."""
        caller = _caller(token_info)
        return _answer(self.sandbox.verify.validate(tx, caller, session_uuid, Validated(body)))

    def get_verify_session(
        self,
        session_uuid: str,
        token_info: dict[str, Any],
        auth_id: str,
        request_context: RequestContext,
        tx: Transaction,
    ) -> Answer:
        """GET /Verify/Session/{session_uuid}."""
        return _answer(self.sandbox.verify.get(tx, _caller(token_info), session_uuid))

    def list_verify_sessions(
        self,
        token_info: dict[str, Any],
        request_context: RequestContext,
        tx: Transaction,
        **arguments: Any,
    ) -> Answer:
        """GET /Verify/Session."""
        return _answer(self.sandbox.verify.list(tx, _caller(token_info), _query(arguments)))
