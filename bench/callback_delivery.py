"""How fast the callback loop empties the outbox into a local receiver.

Queues ``--events`` callbacks in a file-backed sandbox (a temporary
directory), spread over ``--urls`` receiver URLs, starts the delivery loop and
times until the receiver (the test suite's threaded ``http.server``) has them
all. One URL measures the in-order path (one request at a time); several URLs
let the loop send in parallel.

    .venv/bin/python bench/callback_delivery.py [--events 300] [--urls 1 30]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.config_file import load_config
from plivo_sandbox.core.store import Callback
from plivo_sandbox.core.times import to_micros
from plivo_sandbox.events.dispatcher import CallbackDispatcher
from tests.callback_receiver import running_receiver

AUTH_ID = "MADEMO1234567890ABCD"


def run(events: int, urls: int) -> float:
    """Seconds to deliver ``events`` callbacks spread over ``urls`` URLs."""
    with tempfile.TemporaryDirectory() as data_dir, running_receiver() as receiver:
        box = Sandbox(replace(load_config(env={}), data_dir=Path(data_dir)))
        loop = CallbackDispatcher(box.config, box.store, box.clock, box.spec)
        now_us = to_micros(box.clock.now())
        with box.store.transaction() as tx:
            for number in range(events):
                tx.add_callback(
                    Callback(
                        session_uuid="bench",
                        owner=AUTH_ID,
                        kind="masking-session",
                        event="SessionTimeout",
                        url=receiver.url(f"/events/{number % urls}"),
                        method="POST",
                        fields={"EventName": "SessionTimeout", "SequenceNumber": str(number)},
                        due_us=now_us,
                    )
                )
        started = time.perf_counter()
        loop.start()
        receiver.wait_for(events, timeout=600)
        elapsed = time.perf_counter() - started
        loop.stop()
        box.close()
    return elapsed


def main() -> None:
    """Time each URL count."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=300)
    parser.add_argument("--urls", type=int, nargs="+", default=[1, 30])
    args = parser.parse_args()
    for urls in args.urls:
        elapsed = run(args.events, urls)
        print(
            f"{args.events} callbacks to {urls} URL(s): {elapsed:.2f} s,"
            f" {args.events / elapsed:.0f} callbacks/s"
        )


if __name__ == "__main__":
    main()
