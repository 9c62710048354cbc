"""What the drift checker finds in an exchange, and how the report counts it (no HTTP).

The checker uses the operations the sandbox compiles from openapi.yaml; each
finding names the operation, where it is, and what, without the value sent.
"""

from __future__ import annotations

import copy
import json
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from plivo_sandbox.proxy.drift import NO_OPERATION, DriftChecker, DriftReport, Exchange, Mismatch
from tests.conftest import DEMO_AUTH_ID
from tests.proxy.conftest import SESSION_PATH, documented_session

BASIC = [(b"authorization", b"Basic eDp5")]
GET_SESSION = "get_masking_session"


@pytest.fixture(scope="module")
def checker() -> DriftChecker:
    return DriftChecker.from_spec()


def answer(answered: Any, status: int = 200, path: str = SESSION_PATH, **request: Any) -> Exchange:
    """A GET of one masking session (unless ``request`` says otherwise) answered with ``body``."""
    fields: dict[str, Any] = {
        "method": "GET",
        "path": path,
        "query": b"",
        "headers": BASIC,
        "body": b"",
        **request,
    }
    return Exchange(
        **fields,
        status=status,
        response_headers=[(b"content-type", b"application/json")],
        response_body=json.dumps(answered).encode(),
    )


def test_the_documented_example_has_no_mismatch(checker: DriftChecker) -> None:
    assert checker.check(answer(documented_session())) == (GET_SESSION, [])


def test_every_item_of_a_list_is_one_kind(checker: DriftChecker) -> None:
    item = {**documented_session()["response"], "resource_uri": "/x/", "status": "paused"}
    page = {
        "api_id": "a",
        "response": {
            "meta": {"limit": 20, "offset": 0, "next": None, "previous": None, "total_count": 2},
            "objects": [item, copy.deepcopy(item)],
        },
    }
    _, found = checker.check(answer(page, path=f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session"))
    assert [m.where for m in found] == ["response 200 body /response/objects/*/status"]


def test_a_phone_number_as_an_enum_value_is_not_shown(checker: DriftChecker) -> None:
    body = documented_session()
    body["response"]["status"] = "+14155550123"
    _, found = checker.check(answer(body))
    assert [m.what for m in found] == [
        "undocumented value <a phone number> (documented: active, expired)"
    ]


def test_a_schema_error_never_shows_the_value_sent(checker: DriftChecker) -> None:
    body = {"first_party": "+14155550100", "second_party": "not a number"}
    _, found = checker.check(
        answer(
            {"api_id": "a", "error": "second_party: does not match"},
            status=400,
            method="POST",
            path=f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/",
            body=json.dumps(body).encode(),
            headers=[*BASIC, (b"content-type", b"Application/JSON; charset=UTF-8")],
        )
    )
    (mismatch,) = found
    assert (mismatch.operation, mismatch.where) == (
        "create_masking_session",
        "request body /second_party",
    )
    assert mismatch.what.startswith("does not match ^")
    assert "not a number" not in str(mismatch)


def test_an_undocumented_query_parameter_and_missing_credentials_are_request_mismatches(
    checker: DriftChecker,
) -> None:
    _, found = checker.check(answer(documented_session(), query=b"verbose=1", headers=[]))
    assert found == [
        Mismatch(GET_SESSION, "request query verbose", "not a parameter"),
        Mismatch(GET_SESSION, "request header Authorization", "no Basic credentials"),
    ]


def test_a_wrong_media_type_of_an_answer_is_a_header_mismatch(checker: DriftChecker) -> None:
    exchange = answer({})
    page = replace(exchange, status=500, response_headers=[(b"content-type", b"text/html")])
    assert checker.check(page)[1] == [
        Mismatch(
            GET_SESSION,
            "response 500 header Content-Type",
            "text/html, documented application/json",
        )
    ]


def test_a_declared_response_header_is_checked(checker: DriftChecker) -> None:
    exchange = answer({"api_id": "a", "error": "busy"}, status=503)
    busy = replace(
        exchange,
        response_headers=[(b"content-type", b"application/json"), (b"retry-after", b"soon")],
    )
    assert checker.check(busy)[1] == [
        Mismatch(
            GET_SESSION, "response 503 header Retry-After", "wrong type: string, documented integer"
        )
    ]


def test_a_path_of_no_operation_is_one_kind_for_every_account_and_id(checker: DriftChecker) -> None:
    one = checker.check(
        answer({}, path=f"/v1/Account/{DEMO_AUTH_ID}/Call/{'1' * 8}-aaaa-4aaa-8aaa-{'a' * 12}/")
    )
    other = checker.check(
        answer({}, path=f"/v1/Account/SA{'B' * 18}/Call/{'2' * 8}-bbbb-4bbb-8bbb-{'b' * 12}/")
    )
    assert (
        one
        == other
        == (
            None,
            [
                Mismatch(
                    NO_OPERATION,
                    "request",
                    "GET /v1/Account/{auth_id}/Call/{uuid}/ is not an operation of the spec",
                )
            ],
        )
    )


def test_the_report_counts_each_kind_and_tells_of_it_once() -> None:
    told: list[str] = []
    report = DriftReport(on_new_kind=told.append)
    extra = Mismatch(GET_SESSION, "response 200 body /response/x", "undocumented property")
    for _ in range(3):
        report.add(GET_SESSION, [extra, extra])
    assert (report.exchanges, report.kinds[extra].count) == (3, 3)
    assert told == [f"drift: {extra}"]


def test_kinds_beyond_the_limit_are_counted_together() -> None:
    report = DriftReport(max_kinds=1)
    report.add(
        None, [Mismatch(NO_OPERATION, "request", "a"), Mismatch(NO_OPERATION, "request", "b")]
    )
    assert (len(report.kinds), report.uncounted) == (1, 1)


def test_the_summary_lists_each_kind_with_its_count_most_frequent_first() -> None:
    report = DriftReport()
    rare = Mismatch(GET_SESSION, "response status", "502 is not documented")
    common = Mismatch(GET_SESSION, "response 200 body /response/x", "undocumented property")
    report.add(GET_SESSION, [rare, common])
    report.add(GET_SESSION, [common])
    report.add_failure("timeout")
    assert report.summary().splitlines() == [
        "drift summary: 2 exchange(s) checked, 2 kind(s) of mismatch, 1 upstream failure(s)",
        f"       2 x {GET_SESSION}",
        "  count  mismatch",
        f"      2  {common}",
        f"      1  {rare}",
        "      1  upstream: timeout",
    ]


def test_the_json_report_holds_every_kind_with_its_count(tmp_path: Path) -> None:
    report = DriftReport()
    report.add(GET_SESSION, [Mismatch(GET_SESSION, "response status", "502 is not documented")])
    report.write(tmp_path / "drift.json")
    written = json.loads((tmp_path / "drift.json").read_text())
    assert written["exchanges"] == 1 and written["operations"] == {GET_SESSION: 1}
    assert [
        {k: m[k] for k in ("operation", "where", "what", "count")} for m in written["mismatches"]
    ] == [
        {
            "operation": GET_SESSION,
            "where": "response status",
            "what": "502 is not documented",
            "count": 1,
        }
    ]
