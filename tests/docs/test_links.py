"""No link between the pages is broken, and every page can be reached from the README.

A relative link must name a file that exists and, with a ``#anchor``, a
heading of that file, by the anchor GitHub gives it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.docs.pages import PAGES, README, anchors, broken_links, linked_pages, name, slug


@pytest.mark.parametrize("page", PAGES, ids=name)
def test_no_link_of_a_page_is_broken(page: Path) -> None:
    assert broken_links(page) == []


def test_a_missing_file_or_heading_is_a_broken_link(tmp_path: Path) -> None:
    (tmp_path / "other.md").write_text("# Other\n\n## Its part\n", encoding="utf-8")
    page = tmp_path / "page.md"
    page.write_text(
        "[fine](other.md#its-part) [gone](missing.md) [wrong](other.md#no-such-part)\n"
        "[here](#page) [web](https://example.com/#anything)\n\n# Page\n\n"
        "```sh\necho '[in code](not-checked.md)'\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page) == [
        "missing.md: no such file",
        "other.md#no-such-part: no heading #no-such-part in other.md",
    ]


def test_headings_get_the_anchors_github_gives_them(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    page.write_text(
        "# The release rule: `make breaking`\n\n## Settings\n\n## Settings\n\n"
        "```sh\n# a comment, not a heading\n```\n",
        encoding="utf-8",
    )
    assert anchors(page) == {"the-release-rule-make-breaking", "settings", "settings-1"}
    assert slug("Where a check's premise meets Plivo's documented behaviour") == (
        "where-a-checks-premise-meets-plivos-documented-behaviour"
    )
    assert slug("Without pytest: `sandbox_process`") == "without-pytest-sandbox_process"


def test_every_page_can_be_reached_from_the_readme() -> None:
    reached = {README.resolve()}
    frontier = [README]
    while frontier:
        for linked in linked_pages(frontier.pop()) - reached:
            reached.add(linked)
            frontier.append(linked)
    assert [name(page) for page in PAGES if page.resolve() not in reached] == []
