"""Swagger UI in a real headless Chromium: every operation listed, "Try it out" works.

Chromium is Debian's (``make chromium`` installs it); Playwright only drives it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Locator, Page, sync_playwright

CHROMIUM = shutil.which("chromium")
# Flags that keep Chromium off the network and working as root in CI.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
OPERATIONS = [
    ("Masking_Sessions", "create_masking_session"),
    ("Masking_Sessions", "list_masking_sessions"),
    ("Masking_Sessions", "update_masking_session"),
    ("Masking_Sessions", "get_masking_session"),
    ("Masking_Sessions", "delete_masking_session"),
    ("Verify_Sessions", "create_verify_session"),
    ("Verify_Sessions", "list_verify_sessions"),
    ("Verify_Sessions", "validate_verify_session"),
    ("Verify_Sessions", "get_verify_session"),
]

pytestmark = pytest.mark.browser


@pytest.fixture
def chromium() -> str:
    if CHROMIUM is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is missing in CI: `make chromium` should have installed it")
        pytest.skip("chromium is not installed (run `make chromium`)")
    return CHROMIUM


@pytest.fixture
def docs_page(chromium: str, live_url: str) -> Iterator[Page]:
    """/docs of a live sandbox, open in headless Chromium, its operations listed."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{live_url}/docs")
            page.wait_for_selector(".opblock", timeout=30_000)
            yield page
        finally:
            browser.close()


def test_docs_lists_every_operation_and_try_it_out_calls_the_sandbox(docs_page: Page) -> None:
    for tag, operation_id in OPERATIONS:
        assert docs_page.locator(f"#operations-{tag}-{operation_id}").count() == 1, operation_id
    assert docs_page.locator("#operations-Sandbox_control-reset_sandbox").count() == 1
    if screenshot := os.environ.get("DOCS_SCREENSHOT"):
        docs_page.screenshot(path=screenshot, full_page=True)


def execute(block: Locator) -> tuple[str, str]:
    """Open an operation, press Execute with its defaults; its status and answer."""
    block.locator(".opblock-summary").first.click()
    # The page turns "Try it out" on by default; press it if a user would have to.
    try_out = block.get_by_role("button", name="Try it out", exact=True)
    if try_out.count():
        try_out.click()
    block.locator("button.execute").click()
    status = block.locator(".live-responses-table tr.response .response-col_status").first
    status.wait_for(timeout=30_000)
    answer = block.locator(".live-responses-table tr.response .response-col_description").first
    text = status.inner_text().strip(), answer.inner_text()
    block.locator(".opblock-summary").first.click()  # close it again
    return text


def test_every_operation_succeeds_on_its_defaults_at_the_first_click(docs_page: Page) -> None:
    blocks = docs_page.locator(".opblock")
    ids = [blocks.nth(i).get_attribute("id") for i in range(blocks.count())]
    assert len(ids) >= len(OPERATIONS) + 8
    for block_id in ids:
        status, answer = execute(docs_page.locator(f"[id='{block_id}']"))
        assert status.startswith("2"), f"{block_id}: {status} {answer}"
