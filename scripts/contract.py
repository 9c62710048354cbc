"""Contract tests of openapi.yaml against any server, with the schemathesis CLI: ``make contract``.

Settings come from the environment (``make contract URL=... SEED=...`` passes its
variables that way). Credentials come from the environment only (a CI secret, or
``read -rs``): never write them on a command line. docs/contract-testing.md is
the reference users read; this list and that page name the same settings:

URL            The server, such as ``http://127.0.0.1:8000`` (a ``make serve``) or
               ``https://api.plivo.com``; ``/v1/Account/<Auth ID>`` is added unless
               the URL has it. Without URL, a throwaway sandbox is started
               (``python -m plivo_sandbox`` on a free port, in memory, with no
               Verify list limit) and stopped afterwards.
PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN (or AUTH_ID, AUTH_TOKEN)
               HTTP Basic credentials. A local server defaults to the sandbox's
               demo account; any other server needs them.
ALLOW_WRITES=1 On a server that is not local, also run the POST and DELETE
               operations. Off by default: they create sessions (which cost
               money) and send real OTPs. Needs TEST_NUMBERS.
TEST_NUMBERS   Two comma-separated E.164 numbers you own. With ALLOW_WRITES every
               phone number a request carries becomes one of them, so no OTP or
               call reaches a stranger.
SUBACCOUNTS    Comma-separated subaccount Auth IDs of the account (for the
               ``subaccount`` argument); the demo account's by default.
RATE_LIMIT     Requests allowed for the whole run, as schemathesis takes it
               (``20/m``). Default for a server that is not local: the Verify
               list's limit as openapi.yaml documents it (``x-plivo-rate-limit``,
               ``20/m``), so no operation exceeds Plivo's; none locally.
MAX_EXAMPLES   Cases per operation in the fuzzing phase (default 50 locally, 5 remote).
PHASES         Schemathesis phases (default ``examples,coverage,fuzzing,stateful``
               locally, ``examples,fuzzing`` remote: the coverage phase also probes
               undocumented methods).
MAX_TIME       Time budget of the run in seconds (optional).
SEED           The random seed (an integer), to repeat a run exactly: every run
               prints its seed at the end. Random by default. Nothing else
               carries over between runs (no example database, no cache), so
               the same seed, spec and server give the same verdict anywhere.
REPORT         The JUnit XML report (default ``reports/contract-junit.xml``).
CASSETTE       Also record every request and answer as a VCR cassette beside the
               report (``contract-cassette.yaml``): on by default for a local
               server, off for a remote one (its answers hold your customers'
               phone numbers); CASSETTE=1 or 0 decides.

The output and every file in the report's folder are scrubbed of the token and
the Basic ``Authorization`` value.

Exit status: 0 when no failure was found; 1 when the server broke the
contract (the failures are listed, and in the JUnit report); 2 when the run
could not be made (bad settings, such as a remote URL without credentials,
or a server or schema that could not be reached). Failures that
``tests/contract/hooks.py`` explains (``filter_failure``) are listed with
their reason under the summary and do not count.
"""

from __future__ import annotations

import base64
import ipaddress
import os
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

from plivo_sandbox.core.accounts import DEMO_MAIN, DEMO_SUB
from plivo_sandbox.core.spec import SPEC_PATH, ApiSpec
from plivo_sandbox.testing.process import sandbox_process

REPO_ROOT = Path(__file__).resolve().parent.parent
CONFIG = REPO_ROOT / "tests" / "contract" / "schemathesis.toml"
DEFAULT_URL = "http://127.0.0.1:8000"
SANDBOX_LIFETIME = 3600  # seconds a throwaway sandbox may live at most
DEFAULT_REPORT = REPO_ROOT / "reports" / "contract-junit.xml"
REPLACEMENT = "[Filtered]"
# Schemathesis's units of a rate limit, by their length in seconds.
_RATE_UNITS = {1: "s", 60: "m", 3600: "h", 86400: "d"}


def plivo_rate_limit(spec: ApiSpec) -> str:
    """The Verify list's documented limit (``x-plivo-rate-limit``) as schemathesis writes it."""
    rate = spec.operation("/Verify/Session", "get")["x-plivo-rate-limit"]
    return f"{rate['requests']}/{_RATE_UNITS[rate['per-seconds']]}"


class UsageError(Exception):
    """The settings do not allow a safe run."""


