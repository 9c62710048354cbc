from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.masking_recording_event_name import MaskingRecordingEventName
from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

T = TypeVar("T", bound="MaskingRecordingEvent")


@_attrs_define
class MaskingRecordingEvent:
    """Fields of a recording event sent to `recording_callback_url` (all values travel as text)."""

    event_name: MaskingRecordingEventName
    event_timestamp: str
    """ When the event occurred. """
    session_uuid: str
    """ The session. """
    from_: str | Unset = UNSET
    """ The real number that called the virtual number. """
    to: str | Unset = UNSET
    """ The real number the virtual number dialled. """
    recording_duration: str | Unset = UNSET
    """ Recording length in seconds. """
    recording_end_time: str | Unset = UNSET
    """ When the recording ended (UTC). """
    recording_format: str | Unset = UNSET
    """ `mp3` or `wav`. """
    recording_resource_url: str | Unset = UNSET
    """ URL of the recording resource. """
    recording_start_time: str | Unset = UNSET
    """ When the recording started (UTC). """
    recording_url: str | Unset = UNSET
    """ URL of the media file. """
    recording_uuid: str | Unset = UNSET
    """ Identifies the recording. """
    sequence_number: str | Unset = UNSET
    """ Orders the events of a session. """
    virtual_number: str | Unset = UNSET
    """ The virtual number of the session. """
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

        recording_duration = self.recording_duration

        recording_end_time = self.recording_end_time

        recording_format = self.recording_format

        recording_resource_url = self.recording_resource_url

        recording_start_time = self.recording_start_time

        recording_url = self.recording_url

        recording_uuid = self.recording_uuid

        sequence_number = self.sequence_number

        virtual_number = self.virtual_number

        if from_ is not UNSET:
            field_dict["From"] = from_
        if to is not UNSET:
            field_dict["To"] = to
        if recording_duration is not UNSET:
            field_dict["RecordingDuration"] = recording_duration
        if recording_end_time is not UNSET:
            field_dict["RecordingEndTime"] = recording_end_time
        if recording_format is not UNSET:
            field_dict["RecordingFormat"] = recording_format
        if recording_resource_url is not UNSET:
            field_dict["RecordingResourceURL"] = recording_resource_url
        if recording_start_time is not UNSET:
            field_dict["RecordingStartTime"] = recording_start_time
        if recording_url is not UNSET:
            field_dict["RecordingURL"] = recording_url
        if recording_uuid is not UNSET:
            field_dict["RecordingUUID"] = recording_uuid
        if sequence_number is not UNSET:
            field_dict["SequenceNumber"] = sequence_number
        if virtual_number is not UNSET:
            field_dict["VirtualNumber"] = virtual_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            event_name = MaskingRecordingEventName(d.pop("EventName"))

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
            recording_duration = d.pop("RecordingDuration", UNSET)
        except _PARSE_ERRORS:
            recording_duration = _unparsed(d, src_dict, "RecordingDuration")

        try:
            recording_end_time = d.pop("RecordingEndTime", UNSET)
        except _PARSE_ERRORS:
            recording_end_time = _unparsed(d, src_dict, "RecordingEndTime")

        try:
            recording_format = d.pop("RecordingFormat", UNSET)
        except _PARSE_ERRORS:
            recording_format = _unparsed(d, src_dict, "RecordingFormat")

        try:
            recording_resource_url = d.pop("RecordingResourceURL", UNSET)
        except _PARSE_ERRORS:
            recording_resource_url = _unparsed(d, src_dict, "RecordingResourceURL")

        try:
            recording_start_time = d.pop("RecordingStartTime", UNSET)
        except _PARSE_ERRORS:
            recording_start_time = _unparsed(d, src_dict, "RecordingStartTime")

        try:
            recording_url = d.pop("RecordingURL", UNSET)
        except _PARSE_ERRORS:
            recording_url = _unparsed(d, src_dict, "RecordingURL")

        try:
            recording_uuid = d.pop("RecordingUUID", UNSET)
        except _PARSE_ERRORS:
            recording_uuid = _unparsed(d, src_dict, "RecordingUUID")

        try:
            sequence_number = d.pop("SequenceNumber", UNSET)
        except _PARSE_ERRORS:
            sequence_number = _unparsed(d, src_dict, "SequenceNumber")

        try:
            virtual_number = d.pop("VirtualNumber", UNSET)
        except _PARSE_ERRORS:
            virtual_number = _unparsed(d, src_dict, "VirtualNumber")

        masking_recording_event = cls(
            event_name=event_name,
            event_timestamp=event_timestamp,
            session_uuid=session_uuid,
            from_=from_,
            to=to,
            recording_duration=recording_duration,
            recording_end_time=recording_end_time,
            recording_format=recording_format,
            recording_resource_url=recording_resource_url,
            recording_start_time=recording_start_time,
            recording_url=recording_url,
            recording_uuid=recording_uuid,
            sequence_number=sequence_number,
            virtual_number=virtual_number,
        )

        masking_recording_event.additional_properties = d
        return masking_recording_event

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
