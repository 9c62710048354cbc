from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

T = TypeVar("T", bound="VerifySessionCreateResponse")


@_attrs_define
class VerifySessionCreateResponse:
    api_id: str
    message: str
    session_uuid: UUID
    """ Identifies the new session. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.api_id, Unset):
            api_id = self.api_id
            field_dict["api_id"] = api_id

        if not isinstance(self.message, Unset):
            message = self.message
            field_dict["message"] = message

        if not isinstance(self.session_uuid, Unset):
            session_uuid = str(self.session_uuid)
            field_dict["session_uuid"] = session_uuid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            api_id = d.pop("api_id")
        except _PARSE_ERRORS:
            api_id = _unparsed(d, src_dict, "api_id")

        try:
            message = d.pop("message")
        except _PARSE_ERRORS:
            message = _unparsed(d, src_dict, "message")

        try:
            session_uuid = UUID(d.pop("session_uuid"))

        except _PARSE_ERRORS:
            session_uuid = _unparsed(d, src_dict, "session_uuid")

        verify_session_create_response = cls(
            api_id=api_id,
            message=message,
            session_uuid=session_uuid,
        )

        verify_session_create_response.additional_properties = d
        return verify_session_create_response

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
