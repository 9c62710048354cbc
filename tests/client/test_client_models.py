"""The generated models read every body Plivo sends and write it back unchanged.

Offline: no server is involved, only ``Model.from_dict(body).to_dict()``.
"""

from __future__ import annotations

import datetime
import json
from typing import Any

import pytest
from plivo_masking_client import models
from plivo_masking_client.models import (
    MaskingInteraction,
    MaskingSession,
    MaskingSessionGetResponse,
    MaskingSessionStatus,
    MaskingStatusFilter,
    VerifyDtmf,
    VerifySession,
    VerifySessionStatus,
)
from plivo_masking_client.types import UNSET

from .bodies import (
    Body,
    documented_statuses,
    masking_session,
    same_json,
    sdk_fixtures,
    seed_fixtures,
    spec_examples,
    verify_session,
)

ALL_BODIES = spec_examples() + seed_fixtures() + sdk_fixtures()


def model_named(schema: str) -> Any:
    """The generated model class of component schema ``schema`` (same name)."""
    return getattr(models, schema)


def round_trip(schema: str, body: Any) -> Any:
    """``from_dict`` then ``to_dict``, checking the result is plain JSON on the way."""
    dumped = model_named(schema).from_dict(body).to_dict()
    json.dumps(dumped)  # raises if a datetime, enum or model object leaked through
    return dumped


@pytest.mark.parametrize("body", ALL_BODIES, ids=[body.case for body in ALL_BODIES])
def test_every_documented_body_loads_and_dumps_back_without_losing_a_field(body: Body) -> None:
    assert same_json(body.value, round_trip(body.schema, body.value))


def test_the_bodies_cover_every_response_model_of_the_spec() -> None:
    documented = {entry.schema for entry in documented_statuses()}
    assert {body.schema for body in ALL_BODIES} == documented


@pytest.mark.parametrize(
    "timestamp",
    [
        "2024-02-01 06:28:15 +0000 UTC",
        "2023-07-12 15:52:14.772699 +0000 UTC",
        "2023-07-06 10:53:32.814078 +0000 +0000",
        "",
    ],
)
def test_masking_timestamps_stay_the_strings_plivo_wrote(timestamp: str) -> None:
    body = masking_session(
        created_time=timestamp,
        modified_time=timestamp,
        expiry_time=timestamp,
        last_interaction_time=timestamp,
    )
    session = MaskingSession.from_dict(body)
    assert session.created_time == session.expiry_time == session.last_interaction_time == timestamp
    assert session.to_dict() == body


@pytest.mark.parametrize(
    ("written", "instant"),
    [
        (
            "2023-06-01T10:40:05.804031Z",
            datetime.datetime(2023, 6, 1, 10, 40, 5, 804031, tzinfo=datetime.UTC),
        ),
        (
            "2023-07-19T12:11:46.582927+05:30",
            datetime.datetime(2023, 7, 19, 6, 41, 46, 582927, tzinfo=datetime.UTC),
        ),
    ],
)
def test_verify_timestamps_parse_into_aware_datetimes(
    written: str, instant: datetime.datetime
) -> None:
    session = VerifySession.from_dict(verify_session(created_at=written, updated_at=written))
    assert session.created_at == instant
    assert session.created_at.utcoffset() is not None
    assert session.attempt_details is not None
    assert session.attempt_details[0].time.tzinfo is not None


def test_a_session_without_attempts_reads_its_null_lists_and_network_as_none() -> None:
    session = VerifySession.from_dict(
        verify_session(attempt_details=None, destination_network=None, count=0)
    )
    assert session.attempt_details is None
    assert session.destination_network is None


@pytest.mark.parametrize("wait", [5, "5"])
def test_pin_retry_wait_keeps_the_form_it_came_in(wait: int | str) -> None:
    body = masking_session(pin_retry_wait=wait)
    session = MaskingSession.from_dict(body)
    assert session.pin_retry_wait == wait
    assert type(session.pin_retry_wait) is type(wait)
    assert session.to_dict() == body


