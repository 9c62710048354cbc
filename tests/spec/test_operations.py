"""The operations, their arguments and answers, as Plivo documents them.

Every expectation here is written out from Plivo's pages (seed 001 for masking, 004 for the
Verify list) and from the project's reference notes (plivo-api-facts.md), not read from
openapi.yaml: the point is to catch the document drifting from the API it describes.
"""

from __future__ import annotations

from typing import Any

import pytest

from .conftest import (
    Operation,
    at,
    child,
    composed_members,
    documented_properties,
    errors_at,
    follow,
    keyword_value,
    operation,
    operations,
    pointer,
    property_pointer,
    resolved,
)

# ----------------------------------------------------------------------------- the operations

EXPECTED_OPERATIONS = {
    "create_masking_session": ("post", "/Masking/Session"),
    "list_masking_sessions": ("get", "/Masking/Session"),
    "update_masking_session": ("post", "/Masking/Session/{session_uuid}"),
    "get_masking_session": ("get", "/Masking/Session/{session_uuid}"),
    "delete_masking_session": ("delete", "/Masking/Session/{session_uuid}"),
    "create_verify_session": ("post", "/Verify/Session"),
    "list_verify_sessions": ("get", "/Verify/Session"),
    "validate_verify_session": ("post", "/Verify/Session/{session_uuid}"),
    "get_verify_session": ("get", "/Verify/Session/{session_uuid}"),
}
MASKING_OPERATIONS = {op for op in EXPECTED_OPERATIONS if "masking" in op}


def _each_operation() -> list[Any]:
    """One pytest param per expected operationId."""
    return [pytest.param(operation_id, id=operation_id) for operation_id in EXPECTED_OPERATIONS]


def test_the_api_has_exactly_the_nine_documented_operations() -> None:
    found = {op.operation_id: (op.method, op.path) for op in operations()}
    assert found == EXPECTED_OPERATIONS
    assert len(operations()) == len(EXPECTED_OPERATIONS)  # no duplicate operationId hides one


@pytest.mark.parametrize("operation_id", _each_operation())
def test_operation_is_tagged_with_its_api(operation_id: str) -> None:
    expected = "Masking Sessions" if operation_id in MASKING_OPERATIONS else "Verify Sessions"
    assert operation(operation_id).definition["tags"] == [expected]


def test_both_tags_are_described(document: dict[str, Any]) -> None:
    tags = {tag["name"]: tag.get("description", "") for tag in document["tags"]}
    assert set(tags) == {"Masking Sessions", "Verify Sessions"}
    assert all(description.strip() for description in tags.values())


@pytest.mark.parametrize("operation_id", _each_operation())
def test_operation_has_a_summary_and_a_description(operation_id: str) -> None:
    definition = operation(operation_id).definition
    assert definition["summary"].strip()
    assert definition["description"].strip()


# ----------------------------------------------------------------------------- arguments

MASKING_CREATE_ARGUMENTS = {
    "first_party",
    "second_party",
    "create_session_with_single_party",
    "geomatch",
    "virtual_number_cooloff_period",
    "subaccount",
    "is_pin_authentication_required",
    "generate_pin",
    "generate_pin_length",
    "first_party_pin",
    "second_party_pin",
    "pin_prompt_play",
    "incorrect_pin_play",
    "pin_retry",
    "pin_retry_wait",
    "force_pin_authentication",
    "unknown_caller_play",
    "record",
    "recording_callback_url",
    "record_file_format",
    "recording_callback_method",
    "session_expiry",
    "call_time_limit",
    "initiate_call_to_first_party",
    "callback_url",
    "callback_method",
    "ring_timeout",
    "first_party_play_url",
    "second_party_play_url",
}
MASKING_UPDATE_ARGUMENTS = {
    "record",
    "recording_callback_url",
    "record_file_format",
    "recording_callback_method",
    "session_expiry",
    "call_time_limit",
    "callback_url",
    "callback_method",
    "ring_timeout",
    "first_party_play_url",
    "second_party_play_url",
    "first_party",
    "second_party",
}
# Plivo's official SDKs echo the path's session_uuid in update and validate bodies, and the
# API accepts it: the spec documents it as an ignored argument of both.
SDK_ECHOED_ARGUMENTS = {"session_uuid"}


