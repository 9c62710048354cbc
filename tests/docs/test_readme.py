"""Every snippet of README.md runs as written against a sandbox.

The README's ``sh`` and ``python`` blocks are run in their order against one
sandbox process (the pytest plugin's), as a reader would against ``make
serve``: its address
``http://127.0.0.1:8000`` becomes the test sandbox's. A block preceded by
``<!-- run with pytest -->`` is a test file of another project, run by
pytest with this package's plugin. A block preceded by ``<!-- not run:
reason -->`` is skipped, and must say why.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

from plivo_sandbox.pytest_plugin import SandboxHandle
from tests.conftest import REPO_ROOT

README = REPO_ROOT / "README.md"
SERVE_URL = "http://127.0.0.1:8000"
RUN_LANGUAGES = ("sh", "python")
# Plivo's error body, as the sandbox writes it: a snippet that prints one has failed.
PLIVO_ERROR = re.compile(r'\{"api_id": "[^"]*", "error"')
FENCE = re.compile(r"^```(\S*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
MARK = re.compile(r"<!-- (not run: .+?|run with pytest) -->\s*$")


class Snippet(NamedTuple):
    """One fenced block of the README."""

    line: int
    language: str
    code: str
    mark: str  # "", "run with pytest" or "not run: <reason>"


def snippets() -> list[Snippet]:
    """The README's fenced blocks, in order, with the mark on the line before each."""
    text = README.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = MARK.search(before)
        found.append(
            Snippet(
                line=text.count("\n", 0, match.start()) + 1,
                language=match.group(1),
                code=match.group(2),
                mark=mark.group(1) if mark else "",
            )
        )
    return found


def _environment() -> dict[str, str]:
    # The reader has no Plivo credentials set: the snippets must not need them.
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLIVO_")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


def run(snippet: Snippet, url: str, workdir: Path) -> subprocess.CompletedProcess[str]:
    """Run one snippet with the README's sandbox address replaced by ``url``."""
    code = snippet.code.replace(SERVE_URL, url)
    if snippet.mark == "run with pytest":
        (workdir / "test_readme_snippet.py").write_text(code, encoding="utf-8")
        command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
        command.append("test_readme_snippet.py")
    elif snippet.language == "sh":
        command = ["bash", "-euo", "pipefail", "-c", code]
    else:
        command = [sys.executable, "-c", code]
    return subprocess.run(
        command,
        cwd=workdir,
        env=_environment(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_every_readme_snippet_runs_in_order_against_one_sandbox(
    plivo_sandbox: SandboxHandle, tmp_path: Path
) -> None:
    # One sandbox for the whole README, fresh at its start, like a reader's `make serve`.
    sandbox_url = plivo_sandbox.url
    ran = 0
    for snippet in snippets():
        if snippet.language not in RUN_LANGUAGES or snippet.mark.startswith("not run"):
            continue
        result = run(snippet, sandbox_url, tmp_path)
        where = f"README.md line {snippet.line}"
        assert result.returncode == 0, f"{where} failed:\n{result.stdout}\n{result.stderr}"
        assert not PLIVO_ERROR.search(result.stdout), f"{where} got an error:\n{result.stdout}"
        ran += 1
    assert ran >= 6


def test_every_snippet_that_is_not_run_says_why() -> None:
    skipped = [s for s in snippets() if s.mark.startswith("not run")]
    assert skipped, "the README's make commands are not run"
    assert all(len(s.mark.removeprefix("not run:").strip()) > 10 for s in skipped)


# Plivo's own SDK does the README's client flow (create and end a masking session,
# start a Verify session and validate its code) in 11 lines, imports included.
PLIVO_SDK_FLOW_LINES = 11


def test_the_clients_flow_takes_no_more_lines_than_plivos_sdk() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The Python client") :]
    flow = next(s for s in snippets() if s.language == "python" and s.code in section)

    lines = [
        line for line in flow.code.splitlines() if line.strip() and not line.strip().startswith("#")
    ]

    assert len(lines) <= PLIVO_SDK_FLOW_LINES, lines
    assert "client.masking_sessions.create(" in flow.code
    assert "client.verify_sessions.validate(" in flow.code
