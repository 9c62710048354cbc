"""The contract runner needs only the ``contract`` extra, not the dev environment.

``make contract`` installs ``pip install -e '.[contract]'`` (the sandbox and
schemathesis). Here the runner, its hooks and schemathesis's CLI are loaded
in a fresh interpreter in which every distribution the ``contract`` extra
does not bring in is as good as absent.
"""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
import sys

from packaging.requirements import Requirement

from tests.conftest import REPO_ROOT

# What `make contract` loads (the runner, not run; schemathesis's CLI; the hooks and the
# validators they judge sent requests with), where importing any module of a
# distribution outside the contract extra fails as if it were not installed.
LOAD_THE_RUNNER = """
import importlib.metadata, importlib.util, json, sys
allowed = set(json.loads(sys.argv[1]))
blocked = {
    module
    for module, distributions in importlib.metadata.packages_distributions().items()
    if not any(d.lower().replace("_", "-") in allowed for d in distributions)
}

class NotInstalled:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in blocked:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, NotInstalled())
spec = importlib.util.spec_from_file_location("contract_script", "scripts/contract.py")
module = importlib.util.module_from_spec(spec)
sys.modules[spec.name] = module
spec.loader.exec_module(module)
import schemathesis.cli
import tests.contract.hooks
from tests.contract import conformance
assert conformance.judged_operations()
print(module.describe(module.settings_from({})))
"""


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def requirement_closure(name: str, extras: tuple[str, ...] = ()) -> set[str]:
    """Every distribution ``name[extras]`` requires, directly or not (normalised names)."""
    seen: set[tuple[str, tuple[str, ...]]] = set()
    stack = [(name, extras)]
    while stack:
        current, wanted = stack.pop()
        if (_normal(current), wanted) in seen:
            continue
        seen.add((_normal(current), wanted))
        try:
            requires = importlib.metadata.distribution(current).requires or []
        except importlib.metadata.PackageNotFoundError:
            continue
        for text in requires:
            requirement = Requirement(text)
            marker = requirement.marker
            if marker is None or any(marker.evaluate({"extra": e}) for e in wanted or ("",)):
                stack.append((requirement.name, tuple(sorted(requirement.extras))))
    return {distribution for distribution, _ in seen}


def test_the_runner_loads_without_any_package_outside_the_contract_extra() -> None:
    allowed = sorted(requirement_closure("plivo-sandbox", ("contract",)))
    run = subprocess.run(
        [sys.executable, "-c", LOAD_THE_RUNNER, json.dumps(allowed)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert "Contract run against http://127.0.0.1:8000" in run.stdout
