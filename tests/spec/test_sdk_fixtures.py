"""Answers kept by Plivo's own SDKs (tests/fixtures/sdk/) against the spec's response schemas.

Real answers leave values unset as ``null`` and carry fewer fields than the documentation
pages show; the spec accepts each one. The one hand-edited mock Plivo could not have sent is
marked in index.yaml and checked to be wrong in exactly that one value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import SDK_FIXTURES_DIR, SdkFixture, errors_at, operation, sdk_fixtures, validate_at

CONFORMING = [fixture for fixture in sdk_fixtures() if fixture.non_conforming is None]
NON_CONFORMING = [fixture for fixture in sdk_fixtures() if fixture.non_conforming is not None]


def _schema(fixture: SdkFixture) -> str:
    return operation(fixture.operation_id).response_schema_pointer(fixture.status)


@pytest.mark.parametrize("fixture", CONFORMING, ids=[f.file for f in CONFORMING])
def test_every_answer_kept_by_an_sdk_conforms_to_the_spec(fixture: SdkFixture) -> None:
    validate_at(fixture.body(), _schema(fixture))


@pytest.mark.parametrize("fixture", NON_CONFORMING, ids=[f.file for f in NON_CONFORMING])
def test_a_hand_edited_mock_is_wrong_only_where_the_index_says(fixture: SdkFixture) -> None:
    assert fixture.non_conforming is not None
    pointers = {
        "/" + "/".join(str(part) for part in error.absolute_path)
        for error in errors_at(fixture.body(), _schema(fixture))
    }
    assert pointers == {fixture.non_conforming["pointer"]}


def test_every_fixture_file_is_in_the_index_with_its_source() -> None:
    listed = {fixture.file for fixture in sdk_fixtures()}
    on_disk = {path.name for path in Path(SDK_FIXTURES_DIR).glob("*.json")}
    assert listed == on_disk
    assert all(fixture.repo.startswith("plivo/") and fixture.source for fixture in sdk_fixtures())


def test_the_sdk_answers_cover_every_operation() -> None:
    covered = {fixture.operation_id for fixture in CONFORMING}
    assert covered == {
        "create_masking_session",
        "get_masking_session",
        "update_masking_session",
        "delete_masking_session",
        "list_masking_sessions",
        "create_verify_session",
        "get_verify_session",
        "validate_verify_session",
        "list_verify_sessions",
    }
