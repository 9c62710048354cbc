"""Swagger UI in a real headless Chromium: every operation listed, "Try it out" works.

Chromium is Debian's (``make chromium`` installs it); Playwright only drives it.
"""

from __future__ import annotations

import os
import shutil

import pytest
from playwright.sync_api import sync_playwright

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


def test_docs_lists_every_operation_and_try_it_out_calls_the_sandbox(
    chromium: str, live_url: str
) -> None:
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.goto(f"{live_url}/docs")
            page.wait_for_selector(".opblock", timeout=30_000)
            for tag, operation_id in OPERATIONS:
                assert page.locator(f"#operations-{tag}-{operation_id}").count() == 1, operation_id

            block = page.locator("#operations-Masking_Sessions-list_masking_sessions")
            block.locator(".opblock-summary").click()
            # The page turns "Try it out" on by default; press it if a user would have to.
            try_out = block.locator("button.try-out__btn")
            if try_out.inner_text().strip() == "Try it out":
                try_out.click()
            block.locator("button.execute").click()
            status = block.locator(".live-responses-table tr.response .response-col_status").first
            status.wait_for(timeout=30_000)
            answer = block.locator(".live-responses-table tr.response .response-col_description")
            assert status.inner_text().strip().startswith("200"), answer.first.inner_text()
            if screenshot := os.environ.get("DOCS_SCREENSHOT"):
                page.screenshot(path=screenshot, full_page=True)
        finally:
            browser.close()
