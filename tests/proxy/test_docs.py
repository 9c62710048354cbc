"""docs/proxy.md shows the proxy as it is: its real output, and every setting."""

from __future__ import annotations

import dataclasses
import re

import httpx

from plivo_sandbox.proxy.relay import ProxySettings
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, REPO_ROOT
from tests.proxy.conftest import SESSION_PATH, running_proxy

DOCS = REPO_ROOT / "docs" / "proxy.md"
# The run the page describes: two conforming answers, then each departure so many times.
RUN = {
    "": 2,
    "extra-field": 3,
    "missing-required": 2,
    "new-enum": 4,
    "wrong-type": 1,
    "html-502": 2,
}


def documented_output() -> list[str]:
    """The text block that follows the page's ``output of tests/proxy/test_docs.py`` mark."""
    found = re.search(
        r"<!-- output of tests/proxy/test_docs.py -->\n```text\n(.*?)```",
        DOCS.read_text(),
        re.DOTALL,
    )
    assert found is not None
    return found.group(1).splitlines()


def test_the_sample_output_is_what_the_proxy_prints(departing_upstream: str) -> None:
    with (
        running_proxy(departing_upstream) as proxy,
        httpx.Client(auth=(DEMO_AUTH_ID, DEMO_AUTH_TOKEN)) as client,
    ):
        for departure, times in RUN.items():
            for _ in range(times):
                client.get(proxy.url + SESSION_PATH, headers={"X-Depart": departure})
        report = proxy.settled(sum(RUN.values()))
    assert [*proxy.lines, *report.summary().splitlines()] == documented_output()


def test_the_page_documents_every_setting() -> None:
    table = DOCS.read_text()
    flags = {f"`--{field.name.replace('_', '-')}" for field in dataclasses.fields(ProxySettings)}
    assert {flag for flag in flags | {"`--insecure-upstream"} if flag not in table} == set()
