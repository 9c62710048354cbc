"""Who may use what: the control API's guard, and what the server says about its exposure.

On a loopback address only local programs reach the sandbox, so its control
API (read any OTP, move the clock, forget everything) needs no credentials.
Listening anywhere else is an explicit choice: the control API then requires
the configured ``control_token`` and is off without one. Its writes accept
only JSON and refuse cross-site requests, so a web page open in the user's
browser cannot reset the sandbox through a form (CSRF). The control API and
``/docs`` answer only requests addressed to the sandbox by one of its own
names (``Host``), so a page whose name an attacker re-points at 127.0.0.1
(DNS rebinding) cannot read them either. The control operations control.yaml
marks ``x-sandbox-public`` (a recording's audio, as Plivo's recording URLs)
need neither token nor a particular name.
"""

from __future__ import annotations

import hmac
import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Receive, Scope, Send

from plivo_sandbox.core.addresses import allowed_host_names, is_loopback
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import CONTROL_SPEC, load_document
from plivo_sandbox.http.middleware import send_error

CONTROL_PREFIX = "/_sandbox"
DOCS_PREFIX = "/docs"
PUBLIC_MARK = "x-sandbox-public"
_SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Sec-Fetch-Site values of requests a page of another site cannot forge.
_SAME_SITE = frozenset({"same-origin", "none"})


def exposure_notice(config: SandboxConfig) -> str | None:
    """What to tell the user on start when the sandbox listens beyond this machine."""
    if is_loopback(config.host):
        return None
    control = (
        "the control API (/_sandbox) requires the configured control token"
        " (Authorization: Bearer <token>)"
        if config.control_token
        else "the control API (/_sandbox) is off; set PLIVO_SANDBOX_CONTROL_TOKEN"
        " (or control_token) to use it with a token"
    )
    return (
        f"warning: listening on {config.host}, not a loopback address: other machines can"
        f" reach the sandbox and its accounts; {control}"
    )


def public_paths(control: Mapping[str, Any]) -> tuple[re.Pattern[str], ...]:
    """URL patterns of the control operations marked ``x-sandbox-public`` (GET only)."""
    patterns = []
    for path, item in control["paths"].items():
        if item.get("get", {}).get(PUBLIC_MARK):
            literal = re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(CONTROL_PREFIX + path))
            patterns.append(re.compile(f"^{literal}$"))
    return tuple(patterns)


def _host_name(value: str) -> str:
    """The name of a ``Host`` header, without port, brackets or a final dot, lower case."""
    try:
        name = urlsplit(f"//{value.strip()}").hostname or ""
    except ValueError:
        return ""
    return name.rstrip(".")


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", []):
        if key.lower() == name:
            return str(value.decode("latin-1"))
    return None


def _cross_site(scope: Scope) -> bool:
    """Whether a browser says the request comes from a page of another origin."""
    fetch_site = _header(scope, b"sec-fetch-site")
    if fetch_site is not None and fetch_site.strip().lower() not in _SAME_SITE:
        return True
    origin = _header(scope, b"origin")
    if origin is None:
        return False
    host = _header(scope, b"host") or ""
    try:
        return urlsplit(origin.strip()).netloc.lower() != host.strip().lower()
    except ValueError:
        return True


def _under(path: str, prefix: str) -> bool:
    return path == prefix or path.startswith(prefix + "/")


class ControlGuardMiddleware:
    """Applies the rules above to every path under ``/_sandbox`` and ``/docs``."""

    def __init__(self, app: ASGIApp, config: SandboxConfig) -> None:
        self.app = app
        self.token = config.control_token
        self.open = is_loopback(config.host)
        self.host = config.host
        self.names = allowed_host_names(config)
        self.public = public_paths(load_document(CONTROL_SPEC))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        control = _under(path, CONTROL_PREFIX)
        if (
            scope["type"] != "http"
            or not (control or _under(path, DOCS_PREFIX))
            or (
                scope.get("method") in _SAFE_METHODS
                and any(pattern.match(path) for pattern in self.public)
            )
        ):
            await self.app(scope, receive, send)
            return
        refusal = self._misdirected(scope)
        if refusal is None and control:
            refusal = self._refusal(scope)
        if refusal is not None:
            status, message, headers = refusal
            await send_error(send, status, message, headers)
            return
        await self.app(scope, receive, send)

    def _misdirected(self, scope: Scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        """421 unless ``Host`` names this sandbox: a loopback address, ``localhost``, ...

        ... the address the connection reached, the configured host or the
        ``public_url``'s. No request without ``Host`` comes from a browser.
        """
        given = _header(scope, b"host")
        if given is None:
            return None
        name = _host_name(given)
        server = scope.get("server")
        if (
            name in self.names
            or name.endswith(".localhost")
            or is_loopback(name)
            or (server is not None and name == str(server[0]).lower())
        ):
            return None
        return (
            421,
            f"this sandbox does not answer to the name {name or given!r}: its control API and"
            " /docs answer only requests addressed to it by a loopback address, localhost,"
            " the address it listens on or its public_url (a defence against DNS rebinding);"
            " set public_url (PLIVO_SANDBOX_PUBLIC_URL) to reach it by another name",
            [],
        )

    def _refusal(self, scope: Scope) -> tuple[int, str, list[tuple[bytes, bytes]]] | None:
        if self.token:
            given = _header(scope, b"authorization") or ""
            scheme, _, credential = given.partition(" ")
            if scheme.lower() != "bearer" or not hmac.compare_digest(
                credential.strip().encode("utf-8", "replace"), self.token.encode()
            ):
                return (
                    401,
                    "the control API requires the configured token (Authorization: Bearer ...)",
                    [(b"www-authenticate", b'Bearer realm="sandbox control"')],
                )
        elif not self.open:
            return (
                403,
                f"the control API is off: the sandbox listens on {self.host}, not a loopback"
                " address; configure control_token to use it with a token",
                [],
            )
        if scope.get("method") in _SAFE_METHODS:
            return None
        if _cross_site(scope):
            return 403, "cross-site requests to the control API are refused", []
        media_type = (_header(scope, b"content-type") or "").split(";")[0]
        # A POST with no body at all (Swagger UI's reset) carries nothing to mistake
        # for a form; a cross-site one was refused above by its Origin.
        bodiless = not media_type and _header(scope, b"content-length") in (None, "0")
        if media_type != "application/json" and not (
            bodiless and _header(scope, b"transfer-encoding") is None
        ):
            return (
                400,
                f"Content-Type must be application/json (got {media_type or 'none'})",
                [],
            )
        return None
