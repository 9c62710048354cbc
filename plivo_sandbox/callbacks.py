"""Callbacks: Plivo's V3 signatures, the loopback-only policy, and the delivery loop.

Services add events to the outbox (``Transaction.add_callback``) in the
transaction of the change they report. ``CallbackDispatcher`` sends them in a
background thread, so no API answer ever waits for a receiver: it claims due
callbacks from the store (a lease, so several worker processes sharing one
SQLite file never send one twice), signs each with the owning account's Auth
Token, sends it with ``http.client`` (which never follows a redirect) and
records the attempt. Only a 200 counts; anything else is retried after the
delays openapi.yaml states, on the sandbox clock, then given up. A URL's
callbacks go one at a time in the order they were added.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import http.client
import logging
import secrets
import threading
import time
from collections.abc import Callable, Mapping
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qs, urlencode, urlparse, urlsplit, urlunparse, urlunsplit

from .clock import Clock
from .config import SandboxConfig, is_loopback
from .errors import Busy
from .spec import ApiSpec
from .storage import CallbackState, Delivery, Store
from .timefmt import MICROS, iso_time, to_micros

log = logging.getLogger(__name__)

# The headers Plivo signs callbacks with.
SIGNATURE_HEADER = "X-Plivo-Signature-V3"
NONCE_HEADER = "X-Plivo-Signature-V3-Nonce"
MAIN_SIGNATURE_HEADER = "X-Plivo-Signature-Ma-V3"  # a subaccount's session, main account's token

# The setting names a blocked delivery points to (config.py reads them).
HOSTS_SETTING = "callback_allowed_hosts"
HOSTS_ENV = "PLIVO_SANDBOX_CALLBACK_HOSTS"
ANY_HOST = "*"

USER_AGENT = "plivo-sandbox"
# How much of a receiver's answer is read (and dropped) before closing.
_MAX_ANSWER_BYTES = 64 * 1024


def retry_delays(spec: ApiSpec) -> tuple[int, ...]:
    """Seconds to wait after each failed attempt before the next (Plivo: 60, 120, 240)."""
    callback = spec.operation("/Masking/Session", "post")["callbacks"]["sessionEvent"]
    post = next(iter(callback.values()))["post"]
    return tuple(int(delay) for delay in post["x-plivo-retry-delays"])


# ---------------------------------------------------------------------- signing


def _sorted_query(params: Mapping[str, list[str]]) -> str:
    return "&".join(f"{name}={value}" for name in sorted(params) for value in sorted(params[name]))


def signed_text(method: str, url: str, fields: Mapping[str, str]) -> str:
    """What Plivo's V3 signature covers (before ``.nonce``) for a request to ``url``.

    For GET, ``url`` is the URL requested, its query string holding the fields
    (``fields`` adds more); for POST, ``fields`` is the form body: the URL's own
    query, sorted, then ``?`` (and ``.`` after a query), then each field's name
    and value in name order.
    """
    parsed = urlparse(url)
    base = urlunparse((parsed.scheme, parsed.netloc, parsed.path, "", "", ""))
    query = parse_qs(parsed.query, keep_blank_values=True)
    if method.upper() == "GET":
        for name, value in fields.items():
            query.setdefault(name, []).append(value)
        text = _sorted_query(query)
        return f"{base}?{text}" if text else base
    own = _sorted_query(query)
    if not fields:
        return f"{base}?{own}" if own else base
    body = "".join(f"{name}{fields[name]}" for name in sorted(fields))
    return f"{base}?{own}.{body}" if own else f"{base}?{body}"


def signature(auth_token: str, text: str, nonce: str) -> str:
    """Base64 HMAC-SHA256 of ``text.nonce`` keyed by ``auth_token``."""
    digest = hmac.new(auth_token.encode(), f"{text}.{nonce}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def new_nonce() -> str:
    """A fresh random nonce (Plivo sends a new one with every request)."""
    return f"{secrets.randbelow(10**20):020d}"


def signature_headers(
    text: str, auth_token: str, main_token: str | None, nonce: str | None = None
) -> dict[str, str]:
    """The signature headers of one request; ``main_token`` for a subaccount's session."""
    nonce = nonce if nonce is not None else new_nonce()
    headers = {SIGNATURE_HEADER: signature(auth_token, text, nonce), NONCE_HEADER: nonce}
    if main_token is not None:
        headers[MAIN_SIGNATURE_HEADER] = signature(main_token, text, nonce)
    return headers


# ---------------------------------------------------------------------- policy


