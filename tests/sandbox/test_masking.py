"""Masking sessions through HTTP, as a client of api.plivo.com would see them.

The app validates every response against openapi.yaml (``validate_responses``),
so each test also proves its answers conform to the spec.
"""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient

from tests.conftest import DEMO_SUB_AUTH_ID, DEMO_SUB_AUTH_TOKEN
from tests.sandbox.conftest import TWO_PARTIES, assert_plivo_error, masking

PIN_PROMPT = "https://example.com/pin_prompt.wav"
WRONG_PIN = "https://example.com/incorrect_pin.mp3"


def create(client: TestClient, **arguments: Any) -> dict[str, Any]:
    response = client.post(masking(), json={**TWO_PARTIES, **arguments})
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def advance(client: TestClient, seconds: float) -> None:
    assert client.post("/_sandbox/clock/advance", json={"seconds": seconds}).status_code == 200


def test_create_answers_201_with_the_session_wrapped(client: TestClient) -> None:
    body = create(client)
    assert body["message"] == "Session created"
    assert body["session_uuid"] == body["session"]["session_uuid"]
    assert body["session"]["status"] == "active"


def test_create_fills_the_documented_defaults(client: TestClient) -> None:
    session = create(client)["session"]
    assert session["record"] is False
    assert session["record_file_format"] == "mp3"
    assert session["recording_callback_method"] == "POST"
    assert session["callback_method"] == "POST"
    assert session["call_time_limit"] == 3600
    assert session["ring_timeout"] == 120
    assert session["duration"] == 3600
    assert session["initiate_call_to_first_party"] is False


def test_the_top_level_virtual_number_has_a_plus_and_the_inner_one_not(client: TestClient) -> None:
    body = create(client)
    assert body["virtual_number"] == "+" + body["session"]["virtual_number"]


def test_parties_come_back_without_the_plus(client: TestClient) -> None:
    session = create(client)["session"]
    assert session["first_party"] == "14155550100"
    assert session["second_party"] == "14155550199"


def test_geomatch_allocates_a_number_in_the_first_partys_country(client: TestClient) -> None:
    body = create(client, first_party="+919003459051", second_party="+14155550199")
    assert body["virtual_number"].startswith("+91")


def test_timestamps_are_written_the_way_plivo_writes_them(client: TestClient) -> None:
    session = create(client)["session"]
    assert session["created_time"].endswith(" +0000 UTC")
    assert session["last_interaction_time"] == ""


def test_the_sdk_trailing_slash_form_is_accepted(client: TestClient) -> None:
    response = client.post(masking() + "/", json=TWO_PARTIES)
    assert response.status_code == 201
    uuid = response.json()["session_uuid"]
    assert client.get(masking(session_uuid=uuid) + "/").status_code == 200


def test_both_parties_are_required_for_a_two_party_session(client: TestClient) -> None:
    response = client.post(masking(), json={"first_party": "+14155550100"})
    assert_plivo_error(response, 400, "second_party")


def test_a_single_party_session_needs_only_one_party(client: TestClient) -> None:
    response = client.post(
        masking(), json={"second_party": "+14155550199", "create_session_with_single_party": True}
    )
    assert response.status_code == 201, response.text
    assert response.json()["session"]["first_party"] == ""


def test_pin_authentication_requires_the_prompts(client: TestClient) -> None:
    response = client.post(
        masking(),
        json={**TWO_PARTIES, "is_pin_authentication_required": True, "generate_pin": True},
    )
    assert_plivo_error(response, 400, "pin_prompt_play")


def test_pin_authentication_requires_pins_unless_generated(client: TestClient) -> None:
    response = client.post(
        masking(),
        json={
            **TWO_PARTIES,
            "is_pin_authentication_required": True,
            "pin_prompt_play": PIN_PROMPT,
            "incorrect_pin_play": WRONG_PIN,
        },
    )
    assert_plivo_error(response, 400, "pin")


