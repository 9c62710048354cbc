"""The sandbox as another project gets it: a wheel installed into a fresh venv.

The wheel is built from the checkout (``pip wheel``, with the pinned setuptools
of this venv) and installed without its dependencies into a new venv; the venv
reaches the dependencies already installed for this test run through a
``.pth`` file, so nothing is downloaded.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import sysconfig
import urllib.request
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from plivo_sandbox.testing.process import free_port, wait_until_answering
from tests.conftest import DEMO_AUTH_ID, REPO_ROOT

PACKAGED = {"openapi.yaml", "control.yaml", "docs.html", "sandbox.example.toml"}


# What a build of the checkout reads: copied to a clean directory, so that no
# leftover build/ of the checkout can slip stale files into the wheel.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "openapi.yaml")


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel of the checkout."""
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        shutil.copy2(REPO_ROOT / name, source / name)
    shutil.copytree(
        REPO_ROOT / "plivo_sandbox",
        source / "plivo_sandbox",
        ignore=shutil.ignore_patterns("__pycache__", "openapi.yaml"),
    )
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet",
         "-w", str(out), str(source)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    (built,) = out.glob("plivo_sandbox-*.whl")
    return built


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel installed (dependencies borrowed from this run's venv)."""
    home = tmp_path_factory.mktemp("venv")
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(home)], check=True)
    python = home / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    Path(purelib, "borrowed-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet",
         "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return home


def test_the_wheel_carries_the_spec_the_control_spec_and_the_docs_page(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = {
            Path(name).name for name in archive.namelist() if name.startswith("plivo_sandbox/")
        }
        entry_points = archive.read("plivo_sandbox-0.1.0.dist-info/entry_points.txt").decode()
    assert names >= PACKAGED
    assert "plivo-sandbox = plivo_sandbox.server.cli:main" in entry_points
    assert "[pytest11]" in entry_points


def test_the_installed_package_reads_its_own_copy_of_the_spec(venv: Path, tmp_path: Path) -> None:
    found = subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-c",
            "from plivo_sandbox.core.spec import SPEC_PATH; print(SPEC_PATH)",
        ],
        cwd=tmp_path,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    assert Path(found).is_relative_to(venv)
    assert Path(found).read_bytes() == (REPO_ROOT / "openapi.yaml").read_bytes()


@pytest.fixture
def installed_server(venv: Path, tmp_path: Path) -> Iterator[str]:
    """The installed ``plivo-sandbox`` console script serving on a free port."""
    port = free_port()
    process = subprocess.Popen(
        [str(venv / "bin" / "plivo-sandbox"), "--port", str(port), "--data-dir", ":memory:",
         "--max-lifetime", "120"],
        cwd=tmp_path,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_answering(url, process)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


def test_the_console_script_serves_the_api_and_its_docs(installed_server: str) -> None:
    with urllib.request.urlopen(f"{installed_server}/docs") as page:
        assert b"swagger-ui" in page.read()
    request = urllib.request.Request(
        f"{installed_server}/v1/Account/{DEMO_AUTH_ID}/Masking/Session/",
        data=json.dumps({"first_party": "+14155550100", "second_party": "+14155550199"}).encode(),
        headers={
            "Content-Type": "application/json",
            "Authorization": "Basic TUFERU1PMTIzNDU2Nzg5MEFCQ0Q6ZGVtby1hdXRoLXRva2Vu",
        },
        method="POST",
    )
    with urllib.request.urlopen(request) as answer:
        assert answer.status == 201
        assert json.load(answer)["message"] == "Session created"
