from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.http_method import HttpMethod
from ..models.record_file_format import RecordFileFormat
from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

T = TypeVar("T", bound="MaskingSessionUpdateRequest")


@_attrs_define
class MaskingSessionUpdateRequest:
    """The settings that may change on an active session. `first_party` and
    `second_party` only on a single-party session.

    """

    session_uuid: UUID | Unset = UNSET
    """ Ignored. Plivo's official SDKs repeat the path's `session_uuid` in the body, and the API accepts it. """
    record: bool | Unset = UNSET
    """ Record calls. """
    recording_callback_url: str | Unset = UNSET
    """ An http(s) URL. """
    record_file_format: RecordFileFormat | Unset = UNSET
    """ The audio format of recordings. """
    recording_callback_method: HttpMethod | Unset = UNSET
    """ The HTTP verb Plivo uses to call a URL. """
    session_expiry: int | Unset = UNSET
    call_time_limit: int | Unset = UNSET
    callback_url: str | Unset = UNSET
    """ An http(s) URL. """
    callback_method: HttpMethod | Unset = UNSET
    """ The HTTP verb Plivo uses to call a URL. """
    ring_timeout: int | Unset = UNSET
    first_party_play_url: str | Unset = UNSET
    """ An http(s) URL. """
    second_party_play_url: str | Unset = UNSET
    """ An http(s) URL. """
    first_party: str | Unset = UNSET
    """ A phone number in E.164 form (an assigned country code, 7 to 15 digits), with or without the leading `+`.
    """
    second_party: str | Unset = UNSET
    """ A phone number in E.164 form (an assigned country code, 7 to 15 digits), with or without the leading `+`.
    """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}

        session_uuid: str | Unset = UNSET
        if not isinstance(self.session_uuid, Unset):
            session_uuid = str(self.session_uuid)

        record = self.record

        recording_callback_url = self.recording_callback_url

        record_file_format: str | Unset = UNSET
        if not isinstance(self.record_file_format, Unset):
            record_file_format = self.record_file_format.value

        recording_callback_method: str | Unset = UNSET
        if not isinstance(self.recording_callback_method, Unset):
            recording_callback_method = self.recording_callback_method.value

        session_expiry = self.session_expiry

        call_time_limit = self.call_time_limit

        callback_url = self.callback_url

        callback_method: str | Unset = UNSET
        if not isinstance(self.callback_method, Unset):
            callback_method = self.callback_method.value

        ring_timeout = self.ring_timeout

        first_party_play_url = self.first_party_play_url

        second_party_play_url = self.second_party_play_url

        first_party = self.first_party

        second_party = self.second_party

        if session_uuid is not UNSET:
            field_dict["session_uuid"] = session_uuid
        if record is not UNSET:
            field_dict["record"] = record
        if recording_callback_url is not UNSET:
            field_dict["recording_callback_url"] = recording_callback_url
        if record_file_format is not UNSET:
            field_dict["record_file_format"] = record_file_format
        if recording_callback_method is not UNSET:
            field_dict["recording_callback_method"] = recording_callback_method
        if session_expiry is not UNSET:
            field_dict["session_expiry"] = session_expiry
        if call_time_limit is not UNSET:
            field_dict["call_time_limit"] = call_time_limit
        if callback_url is not UNSET:
            field_dict["callback_url"] = callback_url
        if callback_method is not UNSET:
            field_dict["callback_method"] = callback_method
        if ring_timeout is not UNSET:
            field_dict["ring_timeout"] = ring_timeout
        if first_party_play_url is not UNSET:
            field_dict["first_party_play_url"] = first_party_play_url
        if second_party_play_url is not UNSET:
            field_dict["second_party_play_url"] = second_party_play_url
        if first_party is not UNSET:
            field_dict["first_party"] = first_party
        if second_party is not UNSET:
            field_dict["second_party"] = second_party

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            _session_uuid = d.pop("session_uuid", UNSET)
            session_uuid: UUID | Unset
            if isinstance(_session_uuid, Unset):
                session_uuid = UNSET
            else:
                session_uuid = UUID(_session_uuid)

        except _PARSE_ERRORS:
            session_uuid = _unparsed(d, src_dict, "session_uuid")

        try:
            record = d.pop("record", UNSET)
        except _PARSE_ERRORS:
            record = _unparsed(d, src_dict, "record")

        try:
            recording_callback_url = d.pop("recording_callback_url", UNSET)
        except _PARSE_ERRORS:
            recording_callback_url = _unparsed(d, src_dict, "recording_callback_url")

        try:
            _record_file_format = d.pop("record_file_format", UNSET)
            record_file_format: RecordFileFormat | Unset
            if isinstance(_record_file_format, Unset):
                record_file_format = UNSET
            else:
                record_file_format = RecordFileFormat(_record_file_format)

        except _PARSE_ERRORS:
            record_file_format = _unparsed(d, src_dict, "record_file_format")

        try:
            _recording_callback_method = d.pop("recording_callback_method", UNSET)
            recording_callback_method: HttpMethod | Unset
            if isinstance(_recording_callback_method, Unset):
                recording_callback_method = UNSET
            else:
                recording_callback_method = HttpMethod(_recording_callback_method)

        except _PARSE_ERRORS:
            recording_callback_method = _unparsed(d, src_dict, "recording_callback_method")

        try:
            session_expiry = d.pop("session_expiry", UNSET)
        except _PARSE_ERRORS:
            session_expiry = _unparsed(d, src_dict, "session_expiry")

        try:
            call_time_limit = d.pop("call_time_limit", UNSET)
        except _PARSE_ERRORS:
            call_time_limit = _unparsed(d, src_dict, "call_time_limit")

        try:
            callback_url = d.pop("callback_url", UNSET)
        except _PARSE_ERRORS:
            callback_url = _unparsed(d, src_dict, "callback_url")

        try:
            _callback_method = d.pop("callback_method", UNSET)
            callback_method: HttpMethod | Unset
            if isinstance(_callback_method, Unset):
                callback_method = UNSET
            else:
                callback_method = HttpMethod(_callback_method)

        except _PARSE_ERRORS:
            callback_method = _unparsed(d, src_dict, "callback_method")

        try:
            ring_timeout = d.pop("ring_timeout", UNSET)
        except _PARSE_ERRORS:
            ring_timeout = _unparsed(d, src_dict, "ring_timeout")

        try:
            first_party_play_url = d.pop("first_party_play_url", UNSET)
        except _PARSE_ERRORS:
            first_party_play_url = _unparsed(d, src_dict, "first_party_play_url")

        try:
            second_party_play_url = d.pop("second_party_play_url", UNSET)
        except _PARSE_ERRORS:
            second_party_play_url = _unparsed(d, src_dict, "second_party_play_url")

        try:
            first_party = d.pop("first_party", UNSET)
        except _PARSE_ERRORS:
            first_party = _unparsed(d, src_dict, "first_party")

        try:
            second_party = d.pop("second_party", UNSET)
        except _PARSE_ERRORS:
            second_party = _unparsed(d, src_dict, "second_party")

        masking_session_update_request = cls(
            session_uuid=session_uuid,
            record=record,
            recording_callback_url=recording_callback_url,
            record_file_format=record_file_format,
            recording_callback_method=recording_callback_method,
            session_expiry=session_expiry,
            call_time_limit=call_time_limit,
            callback_url=callback_url,
            callback_method=callback_method,
            ring_timeout=ring_timeout,
            first_party_play_url=first_party_play_url,
            second_party_play_url=second_party_play_url,
            first_party=first_party,
            second_party=second_party,
        )

        return masking_session_update_request