def _time_filter(name: str) -> set[str]:
    """A filter in its five forms: ``x``, ``x__gt``, ``x__gte``, ``x__lt``, ``x__lte``."""
    return {name} | {f"{name}__{suffix}" for suffix in ("gt", "gte", "lt", "lte")}


MASKING_LIST_ARGUMENTS = (
    {"first_party", "second_party", "virtual_number", "status", "subaccount", "limit", "offset"}
    | _time_filter("created_time")
    | _time_filter("expiry_time")
    | _time_filter("duration")
)
VERIFY_CREATE_ARGUMENTS = {
    "recipient",
    "app_uuid",
    "channel",
    "url",
    "method",
    "locale",
    "brand_name",
    "app_hash",
    "code_length",
    "dtmf",
    "fraud_check",
}
VERIFY_LIST_ARGUMENTS = {
    "app_uuid",
    "status",
    "recipient",
    "subaccount",
    "limit",
    "offset",
    "brand_name",
    "app_hash",
    "country",
    "alias",
} | _time_filter("session_time")

EXPECTED_ARGUMENTS = {
    "create_masking_session": MASKING_CREATE_ARGUMENTS,
    "update_masking_session": MASKING_UPDATE_ARGUMENTS | SDK_ECHOED_ARGUMENTS,
    "list_masking_sessions": MASKING_LIST_ARGUMENTS,
    "get_masking_session": set(),
    "delete_masking_session": set(),
    "create_verify_session": VERIFY_CREATE_ARGUMENTS,
    "validate_verify_session": {"otp"} | SDK_ECHOED_ARGUMENTS,
    "list_verify_sessions": VERIFY_LIST_ARGUMENTS,
    "get_verify_session": set(),
}


def test_the_expected_argument_lists_have_the_documented_lengths() -> None:
    # Guards the hand-written sets above against a lost or doubled line.
    lengths = {op: len(arguments) for op, arguments in EXPECTED_ARGUMENTS.items()}
    assert lengths == {
        "create_masking_session": 29,
        "update_masking_session": 13 + len(SDK_ECHOED_ARGUMENTS),
        "list_masking_sessions": 22,
        "get_masking_session": 0,
        "delete_masking_session": 0,
        "create_verify_session": 11,
        "validate_verify_session": 1 + len(SDK_ECHOED_ARGUMENTS),
        "list_verify_sessions": 15,
        "get_verify_session": 0,
    }


@pytest.mark.parametrize("operation_id", _each_operation())
def test_operation_takes_exactly_the_documented_arguments(operation_id: str) -> None:
    assert operation(operation_id).arguments() == EXPECTED_ARGUMENTS[operation_id]


@pytest.mark.parametrize("operation_id", _each_operation())
def test_post_arguments_travel_as_json_and_get_or_delete_arguments_in_the_query(
    operation_id: str,
) -> None:
    op = operation(operation_id)
    if op.method == "post":
        assert op.query_arguments() == set()
        body = resolved(child(op.pointer, "requestBody"))
        assert body["required"] is True
        assert set(body["content"]) == {"application/json"}
    else:
        assert "requestBody" not in op.definition


@pytest.mark.parametrize("operation_id", _each_operation())
def test_item_operations_name_the_session_in_the_path(operation_id: str) -> None:
    op = operation(operation_id)
    path_parameters = {name for (where, name) in op.parameter_pointers() if where == "path"}
    if not op.path.endswith("/{session_uuid}"):
        assert path_parameters == set()
        return
    assert path_parameters == {"session_uuid"}
    located = op.parameter_pointers()[("path", "session_uuid")]
    assert at(located)["required"] is True
    assert keyword_value(child(located, "schema"), "format") == "uuid"


def test_verify_create_requires_only_the_recipient() -> None:
    schema = resolved(operation("create_verify_session").request_schema_pointer() or "")
    assert schema["required"] == ["recipient"]


def test_verify_validate_requires_the_otp() -> None:
    schema = resolved(operation("validate_verify_session").request_schema_pointer() or "")
    assert schema["required"] == ["otp"]


def test_masking_create_states_its_conditional_rules_in_words() -> None:
    # first_party/second_party are required unless create_session_with_single_party, and the
    # PIN arguments depend on is_pin_authentication_required: JSON Schema cannot say that
    # here, so nothing is schema-required and the description carries the rules.
    op = operation("create_masking_session")
    assert "required" not in resolved(op.request_schema_pointer() or "")
    description = op.definition["description"]
    assert "create_session_with_single_party" in description
    assert "is_pin_authentication_required" in description


