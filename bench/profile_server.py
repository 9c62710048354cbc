"""Where the sandbox's time goes under load: py-spy on the server while wrk drives it.

Starts the sandbox (one worker, SQLite in a temporary directory, ``--seed``
sessions of each kind), then for each operation runs wrk for ``--duration``
seconds while ``py-spy record`` samples the server process, and sorts every
sample into one cost (connexion, validation, JSON, SQLite, the clock-offset
transaction, the thread pool, rendering...) by the innermost frame that
names one. Prints the percentages per operation; ``--keep DIR`` keeps the
raw (collapsed) stacks for a flame graph.

    .venv/bin/python bench/profile_server.py [--ops get_masking,create_masking,list_masking]

py-spy counts the samples of every thread that is not idle (``--gil`` would
miss SQLite, which runs without the GIL); a thread blocked on the GIL counts
as idle, so the percentages are of the work done, not of the waiting.
"""

from __future__ import annotations

import argparse
import collections
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import (
    SANDBOX_ENV,
    SANDBOX_PREFIX,
    Load,
    fill,
    fresh_verify_sessions,
    open_state,
    seed,
    write_ids,
    wrk,
)
from plivo_sandbox.testing.process import sandbox_process

PY_SPY = Path(sys.executable).with_name("py-spy")

# (cost, test on the whole stack or on one frame) checked from the innermost
# frame outwards; the first frame that matches names the sample's cost.
# Whole-stack rules come first: they name why the inner frames ran.
Rules = tuple[tuple[str, tuple[str, ...]], ...]
STACK_RULES: Rules = (
    ("clock offset: its own read transaction", ("_offset (plivo_sandbox/core/clock.py",)),
    ("auth: Basic credentials check", ("basic_auth_handler", "authenticate (plivo_sandbox")),
)
FRAME_RULES: Rules = (
    ("SQLite: statements and BEGIN/COMMIT", ("plivo_sandbox/store/sqlite.py", "sqlite3/")),
    ("JSON encode/decode", ("json/", "orjson")),
    (
        "request/response validation (jsonschema, connexion validators)",
        (
            "jsonschema",
            "connexion/validators",
            "plivo_sandbox/http/validators.py",
            "plivo_sandbox/core/schema_validation.py",
            "referencing/",
        ),
    ),
    ("domain: arguments taken from the edge (arguments.py)", ("plivo_sandbox/core/arguments.py",)),
    ("rendering (render, time formats)", ("render (plivo_sandbox", "plivo_sandbox/core/times.py")),
    ("domain services (masking/verify/numbers)", ("plivo_sandbox/",)),
    ("connexion middleware and routing", ("connexion/",)),
    ("starlette", ("starlette/",)),
    ("thread-pool handoff (anyio, futures)", ("anyio/", "concurrent/futures", "threading.py")),
    ("uvicorn, HTTP parsing, event loop", ("uvicorn/", "httptools", "h11", "asyncio/", "uvloop")),
)


def server_pid() -> int:
    """The pid of the ``python -m plivo_sandbox`` child of this process."""
    me = os.getpid()
    children = Path(f"/proc/{me}/task/{me}/children").read_text().split()
    for pid in children:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
        if b"plivo_sandbox" in command:
            return int(pid)
    raise RuntimeError("no sandbox process among this process's children")


def classify(stack: list[str]) -> str:
    """The cost one sample (outermost frame first) belongs to."""
    for frame in reversed(stack):
        for cost, needles in STACK_RULES:
            if any(needle in frame for needle in needles):
                return cost
    for frame in reversed(stack):
        for cost, needles in FRAME_RULES:
            if any(needle in frame for needle in needles):
                return cost
    return "other"


def summarize(raw: Path) -> tuple[collections.Counter[str], int]:
    """Samples per cost in py-spy's collapsed output, and their total."""
    costs: collections.Counter[str] = collections.Counter()
    for line in raw.read_text(encoding="utf-8").splitlines():
        stack, _, count = line.rpartition(" ")
        if stack:
            costs[classify(stack.split(";"))] += int(count)
    return costs, sum(costs.values())


def main() -> None:
    """Seed, then per operation: wrk and py-spy together; print the split."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--ops", default="get_masking,create_masking,list_masking")
    parser.add_argument("--duration", type=int, default=8)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument("--seed", type=int, default=200, help="sessions of each kind first")
    parser.add_argument("--rate", type=int, default=250, help="py-spy samples per second")
    parser.add_argument("--keep", type=Path, help="directory for the raw py-spy stacks")
    parser.add_argument(
        "--gil", action="store_true", help="only samples holding the GIL (Python's own work)"
    )
    args = parser.parse_args()
    load = Load(args.duration, args.connections, 1, 0)
    with tempfile.TemporaryDirectory(prefix="plivo-profile-") as tmp:
        data_dir = Path(tmp) / "data"
        keep = args.keep or Path(tmp)
        keep.mkdir(parents=True, exist_ok=True)
        with sandbox_process(data_dir=data_dir, workers=1, env=SANDBOX_ENV) as url:
            pid = server_pid()
            box = open_state(data_dir)
            try:
                masking, verify = seed(box, args.seed)
                fill(box, "masking", max(0, args.seed - 1))
                ids = {
                    "get_masking": write_ids(Path(tmp), "masking", masking),
                    "update_masking": write_ids(Path(tmp), "masking", masking),
                    "get_verify": write_ids(Path(tmp), "verify", verify),
                }
                for op in args.ops.split(","):
                    if op == "validate_verify":
                        lines = fresh_verify_sessions(box, 8000 * args.duration)
                        ids[op] = write_ids(Path(tmp), "validate", lines)
                    raw = keep / f"{op}.txt"
                    spy = subprocess.Popen(
                        [str(PY_SPY), "record", "--pid", str(pid), "--rate", str(args.rate),
                         "--duration", str(args.duration - 1), "--format", "raw",
                         "--nonblocking", "--output", str(raw), *(["--gil"] if args.gil else [])],
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                    )  # fmt: skip
                    result = wrk(url, op, SANDBOX_PREFIX, load, ids.get(op))
                    spy.wait(timeout=60)
                    costs, total = summarize(raw)
                    per_request_ms = 1000 / result.rps if result.rps else 0
                    print(f"\n{op}: {result.line()}  ({per_request_ms:.2f} ms of server a request)")
                    print(f"  {total} samples")
                    for cost, count in costs.most_common():
                        print(f"  {100 * count / total:5.1f}%  {cost}")
            finally:
                box.close()


if __name__ == "__main__":
    main()