@dataclass(frozen=True)
class CallbackPolicy:
    """Where callbacks may go: loopback always; ``allowed_hosts`` too ("*": anywhere)."""

    allowed_hosts: tuple[str, ...] = ()

    @property
    def widened(self) -> bool:
        """Whether callbacks may leave this machine."""
        return bool(self.allowed_hosts)

    def refusal(self, url: str) -> str | None:
        """Why a callback to ``url`` is not sent, naming the setting that allows it; or None."""
        try:
            parts = urlsplit(url)
            host = parts.hostname
            parts.port  # noqa: B018 - raises ValueError on a bad port
        except ValueError as exc:
            return f"{url!r} is not a usable URL: {exc}"
        if parts.scheme not in ("http", "https") or not host:
            return f"{url!r} is not an http or https URL"
        allowed = {name.lower() for name in self.allowed_hosts}
        if ANY_HOST in allowed or host.lower() in allowed or is_loopback(host):
            return None
        return (
            f"{host} is not a loopback address (127.0.0.0/8, ::1, localhost); the sandbox"
            f" sends callbacks elsewhere only to the hosts listed in the setting {HOSTS_SETTING}"
            f' (config file) or {HOSTS_ENV} (environment; "{ANY_HOST}" allows any host)'
        )


# ---------------------------------------------------------------------- sending


@dataclass(frozen=True)
class Request:
    """One HTTP request carrying a callback."""

    method: str
    url: str  # as requested: for GET with the fields in the query string
    body: bytes | None
    headers: dict[str, str]


def build_request(
    method: str,
    url: str,
    fields: Mapping[str, str],
    auth_token: str,
    main_token: str | None,
) -> Request:
    """The signed request: form data for POST, the query string for GET."""
    method = method.upper()
    if method == "GET":
        parts = urlsplit(url)
        query = "&".join(part for part in (parts.query, urlencode(list(fields.items()))) if part)
        # A fragment never reaches a server: the fields go before it, and it is dropped.
        target = urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
        text = signed_text("GET", target, {})
        return Request("GET", target, None, signature_headers(text, auth_token, main_token))
    body = urlencode(list(fields.items())).encode()
    text = signed_text("POST", url, fields)
    headers = signature_headers(text, auth_token, main_token)
    headers["Content-Type"] = "application/x-www-form-urlencoded"
    return Request("POST", url, body, headers)


def send(request: Request, timeout: float) -> tuple[int | None, str]:
    """Send ``request``; the answer's status code, or None and what went wrong."""
    parts = urlsplit(request.url)
    connection_class = (
        http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    )
    target = parts.path or "/"
    if parts.query:
        target += "?" + parts.query
    connection = connection_class(parts.hostname or "", parts.port, timeout=timeout)
    try:
        connection.request(
            request.method,
            target,
            body=request.body,
            headers={**request.headers, "User-Agent": USER_AGENT},
        )
        answer = connection.getresponse()
        answer.read(_MAX_ANSWER_BYTES)
        return answer.status, ""
    except ConnectionRefusedError:
        return None, "connection refused"
    except TimeoutError:
        return None, f"no answer within {timeout:g} s (timed out)"
    except (OSError, http.client.HTTPException) as exc:
        return None, f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
    finally:
        connection.close()


# ---------------------------------------------------------------------- rendering


def render_delivery(delivery: Delivery) -> dict[str, Any]:
    """One delivery as ``GET /_sandbox/callbacks`` shows it."""
    callback = delivery.callback
    return {
        "id": delivery.id,
        "session_uuid": callback.session_uuid,
        "kind": callback.kind,
        "event": callback.event,
        "url": callback.url,
        "method": callback.method,
        "fields": dict(callback.fields),
        "headers": dict(delivery.headers),
        "state": delivery.state,
        "reason": delivery.reason,
        "due_time": iso_time(callback.due_us),
        "attempts": [dict(attempt) for attempt in delivery.attempts],
        "next_attempt_time": None if delivery.next_us is None else iso_time(delivery.next_us),
    }


# ---------------------------------------------------------------------- the loop


