from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

if TYPE_CHECKING:
    from ..models.masking_session import MaskingSession


T = TypeVar("T", bound="MaskingSessionGetResponse")


@_attrs_define
class MaskingSessionGetResponse:
    api_id: str
    response: MaskingSession
    """ A masking session as Plivo returns it. PIN fields and `subaccount` appear when they apply. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.api_id, Unset):
            api_id = self.api_id
            field_dict["api_id"] = api_id

        if not isinstance(self.response, Unset):
            response = self.response.to_dict()
            field_dict["response"] = response

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.masking_session import MaskingSession  # noqa: PLC0415

        d = dict(src_dict)
        try:
            api_id = d.pop("api_id")
        except _PARSE_ERRORS:
            api_id = _unparsed(d, src_dict, "api_id")

        try:
            response = MaskingSession.from_dict(d.pop("response"))

        except _PARSE_ERRORS:
            response = _unparsed(d, src_dict, "response")

        masking_session_get_response = cls(
            api_id=api_id,
            response=response,
        )

        masking_session_get_response.additional_properties = d
        return masking_session_get_response

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
