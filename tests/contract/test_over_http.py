"""The same contract over real HTTP: ``python -m plivo_sandbox`` as a process, as a CI job runs it.

The sandbox (the ``sandbox_url`` fixture) is started on a free local port
with ``--max-lifetime`` (it stops by itself) and the contract tests'
configuration: demo accounts with a number in every country, no Verify list
limit. openapi.yaml is read from the file, the way a client of the real API
has it; every request crosses uvicorn, the middleware and the network stack,
and the Verify OTPs are read from the sandbox control API.
"""

from __future__ import annotations

from typing import Any

import httpx
import schemathesis
from hypothesis import settings
from schemathesis.config import SchemathesisConfig

from plivo_sandbox.core.spec import SPEC_PATH
from tests.contract.conftest import BASE_PATH, SIZE, load_contract_config

config: SchemathesisConfig = load_contract_config()
schema = schemathesis.openapi.from_path(SPEC_PATH, config=config)
# Quick runs leave the coverage phase's ~1,300 deterministic cases to the
# in-process run (test_properties.py); deep runs send them over HTTP too.
schema.config.phases.coverage.enabled = SIZE.http_coverage


@schema.parametrize()
@settings(max_examples=SIZE.http_examples)
def test_every_operation_answers_as_the_spec_says_over_http(
    case: schemathesis.Case[Any], sandbox_url: str
) -> None:
    case.call_and_validate(base_url=f"{sandbox_url}{BASE_PATH}")


def test_sequences_along_the_links_conform_over_http(sandbox_url: str) -> None:
    base_url = f"{sandbox_url}{BASE_PATH}"

    class Flows(schema.as_state_machine()):  # type: ignore[misc]
        """The spec's links over HTTP, one emptied sandbox per scenario."""

        def setup(self) -> None:
            httpx.post(f"{sandbox_url}/_sandbox/reset", json={}, timeout=30).raise_for_status()

        def get_call_kwargs(self, case: schemathesis.Case[Any]) -> dict[str, Any]:
            return {"base_url": base_url}

    Flows.run(
        settings=settings(
            Flows.TestCase.settings,
            max_examples=SIZE.http_scenarios,
            stateful_step_count=SIZE.steps,
        )
    )
