"""Callback delivery against receivers that misbehave, over real sockets on loopback.

A receiver may hang, trickle its answer a byte at a time, cut it short, or
answer while the database is locked by another program. Each attempt has one
deadline; one URL's trouble delays only that URL's events; an attempt that
got a 200 is recorded, never sent again silently; a reset or a stop ends the
attempts in flight at once.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import httpx
import pytest
from starlette.applications import Starlette

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.events.dispatcher import CUT_BY_STOP, REDELIVERY
from plivo_sandbox.store.sqlite import DB_FILE
from plivo_sandbox.testing.process import free_port, wait_until_answering
from tests.callback_receiver import CallbackReceiver
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, REPO_ROOT, demo_config, serve_in_thread
from tests.misbehaving_receiver import answer, cut_short, hang, misbehaving, trickle
from tests.sandbox.test_callback_delivery import EVENT, attempts_of, callbacks, queue, until

FIRST = "+14155550100"
PARTIES = {"first_party": FIRST, "second_party": "+14155550199"}


@pytest.fixture
def api(live_url: str) -> Iterator[httpx.Client]:
    """The sandbox over real HTTP, as the demo main account."""
    with httpx.Client(
        base_url=live_url, auth=(DEMO_AUTH_ID, DEMO_AUTH_TOKEN), timeout=10
    ) as client:
        yield client


# ---------------------------------------------------------------- one deadline per attempt


@pytest.mark.parametrize("sandbox_config", [demo_config(callback_timeout=1.0)])
def test_an_answer_trickled_past_the_deadline_is_a_failed_attempt_cut_on_time(
    sandbox: Sandbox, api: httpx.Client
) -> None:
    # "HTTP/1.1 200 OK\r\n" at once, then a byte every 0.4 s: each read is quick, the
    # whole answer would take 9 s.
    with misbehaving(trickle(0.4)) as receiver:
        queue(sandbox, receiver.url())
        (connection,) = receiver.wait_for(1)

        kept = receiver.wait_closed(connection)
        (shown,) = until(api, lambda found: attempts_of(found) == 1)

    assert kept < 3  # cut at the 1 s deadline (it used to last the whole trickle)
    assert shown["state"] == "pending"
    assert "no complete answer within 1 s" in shown["attempts"][0]["error"]


@pytest.mark.parametrize("sandbox_config", [demo_config(callback_timeout=1.0)])
def test_an_answer_cut_short_of_its_length_is_a_failed_attempt(
    sandbox: Sandbox, api: httpx.Client
) -> None:
    with misbehaving(cut_short) as receiver:
        queue(sandbox, receiver.url())

        (shown,) = until(api, lambda found: attempts_of(found) == 1)

    assert shown["state"] == "pending"
    assert "status_code" not in shown["attempts"][0]
    assert "cut short" in shown["attempts"][0]["error"]


# ---------------------------------------------------------------- per-URL isolation


@pytest.mark.parametrize("sandbox_config", [demo_config(callback_timeout=5.0)])
def test_a_healthy_receiver_gets_its_event_at_once_while_44_others_hang_or_trickle(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    with misbehaving(hang) as hanging, misbehaving(trickle(2.0)) as trickling:
        for number in range(40):
            queue(sandbox, hanging.url(f"/hang/{number}"))
        for number in range(4):
            queue(sandbox, trickling.url(f"/trickle/{number}"))
        hanging.wait_for(4)
        started = time.monotonic()
        queue(sandbox, receiver.url("/healthy"))

        receiver.wait_for(1, timeout=30)
        waited = time.monotonic() - started
        hanging.wait_for(40)  # every hanging URL has its own attempt open at once

    # Four shared slots made it wait for ten rounds of 5 s deadlines (50 s and more).
    assert waited < 3


def test_a_slow_url_holds_back_only_its_own_later_events(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    with misbehaving(hang) as hanging:
        queue(sandbox, hanging.url("/slow"))
        queue(sandbox, hanging.url("/slow"), fields={**EVENT, "SequenceNumber": "2"})
        queue(sandbox, receiver.url("/fast"))
        hanging.wait_for(1)

        receiver.wait_for(1, timeout=5)
        time.sleep(0.3)
        assert len(hanging.connections) == 1  # its second event waits behind the first


# ---------------------------------------------------------------- reset and stop


@pytest.mark.parametrize("sandbox_config", [demo_config(callback_timeout=30.0)])
def test_a_reset_cuts_the_attempts_in_flight(
    app: Starlette, sandbox: Sandbox, api: httpx.Client
) -> None:
    with misbehaving(hang) as hanging:
        for number in range(3):
            queue(sandbox, hanging.url(f"/hang/{number}"))
        opened = hanging.wait_for(3)

        assert api.post("/_sandbox/reset", json={}).status_code == 200
        for connection in opened:
            hanging.wait_closed(connection, timeout=5)

    assert app.state.callbacks.in_flight() == 0
    assert callbacks(api) == []


@pytest.mark.parametrize("sandbox_config", [demo_config(callback_timeout=30.0)])
def test_a_reset_by_another_worker_cuts_this_workers_attempts_too(
    sandbox: Sandbox, api: httpx.Client
) -> None:
    with misbehaving(hang) as hanging:
        queue(sandbox, hanging.url())
        (connection,) = hanging.wait_for(1)

        with sandbox.store.transaction() as tx:
            tx.clear()  # what another worker's reset does to the shared file

        assert hanging.wait_closed(connection, timeout=5) < 5  # not the 30 s deadline


@pytest.mark.parametrize("sandbox_config", [demo_config(callback_timeout=30.0)])
def test_stopping_the_server_cuts_the_attempts_in_flight_and_records_them(
    app: Starlette, sandbox: Sandbox
) -> None:
    with misbehaving(hang) as hanging:
        with serve_in_thread(app):
            queue(sandbox, hanging.url())
            (connection,) = hanging.wait_for(1)
            stopping = time.monotonic()
        stopped = time.monotonic() - stopping
        hanging.wait_closed(connection, timeout=1)

    with sandbox.store.transaction(write=False) as tx:
        (delivery,) = tx.select_callbacks()
    assert stopped < 5  # it waited for the 30 s deadline before
    assert delivery.state == "pending"
    assert [attempt["error"] for attempt in delivery.attempts] == [CUT_BY_STOP]
    assert delivery.next_us is not None  # retried after 60 s of sandbox clock


def test_an_interrupted_server_exits_within_seconds_while_a_receiver_trickles(
    tmp_path: Path,
) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    env = {**os.environ, "PLIVO_SANDBOX_CALLBACK_TIMEOUT": "60"}
    with misbehaving(trickle(1.0)) as trickling:  # a 23 s answer, within the 60 s deadline
        process = subprocess.Popen(
            [sys.executable, "-m", "plivo_sandbox", "--port", str(port),
             "--data-dir", str(tmp_path), "--max-lifetime", "120"],
            cwd=REPO_ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        try:
            wait_until_answering(url, process)
            with httpx.Client(base_url=url, auth=(DEMO_AUTH_ID, DEMO_AUTH_TOKEN)) as api:
                created = api.post(
                    f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/",
                    json={**PARTIES, "callback_url": trickling.url()},
                )
                uuid = created.json()["session_uuid"]
                api.post(f"/_sandbox/masking/sessions/{uuid}/calls", json={"caller": FIRST})
            trickling.wait_for(1)
            interrupted = time.monotonic()
            process.send_signal(signal.SIGINT)  # Ctrl-C
            process.wait(timeout=60)
            took = time.monotonic() - interrupted
        finally:
            process.kill()
            process.wait()

    assert took < 10  # it waited for the receiver (41 s in the run)


# ---------------------------------------------------------------- lossless bookkeeping


@pytest.fixture
def on_file(tmp_path: Path) -> SandboxConfig:
    """A sandbox on a file, whose writes wait 0.3 s for the lock."""
    return replace(demo_config(lock_timeout=0.3, callback_timeout=1.0), data_dir=tmp_path)


def test_an_attempt_answered_200_while_another_program_locks_the_database_is_recorded_once(
    on_file: SandboxConfig, receiver: CallbackReceiver
) -> None:
    box = Sandbox(on_file)
    app = create_app(sandbox=box, validate_responses=True)
    # A claim of 1.5 s: the lock below outlasts it.
    app.state.callbacks.lease_us = 1_500_000
    receiver.held_paths = {"/hook"}
    receiver.hold.clear()
    assert on_file.data_dir is not None
    outside = sqlite3.connect(on_file.data_dir / DB_FILE, isolation_level=None)
    try:
        with serve_in_thread(app) as url:
            queue(box, receiver.url())
            receiver.wait_for(1)
            outside.execute("BEGIN IMMEDIATE")  # another program holds the write lock
            receiver.hold.set()  # the receiver answers 200 now
            time.sleep(3)
            outside.execute("COMMIT")
            with httpx.Client(base_url=url, timeout=10) as api:
                until(api, lambda found: found[0]["state"] == "delivered")
                time.sleep(1.5)  # time enough for a (wrong) second delivery
                (after,) = callbacks(api)
    finally:
        outside.close()
        box.close()

    assert len(receiver.received) == 1
    assert [attempt["status_code"] for attempt in after["attempts"]] == [200]
    assert "redelivery" not in after["attempts"][0]


def test_an_attempt_whose_worker_died_is_sent_again_marked_as_a_redelivery(
    sandbox: Sandbox, api: httpx.Client, receiver: CallbackReceiver
) -> None:
    with sandbox.store.transaction() as tx:
        ident = queue(sandbox, receiver.url())
        # A worker claimed it long ago and never recorded anything: its claim lapsed.
        (claimed,) = tx.claim_callbacks(now_us=2**62, real_us=0, lease_us=1, limit=1)
    assert claimed.id == ident
    receiver.wait_for(1)

    (shown,) = until(api, lambda found: found[0]["state"] == "delivered")

    assert shown["attempts"][0]["redelivery"] == REDELIVERY


# ---------------------------------------------------------------- IPv6 literals


def test_an_ipv6_loopback_url_with_a_port_is_delivered(sandbox: Sandbox, api: httpx.Client) -> None:
    with misbehaving(answer(200), host="::1") as receiver:
        queue(sandbox, receiver.url())
        (connection,) = receiver.wait_for(1)
        (shown,) = until(api, lambda found: found[0]["state"] == "delivered")

    assert connection.request.startswith(b"POST /hook HTTP/1.1\r\n")
    assert f"Host: [::1]:{receiver.port}".encode() in connection.request
    assert shown["attempts"][0]["status_code"] == 200


def test_an_ipv6_loopback_url_without_a_port_goes_to_port_80(
    sandbox: Sandbox, api: httpx.Client
) -> None:
    try:
        receiver_context = misbehaving(answer(200), host="::1", port=80)
        receiver = receiver_context.__enter__()
    except OSError as exc:  # not root, or port 80 of ::1 taken
        pytest.skip(f"cannot listen on [::1]:80 here: {exc}")
    try:
        queue(sandbox, receiver.url(port=False))
        (connection,) = receiver.wait_for(1)
        (shown,) = until(api, lambda found: found[0]["state"] == "delivered")
    finally:
        receiver_context.__exit__(None, None, None)

    assert shown["url"] == "http://[::1]/hook"
    assert b"Host: [::1]\r\n" in connection.request
