"""``plivo-sandbox`` (``python -m plivo_sandbox``): serve the sandbox with uvicorn.

``--help`` is written for someone who installed the package and has no
checkout: plain text (``DESCRIPTION``, ``settings_help``) that names every
setting with its config-file key and environment variable, and
``--print-example-config`` hands out the commented example file the wheel
carries. ``plivo-sandbox proxy`` runs the drift proxy instead (``proxy.py``).
Every problem found before the server can serve (a bad flag or setting, an
unusable data directory, a taken port) is one line on stderr and a non-zero
exit; the "running" line is printed only once the port is bound and the app
answers.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import os
import signal
import socket
import sys
import textwrap
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any, NoReturn

import uvicorn
from starlette.applications import Starlette
from uvicorn.config import LOGGING_CONFIG
from uvicorn.supervisors.multiprocess import Multiprocess

from plivo_sandbox.control.guard import exposure_notice
from plivo_sandbox.core.config_file import ConfigError, load_config
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.http.head_timeout import CONFIG_ATTRIBUTE, HeadTimeoutProtocol
from plivo_sandbox.store.sqlite import SqliteStore, StoreError

PROG = "plivo-sandbox"
# Set for the worker processes of a multi-worker server: the supervisor's PID.
SUPERVISOR_ENV = "PLIVO_SANDBOX_SUPERVISOR_PID"
# How often a worker checks that its supervisor is alive, and how long it
# gives a graceful shutdown before it exits anyway.
WATCH_INTERVAL = 0.5
SHUTDOWN_GRACE = 3.0
# How long the supervisor waits for its workers to answer before the banner.
WORKER_START_TIMEOUT = 60.0


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        """One line, no usage block: ``plivo-sandbox: error: argument --port: ...``."""
        self.exit(2, f"{self.prog}: error: {message} (see --help)\n")


def _whole(minimum: int, maximum: int | None, what: str) -> Any:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if value < minimum or (maximum is not None and value > maximum):
            raise argparse.ArgumentTypeError(f"{value} is not {what}")
        return value

    return parse


def _positive_seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < float("inf"):
        raise argparse.ArgumentTypeError(f"{text} must be a number of seconds > 0")
    return value


# The commented example config, inside the installed package (the wheel carries it).
EXAMPLE_CONFIG = Path(__file__).resolve().parent / "sandbox.example.toml"

DESCRIPTION = """\
Serve a local, stateful sandbox of Plivo's Number Masking and Verify Session
APIs on http://HOST:PORT (Swagger UI at /docs). Stop it with Ctrl-C.

