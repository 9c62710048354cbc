"""Point Plivo's official Python SDK (``pip install plivo``) at a sandbox.

``plivo.RestClient`` has no base-URL option, and setting ``client.base_uri``
does not stick: before every request the SDK sets it again from module
constants of ``plivo.rest.client``. Verify uses ``PLIVO_API_BASE_URI``;
masking goes through the "voice" path, which uses ``API_VOICE_BASE_URI`` and,
after a 5xx, its two fallbacks. All four must change, or a call silently goes
to the real ``api.plivo.com``.

    from plivo_sandbox.testing.plivo_sdk import plivo_sdk_pointed_at

    with plivo_sdk_pointed_at("http://127.0.0.1:8000"):
        client = plivo.RestClient("MADEMO1234567890ABCD", "demo-auth-token")
        client.masking_sessions.create_masking_session(first_party=..., second_party=...)
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from contextlib import contextmanager

# The constants of ``plivo.rest.client`` that hold ``https://api.plivo.com/v1/Account``.
BASE_URI_CONSTANTS = (
    "PLIVO_API_BASE_URI",  # Verify (and every non-voice API)
    "API_VOICE_BASE_URI",  # masking sessions (sent as "voice" requests)
    "API_VOICE_BASE_URI_FALLBACK_1",  # masking, retried after a 5xx
    "API_VOICE_BASE_URI_FALLBACK_2",
)


def point_plivo_sdk_at(url: str) -> dict[str, str]:
    """Make the installed ``plivo`` SDK send every request to the sandbox at ``url``.

    ``url`` is the sandbox's root (``http://127.0.0.1:8000``). Returns the
    previous values, which ``restore_plivo_sdk`` puts back. Affects every
    ``plivo.RestClient`` of this process, existing or new.
    """
    module = importlib.import_module("plivo.rest.client")
    missing = [name for name in BASE_URI_CONSTANTS if not hasattr(module, name)]
    if missing:
        # A newer SDK renamed them: fail loudly rather than call the real API.
        raise RuntimeError(f"plivo.rest.client has no {', '.join(missing)}: unsupported SDK")
    previous = {name: str(getattr(module, name)) for name in BASE_URI_CONSTANTS}
    base = url.rstrip("/") + "/v1/Account"
    for name in BASE_URI_CONSTANTS:
        setattr(module, name, base)
    return previous


def restore_plivo_sdk(previous: dict[str, str]) -> None:
    """Put back the base URLs ``point_plivo_sdk_at`` returned."""
    module = importlib.import_module("plivo.rest.client")
    for name, value in previous.items():
        setattr(module, name, value)


@contextmanager
def plivo_sdk_pointed_at(url: str) -> Iterator[str]:
    """Within the block, the ``plivo`` SDK talks to the sandbox at ``url``; yields its API base.

    The SDK's own base URLs are restored on exit, even after an exception.
    """
    previous = point_plivo_sdk_at(url)
    try:
        yield url.rstrip("/") + "/v1/Account"
    finally:
        restore_plivo_sdk(previous)
