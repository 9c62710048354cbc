"""``scripts/contract.py`` (``make contract``): the schemathesis CLI against any server, safely.

One test runs it for real against a sandbox process, as a user's CI would;
the others pin down what it does before sending anything: what runs against
a server that is not this machine, and that credentials stay out of the
command line, the output and the reports.
"""

from __future__ import annotations

import base64
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "contract.py"
LIVE = {"URL": "https://api.plivo.com", "PLIVO_AUTH_ID": "MAXXXXXXXXXXXXXXXXXX"}
TOKEN = "live-secret-token"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("contract_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


contract: Any = _load_script()


def secrets_in(text: str, auth_id: str, token: str) -> list[str]:
    basic = base64.b64encode(f"{auth_id}:{token}".encode()).decode()
    return [secret for secret in (token, basic) if secret in text]


def test_a_run_against_a_sandbox_process_passes_and_leaves_clean_reports(
    tmp_path: Path, sandbox_url: str
) -> None:
    report = tmp_path / "reports" / "contract-junit.xml"
    run = subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=REPO_ROOT,
        env={
            **os.environ,
            "URL": sandbox_url,
            "PLIVO_AUTH_ID": DEMO_AUTH_ID,
            "PLIVO_AUTH_TOKEN": DEMO_AUTH_TOKEN,
            "PHASES": "examples,fuzzing,stateful",
            "MAX_EXAMPLES": "5",
            "REPORT": str(report),
        },
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    assert "No issues found" in output
    assert "<testcase" in report.read_text(encoding="utf-8")
    cassette = report.with_name("contract-cassette.yaml")
    assert "Authorization" in cassette.read_text(encoding="utf-8")  # every request is in it
    for text in (output, report.read_text("utf-8"), cassette.read_text("utf-8")):
        assert secrets_in(text, DEMO_AUTH_ID, DEMO_AUTH_TOKEN) == []


def test_a_remote_server_gets_only_get_requests_at_the_verify_list_rate_by_default() -> None:
    run = contract.settings_from({**LIVE, "PLIVO_AUTH_TOKEN": TOKEN})
    command = contract.command(run)
    assert run.base_url == "https://api.plivo.com/v1/Account/MAXXXXXXXXXXXXXXXXXX"
    assert command[command.index("--include-method") + 1] == "GET"
    assert command[command.index("--rate-limit") + 1] == "20/m"
    assert "coverage" not in run.phases and not run.cassette


def test_writes_to_a_remote_server_need_allow_writes_and_numbers_the_tester_owns() -> None:
    with pytest.raises(contract.UsageError, match="TEST_NUMBERS"):
        contract.settings_from({**LIVE, "PLIVO_AUTH_TOKEN": TOKEN, "ALLOW_WRITES": "1"})
    run = contract.settings_from(
        {**LIVE, "AUTH_TOKEN": TOKEN, "ALLOW_WRITES": "1", "TEST_NUMBERS": "+1415,+1416"}
    )
    assert "--include-method" not in contract.command(run)
    assert contract.child_environment(run, None)["PLIVO_CONTRACT_NUMBERS"] == "+1415,+1416"


def test_a_remote_server_needs_credentials_from_the_environment() -> None:
    with pytest.raises(contract.UsageError, match="PLIVO_AUTH_TOKEN"):
        contract.settings_from({"URL": "https://api.plivo.com"})


def test_a_local_server_defaults_to_the_sandbox_demo_account_and_every_operation() -> None:
    run = contract.settings_from({})
    assert run.base_url == f"http://127.0.0.1:8000/v1/Account/{DEMO_AUTH_ID}"
    assert run.allow_writes and run.rate_limit is None
    assert run.subaccounts == ("SADEMO1234567890ABCD",)


def test_a_run_against_a_running_sandbox_says_it_leaves_sessions_and_how_to_reset() -> None:
    run = contract.settings_from({})
    note = contract.leftovers_note(run, "http://127.0.0.1:8000/_sandbox")
    assert "leaves its sessions" in note
    assert "curl -s -X POST -H 'Content-Type: application/json'" in note
    assert note.endswith("http://127.0.0.1:8000/_sandbox/reset")


def test_a_read_only_run_leaves_nothing_to_warn_about() -> None:
    run = contract.settings_from({**LIVE, "PLIVO_AUTH_TOKEN": TOKEN})
    assert contract.leftovers_note(run, None) is None


def test_credentials_never_appear_on_the_command_line() -> None:
    run = contract.settings_from({**LIVE, "PLIVO_AUTH_TOKEN": TOKEN})
    assert secrets_in(" ".join(contract.command(run)), LIVE["PLIVO_AUTH_ID"], TOKEN) == []


def test_the_token_and_the_basic_value_are_scrubbed_from_output_and_report_files(
    tmp_path: Path,
) -> None:
    run = contract.settings_from({**LIVE, "PLIVO_AUTH_TOKEN": TOKEN})
    basic = base64.b64encode(f"{LIVE['PLIVO_AUTH_ID']}:{TOKEN}".encode()).decode()
    leaky = f"curl -H 'Authorization: Basic {basic}' -d token={TOKEN}"
    assert contract.scrub(leaky, run.secrets) == (
        "curl -H 'Authorization: Basic [Filtered]' -d token=[Filtered]"
    )
    (tmp_path / "report.xml").write_text(leaky, encoding="utf-8")
    assert contract.scrub_reports(tmp_path, run.secrets) == [tmp_path / "report.xml"]
    assert secrets_in((tmp_path / "report.xml").read_text(), LIVE["PLIVO_AUTH_ID"], TOKEN) == []


@pytest.mark.live
@pytest.mark.skipif(
    not os.environ.get("PLIVO_CONTRACT_URL"), reason="PLIVO_CONTRACT_URL is not set"
)
def test_the_contract_holds_against_the_live_server_given(tmp_path: Path) -> None:
    """Opt-in: PLIVO_CONTRACT_URL with PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN (read-only by default)."""
    env = os.environ
    report = tmp_path / "contract-junit.xml"
    run = subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=REPO_ROOT,
        env={**env, "URL": env["PLIVO_CONTRACT_URL"], "REPORT": str(report)},
        capture_output=True,
        text=True,
        timeout=3600,
        check=False,
    )
    output = run.stdout + run.stderr
    assert run.returncode == 0, output
    auth_id, token = env.get("PLIVO_AUTH_ID", ""), env.get("PLIVO_AUTH_TOKEN", "")
    assert secrets_in(output + report.read_text("utf-8"), auth_id, token) == []


