from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

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
        channel = self.channel

        attempt_uuid = self.attempt_uuid

        status = self.status

        time = self.time.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "channel": channel,
                "attempt_uuid": attempt_uuid,
                "status": status,
                "time": time,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        channel = d.pop("channel")

        attempt_uuid = d.pop("attempt_uuid")

        status = d.pop("status")

        time = datetime.datetime.fromisoformat(d.pop("time"))

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
