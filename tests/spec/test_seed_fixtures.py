"""Plivo's printed answers (tests/fixtures/seeds/) against the document's response schemas.

Each fixture is a response body copied exactly from one of Plivo's documentation pages. They
must all validate, except the examples Plivo printed wrong, which are listed as
non-conforming in index.yaml and are tested to stay wrong in exactly the known way.
"""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import pytest
from jsonschema.exceptions import ValidationError

from .conftest import (
    SEED_FIXTURES_DIR,
    SeedFixture,
    at,
    child,
    errors_at,
    follow,
    load_seed_index,
    operation,
    property_pointers,
    seed_fixtures,
    validate_at,
)

# Plivo's pages live outside the repository, in ../shared/seeds beside the checkout (as in
# CI); the verbatim-copy check runs where they exist.
DEFAULT_SEEDS_DIR = Path(__file__).resolve().parents[3] / "shared" / "seeds"
SEEDS_DIR = Path(os.environ.get("PLIVO_SEEDS_DIR", DEFAULT_SEEDS_DIR))

BROKEN_KEY = "pin_ prompt_play"
CORRECT_KEY = "pin_prompt_play"

# Written out here so that index.yaml cannot quietly drop (or add) a non-conforming mark.
EXPECTED_NON_CONFORMING = {
    "create_masking_session.001.json": "broken_key",
    "update_masking_session.001.json": "broken_key",
    "get_masking_session.001.json": "broken_key",
    "update_masking_session.002.json": "broken_key",
    "create_masking_session.003.json": "legacy_all_strings",
}


def _params(fixtures: Any) -> list[Any]:
    """One pytest param per fixture, named after its file."""
    return [pytest.param(fixture, id=fixture.file.removesuffix(".json")) for fixture in fixtures]


def _schema(fixture: SeedFixture) -> str:
    """The response schema of the fixture's operation and status."""
    return operation(fixture.operation_id).response_schema_pointer(fixture.status)


def undocumented_keys(instance: Any, schema_pointer: str, where: str = "") -> set[str]:
    """JSON pointers of the object keys in ``instance`` that its schema does not document.

    Response schemas tolerate unknown keys (Plivo may add fields), so validation alone cannot
    notice a misspelt one; this walks the instance alongside its schema instead.
    """
    found: set[str] = set()
    if isinstance(instance, dict):
        properties = property_pointers(schema_pointer)
        for key, value in instance.items():
            if key in properties:
                found |= undocumented_keys(value, properties[key], f"{where}/{key}")
            else:
                found.add(f"{where}/{key}")
    elif isinstance(instance, list):
        items = _items_schema(schema_pointer)
        for index, value in enumerate(instance):
            found |= undocumented_keys(value, items, f"{where}/{index}")
    return found


def _items_schema(schema_pointer: str) -> str:
    """The ``items`` schema of the array schema at ``schema_pointer`` (allOf/oneOf/anyOf too)."""
    pending = [follow(schema_pointer)]
    while pending:
        current = follow(pending.pop(0))
        node = at(current)
        if "items" in node:
            return child(current, "items")
        for keyword in ("allOf", "oneOf", "anyOf"):
            pending.extend(child(current, keyword, i) for i in range(len(node.get(keyword, []))))
    raise AssertionError(f"{schema_pointer} documents no array items")


def _renamed(instance: Any, old: str, new: str) -> Any:
    """A deep copy of ``instance`` with every object key ``old`` renamed to ``new``."""
    if isinstance(instance, dict):
        return {
            (new if key == old else key): _renamed(value, old, new)
            for key, value in instance.items()
        }
    if isinstance(instance, list):
        return [_renamed(item, old, new) for item in instance]
    return copy.deepcopy(instance)


# ----------------------------------------------------------------------------- the index


def test_the_index_lists_every_fixture_file_once() -> None:
    listed = [fixture.file for fixture in load_seed_index()]
    on_disk = sorted(path.name for path in SEED_FIXTURES_DIR.glob("*.json"))
    assert sorted(listed) == on_disk
    assert len(listed) == len(set(listed))


def test_the_index_marks_exactly_the_known_non_conforming_examples() -> None:
    marked = {
        fixture.file: fixture.non_conforming_kind
        for fixture in load_seed_index()
        if fixture.non_conforming is not None
    }
    assert marked == EXPECTED_NON_CONFORMING
    for fixture in load_seed_index():
        if fixture.non_conforming is not None:
            assert str(fixture.non_conforming["reason"]).strip(), fixture.file