# ---------------------------------------------------------------- `make contract` as a user runs it

# A fixed seed and a small run: the coverage phase's deterministic cases plus five fuzzed
# cases per operation, against the throwaway sandbox `make contract` starts itself.
SEED = "20261205"
CREDENTIAL_NAMES = ("PLIVO_AUTH_ID", "PLIVO_AUTH_TOKEN", "AUTH_ID", "AUTH_TOKEN")
NOT_A_USERS_SHELL = frozenset({"URL", *CREDENTIAL_NAMES, "MAKEFLAGS", "MFLAGS", "MAKELEVEL"})


def make_contract(report: Path, hypothesis_home: Path) -> subprocess.CompletedProcess[str]:
    """``make contract`` with a small, seeded run; Hypothesis's storage in ``hypothesis_home``."""
    # A user's shell: no credentials or URL, and nothing of a `make test` around the suite.
    env = {key: value for key, value in os.environ.items() if key not in NOT_A_USERS_SHELL}
    return subprocess.run(
        ["make", "--no-print-directory", "contract"],
        cwd=REPO_ROOT,
        env={
            **env,
            "MAX_EXAMPLES": "5",
            "SEED": SEED,
            "REPORT": str(report),
            # Where Hypothesis would keep its example database (.hypothesis/ by default).
            "HYPOTHESIS_STORAGE_DIRECTORY": str(hypothesis_home),
        },
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )


def verdict(run: subprocess.CompletedProcess[str]) -> tuple[int, list[str]]:
    """The exit status and what the summary's counting lines say, without their numbers.

    The number of cases varies a little between two runs of one seed (the
    stateful phase follows the sandbox's answers: new uuids, the clock), so
    the verdict keeps which outcomes a line reports (``generated, passed,
    skipped``; a failure or a filtered reason), not how many of each.
    """
    lines = run.stdout.splitlines()
    counted = [line.strip() for line in lines if "generated," in line or "Filtered:" in line]
    return run.returncode, [re.sub(r"\d+", "N", line) for line in counted]


@pytest.fixture(scope="module")
def first_make_contract(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[subprocess.CompletedProcess[str], Path]:
    """One seeded ``make contract`` from a clean state; its Hypothesis storage is kept."""
    home = tmp_path_factory.mktemp("hypothesis")
    report = tmp_path_factory.mktemp("first") / "contract-junit.xml"
    return make_contract(report, home), home


def test_make_contract_passes_against_the_sandbox_it_starts(
    first_make_contract: tuple[subprocess.CompletedProcess[str], Path],
) -> None:
    run, _ = first_make_contract
    assert run.returncode == 0, run.stdout + run.stderr
    assert "No issues found" in run.stdout
    assert f"Seed: {SEED}" in run.stdout


def test_a_run_after_one_that_left_its_hypothesis_storage_gives_the_same_verdict(
    first_make_contract: tuple[subprocess.CompletedProcess[str], Path], tmp_path: Path
) -> None:
    first, home = first_make_contract
    again = make_contract(tmp_path / "contract-junit.xml", home)
    assert verdict(again) == verdict(first), again.stdout
    assert verdict(first)[1], first.stdout  # the summary's counts were found
