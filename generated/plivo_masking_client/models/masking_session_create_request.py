from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.http_method import HttpMethod
from ..models.record_file_format import RecordFileFormat
from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

T = TypeVar("T", bound="MaskingSessionCreateRequest")


@_attrs_define
class MaskingSessionCreateRequest:
    """Arguments of a new masking session. See the operation for the rules
    that tie them together (single-party sessions, PIN authentication).

    """

    first_party: str | Unset = UNSET
    """ A phone number in E.164 form (an assigned country code, 7 to 15 digits), with or without the leading `+`.
    """
    second_party: str | Unset = UNSET
    """ A phone number in E.164 form (an assigned country code, 7 to 15 digits), with or without the leading `+`.
    """
    create_session_with_single_party: bool | Unset = UNSET
    """ Create the session with one party only; either `first_party` or `second_party` is then enough. Default when
    omitted: False. """
    geomatch: bool | Unset = UNSET
    """ Allocate a virtual number in the same country as `first_party`. Default when omitted: True. """
    virtual_number_cooloff_period: int | Unset = UNSET
    """ Seconds during which a virtual number released by a session is not allocated to another session. Default
    when omitted: 0. """
    subaccount: str | Unset = UNSET
    """ A subaccount's Auth ID (`SA` + 18 characters). """
    is_pin_authentication_required: bool | Unset = UNSET
    """ Ask a caller who is not one of the parties for a PIN. When true,
    `pin_prompt_play` and `incorrect_pin_play` are required, and so are
    both PINs unless `generate_pin` is true.
     Default when omitted: False. """
    generate_pin: bool | Unset = UNSET
    """ Let Plivo generate the two PINs. Applies only with `is_pin_authentication_required`. Default when omitted:
    False. """
    generate_pin_length: int | Unset = UNSET
    """ Length of the PINs Plivo generates when `generate_pin` is true. (The sources give no range; 4 to 8 digits is
    assumed, like Verify's `code_length`.) Default when omitted: 4. """
    first_party_pin: int | str | Unset = UNSET
    """ A PIN, digits only. Plivo's own examples send it as a JSON number
    (`1234`); a string keeps leading zeros (`"0123"`).
     """
    second_party_pin: int | str | Unset = UNSET
    """ A PIN, digits only. Plivo's own examples send it as a JSON number
    (`1234`); a string keeps leading zeros (`"0123"`).
     """
    pin_prompt_play: str | Unset = UNSET
    """ The URL of an .mp3 or .wav file. """
    incorrect_pin_play: str | Unset = UNSET
    """ The URL of an .mp3 or .wav file. """
    pin_retry: int | Unset = UNSET
    """ Retries allowed after a wrong PIN. (No default is documented; Plivo's example answer shows 1 for a request
    that omits it.) Default when omitted: 1. """
    pin_retry_wait: int | Unset = UNSET
    """ Seconds to wait before a PIN retry. Default when omitted: 5. """
    force_pin_authentication: bool | Unset = UNSET
    """ Ask for the PIN even when the call comes from a party's registered number. Applies only with
    `is_pin_authentication_required`. Default when omitted: False. """
    unknown_caller_play: str | Unset = UNSET
    """ The URL of an .mp3 or .wav file. """
    record: bool | Unset = UNSET
    """ Record calls. Recording starts when both parties have answered; each call of the session makes its own file.
    Default when omitted: False. """
    recording_callback_url: str | Unset = UNSET
    """ An http(s) URL. """
    record_file_format: RecordFileFormat | Unset = UNSET
    """ The audio format of recordings. Default when omitted: RecordFileFormat.MP3. """
    recording_callback_method: HttpMethod | Unset = UNSET
    """ The HTTP verb Plivo uses to call a URL. Default when omitted: HttpMethod.POST. """
    session_expiry: int | Unset = UNSET
    """ Default when omitted: 3600. """
    call_time_limit: int | Unset = UNSET
    """ Default when omitted: 3600. """
    initiate_call_to_first_party: bool | Unset = UNSET
    """ Call the first party at once and bridge the call to the second party when answered. Default when omitted:
    False. """
    callback_url: str | Unset = UNSET
    """ An http(s) URL. """
    callback_method: HttpMethod | Unset = UNSET
    """ The HTTP verb Plivo uses to call a URL. Default when omitted: HttpMethod.POST. """
    ring_timeout: int | Unset = UNSET
    """ Default when omitted: 120. """
    first_party_play_url: str | Unset = UNSET
    """ An http(s) URL. """
    second_party_play_url: str | Unset = UNSET
    """ An http(s) URL. """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}

        first_party = self.first_party

        second_party = self.second_party

        create_session_with_single_party = self.create_session_with_single_party

        geomatch = self.geomatch

        virtual_number_cooloff_period = self.virtual_number_cooloff_period

        subaccount = self.subaccount

        is_pin_authentication_required = self.is_pin_authentication_required

        generate_pin = self.generate_pin

        generate_pin_length = self.generate_pin_length

        first_party_pin: int | str | Unset
        if isinstance(self.first_party_pin, Unset):
            first_party_pin = UNSET
        else:
            first_party_pin = self.first_party_pin

        second_party_pin: int | str | Unset
        if isinstance(self.second_party_pin, Unset):
            second_party_pin = UNSET
        else:
            second_party_pin = self.second_party_pin

        pin_prompt_play = self.pin_prompt_play

        incorrect_pin_play = self.incorrect_pin_play

        pin_retry = self.pin_retry

        pin_retry_wait = self.pin_retry_wait

        force_pin_authentication = self.force_pin_authentication

        unknown_caller_play = self.unknown_caller_play

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

        initiate_call_to_first_party = self.initiate_call_to_first_party

        callback_url = self.callback_url

        callback_method: str | Unset = UNSET
        if not isinstance(self.callback_method, Unset):
            callback_method = self.callback_method.value

        ring_timeout = self.ring_timeout

        first_party_play_url = self.first_party_play_url

        second_party_play_url = self.second_party_play_url

        if first_party is not UNSET:
            field_dict["first_party"] = first_party
        if second_party is not UNSET:
            field_dict["second_party"] = second_party
        if create_session_with_single_party is not UNSET:
            field_dict["create_session_with_single_party"] = create_session_with_single_party
        if geomatch is not UNSET:
            field_dict["geomatch"] = geomatch
        if virtual_number_cooloff_period is not UNSET:
            field_dict["virtual_number_cooloff_period"] = virtual_number_cooloff_period
        if subaccount is not UNSET:
            field_dict["subaccount"] = subaccount
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
        if incorrect_pin_play is not UNSET:
            field_dict["incorrect_pin_play"] = incorrect_pin_play
        if pin_retry is not UNSET:
            field_dict["pin_retry"] = pin_retry
        if pin_retry_wait is not UNSET:
            field_dict["pin_retry_wait"] = pin_retry_wait
        if force_pin_authentication is not UNSET:
            field_dict["force_pin_authentication"] = force_pin_authentication
        if unknown_caller_play is not UNSET:
            field_dict["unknown_caller_play"] = unknown_caller_play
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
        if initiate_call_to_first_party is not UNSET:
            field_dict["initiate_call_to_first_party"] = initiate_call_to_first_party
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            first_party = d.pop("first_party", UNSET)
        except _PARSE_ERRORS:
            first_party = _unparsed(d, src_dict, "first_party")

        try:
            second_party = d.pop("second_party", UNSET)
        except _PARSE_ERRORS:
            second_party = _unparsed(d, src_dict, "second_party")

        try:
            create_session_with_single_party = d.pop("create_session_with_single_party", UNSET)
        except _PARSE_ERRORS:
            create_session_with_single_party = _unparsed(d, src_dict, "create_session_with_single_party")

        try:
            geomatch = d.pop("geomatch", UNSET)
        except _PARSE_ERRORS:
            geomatch = _unparsed(d, src_dict, "geomatch")

        try:
            virtual_number_cooloff_period = d.pop("virtual_number_cooloff_period", UNSET)
        except _PARSE_ERRORS:
            virtual_number_cooloff_period = _unparsed(d, src_dict, "virtual_number_cooloff_period")

        try:
            subaccount = d.pop("subaccount", UNSET)
        except _PARSE_ERRORS:
            subaccount = _unparsed(d, src_dict, "subaccount")

        try:
            is_pin_authentication_required = d.pop("is_pin_authentication_required", UNSET)
        except _PARSE_ERRORS:
            is_pin_authentication_required = _unparsed(d, src_dict, "is_pin_authentication_required")

        try:
            generate_pin = d.pop("generate_pin", UNSET)
        except _PARSE_ERRORS:
            generate_pin = _unparsed(d, src_dict, "generate_pin")

        try:
            generate_pin_length = d.pop("generate_pin_length", UNSET)
        except _PARSE_ERRORS:
            generate_pin_length = _unparsed(d, src_dict, "generate_pin_length")

        try:

            def _parse_first_party_pin(data: object) -> int | str | Unset:
                if isinstance(data, Unset):
                    return data
                return cast(int | str | Unset, data)

            first_party_pin = _parse_first_party_pin(d.pop("first_party_pin", UNSET))

        except _PARSE_ERRORS:
            first_party_pin = _unparsed(d, src_dict, "first_party_pin")

        try:

            def _parse_second_party_pin(data: object) -> int | str | Unset:
                if isinstance(data, Unset):
                    return data
                return cast(int | str | Unset, data)

            second_party_pin = _parse_second_party_pin(d.pop("second_party_pin", UNSET))

        except _PARSE_ERRORS:
            second_party_pin = _unparsed(d, src_dict, "second_party_pin")

        try:
            pin_prompt_play = d.pop("pin_prompt_play", UNSET)
        except _PARSE_ERRORS:
            pin_prompt_play = _unparsed(d, src_dict, "pin_prompt_play")

        try:
            incorrect_pin_play = d.pop("incorrect_pin_play", UNSET)
        except _PARSE_ERRORS:
            incorrect_pin_play = _unparsed(d, src_dict, "incorrect_pin_play")

        try:
            pin_retry = d.pop("pin_retry", UNSET)
        except _PARSE_ERRORS:
            pin_retry = _unparsed(d, src_dict, "pin_retry")

        try:
            pin_retry_wait = d.pop("pin_retry_wait", UNSET)
        except _PARSE_ERRORS:
            pin_retry_wait = _unparsed(d, src_dict, "pin_retry_wait")

        try:
            force_pin_authentication = d.pop("force_pin_authentication", UNSET)
        except _PARSE_ERRORS:
            force_pin_authentication = _unparsed(d, src_dict, "force_pin_authentication")

        try:
            unknown_caller_play = d.pop("unknown_caller_play", UNSET)
        except _PARSE_ERRORS:
            unknown_caller_play = _unparsed(d, src_dict, "unknown_caller_play")

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
            initiate_call_to_first_party = d.pop("initiate_call_to_first_party", UNSET)
        except _PARSE_ERRORS:
            initiate_call_to_first_party = _unparsed(d, src_dict, "initiate_call_to_first_party")

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

        masking_session_create_request = cls(
            first_party=first_party,
            second_party=second_party,
            create_session_with_single_party=create_session_with_single_party,
            geomatch=geomatch,
            virtual_number_cooloff_period=virtual_number_cooloff_period,
            subaccount=subaccount,
            is_pin_authentication_required=is_pin_authentication_required,
            generate_pin=generate_pin,
            generate_pin_length=generate_pin_length,
            first_party_pin=first_party_pin,
            second_party_pin=second_party_pin,
            pin_prompt_play=pin_prompt_play,
            incorrect_pin_play=incorrect_pin_play,
            pin_retry=pin_retry,
            pin_retry_wait=pin_retry_wait,
            force_pin_authentication=force_pin_authentication,
            unknown_caller_play=unknown_caller_play,
            record=record,
            recording_callback_url=recording_callback_url,
            record_file_format=record_file_format,
            recording_callback_method=recording_callback_method,
            session_expiry=session_expiry,
            call_time_limit=call_time_limit,
            initiate_call_to_first_party=initiate_call_to_first_party,
            callback_url=callback_url,
            callback_method=callback_method,
            ring_timeout=ring_timeout,
            first_party_play_url=first_party_play_url,
            second_party_play_url=second_party_play_url,
        )

        return masking_session_create_request
