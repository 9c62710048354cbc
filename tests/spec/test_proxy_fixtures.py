"""Answers saved by the drift proxy (tests/fixtures/proxy/) against the spec's schemas.

``plivo-sandbox proxy --save-fixtures tests/fixtures/proxy`` adds each real
exchange here, redacted: from then on its answer (and its request body) must
conform to openapi.yaml. A saved answer that shows drift fails until the spec
is corrected, which is the point (docs/proxy.md).
"""

from __future__ import annotations

import pytest

from plivo_sandbox.proxy.capture import CapturedFixture, read_fixtures
from tests.conftest import REPO_ROOT

from .conftest import operation, validate_at

PROXY_FIXTURES_DIR = REPO_ROOT / "tests" / "fixtures" / "proxy"
SAVED = read_fixtures(PROXY_FIXTURES_DIR)


def assert_conforms(fixture: CapturedFixture) -> None:
    """The saved answer (and request body, if any) conforms to its operation's schemas."""
    saved = operation(fixture.operation_id)
    assert str(fixture.status) in saved.definition["responses"], (
        f"{fixture.file}: status {fixture.status} is not documented for {fixture.operation_id}"
    )
    validate_at(fixture.body(), saved.response_schema_pointer(str(fixture.status)))
    request_schema = saved.request_schema_pointer()
    if fixture.request_file is not None and request_schema is not None:
        validate_at(fixture.request_body(), request_schema)


@pytest.mark.parametrize("fixture", SAVED, ids=[fixture.file for fixture in SAVED])
def test_every_answer_saved_by_the_proxy_conforms_to_the_spec(fixture: CapturedFixture) -> None:
    assert_conforms(fixture)


def test_every_saved_file_is_in_the_index() -> None:
    listed = {fixture.file for fixture in SAVED} | {
        fixture.request_file for fixture in SAVED if fixture.request_file
    }
    assert listed == {path.name for path in PROXY_FIXTURES_DIR.glob("*.json")}
