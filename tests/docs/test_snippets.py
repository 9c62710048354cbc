"""Every snippet of the README and of docs/ runs as written against a sandbox.

Each page's ``sh`` and ``python`` blocks are run in their order against one
sandbox process (the pytest plugin's, reset for each page), as a reader
would run them against ``make serve``: its address ``http://127.0.0.1:8000``
becomes the test sandbox's. A block preceded by ``<!-- run with pytest -->``
is a test file of another project, run by pytest with this package's
plugin. A block preceded by ``<!-- not run: reason -->`` is skipped, and
must say why. A block preceded by ``<!-- output of the block above -->`` is
what the block before it prints, and is compared with what it printed, with
uuids and times left out (they differ on every run).

Some pages' readers have more than ``make serve``: the drift proxy's reader
has the proxy running on ``127.0.0.1:4010`` and Plivo credentials in the
environment. For that page the proxy runs in front of the page's sandbox and
the environment holds the sandbox's demo credentials.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

import pytest

from plivo_sandbox.testing.pytest_plugin import SandboxHandle
from tests.ci.test_workflows import TOKEN_ON_A_COMMAND_LINE
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, REPO_ROOT
from tests.docs.pages import OUTPUT, PAGES, RUN_WITH_PYTEST, Snippet, name, snippets
from tests.proxy.conftest import running_proxy

SERVE_URL = "http://127.0.0.1:8000"
PROXY_URL = "http://127.0.0.1:4010"
# Plivo's error body, compact as the sandbox writes it or indented by json.tool:
# a snippet that prints one has failed.
PLIVO_ERROR = re.compile(r'\{\s*"api_id":\s*"[^"]*",\s*"error"')
UUID = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
TIME = re.compile(
    r"\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?( \+0000 UTC|Z|[+-]\d\d:?\d\d)?",
)
RUNNABLE_PAGES = [page for page in PAGES if any(s.runs for s in snippets(page))]


class Reader(NamedTuple):
    """What a page's reader has at hand: addresses to serve, and their environment."""

    addresses: dict[str, str]  # an address the page names -> the test's server
    environment: dict[str, str]


@contextmanager
def reader_of(page: Path, sandbox_url: str) -> Iterator[Reader]:
    """The servers and environment the reader of ``page`` has, in front of ``sandbox_url``."""
    if page.name != "proxy.md":
        yield Reader({SERVE_URL: sandbox_url}, {})
        return
    with running_proxy(sandbox_url) as proxy:
        credentials = {"PLIVO_AUTH_ID": DEMO_AUTH_ID, "PLIVO_AUTH_TOKEN": DEMO_AUTH_TOKEN}
        yield Reader({SERVE_URL: sandbox_url, PROXY_URL: proxy.url}, credentials)


def _environment(reader: Reader) -> dict[str, str]:
    # The reader has no Plivo credentials set unless the page says to: the
    # snippets must not need them.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLIVO_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env | reader.environment


def run(snippet: Snippet, reader: Reader, workdir: Path) -> subprocess.CompletedProcess[str]:
    """Run one snippet with the addresses the page names replaced by the test's."""
    code = snippet.code
    for address, replacement in reader.addresses.items():
        code = code.replace(address, replacement)
    if snippet.mark == RUN_WITH_PYTEST:
        (workdir / "test_docs_snippet.py").write_text(code, encoding="utf-8")
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        command.append("test_docs_snippet.py")
    elif snippet.language == "sh":
        command = ["bash", "-euo", "pipefail", "-c", code]
    else:
        command = [sys.executable, "-c", code]
    return subprocess.run(
        command,
        cwd=workdir,
        env=_environment(reader),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def comparable(output: str) -> list[str]:
    """``output``'s lines with uuids and times as placeholders, trailing spaces dropped."""
    text = TIME.sub("<time>", UUID.sub("<uuid>", output))
    return [line.rstrip() for line in text.strip("\n").splitlines()]


@pytest.mark.parametrize("page", RUNNABLE_PAGES, ids=name)
def test_every_snippet_of_a_page_runs_in_order_against_one_sandbox(
    page: Path, plivo_sandbox: SandboxHandle, tmp_path: Path
) -> None:
    # One sandbox for the whole page, fresh at its start, like a reader's `make serve`.
    blocks = snippets(page)
    with reader_of(page, plivo_sandbox.url) as reader:
        for index, snippet in enumerate(blocks):
            if not snippet.runs:
                continue
            result = run(snippet, reader, tmp_path)
            where = snippet.where
            assert result.returncode == 0, f"{where} failed:\n{result.stdout}\n{result.stderr}"
            assert not PLIVO_ERROR.search(result.stdout), f"{where} got an error:\n{result.stdout}"
            shown = blocks[index + 1] if index + 1 < len(blocks) else None
            if shown is not None and shown.mark == OUTPUT:
                assert comparable(result.stdout) == comparable(shown.code), where


def test_the_docs_run_at_least_six_snippets() -> None:
    assert sum(s.runs for page in PAGES for s in snippets(page)) >= 6


@pytest.mark.parametrize("page", PAGES, ids=name)
def test_every_snippet_that_is_not_run_says_why(page: Path) -> None:
    skipped = [s for s in snippets(page) if s.mark.startswith("not run")]
    assert all(len(s.mark.removeprefix("not run:").strip()) > 10 for s in skipped), skipped


@pytest.mark.parametrize("page", PAGES, ids=name)
def test_every_output_shown_follows_a_block_that_runs(page: Path) -> None:
    blocks = snippets(page)
    for index, snippet in enumerate(blocks):
        if snippet.mark == OUTPUT:
            assert index > 0 and blocks[index - 1].runs, snippet.where


def test_an_output_differs_from_another_in_more_than_uuids_and_times() -> None:
    printed = '{"session_uuid": "aeef7163-b382-451b-8905-55d00406c31a",\n'
    printed += ' "created_time": "2026-12-05 12:20:56 +0000 UTC", "status": "active"}\n'
    other_run = printed.replace("aeef7163", "0c1d2e3f").replace("12:20:56", "09:01:02")
    assert comparable(printed) == comparable(other_run)
    assert comparable(printed) != comparable(printed.replace("active", "expired"))


@pytest.mark.parametrize("page", PAGES, ids=name)
def test_no_page_puts_a_token_on_a_command_line(page: Path) -> None:
    assert TOKEN_ON_A_COMMAND_LINE.findall(page.read_text(encoding="utf-8")) == []


def test_the_pages_are_the_readme_contributing_docs_and_benchmarks() -> None:
    assert {name(page) for page in PAGES} >= {
        "README.md",
        "CONTRIBUTING.md",
        "docs/contract-testing.md",
        "docs/proxy.md",
        "bench/README.md",
    }
    assert all(page.is_relative_to(REPO_ROOT) and page.exists() for page in PAGES)
