from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, Unset, _unparsed

if TYPE_CHECKING:
    from ..models.verify_session import VerifySession
    from ..models.verify_session_list_meta import VerifySessionListMeta


T = TypeVar("T", bound="VerifySessionListResponse")


@_attrs_define
class VerifySessionListResponse:
    api_id: str
    meta: VerifySessionListMeta
    sessions: list[VerifySession]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.api_id, Unset):
            api_id = self.api_id
            field_dict["api_id"] = api_id

        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()
            field_dict["meta"] = meta

        if not isinstance(self.sessions, Unset):
            sessions = []
            for sessions_item_data in self.sessions:
                sessions_item = sessions_item_data.to_dict()
                sessions.append(sessions_item)

            field_dict["sessions"] = sessions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verify_session import VerifySession  # noqa: PLC0415
        from ..models.verify_session_list_meta import VerifySessionListMeta  # noqa: PLC0415

        d = dict(src_dict)
        try:
            api_id = d.pop("api_id")
        except _PARSE_ERRORS:
            api_id = _unparsed(d, src_dict, "api_id")

        try:
            meta = VerifySessionListMeta.from_dict(d.pop("meta"))

        except _PARSE_ERRORS:
            meta = _unparsed(d, src_dict, "meta")

        try:
            sessions = []
            _sessions = d.pop("sessions")
            for sessions_item_data in _sessions:
                sessions_item = VerifySession.from_dict(sessions_item_data)

                sessions.append(sessions_item)

        except _PARSE_ERRORS:
            sessions = _unparsed(d, src_dict, "sessions")

        verify_session_list_response = cls(
            api_id=api_id,
            meta=meta,
            sessions=sessions,
        )

        verify_session_list_response.additional_properties = d
        return verify_session_list_response

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
