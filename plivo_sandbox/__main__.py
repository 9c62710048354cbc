"""``python -m plivo_sandbox``: serve the sandbox with uvicorn.

Command-line flags override the environment, which overrides the config file
(see ``plivo_sandbox/sandbox.example.toml``).
"""

from __future__ import annotations

import argparse
import os
import signal
import threading

import uvicorn

from plivo_sandbox.config import load_config


def _parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="plivo-sandbox", description=__doc__)
    parser.add_argument("--config", help="TOML config file (env PLIVO_SANDBOX_CONFIG)")
    parser.add_argument("--host", help="address to listen on (env HOST, default 127.0.0.1)")
    parser.add_argument("--port", type=int, help="port (env PORT, default 8000)")
    parser.add_argument("--data-dir", help="state directory, or :memory: (env PLIVO_SANDBOX_DATA)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes sharing one state")
    parser.add_argument(
        "--max-lifetime",
        type=float,
        default=None,
        help="stop by itself after this many seconds (for test suites)",
    )
    return parser.parse_args(argv)


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
    config = load_config()
    if args.max_lifetime:
        timer = threading.Timer(args.max_lifetime, os.kill, (os.getpid(), signal.SIGINT))
        timer.daemon = True
        timer.start()
    print(f"Plivo sandbox on http://{config.host}:{config.port}  (Swagger UI: /docs)", flush=True)
    uvicorn.run(
        "plivo_sandbox.app:create_app_from_env",
        factory=True,
        host=config.host,
        port=config.port,
        workers=args.workers,
        log_level="info",
    )


if __name__ == "__main__":
    main()
