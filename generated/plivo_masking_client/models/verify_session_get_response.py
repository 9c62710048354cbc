from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.verify_session_status import VerifySessionStatus
from ..types import UNSET, Unset

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
        session_uuid = str(self.session_uuid)

        app_uuid = self.app_uuid

        recipient = self.recipient

        channel = self.channel

        status = self.status.value

        count = self.count

        attempt_details: list[dict[str, Any]] | None
        if isinstance(self.attempt_details, list):
            attempt_details = []
            for attempt_details_type_0_item_data in self.attempt_details:
                attempt_details_type_0_item = attempt_details_type_0_item_data.to_dict()
                attempt_details.append(attempt_details_type_0_item)

        else:
            attempt_details = self.attempt_details

        charges = self.charges.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        api_id = self.api_id

        alias = self.alias

        requestor_ip = self.requestor_ip

        destination_country_iso2 = self.destination_country_iso2

        destination_network: None | str | Unset
        if isinstance(self.destination_network, Unset):
            destination_network = UNSET
        else:
            destination_network = self.destination_network

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "session_uuid": session_uuid,
                "app_uuid": app_uuid,
                "recipient": recipient,
                "channel": channel,
                "status": status,
                "count": count,
                "attempt_details": attempt_details,
                "charges": charges,
                "created_at": created_at,
                "updated_at": updated_at,
                "api_id": api_id,
            }
        )
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
        session_uuid = UUID(d.pop("session_uuid"))

        app_uuid = d.pop("app_uuid")

        recipient = d.pop("recipient")

        channel = d.pop("channel")

        status = VerifySessionStatus(d.pop("status"))

        count = d.pop("count")

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

        charges = VerifyCharges.from_dict(d.pop("charges"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        api_id = d.pop("api_id")

        alias = d.pop("alias", UNSET)

        requestor_ip = d.pop("requestor_ip", UNSET)

        destination_country_iso2 = d.pop("destination_country_iso2", UNSET)

        def _parse_destination_network(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        destination_network = _parse_destination_network(d.pop("destination_network", UNSET))

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
