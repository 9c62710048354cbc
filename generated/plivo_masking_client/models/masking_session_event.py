from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.masking_session_event_name import MaskingSessionEventName
from ..types import UNSET, Unset

T = TypeVar("T", bound="MaskingSessionEvent")


@_attrs_define
class MaskingSessionEvent:
    """Fields of a session event sent to `callback_url` (all values travel as text)."""

    event_name: MaskingSessionEventName
    """ The event. `SessionVirtualNumberReplaced` means Plivo swapped a
    sub-optimal number for a working one, given in `VirtualNumber`.
     """
    event_timestamp: str
    """ When the event occurred (UTC). """
    session_uuid: str
    """ The session. """
    from_: str | Unset = UNSET
    """ The real number that called the virtual number. """
    to: str | Unset = UNSET
    """ The real number the virtual number dialled. """
    pin_authentication_status: str | Unset = UNSET
    """ Result of PIN authentication for the interaction. """
    pin_retry_counter: int | Unset = UNSET
    """ Retries used after wrong PINs. """
    virtual_number: str | Unset = UNSET
    """ The virtual number of the session. """
    amount: str | Unset = UNSET
    """ Amount charged for the call. """
    billed_duration: str | Unset = UNSET
    """ Billed seconds. """
    duration: str | Unset = UNSET
    """ Actual call length in seconds. """
    plivo_hangup_cause: str | Unset = UNSET
    """ Why the call ended. """
    plivo_hangup_cause_code: int | Unset = UNSET
    """ Code of the hangup cause. """
    sequence_number: str | Unset = UNSET
    """ Orders the events of a session. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_name = self.event_name.value

        event_timestamp = self.event_timestamp

        session_uuid = self.session_uuid

        from_ = self.from_

        to = self.to

        pin_authentication_status = self.pin_authentication_status

        pin_retry_counter = self.pin_retry_counter

        virtual_number = self.virtual_number

        amount = self.amount

        billed_duration = self.billed_duration

        duration = self.duration

        plivo_hangup_cause = self.plivo_hangup_cause

        plivo_hangup_cause_code = self.plivo_hangup_cause_code

        sequence_number = self.sequence_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "EventName": event_name,
                "EventTimestamp": event_timestamp,
                "SessionUUID": session_uuid,
            }
        )
        if from_ is not UNSET:
            field_dict["From"] = from_
        if to is not UNSET:
            field_dict["To"] = to
        if pin_authentication_status is not UNSET:
            field_dict["PinAuthenticationStatus"] = pin_authentication_status
        if pin_retry_counter is not UNSET:
            field_dict["PinRetryCounter"] = pin_retry_counter
        if virtual_number is not UNSET:
            field_dict["VirtualNumber"] = virtual_number
        if amount is not UNSET:
            field_dict["Amount"] = amount
        if billed_duration is not UNSET:
            field_dict["BilledDuration"] = billed_duration
        if duration is not UNSET:
            field_dict["Duration"] = duration
        if plivo_hangup_cause is not UNSET:
            field_dict["PlivoHangupCause"] = plivo_hangup_cause
        if plivo_hangup_cause_code is not UNSET:
            field_dict["PlivoHangupCauseCode"] = plivo_hangup_cause_code
        if sequence_number is not UNSET:
            field_dict["SequenceNumber"] = sequence_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        event_name = MaskingSessionEventName(d.pop("EventName"))

        event_timestamp = d.pop("EventTimestamp")

        session_uuid = d.pop("SessionUUID")

        from_ = d.pop("From", UNSET)

        to = d.pop("To", UNSET)

        pin_authentication_status = d.pop("PinAuthenticationStatus", UNSET)

        pin_retry_counter = d.pop("PinRetryCounter", UNSET)

        virtual_number = d.pop("VirtualNumber", UNSET)

        amount = d.pop("Amount", UNSET)

        billed_duration = d.pop("BilledDuration", UNSET)

        duration = d.pop("Duration", UNSET)

        plivo_hangup_cause = d.pop("PlivoHangupCause", UNSET)

        plivo_hangup_cause_code = d.pop("PlivoHangupCauseCode", UNSET)

        sequence_number = d.pop("SequenceNumber", UNSET)

        masking_session_event = cls(
            event_name=event_name,
            event_timestamp=event_timestamp,
            session_uuid=session_uuid,
            from_=from_,
            to=to,
            pin_authentication_status=pin_authentication_status,
            pin_retry_counter=pin_retry_counter,
            virtual_number=virtual_number,
            amount=amount,
            billed_duration=billed_duration,
            duration=duration,
            plivo_hangup_cause=plivo_hangup_cause,
            plivo_hangup_cause_code=plivo_hangup_cause_code,
            sequence_number=sequence_number,
        )

        masking_session_event.additional_properties = d
        return masking_session_event

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
