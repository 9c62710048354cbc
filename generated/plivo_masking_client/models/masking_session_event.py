from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.masking_session_event_name import MaskingSessionEventName
from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

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
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.event_name, Unset):
            event_name = self.event_name.value
            field_dict["EventName"] = event_name

        if not isinstance(self.event_timestamp, Unset):
            event_timestamp = self.event_timestamp
            field_dict["EventTimestamp"] = event_timestamp

        if not isinstance(self.session_uuid, Unset):
            session_uuid = self.session_uuid
            field_dict["SessionUUID"] = session_uuid

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
        try:
            event_name = MaskingSessionEventName(d.pop("EventName"))

        except _PARSE_ERRORS:
            event_name = _unparsed(d, src_dict, "EventName")

        try:
            event_timestamp = d.pop("EventTimestamp")
        except _PARSE_ERRORS:
            event_timestamp = _unparsed(d, src_dict, "EventTimestamp")

        try:
            session_uuid = d.pop("SessionUUID")
        except _PARSE_ERRORS:
            session_uuid = _unparsed(d, src_dict, "SessionUUID")

        try:
            from_ = d.pop("From", UNSET)
        except _PARSE_ERRORS:
            from_ = _unparsed(d, src_dict, "From")

        try:
            to = d.pop("To", UNSET)
        except _PARSE_ERRORS:
            to = _unparsed(d, src_dict, "To")

        try:
            pin_authentication_status = d.pop("PinAuthenticationStatus", UNSET)
        except _PARSE_ERRORS:
            pin_authentication_status = _unparsed(d, src_dict, "PinAuthenticationStatus")

        try:
            pin_retry_counter = d.pop("PinRetryCounter", UNSET)
        except _PARSE_ERRORS:
            pin_retry_counter = _unparsed(d, src_dict, "PinRetryCounter")

        try:
            virtual_number = d.pop("VirtualNumber", UNSET)
        except _PARSE_ERRORS:
            virtual_number = _unparsed(d, src_dict, "VirtualNumber")

        try:
            amount = d.pop("Amount", UNSET)
        except _PARSE_ERRORS:
            amount = _unparsed(d, src_dict, "Amount")

        try:
            billed_duration = d.pop("BilledDuration", UNSET)
        except _PARSE_ERRORS:
            billed_duration = _unparsed(d, src_dict, "BilledDuration")

        try:
            duration = d.pop("Duration", UNSET)
        except _PARSE_ERRORS:
            duration = _unparsed(d, src_dict, "Duration")

        try:
            plivo_hangup_cause = d.pop("PlivoHangupCause", UNSET)
        except _PARSE_ERRORS:
            plivo_hangup_cause = _unparsed(d, src_dict, "PlivoHangupCause")

        try:
            plivo_hangup_cause_code = d.pop("PlivoHangupCauseCode", UNSET)
        except _PARSE_ERRORS:
            plivo_hangup_cause_code = _unparsed(d, src_dict, "PlivoHangupCauseCode")

        try:
            sequence_number = d.pop("SequenceNumber", UNSET)
        except _PARSE_ERRORS:
            sequence_number = _unparsed(d, src_dict, "SequenceNumber")

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
