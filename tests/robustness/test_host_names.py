"""The names the sandbox answers to, over raw sockets: DNS rebinding, and the links it hands out.

A web page can re-point its own name at 127.0.0.1 (DNS rebinding) and then
talk to the sandbox as "same-origin". Its requests still carry the page's
name in ``Host``: the control API and /docs refuse them. The links the
sandbox hands out (``RecordingURL``, call-leg and recording resources) name
the sandbox's own address, never a request's ``Host``, and a recording's
audio downloads without any credentials, as on Plivo.
"""

from __future__ import annotations

import base64
import json
import socket
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from plivo_sandbox.app import create_app
from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.addresses import public_base
from plivo_sandbox.core.config_file import ConfigError, load_config
from plivo_sandbox.core.settings import SandboxConfig
from tests.conftest import DEMO_AUTH_ID, DEMO_AUTH_TOKEN, demo_config, serve_in_thread

TOKEN = "s3cret-control-token"
MASKING = f"/v1/Account/{DEMO_AUTH_ID}/Masking/Session/"
VERIFY = f"/v1/Account/{DEMO_AUTH_ID}/Verify/Session/"
REBOUND = "rebind.attacker.example"
PARTIES = {"first_party": "+14155550100", "second_party": "+14155550199"}


@dataclass
class Answer:
    """A status and a JSON (or other) body."""

    status: int
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Live:
    """A sandbox served on 127.0.0.1 over real sockets."""

    sandbox: Sandbox
    url: str

    @property
    def port(self) -> int:
        return int(self.url.rsplit(":", 1)[1])

    def raw(
        self,
        method: str,
        target: str,
        host: str,
        body: Any = None,
        headers: Mapping[str, str] | None = None,
    ) -> Answer:
        """One request written by hand, with ``host`` as its ``Host`` header."""
        payload = b"" if body is None else json.dumps(body).encode()
        lines = [f"{method} {target} HTTP/1.1", f"Host: {host}", "Connection: close"]
        if payload:
            lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
        lines += [f"{name}: {value}" for name, value in (headers or {}).items()]
        data = "\r\n".join(lines).encode() + b"\r\n\r\n" + payload
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as conn:
            conn.sendall(data)
            raw = b""
            while chunk := conn.recv(65536):
                raw += chunk
        head, _, content = raw.partition(b"\r\n\r\n")
        return Answer(int(head.split(b" ", 2)[1]), content)


@contextmanager
def live(config: SandboxConfig) -> Iterator[Live]:
    box = Sandbox(config)
    try:
        with serve_in_thread(create_app(sandbox=box, validate_responses=True)) as url:
            yield Live(box, url)
    finally:
        box.close()


@pytest.fixture
def local() -> Iterator[Live]:
    """The default: loopback, no control token."""
    with live(demo_config()) as running:
        yield running


def basic() -> dict[str, str]:
    """The demo account's Basic credentials, as a header."""
    token = base64.b64encode(f"{DEMO_AUTH_ID}:{DEMO_AUTH_TOKEN}".encode()).decode()
    return {"Authorization": f"Basic {token}"}


def assert_misdirected(answer: Answer) -> None:
    assert answer.status == 421, answer.body
    body = answer.json()
    assert set(body) == {"api_id", "error"}
    assert "DNS rebinding" in body["error"]


# ---------------------------------------------------------------- DNS rebinding


def test_a_page_rebound_to_loopback_cannot_reset_the_sandbox(local: Live) -> None:
    host = f"{REBOUND}:{local.port}"
    created = local.raw("POST", MASKING, f"127.0.0.1:{local.port}", PARTIES, basic())
    assert created.status == 201, created.body
    # Everything a browser sends for a same-origin fetch of the rebound page.
    same_origin = {"Origin": f"http://{host}", "Sec-Fetch-Site": "same-origin"}

    answer = local.raw("POST", "/_sandbox/reset", host, {}, same_origin)

    assert_misdirected(answer)
    uuid = created.json()["session_uuid"]
    assert local.raw("GET", f"{MASKING}{uuid}/", "localhost", None, basic()).status == 200


def test_a_page_rebound_to_loopback_cannot_read_an_otp(local: Live) -> None:
    created = local.raw("POST", VERIFY, "127.0.0.1", {"recipient": "+14155550123"}, basic())
    uuid = created.json()["session_uuid"]

    assert_misdirected(local.raw("GET", f"/_sandbox/verify/sessions/{uuid}/otp", REBOUND))
    assert_misdirected(local.raw("GET", "/_sandbox/verify/recipients/+14155550123/otp", REBOUND))
    assert local.raw("GET", f"/_sandbox/verify/sessions/{uuid}/otp", "localhost").status == 200


def test_a_page_rebound_to_loopback_cannot_read_the_docs(local: Live) -> None:
    assert_misdirected(local.raw("GET", "/docs", f"{REBOUND}:{local.port}"))
    assert_misdirected(local.raw("GET", "/docs/openapi.json", REBOUND))
    assert local.raw("GET", "/docs", f"localhost:{local.port}").status == 200


@pytest.mark.parametrize(
    "host", ["127.0.0.1:{port}", "localhost:{port}", "LocalHost.", "[::1]:{port}", "app.localhost"]
)
def test_the_control_api_answers_its_loopback_names(local: Live, host: str) -> None:
    answer = local.raw("GET", "/_sandbox/health", host.format(port=local.port))
    assert answer.status == 200, answer.body


def test_a_name_that_only_resolves_to_loopback_is_still_refused(local: Live) -> None:
    # localtest.me-style names resolve to 127.0.0.1 in public DNS: exactly a rebinding.
    assert_misdirected(local.raw("GET", "/_sandbox/clock", "127.0.0.1.nip.io"))


