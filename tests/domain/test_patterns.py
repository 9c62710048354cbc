"""Every ``pattern`` of openapi.yaml means what JSON Schema says: ``$`` is the true end."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from plivo_sandbox.core.spec import load_document, schema_regex


def _patterns(node: Any, where: str = "#") -> Iterator[tuple[str, str, Any]]:
    """(location, pattern, example or None) of every schema with a pattern."""
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield where, node["pattern"], node.get("example")
        for key, value in node.items():
            yield from _patterns(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from _patterns(value, f"{where}/{index}")


# The patterns that come with a string example to try them on.
PATTERNS = [found for found in _patterns(load_document()) if isinstance(found[2], str)]


def test_the_spec_has_patterns_to_check() -> None:
    assert len(PATTERNS) > 5


@pytest.mark.parametrize(("where", "pattern", "example"), PATTERNS, ids=[p[0] for p in PATTERNS])
def test_a_pattern_accepts_its_example_and_refuses_it_with_a_final_newline(
    where: str, pattern: str, example: str
) -> None:
    assert schema_regex(pattern).search(example), where
    assert not schema_regex(pattern).search(example + "\n"), where


@pytest.mark.parametrize(
    ("pattern", "text", "matches"),
    [
        ("^[a-z]{2}$", "en", True),
        ("^[a-z]{2}$", "en\n", False),
        (r"^a\$$", "a$", True),  # an escaped dollar stays a dollar
        ("^[$]$", "$", True),  # so does one in a character class
        ("^a$|^b$", "a\n", False),
        ("^ab", "abc\n", True),  # no end anchor, no change
    ],
)
def test_schema_regex_anchors_dollar_at_the_true_end(
    pattern: str, text: str, matches: bool
) -> None:
    assert bool(schema_regex(pattern).search(text)) is matches
