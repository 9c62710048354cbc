from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.masking_session_status import MaskingSessionStatus
from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

if TYPE_CHECKING:
    from ..models.masking_interaction import MaskingInteraction


T = TypeVar("T", bound="MaskingSession")


@_attrs_define
class MaskingSession:
    """A masking session as Plivo returns it. PIN fields and `subaccount` appear when they apply."""

    session_uuid: UUID
    """ Identifies the session. """
    first_party: str
    """ The first party's real number, without `+` (empty while a single-party session lacks it). """
    second_party: str
    """ The second party's real number, without `+` (empty while a single-party session lacks it). """
    virtual_number: str
    """ The virtual number the parties dial, without `+`. """
    status: MaskingSessionStatus
    """ `active` until `expiry_time`, `expired` after it or after DELETE. """
    initiate_call_to_first_party: bool
    record: bool
    record_file_format: str
    """ `mp3` or `wav`. """
    recording_callback_url: str
    """ Empty when unset. """
    recording_callback_method: str
    """ `GET` or `POST`. """
    call_time_limit: int
    callback_url: str
    """ Empty when unset. """
    callback_method: str
    """ `GET` or `POST`. """
    ring_timeout: int
    first_party_play_url: str
    """ Empty when unset. """
    second_party_play_url: str
    """ Empty when unset. """
    created_time: str
    """ A UTC time as Plivo's masking API writes it, which is not RFC 3339:
    `2024-02-01 06:28:15 +0000 UTC` or `2023-07-12 15:52:14.772699 +0000 UTC`
    (seen once as `... +0000 +0000`), or an empty string when unset.
     """
    modified_time: str
    """ A UTC time as Plivo's masking API writes it, which is not RFC 3339:
    `2024-02-01 06:28:15 +0000 UTC` or `2023-07-12 15:52:14.772699 +0000 UTC`
    (seen once as `... +0000 +0000`), or an empty string when unset.
     """
    expiry_time: str
    """ A UTC time as Plivo's masking API writes it, which is not RFC 3339:
    `2024-02-01 06:28:15 +0000 UTC` or `2023-07-12 15:52:14.772699 +0000 UTC`
    (seen once as `... +0000 +0000`), or an empty string when unset.
     """
    last_interaction_time: str
    """ A UTC time as Plivo's masking API writes it, which is not RFC 3339:
    `2024-02-01 06:28:15 +0000 UTC` or `2023-07-12 15:52:14.772699 +0000 UTC`
    (seen once as `... +0000 +0000`), or an empty string when unset.
     """
    duration: int
    """ Length of the session in seconds (`expiry_time` - `created_time`). """
    amount: float | str
    """ An amount in USD. Plivo documents a string but returns numbers (`0`) too. """
    total_call_amount: float | str
    """ An amount in USD. Plivo documents a string but returns numbers (`0`) too. """
    total_call_count: int
    total_call_billed_duration: int
    total_session_amount: float | str
    """ An amount in USD. Plivo documents a string but returns numbers (`0`) too. """
    interaction: list[MaskingInteraction] | MaskingInteraction | None
    """ The session's calls so far; null before the first call. """
    is_pin_authentication_required: bool | Unset = UNSET
    generate_pin: bool | None | Unset = UNSET
    """ `null` in real answers of sessions without PIN authentication, like the PIN fields below. """
    generate_pin_length: int | None | Unset = UNSET
    first_party_pin: None | str | Unset = UNSET
    """ The first party's PIN. """
    second_party_pin: None | str | Unset = UNSET
    """ The second party's PIN. """
    pin_prompt_play: None | str | Unset = UNSET
    pin_retry: int | None | Unset = UNSET
    pin_retry_wait: int | None | str | Unset = UNSET
    """ An integer that Plivo sometimes returns as a string (`5` or `"5"`),
    or `null` when unset (`pin_retry_wait` of a session without PIN
    authentication).
     """
    incorrect_pin_play: None | str | Unset = UNSET
    unknown_caller_play: str | Unset = UNSET
    force_pin_authentication: bool | Unset = UNSET
    subaccount: str | Unset = UNSET
    """ The subaccount the session belongs to. """
    session_expiry: int | Unset = UNSET
    """ Lifetime of the session in seconds (in the attribute table; the example answers omit it). """
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.masking_interaction import MaskingInteraction  # noqa: PLC0415

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        if not isinstance(self.session_uuid, Unset):
            session_uuid = str(self.session_uuid)
            field_dict["session_uuid"] = session_uuid

        if not isinstance(self.first_party, Unset):
            first_party = self.first_party
            field_dict["first_party"] = first_party

        if not isinstance(self.second_party, Unset):
            second_party = self.second_party
            field_dict["second_party"] = second_party

        if not isinstance(self.virtual_number, Unset):
            virtual_number = self.virtual_number
            field_dict["virtual_number"] = virtual_number

        if not isinstance(self.status, Unset):
            status = self.status.value
            field_dict["status"] = status

        if not isinstance(self.initiate_call_to_first_party, Unset):
            initiate_call_to_first_party = self.initiate_call_to_first_party
            field_dict["initiate_call_to_first_party"] = initiate_call_to_first_party

        if not isinstance(self.record, Unset):
            record = self.record
            field_dict["record"] = record

        if not isinstance(self.record_file_format, Unset):
            record_file_format = self.record_file_format
            field_dict["record_file_format"] = record_file_format

        if not isinstance(self.recording_callback_url, Unset):
            recording_callback_url = self.recording_callback_url
            field_dict["recording_callback_url"] = recording_callback_url

        if not isinstance(self.recording_callback_method, Unset):
            recording_callback_method = self.recording_callback_method
            field_dict["recording_callback_method"] = recording_callback_method

        if not isinstance(self.call_time_limit, Unset):
            call_time_limit = self.call_time_limit
            field_dict["call_time_limit"] = call_time_limit

        if not isinstance(self.callback_url, Unset):
            callback_url = self.callback_url
            field_dict["callback_url"] = callback_url

        if not isinstance(self.callback_method, Unset):
            callback_method = self.callback_method
            field_dict["callback_method"] = callback_method

        if not isinstance(self.ring_timeout, Unset):
            ring_timeout = self.ring_timeout
            field_dict["ring_timeout"] = ring_timeout

        if not isinstance(self.first_party_play_url, Unset):
            first_party_play_url = self.first_party_play_url
            field_dict["first_party_play_url"] = first_party_play_url

        if not isinstance(self.second_party_play_url, Unset):
            second_party_play_url = self.second_party_play_url
            field_dict["second_party_play_url"] = second_party_play_url

        if not isinstance(self.created_time, Unset):
            created_time = self.created_time
            field_dict["created_time"] = created_time

        if not isinstance(self.modified_time, Unset):
            modified_time = self.modified_time
            field_dict["modified_time"] = modified_time

        if not isinstance(self.expiry_time, Unset):
            expiry_time = self.expiry_time
            field_dict["expiry_time"] = expiry_time

        if not isinstance(self.last_interaction_time, Unset):
            last_interaction_time = self.last_interaction_time
            field_dict["last_interaction_time"] = last_interaction_time

        if not isinstance(self.duration, Unset):
            duration = self.duration
            field_dict["duration"] = duration

        if not isinstance(self.amount, Unset):
            amount: float | str
            amount = self.amount
            field_dict["amount"] = amount

        if not isinstance(self.total_call_amount, Unset):
            total_call_amount: float | str
            total_call_amount = self.total_call_amount
            field_dict["total_call_amount"] = total_call_amount

        if not isinstance(self.total_call_count, Unset):
            total_call_count = self.total_call_count
            field_dict["total_call_count"] = total_call_count

        if not isinstance(self.total_call_billed_duration, Unset):
            total_call_billed_duration = self.total_call_billed_duration
            field_dict["total_call_billed_duration"] = total_call_billed_duration

        if not isinstance(self.total_session_amount, Unset):
            total_session_amount: float | str
            total_session_amount = self.total_session_amount
            field_dict["total_session_amount"] = total_session_amount

        if not isinstance(self.interaction, Unset):
            interaction: dict[str, Any] | list[dict[str, Any]] | None
            if isinstance(self.interaction, MaskingInteraction):
                interaction = self.interaction.to_dict()
            elif isinstance(self.interaction, list):
                interaction = []
                for interaction_type_1_type_0_item_data in self.interaction:
                    interaction_type_1_type_0_item = interaction_type_1_type_0_item_data.to_dict()
                    interaction.append(interaction_type_1_type_0_item)

            else:
                interaction = self.interaction
            field_dict["interaction"] = interaction

        is_pin_authentication_required = self.is_pin_authentication_required

        generate_pin: bool | None | Unset
        if isinstance(self.generate_pin, Unset):
            generate_pin = UNSET
        else:
            generate_pin = self.generate_pin

        generate_pin_length: int | None | Unset
        if isinstance(self.generate_pin_length, Unset):
            generate_pin_length = UNSET
        else:
            generate_pin_length = self.generate_pin_length

        first_party_pin: None | str | Unset
        if isinstance(self.first_party_pin, Unset):
            first_party_pin = UNSET
        else:
            first_party_pin = self.first_party_pin

        second_party_pin: None | str | Unset
        if isinstance(self.second_party_pin, Unset):
            second_party_pin = UNSET
        else:
            second_party_pin = self.second_party_pin

        pin_prompt_play: None | str | Unset
        if isinstance(self.pin_prompt_play, Unset):
            pin_prompt_play = UNSET
        else:
            pin_prompt_play = self.pin_prompt_play

        pin_retry: int | None | Unset
        if isinstance(self.pin_retry, Unset):
            pin_retry = UNSET
        else:
            pin_retry = self.pin_retry

        pin_retry_wait: int | None | str | Unset
        if isinstance(self.pin_retry_wait, Unset):
            pin_retry_wait = UNSET
        else:
            pin_retry_wait = self.pin_retry_wait

        incorrect_pin_play: None | str | Unset
        if isinstance(self.incorrect_pin_play, Unset):
            incorrect_pin_play = UNSET
        else:
            incorrect_pin_play = self.incorrect_pin_play

        unknown_caller_play = self.unknown_caller_play

        force_pin_authentication = self.force_pin_authentication

        subaccount = self.subaccount

        session_expiry = self.session_expiry

        if is_pin_authentication_required is not UNSET:
            field_dict["is_pin_authentication_required"] = is_pin_authentication_required
        if generate_pin is not UNSET:
            field_dict["generate_pin"] = generate_pin
        if generate_pin_length is not UNSET:
            field_dict["generate_pin_length"] = generate_pin_length
        if first_party_pin is not UNSET:
            field_dict["first_party_pin"] = first_party_pin
        if second_party_pin is not UNSET:
            field_dict["second_party_pin"] = second_party_pin
        if pin_prompt_play is not UNSET:
            field_dict["pin_prompt_play"] = pin_prompt_play
        if pin_retry is not UNSET:
            field_dict["pin_retry"] = pin_retry
        if pin_retry_wait is not UNSET:
            field_dict["pin_retry_wait"] = pin_retry_wait
        if incorrect_pin_play is not UNSET:
            field_dict["incorrect_pin_play"] = incorrect_pin_play
        if unknown_caller_play is not UNSET:
            field_dict["unknown_caller_play"] = unknown_caller_play
        if force_pin_authentication is not UNSET:
            field_dict["force_pin_authentication"] = force_pin_authentication
        if subaccount is not UNSET:
            field_dict["subaccount"] = subaccount
        if session_expiry is not UNSET:
            field_dict["session_expiry"] = session_expiry

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.masking_interaction import MaskingInteraction  # noqa: PLC0415

        d = dict(src_dict)
        try:
            session_uuid = UUID(d.pop("session_uuid"))

        except _PARSE_ERRORS:
            session_uuid = _unparsed(d, src_dict, "session_uuid")

        try:
            first_party = d.pop("first_party")
        except _PARSE_ERRORS:
            first_party = _unparsed(d, src_dict, "first_party")

        try:
            second_party = d.pop("second_party")
        except _PARSE_ERRORS:
            second_party = _unparsed(d, src_dict, "second_party")

        try:
            virtual_number = d.pop("virtual_number")
        except _PARSE_ERRORS:
            virtual_number = _unparsed(d, src_dict, "virtual_number")

        try:
            status = MaskingSessionStatus(d.pop("status"))

        except _PARSE_ERRORS:
            status = _unparsed(d, src_dict, "status")

        try:
            initiate_call_to_first_party = d.pop("initiate_call_to_first_party")
        except _PARSE_ERRORS:
            initiate_call_to_first_party = _unparsed(d, src_dict, "initiate_call_to_first_party")

        try:
            record = d.pop("record")
        except _PARSE_ERRORS:
            record = _unparsed(d, src_dict, "record")

        try:
            record_file_format = d.pop("record_file_format")
        except _PARSE_ERRORS:
            record_file_format = _unparsed(d, src_dict, "record_file_format")

        try:
            recording_callback_url = d.pop("recording_callback_url")
        except _PARSE_ERRORS:
            recording_callback_url = _unparsed(d, src_dict, "recording_callback_url")

        try:
            recording_callback_method = d.pop("recording_callback_method")
        except _PARSE_ERRORS:
            recording_callback_method = _unparsed(d, src_dict, "recording_callback_method")

        try:
            call_time_limit = d.pop("call_time_limit")
        except _PARSE_ERRORS:
            call_time_limit = _unparsed(d, src_dict, "call_time_limit")

        try:
            callback_url = d.pop("callback_url")
        except _PARSE_ERRORS:
            callback_url = _unparsed(d, src_dict, "callback_url")

        try:
            callback_method = d.pop("callback_method")
        except _PARSE_ERRORS:
            callback_method = _unparsed(d, src_dict, "callback_method")

        try:
            ring_timeout = d.pop("ring_timeout")
        except _PARSE_ERRORS:
            ring_timeout = _unparsed(d, src_dict, "ring_timeout")

        try:
            first_party_play_url = d.pop("first_party_play_url")
        except _PARSE_ERRORS:
            first_party_play_url = _unparsed(d, src_dict, "first_party_play_url")

        try:
            second_party_play_url = d.pop("second_party_play_url")
        except _PARSE_ERRORS:
            second_party_play_url = _unparsed(d, src_dict, "second_party_play_url")

        try:
            created_time = d.pop("created_time")
        except _PARSE_ERRORS:
            created_time = _unparsed(d, src_dict, "created_time")

        try:
            modified_time = d.pop("modified_time")
        except _PARSE_ERRORS:
            modified_time = _unparsed(d, src_dict, "modified_time")

        try:
            expiry_time = d.pop("expiry_time")
        except _PARSE_ERRORS:
            expiry_time = _unparsed(d, src_dict, "expiry_time")

        try:
            last_interaction_time = d.pop("last_interaction_time")
        except _PARSE_ERRORS:
            last_interaction_time = _unparsed(d, src_dict, "last_interaction_time")

        try:
            duration = d.pop("duration")
        except _PARSE_ERRORS:
            duration = _unparsed(d, src_dict, "duration")

        try:

            def _parse_amount(data: object) -> float | str:
                return cast(float | str, data)

            amount = _parse_amount(d.pop("amount"))

        except _PARSE_ERRORS:
            amount = _unparsed(d, src_dict, "amount")

        try:

            def _parse_total_call_amount(data: object) -> float | str:
                return cast(float | str, data)

            total_call_amount = _parse_total_call_amount(d.pop("total_call_amount"))

        except _PARSE_ERRORS:
            total_call_amount = _unparsed(d, src_dict, "total_call_amount")

        try:
            total_call_count = d.pop("total_call_count")
        except _PARSE_ERRORS:
            total_call_count = _unparsed(d, src_dict, "total_call_count")

        try:
            total_call_billed_duration = d.pop("total_call_billed_duration")
        except _PARSE_ERRORS:
            total_call_billed_duration = _unparsed(d, src_dict, "total_call_billed_duration")

        try:

            def _parse_total_session_amount(data: object) -> float | str:
                return cast(float | str, data)

            total_session_amount = _parse_total_session_amount(d.pop("total_session_amount"))

        except _PARSE_ERRORS:
            total_session_amount = _unparsed(d, src_dict, "total_session_amount")

        try:

            def _parse_interaction(data: object) -> list[MaskingInteraction] | MaskingInteraction | None:
                if data is None:
                    return data
                try:
                    if not isinstance(data, dict):
                        raise TypeError()
                    interaction_type_0 = MaskingInteraction.from_dict(data)

                    return interaction_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    interaction_type_1_type_0 = []
                    _interaction_type_1_type_0 = data
                    for interaction_type_1_type_0_item_data in _interaction_type_1_type_0:
                        interaction_type_1_type_0_item = MaskingInteraction.from_dict(
                            interaction_type_1_type_0_item_data
                        )

                        interaction_type_1_type_0.append(interaction_type_1_type_0_item)

                    return interaction_type_1_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                return cast(list[MaskingInteraction] | MaskingInteraction | None, data)

            interaction = _parse_interaction(d.pop("interaction"))

        except _PARSE_ERRORS:
            interaction = _unparsed(d, src_dict, "interaction")

        try:
            is_pin_authentication_required = d.pop("is_pin_authentication_required", UNSET)
        except _PARSE_ERRORS:
            is_pin_authentication_required = _unparsed(d, src_dict, "is_pin_authentication_required")

        try:

            def _parse_generate_pin(data: object) -> bool | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(bool | None | Unset, data)

            generate_pin = _parse_generate_pin(d.pop("generate_pin", UNSET))

        except _PARSE_ERRORS:
            generate_pin = _unparsed(d, src_dict, "generate_pin")

        try:

            def _parse_generate_pin_length(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            generate_pin_length = _parse_generate_pin_length(d.pop("generate_pin_length", UNSET))

        except _PARSE_ERRORS:
            generate_pin_length = _unparsed(d, src_dict, "generate_pin_length")

        try:

            def _parse_first_party_pin(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            first_party_pin = _parse_first_party_pin(d.pop("first_party_pin", UNSET))

        except _PARSE_ERRORS:
            first_party_pin = _unparsed(d, src_dict, "first_party_pin")

        try:

            def _parse_second_party_pin(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            second_party_pin = _parse_second_party_pin(d.pop("second_party_pin", UNSET))

        except _PARSE_ERRORS:
            second_party_pin = _unparsed(d, src_dict, "second_party_pin")

        try:

            def _parse_pin_prompt_play(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            pin_prompt_play = _parse_pin_prompt_play(d.pop("pin_prompt_play", UNSET))

        except _PARSE_ERRORS:
            pin_prompt_play = _unparsed(d, src_dict, "pin_prompt_play")

        try:

            def _parse_pin_retry(data: object) -> int | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | Unset, data)

            pin_retry = _parse_pin_retry(d.pop("pin_retry", UNSET))

        except _PARSE_ERRORS:
            pin_retry = _unparsed(d, src_dict, "pin_retry")

        try:

            def _parse_pin_retry_wait(data: object) -> int | None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(int | None | str | Unset, data)

            pin_retry_wait = _parse_pin_retry_wait(d.pop("pin_retry_wait", UNSET))

        except _PARSE_ERRORS:
            pin_retry_wait = _unparsed(d, src_dict, "pin_retry_wait")

        try:

            def _parse_incorrect_pin_play(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                return cast(None | str | Unset, data)

            incorrect_pin_play = _parse_incorrect_pin_play(d.pop("incorrect_pin_play", UNSET))

        except _PARSE_ERRORS:
            incorrect_pin_play = _unparsed(d, src_dict, "incorrect_pin_play")

        try:
            unknown_caller_play = d.pop("unknown_caller_play", UNSET)
        except _PARSE_ERRORS:
            unknown_caller_play = _unparsed(d, src_dict, "unknown_caller_play")

        try:
            force_pin_authentication = d.pop("force_pin_authentication", UNSET)
        except _PARSE_ERRORS:
            force_pin_authentication = _unparsed(d, src_dict, "force_pin_authentication")

        try:
            subaccount = d.pop("subaccount", UNSET)
        except _PARSE_ERRORS:
            subaccount = _unparsed(d, src_dict, "subaccount")

        try:
            session_expiry = d.pop("session_expiry", UNSET)
        except _PARSE_ERRORS:
            session_expiry = _unparsed(d, src_dict, "session_expiry")

        masking_session = cls(
            session_uuid=session_uuid,
            first_party=first_party,
            second_party=second_party,
            virtual_number=virtual_number,
            status=status,
            initiate_call_to_first_party=initiate_call_to_first_party,
            record=record,
            record_file_format=record_file_format,
            recording_callback_url=recording_callback_url,
            recording_callback_method=recording_callback_method,
            call_time_limit=call_time_limit,
            callback_url=callback_url,
            callback_method=callback_method,
            ring_timeout=ring_timeout,
            first_party_play_url=first_party_play_url,
            second_party_play_url=second_party_play_url,
            created_time=created_time,
            modified_time=modified_time,
            expiry_time=expiry_time,
            last_interaction_time=last_interaction_time,
            duration=duration,
            amount=amount,
            total_call_amount=total_call_amount,
            total_call_count=total_call_count,
            total_call_billed_duration=total_call_billed_duration,
            total_session_amount=total_session_amount,
            interaction=interaction,
            is_pin_authentication_required=is_pin_authentication_required,
            generate_pin=generate_pin,
            generate_pin_length=generate_pin_length,
            first_party_pin=first_party_pin,
            second_party_pin=second_party_pin,
            pin_prompt_play=pin_prompt_play,
            pin_retry=pin_retry,
            pin_retry_wait=pin_retry_wait,
            incorrect_pin_play=incorrect_pin_play,
            unknown_caller_play=unknown_caller_play,
            force_pin_authentication=force_pin_authentication,
            subaccount=subaccount,
            session_expiry=session_expiry,
        )

        masking_session.additional_properties = d
        return masking_session

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
