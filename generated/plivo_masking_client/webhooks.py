"""Check and read the callbacks Plivo sends to your webhook URLs.

One call in your handler: ``parse_callback`` checks the request's V3 signature
(``X-Plivo-Signature-V3`` with the Auth Token of the account that owns the
session, or ``X-Plivo-Signature-Ma-V3`` with its main account's) and returns the
event as a typed model: ``MaskingSessionEvent`` (``callback_url``),
``MaskingRecordingEvent`` (``recording_callback_url``) or ``VerifyStatusEvent``
(Verify's ``url``). A request whose signature does not match raises
``InvalidSignature``: answer it 403 and ignore it.

Flask::

    @app.post("/plivo/events")
    def plivo_events():
        event = parse_callback(
            request.method, request.url, request.headers, request.get_data(), AUTH_TOKEN
        )
        ...
        return "", 200

FastAPI::

    @app.api_route("/plivo/events", methods=["GET", "POST"])
    async def plivo_events(request: Request) -> Response:
        event = parse_callback(
            request.method, str(request.url), request.headers, await request.body(), AUTH_TOKEN
        )
        ...
        return Response(status_code=200)

``url`` must be the URL Plivo called (your ``callback_url``, with the query
string for a GET callback): behind a proxy that rewrites scheme or host, pass
the public URL. Only a 200 answer counts: anything else makes Plivo retry.
"""

import base64
import hashlib
import hmac
from collections.abc import Mapping
from urllib.parse import parse_qs, urlparse, urlunparse

from .models.masking_recording_event import MaskingRecordingEvent
from .models.masking_recording_event_name import MaskingRecordingEventName
from .models.masking_session_event import MaskingSessionEvent
from .models.verify_status_event import VerifyStatusEvent

CallbackEvent = MaskingSessionEvent | MaskingRecordingEvent | VerifyStatusEvent

SIGNATURE_HEADER = "X-Plivo-Signature-V3"
NONCE_HEADER = "X-Plivo-Signature-V3-Nonce"
MAIN_SIGNATURE_HEADER = "X-Plivo-Signature-Ma-V3"

# The event fields openapi.yaml types as integers (all fields travel as text).
_INTEGER_FIELDS: dict[str, tuple[str, ...]] = {
    "MaskingSessionEvent": (
        "PinRetryCounter",
        "PlivoHangupCauseCode",
    ),
    "MaskingRecordingEvent": (),
    "VerifyStatusEvent": (),
}


class InvalidSignature(ValueError):
    """The request does not carry a valid Plivo V3 signature for the given Auth Token."""


def _sorted_query(params: Mapping[str, list[str]]) -> str:
    return "&".join(f"{name}={value}" for name in sorted(params) for value in sorted(params[name]))


def signed_text(method: str, url: str, form: Mapping[str, list[str]]) -> str:
    """What a V3 signature covers, before ``.`` and the nonce.

    ``url`` is the URL requested (for GET its query string holds the fields);
    ``form`` the POST body's fields. For POST the URL's own query, sorted, is
    followed by ``?`` (and ``.`` after a query), then each field's name and
    value in name order; for GET the sorted query string follows ``?``.
    """
    parsed = urlparse(url)
    base = urlunparse((parsed.scheme, parsed.netloc, parsed.path, "", "", ""))
    query = _sorted_query(parse_qs(parsed.query, keep_blank_values=True))
    if method.upper() == "GET" or not form:
        return f"{base}?{query}" if query else base
    body = "".join(f"{name}{value}" for name in sorted(form) for value in sorted(form[name]))
    return f"{base}?{query}.{body}" if query else f"{base}?{body}"


def signature(auth_token: str, text: str, nonce: str) -> str:
    """Base64 HMAC-SHA256 of ``text.nonce`` keyed by ``auth_token``."""
    digest = hmac.new(auth_token.encode(), f"{text}.{nonce}".encode(), hashlib.sha256).digest()
    return base64.b64encode(digest).decode()


def _header(headers: Mapping[str, str], name: str) -> str:
    wanted = name.lower()
    return next((value for key, value in headers.items() if key.lower() == wanted), "")


