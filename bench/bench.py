"""``make bench``: the sandbox side by side with Stoplight Prism, driven by wrk.

Starts the sandbox as ``make serve`` runs it (its default worker count,
SQLite in a temporary directory, the Verify list's rate limit off) and
``prism mock openapi.yaml`` (the version pinned in bench/prism/package.json), each on a
free 127.0.0.1 port, and runs the same wrk load (``bench/wrk/ops.lua``) on
each operation of both: req/s, p50, p99 and the sandbox / Prism ratio.

Masking create sends fresh parties on every request (no two sessions of a
run share a party) and keeps the spec's default ``session_expiry`` (an hour),
so no session ends and no number cools off during the run: a correct
sandbox always finds a free number in the demo pool of 7. Verify validate
sends the right OTP to a different in-progress session each time, so every
request reads, checks and writes a session (the 200 path); those sessions
are inserted through the store just before it runs.

    .venv/bin/python bench/bench.py [--duration 10] [--connections 8] [--fill 100000]

``--fill N`` also measures both lists with 100 and then N stored sessions
(inserted in bulk through the store, not over HTTP); ``--client-calls N``
times the generated client and Plivo's SDK against the sandbox.
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import dataclasses
import http.client
import itertools
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from plivo_sandbox.assembly import Sandbox  # noqa: E402
from plivo_sandbox.core.accounts import DEMO_MAIN, demo_accounts  # noqa: E402
from plivo_sandbox.core.settings import SandboxConfig  # noqa: E402
from plivo_sandbox.core.store import RowQuery  # noqa: E402
from plivo_sandbox.core.times import MICROS, to_micros  # noqa: E402
from plivo_sandbox.masking.record import MaskingRecord  # noqa: E402
from plivo_sandbox.testing.process import free_port, sandbox_process  # noqa: E402
from plivo_sandbox.verify.record import VerifyRecord  # noqa: E402

LUA = ROOT / "bench" / "wrk" / "ops.lua"
# How many workers `make serve` runs (the Makefile's WORKERS default, which it
# also passes here): the figures "as make serve".
SERVE_WORKERS = 2
# Pinned in bench/prism/package.json, installed there by `make bench`.
PRISM_MODULES = ROOT / "bench" / "prism" / "node_modules"
PRISM = PRISM_MODULES / ".bin" / "prism"
PRISM_PACKAGE = PRISM_MODULES / "@stoplight" / "prism-cli" / "package.json"
SPEC = ROOT / "openapi.yaml"
AUTH = "Basic " + base64.b64encode(f"{DEMO_MAIN.auth_id}:{DEMO_MAIN.auth_token}".encode()).decode(
    "ascii"
)
SANDBOX_PREFIX = f"/v1/Account/{DEMO_MAIN.auth_id}"
# The bench lists the Verify sessions as fast as it can: Plivo's 20 a minute would refuse it.
SANDBOX_ENV = {"PLIVO_SANDBOX_VERIFY_RATE_LIMIT": "0"}

# (wrk operation, label, uuids it needs: "masking", "verify", "validate" or "")
OPERATIONS = (
    ("get_masking", "GET masking session", "masking"),
    ("create_masking", "POST create masking (fresh parties)", ""),
    ("update_masking", "POST update masking", "masking"),
    ("list_masking", "GET list masking ?limit=20", ""),
    ("create_verify", "POST create Verify", ""),
    ("get_verify", "GET Verify session", "verify"),
    ("list_verify", "GET list Verify ?limit=20", ""),
    ("validate_verify", "POST validate Verify (right OTP)", "validate"),
)
SEEDED = 200  # sessions of each kind that get and update go round


@dataclasses.dataclass
class Result:
    """What wrk measured for one operation."""

    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    non_2xx: int
    socket_errors: int

    def line(self) -> str:
        """The figures as one progress line."""
        bad = f"  ({self.non_2xx} non-2xx!)" if self.non_2xx else ""
        bad += f"  ({self.socket_errors} socket errors!)" if self.socket_errors else ""
        return f"{self.rps:8.0f} req/s  p50 {self.p50_ms:7.2f} ms  p99 {self.p99_ms:7.2f} ms{bad}"


@dataclasses.dataclass
class Load:
    """The wrk settings of a run."""

    duration: int
    connections: int
    threads: int
    warmup: int


def say(message: str) -> None:
    """A progress line, at once."""
    print(message, flush=True)


# Where the parties of each wrk run start: a fresh range of 200,000 per wrk thread.
_FIRST_PARTIES = itertools.cycle(range(0, 9_000_000, 1_000_000))


def wrk(
    url: str, op: str, prefix: str, load: Load, ids: Path | None = None, duration: int = 0
) -> Result:
    """Run wrk on one operation (``duration`` overrides the load's).

    The Lua script's ``done`` prints the figures.
    """
    command = [
        "wrk", f"-t{load.threads}", f"-c{load.connections}", f"-d{duration or load.duration}s",
        "--timeout", "10s", "-s", str(LUA), url,
        "--", op, prefix, AUTH, str(load.threads), str(next(_FIRST_PARTIES)), str(ids or ""),
    ]  # fmt: skip
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    output = finished.stdout
    for line in output.splitlines():
        if line.startswith("BENCH "):
            return Result(**json.loads(line.removeprefix("BENCH ")))
    raise RuntimeError(f"wrk printed no figures:\n{output}{finished.stderr}")


def write_ids(directory: Path, name: str, lines: list[str]) -> Path:
    """A file of uuids (or "uuid otp" lines) for the Lua script."""
    path = directory / f"{name}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# ---------------------------------------------------------------- state


def open_state(data_dir: Path) -> Sandbox:
    """The sandbox state in ``data_dir``, opened in this process beside the server.

    The store is made for several processes on one file (WAL, immediate
    write transactions), so the bench writes through it while the server runs.
    """
    return Sandbox(SandboxConfig(accounts=demo_accounts(), data_dir=data_dir))


def seed(box: Sandbox, count: int) -> tuple[list[str], list[str]]:
    """``count`` masking and Verify sessions of the demo account; their uuids."""
    caller = box.config.accounts[DEMO_MAIN.auth_id]
    masking, verify = [], []
    with box.store.transaction():
        for n in range(count):
            body = {"first_party": f"+1415{9000000 + n}", "second_party": f"+1628{9000000 + n}"}
            masking.append(box.run(box.masking.create, caller, body)["session_uuid"])
            answer = box.run(box.verify.create, caller, {"recipient": f"+1415{9000000 + n}"})
            verify.append(answer["session_uuid"])
    return masking, verify


def fresh_verify_sessions(box: Sandbox, count: int) -> list[str]:
    """``count`` in-progress Verify sessions, as "uuid otp" lines for validate."""
    caller = box.config.accounts[DEMO_MAIN.auth_id]
    lines = []
    with box.store.transaction():
        for n in range(count):
            answer = box.run(box.verify.create, caller, {"recipient": f"+1628{n % 10_000_000:07d}"})
            lines.append(
                f"{answer['session_uuid']} {box.run(box.verify.otp, answer['session_uuid'])}"
            )
    return lines


def fill(box: Sandbox, kind: str, count: int) -> None:
    """Insert ``count`` more sessions of ``kind`` in one transaction, straight into the store.

    One session made by the service, then copies of it, each with its own
    uuid and parties, created over the last minutes (a hundred per second).
    """
    if count <= 0:
        return
    caller = box.config.accounts[DEMO_MAIN.auth_id]
    now_s = to_micros(box.clock.now()) // MICROS
    pool = caller.numbers
    with box.store.transaction() as tx:
        if kind == "masking":
            body = {"first_party": "+14158999999", "second_party": "+16288999999"}
            row = tx.get("masking", box.run(box.masking.create, caller, body)["session_uuid"])
            assert row is not None
            masking = MaskingRecord.from_row(row)
            for n in range(count - 1):
                created = (now_s - n // 100) * MICROS
                tx.insert(
                    dataclasses.replace(
                        masking,
                        session_uuid=str(uuid.uuid4()),
                        first_party=f"1415{n % 10_000_000:07d}",
                        second_party=f"1628{n % 10_000_000:07d}",
                        virtual_number=pool[n % len(pool)],
                        created_us=created,
                        modified_us=created,
                        expiry_us=created + masking.session_expiry * MICROS,
                    ).to_row()
                )
        else:
            answer = box.run(box.verify.create, caller, {"recipient": "+14158999999"})
            row = tx.get("verify", answer["session_uuid"])
            assert row is not None
            verify = VerifyRecord.from_row(row)
            ttl = verify.expiry_us - verify.created_us
            for n in range(count - 1):
                created = (now_s - n // 100) * MICROS
                tx.insert(
                    dataclasses.replace(
                        verify,
                        session_uuid=str(uuid.uuid4()),
                        recipient=f"1415{n % 10_000_000:07d}",
                        created_us=created,
                        updated_us=created,
                        expiry_us=created + ttl,
                    ).to_row()
                )


def stored(box: Sandbox, kind: str) -> int:
    """How many sessions of ``kind`` the store holds."""
    with box.store.transaction(write=False) as tx:
        return tx.count(RowQuery(kind="masking" if kind == "masking" else "verify"))


# ---------------------------------------------------------------- servers


def _answers(url: str) -> bool:
    request = urllib.request.Request(url, headers={"Authorization": AUTH})
    try:
        with urllib.request.urlopen(request, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # it answers
    except OSError:
        return False


@contextlib.contextmanager
def prism_process(startup_timeout: float = 60) -> Iterator[str]:
    """``prism mock openapi.yaml`` on a free 127.0.0.1 port; yields its URL."""
    port = free_port()
    process = subprocess.Popen(
        [str(PRISM), "mock", "--host", "127.0.0.1", "--port", str(port), str(SPEC)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + startup_timeout
        while not _answers(f"{url}/Masking/Session?limit=1"):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("prism mock did not start")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


# ---------------------------------------------------------------- runs


Table = dict[str, Result]


def run_operations(
    name: str,
    url: str,
    prefix: str,
    load: Load,
    ids: dict[str, Path],
    make_validate_ids: Callable[[float], Path],
    operations: list[str],
) -> Table:
    """Every operation in ``operations`` against one server, with progress lines."""
    results: Table = {}
    for op, label, needs in OPERATIONS:
        if op not in operations:
            continue
        path = ids.get(needs)
        if needs == "validate":
            # More sessions than validate can use up (five times the create rate just measured).
            path = make_validate_ids(
                results["create_verify"].rps if "create_verify" in results else 0
            )
        if load.warmup and needs != "validate":
            wrk(url, op, prefix, load, path, duration=load.warmup)
        result = wrk(url, op, prefix, load, path)
        results[op] = result
        say(f"  {name:<10} {label:<38} {result.line()}")
    return results


def print_side_by_side(sandbox: Table, prism: Table, workers: int) -> None:
    """The comparison table (Markdown)."""
    say("")
    say(f"| operation | sandbox ({workers} worker{'s' * (workers != 1)}) req/s | p50 ms | p99 ms"
        " | Prism req/s | p50 ms | p99 ms | sandbox / Prism |")  # fmt: skip
    say("|---|---:|---:|---:|---:|---:|---:|---:|")
    for op, label, _ in OPERATIONS:
        if op in sandbox and op in prism:
            s, p = sandbox[op], prism[op]
            say(
                f"| {label} | {s.rps:.0f} | {s.p50_ms:.1f} | {s.p99_ms:.1f} | {p.rps:.0f}"
                f" | {p.p50_ms:.1f} | {p.p99_ms:.1f} | {s.rps / p.rps:.2f} |"
            )


def bench_sandbox(
    workers: int, load: Load, operations: list[str], client_calls: int
) -> tuple[Table, dict[str, int]]:
    """The sandbox with ``workers`` processes: every operation; returns figures and list sizes."""
    sizes: dict[str, int] = {}
    with tempfile.TemporaryDirectory(prefix="plivo-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        with sandbox_process(data_dir=data_dir, workers=workers, env=SANDBOX_ENV) as url:
            box = open_state(data_dir)
            try:
                masking, verify = seed(box, SEEDED)
                ids = {
                    "masking": write_ids(Path(tmp), "masking", masking),
                    "verify": write_ids(Path(tmp), "verify", verify),
                }

                def validate_ids(create_rps: float) -> Path:
                    sizes["list_verify"] = stored(box, "verify")
                    # Each validate uses up a session: more than the fastest run sends.
                    count = int(max(create_rps * 3, 8000) * load.duration)
                    say(f"  (inserting {count} in-progress Verify sessions to validate)")
                    return write_ids(Path(tmp), "validate", fresh_verify_sessions(box, count))

                results = run_operations(
                    "sandbox", url, SANDBOX_PREFIX, load, ids, validate_ids, operations
                )
                sizes["list_masking"] = stored(box, "masking")
                sizes.setdefault("list_verify", stored(box, "verify"))
                if client_calls:
                    client_overhead(url, masking, client_calls)
            finally:
                box.close()
    return results, sizes


# What must not slow down as the state grows: the lists, and a masking create
# (which checks every candidate number's sessions for a shared party and a cool-off).
FILL_OPS = ("list_masking", "list_verify", "create_masking")


def bench_fill(workers: int, load: Load, fill_to: int) -> None:
    """The lists and a masking create with 100, then ``fill_to``, stored sessions of each kind."""
    small = 100
    say(f"\nLists with {small} and {fill_to} stored sessions (sandbox, {workers} worker(s)):")
    rows = []
    with tempfile.TemporaryDirectory(prefix="plivo-bench-") as tmp:
        data_dir = Path(tmp) / "data"
        with sandbox_process(data_dir=data_dir, workers=workers, env=SANDBOX_ENV) as url:
            box = open_state(data_dir)
            try:
                figures: dict[tuple[str, int], Result] = {}
                for size in (small, fill_to):
                    started = time.perf_counter()
                    for kind in ("masking", "verify"):
                        fill(box, kind, size - stored(box, kind))
                    say(f"  filled to {size} of each in {time.perf_counter() - started:.1f} s")
                    for op in FILL_OPS:
                        if load.warmup:
                            wrk(url, op, SANDBOX_PREFIX, load, duration=load.warmup)
                        result = wrk(url, op, SANDBOX_PREFIX, load)
                        figures[op, size] = result
                        say(f"  {op:<14} {size:>8} stored  {result.line()}")
            finally:
                box.close()
    say(f"\n| operation | req/s at {small} | req/s at {fill_to} | ratio |")
    say("|---|---:|---:|---:|")
    for op in FILL_OPS:
        few, many = figures[op, small], figures[op, fill_to]
        rows.append(op)
        say(f"| {op} | {few.rps:.0f} | {many.rps:.0f} | {many.rps / few.rps:.2f} |")


# ---------------------------------------------------------------- clients


def client_overhead(url: str, uuids: list[str], calls: int) -> None:
    """µs of client-side CPU and wall time per GET: the generated client and the SDK.

    The client's functional call and its resource method, Plivo's SDK, and
    bare http.client (the floor) take turns in rounds against the same sandbox, so load from
    other processes hits them alike. CPU time is this process's only: the
    server runs in another one, so it measures the client's own work.
    """
    import plivo
    from plivo.rest import client as sdk_module
    from plivo_masking_client import PlivoClient
    from plivo_masking_client.api.masking_sessions import get_masking_session

    for name in (
        "PLIVO_API_BASE_URI",
        "API_VOICE_BASE_URI",
        "API_VOICE_BASE_URI_FALLBACK_1",
        "API_VOICE_BASE_URI_FALLBACK_2",
    ):
        setattr(sdk_module, name, f"{url}/v1/Account")
    sdk = plivo.RestClient(auth_id=DEMO_MAIN.auth_id, auth_token=DEMO_MAIN.auth_token)
    generated = PlivoClient(
        auth_id=DEMO_MAIN.auth_id,
        auth_token=DEMO_MAIN.auth_token,
        base_url=f"{url}/v1/Account/{{auth_id}}",
    )
    host, port = url.removeprefix("http://").split(":")
    raw = http.client.HTTPConnection(host, int(port))

    def raw_get(session: str) -> None:
        raw.request(
            "GET", f"{SANDBOX_PREFIX}/Masking/Session/{session}", headers={"Authorization": AUTH}
        )
        answer = raw.getresponse()
        json.loads(answer.read())

    def functional_get(session: str) -> None:
        get_masking_session.sync_detailed(uuid.UUID(session), client=generated)

    def resource_get(session: str) -> None:
        generated.masking_sessions.get(session)

    def sdk_get(session: str) -> None:
        sdk.masking_sessions.get_masking_session(session)

    ways = {
        "http.client": raw_get,
        "client, functional call": functional_get,
        "client, resource method": resource_get,
        "plivo SDK": sdk_get,
    }
    cpu = {name: 0.0 for name in ways}
    wall = {name: 0.0 for name in ways}
    rounds = 10
    per_round = max(1, calls // rounds)
    for round_number in range(rounds + 1):
        for name, get in ways.items():
            cpu_start, wall_start = time.process_time(), time.perf_counter()
            for n in range(per_round):
                get(uuids[n % len(uuids)])
            if round_number:  # the first round warms up
                cpu[name] += time.process_time() - cpu_start
                wall[name] += time.perf_counter() - wall_start
    total = per_round * rounds
    say(f"\nClient overhead, {total} sequential GETs of a masking session each:")
    say("| client | CPU µs/call | wall µs/call | CPU over http.client |")
    say("|---|---:|---:|---:|")
    base = cpu["http.client"] / total * 1e6
    for name in ways:
        each = cpu[name] / total * 1e6
        say(f"| {name} | {each:.0f} | {wall[name] / total * 1e6:.0f} | {each - base:+.0f} |")
    layer = cpu["client, resource method"] / cpu["client, functional call"] - 1
    say(f"The resource layer's CPU over the functional call: {layer:+.1%} (target: at most +5%).")
    raw.close()
    generated.get_httpx_client().close()


# ---------------------------------------------------------------- main


def main() -> None:
    """Parse the knobs, run the sandbox, then Prism, then the optional parts."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per operation")
    parser.add_argument("--connections", type=int, default=8, help="wrk -c")
    parser.add_argument("--threads", type=int, default=1, help="wrk -t (at most 5)")
    parser.add_argument(
        "--warmup", type=int, default=1, help="seconds of unmeasured load before each operation"
    )
    parser.add_argument(
        "--workers", type=int, default=SERVE_WORKERS, help="as make serve (default)"
    )
    parser.add_argument(
        "--ops",
        default=",".join(op for op, _, _ in OPERATIONS),
        help="comma-separated subset of: " + ", ".join(op for op, _, _ in OPERATIONS),
    )
    parser.add_argument("--fill", type=int, default=0, help="also lists at 100 vs N sessions")
    parser.add_argument("--client-calls", type=int, default=1000, help="0 skips the clients")
    parser.add_argument("--no-prism", action="store_true", help="the sandbox only")
    args = parser.parse_args()
    if not 1 <= args.threads <= 5:
        parser.error("--threads: 1 to 5 (each wrk thread takes 200,000 parties of a run's range)")
    if shutil.which("wrk") is None:
        sys.exit("wrk is missing: run 'make wrk' (or 'sudo apt-get install wrk')")
    load = Load(args.duration, args.connections, args.threads, args.warmup)
    operations = [op.strip() for op in args.ops.split(",") if op.strip()]
    say(
        f"wrk -t{load.threads} -c{load.connections} -d{load.duration:g}s per operation;"
        f" {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    as_serve = " (as make serve)" if args.workers == SERVE_WORKERS else ""
    say(f"Sandbox: python -m plivo_sandbox --workers {args.workers}{as_serve}")
    sandbox, sizes = bench_sandbox(args.workers, load, operations, args.client_calls)
    for op, size in sizes.items():
        if op in sandbox:
            say(f"  ({op} ran over {size} stored sessions)")
    single: Table | None = None
    if args.workers != 1:
        say("Sandbox, one worker (the per-core figure):")
        single, _ = bench_sandbox(1, load, operations, 0)
    if not args.no_prism:
        version = json.loads(PRISM_PACKAGE.read_text(encoding="utf-8"))["version"]
        say(f"Prism {version}: prism mock openapi.yaml")
        with tempfile.TemporaryDirectory(prefix="plivo-bench-") as tmp, prism_process() as url:
            # Prism answers its examples whatever the uuid: random ones do.
            ids = {kind: random_ids(Path(tmp), kind) for kind in ("masking", "verify")}
            prism = run_operations(
                "prism", url, "", load, ids, lambda _: random_ids(Path(tmp), "validate"), operations
            )
        print_side_by_side(sandbox, prism, args.workers)
        if single is not None:
            print_side_by_side(single, prism, 1)
        elif args.workers == 1:
            say("(make serve runs one worker: the sandbox column is the one-worker figure)")
    say(f"load average after the run: {os.getloadavg()[0]:.1f}")
    if args.fill:
        bench_fill(args.workers, load, args.fill)


def random_ids(directory: Path, kind: str) -> Path:
    """A file of random uuids (with an OTP for validate), for Prism."""
    otp = " 123456" if kind == "validate" else ""
    return write_ids(directory, kind, [f"{uuid.uuid4()}{otp}" for _ in range(SEEDED)])


if __name__ == "__main__":
    main()
