"""Load figures for the sandbox: requests per second for get, create and list.

Starts ``python -m plivo_sandbox`` (file-backed SQLite, ``--workers`` processes)
on a free local port, drives it from this process with an async httpx client
at a fixed concurrency for a fixed number of requests per operation, and
prints throughput and latency percentiles. The server stops by itself.

    .venv/bin/python bench/load_sandbox.py [--requests 2000] [--concurrency 16] [--workers 2]
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable

import httpx

from plivo_sandbox.config import DEMO_MAIN
from plivo_sandbox.process import sandbox_process


def progress(text: str) -> None:
    """Show ``text`` on one line of the terminal, overwritten by the next (nothing when piped)."""
    if sys.stderr.isatty():
        sys.stderr.write(f"\r{text:<40}\r" if text else f"\r{'':<40}\r")
        sys.stderr.flush()


async def run(
    name: str, requests: int, concurrency: int, send: Callable[[int], Awaitable[httpx.Response]]
) -> None:
    """Send ``requests`` calls with ``concurrency`` in flight; print the figures."""
    latencies: list[float] = []
    failures = 0
    counter = iter(range(requests))
    step = max(requests // 20, 1)  # progress every 5%

    async def worker() -> None:
        nonlocal failures
        for n in counter:
            started = time.perf_counter()
            response = await send(n)
            latencies.append(time.perf_counter() - started)
            if response.status_code >= 400:
                failures += 1
            if len(latencies) % step == 0:
                progress(f"{name:<8} {len(latencies)}/{requests}")

    started = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(concurrency)))
    elapsed = time.perf_counter() - started
    progress("")
    quantiles = statistics.quantiles(latencies, n=100)
    print(
        f"{name:<8} {requests / elapsed:8.0f} req/s   p50 {quantiles[49] * 1000:6.1f} ms"
        f"   p99 {quantiles[98] * 1000:6.1f} ms   errors {failures}"
    )


async def bench(base: str, requests: int, concurrency: int) -> None:
    """Create, then get and list, against the server at ``base``."""
    token = base64.b64encode(f"{DEMO_MAIN.auth_id}:{DEMO_MAIN.auth_token}".encode()).decode()
    limits = httpx.Limits(max_connections=concurrency)
    async with httpx.AsyncClient(
        base_url=f"{base}/v1/Account/{DEMO_MAIN.auth_id}",
        headers={"Authorization": f"Basic {token}"},
        limits=limits,
        timeout=30,
    ) as client:
        uuids: list[str] = []

        async def create(n: int) -> httpx.Response:
            # Distinct parties, so that numbers can be shared between sessions.
            body = {"first_party": f"+1415{n:07d}", "second_party": f"+1628{n:07d}"}
            response = await client.post("/Masking/Session/", json=body)
            if response.status_code == 201:
                uuids.append(response.json()["session_uuid"])
            return response

        async def get(n: int) -> httpx.Response:
            return await client.get(f"/Masking/Session/{uuids[n % len(uuids)]}/")

        async def list_page(n: int) -> httpx.Response:
            return await client.get("/Masking/Session/", params={"limit": 20, "offset": n % 100})

        print(f"{requests} requests per operation, {concurrency} in flight")
        await run("create", requests, concurrency, create)
        await run("get", requests, concurrency, get)
        await run("list", requests, concurrency, list_page)


def main() -> None:
    """Parse the flags, start the sandbox, measure, stop it."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    print(f"starting the sandbox ({args.workers} worker(s))...", flush=True)
    with (
        tempfile.TemporaryDirectory() as data_dir,
        sandbox_process(data_dir=data_dir, workers=args.workers) as url,
    ):
        print(f"sandbox: {args.workers} worker(s), SQLite in a temporary directory")
        asyncio.run(bench(url, args.requests, args.concurrency))


if __name__ == "__main__":
    main()
