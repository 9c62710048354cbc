from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="VerifyAttemptCharge")


@_attrs_define
class VerifyAttemptCharge:
    """What one attempt cost."""

    attempt_uuid: str
    channel: str
    charge: str
    """ Decimal USD amount. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        attempt_uuid = self.attempt_uuid

        channel = self.channel

        charge = self.charge

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "attempt_uuid": attempt_uuid,
                "channel": channel,
                "charge": charge,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        attempt_uuid = d.pop("attempt_uuid")

        channel = d.pop("channel")

        charge = d.pop("charge")

        verify_attempt_charge = cls(
            attempt_uuid=attempt_uuid,
            channel=channel,
            charge=charge,
        )

        verify_attempt_charge.additional_properties = d
        return verify_attempt_charge

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
