"""Fixtures shared by every test folder: sandbox apps and real local servers."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from starlette.applications import Starlette

from plivo_sandbox.app import create_app
from plivo_sandbox.config import SandboxConfig, load_config
from plivo_sandbox.process import free_port
from plivo_sandbox.sandbox import Sandbox
from tests.callback_receiver import CallbackReceiver, running_receiver

DEMO_AUTH_ID = "MADEMO1234567890ABCD"
DEMO_AUTH_TOKEN = "demo-auth-token"
DEMO_SUB_AUTH_ID = "SADEMO1234567890ABCD"
DEMO_SUB_AUTH_TOKEN = "demo-subaccount-token"
REPO_ROOT = Path(__file__).resolve().parent.parent


def demo_config(**changes: object) -> SandboxConfig:
    """The default demo configuration, in memory, with ``changes`` applied."""
    base = load_config(env={})
    return replace(base, data_dir=None, **changes)  # type: ignore[arg-type]


@pytest.fixture
def sandbox_config() -> SandboxConfig:
    """Demo accounts, in-memory state (override in a test module to change it)."""
    return demo_config()


@pytest.fixture
def sandbox(sandbox_config: SandboxConfig) -> Iterator[Sandbox]:
    """A fresh sandbox per test."""
    box = Sandbox(sandbox_config)
    yield box
    box.close()


@pytest.fixture
def app(sandbox: Sandbox) -> Starlette:
    """The ASGI app over ``sandbox``, checking every response against openapi.yaml."""
    return create_app(sandbox=sandbox, validate_responses=True)


@contextmanager
def serve_in_thread(app: Starlette, **options: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on a free local port; yields the base URL.

    ``options`` go to ``uvicorn.Config`` (proxy headers are off by default,
    as `python -m plivo_sandbox` serves).
    """
    settings: dict[str, Any] = {"log_level": "warning", "proxy_headers": False, **options}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=free_port(), **settings))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the sandbox server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{server.config.port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture
def live_url(app: Starlette) -> Iterator[str]:
    """``app`` served over real HTTP on 127.0.0.1 for the duration of one test."""
    with serve_in_thread(app) as url:
        yield url


@pytest.fixture
def receiver() -> Iterator[CallbackReceiver]:
    """A real webhook receiver on 127.0.0.1 (see tests/callback_receiver.py)."""
    with running_receiver() as running:
        yield running
