"""Where one masking list request spends its time, with many stored sessions.

Fills a file-backed sandbox (in a temporary directory) with ``--sessions``
masking sessions of the demo main account (in bulk, as ``make bench FILL=``
does), times the domain call behind ``GET /Masking/Session`` (no HTTP) and
its two queries (``total_count`` and the page), then prints a cProfile of
``--calls`` of them, sorted by cumulative time.

    .venv/bin/python bench/profile_list.py [--sessions 1000] [--calls 200]
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import fill, open_state
from plivo_sandbox.core.accounts import DEMO_MAIN
from plivo_sandbox.core.filters import Range
from plivo_sandbox.core.store import RowQuery
from plivo_sandbox.core.times import to_micros
from plivo_sandbox.masking.service import _expiry_of


def main() -> None:
    """Fill, time, profile."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        box = open_state(Path(data_dir))
        try:
            caller = box.config.accounts[DEMO_MAIN.auth_id]
            fill(box, "masking", args.sessions)
            now_us = to_micros(box.clock.now())
            # What the default list selects: active sessions created in the last 7 days.
            selection = RowQuery(
                kind="masking",
                root=caller.auth_id,
                created=Range(lower=now_us - 7 * 86400 * 10**6),
                expiry=_expiry_of("active", now_us),
            )
            with box.store.transaction(write=False) as tx:
                for name, run in (
                    ("total_count (COUNT)", lambda: tx.count(selection)),
                    ("page of 20 (SELECT)", lambda: tx.select(selection, limit=20)),
                ):
                    started = time.perf_counter()
                    for _ in range(args.calls):
                        run()
                    each = (time.perf_counter() - started) / args.calls
                    print(f"{name}: {each * 1000:.2f} ms")
            query = {"limit": 20, "offset": 40}
            total = box.run(box.masking.list, caller, query)["response"]["meta"]["total_count"]
            started = time.perf_counter()
            for _ in range(args.calls):
                box.run(box.masking.list, caller, query)
            each = (time.perf_counter() - started) / args.calls
            print(f"list of 20 of {total} sessions: {each * 1000:.2f} ms per call (unprofiled)")
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.calls):
                box.run(box.masking.list, caller, query)
            profile.disable()
        finally:
            box.close()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