@pytest.mark.parametrize(
    "operation_id", ["update_masking_session", "list_masking_sessions", "list_verify_sessions"]
)
def test_no_argument_is_required_for_an_update_or_a_list(operation_id: str) -> None:
    op = operation(operation_id)
    schema = op.request_schema_pointer()
    if schema is not None:
        assert "required" not in resolved(schema)
    for (where, _), located in op.parameter_pointers().items():
        if where == "query":
            assert not at(located).get("required", False), located


def test_update_arguments_have_no_defaults() -> None:
    # An omitted update argument leaves the setting as it is; a default would say otherwise.
    op = operation("update_masking_session")
    for name in sorted(op.body_arguments()):
        assert keyword_value(op.argument_schema_pointer(name), "default") is None, name


# (operation, argument, keyword, expected value), from Plivo's pages and the reference file.
DOCUMENTED_CONSTRAINTS: list[tuple[str, str, str, Any]] = [
    ("create_masking_session", "geomatch", "default", True),
    ("create_masking_session", "create_session_with_single_party", "default", False),
    ("create_masking_session", "virtual_number_cooloff_period", "default", 0),
    ("create_masking_session", "virtual_number_cooloff_period", "minimum", 0),
    ("create_masking_session", "is_pin_authentication_required", "default", False),
    ("create_masking_session", "generate_pin", "default", False),
    ("create_masking_session", "generate_pin_length", "default", 4),
    ("create_masking_session", "pin_retry", "minimum", 0),
    ("create_masking_session", "pin_retry", "maximum", 5),
    ("create_masking_session", "pin_retry_wait", "default", 5),
    ("create_masking_session", "force_pin_authentication", "default", False),
    ("create_masking_session", "record", "default", False),
    ("create_masking_session", "record_file_format", "enum", {"mp3", "wav"}),
    ("create_masking_session", "record_file_format", "default", "mp3"),
    ("create_masking_session", "recording_callback_method", "enum", {"GET", "POST"}),
    ("create_masking_session", "recording_callback_method", "default", "POST"),
    ("create_masking_session", "session_expiry", "default", 3600),
    ("create_masking_session", "call_time_limit", "default", 3600),
    ("create_masking_session", "callback_method", "enum", {"GET", "POST"}),
    ("create_masking_session", "callback_method", "default", "POST"),
    ("create_masking_session", "ring_timeout", "default", 120),
    ("update_masking_session", "record_file_format", "enum", {"mp3", "wav"}),
    ("update_masking_session", "recording_callback_method", "enum", {"GET", "POST"}),
    ("update_masking_session", "callback_method", "enum", {"GET", "POST"}),
    ("list_masking_sessions", "status", "enum", {"active", "expired", "all"}),
    ("list_masking_sessions", "status", "default", "all"),
    ("list_masking_sessions", "limit", "minimum", 1),
    ("list_masking_sessions", "limit", "maximum", 20),
    ("list_masking_sessions", "limit", "default", 20),
    ("list_masking_sessions", "offset", "minimum", 0),
    ("create_verify_session", "channel", "enum", {"sms", "voice"}),
    ("create_verify_session", "channel", "default", "sms"),
    ("create_verify_session", "method", "enum", {"GET", "POST"}),
    ("create_verify_session", "method", "default", "POST"),
    ("create_verify_session", "locale", "default", "en"),
    ("create_verify_session", "code_length", "minimum", 4),
    ("create_verify_session", "code_length", "maximum", 8),
    ("list_verify_sessions", "status", "enum", {"in-progress", "verified", "expired"}),
    ("list_verify_sessions", "limit", "minimum", 1),
    ("list_verify_sessions", "limit", "maximum", 20),
    ("list_verify_sessions", "limit", "default", 20),
    ("list_verify_sessions", "offset", "minimum", 0),
]


@pytest.mark.parametrize(
    ("operation_id", "argument", "keyword", "expected"),
    [pytest.param(*row, id=f"{row[0]}.{row[1]}.{row[2]}") for row in DOCUMENTED_CONSTRAINTS],
)
def test_argument_carries_its_documented_default_enum_or_limit(
    operation_id: str, argument: str, keyword: str, expected: Any
) -> None:
    value = keyword_value(operation(operation_id).argument_schema_pointer(argument), keyword)
    # Enums are sets: their order means nothing.
    assert (set(value) if keyword == "enum" and value is not None else value) == expected


