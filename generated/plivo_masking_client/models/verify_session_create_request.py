from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar
from uuid import UUID

from attrs import define as _attrs_define

from ..models.http_method import HttpMethod
from ..models.verify_channel import VerifyChannel
from ..models.verify_dtmf import VerifyDtmf
from ..types import _PARSE_ERRORS, UNSET, Unset, _unparsed

T = TypeVar("T", bound="VerifySessionCreateRequest")


@_attrs_define
class VerifySessionCreateRequest:
    recipient: str
    """ A phone number in E.164 form (an assigned country code, 7 to 15 digits), with or without the leading `+`.
    """
    app_uuid: UUID | Unset = UNSET
    """ The Verify application; the account's default application when omitted. """
    channel: VerifyChannel | Unset = UNSET
    """ How the OTP is delivered. """
    url: str | Unset = UNSET
    """ An http(s) URL. """
    method: HttpMethod | Unset = UNSET
    """ The HTTP verb Plivo uses to call a URL. Default when omitted: HttpMethod.POST. """
    locale: str | Unset = UNSET
    """ Language of the message, such as `en`, `en_US` or `fr_FR`. Default when omitted: 'en'. """
    brand_name: str | Unset = UNSET
    """ Replaces `${brand_name}` in the application's templates. """
    app_hash: str | Unset = UNSET
    """ An Android SMS Retriever app hash (11 characters). """
    code_length: int | Unset = UNSET
    """ Digits in the OTP. (The application's setting when omitted; 6 is assumed.) Default when omitted: 6. """
    dtmf: VerifyDtmf | Unset = UNSET
    """ Voice channel only; 1 lets the recipient confirm by pressing keys (SDK argument, not on Plivo's pages). """
    fraud_check: str | Unset = UNSET
    """ Fraud-check level for the session (SDK argument, not on Plivo's pages). """

    def to_dict(self) -> dict[str, Any]:
        field_dict: dict[str, Any] = {}

        if not isinstance(self.recipient, Unset):
            recipient = self.recipient
            field_dict["recipient"] = recipient

        app_uuid: str | Unset = UNSET
        if not isinstance(self.app_uuid, Unset):
            app_uuid = str(self.app_uuid)

        channel: str | Unset = UNSET
        if not isinstance(self.channel, Unset):
            channel = self.channel.value

        url = self.url

        method: str | Unset = UNSET
        if not isinstance(self.method, Unset):
            method = self.method.value

        locale = self.locale

        brand_name = self.brand_name

        app_hash = self.app_hash

        code_length = self.code_length

        dtmf: int | Unset = UNSET
        if not isinstance(self.dtmf, Unset):
            dtmf = self.dtmf.value

        fraud_check = self.fraud_check

        if app_uuid is not UNSET:
            field_dict["app_uuid"] = app_uuid
        if channel is not UNSET:
            field_dict["channel"] = channel
        if url is not UNSET:
            field_dict["url"] = url
        if method is not UNSET:
            field_dict["method"] = method
        if locale is not UNSET:
            field_dict["locale"] = locale
        if brand_name is not UNSET:
            field_dict["brand_name"] = brand_name
        if app_hash is not UNSET:
            field_dict["app_hash"] = app_hash
        if code_length is not UNSET:
            field_dict["code_length"] = code_length
        if dtmf is not UNSET:
            field_dict["dtmf"] = dtmf
        if fraud_check is not UNSET:
            field_dict["fraud_check"] = fraud_check

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        try:
            recipient = d.pop("recipient")
        except _PARSE_ERRORS:
            recipient = _unparsed(d, src_dict, "recipient")

        try:
            _app_uuid = d.pop("app_uuid", UNSET)
            app_uuid: UUID | Unset
            if isinstance(_app_uuid, Unset):
                app_uuid = UNSET
            else:
                app_uuid = UUID(_app_uuid)

        except _PARSE_ERRORS:
            app_uuid = _unparsed(d, src_dict, "app_uuid")

        try:
            _channel = d.pop("channel", UNSET)
            channel: VerifyChannel | Unset
            if isinstance(_channel, Unset):
                channel = UNSET
            else:
                channel = VerifyChannel(_channel)

        except _PARSE_ERRORS:
            channel = _unparsed(d, src_dict, "channel")

        try:
            url = d.pop("url", UNSET)
        except _PARSE_ERRORS:
            url = _unparsed(d, src_dict, "url")

        try:
            _method = d.pop("method", UNSET)
            method: HttpMethod | Unset
            if isinstance(_method, Unset):
                method = UNSET
            else:
                method = HttpMethod(_method)

        except _PARSE_ERRORS:
            method = _unparsed(d, src_dict, "method")

        try:
            locale = d.pop("locale", UNSET)
        except _PARSE_ERRORS:
            locale = _unparsed(d, src_dict, "locale")

        try:
            brand_name = d.pop("brand_name", UNSET)
        except _PARSE_ERRORS:
            brand_name = _unparsed(d, src_dict, "brand_name")

        try:
            app_hash = d.pop("app_hash", UNSET)
        except _PARSE_ERRORS:
            app_hash = _unparsed(d, src_dict, "app_hash")

        try:
            code_length = d.pop("code_length", UNSET)
        except _PARSE_ERRORS:
            code_length = _unparsed(d, src_dict, "code_length")

        try:
            _dtmf = d.pop("dtmf", UNSET)
            dtmf: VerifyDtmf | Unset
            if isinstance(_dtmf, Unset):
                dtmf = UNSET
            else:
                dtmf = VerifyDtmf(_dtmf)

        except _PARSE_ERRORS:
            dtmf = _unparsed(d, src_dict, "dtmf")

        try:
            fraud_check = d.pop("fraud_check", UNSET)
        except _PARSE_ERRORS:
            fraud_check = _unparsed(d, src_dict, "fraud_check")

        verify_session_create_request = cls(
            recipient=recipient,
            app_uuid=app_uuid,
            channel=channel,
            url=url,
            method=method,
            locale=locale,
            brand_name=brand_name,
            app_hash=app_hash,
            code_length=code_length,
            dtmf=dtmf,
            fraud_check=fraud_check,
        )

        return verify_session_create_request
