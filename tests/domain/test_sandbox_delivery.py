"""A ``Sandbox`` without the HTTP app delivers its callbacks once started."""

from __future__ import annotations

from plivo_sandbox.assembly import Sandbox
from tests.callback_receiver import CallbackReceiver
from tests.conftest import DEMO_AUTH_ID, demo_config


def test_a_started_sandbox_delivers_callbacks_without_the_http_app(
    receiver: CallbackReceiver,
) -> None:
    with Sandbox(demo_config()) as box:
        caller = box.config.accounts[DEMO_AUTH_ID]
        box.run(box.verify.create, caller, {"recipient": "+14155550123", "url": receiver.url()})

        first = receiver.wait_for(1)[0]

    assert first.params["SessionStatus"] == "in-progress"


def test_a_sandbox_never_started_only_queues_its_callbacks(receiver: CallbackReceiver) -> None:
    box = Sandbox(demo_config())
    try:
        caller = box.config.accounts[DEMO_AUTH_ID]
        box.run(box.verify.create, caller, {"recipient": "+14155550123", "url": receiver.url()})
        with box.store.transaction(write=False) as tx:
            queued = tx.select_callbacks()
    finally:
        box.close()

    assert queued and {delivery.state for delivery in queued} == {"pending"}
    assert receiver.received == []
