"""Build hook: put the repository's openapi.yaml into the package.

openapi.yaml stays at the repository root as the single hand-written source;
a wheel (and so a non-editable ``pip install``) carries a copy of it inside
``plivo_sandbox/``. An editable install reads the root file directly.
"""

from __future__ import annotations

from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

SPEC = Path(__file__).resolve().parent / "openapi.yaml"


class BuildPyWithSpec(build_py):
    """``build_py`` that also copies openapi.yaml into the built package."""

    def run(self) -> None:
        super().run()
        if not self.editable_mode:
            self.copy_file(str(SPEC), str(Path(self.build_lib, "plivo_sandbox", "openapi.yaml")))


setup(cmdclass={"build_py": BuildPyWithSpec})
