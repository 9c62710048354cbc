"""Which hosts are this machine, and the addresses the sandbox is reached at."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from plivo_sandbox.core.settings import SandboxConfig


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only this machine: ``localhost``, 127.0.0.0/8 or ::1 (no DNS asked)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def public_base(
    config: SandboxConfig, server: tuple[str, int] | None = None, scheme: str = "http"
) -> str:
    """Where the sandbox serves its own resources, such as a recording's ``RecordingURL``.

    The configured ``public_url``; else the address a request's connection
    reached (``server``, the listening socket's, never the client's ``Host``
    header); else the configured host and port (a wildcard host: 127.0.0.1).
    """
    if config.public_url:
        return config.public_url
    host, port = server if server is not None else (config.host, config.port)
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + ("" if port == default else f":{port}")


def allowed_host_names(config: SandboxConfig) -> frozenset[str]:
    """Host names the control API and /docs answer besides the address a request reached.

    ``localhost`` (and ``*.localhost``, which RFC 6761 keeps on loopback), any
    loopback address, the configured host and the ``public_url``'s host. Never
    a name looked up in DNS: DNS rebinding makes an attacker's name resolve
    to 127.0.0.1.
    """
    names = {"localhost", config.host.lower().strip("[]")}
    if config.public_url:
        names.add((urlsplit(config.public_url).hostname or "").lower())
    return frozenset(names - {"", "0.0.0.0", "::"})