def test_a_configured_public_url_adds_its_name() -> None:
    with live(demo_config(public_url="http://sandbox.internal:8000")) as running:
        assert running.raw("GET", "/_sandbox/clock", "sandbox.internal:8000").status == 200
        assert_misdirected(running.raw("GET", "/_sandbox/clock", "other.internal"))


def test_the_plivo_api_keeps_answering_any_host(local: Live) -> None:
    # Its Basic credentials are what guard it; SDKs may reach it by any name.
    assert local.raw("GET", MASKING, REBOUND, None, basic()).status == 200


# ---------------------------------------------------------------- links the sandbox hands out


def recorded_session(running: Live, host: str, **extra: Any) -> str:
    created = running.raw("POST", MASKING, host, {**PARTIES, "record": True, **extra}, basic())
    assert created.status == 201, created.body
    uuid: str = created.json()["session_uuid"]
    return uuid


def test_a_simulated_call_links_to_the_sandboxs_address_not_the_requests_host(
    local: Live,
) -> None:
    uuid = recorded_session(local, "localhost")
    call = {"caller": PARTIES["first_party"]}

    answer = local.raw("POST", f"/_sandbox/masking/sessions/{uuid}/calls", "localhost", call)

    assert answer.status == 200, answer.body
    recording_url = answer.json()["recording"]["recording_url"]
    assert recording_url.startswith(f"http://127.0.0.1:{local.port}/_sandbox/media/{uuid}/")
    assert answer.json()["interaction"]["recording_resource_url"].startswith(local.url + "/")


def test_a_create_with_another_host_still_links_to_the_sandbox(local: Live) -> None:
    uuid = recorded_session(local, "evil.example", initiate_call_to_first_party=True)

    got = local.raw("GET", f"{MASKING}{uuid}/", "127.0.0.1", None, basic()).json()

    (interaction,) = got["response"]["interaction"]
    for name in ("first_party_resource_url", "recording_resource_url"):
        assert interaction[name].startswith(local.url + "/"), interaction[name]


def test_a_recording_downloads_without_the_control_token() -> None:
    with live(demo_config(control_token=TOKEN)) as running:
        uuid = recorded_session(running, "127.0.0.1")
        bearer = {"Authorization": f"Bearer {TOKEN}"}
        call = running.raw(
            "POST", f"/_sandbox/masking/sessions/{uuid}/calls", "127.0.0.1",
            {"caller": PARTIES["first_party"]}, bearer,
        )  # fmt: skip
        recording = call.json()["recording"]

        media = httpx.get(recording["recording_url"])  # no token, no credentials
        resource = httpx.get(recording["resource_uri"])

    assert media.status_code == 200
    assert media.headers["content-type"] == "audio/mpeg"
    assert resource.status_code == 401  # the rest of the control API keeps its token


def test_a_recording_downloads_by_any_name(local: Live) -> None:
    uuid = recorded_session(local, "127.0.0.1")
    call = {"caller": PARTIES["first_party"]}
    answer = local.raw("POST", f"/_sandbox/masking/sessions/{uuid}/calls", "127.0.0.1", call)
    path = answer.json()["recording"]["recording_url"].split(str(local.port), 1)[1]

    assert local.raw("GET", path, "recordings.example").status == 200


def test_a_configured_public_url_prefixes_every_link() -> None:
    with live(demo_config(public_url="https://sandbox.example.com/plivo")) as running:
        uuid = recorded_session(running, "127.0.0.1")
        call = {"caller": PARTIES["first_party"]}
        answer = running.raw("POST", f"/_sandbox/masking/sessions/{uuid}/calls", "127.0.0.1", call)

    recording = answer.json()["recording"]
    assert recording["recording_url"].startswith(
        f"https://sandbox.example.com/plivo/_sandbox/media/{uuid}/"
    )
    assert recording["resource_uri"].startswith("https://sandbox.example.com/plivo/_sandbox/")


def test_public_url_is_read_from_the_file_and_the_environment() -> None:
    env = {"PLIVO_SANDBOX_PUBLIC_URL": "http://sandbox.internal:8000/"}
    assert load_config(env=env).public_url == "http://sandbox.internal:8000"
    assert load_config(env={}).public_url == ""


@pytest.mark.parametrize(
    "value", ["ftp://x", "http://", "http://u:p@x", "http://x/?a=1", "http://x:99999", "x"]
)
def test_a_bad_public_url_is_refused_naming_the_setting(value: str) -> None:
    with pytest.raises(ConfigError, match="PLIVO_SANDBOX_PUBLIC_URL"):
        load_config(env={"PLIVO_SANDBOX_PUBLIC_URL": value})


@pytest.mark.parametrize(
    ("host", "port", "expected"),
    [
        ("127.0.0.1", 8000, "http://127.0.0.1:8000"),
        ("0.0.0.0", 8000, "http://127.0.0.1:8000"),
        ("::1", 8000, "http://[::1]:8000"),
        ("127.0.0.1", 80, "http://127.0.0.1"),
    ],
)
def test_without_public_url_links_name_the_address_listened_on(
    host: str, port: int, expected: str
) -> None:
    assert public_base(demo_config(host=host, port=port)) == expected


def test_a_callback_url_with_user_information_is_a_400_over_a_raw_socket(local: Live) -> None:
    body = {**PARTIES, "callback_url": "http://me:pw@localhost:5000/events"}

    answer = local.raw("POST", MASKING, "127.0.0.1", body, basic())

    assert answer.status == 400
    assert "user information" in answer.json()["error"]
