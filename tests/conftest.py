"""Fixtures shared by every test folder: sandbox apps and real local servers."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
import uvicorn
from connexion.spec import Specification
from starlette.applications import Starlette

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.config_file import load_config
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.testing.process import free_port
from tests.callback_receiver import CallbackReceiver, running_receiver

DEMO_AUTH_ID = "MADEMO1234567890ABCD"
DEMO_AUTH_TOKEN = "demo-auth-token"
DEMO_SUB_AUTH_ID = "SADEMO1234567890ABCD"
DEMO_SUB_AUTH_TOKEN = "demo-subaccount-token"
REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _each_spec_validated_once() -> Iterator[None]:
    """Let connexion validate each distinct OpenAPI document once per test process.

    connexion checks the whole document against the OpenAPI schema on every
    ``add_api`` (0.1 s, most of ``create_app``); the tests build an app per test
    from the same two documents. The first build of each still validates it in
    full, and ``make lint`` and tests/spec validate openapi.yaml on their own.
    """
    original = Specification.__dict__["_validate_spec"]
    seen: set[str] = set()

    def validate_once(cls: type[Specification], spec: dict[str, Any]) -> None:
        key = hashlib.sha256(json.dumps(spec, sort_keys=True, default=str).encode()).hexdigest()
        if key not in seen:
            original.__func__(cls, spec)
            seen.add(key)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Specification, "_validate_spec", classmethod(validate_once))
        yield


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


@pytest.fixture(params=[True, False], ids=["fast path", "connexion alone"])
def app(sandbox: Sandbox, request: pytest.FixtureRequest) -> Starlette:
    """The ASGI app over ``sandbox``, checking every response against openapi.yaml.

    Every test that uses it runs twice: with the fast path in front of
    connexion (as served), and with connexion alone answering every request,
    so both request paths keep the same behaviour.
    """
    return create_app(sandbox=sandbox, validate_responses=True, fast_path=request.param)


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