BOOLEAN_CREATE_ARGUMENTS = {
    "create_session_with_single_party",
    "geomatch",
    "is_pin_authentication_required",
    "generate_pin",
    "force_pin_authentication",
    "record",
    "initiate_call_to_first_party",
}
INTEGER_CREATE_ARGUMENTS = {
    "virtual_number_cooloff_period",
    "generate_pin_length",
    "pin_retry",
    "pin_retry_wait",
    "session_expiry",
    "call_time_limit",
    "ring_timeout",
}


@pytest.mark.parametrize(
    ("argument", "expected_type"),
    [pytest.param(name, "boolean", id=name) for name in sorted(BOOLEAN_CREATE_ARGUMENTS)]
    + [pytest.param(name, "integer", id=name) for name in sorted(INTEGER_CREATE_ARGUMENTS)],
)
def test_masking_create_argument_has_its_json_type(argument: str, expected_type: str) -> None:
    schema = operation("create_masking_session").argument_schema_pointer(argument)
    assert keyword_value(schema, "type") == expected_type


def _schema_accepts(schema_pointer: str, value: Any) -> bool:
    """Whether ``value`` is valid against the schema at ``schema_pointer``."""
    return not errors_at(value, schema_pointer)


@pytest.mark.parametrize(
    ("operation_id", "argument"),
    [
        pytest.param(op, name, id=f"{op}.{name}")
        for op, names in [
            ("list_masking_sessions", _time_filter("created_time") | _time_filter("expiry_time")),
            ("list_verify_sessions", _time_filter("session_time")),
        ]
        for name in sorted(names)
    ],
)
def test_time_filter_takes_plivos_utc_format(operation_id: str, argument: str) -> None:
    schema = operation(operation_id).argument_schema_pointer(argument)
    for accepted in ("2024-02-01 06:28", "2024-02-01 06:28:15", "2021-03-21 11:47:30.982811"):
        assert _schema_accepts(schema, accepted), accepted
    for refused in ("2024-02-01T06:28:15Z", "2024-02-01", "2024-02-01 06:28:15 +0000 UTC"):
        assert not _schema_accepts(schema, refused), refused


@pytest.mark.parametrize(
    ("operation_id", "argument"),
    [
        pytest.param("create_masking_session", "first_party", id="masking.create.first_party"),
        pytest.param("create_masking_session", "second_party", id="masking.create.second_party"),
        pytest.param("update_masking_session", "first_party", id="masking.update.first_party"),
        pytest.param("create_verify_session", "recipient", id="verify.create.recipient"),
    ],
)
def test_phone_number_argument_is_e164_with_or_without_plus(
    operation_id: str, argument: str
) -> None:
    schema = operation(operation_id).argument_schema_pointer(argument)
    for accepted in ("+12025550100", "12025550100", "+919003459051"):
        assert _schema_accepts(schema, accepted), accepted
    for refused in ("", "+1 202 555 0100", "+012025550100", "phone"):
        assert not _schema_accepts(schema, refused), refused


# ----------------------------------------------------------------------------- answers

# 201 "Resource created" (seed 001's status table) for a masking session; 202 for a Verify
# session (Plivo's SDK tests); the other answers carry a JSON body, hence 200 (seed 001's table
# also lists 202 "Resource changed" and 204 "Resource deleted", but its update and delete
# examples print bodies, which a 204 cannot have).
EXPECTED_SUCCESS = {
    "create_masking_session": "201",
    "list_masking_sessions": "200",
    "update_masking_session": "200",
    "get_masking_session": "200",
    "delete_masking_session": "200",
    "create_verify_session": "202",
    "list_verify_sessions": "200",
    "validate_verify_session": "200",
    "get_verify_session": "200",
}

# The top-level fields of each success answer (reference file, seeds 001 and 004).
EXPECTED_ANSWER_FIELDS = {
    "create_masking_session": {"api_id", "session_uuid", "virtual_number", "message", "session"},
    "list_masking_sessions": {"api_id", "response"},
    "update_masking_session": {"api_id", "message", "session"},
    "get_masking_session": {"api_id", "response"},
    "delete_masking_session": {"api_id", "message"},
    "create_verify_session": {"api_id", "message", "session_uuid"},
    "list_verify_sessions": {"api_id", "meta", "sessions"},
    "validate_verify_session": {"api_id", "message"},
}


