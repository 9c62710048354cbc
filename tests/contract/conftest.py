"""Fixtures of the contract tests: the sandbox they test, schemathesis's schema of it, run sizes.

The schema is openapi.yaml exactly as the sandbox serves it (``/openapi.yaml``),
configured by ``tests/contract/schemathesis.toml`` with the demo main
account's credentials: the configuration ``make contract`` gives the
schemathesis CLI.
"""

from __future__ import annotations

import functools
import os
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from types import MappingProxyType
from unittest import mock

import phonenumbers
import pytest
import schemathesis
from schemathesis.config import SchemathesisConfig
from starlette.applications import Starlette

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.errors import NotFound
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.testing.process import sandbox_process
from tests.conftest import (
    DEMO_AUTH_ID,
    DEMO_AUTH_TOKEN,
    DEMO_SUB_AUTH_ID,
    demo_config,
)
from tests.contract import hooks

CONFIG_FILE = Path(__file__).with_name("schemathesis.toml")
SPEC_URL_PATH = "/openapi.yaml"
BASE_PATH = f"/v1/Account/{DEMO_AUTH_ID}"
DEMO_CREDENTIALS = {"PLIVO_AUTH_ID": DEMO_AUTH_ID, "PLIVO_AUTH_TOKEN": DEMO_AUTH_TOKEN}


@dataclass(frozen=True)
class RunSize:
    """How much each contract test generates: quick (`make test`) or deep (`CONTRACT_DEEP=1`)."""

    examples: int  # fuzzed cases per operation (beside the examples and coverage phases)
    scenarios: int  # stateful scenarios (call sequences)
    steps: int  # calls per scenario at most
    http_examples: int  # fuzzed cases per operation over real HTTP
    http_scenarios: int
    http_coverage: bool  # the coverage phase over HTTP too (it runs in-process anyway)
    process_lifetime: int  # seconds the sandbox process may live


QUICK = RunSize(
    examples=25,
    scenarios=40,
    steps=8,
    http_examples=10,
    http_scenarios=10,
    http_coverage=False,
    process_lifetime=300,
)
DEEP = RunSize(
    examples=2000,
    scenarios=1500,
    steps=12,
    http_examples=300,
    http_scenarios=300,
    http_coverage=True,
    process_lifetime=3600,
)
SIZE = DEEP if os.environ.get("CONTRACT_DEEP") == "1" else QUICK


# ---------------------------------------------------------------- the sandbox under test


def _example_numbers(kinds: tuple[int, ...]) -> list[str]:
    """One E.164 example number per region phonenumbers knows, of the first kind it has."""
    found = []
    for region in sorted(phonenumbers.SUPPORTED_REGIONS):
        for kind in kinds:
            number = phonenumbers.example_number_for_type(region, kind)
            if number is not None and phonenumbers.region_code_for_number(number) == region:
                found.append(
                    phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                )
                break
    return [number.removeprefix("+") for number in found]


def _non_geographic_numbers() -> list[str]:
    numbers = []
    for code in sorted(phonenumbers.COUNTRY_CODES_FOR_NON_GEO_REGIONS):
        number = phonenumbers.example_number_for_non_geo_entity(code)
        if number is not None:
            numbers.append(f"{number.country_code}{number.national_number}")
    return numbers


def contract_config(**changes: object) -> SandboxConfig:
    """The demo accounts with a virtual number in every country, in memory.

    With ``geomatch`` on (the default), a masking session takes a number in
    its first party's country; the demo pools cover five countries, so most
    random phone numbers would get a 409 and the stateful phase would have
    few sessions to follow. Here the main account and its subaccount hold a
    number in every region phonenumbers knows (and the non-geographic codes),
    so generated sessions really get created. The Verify list's rate limit
    is off (one test shows its 429 separately).
    """
    base = demo_config()
    kinds = (phonenumbers.PhoneNumberType.FIXED_LINE, phonenumbers.PhoneNumberType.MOBILE)
    main = base.accounts[DEMO_AUTH_ID]
    sub = base.accounts[DEMO_SUB_AUTH_ID]
    main_numbers = list(dict.fromkeys([*main.numbers, *_example_numbers(kinds)]))
    main_numbers += [n for n in _non_geographic_numbers() if n not in main_numbers]
    taken = set(main_numbers)
    sub_numbers = list(sub.numbers) + [
        n for n in _example_numbers(kinds[::-1]) if n not in taken and n not in sub.numbers
    ]
    accounts = {
        **base.accounts,
        DEMO_AUTH_ID: replace(main, numbers=tuple(main_numbers)),
        DEMO_SUB_AUTH_ID: replace(sub, numbers=tuple(sub_numbers)),
    }
    settings: dict[str, object] = {
        "accounts": MappingProxyType(accounts),
        "verify_list_rate_limit": 0,
        **changes,
    }
    return replace(base, **settings)  # type: ignore[arg-type]


