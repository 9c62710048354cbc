"""What one request costs in-process, by operation: the sandbox's own work without HTTP or load.

Run: ``.venv/bin/python bench/request_cost.py`` (``--calls N``, ``--profile OP``
for cProfile's cumulative table of the package's functions). It builds the
ASGI app over a file-backed sandbox in a temporary directory (as ``make
serve`` keeps state), then calls it directly on one event loop, one request
at a time, with a well-formed request of each operation: a GET, an update,
a validate with the right OTP (each on its own in-progress session). So the
figures hold the app's and SQLite's time only: no sockets, no HTTP parsing,
no other worker. Uses only the package's public API and the control API,
so it measures any version of the package.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import cProfile
import json
import pstats
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from starlette.types import ASGIApp, Message  # noqa: E402

from plivo_sandbox import Sandbox, create_app, load_config  # noqa: E402

Headers = list[tuple[bytes, bytes]]
WARMUP = 50


async def call(
    app: ASGIApp, method: str, path: str, headers: Headers, body: Any = None
) -> tuple[int, Any]:
    """One request straight into the ASGI app; its status and decoded JSON body."""
    raw = json.dumps(body).encode() if body is not None else b""
    if body is not None:
        headers = [*headers, (b"content-type", b"application/json")]
        headers.append((b"content-length", str(len(raw)).encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8000"), *headers],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }
    delivered = False
    answer: dict[str, Any] = {"body": b""}

    async def receive() -> Message:
        nonlocal delivered
        if not delivered:
            delivered = True
            return {"type": "http.request", "body": raw, "more_body": False}
        await asyncio.Event().wait()  # the client never disconnects
        raise AssertionError("unreachable")

    async def send(message: Message) -> None:
        if message["type"] == "http.response.start":
            answer["status"] = message["status"]
        elif message["type"] == "http.response.body":
            answer["body"] += message.get("body", b"")

    await app(scope, receive, send)
    return answer["status"], json.loads(answer["body"] or b"null")


async def measure(calls: int, profile: str) -> None:
    """Print the µs a call of each operation costs, over ``calls`` calls after a warm-up."""
    with tempfile.TemporaryDirectory() as tmp:
        config = replace(load_config(env={}), data_dir=Path(tmp), verify_list_rate_limit=0)
        account = next(iter(config.accounts.values()))
        token = base64.b64encode(f"{account.auth_id}:{account.auth_token}".encode())
        headers: Headers = [(b"authorization", b"Basic " + token)]
        base = f"/v1/Account/{account.auth_id}"
        with Sandbox(config) as sandbox:
            app = create_app(sandbox=sandbox)
            parties = {"first_party": "+14155550100", "second_party": "+14155550199"}
            _, created = await call(app, "POST", f"{base}/Masking/Session/", headers, parties)
            masking = f"{base}/Masking/Session/{created['session_uuid']}/"
            started = []
            for n in range(calls + WARMUP):
                recipient = {"recipient": f"+1415555{n % 10000:04d}"}
                _, body = await call(app, "POST", f"{base}/Verify/Session/", headers, recipient)
                uuid = body["session_uuid"]
                _, read = await call(app, "GET", f"/_sandbox/verify/sessions/{uuid}/otp", [])
                started.append((uuid, read["otp"]))

            async def get(_: int) -> tuple[int, Any]:
                return await call(app, "GET", masking, headers)

            async def update(n: int) -> tuple[int, Any]:
                return await call(app, "POST", masking, headers, {"record": n % 2 == 0})

            async def validate(n: int) -> tuple[int, Any]:
                uuid, otp = started[n]
                path = f"{base}/Verify/Session/{uuid}/"
                return await call(app, "POST", path, headers, {"otp": otp})

            operations: dict[str, Callable[[int], Awaitable[tuple[int, Any]]]] = {
                "get": get,
                "update": update,
                "validate": validate,
            }
            for name, operation in operations.items():
                for n in range(WARMUP):
                    await operation(n)
                profiler = cProfile.Profile() if name == profile else None
                begun = time.perf_counter()
                if profiler is not None:
                    profiler.enable()
                for n in range(WARMUP, WARMUP + calls):
                    status, body = await operation(n)
                    assert status == 200, body
                if profiler is not None:
                    profiler.disable()
                cost = (time.perf_counter() - begun) / calls * 1e6
                print(f"{name:<10} {cost:6.0f} µs a call{' (profiled)' if profiler else ''}")
                if profiler is not None:
                    stats = pstats.Stats(profiler).sort_stats("cumulative")
                    stats.print_stats("plivo_sandbox", 40)


def main() -> None:
    """Parse the arguments and measure."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=2000, help="calls of each operation")
    parser.add_argument("--profile", default="", help="get, update or validate under cProfile")
    args = parser.parse_args()
    asyncio.run(measure(args.calls, args.profile))


if __name__ == "__main__":
    main()
