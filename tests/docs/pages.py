"""The documentation's pages, their fenced blocks, and the links between them.

A page is a Markdown file a reader opens: the README, CONTRIBUTING.md, every
page under ``docs/`` and the benchmark pages. A fenced block may carry a
mark, an HTML comment on the line just before it:

- ``<!-- run with pytest -->``: a test file of another project;
- ``<!-- not run: reason -->``: skipped, saying why;
- ``<!-- output of the block above -->``: what the block before it prints.

``generated/README.md`` is written by the client generator and is not one of
these pages.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

from tests.conftest import REPO_ROOT

README = REPO_ROOT / "README.md"
PAGES = (
    README,
    REPO_ROOT / "CONTRIBUTING.md",
    *sorted((REPO_ROOT / "docs").glob("*.md")),
    REPO_ROOT / "bench" / "README.md",
    REPO_ROOT / "bench" / "PROFILE.md",
)
RUN_LANGUAGES = ("sh", "python")
RUN_WITH_PYTEST = "run with pytest"
OUTPUT = "output of the block above"

FENCE = re.compile(r"^```(\S*)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
MARK = re.compile(r"<!-- (not run: .+?|run with pytest|output of the block above) -->\s*$")
# An inline link or image, [text](target); the target ends at a space (a title) or ")".
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)(?:\s+\"[^\"]*\")?\)")
HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def name(page: Path) -> str:
    """The page's path in the repository, as a reader would name it."""
    return page.relative_to(REPO_ROOT).as_posix()


class Snippet(NamedTuple):
    """One fenced block of a page."""

    page: Path
    line: int
    language: str
    code: str
    mark: str  # "", "run with pytest", "output of the block above" or "not run: <reason>"

    @property
    def runs(self) -> bool:
        """Whether the tests run it: a shell or Python block not marked otherwise."""
        return self.language in RUN_LANGUAGES and self.mark in ("", RUN_WITH_PYTEST)

    @property
    def where(self) -> str:
        """``page line N``, for failure messages."""
        return f"{name(self.page)} line {self.line}"


def snippets(page: Path) -> list[Snippet]:
    """The page's fenced blocks, in order, with the mark on the line before each."""
    text = page.read_text(encoding="utf-8")
    found = []
    for match in FENCE.finditer(text):
        before = text[: match.start()].rstrip("\n").rsplit("\n", 1)[-1]
        mark = MARK.search(before)
        found.append(
            Snippet(
                page=page,
                line=text.count("\n", 0, match.start()) + 1,
                language=match.group(1),
                code=match.group(2),
                mark=mark.group(1) if mark else "",
            )
        )
    return found


def without_code(text: str) -> str:
    """``text`` with its fenced blocks blanked out: a ``#`` or ``[x](y)`` there is code."""
    return FENCE.sub(lambda block: "\n" * block.group(0).count("\n"), text)


def slug(heading: str) -> str:
    """The anchor GitHub gives a heading: its text, lower case, punctuation dropped.

    Markup is rendered first (a link's text stays, backticks and emphasis
    marks go), then every character but letters, digits, spaces, ``-`` and
    ``_`` is dropped and each space becomes ``-``.
    """
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading)
    text = re.sub(r"[`*]", "", text)
    text = re.sub(r"[^\w\- ]", "", text.strip().lower())
    return text.replace(" ", "-")


def anchors(page: Path) -> set[str]:
    """Every ``#anchor`` of the page's headings; a repeated slug gets ``-1``, ``-2``..."""
    seen: dict[str, int] = {}
    found = set()
    for match in HEADING.finditer(without_code(page.read_text(encoding="utf-8"))):
        base = slug(match.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def broken_links(page: Path) -> list[str]:
    """Each relative link of ``page`` whose file, or ``#anchor`` in it, does not exist."""
    broken = []
    for match in LINK.finditer(without_code(page.read_text(encoding="utf-8"))):
        target = match.group(1)
        if EXTERNAL.match(target):
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        if not file.exists():
            broken.append(f"{target}: no such file")
        elif anchor and (file.suffix != ".md" or anchor not in anchors(file)):
            broken.append(f"{target}: no heading #{anchor} in {file.name}")
    return broken


def linked_pages(page: Path) -> set[Path]:
    """The Markdown files ``page`` links to."""
    linked = set()
    for match in LINK.finditer(without_code(page.read_text(encoding="utf-8"))):
        path = match.group(1).partition("#")[0]
        if path.endswith(".md") and not EXTERNAL.match(path):
            linked.add((page.parent / path).resolve())
    return linked
