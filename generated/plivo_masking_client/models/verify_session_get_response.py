from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verify_session_status import VerifySessionStatus
from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

if TYPE_CHECKING:
    from ..models.verify_attempt import VerifyAttempt
    from ..models.verify_charges import VerifyCharges


T = TypeVar("T", bound="VerifySessionGetResponse")


@_attrs_define
class VerifySessionGetResponse:
    """A Verify session fetched on its own, with the request's `api_id`."""

    session_uuid: UUID
    """ Identifies the session. """
    app_uuid: str
    recipient: str
    """ The number the OTP went to. """
    channel: str
    """ `sms` or `voice`. """
    status: VerifySessionStatus
    """ `in-progress` until the code is validated (`verified`) or expires (`expired`). """
    count: int
    """ Delivery attempts made. """
    attempt_details: list[VerifyAttempt] | None
    """ Each delivery attempt; `null` in real answers when no attempt was made (`count` 0). """
    charges: VerifyCharges
    """ Charges of a session; amounts are decimal strings. """
    created_at: datetime.datetime
    updated_at: datetime.datetime
    api_id: str
    """ Present when the session is fetched on its own. """
    alias: str | Unset = UNSET
    """ Alias of the Verify application. """
    requestor_ip: str | Unset = UNSET
    """ IP address the session was created from. """
    destination_country_iso2: str | Unset = UNSET
    destination_network: None | str | Unset = UNSET
    """ The recipient's mobile network; `null` in real answers when Plivo could not tell it. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.session_uuid, Unset):
            session_uuid = str(self.session_uuid)
            field_dict["session_uuid"] = session_uuid

        if not isinstance(self.app_uuid, Unset):
            app_uuid = self.app_uuid
            field_dict["app_uuid"] = app_uuid

        if not isinstance(self.recipient, Unset):
            recipient = self.recipient
            field_dict["recipient"] = recipient

        if not isinstance(self.channel, Unset):
            channel = self.channel
            field_dict["channel"] = channel

        if not isinstance(self.status, Unset):
            status = self.status.value
            field_dict["status"] = status

        if not isinstance(self.count, Unset):
            count = self.count
            field_dict["count"] = count

        if not isinstance(self.attempt_details, Unset):
            attempt_details: list[dict[str, Any]] | None
            if isinstance(self.attempt_details, list):
                attempt_details = []
                for attempt_details_type_0_item_data in self.attempt_details:
                    attempt_details_type_0_item = attempt_details_type_0_item_data.to_dict()
                    attempt_details.append(attempt_details_type_0_item)

            else:
                attempt_details = self.attempt_details
            field_dict["attempt_details"] = attempt_details

        if not isinstance(self.charges, Unset):
            charges = self.charges.to_dict()
            field_dict["charges"] = charges

        if not isinstance(self.created_at, Unset):
            created_at = self.created_at.isoformat()
            field_dict["created_at"] = created_at

        if not isinstance(self.updated_at, Unset):
            updated_at = self.updated_at.isoformat()
            field_dict["updated_at"] = updated_at

        if not isinstance(self.api_id, Unset):
            api_id = self.api_id
            field_dict["api_id"] = api_id

        alias = self.alias

        requestor_ip = self.requestor_ip

        destination_country_iso2 = self.destination_country_iso2

        destination_network: None | str | Unset
        if isinstance(self.destination_network, Unset):
            destination_network = UNSET
        else:
            destination_network = self.destination_network

        if alias is not UNSET:
            field_dict["alias"] = alias
        if requestor_ip is not UNSET:
            field_dict["requestor_ip"] = requestor_ip
        if destination_country_iso2 is not UNSET:
            field_dict["destination_country_iso2"] = destination_country_iso2
        if destination_network is not UNSET:
            field_dict["destination_network"] = destination_network

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.verify_attempt import VerifyAttempt  # noqa: PLC0415
        from ..models.verify_charges import VerifyCharges  # noqa: PLC0415

        d = dict(src_dict)
        try:
            session_uuid = UUID(d.pop("session_uuid"))

        except _PARSE_ERRORS:
            session_uuid = _unparsed(d, src_dict, "session_uuid")

        try:
            app_uuid = d.pop("app_uuid")
        except _PARSE_ERRORS:
            app_uuid = _unparsed(d, src_dict, "app_uuid")

        try:
            recipient = d.pop("recipient")
        except _PARSE_ERRORS:
            recipient = _unparsed(d, src_dict, "recipient")

        try:
            channel = d.pop("channel")
        except _PARSE_ERRORS:
            channel = _unparsed(d, src_dict, "channel")

        try:
            status = VerifySessionStatus(d.pop("status"))

        except _PARSE_ERRORS:
            status = _unparsed(d, src_dict, "status")

        try:
            count = d.pop("count")
        except _PARSE_ERRORS:
            count = _unparsed(d, src_dict, "count")

        try:

            def _parse_attempt_details(data: object) -> list[VerifyAttempt] | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    attempt_details_type_0 = []
                    _attempt_details_type_0 = data
                    for attempt_details_type_0_item_data in _attempt_details_type_0:
                        attempt_details_type_0_item = VerifyAttempt.from_dict(attempt_details_type_0_item_data)

                        attempt_details_type_0.append(attempt_details_type_0_item)

                    return attempt_details_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[VerifyAttempt] | None, data)

            attempt_details = _parse_attempt_details(d.pop("attempt_details"))

        except _PARSE_ERRORS:
            attempt_details = _unparsed(d, src_dict, "attempt_details")

        try:
            charges = VerifyCharges.from_dict(d.pop("charges"))

        except _PARSE_ERRORS:
            charges = _unparsed(d, src_dict, "charges")

        try:
            created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        except _PARSE_ERRORS:
            created_at = _unparsed(d, src_dict, "created_at")

        try:
            updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        except _PARSE_ERRORS:
            updated_at = _unparsed(d, src_dict, "updated_at")

        try:
            api_id = d.pop("api_id")
        except _PARSE_ERRORS:
            api_id = _unparsed(d, src_dict, "api_id")

        try:
            alias = d.pop("alias", UNSET)
        except _PARSE_ERRORS:
            alias = _unparsed(d, src_dict, "alias")

        try:
            requestor_ip = d.pop("requestor_ip", UNSET)
        except _PARSE_ERRORS:
            requestor_ip = _unparsed(d, src_dict, "requestor_ip")

        try:
            destination_country_iso2 = d.pop("destination_country_iso2", UNSET)
        except _PARSE_ERRORS:
            destination_country_iso2 = _unparsed(d, src_dict, "destination_country_iso2")

        try:

            def _parse_destination_network(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            destination_network = _parse_destination_network(d.pop("destination_network", UNSET))

        except _PARSE_ERRORS:
            destination_network = _unparsed(d, src_dict, "destination_network")

        verify_session_get_response = cls(
            session_uuid=session_uuid,
            app_uuid=app_uuid,
            recipient=recipient,
            channel=channel,
            status=status,
            count=count,
            attempt_details=attempt_details,
            charges=charges,
            created_at=created_at,
            updated_at=updated_at,
            api_id=api_id,
            alias=alias,
            requestor_ip=requestor_ip,
            destination_country_iso2=destination_country_iso2,
            destination_network=destination_network,
        )

        verify_session_get_response.additional_properties = d
        return verify_session_get_response

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