def _form(body: bytes | str | Mapping[str, str] | None) -> dict[str, list[str]]:
    if body is None:
        return {}
    if isinstance(body, Mapping):
        return {name: [value] for name, value in body.items()}
    text = body.decode() if isinstance(body, bytes) else body
    return parse_qs(text, keep_blank_values=True)


def is_valid_signature(
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes | str | Mapping[str, str] | None,
    auth_token: str,
) -> bool:
    """Whether the request carries a V3 signature made with ``auth_token``.

    Either header counts: ``X-Plivo-Signature-V3`` (the owning account's
    token) or ``X-Plivo-Signature-Ma-V3`` (its main account's, for a
    subaccount's session). Each may hold several comma-separated signatures.
    """
    nonce = _header(headers, NONCE_HEADER)
    if not nonce:
        return False
    form = _form(body) if method.upper() == "POST" else {}
    expected = signature(auth_token, signed_text(method, url, form), nonce)
    for name in (SIGNATURE_HEADER, MAIN_SIGNATURE_HEADER):
        for given in _header(headers, name).split(","):
            if given.strip() and hmac.compare_digest(given.strip(), expected):
                return True
    return False


def _fields(method: str, url: str, body: bytes | str | Mapping[str, str] | None) -> dict[str, str]:
    found = _form(body) if method.upper() == "POST" else parse_qs(urlparse(url).query, keep_blank_values=True)
    return {name: values[-1] for name, values in found.items()}


def _typed(model: str, fields: dict[str, str]) -> dict[str, object]:
    typed: dict[str, object] = {}
    for name, value in fields.items():
        if name in _INTEGER_FIELDS[model]:
            if value == "":
                continue  # unset
            try:
                typed[name] = int(value)
            except ValueError:
                raise ValueError(f"{name}: {value!r} is not a whole number") from None
        else:
            typed[name] = value
    return typed


def parse_callback(
    method: str,
    url: str,
    headers: Mapping[str, str],
    body: bytes | str | Mapping[str, str] | None,
    auth_token: str,
) -> CallbackEvent:
    """Check a received callback's signature and return its event as a typed model.

    ``method``, ``url``, ``headers`` and ``body`` are the request as your web
    framework gives them (``body``: the raw form body of a POST, or its parsed
    fields; ignored for GET, whose fields are in ``url``). ``auth_token`` is
    the Auth Token of the account that owns the session, or of its main
    account. Raises ``InvalidSignature`` when the signature does not match,
    ``ValueError`` when the fields are not an event.
    """
    if not is_valid_signature(method, url, headers, body, auth_token):
        raise InvalidSignature(
            f"{method} {url}: no {SIGNATURE_HEADER} or {MAIN_SIGNATURE_HEADER} made with this Auth Token"
        )
    fields = _fields(method, url, body)
    name = fields.get("EventName")
    if name in {member.value for member in MaskingRecordingEventName}:
        return MaskingRecordingEvent.from_dict(_typed("MaskingRecordingEvent", fields))
    if name:
        return MaskingSessionEvent.from_dict(_typed("MaskingSessionEvent", fields))
    if "SessionStatus" in fields:
        return VerifyStatusEvent.from_dict(_typed("VerifyStatusEvent", fields))
    raise ValueError(f"{method} {url}: neither EventName nor SessionStatus: not a Plivo event")


class Webhooks:
    """``client.webhooks``: ``parse_callback`` and ``is_valid_signature`` with the client's Auth Token."""

    def __init__(self, auth_token: str) -> None:
        self._auth_token = auth_token

    def parse(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: bytes | str | Mapping[str, str] | None,
    ) -> CallbackEvent:
        """``parse_callback`` with this client's Auth Token: the checked, typed event."""
        return parse_callback(method, url, headers, body, self._auth_token)

    def is_valid(
        self,
        method: str,
        url: str,
        headers: Mapping[str, str],
        body: bytes | str | Mapping[str, str] | None,
    ) -> bool:
        """``is_valid_signature`` with this client's Auth Token."""
        return is_valid_signature(method, url, headers, body, self._auth_token)