def test_the_two_pins_must_differ(client: TestClient) -> None:
    response = client.post(
        masking(),
        json={
            **TWO_PARTIES,
            "is_pin_authentication_required": True,
            "pin_prompt_play": PIN_PROMPT,
            "incorrect_pin_play": WRONG_PIN,
            "first_party_pin": "1234",
            "second_party_pin": 1234,
        },
    )
    assert_plivo_error(response, 400, "differ")


def test_pins_given_as_numbers_come_back_as_strings(client: TestClient) -> None:
    session = create(
        client,
        is_pin_authentication_required=True,
        pin_prompt_play=PIN_PROMPT,
        incorrect_pin_play=WRONG_PIN,
        first_party_pin=1234,
        second_party_pin=4321,
    )["session"]
    assert (session["first_party_pin"], session["second_party_pin"]) == ("1234", "4321")
    assert session["pin_retry_wait"] == "5"


def test_generate_pin_makes_two_different_pins_of_the_asked_length(client: TestClient) -> None:
    session = create(
        client,
        is_pin_authentication_required=True,
        pin_prompt_play=PIN_PROMPT,
        incorrect_pin_play=WRONG_PIN,
        generate_pin=True,
        generate_pin_length=6,
    )["session"]
    pins = session["first_party_pin"], session["second_party_pin"]
    assert all(len(pin) == 6 and pin.isdigit() for pin in pins)
    assert pins[0] != pins[1]


def test_sessions_expire_after_session_expiry(client: TestClient) -> None:
    uuid = create(client, session_expiry=60)["session_uuid"]
    advance(client, 61)
    assert client.get(masking(session_uuid=uuid)).json()["response"]["status"] == "expired"


def test_update_changes_settings_and_answers_the_session(client: TestClient) -> None:
    uuid = create(client)["session_uuid"]
    response = client.post(
        masking(session_uuid=uuid), json={"record": True, "call_time_limit": 600}
    )
    assert response.status_code == 200, response.text
    assert response.json()["message"] == "Session updated"
    assert response.json()["session"]["record"] is True
    assert response.json()["session"]["call_time_limit"] == 600


def test_update_of_session_expiry_moves_the_expiry_time(client: TestClient) -> None:
    created = create(client)["session"]
    uuid = created["session_uuid"]
    updated = client.post(masking(session_uuid=uuid), json={"session_expiry": 7200}).json()[
        "session"
    ]
    assert updated["duration"] == 7200
    assert updated["expiry_time"] != created["expiry_time"]


def test_update_refuses_a_fixed_field(client: TestClient) -> None:
    uuid = create(client)["session_uuid"]
    response = client.post(masking(session_uuid=uuid), json={"pin_retry": 3})
    assert_plivo_error(response, 400, "pin_retry")


def test_update_refuses_parties_on_a_two_party_session(client: TestClient) -> None:
    uuid = create(client)["session_uuid"]
    response = client.post(masking(session_uuid=uuid), json={"first_party": "+14155550111"})
    assert_plivo_error(response, 400, "first_party")


