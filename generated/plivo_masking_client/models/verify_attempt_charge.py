from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.attempt_uuid, Unset):
            attempt_uuid = self.attempt_uuid
            field_dict["attempt_uuid"] = attempt_uuid

        if not isinstance(self.channel, Unset):
            channel = self.channel
            field_dict["channel"] = channel

        if not isinstance(self.charge, Unset):
            charge = self.charge
            field_dict["charge"] = charge

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            attempt_uuid = d.pop("attempt_uuid")
        except _PARSE_ERRORS:
            attempt_uuid = _unparsed(d, src_dict, "attempt_uuid")

        try:
            channel = d.pop("channel")
        except _PARSE_ERRORS:
            channel = _unparsed(d, src_dict, "channel")

        try:
            charge = d.pop("charge")
        except _PARSE_ERRORS:
            charge = _unparsed(d, src_dict, "charge")

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
