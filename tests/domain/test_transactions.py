"""Who opens transactions: the edges (``Sandbox.transaction``), never the services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager

import pytest

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.errors import BadRequest, Conflict
from plivo_sandbox.core.store import Transaction
from tests.domain.conftest import US_A, US_B

MASKING_SETTING = "test-setting"


@pytest.fixture
def opened(sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Each transaction opened in the sandbox's store from now on (``write`` of each)."""
    seen: list[bool] = []
    original = sandbox.store.transaction

    def counting(write: bool = True, wait: bool = True) -> AbstractContextManager[Transaction]:
        seen.append(write)
        return original(write=write, wait=wait)

    monkeypatch.setattr(sandbox.store, "transaction", counting)
    return seen


def test_a_call_through_run_opens_exactly_one_transaction(
    sandbox: Sandbox, main: Account, opened: list[bool]
) -> None:
    created = sandbox.run(sandbox.masking.create, main, {"first_party": US_A, "second_party": US_B})
    sandbox.run(sandbox.masking.get, main, created["session_uuid"])
    sandbox.run(sandbox.masking.update, main, created["session_uuid"], {"record": True})

    assert opened == [True, True, True]


def test_a_call_ending_in_a_plivo_error_keeps_what_it_wrote(sandbox: Sandbox) -> None:
    with pytest.raises(Conflict), sandbox.transaction() as tx:
        tx.set_setting(MASKING_SETTING, "written")
        raise Conflict("an answer, not a fault")

    with sandbox.transaction(write=False) as tx:
        assert tx.get_setting(MASKING_SETTING) == "written"


def test_a_call_ending_in_any_other_error_writes_nothing(sandbox: Sandbox) -> None:
    with pytest.raises(RuntimeError), sandbox.transaction() as tx:
        tx.set_setting(MASKING_SETTING, "written")
        raise RuntimeError("a fault")

    with sandbox.transaction(write=False) as tx:
        assert not tx.get_setting(MASKING_SETTING)


def test_a_failed_savepoint_is_undone_and_the_transaction_goes_on(sandbox: Sandbox) -> None:
    with sandbox.transaction() as tx:
        tx.set_setting("kept", "before")
        with pytest.raises(BadRequest), tx.savepoint():
            tx.set_setting("undone", "inside")
            raise BadRequest("step refused")
        tx.set_setting("after", "yes")

    with sandbox.transaction(write=False) as tx:
        assert (tx.get_setting("kept"), tx.get_setting("undone"), tx.get_setting("after")) == (
            "before",
            None,
            "yes",
        )


def test_a_wrong_otp_stays_counted_when_the_call_answers_400(
    sandbox: Sandbox, main: Account
) -> None:
    started = sandbox.run(sandbox.verify.create, main, {"recipient": US_A})
    right = sandbox.run(sandbox.verify.otp, started["session_uuid"])
    wrong = "0" * len(right) if right != "0" * len(right) else "1" * len(right)

    with pytest.raises(BadRequest, match="9 attempt"):
        sandbox.run(sandbox.verify.validate, main, started["session_uuid"], {"otp": wrong})
    with pytest.raises(BadRequest, match="8 attempt"):
        sandbox.run(sandbox.verify.validate, main, started["session_uuid"], {"otp": wrong})


@contextmanager
def _no_store(sandbox: Sandbox) -> Iterator[None]:
    """Any transaction a service opened on its own would fail here."""
    store = sandbox.store

    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("a service opened a transaction of its own")

    original = store.transaction
    store.transaction = refuse  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        store.transaction = original  # type: ignore[method-assign]


def test_the_services_work_in_the_transaction_they_are_given(
    sandbox: Sandbox, main: Account
) -> None:
    with sandbox.transaction() as tx, _no_store(sandbox):
        created = sandbox.masking.create(tx, main, {"first_party": US_A, "second_party": US_B})
        sandbox.masking.update(tx, main, created["session_uuid"], {"record": True})
        sandbox.masking.list(tx, main, {})
        sandbox.masking.delete(tx, main, created["session_uuid"])
        started = sandbox.verify.create(tx, main, {"recipient": US_A})
        otp = sandbox.verify.otp(tx, started["session_uuid"])
        sandbox.verify.validate(tx, main, started["session_uuid"], {"otp": otp})
        sandbox.verify.list(tx, main, {})
