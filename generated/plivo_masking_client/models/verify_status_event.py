from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verify_channel import VerifyChannel
from ..models.verify_event_session_status import VerifyEventSessionStatus
from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

T = TypeVar("T", bound="VerifyStatusEvent")


@_attrs_define
class VerifyStatusEvent:
    """Fields of a Verify status event sent to `url` (all values travel as text)."""

    session_status: VerifyEventSessionStatus
    session_uuid: str
    attempt_sequence: str | Unset = UNSET
    """ Number of the attempt within the session. """
    attempt_uuid: str | Unset = UNSET
    channel: VerifyChannel | Unset = UNSET
    channel_error_code: str | Unset = UNSET
    """ Error code from the channel, if any. """
    channel_status: str | Unset = UNSET
    """ sms: `queued`, `sent`, `undelivered`, `failed`, `delivered`; voice: `in-progress`, `completed`, `ringing`.
    """
    recipient: str | Unset = UNSET
    request_time: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.session_status, Unset):
            session_status = self.session_status.value
            field_dict["SessionStatus"] = session_status

        if not isinstance(self.session_uuid, Unset):
            session_uuid = self.session_uuid
            field_dict["SessionUUID"] = session_uuid

        attempt_sequence = self.attempt_sequence

        attempt_uuid = self.attempt_uuid

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        channel_error_code = self.channel_error_code

        channel_status = self.channel_status

        recipient = self.recipient

        request_time = self.request_time

        if attempt_sequence is not UNSET:
            field_dict["AttemptSequence"] = attempt_sequence
        if attempt_uuid is not UNSET:
            field_dict["AttemptUUID"] = attempt_uuid
        if channel is not UNSET:
            field_dict["Channel"] = channel
        if channel_error_code is not UNSET:
            field_dict["ChannelErrorCode"] = channel_error_code
        if channel_status is not UNSET:
            field_dict["ChannelStatus"] = channel_status
        if recipient is not UNSET:
            field_dict["Recipient"] = recipient
        if request_time is not UNSET:
            field_dict["RequestTime"] = request_time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            session_status = VerifyEventSessionStatus(d.pop("SessionStatus"))

        except _PARSE_ERRORS:
            session_status = _unparsed(d, src_dict, "SessionStatus")

        try:
            session_uuid = d.pop("SessionUUID")
        except _PARSE_ERRORS:
            session_uuid = _unparsed(d, src_dict, "SessionUUID")

        try:
            attempt_sequence = d.pop("AttemptSequence", UNSET)
        except _PARSE_ERRORS:
            attempt_sequence = _unparsed(d, src_dict, "AttemptSequence")

        try:
            attempt_uuid = d.pop("AttemptUUID", UNSET)
        except _PARSE_ERRORS:
            attempt_uuid = _unparsed(d, src_dict, "AttemptUUID")

        try:
            _channel = d.pop("Channel", UNSET)
            channel: VerifyChannel | Unset
            if isinstance(_channel, Unset):
                channel = UNSET
            else:
                channel = VerifyChannel(_channel)

        except _PARSE_ERRORS:
            channel = _unparsed(d, src_dict, "Channel")

        try:
            channel_error_code = d.pop("ChannelErrorCode", UNSET)
        except _PARSE_ERRORS:
            channel_error_code = _unparsed(d, src_dict, "ChannelErrorCode")

        try:
            channel_status = d.pop("ChannelStatus", UNSET)
        except _PARSE_ERRORS:
            channel_status = _unparsed(d, src_dict, "ChannelStatus")

        try:
            recipient = d.pop("Recipient", UNSET)
        except _PARSE_ERRORS:
            recipient = _unparsed(d, src_dict, "Recipient")

        try:
            request_time = d.pop("RequestTime", UNSET)
        except _PARSE_ERRORS:
            request_time = _unparsed(d, src_dict, "RequestTime")

        verify_status_event = cls(
            session_status=session_status,
            session_uuid=session_uuid,
            attempt_sequence=attempt_sequence,
            attempt_uuid=attempt_uuid,
            channel=channel,
            channel_error_code=channel_error_code,
            channel_status=channel_status,
            recipient=recipient,
            request_time=request_time,
        )

        verify_status_event.additional_properties = d
        return verify_status_event

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
