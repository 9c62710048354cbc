"""The sandbox as ``pip install plivo-sandbox`` gives it starts without a warning.

Only the runtime dependencies of pyproject.toml (and what they bring) are
importable in the processes these tests start: ``sitecustomize`` hides every
other installed package, as a venv holding the sandbox alone would lack them.
A runtime import of a dev-only package then shows up here, as Starlette's
``StarletteDeprecationWarning`` (install httpx2) once did: connexion imports
``starlette.testclient`` on its own import, and that module warns when it
finds only httpx.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from plivo_sandbox.testing.process import free_port, wait_until_answering
from tests.conftest import REPO_ROOT

# A warning as Python prints it: "<file>:<line>: SomeWarning: <message>".
WARNING = re.compile(r"\b\w*Warning\b")


def runtime_distributions() -> set[str]:
    """The sandbox and what its ``dependencies`` need, transitively (extras followed)."""
    project = tomllib.loads((REPO_ROOT / "pyproject.toml").read_text())["project"]
    pending = [Requirement(project["name"])]
    seen: set[tuple[str, str]] = set()  # (distribution, extra): uvicorn and uvicorn[standard]
    while pending:
        requirement = pending.pop()
        name = canonicalize_name(requirement.name)
        extras = {(name, extra) for extra in requirement.extras or {""}}
        if extras <= seen:
            continue
        seen |= extras
        try:
            requires = (
                project["dependencies"]  # as in the checkout, installed or not
                if name == project["name"]
                else metadata.requires(requirement.name) or []
            )
        except metadata.PackageNotFoundError:
            continue  # not for this platform (its marker said so)
        for line in requires:
            wanted = Requirement(line)
            environments = [{"extra": extra} for _, extra in extras]
            if wanted.marker is None or any(wanted.marker.evaluate(e) for e in environments):
                pending.append(wanted)
    return {name for name, _ in seen}


def hidden_modules() -> list[str]:
    """Top-level modules of installed distributions that the runtime does not need."""
    needed = runtime_distributions()
    return sorted(
        module
        for module, owners in metadata.packages_distributions().items()
        if not any(canonicalize_name(owner) in needed for owner in owners)
        and not module.startswith("_")  # interpreter start-up hooks (.pth), already loaded
    )


SITECUSTOMIZE = """\
import sys

HIDDEN = frozenset({hidden!r})


class _NotInstalled:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name.partition(".")[0] in HIDDEN:
            raise ModuleNotFoundError(f"No module named {{name!r}}", name=name)
        return None


sys.meta_path.insert(0, _NotInstalled)
"""


@pytest.fixture(scope="module")
def runtime_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """An environment whose Python processes see only the runtime dependencies."""
    hook = tmp_path_factory.mktemp("runtime-only")
    (hook / "sitecustomize.py").write_text(SITECUSTOMIZE.format(hidden=hidden_modules()))
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLIVO_SANDBOX")}
    env.pop("PYTHONWARNINGS", None)  # Python's default filters, as a user has them
    env["PYTHONPATH"] = os.pathsep.join([str(hook), str(REPO_ROOT)])
    return env


def test_the_runtime_closure_lacks_the_dev_only_packages() -> None:
    hidden = hidden_modules()

    assert "pytest" in hidden
    assert "schemathesis" in hidden
    assert "connexion" not in hidden
    assert "httpx2" not in hidden  # what starlette.testclient imports


def test_help_prints_no_warning(runtime_env: dict[str, str]) -> None:
    shown = subprocess.run(
        [sys.executable, "-m", "plivo_sandbox", "--help"],
        env=runtime_env,
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )

    assert "usage: plivo-sandbox" in shown.stdout
    assert shown.stderr == ""


@pytest.fixture
def started(runtime_env: dict[str, str], tmp_path: Path) -> Iterator[subprocess.Popen[bytes]]:
    """``make serve``'s command (two workers on one state) started and answering."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "plivo_sandbox", "--port", str(port), "--workers", "2",
         "--data-dir", str(tmp_path / "state"), "--max-lifetime", "60"],
        env=runtime_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        wait_until_answering(f"http://127.0.0.1:{port}", process)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_a_server_start_prints_no_warning(started: subprocess.Popen[bytes]) -> None:
    started.terminate()
    out, err = started.communicate(timeout=30)

    assert b"Plivo sandbox running on" in out
    assert b"Application startup complete" in err  # uvicorn's log reached us
    assert not WARNING.findall(err.decode())