@pytest.mark.parametrize("operation_id", _each_operation())
def test_operation_answers_success_with_its_documented_status(operation_id: str) -> None:
    assert operation(operation_id).success_statuses() == [EXPECTED_SUCCESS[operation_id]]


@pytest.mark.parametrize("operation_id", sorted(EXPECTED_ANSWER_FIELDS))
def test_success_answer_requires_its_documented_top_level_fields(operation_id: str) -> None:
    op = operation(operation_id)
    schema = resolved(op.response_schema_pointer(EXPECTED_SUCCESS[operation_id]))
    assert set(schema["required"]) == EXPECTED_ANSWER_FIELDS[operation_id]


@pytest.mark.parametrize("operation_id", EXPECTED_OPERATIONS)
def test_every_answer_carries_api_id(operation_id: str) -> None:
    # "Every response body is JSON and carries api_id" (reference file), errors included.
    op = operation(operation_id)
    for status in op.definition["responses"]:
        # allOf members all apply, so a field required by any of them is required.
        members = composed_members(op.response_schema_pointer(str(status)), ("allOf",))
        required = {name for member in members for name in at(member).get("required", [])}
        assert "api_id" in required, status


# The session attributes of seed 001's table, plus the PIN fields and subaccount (reference).
MASKING_SESSION_ATTRIBUTES = {
    "session_uuid",
    "first_party",
    "second_party",
    "virtual_number",
    "record",
    "recording_callback_url",
    "record_file_format",
    "recording_callback_method",
    "session_expiry",
    "call_time_limit",
    "status",
    "initiate_call_to_first_party",
    "callback_url",
    "callback_method",
    "ring_timeout",
    "first_party_play_url",
    "second_party_play_url",
    "created_time",
    "modified_time",
    "expiry_time",
    "last_interaction_time",
    "total_call_count",
    "total_call_amount",
    "total_call_billed_duration",
    "interaction",
    "duration",
    "amount",
    "total_session_amount",
} | {
    "is_pin_authentication_required",
    "generate_pin",
    "generate_pin_length",
    "first_party_pin",
    "second_party_pin",
    "pin_prompt_play",
    "pin_retry",
    "pin_retry_wait",
    "incorrect_pin_play",
    "unknown_caller_play",
    "force_pin_authentication",
    "subaccount",
}


def _masking_session_schema() -> str:
    """The session object of the masking get answer."""
    get = operation("get_masking_session")
    return property_pointer(get.response_schema_pointer("200"), "response")


def test_the_masking_session_documents_every_attribute_of_plivos_table() -> None:
    missing = MASKING_SESSION_ATTRIBUTES - documented_properties(_masking_session_schema())
    assert missing == set()


def test_masking_session_interaction_lists_call_legs() -> None:
    interaction = property_pointer(_masking_session_schema(), "interaction")
    # The seeds' three call-leg URLs, and what real answers (and Plivo's SDKs) add.
    assert documented_properties(interaction) == {
        "first_party_resource_url",
        "second_party_resource_url",
        "recording_resource_url",
        "start_time",
        "end_time",
        "first_party_status",
        "second_party_status",
        "type",
        "total_call_amount",
        "call_billed_duration",
        "total_call_count",
        "duration",
    }
    # null before the first call, then an object or a list of them (reference file);
    # a leg not made (yet) is null.
    accepted: list[Any] = [
        None,
        {},
        [{"first_party_resource_url": "https://x"}],
        [{"first_party_resource_url": None, "total_call_amount": 0.033}],
    ]
    for value in accepted:
        assert _schema_accepts(interaction, value), value
    assert not _schema_accepts(interaction, "{}")  # the legacy page's string


def test_masking_session_status_is_active_or_expired() -> None:
    status = property_pointer(_masking_session_schema(), "status")
    assert set(keyword_value(status, "enum")) == {"active", "expired"}


def test_masking_list_meta_has_offset_pagination_fields() -> None:
    answer = operation("list_masking_sessions").response_schema_pointer("200")
    meta = property_pointer(answer, "response", "meta")
    assert documented_properties(meta) == {"limit", "next", "offset", "previous", "total_count"}
    listed = property_pointer(answer, "response", "objects")
    assert "resource_uri" in documented_properties(child(follow(listed), "items"))


