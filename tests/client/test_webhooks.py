"""The client's webhook helper: ``parse_callback`` checks Plivo's V3 signature and types the event.

Requests are signed here with Plivo's own SDK (``plivo.utils.signature_v3``),
so the helper, which does not need the ``plivo`` package, is checked against
the reference implementation.
"""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from plivo.utils.signature_v3 import construct_get_url, construct_post_url, get_signature_v3
from plivo_masking_client.models import (
    MaskingRecordingEvent,
    MaskingRecordingEventName,
    MaskingSessionEvent,
    MaskingSessionEventName,
    VerifyChannel,
    VerifyEventSessionStatus,
    VerifyStatusEvent,
)
from plivo_masking_client.types import UNSET
from plivo_masking_client.webhooks import InvalidSignature, parse_callback

TOKEN = "demo-auth-token"
MAIN_TOKEN = "main-auth-token"
URL = "https://hooks.example.com/plivo/events?tenant=7"
NONCE = "05429567804466091622"
SESSION_EVENT = {
    "EventName": "SessionFirstPartyHangup",
    "EventTimestamp": "2024-02-01 06:30:15 +0000 UTC",
    "SessionUUID": "9a1c7d52-3f4e-4b6a-8c9d-0e1f2a3b4c5d",
    "From": "+14155550100",
    "To": "+14155550199",
    "PinRetryCounter": "2",
    "PlivoHangupCause": "NORMAL_CLEARING",
    "PlivoHangupCauseCode": "4000",
    "Duration": "30",
    "SequenceNumber": "5",
}


def plivo_signed_post(fields: dict[str, str], token: str = TOKEN) -> dict[str, str]:
    """Headers of a POST to ``URL`` as Plivo's SDK signs it."""
    base = construct_post_url(URL, dict(fields)).decode()
    return {
        "X-Plivo-Signature-V3": get_signature_v3(token.encode(), base, NONCE.encode()).decode(),
        "X-Plivo-Signature-V3-Nonce": NONCE,
    }


def test_a_signed_post_session_event_parses_into_its_model_with_typed_fields() -> None:
    body = urlencode(SESSION_EVENT).encode()

    event = parse_callback("POST", URL, plivo_signed_post(SESSION_EVENT), body, TOKEN)

    assert isinstance(event, MaskingSessionEvent)
    assert event.event_name == MaskingSessionEventName.SESSIONFIRSTPARTYHANGUP
    assert (event.pin_retry_counter, event.plivo_hangup_cause_code) == (2, 4000)
    assert (event.from_, event.duration, event.sequence_number) == ("+14155550100", "30", "5")


def test_a_signed_get_event_is_read_from_the_query_string() -> None:
    url = f"{URL}&{urlencode(SESSION_EVENT)}"
    base = construct_get_url(url, {}).decode()
    headers = {
        "x-plivo-signature-v3": get_signature_v3(TOKEN.encode(), base, NONCE.encode()).decode(),
        "x-plivo-signature-v3-nonce": NONCE,  # header names in any case
    }

    event = parse_callback("GET", url, headers, None, TOKEN)

    assert isinstance(event, MaskingSessionEvent)
    assert event.session_uuid == SESSION_EVENT["SessionUUID"]
    assert event.additional_properties == {"tenant": "7"}  # the URL's own query


def test_a_recording_event_and_a_verify_event_parse_into_their_models() -> None:
    recording = {
        "EventName": "SessionRecordingCompleted",
        "EventTimestamp": "2024-02-01 06:30:15 +0000 UTC",
        "SessionUUID": SESSION_EVENT["SessionUUID"],
        "RecordingFormat": "mp3",
        "SequenceNumber": "6",
    }
    status = {
        "SessionUUID": "51e965f3-65a5-4ca0-9542-57154118a991",
        "SessionStatus": "in-progress",
        "Channel": "sms",
        "ChannelStatus": "delivered",
        "ChannelErrorCode": "",
    }

    parsed_recording = parse_callback(
        "POST", URL, plivo_signed_post(recording), urlencode(recording), TOKEN
    )
    parsed_status = parse_callback("POST", URL, plivo_signed_post(status), status, TOKEN)

    assert isinstance(parsed_recording, MaskingRecordingEvent)
    assert parsed_recording.event_name == MaskingRecordingEventName.SESSIONRECORDINGCOMPLETED
    assert isinstance(parsed_status, VerifyStatusEvent)
    assert parsed_status.session_status == VerifyEventSessionStatus.IN_PROGRESS
    assert parsed_status.channel == VerifyChannel.SMS
    assert parsed_status.channel_error_code == ""


def test_the_main_account_signature_of_a_subaccount_event_is_accepted() -> None:
    headers = plivo_signed_post(SESSION_EVENT, token="subaccount-token")
    base = construct_post_url(URL, dict(SESSION_EVENT)).decode()
    headers["X-Plivo-Signature-Ma-V3"] = get_signature_v3(
        MAIN_TOKEN.encode(), base, NONCE.encode()
    ).decode()

    event = parse_callback("POST", URL, headers, urlencode(SESSION_EVENT), MAIN_TOKEN)

    assert isinstance(event, MaskingSessionEvent)


def test_one_of_several_comma_separated_signatures_is_enough() -> None:
    headers = plivo_signed_post(SESSION_EVENT)
    headers["X-Plivo-Signature-V3"] = "bm90IGl0=," + headers["X-Plivo-Signature-V3"]

    assert isinstance(
        parse_callback("POST", URL, headers, urlencode(SESSION_EVENT), TOKEN), MaskingSessionEvent
    )


@pytest.mark.parametrize(
    ("url", "body", "token", "drop"),
    [
        (URL, {**SESSION_EVENT, "Duration": "31"}, TOKEN, ""),  # a field changed
        (URL.replace("tenant=7", "tenant=8"), SESSION_EVENT, TOKEN, ""),  # another URL
        (URL, SESSION_EVENT, "another-token", ""),
        (URL, SESSION_EVENT, TOKEN, "X-Plivo-Signature-V3-Nonce"),
        (URL, SESSION_EVENT, TOKEN, "X-Plivo-Signature-V3"),
    ],
)
def test_a_request_without_a_matching_signature_is_refused(
    url: str, body: dict[str, str], token: str, drop: str
) -> None:
    headers = plivo_signed_post(SESSION_EVENT)
    headers.pop(drop, None)

    with pytest.raises(InvalidSignature):
        parse_callback("POST", url, headers, urlencode(body), token)


def test_a_signed_request_that_is_no_event_is_a_value_error() -> None:
    fields = {"hello": "world"}

    with pytest.raises(ValueError, match="not a Plivo event"):
        parse_callback("POST", URL, plivo_signed_post(fields), urlencode(fields), TOKEN)


def test_an_empty_integer_field_is_left_unset() -> None:
    fields = {**SESSION_EVENT, "PinRetryCounter": ""}

    event = parse_callback("POST", URL, plivo_signed_post(fields), urlencode(fields), TOKEN)

    assert isinstance(event, MaskingSessionEvent)
    assert event.pin_retry_counter is UNSET