def write_sandbox_config(config: SandboxConfig, path: Path) -> Path:
    """``config``'s accounts and Verify settings as a sandbox TOML file (``--config``)."""
    lines = [
        f"verify_code_ttl = {config.verify_code_ttl}",
        f"verify_list_rate_limit = {config.verify_list_rate_limit}",
    ]
    for account in config.accounts.values():
        lines += ["", "[[accounts]]", f'auth_id = "{account.auth_id}"']
        lines.append(f'auth_token = "{account.auth_token}"')
        if account.parent is not None:
            lines.append(f'parent = "{account.parent}"')
        lines.append("numbers = [" + ", ".join(f'"+{n}"' for n in account.numbers) + "]")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_contract_config() -> SchemathesisConfig:
    """``tests/contract/schemathesis.toml``, the demo account's credentials in its ``${...}``."""
    with mock.patch.dict(os.environ, DEMO_CREDENTIALS):
        return SchemathesisConfig.from_path(CONFIG_FILE)


def use_sandbox_rules(read_otp: hooks.OtpReader) -> None:
    """Tell the hooks the demo accounts are under test, and how a sandbox tells its OTPs."""
    hooks.RULES.subaccounts = (DEMO_SUB_AUTH_ID,)
    hooks.RULES.otp_readers.append(read_otp)


def _otp_reader(sandbox: Sandbox) -> hooks.OtpReader:
    def read(session_uuid: str) -> str | None:
        try:
            return sandbox.run(sandbox.verify.otp, session_uuid)
        except NotFound:  # not a Verify session of this sandbox
            return None

    return read


def asgi_schema(app: Starlette) -> schemathesis.BaseSchema:
    """Schemathesis's view of openapi.yaml as ``app`` serves it, called in-process."""
    schema = schemathesis.openapi.from_asgi(SPEC_URL_PATH, app, config=load_contract_config())
    return schema


@functools.cache
def in_process() -> tuple[Sandbox, schemathesis.BaseSchema]:
    """The sandbox the in-process contract tests share, and openapi.yaml against it.

    Built once per test process, at collection (schemathesis parametrizes
    tests from the schema then); the hooks read its OTPs directly.
    """
    box = Sandbox(contract_config())
    use_sandbox_rules(_otp_reader(box))
    return box, asgi_schema(create_app(sandbox=box))


@pytest.fixture(scope="session", autouse=True)
def _close_the_in_process_sandbox() -> Iterator[None]:
    yield
    if in_process.cache_info().currsize:
        in_process()[0].close()


# ---------------------------------------------------------------- the sandbox as a process


@pytest.fixture(scope="session")
def sandbox_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A ``python -m plivo_sandbox`` process with the contract configuration: its base URL.

    Shared by the over-HTTP tests and the contract script's test; it stops by
    itself once its lifetime is over, whatever happens to this test run.
    """
    config_file = write_sandbox_config(
        contract_config(), tmp_path_factory.mktemp("sandbox") / "contract.toml"
    )
    with sandbox_process(max_lifetime=SIZE.process_lifetime, config_file=config_file) as url:
        use_sandbox_rules(hooks.otp_from_control_api(f"{url}/_sandbox"))
        yield url


# ---------------------------------------------------------------- the run's figures


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """Requests sent per operation, phase and mode, and how many were answered with a 2xx."""
    answers = hooks.RULES.answers
    if not answers:
        return  # nothing ran in this process (under xdist the workers hold the figures)
    sent: Counter[tuple[str, str, str]] = Counter()
    succeeded: Counter[tuple[str, str, str]] = Counter()
    for (label, phase, mode, status), count in answers.items():
        sent[(label, phase, mode)] += count
        if 200 <= status < 300:
            succeeded[(label, phase, mode)] += count
    terminalreporter.section("contract: requests sent (2xx answers)")
    for key in sorted(sent):
        label, phase, mode = key
        terminalreporter.write_line(
            f"{sent[key]:7d} ({succeeded[key]:6d})  {label:40s} {phase:9s} {mode}"
        )
    if hooks.RULES.dropped:
        terminalreporter.write_line("Dropped by filter_failure, not counted as failures:")
        for line in hooks.dropped_summary(hooks.RULES.dropped):
            terminalreporter.write_line(line)
