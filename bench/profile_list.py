"""Where one masking list request spends its time, with many stored sessions.

Fills a file-backed sandbox (in a temporary directory) with ``--sessions``
masking sessions of the demo main account, times the domain call behind
``GET /Masking/Session`` (no HTTP), then prints a cProfile of ``--calls`` of
them, sorted by cumulative time.

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

from plivo_sandbox.config import SandboxConfig, demo_accounts
from plivo_sandbox.sandbox import Sandbox

AUTH_ID = "MADEMO1234567890ABCD"


def main() -> None:
    """Fill, time, profile."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sessions", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data_dir:
        box = Sandbox(SandboxConfig(accounts=demo_accounts(), data_dir=Path(data_dir)))
        try:
            caller = box.config.accounts[AUTH_ID]
            for n in range(args.sessions):
                body = {"first_party": f"+1415{n:07d}", "second_party": f"+1628{n:07d}"}
                box.masking.create(caller, body)
            query = {"limit": 20, "offset": 40}
            total = box.masking.list(caller, query)["response"]["meta"]["total_count"]
            started = time.perf_counter()
            for _ in range(args.calls):
                box.masking.list(caller, query)
            each = (time.perf_counter() - started) / args.calls
            print(f"list of 20 of {total} sessions: {each * 1000:.2f} ms per call (unprofiled)")
            profile = cProfile.Profile()
            profile.enable()
            for _ in range(args.calls):
                box.masking.list(caller, query)
            profile.disable()
        finally:
            box.close()
    pstats.Stats(profile).sort_stats("cumulative").print_stats(25)


if __name__ == "__main__":
    main()
