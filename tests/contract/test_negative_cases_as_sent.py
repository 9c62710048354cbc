"""A negative case is a failure only when the request actually sent breaks openapi.yaml.

Issue 19's false positive, rebuilt: schemathesis generated a negative
``GET /Verify/Session`` (an undocumented query parameter, no
``Authorization`` header), but the undocumented parameter's value was
``None``, which is not sent, and the run's auth put ``Authorization`` back.
The request that reached the sandbox was valid, the sandbox answered 200,
and schemathesis reported "Schema-violating request accepted" (its issues
3730 and 4332). The hooks judge the request as sent, with the sandbox's own
validators (``conformance.py``), and drop such a failure with its reason.
"""

from __future__ import annotations

import base64
from typing import Any

import requests
import schemathesis
from schemathesis.core.failures import AcceptedNegativeData
from schemathesis.core.parameters import ParameterLocation
from schemathesis.generation.meta import (
    CaseMetadata,
    ComponentInfo,
    FuzzingPhaseData,
    GenerationInfo,
    PhaseInfo,
    TestPhase,
)
from schemathesis.generation.modes import GenerationMode

from plivo_sandbox.core.spec import SPEC_PATH, load_document
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN
from tests.contract import conformance, hooks
from tests.contract.conftest import BASE_PATH, load_contract_config

NEGATIVE = ComponentInfo(mode=GenerationMode.NEGATIVE)
# The query of the case in the issue (its alias shortened), all documented parameters.
ISSUE_QUERY = {
    "app_uuid": "6f6465c7-1d5a-4a2b-9c3e-5f7a8b9c0d1e",
    "alias": "\U000c1f3c",
    "country": "QR",
    "app_hash": "lg4CJu4i1DP",
}
CREDENTIALS = (DEMO_AUTH_ID, DEMO_AUTH_TOKEN)
BASIC = "Basic " + base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()

schema = schemathesis.openapi.from_path(SPEC_PATH, config=load_contract_config())


def negative_list_case(query: dict[str, Any]) -> schemathesis.Case[Any]:
    """``GET /Verify/Session`` marked negative in its query and headers, without Authorization."""
    meta = CaseMetadata(
        generation=GenerationInfo(time=0.0, mode=GenerationMode.NEGATIVE),
        components={ParameterLocation.QUERY: NEGATIVE, ParameterLocation.HEADER: NEGATIVE},
        phase=PhaseInfo(
            name=TestPhase.FUZZING,
            data=FuzzingPhaseData(
                description=None, parameter=None, parameter_location=None, location=None
            ),
        ),
    )
    operation = schema["/Verify/Session"]["GET"]
    case: schemathesis.Case[Any] = operation.Case(query=query, headers={}, _meta=meta)
    return case


def sent_valid_reasons() -> int:
    return sum(
        n for (_, reason), n in hooks.RULES.dropped.items() if reason == hooks.SENT_REQUEST_VALID
    )


def test_the_issues_case_is_accepted_by_the_sandbox_and_not_reported(sandbox_url: str) -> None:
    case = negative_list_case({**ISSUE_QUERY, "undocumented": None})
    before = sent_valid_reasons()
    # The run's credentials, as the CLI's session applies them to every request.
    response = case.call_and_validate(base_url=f"{sandbox_url}{BASE_PATH}", auth=CREDENTIALS)
    assert response.status_code == 200
    assert "undocumented" not in str(response.request.url)
    assert response.request.headers["Authorization"] == BASIC
    assert sent_valid_reasons() == before + 1  # schemathesis failed it; the hook dropped it


def test_a_negative_case_sent_invalid_and_answered_2xx_still_fails(sandbox_url: str) -> None:
    case = negative_list_case({**ISSUE_QUERY, "undocumented": "1"})
    response = case.call(base_url=f"{sandbox_url}{BASE_PATH}", auth=CREDENTIALS)
    failure = AcceptedNegativeData(
        operation=case.operation.label,
        message="Invalid data should have been rejected",
        status_code=200,
        expected_statuses=["4XX"],
    )
    assert hooks.drop_reason(failure, case, response) is None


def test_the_request_of_the_issue_as_sent_conforms() -> None:
    url = (
        requests.Request("GET", f"http://127.0.0.1:1{BASE_PATH}/Verify/Session", params=ISSUE_QUERY)
        .prepare()
        .url
    )
    assert url is not None
    assert conformance.request_conforms("GET", url, {"Authorization": BASIC}, None)


def test_a_request_without_basic_credentials_does_not_conform() -> None:
    url = f"http://127.0.0.1:1{BASE_PATH}/Verify/Session"
    assert not conformance.request_conforms("GET", url, {}, None)
    assert not conformance.request_conforms("GET", url, {"Authorization": "Bearer x"}, None)


def test_an_undocumented_query_parameter_does_not_conform() -> None:
    url = f"http://127.0.0.1:1{BASE_PATH}/Verify/Session?undocumented="
    assert not conformance.request_conforms("GET", url, {"Authorization": BASIC}, None)


def test_a_body_its_schema_refuses_does_not_conform_and_one_it_accepts_does() -> None:
    url = f"http://127.0.0.1:1{BASE_PATH}/Verify/Session"
    headers = {"Authorization": BASIC, "Content-Type": "application/json; charset=UTF-8"}
    assert conformance.request_conforms("POST", url, headers, b'{"recipient": "+14155550100"}')
    assert not conformance.request_conforms("POST", url, headers, b'{"recipient": 14155550100}')


def test_every_operation_of_the_spec_can_be_judged() -> None:
    operation_ids = {
        operation["operationId"]
        for item in load_document()["paths"].values()
        for operation in item.values()
        if isinstance(operation, dict) and "operationId" in operation
    }
    assert set(conformance.judged_operations()) == operation_ids