Each setting is taken from, first found: a command-line flag, an environment
variable, the TOML config file (--config or PLIVO_SANDBOX_CONFIG), the
default. Anything found wrong before the server can serve (a bad flag or
setting, an unusable data directory, a taken port) is one line on stderr and
a non-zero exit status; "Plivo sandbox running on ..." is printed once the
server answers.
"""

# Each setting of the config file: (key, environment variable or "" for the file
# only, what it sets). config.load_config reads them; the defaults shown are its own.
SETTINGS: tuple[tuple[str, str, str], ...] = (
    ("host", "HOST", "address to listen on (--host)"),
    ("port", "PORT", "port to listen on (--port)"),
    (
        "data_dir",
        "PLIVO_SANDBOX_DATA",
        "directory of the state every worker shares, or :memory: to keep nothing (--data-dir)",
    ),
    ("verify_code_ttl", "PLIVO_SANDBOX_OTP_TTL", "seconds a Verify OTP stays valid"),
    (
        "verify_list_rate_limit",
        "PLIVO_SANDBOX_VERIFY_RATE_LIMIT",
        "Verify list requests per account in the window (0: no limit)",
    ),
    (
        "verify_list_rate_window",
        "PLIVO_SANDBOX_VERIFY_RATE_WINDOW",
        "that window, in seconds",
    ),
    ("verify_charges", "", "USD per Verify delivery attempt, by channel"),
    ("masking_call_rate", "", "USD a minute per leg of a simulated masking call"),
    ("masking_billing_increment", "", "seconds a simulated call is billed in"),
    (
        "callback_allowed_hosts",
        "PLIVO_SANDBOX_CALLBACK_HOSTS",
        "hosts callbacks may go to besides this machine (comma-separated; * for any)",
    ),
    (
        "callback_timeout",
        "PLIVO_SANDBOX_CALLBACK_TIMEOUT",
        "seconds a callback receiver has to answer",
    ),
    (
        "read_timeout",
        "PLIVO_SANDBOX_READ_TIMEOUT",
        "seconds a client has to send a request head, and then its body",
    ),
    (
        "lock_timeout",
        "PLIVO_SANDBOX_LOCK_TIMEOUT",
        "seconds a write waits for the database lock before a retryable 503",
    ),
    (
        "control_token",
        "PLIVO_SANDBOX_CONTROL_TOKEN",
        "Bearer token the control API (/_sandbox) requires; without one it answers on"
        " a loopback address only",
    ),
    (
        "public_url",
        "PLIVO_SANDBOX_PUBLIC_URL",
        "the URL clients reach the sandbox at, for the links it hands out",
    ),
    (
        "docs_accounts",
        "PLIVO_SANDBOX_DOCS_ACCOUNTS",
        "/docs shows and pre-authorizes accounts other than the demo ones",
    ),
    (
        "trusted_proxies",
        "PLIVO_SANDBOX_TRUSTED_PROXIES",
        "proxies whose X-Forwarded-* headers count (comma-separated; * for any)",
    ),
    ("log_otps", "PLIVO_SANDBOX_LOG_OTPS", "log each OTP sent (an OTP in a log is a secret)"),
    ("accounts", "", "the accounts and their virtual numbers"),
)


def _shown(value: Any) -> str:
    """A default as the help shows it (as it would be written in the config file)."""
    if isinstance(value, Mapping):
        return ", ".join(f"{key} {amount}" for key, amount in value.items()) or "none"
    if isinstance(value, tuple):
        return ", ".join(value) or "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value) if value != "" else "none"


def settings_help() -> str:
    """The settings, their environment variables and defaults, and where the example is."""
    defaults = load_config(env={})  # no file, no environment: the defaults
    rows = [("--config FILE", "PLIVO_SANDBOX_CONFIG", "the TOML config file to read", "none")]
    for key, variable, meaning in SETTINGS:
        default = "the demo accounts" if key == "accounts" else _shown(getattr(defaults, key))
        rows.append((key, variable or "(config file only)", meaning, default))
    lines = ["settings (config file key, environment variable):"]
    for key, variable, meaning, default in rows:
        lines.append(f"  {key:<27}{variable}")
        lines += textwrap.wrap(
            f"{meaning}; default {default}",
            width=78,
            initial_indent=" " * 6,
            subsequent_indent=" " * 6,
        )
    lines += [
        "",
        "The example config file explains every key and holds the demo accounts:",
        f"  {PROG} --print-example-config > sandbox.toml",
        f"  (the file itself: {EXAMPLE_CONFIG})",
        "",
        f"The drift proxy: {PROG} proxy --upstream https://api.plivo.com",
        f"  (see {PROG} proxy --help).",
    ]
    return "\n".join(lines)


class _PrintExampleConfig(argparse.Action):
    """``--print-example-config``: the example file on stdout, then exit (like ``--help``)."""

    def __init__(self, option_strings: list[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> NoReturn:
        sys.stdout.write(EXAMPLE_CONFIG.read_text(encoding="utf-8"))
        parser.exit()


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(
        prog=PROG,
        description=DESCRIPTION,
        epilog=settings_help(),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--config", metavar="FILE", help="TOML config file (env PLIVO_SANDBOX_CONFIG)"
    )
    parser.add_argument(
        "--host", metavar="ADDRESS", help="address to listen on (env HOST, default 127.0.0.1)"
    )
    parser.add_argument(
        "--port", type=_whole(1, 65535, "a port (1-65535)"), help="port (env PORT, default 8000)"
    )
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="state directory, or :memory: (env PLIVO_SANDBOX_DATA, default data)",
    )
    parser.add_argument(
        "--workers",
        type=_whole(1, None, "a number of workers (1 or more)"),
        default=1,
        help="worker processes sharing one state (needs a data directory; default 1)",
    )
    parser.add_argument(
        "--max-lifetime",
        metavar="SECONDS",
        type=_positive_seconds,
        default=None,
        help="stop by itself after this many seconds (for test suites)",
    )
    parser.add_argument(
        "--print-example-config",
        action=_PrintExampleConfig,
        help="print the example config file (every key explained) and exit",
    )
    return parser.parse_args(argv)


def _fail(message: str) -> NoReturn:
    print(f"{PROG}: {message}", file=sys.stderr, flush=True)
    sys.exit(1)


def _check_data_dir(config: SandboxConfig) -> None:
    """Open the store once, as every worker will, and read it whole: fail here, not later."""
    if config.data_dir is None:
        return
    try:
        store = SqliteStore(config.data_dir, config.lock_timeout)
    except StoreError as error:
        _fail(str(error))
    try:
        store.check()
    except StoreError as error:
        _fail(str(error))
    finally:
        store.close()


def _bind(host: str, port: int, *, from_env: bool = True) -> socket.socket:
    """The listening socket, or one line on stderr (``from_env``: HOST and PORT apply)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as error:
        sock.close()
        reason = error.strerror or str(error)
        if error.errno == 98 or "in use" in reason.lower():
            other = f"PORT={port + 1} or --port {port + 1}" if from_env else f"--port {port + 1}"
            _fail(
                f"port {port} on {host} is in use ({reason}): stop what uses it"
                f" or pick another port, e.g. {other}"
            )
        _fail(
            f"cannot listen on {host}:{port} ({reason}): check --host"
            + ("/HOST" if from_env else "")
        )
    sock.set_inheritable(True)  # the workers serve on it
    return sock