@pytest.mark.parametrize("amount", [0, 0.5, "0.08", "0"])
def test_money_keeps_the_form_it_came_in(amount: float | str) -> None:
    body = masking_session(amount=amount, total_call_amount=amount, total_session_amount=amount)
    session = MaskingSession.from_dict(body)
    assert session.amount == session.total_call_amount == session.total_session_amount == amount
    assert type(session.amount) is type(amount)
    assert session.to_dict() == body


INTERACTION = {
    "first_party_resource_url": "https://api.plivo.com/v1/Account/MA/Call/1/",
    "second_party_resource_url": "https://api.plivo.com/v1/Account/MA/Call/2/",
    "recording_resource_url": "https://api.plivo.com/v1/Account/MA/Recording/3/",
}


def test_a_null_interaction_reads_as_none() -> None:
    body = masking_session(interaction=None)
    session = MaskingSession.from_dict(body)
    assert session.interaction is None
    assert session.to_dict() == body


def test_an_object_interaction_reads_as_one_masking_interaction() -> None:
    body = masking_session(interaction=INTERACTION)
    session = MaskingSession.from_dict(body)
    assert isinstance(session.interaction, MaskingInteraction)
    assert session.interaction.recording_resource_url == INTERACTION["recording_resource_url"]
    assert session.to_dict() == body


def test_a_list_interaction_reads_as_a_list_of_masking_interactions() -> None:
    body = masking_session(interaction=[INTERACTION, {"first_party_resource_url": "x"}])
    session = MaskingSession.from_dict(body)
    assert isinstance(session.interaction, list)
    assert [type(item) for item in session.interaction] == [MaskingInteraction] * 2
    assert session.interaction[1].second_party_resource_url is UNSET
    assert session.to_dict() == body


def test_an_empty_interaction_list_stays_an_empty_list() -> None:
    body = masking_session(interaction=[])
    assert MaskingSession.from_dict(body).interaction == []
    assert MaskingSession.from_dict(body).to_dict() == body


def test_a_field_plivo_adds_later_lands_in_additional_properties() -> None:
    body = {"api_id": "a", "response": masking_session(caller_id_name="Acme", hold_music=None)}
    parsed = MaskingSessionGetResponse.from_dict(body)
    assert parsed.response.additional_properties == {"caller_id_name": "Acme", "hold_music": None}
    assert parsed.response["caller_id_name"] == "Acme"
    assert parsed.to_dict() == body


def test_an_unknown_masking_status_is_kept_instead_of_raising() -> None:
    body = masking_session(status="suspended")
    session = MaskingSession.from_dict(body)
    assert isinstance(session.status, MaskingSessionStatus)
    assert session.status == "suspended"
    assert session.status.value == "suspended"
    assert str(session.status) == "suspended"
    assert session.to_dict() == body


def test_an_unknown_verify_status_is_kept_instead_of_raising() -> None:
    body = verify_session(status="blocked")
    session = VerifySession.from_dict(body)
    assert session.status.value == "blocked"
    assert session.to_dict()["status"] == "blocked"


def test_an_unknown_enum_value_is_not_one_of_the_listed_members() -> None:
    assert MaskingSessionStatus("suspended") not in list(MaskingSessionStatus)
    assert list(MaskingSessionStatus) == [MaskingSessionStatus.ACTIVE, MaskingSessionStatus.EXPIRED]


def test_listed_enum_values_are_still_the_members_themselves() -> None:
    assert MaskingSessionStatus("active") is MaskingSessionStatus.ACTIVE
    assert VerifySessionStatus("in-progress") is VerifySessionStatus.IN_PROGRESS
    assert VerifyDtmf(1) is VerifyDtmf.VALUE_1


def test_an_enum_still_refuses_a_value_of_the_wrong_type() -> None:
    number: Any = 3
    text: Any = "1"
    with pytest.raises(ValueError):
        MaskingSessionStatus(number)
    with pytest.raises(ValueError):
        VerifyDtmf(text)


def test_enum_members_read_as_their_plain_values() -> None:
    assert str(MaskingStatusFilter.ALL) == "all"
    assert f"{VerifySessionStatus.VERIFIED}" == "verified"