def test_the_verify_session_has_the_documented_fields() -> None:
    session = operation("get_verify_session").response_schema_pointer("200")
    assert documented_properties(session) >= {
        "api_id",
        "session_uuid",
        "app_uuid",
        "alias",
        "recipient",
        "channel",
        "status",
        "count",
        "requestor_ip",
        "destination_country_iso2",
        "destination_network",
        "attempt_details",
        "charges",
        "created_at",
        "updated_at",
    }
    attempts = child(follow(property_pointer(session, "attempt_details")), "items")
    assert documented_properties(attempts) == {"channel", "attempt_uuid", "status", "time"}
    charges = property_pointer(session, "charges")
    assert documented_properties(charges) == {
        "total_charge",
        "validation_charge",
        "attempt_charges",
    }
    per_attempt = child(follow(property_pointer(charges, "attempt_charges")), "items")
    assert documented_properties(per_attempt) == {"attempt_uuid", "channel", "charge"}
    status = property_pointer(session, "status")
    assert set(keyword_value(status, "enum")) == {"in-progress", "verified", "expired"}


def test_verify_list_answers_sessions_with_meta() -> None:
    answer = operation("list_verify_sessions").response_schema_pointer("200")
    meta = property_pointer(answer, "meta")
    assert documented_properties(meta) >= {"limit", "offset", "next", "previous"}


# ----------------------------------------------------------------------------- errors

COMMON_ERRORS = {"401", "405", "429", "500"}


@pytest.mark.parametrize("operation_id", _each_operation())
def test_operation_documents_the_common_errors(operation_id: str) -> None:
    op = operation(operation_id)
    statuses = {str(status) for status in op.definition["responses"]}
    assert statuses >= COMMON_ERRORS
    # An argument (in the body, the query or the path) can be wrong: that is a 400.
    if op.arguments() or op.parameter_pointers():
        assert "400" in statuses
    # Only an operation on one named session can miss it.
    assert ("404" in statuses) is op.is_item_operation


@pytest.mark.parametrize("operation_id", _each_operation())
def test_error_answers_are_shared_responses_with_the_error_body(operation_id: str) -> None:
    op = operation(operation_id)
    error_schema = pointer("components", "schemas", "Error")
    for status, response in op.definition["responses"].items():
        if str(status)[0] not in "45":
            continue
        assert set(response) == {"$ref"}, status
        assert response["$ref"].startswith("#/components/responses/"), status
        shared = resolved(child(op.pointer, "responses", status))
        assert set(shared["content"]) == {"application/json"}
        assert shared["content"]["application/json"]["schema"] == {"$ref": "#" + error_schema}


def test_each_error_status_has_one_shared_response() -> None:
    used: dict[str, set[str]] = {}
    for op in operations():
        for status, response in op.definition["responses"].items():
            if str(status)[0] in "45":
                used.setdefault(str(status), set()).add(response["$ref"])
    assert all(len(references) == 1 for references in used.values()), used


def test_the_error_body_is_api_id_and_error_text() -> None:
    error = pointer("components", "schemas", "Error")
    assert set(resolved(error)["required"]) == {"api_id", "error"}
    assert _schema_accepts(error, {"api_id": "5c5b7a0e", "error": "session not found"})
    assert not _schema_accepts(error, {"api_id": "5c5b7a0e"})


# ----------------------------------------------------------------------------- links


EXPECTED_LINKS = {
    "create_masking_session": {
        "get_masking_session",
        "update_masking_session",
        "delete_masking_session",
    },
    "create_verify_session": {"get_verify_session", "validate_verify_session"},
}


@pytest.mark.parametrize("operation_id", _each_operation())
def test_create_operations_link_to_the_operations_taking_the_new_session_uuid(
    operation_id: str,
) -> None:
    op = operation(operation_id)
    links: dict[str, Any] = {}
    for status in op.definition["responses"]:
        links |= resolved(child(op.pointer, "responses", status)).get("links", {})
    targets = {resolved_link["operationId"] for resolved_link in links.values()}
    assert targets == EXPECTED_LINKS.get(operation_id, set())
    for link in links.values():
        assert link["parameters"] == {"session_uuid": "$response.body#/session_uuid"}
        target = operation(link["operationId"])
        assert ("path", "session_uuid") in target.parameter_pointers()


# ----------------------------------------------------------------------------- callbacks

