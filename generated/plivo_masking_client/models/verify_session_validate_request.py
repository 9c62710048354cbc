from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

T = TypeVar("T", bound="VerifySessionValidateRequest")


@_attrs_define
class VerifySessionValidateRequest:
    otp: str
    """ The code the recipient entered. """
    session_uuid: UUID | Unset = UNSET
    """ Ignored. Plivo's official SDKs repeat the path's `session_uuid` in the body, and the API accepts it. """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}

        if not isinstance(self.otp, Unset):
            otp = self.otp
            field_dict["otp"] = otp

        session_uuid: str | Unset = UNSET
        if not isinstance(self.session_uuid, Unset):
            session_uuid = str(self.session_uuid)

        if session_uuid is not UNSET:
            field_dict["session_uuid"] = session_uuid

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            otp = d.pop("otp")
        except _PARSE_ERRORS:
            otp = _unparsed(d, src_dict, "otp")

        try:
            _session_uuid = d.pop("session_uuid", UNSET)
            session_uuid: UUID | Unset
            if isinstance(_session_uuid, Unset):
                session_uuid = UNSET
            else:
                session_uuid = UUID(_session_uuid)

        except _PARSE_ERRORS:
            session_uuid = _unparsed(d, src_dict, "session_uuid")

        verify_session_validate_request = cls(
            otp=otp,
            session_uuid=session_uuid,
        )

        return verify_session_validate_request
