"""Callbacks without HTTP: Plivo's V3 signature, the destination policy, the outbox in the store."""

from __future__ import annotations

import logging
import sqlite3
import threading
from dataclasses import replace
from pathlib import Path

import pytest
from plivo.utils.signature_v3 import validate_v3_signature

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.config_file import ConfigError, load_config
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.core.store import Callback
from plivo_sandbox.events.dispatcher import CallbackDispatcher, retry_delays
from plivo_sandbox.events.policy import CallbackPolicy
from plivo_sandbox.events.sending import build_request
from plivo_sandbox.events.signing import signature_headers, signed_text
from plivo_sandbox.store.schema import SCHEMA_KEY, SCHEMA_VERSION
from plivo_sandbox.store.sqlite import DB_FILE, SqliteStore

TOKEN = "demo-auth-token"
FIELDS = {
    "EventName": "SessionSecondPartyAnswer",
    "SessionUUID": "9a1c7d52-3f4e-4b6a-8c9d-0e1f2a3b4c5d",
    "From": "+14155550100",
    "Note": "a b&c=d é",
    "SequenceNumber": "3",
}


def plivo_accepts(method: str, url: str, headers: dict[str, str], params: dict[str, str]) -> bool:
    """Plivo's SDK validator on a request as a receiver sees it."""
    return bool(
        validate_v3_signature(
            method,
            url,
            headers["X-Plivo-Signature-V3-Nonce"],
            TOKEN,
            headers["X-Plivo-Signature-V3"],
            dict(params) if method == "POST" else None,
        )
    )


# ---------------------------------------------------------------------- signing


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:5000/hook",
        "http://127.0.0.1:5000/hook?tenant=7&a=x%20y",
        "https://localhost/plivo/events/",
    ],
)
@pytest.mark.parametrize("fields", [FIELDS, {}])
def test_a_post_signature_is_accepted_by_plivos_validator(url: str, fields: dict[str, str]) -> None:
    request = build_request("POST", url, fields, TOKEN, None)

    assert request.url == url
    assert plivo_accepts("POST", url, request.headers, fields)


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:5000/hook", "http://127.0.0.1:5000/hook?tenant=7&tenant=1"]
)
def test_a_get_signature_is_accepted_by_plivos_validator(url: str) -> None:
    # Plivo's validator cannot parse a query string with non-ASCII values (its
    # parse_qs runs on bytes); Plivo's own events never carry any.
    fields = {**FIELDS, "Note": "a b&c=d+e"}
    request = build_request("GET", url, fields, TOKEN, None)

    assert request.url.startswith(url + ("&" if "?" in url else "?"))
    assert request.body is None
    assert plivo_accepts("GET", request.url, request.headers, {})


def test_get_fields_go_in_the_query_string_before_any_fragment() -> None:
    request = build_request("GET", "http://127.0.0.1/hook?a=1#top", {"B": "2"}, TOKEN, None)

    assert request.url == "http://127.0.0.1/hook?a=1&B=2"
    assert plivo_accepts("GET", request.url, request.headers, {})


def test_a_signature_changes_with_any_field() -> None:
    request = build_request("POST", "http://127.0.0.1/hook", FIELDS, TOKEN, None)

    assert not plivo_accepts(
        "POST", "http://127.0.0.1/hook", request.headers, {**FIELDS, "SequenceNumber": "4"}
    )


def test_the_main_account_signature_uses_the_main_token() -> None:
    text = signed_text("POST", "http://127.0.0.1/hook", FIELDS)
    headers = signature_headers(text, "sub-token", "main-token", nonce="12345")

    assert headers["X-Plivo-Signature-V3-Nonce"] == "12345"
    for token, header in (
        ("sub-token", "X-Plivo-Signature-V3"),
        ("main-token", "X-Plivo-Signature-Ma-V3"),
    ):
        assert validate_v3_signature(
            "POST", "http://127.0.0.1/hook", "12345", token, headers[header], dict(FIELDS)
        )


def test_retry_delays_come_from_the_spec() -> None:
    assert retry_delays(ApiSpec()) == (60, 120, 240)


# ---------------------------------------------------------------------- policy


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:8080/hook",
        "http://127.45.6.7/hook",
        "http://[::1]:9000/hook",
        "http://localhost/hook",
        "https://LOCALHOST:8443/hook",
    ],
)
def test_loopback_destinations_are_allowed_by_default(url: str) -> None:
    assert CallbackPolicy().refusal(url) is None


@pytest.mark.parametrize(
    "url",
    [
        "http://192.0.2.10/hook",
        "https://hooks.example.com/plivo",
        "http://localhost.example.com/hook",
        "http://0.0.0.0:8000/hook",
        "http://[::ffff:c000:20a]/hook",
    ],
)
def test_other_destinations_are_refused_naming_the_setting(url: str) -> None:
    reason = CallbackPolicy().refusal(url)

    assert reason is not None
    assert "callback_allowed_hosts" in reason and "PLIVO_SANDBOX_CALLBACK_HOSTS" in reason


