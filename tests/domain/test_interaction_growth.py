"""A session stays the same size however many calls it sees: its latest calls shown, all counted."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.errors import NotFound
from plivo_sandbox.masking.record import KEPT_INTERACTIONS, MaskingRecord
from tests.domain.conftest import US_A, US_B, Api

BASE = "http://127.0.0.1:8000"
CALLS = KEPT_INTERACTIONS + 5


def calls(sandbox: Sandbox, session_uuid: str, count: int) -> list[dict[str, Any]]:
    return [
        sandbox.run(
            sandbox.masking.simulate_call,
            session_uuid,
            {"caller": US_A, "duration": 30 + n},
            base_url=BASE,
        )
        for n in range(count)
    ]


def stored_size(sandbox: Sandbox, session_uuid: str) -> int:
    with sandbox.store.transaction(write=False) as tx:
        row = tx.get("masking", session_uuid)
    assert row is not None
    return len(row.text)


@pytest.fixture
def recorded(api: Api, main: Account) -> str:
    created = api.create(main, first_party=US_A, second_party=US_B, record=True)
    uuid: str = created["session_uuid"]
    return uuid


def test_a_session_shows_its_latest_calls_and_counts_every_call(
    api: Api, sandbox: Sandbox, main: Account, recorded: str
) -> None:
    placed = calls(sandbox, recorded, CALLS)

    got = api.get(main, recorded)

    assert got["interaction"] == [answer["interaction"] for answer in placed[-KEPT_INTERACTIONS:]]
    every = [answer["interaction"] for answer in placed]
    assert got["total_call_count"] == sum(i["total_call_count"] for i in every)
    assert got["total_call_billed_duration"] == sum(i["call_billed_duration"] for i in every)
    amount = sum((Decimal(str(i["total_call_amount"])) for i in every), Decimal(0))
    assert got["total_call_amount"] == float(amount)
    assert got["last_interaction_time"] == every[-1]["end_time"]


def test_a_sessions_stored_size_stops_growing_after_its_kept_calls(
    sandbox: Sandbox, recorded: str
) -> None:
    calls(sandbox, recorded, KEPT_INTERACTIONS)
    full = stored_size(sandbox, recorded)

    calls(sandbox, recorded, 3 * KEPT_INTERACTIONS)

    assert stored_size(sandbox, recorded) < full * 1.05  # the same calls, only newer


def test_the_recordings_of_the_latest_calls_stay_downloadable(
    sandbox: Sandbox, recorded: str
) -> None:
    placed = calls(sandbox, recorded, CALLS)
    oldest, latest = placed[0]["recording"], placed[-KEPT_INTERACTIONS]["recording"]

    found = sandbox.run(sandbox.masking.recording, recorded, latest["recording_id"])

    assert found == latest
    with pytest.raises(NotFound, match=f"latest {KEPT_INTERACTIONS} calls"):
        sandbox.run(sandbox.masking.recording, recorded, oldest["recording_id"])


def test_a_session_stored_before_totals_were_kept_still_adds_up(
    api: Api, sandbox: Sandbox, main: Account, recorded: str
) -> None:
    placed = calls(sandbox, recorded, 3)
    with sandbox.store.transaction() as tx:
        row = tx.get("masking", recorded)
        assert row is not None
        old = MaskingRecord.from_row(row)
        old.totals = None  # as an older sandbox stored it: the list held every call
        tx.update(old.to_row())

    calls(sandbox, recorded, 1)

    got = api.get(main, recorded)
    legs = sum(answer["interaction"]["total_call_count"] for answer in placed)
    assert got["total_call_count"] == legs + 2
    assert len(got["interaction"]) == 4