def log_config(config: SandboxConfig) -> dict[str, Any]:
    """uvicorn's logging with the access log redacted (``plivo_sandbox.server.access_log``)."""
    logging_config = copy.deepcopy(LOGGING_CONFIG)
    logging_config["filters"] = {
        "redact": {
            "()": "plivo_sandbox.server.access_log.AccessLogRedactor",
            "log_otps": config.log_otps,
        }
    }
    logging_config["handlers"]["access"]["filters"] = ["redact"]
    logging_config["loggers"]["plivo_sandbox"] = {
        "handlers": ["default"],
        "level": "INFO",
        "propagate": False,
    }
    return logging_config


def server_options(config: SandboxConfig) -> dict[str, Any]:
    """uvicorn settings that follow the sandbox configuration.

    Proxy headers (``X-Forwarded-For``...) are trusted only from the
    configured ``trusted_proxies``: otherwise any local program could claim
    another client address (Verify's ``requestor_ip``). Request heads have a
    deadline (``HeadTimeoutProtocol``).
    """
    return {
        "http": HeadTimeoutProtocol,
        "proxy_headers": bool(config.trusted_proxies),
        "forwarded_allow_ips": config.trusted_proxies or None,
        "log_config": log_config(config),
        "log_level": "info",
    }


def worker_app() -> Starlette:
    """App factory of every worker process; a worker of a supervisor watches it."""
    from plivo_sandbox.app import create_app_from_env

    supervisor = os.environ.get(SUPERVISOR_ENV)
    if supervisor and supervisor.isdigit() and int(supervisor) != os.getpid():
        _watch_supervisor(int(supervisor))
    return create_app_from_env()


def _watch_supervisor(supervisor: int) -> None:
    """Stop this worker when the supervisor dies (even by ``kill -9``): no orphan serves on."""

    def watch() -> None:
        while os.getppid() == supervisor:
            time.sleep(WATCH_INTERVAL)
        os.kill(os.getpid(), signal.SIGTERM)  # uvicorn's graceful shutdown
        time.sleep(SHUTDOWN_GRACE)
        os._exit(1)

    threading.Thread(target=watch, name="supervisor-watch", daemon=True).start()


def _banner(config: SandboxConfig) -> None:
    print(
        f"Plivo sandbox running on http://{config.host}:{config.port}  (Swagger UI: /docs)",
        flush=True,
    )


