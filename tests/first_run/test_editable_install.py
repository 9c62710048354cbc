"""``make serve``'s first install (``pip install -e .``) is quiet, and works.

setuptools prints a ten-line "Please be careful with folders in your working
directory" banner when it installs a package it cannot place for sure, and
installs an import hook instead of a plain path. pyproject.toml names the
package's folder (``package-dir``), so the install is a .pth file naming the
checkout and prints nothing.

The install goes into a fresh venv, built with this venv's pinned setuptools
(``--no-build-isolation``, borrowed through a .pth file): nothing is downloaded.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

# What an editable build reads; the package itself is linked, not copied.
BUILD_INPUTS = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "openapi.yaml")


@pytest.fixture(scope="module")
def checkout(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the checkout's build inputs and package, as a fresh clone has them."""
    source = tmp_path_factory.mktemp("checkout")
    for name in BUILD_INPUTS:
        shutil.copy2(REPO_ROOT / name, source / name)
    shutil.copytree(
        REPO_ROOT / "plivo_sandbox",
        source / "plivo_sandbox",
        ignore=shutil.ignore_patterns("__pycache__", "openapi.yaml"),
    )
    return source


@pytest.fixture(scope="module")
def venv_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv that borrows this run's packages (setuptools among them)."""
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
    return python


@pytest.fixture(scope="module")
def install(checkout: Path, venv_python: Path) -> subprocess.CompletedProcess[str]:
    """``pip install --quiet -e <checkout>`` as the Makefile runs it (no user pip config)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(venv_python), "install", "--quiet",
         "--disable-pip-version-check", "--no-deps", "--no-build-isolation", "--no-index",
         "-e", str(checkout)],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )  # fmt: skip


def test_the_editable_install_prints_nothing(install: subprocess.CompletedProcess[str]) -> None:
    assert (install.stdout, install.stderr) == ("", "")


def test_the_editable_install_imports_the_checkout_itself(
    install: subprocess.CompletedProcess[str], checkout: Path, venv_python: Path, tmp_path: Path
) -> None:
    found = subprocess.run(
        [str(venv_python), "-c", "import plivo_sandbox.core.spec as s; print(s.SPEC_PATH)"],
        cwd=tmp_path,  # not the checkout: the install must find it
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()

    assert Path(found) == checkout / "openapi.yaml"
