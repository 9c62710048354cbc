"""Creating masking sessions: defaults, parties, PINs, subaccounts, the session object."""

from __future__ import annotations

import pytest

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.spec import ApiSpec
from tests.domain.conftest import IN_A, IN_B, SUB_ID, US_A, US_B, US_C, Api

PROMPT = "https://example.com/pin_prompt.wav"
INCORRECT = "https://example.com/incorrect_pin.mp3"
PIN_ON = {"is_pin_authentication_required": True, "pin_prompt_play": PROMPT}


def test_create_answers_session_created_with_plus_only_on_top_level_number(
    api: Api, main: Account
) -> None:
    answer = api.create(main, first_party=US_A, second_party=US_B)

    assert answer["message"] == "Session created"
    assert answer["virtual_number"] == "+" + answer["session"]["virtual_number"]
    assert answer["session_uuid"] == answer["session"]["session_uuid"]
    session = answer["session"]
    assert (session["first_party"], session["second_party"]) == (US_A[1:], US_B[1:])
    assert not session["virtual_number"].startswith("+")


def test_create_fills_the_documented_defaults(api: Api, main: Account) -> None:
    session = api.create(main, first_party=US_A, second_party=US_B)["session"]

    defaults = ApiSpec().defaults("MaskingSessionCreateRequest")
    for name in (
        "record",
        "record_file_format",
        "recording_callback_method",
        "call_time_limit",
        "initiate_call_to_first_party",
        "callback_method",
        "ring_timeout",
    ):
        assert session[name] == defaults[name], name
    assert session["duration"] == defaults["session_expiry"]
    for url in (
        "callback_url",
        "recording_callback_url",
        "first_party_play_url",
        "second_party_play_url",
    ):
        assert session[url] == ""


def test_create_keeps_given_settings(api: Api, main: Account) -> None:
    session = api.create(
        main,
        first_party=US_A,
        second_party=US_B,
        record=True,
        record_file_format="wav",
        callback_url="https://example.com/events",
        callback_method="GET",
        ring_timeout=45,
        call_time_limit=14400,
        session_expiry=1800,
    )["session"]

    assert session["record"] is True
    assert session["record_file_format"] == "wav"
    assert session["callback_url"] == "https://example.com/events"
    assert session["callback_method"] == "GET"
    assert (session["ring_timeout"], session["call_time_limit"]) == (45, 14400)
    assert session["duration"] == 1800


def test_session_times_are_rendered_like_plivo(api: Api, main: Account) -> None:
    session = api.create(main, first_party=US_A, second_party=US_B, session_expiry=1800)["session"]

    assert session["created_time"] == "2024-02-01 06:28:15 +0000 UTC"
    assert session["modified_time"] == "2024-02-01 06:28:15 +0000 UTC"
    assert session["expiry_time"] == "2024-02-01 06:58:15 +0000 UTC"
    assert session["duration"] == 1800
    assert session["status"] == "active"
    assert session["last_interaction_time"] == ""
    assert session["interaction"] is None
    assert session["amount"] == session["total_call_amount"] == session["total_session_amount"] == 0
    assert session["total_call_count"] == session["total_call_billed_duration"] == 0


PIN_FIELDS = {
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
}


def test_session_object_without_pin_or_subaccount_has_every_other_schema_field(
    api: Api, main: Account
) -> None:
    session = api.create(main, first_party=US_A, second_party=US_B)["session"]

    expected = set(ApiSpec().properties("MaskingSession")) - PIN_FIELDS - {"subaccount"}
    assert set(session) == expected
    assert session["session_expiry"] == 3600


def test_session_object_with_pin_and_subaccount_has_every_schema_field(
    api: Api, main: Account
) -> None:
    session = api.create(
        main,
        first_party=US_A,
        second_party=US_B,
        subaccount=SUB_ID,
        incorrect_pin_play=INCORRECT,
        first_party_pin="1234",
        second_party_pin="4321",
        **PIN_ON,
    )["session"]

    assert set(session) == set(ApiSpec().properties("MaskingSession"))


@pytest.mark.parametrize("missing", ["first_party", "second_party"])
def test_both_parties_are_required_for_a_two_party_session(
    api: Api, main: Account, missing: str
) -> None:
    args = {"first_party": US_A, "second_party": US_B}
    del args[missing]

    with pytest.raises(BadRequest, match=rf"^{missing}: required"):
        api.create(main, **args)


@pytest.mark.parametrize("given", ["first_party", "second_party"])
def test_single_party_session_needs_one_party_and_stores_the_other_empty(
    api: Api, main: Account, given: str
) -> None:
    session = api.create(main, create_session_with_single_party=True, **{given: US_A})["session"]

    assert session[given] == US_A[1:]
    missing = "second_party" if given == "first_party" else "first_party"
    assert session[missing] == ""


def test_single_party_session_without_any_party_is_bad_request(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"first_party or second_party is required"):
        api.create(main, create_session_with_single_party=True)