MASKING_SESSION_EVENTS = {
    "SessionFirstPartyAnswer",
    "SessionSecondPartyRing",
    "SessionSecondPartyAnswer",
    "SessionSecondPartyHangup",
    "SessionFirstPartyHangup",
    "SessionPinAuthenticationStatus",
    "SessionTimeout",
    "SessionVirtualNumberReplaced",
}
MASKING_SESSION_EVENT_FIELDS = {
    "EventName",
    "EventTimestamp",
    "SessionUUID",
    "From",
    "To",
    "PinAuthenticationStatus",
    "PinRetryCounter",
    "VirtualNumber",
    "Amount",
    "BilledDuration",
    "Duration",
    "PlivoHangupCause",
    "PlivoHangupCauseCode",
    "SequenceNumber",
}
MASKING_RECORDING_EVENTS = {
    "SessionRecordingInitiated",
    "SessionRecordingCompleted",
    "SessionRecordingFailed",
}
MASKING_RECORDING_EVENT_FIELDS = {
    "EventName",
    "EventTimestamp",
    "From",
    "To",
    "RecordingDuration",
    "RecordingEndTime",
    "RecordingFormat",
    "RecordingResourceURL",
    "RecordingStartTime",
    "RecordingURL",
    "RecordingUUID",
    "SequenceNumber",
    "SessionUUID",
    "VirtualNumber",
}
VERIFY_STATUS_EVENT_FIELDS = {
    "AttemptSequence",
    "AttemptUUID",
    "Channel",
    "ChannelErrorCode",
    "ChannelStatus",
    "Recipient",
    "RequestTime",
    "SessionStatus",
    "SessionUUID",
}

# operation -> {URL argument the callback goes to: (payload fields, event names or None)}
EXPECTED_CALLBACKS: dict[str, dict[str, tuple[set[str], set[str] | None]]] = {
    "create_masking_session": {
        "callback_url": (MASKING_SESSION_EVENT_FIELDS, MASKING_SESSION_EVENTS),
        "recording_callback_url": (MASKING_RECORDING_EVENT_FIELDS, MASKING_RECORDING_EVENTS),
    },
    "create_verify_session": {"url": (VERIFY_STATUS_EVENT_FIELDS, None)},
}


def _callbacks(op: Operation) -> dict[str, str]:
    """Map the request-body argument each callback goes to onto its Path Item's pointer."""
    found: dict[str, str] = {}
    for name in op.definition.get("callbacks", {}):
        callback = follow(child(op.pointer, "callbacks", name))
        for expression in at(callback):
            assert expression.startswith("{$request.body#/") and expression.endswith("}")
            found[expression.removeprefix("{$request.body#/").removesuffix("}")] = child(
                callback, expression
            )
    return found


def _post_payload(path_item: str) -> str:
    """The form-data payload schema Plivo POSTs."""
    body = follow(child(path_item, "post", "requestBody"))
    assert set(at(body)["content"]) == {"application/x-www-form-urlencoded"}
    return child(body, "content", "application/x-www-form-urlencoded", "schema")


def _get_payload(path_item: str) -> str:
    """The query-string payload schema Plivo GETs: one exploded form-style object parameter."""
    parameters = [
        follow(child(path_item, "get", "parameters", index))
        for index in range(len(at(child(path_item, "get")).get("parameters", [])))
    ]
    in_query = [parameter for parameter in parameters if at(parameter)["in"] == "query"]
    assert len(in_query) == 1
    parameter = in_query[0]
    assert at(parameter)["in"] == "query"
    assert (at(parameter)["style"], at(parameter)["explode"]) == ("form", True)
    return child(parameter, "schema")


@pytest.mark.parametrize("operation_id", _each_operation())
def test_operation_has_the_documented_callbacks(operation_id: str) -> None:
    op = operation(operation_id)
    expected = EXPECTED_CALLBACKS.get(operation_id, {})
    callbacks = _callbacks(op)
    assert set(callbacks) == set(expected)
    # Each callback URL is an argument of the request that sets it up.
    assert set(callbacks) <= op.body_arguments()


@pytest.mark.parametrize(
    ("operation_id", "url_argument"),
    [
        pytest.param(op, url, id=f"{op}.{url}")
        for op, callbacks in EXPECTED_CALLBACKS.items()
        for url in callbacks
    ],
)
def test_callback_payload_has_the_documented_fields_by_post_and_by_get(
    operation_id: str, url_argument: str
) -> None:
    fields, events = EXPECTED_CALLBACKS[operation_id][url_argument]
    path_item = _callbacks(operation(operation_id))[url_argument]
    # POST sends form data and GET the same fields in the query string (reference file).
    for payload in (_post_payload(path_item), _get_payload(path_item)):
        assert documented_properties(payload) == fields
        if events is not None:
            event_name = property_pointer(payload, "EventName")
            assert set(keyword_value(event_name, "enum")) == events


