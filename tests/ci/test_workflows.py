"""The CI recipes: this repository's workflow and the consumer example in the docs.

Both are checked by actionlint (the ``actionlint`` command the dev
environment installs), and read for what they promise: ``make test``, the
contract run, JUnit reports kept as artifacts, credentials only from the
environment.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO_ROOT

WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))
CONTRACT_DOC = REPO_ROOT / "docs" / "contract-testing.md"
YAML_FENCE = re.compile(r"^```yaml\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
# A token written out on a command line: AUTH_TOKEN=<something that is not a variable>.
TOKEN_ON_A_COMMAND_LINE = re.compile(r"AUTH_TOKEN=(?![\s$])")
ACTIONLINT = shutil.which("actionlint", path=str(Path(sys.executable).parent)) or "actionlint"


def actionlint(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [ACTIONLINT, "-no-color", str(path)], capture_output=True, text=True, check=False
    )


def consumer_example(tmp_path: Path) -> Path:
    """The example workflow of docs/contract-testing.md, as a file."""
    (block,) = YAML_FENCE.findall(CONTRACT_DOC.read_text(encoding="utf-8"))
    path = tmp_path / "plivo-contract.yml"
    path.write_text(block, encoding="utf-8")
    return path


def steps(workflow: dict[str, Any]) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[path.name for path in WORKFLOWS])
def test_the_repositorys_workflow_passes_actionlint(workflow: Path) -> None:
    run = actionlint(workflow)
    assert run.returncode == 0, run.stdout + run.stderr


def test_the_consumer_example_in_the_docs_passes_actionlint(tmp_path: Path) -> None:
    run = actionlint(consumer_example(tmp_path))
    assert run.returncode == 0, run.stdout + run.stderr


def test_actionlint_refuses_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  test:\n    steps:\n      - run: make test\n", "utf-8")
    assert "runs-on" in actionlint(broken).stdout


def test_the_repositorys_workflow_runs_make_test_and_keeps_the_junit_reports() -> None:
    (workflow,) = WORKFLOWS
    found = steps(yaml.safe_load(workflow.read_text(encoding="utf-8")))
    runs = [step.get("run", "") for step in found]
    assert any(run.startswith("make test") and "--junitxml=reports/" in run for run in runs)
    assert any(run.startswith("make contract") for run in runs)
    upload = [step for step in found if step.get("uses", "").startswith("actions/upload-artifact")]
    assert upload and upload[0]["if"] == "always()" and upload[0]["with"]["path"] == "reports/"


def test_the_consumer_example_serves_the_sandbox_runs_tests_then_the_contract(
    tmp_path: Path,
) -> None:
    workflow = yaml.safe_load(consumer_example(tmp_path).read_text(encoding="utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["against-the-sandbox"]["steps"]]
    serve = next(i for i, run in enumerate(runs) if "plivo-sandbox --port 8000" in run)
    tests = next(i for i, run in enumerate(runs) if "pytest" in run)
    contract = next(i for i, run in enumerate(runs) if "contract URL=http://127.0.0.1:8000" in run)
    assert serve < tests < contract
    assert ".venv/.contract" in runs[serve - 1]  # the contract extra only, not the dev set-up


@pytest.mark.parametrize(
    "document",
    [*WORKFLOWS, CONTRACT_DOC, REPO_ROOT / "README.md", REPO_ROOT / "scripts" / "contract.py"],
    ids=lambda path: path.name,
)
def test_no_example_puts_a_token_on_a_command_line(document: Path) -> None:
    assert TOKEN_ON_A_COMMAND_LINE.findall(document.read_text(encoding="utf-8")) == []
