"""A pytest plugin: one Plivo sandbox per test session, a clean state for every test.

Installing ``plivo-sandbox`` registers it (the ``pytest11`` entry point), so
another project's tests just ask for the fixtures:

    def test_signup_sends_a_code(plivo_sandbox, plivo_credentials):
        my_app.start_2fa("+14155550123", base_url=plivo_sandbox.api_url, auth=plivo_credentials)
        code = plivo_sandbox.latest_otp("+14155550123")
        ...

* ``plivo_sandbox``: the sandbox, reset before the test (its URLs, OTPs, clock,
  forced errors, reset); see ``SandboxHandle``.
* ``plivo_credentials``: ``(auth_id, auth_token)`` of the demo main account
  (the first main account of the configuration).
* ``plivo_client``: the generated client (``plivo_masking_client.PlivoClient``)
  signed in and pointed at the sandbox; needs that optional package.
* ``plivo_sdk``: Plivo's own ``plivo.RestClient`` pointed at the sandbox;
  needs the ``plivo`` package.
* ``plivo_sandbox_url``: the sandbox's root URL, one process per test session
  (per xdist worker), on a free 127.0.0.1 port, state in memory.

The ini option ``plivo_sandbox_config`` names a TOML configuration file
(accounts, numbers; see ``sandbox.example.toml``) for the process.
"""

from __future__ import annotations

import contextlib
import json
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pytest

from plivo_sandbox.testing.process import sandbox_process

if TYPE_CHECKING:  # optional packages, imported only by the fixtures that need them
    import plivo
    from plivo_masking_client import PlivoClient

# How long the session's sandbox may live at most (it is stopped at the end anyway).
MAX_LIFETIME = 6 * 3600


class Credentials(NamedTuple):
    """HTTP Basic credentials of a sandbox account."""

    auth_id: str
    auth_token: str


class SandboxError(RuntimeError):
    """The sandbox's control API refused a request (its Plivo-shaped error text)."""


class SandboxHandle:
    """One running sandbox, through its control API (``/_sandbox``)."""

    def __init__(self, url: str, credentials: Credentials) -> None:
        self.url = url.rstrip("/")
        self.credentials = credentials

    @property
    def api_url(self) -> str:
        """The demo account's API base: ``<url>/v1/Account/<auth_id>``."""
        return f"{self.url}/v1/Account/{self.credentials.auth_id}"

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        request = urllib.request.Request(
            f"{self.url}/_sandbox{path}",
            data=None if body is None else json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method=method,
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as answer:
                return json.load(answer)
        except urllib.error.HTTPError as error:
            text = error.read().decode(errors="replace")
            with contextlib.suppress(ValueError, KeyError, TypeError):
                text = json.loads(text)["error"]
            raise SandboxError(f"{method} /_sandbox{path}: {error.code} {text}") from None

    def otp(self, session_uuid: str) -> str:
        """The OTP the sandbox "sent" for Verify session ``session_uuid``."""
        otp: str = self._call("GET", f"/verify/sessions/{session_uuid}/otp")["otp"]
        return otp

    def latest_otp(self, recipient: str) -> str:
        """The OTP of the newest Verify session sent to ``recipient`` (E.164)."""
        number = urllib.parse.quote(recipient, safe="")
        otp: str = self._call("GET", f"/verify/recipients/{number}/otp")["otp"]
        return otp

    def now(self) -> datetime:
        """The sandbox clock's current time (aware)."""
        return datetime.fromisoformat(self._call("GET", "/clock")["now"])

    def advance(self, seconds: float) -> datetime:
        """Move the sandbox clock forward by ``seconds``; the new time."""
        return datetime.fromisoformat(
            self._call("POST", "/clock/advance", {"seconds": seconds})["now"]
        )

    def set_clock(self, moment: datetime) -> datetime:
        """Move the sandbox clock forward to ``moment`` (aware; never back); the new time."""
        return datetime.fromisoformat(
            self._call("PUT", "/clock", {"now": moment.isoformat()})["now"]
        )

    def force(self, operation_id: str, status: int, count: int = 1) -> str:
        """Make the next ``count`` calls of ``operation_id`` answer ``status``; their error text."""
        body = {"operation_id": operation_id, "status": status, "count": count}
        error: str = self._call("POST", "/forced-answers", body)["error"]
        return error

    def reset(self) -> None:
        """Forget every session, rate-limit counter, forced error and clock offset."""
        self._call("POST", "/reset")


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ``plivo_sandbox_config`` ini option."""
    parser.addini(
        "plivo_sandbox_config",
        "TOML configuration file of the Plivo sandbox the plivo_sandbox fixtures start",
        default="",
    )


def _config_file(config: pytest.Config) -> Path | None:
    value = str(config.getini("plivo_sandbox_config") or "")
    return (Path(config.rootpath) / value) if value else None


@pytest.fixture(scope="session")
def plivo_sandbox_url(pytestconfig: pytest.Config) -> Iterator[str]:
    """The root URL of a sandbox process that lives for the whole test session."""
    with sandbox_process(
        data_dir=":memory:", max_lifetime=MAX_LIFETIME, config_file=_config_file(pytestconfig)
    ) as url:
        yield url


@pytest.fixture(scope="session")
def plivo_credentials(pytestconfig: pytest.Config) -> Credentials:
    """The demo main account (or the first main account of ``plivo_sandbox_config``)."""
    from plivo_sandbox.core.config_file import (
        load_config,  # the sandbox's config reader, imported late
    )

    accounts = load_config(_config_file(pytestconfig), env={}).accounts.values()
    main = next(account for account in accounts if not account.is_subaccount)
    return Credentials(main.auth_id, main.auth_token)


@pytest.fixture
def plivo_sandbox(plivo_sandbox_url: str, plivo_credentials: Credentials) -> SandboxHandle:
    """The session's sandbox, reset for this test: no sessions, real time, no forced errors."""
    handle = SandboxHandle(plivo_sandbox_url, plivo_credentials)
    handle.reset()
    return handle


@pytest.fixture
def plivo_client(plivo_sandbox: SandboxHandle) -> Iterator[PlivoClient]:
    """The generated client, signed in as ``plivo_credentials``, talking to the sandbox."""
    try:
        from plivo_masking_client import PlivoClient
    except ImportError:
        pytest.fail("plivo_client needs the generated client: pip install <checkout>/generated")
    auth_id, auth_token = plivo_sandbox.credentials
    with PlivoClient(
        auth_id=auth_id,
        auth_token=auth_token,
        base_url=f"{plivo_sandbox.url}/v1/Account/{{auth_id}}",
    ) as client:
        yield client


@pytest.fixture
def plivo_sdk(plivo_sandbox: SandboxHandle) -> Iterator[plivo.RestClient]:
    """Plivo's own ``plivo.RestClient``, pointed at the sandbox for the test's duration."""
    try:
        import plivo
    except ImportError:
        pytest.fail("plivo_sdk needs Plivo's SDK: pip install plivo")
    from plivo_sandbox.testing.plivo_sdk import plivo_sdk_pointed_at

    with plivo_sdk_pointed_at(plivo_sandbox.url):
        yield plivo.RestClient(*plivo_sandbox.credentials)