@dataclass(frozen=True)
class Run:
    """One contract run, as the environment describes it."""

    base_url: str
    auth_id: str
    auth_token: str
    local: bool
    allow_writes: bool
    test_numbers: tuple[str, ...]
    subaccounts: tuple[str, ...]
    rate_limit: str | None
    max_examples: int
    phases: str
    max_time: str | None
    seed: str | None
    report: Path
    cassette: bool

    @property
    def origin(self) -> str:
        """Scheme, host and port of the server."""
        parts = urlsplit(self.base_url)
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def secrets(self) -> list[str]:
        """Everything that must never be printed or kept in a report."""
        basic = base64.b64encode(f"{self.auth_id}:{self.auth_token}".encode()).decode()
        return sorted({self.auth_token, quote(self.auth_token, safe=""), basic}, key=len)[::-1]


def is_local(host: str) -> bool:
    """Whether ``host`` is this machine (loopback)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _list(value: str | None) -> tuple[str, ...]:
    return tuple(item.strip() for item in (value or "").split(",") if item.strip())


def _seed(value: str | None) -> str | None:
    if value and not value.isdigit():
        raise UsageError(f"SEED must be a non-negative integer, got {value!r}")
    return value or None


def settings_from(env: dict[str, str]) -> Run:
    """The run the environment asks for; UsageError when it would not be safe."""
    url = (env.get("URL") or DEFAULT_URL).rstrip("/")
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"URL must be an http(s) URL, got {url!r}")
    local = is_local(parts.hostname)
    auth_id = env.get("PLIVO_AUTH_ID") or env.get("AUTH_ID") or ""
    auth_token = env.get("PLIVO_AUTH_TOKEN") or env.get("AUTH_TOKEN") or ""
    if not auth_id and not auth_token and local:
        auth_id, auth_token = DEMO_MAIN.auth_id, DEMO_MAIN.auth_token
    if not auth_id or not auth_token:
        raise UsageError(
            "set PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN (or AUTH_ID and AUTH_TOKEN) in the environment"
        )
    if "/v1/Account/" not in parts.path:
        url = f"{url}/v1/Account/{auth_id}"
    allow_writes = local or env.get("ALLOW_WRITES", "") in ("1", "true", "yes")
    test_numbers = _list(env.get("TEST_NUMBERS"))
    if allow_writes and not local and len(test_numbers) < 2:
        raise UsageError(
            "ALLOW_WRITES against a server that is not local needs TEST_NUMBERS: two E.164"
            " numbers you own, which every request will use instead of generated ones"
        )
    default_subaccounts = (DEMO_SUB.auth_id,) if auth_id == DEMO_MAIN.auth_id else ()
    return Run(
        base_url=url,
        auth_id=auth_id,
        auth_token=auth_token,
        local=local,
        allow_writes=allow_writes,
        test_numbers=test_numbers,
        subaccounts=_list(env.get("SUBACCOUNTS")) or default_subaccounts,
        rate_limit=env.get("RATE_LIMIT") or (None if local else plivo_rate_limit(ApiSpec())),
        max_examples=int(env.get("MAX_EXAMPLES") or (50 if local else 5)),
        phases=env.get("PHASES")
        or ("examples,coverage,fuzzing,stateful" if local else "examples,fuzzing"),
        max_time=env.get("MAX_TIME") or None,
        seed=_seed(env.get("SEED")),
        report=Path(env.get("REPORT") or DEFAULT_REPORT).resolve(),
        cassette=env.get("CASSETTE", "1" if local else "0") in ("1", "true", "yes"),
    )


def sandbox_control_url(run: Run) -> str | None:
    """The control API of a local Plivo sandbox, if the server is one (to read sent OTPs)."""
    if not run.local:
        return None
    url = f"{run.origin}/_sandbox"
    try:
        with urllib.request.urlopen(f"{url}/health", timeout=5) as answer:
            return url if answer.status == 200 else None
    except (urllib.error.URLError, OSError):
        return None


def command(run: Run) -> list[str]:
    """The schemathesis CLI invocation (no secret in it)."""
    args = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(CONFIG), "--no-color",
        "run", str(SPEC_PATH), "--url", run.base_url,
        "--phases", run.phases, "--max-examples", str(run.max_examples),
        "--report", "junit,vcr" if run.cassette else "junit",
        "--report-dir", str(run.report.parent), "--report-junit-path", str(run.report),
    ]  # fmt: skip
    if run.cassette:
        args += ["--report-vcr-path", str(run.report.with_name("contract-cassette.yaml"))]
    if not run.allow_writes:
        args += ["--include-method", "GET"]
    if run.rate_limit:
        args += ["--rate-limit", run.rate_limit]
    if run.max_time:
        args += ["--max-time", run.max_time]
    if run.seed:
        args += ["--seed", run.seed]
    return args


def child_environment(run: Run, control_url: str | None) -> dict[str, str]:
    """What the CLI and the hooks read: credentials, the sandbox, the account's numbers."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("AUTH_ID", "AUTH_TOKEN", "PLIVO_SANDBOX_CONTROL_URL")
    }
    env |= {
        "PLIVO_AUTH_ID": run.auth_id,
        "PLIVO_AUTH_TOKEN": run.auth_token,
        "PLIVO_CONTRACT_SUBACCOUNTS": ",".join(run.subaccounts),
        "PLIVO_CONTRACT_NUMBERS": ",".join(run.test_numbers),
    }
    if control_url:
        env["PLIVO_SANDBOX_CONTROL_URL"] = control_url
    return env


