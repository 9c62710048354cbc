"""Domain-layer fixtures: a sandbox on an in-memory store with a manual clock.

``api`` calls the services like the HTTP layer would and checks every answer
(plus the ``api_id`` the HTTP layer adds) against the operation's response
schema in openapi.yaml.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any

import pytest
from openapi_schema_validator import OAS30Validator, oas30_format_checker

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account, demo_accounts
from plivo_sandbox.core.clock import ManualClock
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import load_document

START = datetime(2024, 2, 1, 6, 28, 15, tzinfo=UTC)

MAIN_ID = "MADEMO1234567890ABCD"
SUB_ID = "SADEMO1234567890ABCD"
OTHER_ID = "MA" + "OTHER".ljust(18, "0")
OTHER_SUB_ID = "SA" + "OTHERSUB".ljust(18, "0")

# Real-looking parties in several countries.
US_A = "+14155550100"
US_B = "+14155550199"
US_C = "+12025550111"
IN_A = "+919003459051"
IN_B = "+918197241073"
GB_A = "+442079460000"
FR_A = "+33142685300"

US_POOL = ("12125550147", "14155552671")  # the demo main account's US numbers, sorted


def make_config(**changes: Any) -> SandboxConfig:
    """Demo accounts plus an unrelated main account (with a subaccount), in memory."""
    accounts = dict(demo_accounts())
    accounts[OTHER_ID] = Account(OTHER_ID, "other-token", numbers=("13125550190",))
    accounts[OTHER_SUB_ID] = Account(
        OTHER_SUB_ID, "other-sub-token", parent=OTHER_ID, numbers=("16465550123",)
    )
    settings: dict[str, Any] = {"accounts": MappingProxyType(accounts), **changes}
    return SandboxConfig(**settings)


def _operation_schemas() -> dict[str, dict[str, Any]]:
    """Each operationId's success response schema, with the document's components."""
    document = load_document()
    schemas = {}
    for methods in document["paths"].values():
        for operation in methods.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            for status, response in operation["responses"].items():
                if status.startswith("2") and "content" in response:
                    schema = response["content"]["application/json"]["schema"]
                    schemas[operation["operationId"]] = {
                        **schema,
                        "components": document["components"],
                    }
    return schemas


SCHEMAS = _operation_schemas()


def assert_valid(operation_id: str, body: Mapping[str, Any]) -> None:
    """``body`` + ``api_id`` satisfies the response schema of ``operation_id``."""
    validator = OAS30Validator(SCHEMAS[operation_id], format_checker=oas30_format_checker)
    errors = [error.message for error in validator.iter_errors({"api_id": "x", **body})]
    assert not errors, f"{operation_id}: {errors}"


class Api:
    """The nine operations of a sandbox, each answer checked against openapi.yaml."""

    def __init__(self, sandbox: Sandbox) -> None:
        self.sandbox = sandbox

    def create(self, caller: Account, **args: Any) -> dict[str, Any]:
        """Create a masking session."""
        body = self.sandbox.run(self.sandbox.masking.create, caller, args)
        assert_valid("create_masking_session", body)
        return body

    def update(self, caller: Account, session_uuid: str, **args: Any) -> dict[str, Any]:
        """Update a masking session."""
        body = self.sandbox.run(self.sandbox.masking.update, caller, session_uuid, args)
        assert_valid("update_masking_session", body)
        return body

    def get(self, caller: Account, session_uuid: str) -> dict[str, Any]:
        """Get a masking session (the object inside ``response``)."""
        body = self.sandbox.run(self.sandbox.masking.get, caller, session_uuid)
        assert_valid("get_masking_session", body)
        session: dict[str, Any] = body["response"]
        return session

    def list(self, caller: Account, **query: Any) -> dict[str, Any]:
        """List masking sessions (the ``response`` page)."""
        body = self.sandbox.run(self.sandbox.masking.list, caller, query)
        assert_valid("list_masking_sessions", body)
        page: dict[str, Any] = body["response"]
        return page

    def delete(self, caller: Account, session_uuid: str) -> dict[str, Any]:
        """End a masking session."""
        body = self.sandbox.run(self.sandbox.masking.delete, caller, session_uuid)
        assert_valid("delete_masking_session", body)
        return body

    def send(self, caller: Account, requestor_ip: str = "", **args: Any) -> dict[str, Any]:
        """Start a Verify session."""
        body = self.sandbox.run(self.sandbox.verify.create, caller, args, requestor_ip=requestor_ip)
        assert_valid("create_verify_session", body)
        return body

    def validate(self, caller: Account, session_uuid: str, otp: str) -> dict[str, Any]:
        """Validate a Verify OTP."""
        body = self.sandbox.run(self.sandbox.verify.validate, caller, session_uuid, {"otp": otp})
        assert_valid("validate_verify_session", body)
        return body

    def verify_get(self, caller: Account, session_uuid: str) -> dict[str, Any]:
        """Get a Verify session."""
        body = self.sandbox.run(self.sandbox.verify.get, caller, session_uuid)
        assert_valid("get_verify_session", body)
        return body

    def verify_list(self, caller: Account, **query: Any) -> dict[str, Any]:
        """List Verify sessions."""
        body = self.sandbox.run(self.sandbox.verify.list, caller, query)
        assert_valid("list_verify_sessions", body)
        return body


@pytest.fixture
def config() -> SandboxConfig:
    """The test accounts, in memory (override per module to change settings)."""
    return make_config()


@pytest.fixture
def clock() -> ManualClock:
    """A clock standing at START until a test advances it."""
    return ManualClock(START)


@pytest.fixture
def sandbox(config: SandboxConfig, clock: ManualClock) -> Iterator[Sandbox]:
    """A fresh in-memory sandbox on the manual clock."""
    box = Sandbox(config, clock=clock)
    yield box
    box.close()


@pytest.fixture
def api(sandbox: Sandbox) -> Api:
    """The sandbox's operations, answers checked against openapi.yaml."""
    return Api(sandbox)


@pytest.fixture
def main(config: SandboxConfig) -> Account:
    """The demo main account."""
    return config.accounts[MAIN_ID]


@pytest.fixture
def sub(config: SandboxConfig) -> Account:
    """The demo main account's subaccount."""
    return config.accounts[SUB_ID]


@pytest.fixture
def other(config: SandboxConfig) -> Account:
    """A main account unrelated to the demo one."""
    return config.accounts[OTHER_ID]


@pytest.fixture
def other_sub(config: SandboxConfig) -> Account:
    """The unrelated main account's subaccount."""
    return config.accounts[OTHER_SUB_ID]
