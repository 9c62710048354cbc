from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.masking_session import MaskingSession


T = TypeVar("T", bound="MaskingSessionCreateResponse")


@_attrs_define
class MaskingSessionCreateResponse:
    api_id: str
    session_uuid: UUID
    """ Identifies the new session. """
    virtual_number: str
    """ The allocated virtual number, with a leading `+`. """
    message: str
    session: MaskingSession
    """ A masking session as Plivo returns it. PIN fields and `subaccount` appear when they apply. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        api_id = self.api_id

        session_uuid = str(self.session_uuid)

        virtual_number = self.virtual_number

        message = self.message

        session = self.session.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "api_id": api_id,
                "session_uuid": session_uuid,
                "virtual_number": virtual_number,
                "message": message,
                "session": session,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.masking_session import MaskingSession  # noqa: PLC0415

        d = dict(src_dict)
        api_id = d.pop("api_id")

        session_uuid = UUID(d.pop("session_uuid"))

        virtual_number = d.pop("virtual_number")

        message = d.pop("message")

        session = MaskingSession.from_dict(d.pop("session"))

        masking_session_create_response = cls(
            api_id=api_id,
            session_uuid=session_uuid,
            virtual_number=virtual_number,
            message=message,
            session=session,
        )

        masking_session_create_response.additional_properties = d
        return masking_session_create_response

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
