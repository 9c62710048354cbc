"""``plivo-sandbox proxy`` as a user runs it: its settings, its output, its exit status."""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import httpx

from plivo_sandbox.proxy.relay import ProxySettings, exposure_warning, upstream_url
from plivo_sandbox.testing.process import free_port
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, REPO_ROOT
from tests.proxy.conftest import SESSION_PATH

AUTH = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)


def proxy_command(*flags: str) -> list[str]:
    return [sys.executable, "-m", "plivo_sandbox", "proxy", *flags]


def run(*flags: str) -> subprocess.CompletedProcess[str]:
    """Run the proxy until it exits by itself (a refusal, or --help)."""
    return subprocess.run(
        proxy_command(*flags),
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_help_names_every_setting() -> None:
    shown = run("--help").stdout
    flags = {f"--{field.name.replace('_', '-')}" for field in dataclasses.fields(ProxySettings)}
    assert {flag for flag in flags | {"--insecure-upstream"} if flag not in shown} == set()
    assert "exit status" in shown


def test_an_upstream_url_with_credentials_is_refused_without_echoing_them() -> None:
    result = run("--upstream", "https://MAX:hunter2@api.plivo.com")
    assert result.returncode == 2
    assert "must not hold credentials" in result.stderr and "hunter2" not in result.stderr


def test_plain_http_to_another_machine_is_refused() -> None:
    result = run("--upstream", "http://api.plivo.com")
    assert result.returncode == 2 and "--insecure-upstream" in result.stderr


def test_a_taken_port_is_one_line_and_status_1(departing_upstream: str) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        result = run("--upstream", departing_upstream, "--port", str(port))
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        line for line in result.stderr.splitlines() if line.startswith("plivo-sandbox: port")
    ]


def test_listening_beyond_loopback_is_announced() -> None:
    upstream = upstream_url("https://api.plivo.com")
    assert exposure_warning(ProxySettings(upstream=upstream)) is None
    warning = exposure_warning(ProxySettings(upstream=upstream, host="0.0.0.0"))
    assert warning is not None and "not a loopback address" in warning


def test_a_run_prints_each_kind_once_then_a_summary_and_writes_the_report(
    departing_upstream: str, tmp_path: Path
) -> None:
    port = free_port()
    report = tmp_path / "drift.json"
    flags = ["--upstream", departing_upstream, "--port", str(port), "--report", str(report)]
    process = subprocess.Popen(
        proxy_command(*flags, "--fail-on-drift", "--max-lifetime", "60"),
        cwd=REPO_ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        assert process.stdout is not None
        banner = process.stdout.readline()
        assert banner.startswith(f"Plivo drift proxy on http://127.0.0.1:{port} -> ")
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", auth=AUTH) as client:
            for departure in ("new-enum", "new-enum", "extra-field"):
                client.get(SESSION_PATH, headers={"X-Depart": departure})
    finally:
        process.send_signal(signal.SIGTERM)  # a graceful stop: checks in progress finish
        stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 1  # --fail-on-drift
    enum = (
        'get_masking_session: response 200 body /response/status: undocumented value "paused"'
        " (documented: active, expired)"
    )
    extra = "get_masking_session: response 200 body /response/carrier_name: undocumented property"
    assert stdout.splitlines() == [
        f"drift: {enum}",
        f"drift: {extra}",
        "drift summary: 3 exchange(s) checked, 2 kind(s) of mismatch",
        "       3 x get_masking_session",
        "  count  mismatch",
        f"      2  {enum}",
        f"      1  {extra}",
    ]
    written = json.loads(report.read_text())
    assert [(m["what"], m["count"]) for m in written["mismatches"]] == [
        ('undocumented value "paused" (documented: active, expired)', 2),
        ("undocumented property", 1),
    ]
    everything = stdout + stderr + report.read_text()
    assert DEMO_AUTH_ID not in everything and DEMO_AUTH_TOKEN not in everything
