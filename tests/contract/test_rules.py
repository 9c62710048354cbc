"""``rules.py``: how a positive request is brought inside a rule the spec states in prose.

Each rule changes the least it can and keeps every other drawn value; the
property and stateful tests then show the sandbox accepts the result.
"""

from __future__ import annotations

from datetime import UTC, datetime

from tests.contract import rules

NOW = datetime(2024, 3, 1, 12, 0, tzinfo=UTC)
SUB = "SADEMO1234567890ABCD"


def test_a_two_party_session_gets_the_party_the_generator_left_out() -> None:
    body = rules.masking_create_body({"first_party": "+919003459051", "record": True}, ())
    assert body["first_party"] == "+919003459051" and body["record"] is True
    assert body["second_party"].startswith(rules.PARTY_PREFIX)


def test_a_single_party_session_keeps_its_single_party() -> None:
    drawn = {"create_session_with_single_party": True, "second_party": "+442071838750"}
    assert rules.masking_create_body(drawn, ()) == drawn


def test_two_equal_parties_become_two_numbers() -> None:
    body = rules.masking_create_body(
        {"first_party": "+12025550100", "second_party": "12025550100"}, ()
    )
    assert body["second_party"] == "12025550101"


def test_pin_authentication_gets_its_prompts_and_two_different_pins() -> None:
    drawn = {
        "is_pin_authentication_required": True,
        "first_party_pin": 1234,
        "second_party_pin": "1234",
    }
    body = rules.masking_create_body(drawn, ())
    assert body["pin_prompt_play"] == rules.PIN_PROMPT_PLAY
    assert body["incorrect_pin_play"] == rules.INCORRECT_PIN_PLAY
    assert rules.digits(body["first_party_pin"]) != rules.digits(body["second_party_pin"])


def test_generated_pins_need_no_pins_in_the_request() -> None:
    drawn = {"is_pin_authentication_required": True, "generate_pin": True}
    assert "first_party_pin" not in rules.masking_create_body(drawn, ())


def test_a_subaccount_is_one_of_the_callers_or_left_out() -> None:
    drawn = {"subaccount": "SAOWRKMGU3YZCTZJXXXX"}
    assert rules.verify_list_query(drawn, (SUB,)) == {"subaccount": SUB}
    assert rules.verify_list_query(drawn, ()) == {}


def test_parties_are_set_only_on_a_single_party_session() -> None:
    drawn = {"record": True, "first_party": "+12025550100"}
    assert rules.masking_update_body(drawn, None) == {"record": True}
    assert rules.masking_update_body(drawn, ("", "12025550199")) == drawn
    assert rules.masking_update_body(drawn, ("", "12025550100"))["first_party"] == "+12025550101"


def test_a_masking_list_window_is_narrowed_to_30_days() -> None:
    query = rules.masking_list_query({"created_time__gte": "2020-01-01 00:00"}, (), NOW)
    assert query == {"created_time__gte": "2024-02-01 12:00:00"}


def test_a_window_within_30_days_is_left_as_drawn() -> None:
    drawn = {"expiry_time__gt": "2024-02-20 00:00", "expiry_time__lt": "2024-03-01 00:00"}
    assert rules.masking_list_query(drawn, (), NOW) == drawn


def test_owned_numbers_replace_every_reachable_valid_number_but_no_invalid_one() -> None:
    pattern = r"^\+?[1-9][0-9]{6,14}$"
    body = {"first_party": "+12025550100", "second_party": "not a number", "record": True}
    owned = rules.with_owned_numbers(body, ("+14155550001", "+14155550002"), pattern)
    assert owned == {"first_party": "+14155550001", "second_party": "not a number", "record": True}