def scrub(text: str, secrets: list[str]) -> str:
    """``text`` with every secret replaced."""
    for secret in secrets:
        text = text.replace(secret, REPLACEMENT)
    return text


def scrub_reports(folder: Path, secrets: list[str]) -> list[Path]:
    """Scrub every file under ``folder``; returns those that held a secret."""
    leaked = []
    for path in sorted(folder.rglob("*")) if folder.is_dir() else []:
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="surrogateescape")
        clean = scrub(text, secrets)
        if clean != text:
            path.write_text(clean, encoding="utf-8", errors="surrogateescape")
            leaked.append(path)
    return leaked


def describe(run: Run) -> str:
    """What is about to happen, in one paragraph (no secret)."""
    scope = "every operation" if run.allow_writes else "GET only (ALLOW_WRITES=1 for all)"
    limit = run.rate_limit or "none"
    return (
        f"Contract run against {run.base_url}\n"
        f"  operations: {scope}; phases: {run.phases}; examples: {run.max_examples};"
        f" rate limit: {limit}\n  report: {run.report}{' (and a cassette)' if run.cassette else ''}"
    )


def main() -> int:
    """Run schemathesis against the server the environment names; schemathesis's exit code."""
    env = dict(os.environ)
    try:
        if env.get("URL"):
            return contract_run(env, keeps_state=True)
        # A throwaway sandbox; its Verify list unthrottled so the run can use it fully.
        with sandbox_process(
            max_lifetime=SANDBOX_LIFETIME, env={"PLIVO_SANDBOX_VERIFY_RATE_LIMIT": "0"}
        ) as url:
            return contract_run({**env, "URL": url}, keeps_state=False)
    except UsageError as error:
        print(f"contract: {error}", file=sys.stderr)
        return 2


def leftovers_note(run: Run, control_url: str | None) -> str | None:
    """What a run that writes leaves behind on a server that outlives it, and how to clear it."""
    if not run.allow_writes:
        return None
    if control_url is not None:
        return (
            f"note: the run leaves its sessions in the sandbox at {run.origin} (they hold its"
            " virtual numbers and fill its lists); empty it with:\n"
            f"  curl -s -X POST -H 'Content-Type: application/json' {control_url}/reset"
        )
    return (
        f"note: the run leaves the sessions it created on {run.origin}; list them with the"
        " Masking and Verify list operations and end masking sessions with DELETE"
    )


def contract_run(env: dict[str, str], keeps_state: bool = True) -> int:
    """One schemathesis run against ``env["URL"]``; schemathesis's exit code.

    ``keeps_state``: the server outlives the run (not a throwaway sandbox), so
    the run says what it leaves behind, before and after.
    """
    run = settings_from(env)
    run.report.parent.mkdir(parents=True, exist_ok=True)
    control_url = sandbox_control_url(run)
    note = leftovers_note(run, control_url) if keeps_state else None
    print(describe(run), flush=True)
    if note:
        print(note, flush=True)
    secrets = run.secrets
    with subprocess.Popen(
        command(run),
        cwd=REPO_ROOT,
        env=child_environment(run, control_url),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            sys.stdout.write(scrub(line, secrets))
            sys.stdout.flush()
        status = process.wait()
    leaked = scrub_reports(run.report.parent, secrets)
    for path in leaked:
        print(f"contract: removed credentials from {path}", file=sys.stderr)
    if note:
        print(note, flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
