"""The ceiling of this machine for one sandbox GET: a bare ASGI app under uvicorn.

``serve`` is the least a GET of a masking session can do: check the Basic
credentials, read the session's row from SQLite (same schema and file as
the sandbox, one connection, on the event loop: no thread pool), add an
``api_id`` and dump the stored record as JSON. No
connexion, no validation, no rendering; ``--domain`` answers with the
sandbox's own ``MaskingService.get`` instead (its clock read, transaction and
rendering), still without connexion, and ``--thread`` calls it in anyio's
thread pool as connexion does with a sync handler. ``main`` fills a sandbox data dir,
serves this app with uvicorn (httptools + uvloop) and runs the same wrk load
as ``make bench``'s get, so the two figures compare.

    .venv/bin/python bench/ceiling.py [--duration 10] [--connections 8]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio.to_thread


def dumps(value: Any) -> bytes:
    """The standard library's JSON (orjson measured the same here: one small record)."""
    return json.dumps(value).encode()


sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

Scope = dict[str, Any]
Receive = Callable[[], Awaitable[dict[str, Any]]]
Send = Callable[[dict[str, Any]], Awaitable[None]]


class CeilingApp:
    """GET /v1/Account/{auth_id}/Masking/Session/{uuid}: one SQLite read, one JSON dump."""

    def __init__(self, db: str, auth: bytes) -> None:
        self.conn = sqlite3.connect(db, isolation_level=None, check_same_thread=False)
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.auth = auth

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        headers = dict(scope["headers"])
        session = scope["path"].rstrip("/").rsplit("/", 1)[-1]
        status, body = 401, b'{"error": "authentication failed"}'
        if headers.get(b"authorization") == self.auth:
            found = self.conn.execute(
                "SELECT data FROM sessions WHERE kind = 'masking' AND uuid = ?", (session,)
            ).fetchone()
            status, body = 404, b'{"error": "not found"}'
            if found is not None:
                status = 200
                body = dumps({"api_id": str(uuid.uuid4()), "response": json.loads(found[0])})
        await send(
            {
                "type": "http.response.start",
                "status": status,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": body})


class DomainCeilingApp(CeilingApp):
    """The same, but the sandbox's own ``MaskingService.get`` (two transactions, rendering)."""

    def __init__(self, db: str, auth: bytes) -> None:
        from plivo_sandbox.assembly import Sandbox
        from plivo_sandbox.core.accounts import demo_accounts
        from plivo_sandbox.core.settings import SandboxConfig

        super().__init__(db, auth)
        self.box = Sandbox(SandboxConfig(accounts=demo_accounts(), data_dir=Path(db).parent))
        self.caller = next(iter(self.box.config.accounts.values()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return
        session = scope["path"].rstrip("/").rsplit("/", 1)[-1]
        if os.environ.get("CEILING_THREAD"):
            # As connexion runs a sync handler: in a worker thread of anyio's pool.
            found = await anyio.to_thread.run_sync(
                self.box.run, self.box.masking.get, self.caller, session
            )
        else:
            found = self.box.run(self.box.masking.get, self.caller, session)
        answer = {"api_id": str(uuid.uuid4()), **found}
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [(b"content-type", b"application/json")],
            }
        )
        await send({"type": "http.response.body", "body": dumps(answer)})


def app_from_env() -> CeilingApp:
    """uvicorn factory: the database and credentials from the environment."""
    kind = DomainCeilingApp if os.environ.get("CEILING_DOMAIN") else CeilingApp
    return kind(os.environ["CEILING_DB"], os.environ["CEILING_AUTH"].encode())


def main() -> None:
    """Fill, serve, measure with wrk."""
    from bench import AUTH, SANDBOX_PREFIX, Load, open_state, seed, write_ids, wrk
    from plivo_sandbox.testing.process import free_port

    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--duration", type=int, default=10)
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--domain", action="store_true", help="answer with the sandbox's MaskingService.get"
    )
    parser.add_argument(
        "--thread", action="store_true", help="with --domain: call it in anyio's thread pool"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="plivo-ceiling-") as tmp:
        data_dir = Path(tmp) / "data"
        box = open_state(data_dir)
        masking, _ = seed(box, 200)
        box.close()
        ids = write_ids(Path(tmp), "masking", masking)
        port = free_port()
        env = {**os.environ, "CEILING_DB": str(data_dir / "sandbox.sqlite3"), "CEILING_AUTH": AUTH}
        if args.domain or args.thread:
            env["CEILING_DOMAIN"] = "1"
        if args.thread:
            env["CEILING_THREAD"] = "1"
        command = [
            sys.executable, "-m", "uvicorn", "--factory", "ceiling:app_from_env",
            "--app-dir", str(Path(__file__).parent), "--host", "127.0.0.1", "--port", str(port),
            "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        server = subprocess.Popen(command, env=env)
        try:
            time.sleep(2)
            url = f"http://127.0.0.1:{port}"
            load = Load(args.duration, args.connections, 1, 0)
            wrk(url, "get_masking", SANDBOX_PREFIX, load, ids, duration=1)
            result = wrk(url, "get_masking", SANDBOX_PREFIX, load, ids)
            what = "one SELECT"
            if args.domain or args.thread:
                what = "MaskingService.get" + (" in a worker thread" if args.thread else "")
            print(f"ceiling GET (bare ASGI, {what}, uvicorn httptools+uvloop):")
            print(f"  {result.line()}")
        finally:
            server.terminate()
            server.wait(timeout=30)


if __name__ == "__main__":
    main()