class CallbackDispatcher:
    """Delivers the outbox in the background (one thread, plus a pool for the requests).

    ``start`` and ``stop`` bracket it (the app's lifespan); ``wake`` makes it
    look at once (after a clock advance); otherwise it looks every
    ``poll_interval`` seconds (other workers' callbacks and clock moves) or
    when the next retry falls due.
    """

    def __init__(
        self,
        config: SandboxConfig,
        store: Store,
        clock: Clock,
        spec: ApiSpec,
        *,
        fire_timers: Callable[[], object] | None = None,
        poll_interval: float = 0.25,
        parallel: int = 4,
    ) -> None:
        self.config = config
        self.store = store
        self.clock = clock
        self.policy = CallbackPolicy(config.callback_allowed_hosts)
        self.timeout = config.callback_timeout
        self.delays = retry_delays(spec)
        self.fire_timers = fire_timers
        self.poll_interval = poll_interval
        self.parallel = parallel
        # A claim lasts past the longest attempt; a worker that dies mid-send
        # leaves the callback to another after this much real time.
        self.lease_us = int((self.timeout + 30) * MICROS)
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self._pool: ThreadPoolExecutor | None = None
        self._busy = 0
        self._busy_lock = threading.Lock()
        self._warned_blocked = False

    # -------------------------------------------------------------- lifecycle

    def start(self) -> None:
        """Start the background thread (no-op when running)."""
        if self._thread is not None:
            return
        if self.policy.widened:
            log.warning(
                "callbacks may leave this machine, to: %s (setting %s or %s)",
                ", ".join(self.policy.allowed_hosts),
                HOSTS_SETTING,
                HOSTS_ENV,
            )
        self._stopping.clear()
        self._pool = ThreadPoolExecutor(self.parallel, thread_name_prefix="plivo-callback")
        self._thread = threading.Thread(target=self._run, name="plivo-callback-loop", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop the loop; waits for requests in flight (each ends within the timeout)."""
        if self._thread is None:
            return
        self._stopping.set()
        self._wake.set()
        self._thread.join()
        self._thread = None
        assert self._pool is not None
        self._pool.shutdown(wait=True)
        self._pool = None

    def wake(self) -> None:
        """Look for due callbacks and timers now."""
        self._wake.set()

    # -------------------------------------------------------------- work

    def _run(self) -> None:
        while not self._stopping.is_set():
            self._wake.clear()
            try:
                pause = self.run_once()
            except Busy as exc:  # another process holds the database: try again shortly
                log.warning("callback delivery waits for the database: %s", exc.message)
                pause = self.poll_interval
            except Exception:  # keep delivering whatever one round ran into
                log.exception("callback delivery round failed")
                pause = self.poll_interval
            self._wake.wait(pause)

    def run_once(self) -> float:
        """Fire due timers, hand due callbacks to the pool; returns how long to rest."""
        if self.fire_timers is not None:
            try:
                self.fire_timers()
            except Exception:  # a timer's trouble must not stop the deliveries
                log.exception("firing due timers failed")
        now_us = to_micros(self.clock.now())
        real_us = time.time_ns() // 1000
        with self._busy_lock:
            free = self.parallel - self._busy
        if free > 0 and self._pool is not None:
            with self.store.transaction(write=False) as tx:
                earliest = tx.next_callback_us(real_us)
            if earliest is not None and earliest <= now_us:
                with self.store.transaction() as tx:
                    claimed = tx.claim_callbacks(now_us, real_us, self.lease_us, free)
                for delivery in claimed:
                    with self._busy_lock:
                        self._busy += 1
                    self._pool.submit(self._attempt, delivery)
            elif earliest is not None:
                return min(self.poll_interval, (earliest - now_us) / MICROS)
        return self.poll_interval

    def _attempt(self, delivery: Delivery) -> None:
        try:
            self.attempt(delivery)
        except Exception:
            log.exception("callback %d: delivery failed unexpectedly", delivery.id)
        finally:
            with self._busy_lock:
                self._busy -= 1
            self._wake.set()  # the URL's next callback may go now

    def attempt(self, delivery: Delivery) -> CallbackState:
        """Make one attempt at ``delivery`` (claimed) and record it; returns its new state."""
        callback = delivery.callback
        account = self.config.accounts.get(callback.owner)
        refusal = self.policy.refusal(callback.url)
        if refusal is not None or account is None:
            refusal = refusal or f"account {callback.owner} is not configured: nothing can sign it"
            with self._busy_lock:
                first, self._warned_blocked = not self._warned_blocked, True
            if first:
                log.warning("callback to %s blocked: %s", callback.url, refusal)
            with self.store.transaction() as tx:
                tx.record_attempt(
                    delivery.id,
                    state="blocked",
                    next_us=None,
                    attempt=None,
                    headers={},
                    reason=refusal,
                )
            return "blocked"
        parent = self.config.accounts.get(account.parent) if account.parent else None
        request = build_request(
            callback.method,
            callback.url,
            callback.fields,
            account.auth_token,
            parent.auth_token if parent is not None else None,
        )
        started_us = to_micros(self.clock.now())
        status, error = send(request, self.timeout)
        attempt: dict[str, Any] = {"time": iso_time(started_us)}
        if status is not None:
            attempt["status_code"] = status
        else:
            attempt["error"] = error
        made = len(delivery.attempts) + 1
        state: CallbackState
        next_us: int | None = None
        reason = ""
        if status == 200:
            state = "delivered"
        elif made <= len(self.delays):
            state = "pending"
            next_us = started_us + self.delays[made - 1] * MICROS
        else:
            state = "failed"
            reason = f"given up after {made} attempts"
        signature_only = {
            name: value for name, value in request.headers.items() if name.startswith("X-Plivo")
        }
        with self.store.transaction() as tx:
            tx.record_attempt(
                delivery.id,
                state=state,
                next_us=next_us,
                attempt=attempt,
                headers=signature_only,
                reason=reason,
            )
        outcome = status if status is not None else error
        log.info(
            "callback %d %s %s %s: attempt %d -> %s (%s)",
            delivery.id,
            callback.event,
            callback.method,
            callback.url,
            made,
            outcome,
            state,
        )
        return state
