"""Plivo's V3 callback signatures: the signed text, the HMAC and its headers.

``plivo.utils.signature_v3.validate_v3_signature`` (Plivo's SDK) accepts
what this signs; tests/domain/test_callbacks.py proves it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Mapping
from urllib.parse import parse_qs, urlparse, urlunparse

# The headers Plivo signs callbacks with.
SIGNATURE_HEADER = "X-Plivo-Signature-V3"
NONCE_HEADER = "X-Plivo-Signature-V3-Nonce"
MAIN_SIGNATURE_HEADER = "X-Plivo-Signature-Ma-V3"  # a subaccount's session, main account's token


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
