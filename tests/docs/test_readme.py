"""The README is the short way in: two commands, a quick start, links to the rest.

Its snippets run with every other page's (``test_snippets.py``); these are
the README's own promises.
"""

from __future__ import annotations

from tests.docs.pages import OUTPUT, README, snippets

# The measure of a README a newcomer reads: httpx, moto, schemathesis,
# Prism, LocalStack and openapi-python-client keep theirs at 100 to 250 lines.
MOST_LINES = 250


def test_the_readme_stays_short() -> None:
    assert len(README.read_text(encoding="utf-8").splitlines()) <= MOST_LINES


def test_the_readmes_make_commands_are_not_run() -> None:
    skipped = [s for s in snippets(README) if s.mark.startswith("not run")]
    assert skipped, "the README's make commands are not run"
    assert any("make serve" in s.code and "make test" in s.code for s in skipped)


def test_the_quick_start_shows_the_output_of_its_call() -> None:
    text = README.read_text(encoding="utf-8")
    quick_start = text[text.index("## Quick start") : text.index("## Use it in your tests")]
    blocks = [s for s in snippets(README) if s.code in quick_start]
    assert [s.runs for s in blocks] == [True, False]
    assert blocks[1].mark == OUTPUT


def test_the_make_targets_table_starts_with_serve_and_test() -> None:
    text = README.read_text(encoding="utf-8")
    table = text[text.index("## Make targets") :].split("\n\n")[1]
    rows = [line for line in table.splitlines() if line.startswith("| `make ")]
    assert [row.split("`")[1] for row in rows[:2]] == ["make serve", "make test"]


# Plivo's own SDK does the README's client flow (create and end a masking session,
# start a Verify session and validate its code) in 11 lines, imports included.
PLIVO_SDK_FLOW_LINES = 11


def test_the_clients_flow_takes_no_more_lines_than_plivos_sdk() -> None:
    text = README.read_text(encoding="utf-8")
    section = text[text.index("## The Python client") :]
    flow = next(s for s in snippets(README) if s.language == "python" and s.code in section)

    lines = [
        line for line in flow.code.splitlines() if line.strip() and not line.strip().startswith("#")
    ]

    assert len(lines) <= PLIVO_SDK_FLOW_LINES, lines
    assert "client.masking_sessions.create(" in flow.code
    assert "client.verify_sessions.validate(" in flow.code
