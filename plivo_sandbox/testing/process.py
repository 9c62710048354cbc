"""Run the sandbox as a separate process, for test suites and benchmarks.

    from plivo_sandbox.testing.process import sandbox_process

    with sandbox_process(max_lifetime=300) as url:   # e.g. http://127.0.0.1:41234
        ...  # point your client at f"{url}/v1/Account/MADEMO1234567890ABCD"

The process listens on 127.0.0.1 only and stops by itself after
``max_lifetime`` seconds even if the caller dies without cleaning up.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path


class SandboxDidNotStart(RuntimeError):
    """The sandbox process exited or did not answer in time."""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2) as answer:
            return bool(answer.status == 200)
    except (urllib.error.URLError, OSError):
        return False


def wait_until_answering(url: str, process: subprocess.Popen[bytes], timeout: float = 60) -> None:
    """Wait until the sandbox ``process`` started at ``url`` answers its health check.

    Raises SandboxDidNotStart (with the process's stderr) when it exits first
    or does not answer within ``timeout`` seconds.
    """
    deadline = time.monotonic() + timeout
    while not _answers(f"{url}/_sandbox/health"):
        if process.poll() is not None:
            stderr = process.stderr.read().decode() if process.stderr else ""
            raise SandboxDidNotStart(f"the sandbox process exited: {stderr}")
        if time.monotonic() > deadline:
            raise SandboxDidNotStart("the sandbox process did not answer in time")
        time.sleep(0.1)


@contextmanager
def sandbox_process(
    *,
    data_dir: str | Path = ":memory:",
    workers: int = 1,
    max_lifetime: float = 600,
    config_file: Path | None = None,
    env: Mapping[str, str] | None = None,
    startup_timeout: float = 60,
) -> Iterator[str]:
    """``python -m plivo_sandbox`` on a free local port; yields its base URL.

    ``env`` is added to this process's environment (e.g.
    ``PLIVO_SANDBOX_VERIFY_RATE_LIMIT``). The process is terminated on exit.
    Several ``workers`` must share one state: with the default ``:memory:``
    they get a temporary data directory, removed afterwards.
    """
    if workers > 1 and str(data_dir) == ":memory:":
        shared = tempfile.TemporaryDirectory(prefix="plivo-sandbox-")
        with (
            shared,
            sandbox_process(
                data_dir=shared.name,
                workers=workers,
                max_lifetime=max_lifetime,
                config_file=config_file,
                env=env,
                startup_timeout=startup_timeout,
            ) as url,
        ):
            yield url
        return
    port = free_port()
    command = [
        sys.executable, "-m", "plivo_sandbox", "--port", str(port), "--workers", str(workers),
        "--data-dir", str(data_dir), "--max-lifetime", str(max_lifetime),
    ]  # fmt: skip
    if config_file is not None:
        command += ["--config", str(config_file)]
    process = subprocess.Popen(
        command,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(url, process, startup_timeout)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