def test_the_two_parties_must_differ(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^second_party: must be different"):
        api.create(main, first_party=US_A, second_party=US_A.lstrip("+"))


def test_party_with_unknown_country_code_is_bad_request_naming_it(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^second_party: '9991234567' has no country code"):
        api.create(main, first_party=US_A, second_party="+9991234567")


def test_unknown_argument_is_bad_request_naming_it(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^colour: unknown argument"):
        api.create(main, first_party=US_A, second_party=US_B, colour="blue")


def test_mistyped_argument_is_bad_request_naming_it(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^session_expiry: 'soon' is not of type integer"):
        api.create(main, first_party=US_A, second_party=US_B, session_expiry="soon")


@pytest.mark.parametrize("missing", ["pin_prompt_play", "incorrect_pin_play"])
def test_pin_authentication_requires_both_plays(api: Api, main: Account, missing: str) -> None:
    args = {**PIN_ON, "incorrect_pin_play": INCORRECT, "generate_pin": True}
    del args[missing]

    with pytest.raises(BadRequest, match=rf"^{missing}: required when is_pin_authentication"):
        api.create(main, first_party=US_A, second_party=US_B, **args)


@pytest.mark.parametrize("missing", ["first_party_pin", "second_party_pin"])
def test_pin_authentication_requires_pins_unless_generated(
    api: Api, main: Account, missing: str
) -> None:
    pins = {"first_party_pin": "1234", "second_party_pin": "4321"}
    del pins[missing]

    with pytest.raises(BadRequest, match=rf"^{missing}: required .* generate_pin is false"):
        api.create(
            main,
            first_party=US_A,
            second_party=US_B,
            incorrect_pin_play=INCORRECT,
            **PIN_ON,
            **pins,
        )


def test_integer_pin_is_stored_as_its_decimal_string(api: Api, main: Account) -> None:
    session = api.create(
        main,
        first_party=IN_A,
        second_party=IN_B,
        incorrect_pin_play=INCORRECT,
        first_party_pin=1234,
        second_party_pin="0123",
        **PIN_ON,
    )["session"]

    assert (session["first_party_pin"], session["second_party_pin"]) == ("1234", "0123")


@pytest.mark.parametrize("pin", ["12a4", "", True, -1, 12.5])
def test_pin_must_be_digits_only(api: Api, main: Account, pin: object) -> None:
    with pytest.raises(BadRequest, match=r"^first_party_pin: .* digits only"):
        api.create(
            main,
            first_party=US_A,
            second_party=US_B,
            incorrect_pin_play=INCORRECT,
            first_party_pin=pin,
            second_party_pin="4321",
            **PIN_ON,
        )


def test_the_two_pins_must_differ(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^second_party_pin: must be different"):
        api.create(
            main,
            first_party=US_A,
            second_party=US_B,
            incorrect_pin_play=INCORRECT,
            first_party_pin=1234,
            second_party_pin="1234",
            **PIN_ON,
        )


def test_generate_pin_makes_two_different_pins_of_the_requested_length(
    api: Api, main: Account
) -> None:
    session = api.create(
        main,
        first_party=US_A,
        second_party=US_B,
        incorrect_pin_play=INCORRECT,
        generate_pin=True,
        generate_pin_length=6,
        **PIN_ON,
    )["session"]

    first, second = session["first_party_pin"], session["second_party_pin"]
    assert len(first) == len(second) == 6
    assert first.isdigit() and second.isdigit() and first != second
    assert session["generate_pin"] is True and session["generate_pin_length"] == 6


def test_pin_fields_show_only_with_pin_authentication_and_retry_wait_as_string(
    api: Api, main: Account
) -> None:
    plain = api.create(main, first_party=US_A, second_party=US_B, first_party_pin="1")["session"]
    pinned = api.create(
        main,
        first_party=IN_A,
        second_party=IN_B,
        incorrect_pin_play=INCORRECT,
        generate_pin=True,
        **PIN_ON,
    )["session"]

    assert "first_party_pin" not in plain and "is_pin_authentication_required" not in plain
    assert pinned["is_pin_authentication_required"] is True
    assert pinned["pin_retry_wait"] == "5"
    assert pinned["pin_retry"] == 1
    assert pinned["unknown_caller_play"] == ""
    assert pinned["force_pin_authentication"] is False


def test_subaccount_must_be_a_subaccount_of_the_caller(
    api: Api, main: Account, other_sub: Account
) -> None:
    with pytest.raises(BadRequest, match=rf"^subaccount: {other_sub.auth_id} is not a subaccount"):
        api.create(main, first_party=US_A, second_party=US_B, subaccount=other_sub.auth_id)


def test_subaccount_caller_may_only_name_itself(api: Api, sub: Account, other_sub: Account) -> None:
    own = api.create(sub, first_party=US_A, second_party=US_B, subaccount=sub.auth_id)
    assert own["session"]["subaccount"] == sub.auth_id

    with pytest.raises(BadRequest, match=r"a subaccount may only name itself"):
        api.create(sub, first_party=US_A, second_party=US_C, subaccount=other_sub.auth_id)


def test_session_named_for_a_subaccount_belongs_to_it_and_uses_its_pool(
    api: Api, main: Account, sub: Account
) -> None:
    session = api.create(main, first_party=US_A, second_party=US_B, subaccount=sub.auth_id)[
        "session"
    ]

    assert session["subaccount"] == sub.auth_id
    assert session["virtual_number"] in sub.numbers
    assert api.get(sub, session["session_uuid"])["session_uuid"] == session["session_uuid"]


def test_session_created_by_a_subaccount_is_its_own(api: Api, sub: Account) -> None:
    session = api.create(sub, first_party=IN_A, second_party=IN_B)["session"]

    assert session["subaccount"] == sub.auth_id
    assert session["virtual_number"] in sub.numbers


def test_warming_a_create_stores_nothing_and_leaves_its_errors_to_create(
    api: Api, main: Account
) -> None:
    api.sandbox.masking.warm_create({"first_party": US_A, "second_party": US_B})
    api.sandbox.masking.warm_create({"first_party": "+999123", "second_party": US_B})

    assert api.list(main)["meta"]["total_count"] == 0
    with pytest.raises(BadRequest, match="first_party"):
        api.create(main, first_party="+999123", second_party=US_B)