class _Server(uvicorn.Server):
    """One process: the banner once the app has started and the socket serves."""

    def __init__(self, config: uvicorn.Config, sandbox: SandboxConfig) -> None:
        super().__init__(config)
        self.sandbox = sandbox

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.started and not self.should_exit:
            _banner(self.sandbox)


class _Supervisor(Multiprocess):
    """Several workers: the banner once every worker answers."""

    def __init__(self, config: uvicorn.Config, sock: socket.socket, sandbox: SandboxConfig):
        super().__init__(config, sockets=[sock])
        self.sandbox = sandbox

    def init_processes(self) -> None:
        super().init_processes()
        if all(
            process.wait_until_ready(WORKER_START_TIMEOUT, self.should_exit)
            for process in self.processes
        ):
            _banner(self.sandbox)


PROXY_DESCRIPTION = """\
Relay every request unchanged to --upstream and its answer unchanged back,
and check both against openapi.yaml with the sandbox's own validators. Each
new kind of mismatch (operation, where, what) is printed once as it happens;
a summary with the count of each kind follows on exit (Ctrl-C or SIGTERM).
Clients send their own credentials (from their environment): the proxy holds
none, logs no request and saves no header. See docs/proxy.md.

exit status: 0, or 1 when the proxy could not start, or with --fail-on-drift
when any mismatch was seen; 2 for a bad argument.
"""


def _parse_proxy_args(argv: list[str]) -> argparse.Namespace:
    # Imported here: serving the sandbox needs none of the proxy's modules.
    from plivo_sandbox.proxy.relay import DEFAULT_HOST, DEFAULT_PORT, DEFAULT_TIMEOUT, upstream_url

    parser = _Parser(
        prog=f"{PROG} proxy",
        description=PROXY_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "--upstream",
        metavar="URL",
        required=True,
        help="the API to relay to, e.g. https://api.plivo.com (no credentials in it)",
    )
    parser.add_argument(
        "--host",
        default=DEFAULT_HOST,
        metavar="ADDRESS",
        help=f"address to listen on (default {DEFAULT_HOST}; any other is announced as"
        " reachable from other machines)",
    )
    parser.add_argument(
        "--port",
        metavar="PORT",
        type=_whole(1, 65535, "a port (1-65535)"),
        default=DEFAULT_PORT,
        help=f"port to listen on (default {DEFAULT_PORT})",
    )
    parser.add_argument(
        "--spec",
        default=None,
        metavar="FILE",
        help="the OpenAPI document to check against (default openapi.yaml)",
    )
    parser.add_argument(
        "--timeout",
        metavar="SECONDS",
        type=_positive_seconds,
        default=DEFAULT_TIMEOUT,
        help=f"seconds the upstream has for a whole answer, else 504 (default {DEFAULT_TIMEOUT:g})",
    )
    parser.add_argument(
        "--read-timeout",
        metavar="SECONDS",
        type=_positive_seconds,
        default=None,
        help="seconds a client has to send a request head, and then its body (default 10)",
    )
    parser.add_argument(
        "--report",
        metavar="FILE",
        help="write the JSON report here (on each new kind, and on exit)",
    )
    parser.add_argument(
        "--save-fixtures",
        metavar="DIR",
        help="save exchanges, redacted, as fixtures in DIR (e.g. tests/fixtures/proxy)",
    )
    parser.add_argument(
        "--fixtures-per-operation",
        metavar="N",
        type=_whole(1, None, "a number of fixtures (1 or more)"),
        default=None,
        help="answers saved per operation and status in a run, besides those showing new"
        " drift (default 5)",
    )
    parser.add_argument(
        "--fail-on-drift", action="store_true", help="exit with status 1 if any mismatch was seen"
    )
    parser.add_argument(
        "--insecure-upstream",
        action="store_true",
        help="allow a plain-http upstream that is not on this machine (credentials unencrypted)",
    )
    parser.add_argument(
        "--max-lifetime",
        type=_positive_seconds,
        default=None,
        help="stop by itself after this many seconds (for test suites and CI jobs)",
        metavar="SECONDS",
    )
    args = parser.parse_args(argv)
    try:
        args.upstream = upstream_url(args.upstream, allow_plain_http=args.insecure_upstream)
    except ValueError as error:
        parser.error(f"argument --upstream: {error}")
    return args


