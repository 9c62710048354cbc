"""Which callback URLs the sandbox may call: loopback only, unless the settings allow more hosts."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from plivo_sandbox.core.addresses import is_loopback
from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.spec import ApiSpec

# The setting names a blocked delivery points to (config.py reads them).
HOSTS_SETTING = "callback_allowed_hosts"
HOSTS_ENV = "PLIVO_SANDBOX_CALLBACK_HOSTS"
ANY_HOST = "*"


# Why a callback URL with user information is refused (at create and update) or blocked.
USERINFO_REFUSAL = (
    "a callback URL cannot carry user information (user:password@): the signature covers"
    " the URL as called, but a receiver rebuilds that URL from its Host header, which never"
    " holds it, so every event would fail its signature check; put a secret in the path or"
    " the query string instead"
)


def shown_url(url: str) -> str:
    """``url`` without any user information, fit for a log line or an error message."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return url.rpartition("@")[2]
    return urlunsplit(parts._replace(netloc=parts.netloc.rpartition("@")[2]))


# The runtime expression of an OpenAPI callback that names a request body field.
_BODY_FIELD = re.compile(r"^\{\$request\.body#/([^}/]+)\}$")


def callback_url_fields(spec: ApiSpec, path: str) -> tuple[str, ...]:
    """The body fields of ``POST path`` that hold callback URLs, read from its ``callbacks``."""
    callbacks = spec.operation(path, "post").get("callbacks", {})
    names = (_BODY_FIELD.match(expression) for item in callbacks.values() for expression in item)
    return tuple(dict.fromkeys(match.group(1) for match in names if match is not None))


def check_callback_urls(args: Mapping[str, Any], names: tuple[str, ...]) -> None:
    """Refuse (400) the callback URLs among ``args[names]`` that carry user information."""
    for name in names:
        url = args.get(name)
        if isinstance(url, str) and "@" in _authority(url):
            raise BadRequest(f"{name}: {USERINFO_REFUSAL}")


def _authority(url: str) -> str:
    try:
        return urlsplit(url).netloc
    except ValueError:  # the spec's own checks refuse it
        return ""


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
            return f"{shown_url(url)!r} is not a usable URL: {exc}"
        if parts.scheme not in ("http", "https") or not host:
            return f"{shown_url(url)!r} is not an http or https URL"
        if "@" in parts.netloc:
            return USERINFO_REFUSAL
        allowed = {name.lower() for name in self.allowed_hosts}
        if ANY_HOST in allowed or host.lower() in allowed or is_loopback(host):
            return None
        return (
            f"{host} is not a loopback address (127.0.0.0/8, ::1, localhost); the sandbox"
            f" sends callbacks elsewhere only to the hosts listed in the setting {HOSTS_SETTING}"
            f' (config file) or {HOSTS_ENV} (environment; "{ANY_HOST}" allows any host)'
        )
