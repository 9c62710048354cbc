from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

T = TypeVar("T", bound="MaskingInteraction")


@_attrs_define
class MaskingInteraction:
    """One call within a session, with up to two call legs (the fields of
    real answers; Plivo's SDKs read all of them).

    """

    start_time: str | Unset = UNSET
    """ A UTC time as Plivo's masking API writes it, which is not RFC 3339:
    `2024-02-01 06:28:15 +0000 UTC` or `2023-07-12 15:52:14.772699 +0000 UTC`
    (seen once as `... +0000 +0000`), or an empty string when unset.
     """
    end_time: str | Unset = UNSET
    """ A UTC time as Plivo's masking API writes it, which is not RFC 3339:
    `2024-02-01 06:28:15 +0000 UTC` or `2023-07-12 15:52:14.772699 +0000 UTC`
    (seen once as `... +0000 +0000`), or an empty string when unset.
     """
    first_party_resource_url: None | str | Unset = UNSET
    """ URL of the first party's call-leg resource; null while no leg was made for the first party. """
    second_party_resource_url: None | str | Unset = UNSET
    """ URL of the second party's call-leg resource; null while no leg was made for the second party. """
    first_party_status: None | str | Unset = UNSET
    """ How the first party's leg ended (`completed`, `no-answer`, `busy`, ...). """
    second_party_status: None | str | Unset = UNSET
    """ How the second party's leg ended. """
    type_: str | Unset = UNSET
    """ `call`. """
    total_call_amount: float | str | Unset = UNSET
    """ An amount in USD. Plivo documents a string but returns numbers (`0`) too. """
    call_billed_duration: int | Unset = UNSET
    """ Seconds billed over the interaction's legs. """
    recording_resource_url: None | str | Unset = UNSET
    """ URL of the interaction's recording resource; null when nothing was recorded (a party did not pick up). """
    total_call_count: int | Unset = UNSET
    """ Call legs in the interaction. """
    duration: float | Unset = UNSET
    """ Seconds from the interaction's start to its end. """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        start_time = self.start_time

        end_time = self.end_time

        first_party_resource_url: None | str | Unset
        if isinstance(self.first_party_resource_url, Unset):
            first_party_resource_url = UNSET
        else:
            first_party_resource_url = self.first_party_resource_url

        second_party_resource_url: None | str | Unset
        if isinstance(self.second_party_resource_url, Unset):
            second_party_resource_url = UNSET
        else:
            second_party_resource_url = self.second_party_resource_url

        first_party_status: None | str | Unset
        if isinstance(self.first_party_status, Unset):
            first_party_status = UNSET
        else:
            first_party_status = self.first_party_status

        second_party_status: None | str | Unset
        if isinstance(self.second_party_status, Unset):
            second_party_status = UNSET
        else:
            second_party_status = self.second_party_status

        type_ = self.type_

        total_call_amount: float | str | Unset
        if isinstance(self.total_call_amount, Unset):
            total_call_amount = UNSET
        else:
            total_call_amount = self.total_call_amount

        call_billed_duration = self.call_billed_duration

        recording_resource_url: None | str | Unset
        if isinstance(self.recording_resource_url, Unset):
            recording_resource_url = UNSET
        else:
            recording_resource_url = self.recording_resource_url

        total_call_count = self.total_call_count

        duration = self.duration

        if start_time is not UNSET:
            field_dict["start_time"] = start_time
        if end_time is not UNSET:
            field_dict["end_time"] = end_time
        if first_party_resource_url is not UNSET:
            field_dict["first_party_resource_url"] = first_party_resource_url
        if second_party_resource_url is not UNSET:
            field_dict["second_party_resource_url"] = second_party_resource_url
        if first_party_status is not UNSET:
            field_dict["first_party_status"] = first_party_status
        if second_party_status is not UNSET:
            field_dict["second_party_status"] = second_party_status
        if type_ is not UNSET:
            field_dict["type"] = type_
        if total_call_amount is not UNSET:
            field_dict["total_call_amount"] = total_call_amount
        if call_billed_duration is not UNSET:
            field_dict["call_billed_duration"] = call_billed_duration
        if recording_resource_url is not UNSET:
            field_dict["recording_resource_url"] = recording_resource_url
        if total_call_count is not UNSET:
            field_dict["total_call_count"] = total_call_count
        if duration is not UNSET:
            field_dict["duration"] = duration

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            start_time = d.pop("start_time", UNSET)
        except _PARSE_ERRORS:
            start_time = _unparsed(d, src_dict, "start_time")

        try:
            end_time = d.pop("end_time", UNSET)
        except _PARSE_ERRORS:
            end_time = _unparsed(d, src_dict, "end_time")

        try:

            def _parse_first_party_resource_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            first_party_resource_url = _parse_first_party_resource_url(d.pop("first_party_resource_url", UNSET))

        except _PARSE_ERRORS:
            first_party_resource_url = _unparsed(d, src_dict, "first_party_resource_url")

        try:

            def _parse_second_party_resource_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            second_party_resource_url = _parse_second_party_resource_url(d.pop("second_party_resource_url", UNSET))

        except _PARSE_ERRORS:
            second_party_resource_url = _unparsed(d, src_dict, "second_party_resource_url")

        try:

            def _parse_first_party_status(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            first_party_status = _parse_first_party_status(d.pop("first_party_status", UNSET))

        except _PARSE_ERRORS:
            first_party_status = _unparsed(d, src_dict, "first_party_status")

        try:

            def _parse_second_party_status(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            second_party_status = _parse_second_party_status(d.pop("second_party_status", UNSET))

        except _PARSE_ERRORS:
            second_party_status = _unparsed(d, src_dict, "second_party_status")

        try:
            type_ = d.pop("type", UNSET)
        except _PARSE_ERRORS:
            type_ = _unparsed(d, src_dict, "type")

        try:

            def _parse_total_call_amount(data: object) -> float | str | Unset:
                if isinstance(data, Unset):
                    return data
                return cast(float | str | Unset, data)

            total_call_amount = _parse_total_call_amount(d.pop("total_call_amount", UNSET))

        except _PARSE_ERRORS:
            total_call_amount = _unparsed(d, src_dict, "total_call_amount")

        try:
            call_billed_duration = d.pop("call_billed_duration", UNSET)
        except _PARSE_ERRORS:
            call_billed_duration = _unparsed(d, src_dict, "call_billed_duration")

        try:

            def _parse_recording_resource_url(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            recording_resource_url = _parse_recording_resource_url(d.pop("recording_resource_url", UNSET))

        except _PARSE_ERRORS:
            recording_resource_url = _unparsed(d, src_dict, "recording_resource_url")

        try:
            total_call_count = d.pop("total_call_count", UNSET)
        except _PARSE_ERRORS:
            total_call_count = _unparsed(d, src_dict, "total_call_count")

        try:
            duration = d.pop("duration", UNSET)
        except _PARSE_ERRORS:
            duration = _unparsed(d, src_dict, "duration")

        masking_interaction = cls(
            start_time=start_time,
            end_time=end_time,
            first_party_resource_url=first_party_resource_url,
            second_party_resource_url=second_party_resource_url,
            first_party_status=first_party_status,
            second_party_status=second_party_status,
            type_=type_,
            total_call_amount=total_call_amount,
            call_billed_duration=call_billed_duration,
            recording_resource_url=recording_resource_url,
            total_call_count=total_call_count,
            duration=duration,
        )

        masking_interaction.additional_properties = d
        return masking_interaction

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