@pytest.mark.parametrize("fixture", _params(load_seed_index()))
def test_fixture_is_named_after_its_operation_and_seed(fixture: SeedFixture) -> None:
    operation_id, seed_number, extension = fixture.file.split(".")
    assert (operation_id, extension) == (fixture.operation_id, "json")
    assert fixture.seed.startswith(f"{seed_number}_")


@pytest.mark.parametrize("fixture", _params(load_seed_index()))
def test_fixture_is_copied_verbatim_from_its_seed_page(fixture: SeedFixture) -> None:
    seed = SEEDS_DIR / fixture.seed
    if not seed.is_file():
        pytest.skip(f"Plivo's pages are not here ({SEEDS_DIR}); set PLIVO_SEEDS_DIR")
    page = seed.read_text(encoding="utf-8")
    body = fixture.text().removesuffix("\n")
    assert body in page
    assert page.count("\n", 0, page.index(body)) + 1 == fixture.line


# ----------------------------------------------------------------------------- validation


@pytest.mark.parametrize("fixture", _params(seed_fixtures(None, "broken_key")))
def test_plivos_printed_answer_validates_against_the_response_schema(
    fixture: SeedFixture,
) -> None:
    # The broken-key examples validate too: response schemas tolerate unknown keys.
    validate_at(fixture.body(), _schema(fixture))


@pytest.mark.parametrize("fixture", _params(seed_fixtures(None)))
def test_every_key_of_a_conforming_answer_is_documented(fixture: SeedFixture) -> None:
    assert undocumented_keys(fixture.body(), _schema(fixture)) == set()


@pytest.mark.parametrize("fixture", _params(seed_fixtures("broken_key")))
def test_the_pin_prompt_play_typo_is_the_only_undocumented_key(fixture: SeedFixture) -> None:
    assert fixture.non_conforming is not None
    assert fixture.non_conforming["key"] == BROKEN_KEY
    # The key sits in the session object, which create and update wrap in "session" and get
    # in "response".
    session_at = {
        "create_masking_session": "/session",
        "update_masking_session": "/session",
        "get_masking_session": "/response",
    }[fixture.operation_id]
    assert undocumented_keys(fixture.body(), _schema(fixture)) == {f"{session_at}/{BROKEN_KEY}"}


@pytest.mark.parametrize("fixture", _params(seed_fixtures("broken_key")))
def test_the_broken_key_answer_conforms_once_the_key_is_corrected(fixture: SeedFixture) -> None:
    corrected = _renamed(fixture.body(), BROKEN_KEY, CORRECT_KEY)
    assert corrected != fixture.body()
    validate_at(corrected, _schema(fixture))
    assert undocumented_keys(corrected, _schema(fixture)) == set()


def _legacy() -> SeedFixture:
    """The oldest create example, where every value is a string."""
    (legacy,) = seed_fixtures("legacy_all_strings")
    return legacy


def test_the_legacy_create_example_fails_validation() -> None:
    # The "Legacy" page printed the bare session, every value a string; the API answers
    # {api_id, session_uuid, virtual_number, message, session} with real JSON types.
    legacy = _legacy()
    with pytest.raises(ValidationError):
        validate_at(legacy.body(), _schema(legacy))
    errors = errors_at(legacy.body(), _schema(legacy))
    missing = {error.message for error in errors if error.validator == "required"}
    assert missing == {
        "'api_id' is a required property",
        "'message' is a required property",
        "'session' is a required property",
    }


def test_the_legacy_session_fails_because_its_booleans_and_numbers_are_strings() -> None:
    legacy = _legacy()
    session = property_pointers(_schema(legacy))["session"]
    wrong = {
        error.absolute_path[0]: error.validator
        for error in errors_at(legacy.body(), session)
        if error.absolute_path
    }
    # "record": "false", "ring_timeout": "120", "interaction": "{}", ...
    for key in (
        "record",
        "initiate_call_to_first_party",
        "call_time_limit",
        "ring_timeout",
        "total_call_count",
        "total_call_billed_duration",
    ):
        assert wrong.get(key) == "type", key
    assert "interaction" in wrong  # the string "{}" is neither null, an object nor a list
    # "null" for an unset time, and a created_time without its zone.
    assert wrong.get("modified_time") == "pattern"
    assert wrong.get("created_time") == "pattern"
