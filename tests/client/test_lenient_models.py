"""An answer that departs from the spec never breaks its page: what fits is typed, nothing is lost.

A field an answer lacks, or whose value does not fit its schema, reads
``UNSET``; its raw value stays among the model's ``additional_properties``, so
``to_dict()`` gives back what came. Offline: only ``from_dict`` and ``to_dict``.
"""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest
from plivo_masking_client import models
from plivo_masking_client.models import (
    MaskingSessionListResponse,
    VerifyAttempt,
    VerifySession,
    VerifySessionListResponse,
)
from plivo_masking_client.types import UNSET

from tests.client.bodies import documented_statuses, same_json
from tests.conftest import REPO_ROOT
from tests.spec.conftest import sdk_fixtures as sdk_answers

SDK = REPO_ROOT / "tests" / "fixtures" / "sdk"
VERIFY_PAGE: dict[str, Any] = json.loads(
    (SDK / "plivo-python.sessionListResponse.excerpt.json").read_text()
)
MASKING_PAGE: dict[str, Any] = json.loads(
    (SDK / "plivo-python.maskingSessionListResponse.json").read_text()
)


def unset(value: object) -> bool:
    """Whether a typed attribute reads ``UNSET`` (its type does not say it can)."""
    return value is UNSET


def test_an_attempt_without_its_time_keeps_the_page_and_its_other_fields() -> None:
    page = copy.deepcopy(VERIFY_PAGE)
    del page["sessions"][0]["attempt_details"][0]["time"]

    parsed = VerifySessionListResponse.from_dict(page)

    attempts = parsed.sessions[0].attempt_details
    assert isinstance(attempts, list) and isinstance(attempts[0], VerifyAttempt)
    assert attempts[0].channel == "sms" and unset(attempts[0].time)
    assert parsed.to_dict() == VerifySessionListResponse.from_dict(page).to_dict()
    assert same_json(page, parsed.to_dict())


def test_a_session_missing_a_required_field_stays_a_typed_item() -> None:
    page = copy.deepcopy(VERIFY_PAGE)
    del page["sessions"][1]["status"]

    parsed = VerifySessionListResponse.from_dict(page)

    assert isinstance(parsed.sessions[1], VerifySession)
    assert unset(parsed.sessions[1].status)
    assert parsed.sessions[1].recipient == page["sessions"][1]["recipient"]
    assert same_json(page, parsed.to_dict())


def test_a_value_that_does_not_fit_is_kept_raw_and_written_back() -> None:
    page = copy.deepcopy(VERIFY_PAGE)
    page["sessions"][0]["created_at"] = "yesterday"

    parsed = VerifySessionListResponse.from_dict(page)

    assert unset(parsed.sessions[0].created_at)
    assert parsed.sessions[0]["created_at"] == "yesterday"
    assert parsed.to_dict()["sessions"][0]["created_at"] == "yesterday"


def test_a_masking_item_with_a_new_shape_of_interaction_keeps_the_page() -> None:
    page = copy.deepcopy(MASKING_PAGE)
    page["response"]["objects"][0]["interaction"] = "one call"
    del page["response"]["objects"][0]["session_uuid"]

    parsed = MaskingSessionListResponse.from_dict(page)

    assert unset(parsed.response.objects[0].session_uuid)
    assert same_json(page, parsed.to_dict())


@pytest.mark.parametrize("answer", sdk_answers(), ids=lambda answer: answer.file)
def test_every_sdk_fixture_round_trips_even_the_non_conforming(answer: Any) -> None:
    schemas = {(entry.operation_id, entry.status): entry.schema for entry in documented_statuses()}
    model = getattr(models, schemas[(answer.operation_id, int(answer.status))])
    body = answer.body()

    dumped = model.from_dict(body).to_dict()

    json.dumps(dumped)
    assert same_json(body, dumped)
