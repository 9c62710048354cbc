"""``python -m plivo_sandbox``: serve the sandbox with uvicorn.

Command-line flags override the environment, which overrides the config file
(see ``plivo_sandbox/sandbox.example.toml``). Every problem found before the
server can serve (a bad flag or setting, an unusable data directory, a taken
port) is one line on stderr and a non-zero exit; the "running" line is
printed only once the port is bound and the app answers.
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import os
import signal
import socket
import sys
import threading
import time
from typing import Any, NoReturn

import uvicorn
from starlette.applications import Starlette
from uvicorn.config import LOGGING_CONFIG
from uvicorn.supervisors.multiprocess import Multiprocess

from plivo_sandbox.config import ConfigError, SandboxConfig, load_config
from plivo_sandbox.exposure import exposure_notice
from plivo_sandbox.storage import SqliteStore, StoreError
from plivo_sandbox.transport import CONFIG_ATTRIBUTE, HeadTimeoutProtocol

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


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = _Parser(prog=PROG, description=__doc__)
    parser.add_argument("--config", help="TOML config file (env PLIVO_SANDBOX_CONFIG)")
    parser.add_argument("--host", help="address to listen on (env HOST, default 127.0.0.1)")
    parser.add_argument(
        "--port", type=_whole(1, 65535, "a port (1-65535)"), help="port (env PORT, default 8000)"
    )
    parser.add_argument("--data-dir", help="state directory, or :memory: (env PLIVO_SANDBOX_DATA)")
    parser.add_argument(
        "--workers",
        type=_whole(1, None, "a number of workers (1 or more)"),
        default=1,
        help="worker processes sharing one state (needs a data directory)",
    )
    parser.add_argument(
        "--max-lifetime",
        type=_positive_seconds,
        default=None,
        help="stop by itself after this many seconds (for test suites)",
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


def _bind(config: SandboxConfig) -> socket.socket:
    family = socket.AF_INET6 if ":" in config.host else socket.AF_INET
    sock = socket.socket(family)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((config.host, config.port))
    except OSError as error:
        sock.close()
        reason = error.strerror or str(error)
        if error.errno == 98 or "in use" in reason.lower():
            _fail(
                f"port {config.port} on {config.host} is in use ({reason}): stop what uses it"
                f" or pick another port, e.g. PORT={config.port + 1} or --port {config.port + 1}"
            )
        _fail(f"cannot listen on {config.host}:{config.port} ({reason}): check --host/HOST")
    sock.set_inheritable(True)  # the workers serve on it
    return sock


def log_config(config: SandboxConfig) -> dict[str, Any]:
    """uvicorn's logging with the access log redacted (``plivo_sandbox.redact``)."""
    logging_config = copy.deepcopy(LOGGING_CONFIG)
    logging_config["filters"] = {
        "redact": {"()": "plivo_sandbox.redact.AccessLogRedactor", "log_otps": config.log_otps}
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


def main(argv: list[str] | None = None) -> None:
    """Serve until interrupted (or until ``--max-lifetime`` runs out)."""
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
    sock = _bind(config)

    if args.workers > 1:
        os.environ[SUPERVISOR_ENV] = str(os.getpid())
        # Workers share one listening socket; the first to wake would accept every
        # waiting connection (a client's whole keep-alive pool), leaving the others
        # idle. libuv (under uvloop) then accepts one at a time and yields.
        os.environ.setdefault("UV_TCP_SINGLE_ACCEPT", "1")
    else:
        os.environ.pop(SUPERVISOR_ENV, None)
    uv_config = uvicorn.Config(
        "plivo_sandbox.__main__:worker_app",
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
