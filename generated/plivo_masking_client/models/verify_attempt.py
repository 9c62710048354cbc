from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

T = TypeVar("T", bound="VerifyAttempt")


@_attrs_define
class VerifyAttempt:
    """One delivery attempt of the OTP."""

    channel: str
    """ `sms` or `voice`. """
    attempt_uuid: str
    status: str
    """ Delivery status from the channel (`queued`, `sent`, `delivered`, `undelivered`, `failed`, `ANSWER`, `EARLY
    MEDIA`, ...). """
    time: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.channel, Unset):
            channel = self.channel
            field_dict["channel"] = channel

        if not isinstance(self.attempt_uuid, Unset):
            attempt_uuid = self.attempt_uuid
            field_dict["attempt_uuid"] = attempt_uuid

        if not isinstance(self.status, Unset):
            status = self.status
            field_dict["status"] = status

        if not isinstance(self.time, Unset):
            time = self.time.isoformat()
            field_dict["time"] = time

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            channel = d.pop("channel")
        except _PARSE_ERRORS:
            channel = _unparsed(d, src_dict, "channel")

        try:
            attempt_uuid = d.pop("attempt_uuid")
        except _PARSE_ERRORS:
            attempt_uuid = _unparsed(d, src_dict, "attempt_uuid")

        try:
            status = d.pop("status")
        except _PARSE_ERRORS:
            status = _unparsed(d, src_dict, "status")

        try:
            time = datetime.datetime.fromisoformat(d.pop("time"))

        except _PARSE_ERRORS:
            time = _unparsed(d, src_dict, "time")

        verify_attempt = cls(
            channel=channel,
            attempt_uuid=attempt_uuid,
            status=status,
            time=time,
        )

        verify_attempt.additional_properties = d
        return verify_attempt

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