def test_update_sets_the_missing_party_of_a_single_party_session(client: TestClient) -> None:
    created = client.post(
        masking(), json={"first_party": "+14155550100", "create_session_with_single_party": True}
    ).json()
    response = client.post(
        masking(session_uuid=created["session_uuid"]), json={"second_party": "+14155550142"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["session"]["second_party"] == "14155550142"


def test_an_expired_session_cannot_be_revived(client: TestClient) -> None:
    uuid = create(client, session_expiry=60)["session_uuid"]
    advance(client, 120)
    response = client.post(masking(session_uuid=uuid), json={"session_expiry": 86400})
    assert_plivo_error(response, 409, "expired")


def test_delete_ends_the_session_and_keeps_it_readable(client: TestClient) -> None:
    uuid = create(client)["session_uuid"]
    response = client.delete(masking(session_uuid=uuid))
    assert response.status_code == 200
    assert response.json()["message"] == "Session expired"
    assert client.get(masking(session_uuid=uuid)).json()["response"]["status"] == "expired"


def test_get_of_an_unknown_session_is_a_404(client: TestClient) -> None:
    response = client.get(masking(session_uuid="6e0f3b8c-1d2a-4e5f-8a9b-0c1d2e3f4a5b"))
    assert_plivo_error(response, 404)


def test_a_subaccount_cannot_see_its_parents_sessions(client: TestClient) -> None:
    uuid = create(client)["session_uuid"]
    as_sub = (DEMO_SUB_AUTH_ID, DEMO_SUB_AUTH_TOKEN)
    assert_plivo_error(client.get(masking(DEMO_SUB_AUTH_ID, uuid), auth=as_sub), 404)
    assert_plivo_error(client.delete(masking(DEMO_SUB_AUTH_ID, uuid), auth=as_sub), 404)
    listed = client.get(masking(DEMO_SUB_AUTH_ID), auth=as_sub).json()["response"]
    assert listed["meta"]["total_count"] == 0


def test_a_main_account_sees_its_subaccounts_sessions(client: TestClient) -> None:
    as_sub = (DEMO_SUB_AUTH_ID, DEMO_SUB_AUTH_TOKEN)
    created = client.post(masking(DEMO_SUB_AUTH_ID), json=TWO_PARTIES, auth=as_sub)
    assert created.status_code == 201, created.text
    assert client.get(masking(session_uuid=created.json()["session_uuid"])).status_code == 200


def test_list_is_newest_first_with_resource_uris(client: TestClient) -> None:
    first = create(client)["session_uuid"]
    advance(client, 1)
    second = create(client, second_party="+14155550142")["session_uuid"]
    page = client.get(masking()).json()["response"]
    assert [obj["session_uuid"] for obj in page["objects"]] == [second, first]
    assert page["objects"][0]["resource_uri"].endswith(f"/Masking/Session/{second}/")


def test_list_pages_link_to_their_neighbours(client: TestClient) -> None:
    uuids = []
    for n in range(5):
        parties = {"first_party": f"+1415555015{n}", "second_party": f"+1415555016{n}"}
        uuids.append(create(client, **parties)["session_uuid"])
        advance(client, 1)
    first_page = client.get(masking() + "?limit=2").json()["response"]
    assert first_page["meta"]["total_count"] == 5
    assert first_page["meta"]["previous"] is None
    second_page = client.get(first_page["meta"]["next"]).json()["response"]
    third_page = client.get(second_page["meta"]["next"]).json()["response"]
    assert third_page["meta"]["next"] is None
    seen = [o["session_uuid"] for p in (first_page, second_page, third_page) for o in p["objects"]]
    assert seen == list(reversed(uuids))
    back = client.get(second_page["meta"]["previous"]).json()["response"]
    assert back["objects"] == first_page["objects"]


def test_list_filters_by_status(client: TestClient) -> None:
    ended = create(client)["session_uuid"]
    client.delete(masking(session_uuid=ended))
    live = create(client, second_party="+14155550142")["session_uuid"]
    active = client.get(masking() + "?status=active").json()["response"]["objects"]
    expired = client.get(masking() + "?status=expired").json()["response"]["objects"]
    assert [o["session_uuid"] for o in active] == [live]
    assert [o["session_uuid"] for o in expired] == [ended]


def test_list_filters_by_party_with_or_without_plus(client: TestClient) -> None:
    create(client)
    create(client, first_party="+14155550142", second_party="+14155550143")
    objects = client.get(masking() + "?first_party=14155550142").json()["response"]["objects"]
    assert [o["first_party"] for o in objects] == ["14155550142"]


def test_list_filters_by_duration_comparisons(client: TestClient) -> None:
    create(client, session_expiry=60)
    create(client, second_party="+14155550142", session_expiry=7200)
    longer = client.get(masking() + "?duration__gt=3600").json()["response"]["objects"]
    assert [o["duration"] for o in longer] == [7200]


def test_list_searches_the_last_seven_days_by_default(client: TestClient) -> None:
    create(client)
    advance(client, 8 * 86400)
    assert client.get(masking()).json()["response"]["meta"]["total_count"] == 0


def test_list_refuses_a_window_wider_than_thirty_days(client: TestClient) -> None:
    query = "?created_time__gte=2026-01-01 00:00&created_time__lte=2026-03-01 00:00"
    assert_plivo_error(client.get(masking() + query), 400, "30 days")
