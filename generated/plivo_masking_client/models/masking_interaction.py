from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MaskingInteraction")


@_attrs_define
class MaskingInteraction:
    """One call within a session, with up to two call legs."""

    first_party_resource_url: str | Unset = UNSET
    """ URL of the first party's call-leg resource. """
    second_party_resource_url: str | Unset = UNSET
    """ URL of the second party's call-leg resource. """
    recording_resource_url: str | Unset = UNSET
    """ URL of the interaction's recording resource. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        first_party_resource_url = self.first_party_resource_url

        second_party_resource_url = self.second_party_resource_url

        recording_resource_url = self.recording_resource_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if first_party_resource_url is not UNSET:
            field_dict["first_party_resource_url"] = first_party_resource_url
        if second_party_resource_url is not UNSET:
            field_dict["second_party_resource_url"] = second_party_resource_url
        if recording_resource_url is not UNSET:
            field_dict["recording_resource_url"] = recording_resource_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        first_party_resource_url = d.pop("first_party_resource_url", UNSET)

        second_party_resource_url = d.pop("second_party_resource_url", UNSET)

        recording_resource_url = d.pop("recording_resource_url", UNSET)

        masking_interaction = cls(
            first_party_resource_url=first_party_resource_url,
            second_party_resource_url=second_party_resource_url,
            recording_resource_url=recording_resource_url,
        )

        masking_interaction.additional_properties = d
        return masking_interaction

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