@pytest.mark.parametrize(
    "url", ["ftp://127.0.0.1/hook", "127.0.0.1/hook", "http://127.0.0.1:99999/"]
)
def test_a_url_that_is_not_http_is_refused(url: str) -> None:
    assert CallbackPolicy(("*",)).refusal(url) is not None


def test_listed_hosts_are_allowed_and_star_allows_any() -> None:
    listed = CallbackPolicy(("hooks.example.com", "192.0.2.10"))

    assert listed.refusal("https://HOOKS.example.com/plivo") is None
    assert listed.refusal("http://192.0.2.10:8080/hook") is None
    assert listed.refusal("https://other.example.com/plivo") is not None
    assert CallbackPolicy(("*",)).refusal("https://other.example.com/plivo") is None


# ---------------------------------------------------------------------- settings


def test_callbacks_default_to_loopback_and_a_five_second_timeout() -> None:
    config = load_config(env={})

    assert (config.callback_allowed_hosts, config.callback_timeout) == ((), 5.0)


def test_callback_settings_come_from_the_file_and_the_environment(tmp_path: Path) -> None:
    path = tmp_path / "sandbox.toml"
    path.write_text(
        'callback_allowed_hosts = ["Hooks.Example.com", "192.0.2.10"]\ncallback_timeout = 2.5\n',
        encoding="utf-8",
    )

    from_file = load_config(path, env={})
    from_env = load_config(
        path, env={"PLIVO_SANDBOX_CALLBACK_HOSTS": "*", "PLIVO_SANDBOX_CALLBACK_TIMEOUT": "0.5"}
    )

    assert from_file.callback_allowed_hosts == ("hooks.example.com", "192.0.2.10")
    assert from_file.callback_timeout == 2.5
    assert (from_env.callback_allowed_hosts, from_env.callback_timeout) == (("*",), 0.5)


@pytest.mark.parametrize(
    ("env", "mentions"),
    [
        ({"PLIVO_SANDBOX_CALLBACK_HOSTS": "https://hooks.example.com"}, "not a host name"),
        ({"PLIVO_SANDBOX_CALLBACK_HOSTS": "hooks.example.com:443"}, "not a host name"),
        ({"PLIVO_SANDBOX_CALLBACK_TIMEOUT": "0"}, "PLIVO_SANDBOX_CALLBACK_TIMEOUT"),
        ({"PLIVO_SANDBOX_CALLBACK_TIMEOUT": "soon"}, "expected seconds"),
    ],
)
def test_bad_callback_settings_are_refused(env: dict[str, str], mentions: str) -> None:
    with pytest.raises(ConfigError, match=mentions):
        load_config(env=env)


# ---------------------------------------------------------------------- the outbox


def event(url: str, due_us: int = 0, number: int = 1) -> Callback:
    """A session event for ``url``."""
    return Callback(
        session_uuid="9a1c7d52-3f4e-4b6a-8c9d-0e1f2a3b4c5d",
        owner="MADEMO1234567890ABCD",
        kind="masking-session",
        event="SessionTimeout",
        url=url,
        method="POST",
        fields={"SequenceNumber": str(number)},
        due_us=due_us,
    )


@pytest.fixture
def store() -> SqliteStore:
    return SqliteStore(None)


def test_a_claim_takes_the_oldest_due_callback_of_each_url(store: SqliteStore) -> None:
    with store.transaction() as tx:
        first = tx.add_callback(event("http://127.0.0.1/a", 10))
        tx.add_callback(event("http://127.0.0.1/a", 10, 2))
        other = tx.add_callback(event("http://127.0.0.1/b", 5))
        tx.add_callback(event("http://127.0.0.1/c", 50))  # not due yet

        claimed = tx.claim_callbacks(now_us=20, real_us=1000, lease_us=100, limit=10)

    assert [delivery.id for delivery in claimed] == [other, first]


def test_a_leased_callback_holds_back_its_url_until_the_attempt_is_recorded(
    store: SqliteStore,
) -> None:
    with store.transaction() as tx:
        first = tx.add_callback(event("http://127.0.0.1/a"))
        second = tx.add_callback(event("http://127.0.0.1/a", number=2))
        tx.claim_callbacks(now_us=0, real_us=1000, lease_us=100, limit=10)

        assert tx.claim_callbacks(now_us=0, real_us=1050, lease_us=100, limit=10) == []
        tx.record_attempt(first, state="delivered", next_us=None, attempt={"time": "t"}, headers={})
        (claimed,) = tx.claim_callbacks(now_us=0, real_us=1050, lease_us=100, limit=10)

    assert claimed.id == second