def test_verify_status_event_enumerates_channels_and_session_statuses() -> None:
    path_item = _callbacks(operation("create_verify_session"))["url"]
    payload = _post_payload(path_item)
    assert set(keyword_value(property_pointer(payload, "Channel"), "enum")) == {"sms", "voice"}
    session_status = property_pointer(payload, "SessionStatus")
    assert set(keyword_value(session_status, "enum")) == {"in-progress", "expired"}


def test_callbacks_are_called_without_plivo_credentials() -> None:
    # Plivo calls the receiver's URL; the API's HTTP basic auth does not apply there.
    for op in operations():
        for path_item in _callbacks(op).values():
            for method in ("get", "post"):
                assert at(child(path_item, method))["security"] == [], (op.operation_id, method)


def test_callbacks_document_plivos_signature_headers() -> None:
    # Every callback carries the V3 signature and its nonce; a subaccount's also Ma-V3.
    expected = {
        "X-Plivo-Signature-V3": True,
        "X-Plivo-Signature-V3-Nonce": True,
        "X-Plivo-Signature-Ma-V3": False,
    }
    for op in operations():
        for path_item in _callbacks(op).values():
            for method in ("get", "post"):
                headers = {}
                for index in range(len(at(child(path_item, method)).get("parameters", []))):
                    parameter = at(follow(child(path_item, method, "parameters", index)))
                    if parameter["in"] == "header":
                        headers[parameter["name"]] = parameter.get("required", False)
                assert headers == expected, (op.operation_id, method)


# ----------------------------------------------------------------------------- personal data


def _pii_fields() -> list[Any]:
    """One pytest param per phone-number field, wherever it appears."""
    found: list[Any] = []
    for op_id, names in [
        ("create_masking_session", ("first_party", "second_party")),
        ("update_masking_session", ("first_party", "second_party")),
        ("list_masking_sessions", ("first_party", "second_party")),
        ("create_verify_session", ("recipient",)),
        ("list_verify_sessions", ("recipient",)),
    ]:
        for name in names:
            found.append(
                pytest.param(
                    operation(op_id).argument_schema_pointer(name), id=f"{op_id}.argument.{name}"
                )
            )
    session = _masking_session_schema()
    for name in ("first_party", "second_party"):
        found.append(pytest.param(property_pointer(session, name), id=f"masking_session.{name}"))
    verify_session = operation("get_verify_session").response_schema_pointer("200")
    found.append(
        pytest.param(property_pointer(verify_session, "recipient"), id="verify_session.recipient")
    )
    for op_id, callbacks in EXPECTED_CALLBACKS.items():
        for url, (fields, _) in callbacks.items():
            payload = _post_payload(_callbacks(operation(op_id))[url])
            for name in sorted(fields & {"From", "To", "Recipient"}):
                found.append(
                    pytest.param(property_pointer(payload, name), id=f"{op_id}.{url}.{name}")
                )
    return found


@pytest.mark.parametrize("schema_pointer", _pii_fields())
def test_phone_number_field_is_marked_as_personal_data(schema_pointer: str) -> None:
    assert keyword_value(schema_pointer, "x-pii") is True


DAY = 86400


def test_the_masking_list_windows_are_machine_readable() -> None:
    # Reference: 7-day default window, 30-day widest window, 90 days of data.
    window = operation("list_masking_sessions").definition["x-plivo-search-window"]
    assert window == {"default": 7 * DAY, "max": 30 * DAY, "retention": 90 * DAY}


def test_the_verify_list_window_and_rate_limit_are_machine_readable() -> None:
    # Reference: the last 24 h by default, 90 days of data, 20 requests a minute.
    definition = operation("list_verify_sessions").definition
    assert definition["x-plivo-search-window"] == {"default": DAY, "retention": 90 * DAY}
    assert definition["x-plivo-rate-limit"] == {"requests": 20, "per-seconds": 60}


def test_the_validation_attempt_limit_is_machine_readable() -> None:
    # Reference: at most 10 validation attempts per session.
    definition = operation("validate_verify_session").definition
    assert definition["x-plivo-max-failed-validations"] == 10