def proxy_main(argv: list[str]) -> NoReturn:
    """``plivo-sandbox proxy``: relay and check until interrupted; exit with its status."""
    from plivo_sandbox.proxy.relay import ProxySettings, exposure_warning, run_proxy

    args = _parse_proxy_args(argv)
    optional = {
        "spec": None if args.spec is None else Path(args.spec),
        "read_timeout": args.read_timeout,
        "report": None if args.report is None else Path(args.report),
        "save_fixtures": None if args.save_fixtures is None else Path(args.save_fixtures),
        "fixtures_per_operation": args.fixtures_per_operation,
        "max_lifetime": args.max_lifetime,
    }
    settings = ProxySettings(
        upstream=args.upstream,
        host=args.host,
        port=args.port,
        timeout=args.timeout,
        fail_on_drift=args.fail_on_drift,
        **{name: value for name, value in optional.items() if value is not None},
    )
    if not settings.spec.is_file():
        _fail(f"no OpenAPI document at {settings.spec}: check --spec")
    warning = exposure_warning(settings)
    if warning:
        print(warning, file=sys.stderr, flush=True)
    sock = _bind(settings.host, settings.port, from_env=False)
    sys.exit(run_proxy(settings, sock))


def main(argv: list[str] | None = None) -> None:
    """Serve until interrupted (or until ``--max-lifetime`` runs out)."""
    given = sys.argv[1:] if argv is None else argv
    if given[:1] == ["proxy"]:
        proxy_main(given[1:])
    args = _parse_args(argv)
    # Workers are separate processes that build the app from the environment.
    for name, value in (
        ("PLIVO_SANDBOX_CONFIG", args.config),
        ("HOST", args.host),
        ("PORT", args.port),
        ("PLIVO_SANDBOX_DATA", args.data_dir),
    ):
        if value is not None:
            os.environ[name] = str(value)
    try:
        config = load_config()
    except ConfigError as error:
        _fail(f"configuration error: {error}")
    if args.workers > 1 and config.data_dir is None:
        _fail(
            f"--workers {args.workers} needs a data directory: with :memory: each worker"
            " would keep its own sessions, clock and rate limits; pass --data-dir DIR"
            " (or run one worker)"
        )
    _check_data_dir(config)
    notice = exposure_notice(config)
    if notice:
        print(notice, file=sys.stderr, flush=True)
    sock = _bind(config.host, config.port)

    if args.workers > 1:
        os.environ[SUPERVISOR_ENV] = str(os.getpid())
        # Workers share one listening socket; the first to wake would accept every
        # waiting connection (a client's whole keep-alive pool), leaving the others
        # idle. libuv (under uvloop) then accepts one at a time and yields.
        os.environ.setdefault("UV_TCP_SINGLE_ACCEPT", "1")
    else:
        os.environ.pop(SUPERVISOR_ENV, None)
    uv_config = uvicorn.Config(
        "plivo_sandbox.server.cli:worker_app",
        factory=True,
        host=config.host,
        port=config.port,
        workers=args.workers,
        **server_options(config),
    )
    # Pickled with the config into every worker, for HeadTimeoutProtocol.
    setattr(uv_config, CONFIG_ATTRIBUTE, config.read_timeout)
    stop: Any
    if args.workers > 1:
        supervisor = _Supervisor(uv_config, sock, config)
        run: Any = supervisor.run
        stop = supervisor.should_exit.set
    else:
        server = _Server(uv_config, config)

        def run() -> None:
            server.run(sockets=[sock])

        def stop() -> None:
            server.should_exit = True

    if args.max_lifetime:
        timer = threading.Timer(args.max_lifetime, stop)
        timer.daemon = True
        timer.start()
    with contextlib.suppress(KeyboardInterrupt):
        run()
    if args.workers == 1 and not server.started:
        sys.exit(1)  # uvicorn has logged why the app could not start


if __name__ == "__main__":
    main()