def test_a_lapsed_lease_frees_the_callback(store: SqliteStore) -> None:
    with store.transaction() as tx:
        first = tx.add_callback(event("http://127.0.0.1/a"))
        tx.claim_callbacks(now_us=0, real_us=1000, lease_us=100, limit=10)

        (again,) = tx.claim_callbacks(now_us=0, real_us=1101, lease_us=100, limit=10)

    assert again.id == first


def test_a_callback_awaiting_a_retry_holds_back_later_ones_to_its_url(store: SqliteStore) -> None:
    with store.transaction() as tx:
        first = tx.add_callback(event("http://127.0.0.1/a"))
        second = tx.add_callback(event("http://127.0.0.1/a", number=2))
        tx.claim_callbacks(now_us=0, real_us=0, lease_us=100, limit=10)
        tx.record_attempt(
            first,
            state="pending",
            next_us=60,
            attempt={"time": "t", "status_code": 500},
            headers={},
        )

        assert tx.claim_callbacks(now_us=59, real_us=200, lease_us=100, limit=10) == []
        assert tx.next_callback_us(real_us=200) == 60
        (retry,) = tx.claim_callbacks(now_us=60, real_us=200, lease_us=100, limit=10)
        tx.record_attempt(first, state="delivered", next_us=None, attempt={"time": "u"}, headers={})
        (after,) = tx.claim_callbacks(now_us=60, real_us=300, lease_us=100, limit=10)

    assert (retry.id, retry.attempts[0]["status_code"]) == (first, 500)
    assert after.id == second


def test_two_processes_sharing_a_file_never_claim_one_callback_twice(tmp_path: Path) -> None:
    stores = [SqliteStore(tmp_path), SqliteStore(tmp_path)]  # as two worker processes
    with stores[0].transaction() as tx:
        for number in range(200):
            tx.add_callback(event(f"http://127.0.0.1/{number}", number=number))
    claimed: list[int] = []
    lock = threading.Lock()

    def claim(store: SqliteStore) -> None:
        while True:
            with store.transaction() as tx:
                found = tx.claim_callbacks(now_us=0, real_us=0, lease_us=10**12, limit=3)
            if not found:
                return
            with lock:
                claimed.extend(delivery.id for delivery in found)

    threads = [threading.Thread(target=claim, args=(store,)) for store in stores * 2]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for store in stores:
        store.close()

    assert sorted(claimed) == list(range(1, 201))


def test_timers_are_set_replaced_cleared_and_found_when_due(store: SqliteStore) -> None:
    with store.transaction() as tx:
        tx.set_timer("masking", "a", 30)
        tx.set_timer("masking", "b", 10)
        tx.set_timer("masking", "a", 20)  # replaces
        tx.set_timer("masking", "c", 5)
        tx.clear_timer("masking", "c")

        assert tx.due_timers(now_us=25, limit=10) == [("masking", "b"), ("masking", "a")]
        assert tx.due_timers(now_us=15, limit=10) == [("masking", "b")]
        assert tx.due_timers(now_us=25, limit=1) == [("masking", "b")]


def test_clear_forgets_callbacks_and_timers(store: SqliteStore) -> None:
    with store.transaction() as tx:
        tx.add_callback(event("http://127.0.0.1/a"))
        tx.set_timer("masking", "a", 0)
        tx.clear()

        assert tx.select_callbacks() == []
        assert tx.due_timers(now_us=10, limit=10) == []


def test_a_schema_2_file_gains_the_outbox_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    SqliteStore(tmp_path).close()
    conn = sqlite3.connect(tmp_path / DB_FILE)
    conn.execute("DROP TABLE callbacks")
    conn.execute("DROP TABLE timers")
    conn.execute("UPDATE settings SET value = '2' WHERE key = ?", (SCHEMA_KEY,))
    conn.commit()
    conn.close()

    with caplog.at_level(logging.WARNING, logger="plivo_sandbox.store.sqlite"):
        store = SqliteStore(tmp_path)
    with store.transaction() as tx:
        ident = tx.add_callback(event("http://127.0.0.1/a"))
        tx.set_timer("masking", "a", 0)
        assert [delivery.id for delivery in tx.select_callbacks()] == [ident]
        assert tx.get_setting(SCHEMA_KEY) == str(SCHEMA_VERSION)
    store.close()
    assert f"from schema 2 to schema {SCHEMA_VERSION}" in caplog.text


def test_a_widened_policy_is_announced_when_delivery_starts(
    caplog: pytest.LogCaptureFixture,
) -> None:
    config = replace(load_config(env={}), data_dir=None, callback_allowed_hosts=("*",))
    box = Sandbox(config)
    dispatcher = CallbackDispatcher(config, box.store, box.clock, box.spec)
    with caplog.at_level(logging.WARNING, logger="plivo_sandbox.events.dispatcher"):
        dispatcher.start()
        dispatcher.stop()
    box.close()

    assert "callbacks may leave this machine, to: *" in caplog.text
    assert "PLIVO_SANDBOX_CALLBACK_HOSTS" in caplog.text
