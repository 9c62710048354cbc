"""The API's resources: ``client.<resource>.<method>(...)``, one class per tag of the spec.

Generated from openapi.yaml by ``make generate`` (``client_templates/resources.py.jinja``,
``scripts/client_surface.py``); do not edit. Each method builds its request with the
functional module under ``api/`` that has the operation's name, sends it under the
client's retry policy (``retries.py``), raises ``PlivoApiError`` subclasses for error
answers (``errors.py``) and returns the parsed success model. ``with_raw_response``
has the same methods, answering the whole ``Response``.
"""

from __future__ import annotations

from enum import Enum
from http import HTTPStatus
from typing import TYPE_CHECKING, Literal, TypeVar, overload
from uuid import UUID

import httpx

from .api.masking_sessions import (
    create_masking_session,
    delete_masking_session,
    get_masking_session,
    list_masking_sessions,
    update_masking_session,
)
from .api.verify_sessions import (
    create_verify_session,
    get_verify_session,
    list_verify_sessions,
    validate_verify_session,
)
from .errors import UnexpectedStatus
from .models import (
    HttpMethod,
    MaskingSessionCreateRequest,
    MaskingSessionCreateResponse,
    MaskingSessionDeleteResponse,
    MaskingSessionGetResponse,
    MaskingSessionListItem,
    MaskingSessionListMeta,
    MaskingSessionListResponse,
    MaskingSessionUpdateRequest,
    MaskingSessionUpdateResponse,
    MaskingStatusFilter,
    RecordFileFormat,
    VerifyChannel,
    VerifyDtmf,
    VerifySession,
    VerifySessionCreateRequest,
    VerifySessionCreateResponse,
    VerifySessionGetResponse,
    VerifySessionListMeta,
    VerifySessionListResponse,
    VerifySessionStatus,
    VerifySessionValidateRequest,
    VerifySessionValidateResponse,
)
from .pagination import AsyncPager, Page, SyncPager
from .types import UNSET, Response, Unset

if TYPE_CHECKING:
    from .client import AsyncPlivoClient, PlivoClient

T = TypeVar("T")
E = TypeVar("E", bound=Enum)


@overload
def _uuid(value: UUID | str) -> UUID: ...
@overload
def _uuid(value: UUID | str | Unset) -> UUID | Unset: ...
def _uuid(value: UUID | str | Unset) -> UUID | Unset:
    """A UUID argument given as text becomes a ``UUID``."""
    return UUID(value) if isinstance(value, str) else value


@overload
def _enum(kind: type[E], value: E | str | int) -> E: ...
@overload
def _enum(kind: type[E], value: E | str | int | Unset) -> E | Unset: ...
def _enum(kind: type[E], value: E | str | int | Unset) -> E | Unset:
    """An enum argument given as its value (``"active"``) becomes the member."""
    return value if isinstance(value, (kind, Unset)) else kind(value)


def _answer(response: httpx.Response, parsed: object, kind: type[T]) -> Response[T]:
    """The ``Response`` of a success answer, whose body parsed as ``kind``."""
    if not isinstance(parsed, kind):
        raise UnexpectedStatus(response.status_code, response.content)
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=parsed,
    )


def _parsed(raw: Response[T]) -> T:
    """The parsed body of an answer ``_answer`` built (never ``None``)."""
    assert raw.parsed is not None
    return raw.parsed


class MaskingSessionsWithRawResponse:
    """``client.masking_sessions.with_raw_response``: each call answers the whole ``Response``.

    ``status_code``, ``headers``, ``content`` and ``parsed`` (the success model).
    Error answers still raise. A list call answers its one page.
    """

    def __init__(self, client: PlivoClient) -> None:
        self._client = client

    def list(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: MaskingStatusFilter | Literal["active", "expired", "all"] | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time_gt: str | Unset = UNSET,
        created_time_gte: str | Unset = UNSET,
        created_time_lt: str | Unset = UNSET,
        created_time_lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time_gt: str | Unset = UNSET,
        expiry_time_gte: str | Unset = UNSET,
        expiry_time_lt: str | Unset = UNSET,
        expiry_time_lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration_gt: int | Unset = UNSET,
        duration_gte: int | Unset = UNSET,
        duration_lt: int | Unset = UNSET,
        duration_lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionListResponse]:
        """List masking sessions.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            virtual_number: See the spec.
            status: Default when omitted: 'all'.
            created_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            created_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            duration: A duration in seconds.
            duration_gt: A duration in seconds.
            duration_gte: A duration in seconds.
            duration_lt: A duration in seconds.
            duration_lte: A duration in seconds.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionListResponse``.
        """
        request = list_masking_sessions._get_kwargs(
            first_party=first_party,
            second_party=second_party,
            virtual_number=virtual_number,
            status=_enum(MaskingStatusFilter, status),
            created_time=created_time,
            created_time_gt=created_time_gt,
            created_time_gte=created_time_gte,
            created_time_lt=created_time_lt,
            created_time_lte=created_time_lte,
            expiry_time=expiry_time,
            expiry_time_gt=expiry_time_gt,
            expiry_time_gte=expiry_time_gte,
            expiry_time_lt=expiry_time_lt,
            expiry_time_lte=expiry_time_lte,
            duration=duration,
            duration_gt=duration_gt,
            duration_gte=duration_gte,
            duration_lt=duration_lt,
            duration_lte=duration_lte,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = list_masking_sessions._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionListResponse)

    def create(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        create_session_with_single_party: bool | Unset = UNSET,
        geomatch: bool | Unset = UNSET,
        virtual_number_cooloff_period: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        is_pin_authentication_required: bool | Unset = UNSET,
        generate_pin: bool | Unset = UNSET,
        generate_pin_length: int | Unset = UNSET,
        first_party_pin: int | str | Unset = UNSET,
        second_party_pin: int | str | Unset = UNSET,
        pin_prompt_play: str | Unset = UNSET,
        incorrect_pin_play: str | Unset = UNSET,
        pin_retry: int | Unset = UNSET,
        pin_retry_wait: int | Unset = UNSET,
        force_pin_authentication: bool | Unset = UNSET,
        unknown_caller_play: str | Unset = UNSET,
        record: bool | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        record_file_format: RecordFileFormat | Literal["mp3", "wav"] | Unset = UNSET,
        recording_callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        initiate_call_to_first_party: bool | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionCreateResponse]:
        """Create a masking session.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            create_session_with_single_party: Create the session with one party only; either
                `first_party` or `second_party` is then enough. Default when omitted: False.
            geomatch: Allocate a virtual number in the same country as `first_party`. Default when
                omitted: True.
            virtual_number_cooloff_period: Seconds during which a virtual number released by a
                session is not allocated to another session. Default when omitted: 0.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            is_pin_authentication_required: Ask a caller who is not one of the parties for a PIN.
                When true, `pin_prompt_play` and `incorrect_pin_play` are required, and so are both PINs
                unless `generate_pin` is true. Default when omitted: False.
            generate_pin: Let Plivo generate the two PINs. Applies only with
                `is_pin_authentication_required`. Default when omitted: False.
            generate_pin_length: Length of the PINs Plivo generates when `generate_pin` is true.
                (The sources give no range; 4 to 8 digits is assumed, like Verify's `code_length`.)
                Default when omitted: 4.
            first_party_pin: A PIN, digits only. Plivo's own examples send it as a JSON number
                (`1234`); a string keeps leading zeros (`"0123"`).
            second_party_pin: A PIN, digits only. Plivo's own examples send it as a JSON number
                (`1234`); a string keeps leading zeros (`"0123"`).
            pin_prompt_play: The URL of an .mp3 or .wav file.
            incorrect_pin_play: The URL of an .mp3 or .wav file.
            pin_retry: Retries allowed after a wrong PIN. (No default is documented; Plivo's example
                answer shows 1 for a request that omits it.) Default when omitted: 1.
            pin_retry_wait: Seconds to wait before a PIN retry. Default when omitted: 5.
            force_pin_authentication: Ask for the PIN even when the call comes from a party's
                registered number. Applies only with `is_pin_authentication_required`. Default when
                omitted: False.
            unknown_caller_play: The URL of an .mp3 or .wav file.
            record: Record calls. Recording starts when both parties have answered; each call of the
                session makes its own file. Default when omitted: False.
            recording_callback_url: An http(s) URL.
            record_file_format: The audio format of recordings. Default when omitted: 'mp3'.
            recording_callback_method: The HTTP verb Plivo uses to call a URL. Default when omitted:
                'POST'.
            session_expiry: Default when omitted: 3600.
            call_time_limit: Default when omitted: 3600.
            initiate_call_to_first_party: Call the first party at once and bridge the call to the
                second party when answered. Default when omitted: False.
            callback_url: An http(s) URL.
            callback_method: The HTTP verb Plivo uses to call a URL. Default when omitted: 'POST'.
            ring_timeout: Default when omitted: 120.
            first_party_play_url: An http(s) URL.
            second_party_play_url: An http(s) URL.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionCreateResponse``.
        """
        request = create_masking_session._get_kwargs(
            body=MaskingSessionCreateRequest(
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
                record_file_format=_enum(RecordFileFormat, record_file_format),
                recording_callback_method=_enum(HttpMethod, recording_callback_method),
                session_expiry=session_expiry,
                call_time_limit=call_time_limit,
                initiate_call_to_first_party=initiate_call_to_first_party,
                callback_url=callback_url,
                callback_method=_enum(HttpMethod, callback_method),
                ring_timeout=ring_timeout,
                first_party_play_url=first_party_play_url,
                second_party_play_url=second_party_play_url,
            ),
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = create_masking_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionCreateResponse)

    def get(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionGetResponse]:
        """Get a masking session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionGetResponse``.
        """
        request = get_masking_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = get_masking_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionGetResponse)

    def update(
        self,
        session_uuid: UUID | str,
        *,
        record: bool | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        record_file_format: RecordFileFormat | Literal["mp3", "wav"] | Unset = UNSET,
        recording_callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionUpdateResponse]:
        """Update a masking session.

        Args:
            session_uuid: See the spec.
            record: Record calls.
            recording_callback_url: An http(s) URL.
            record_file_format: The audio format of recordings.
            recording_callback_method: The HTTP verb Plivo uses to call a URL.
            session_expiry: See the spec.
            call_time_limit: See the spec.
            callback_url: An http(s) URL.
            callback_method: The HTTP verb Plivo uses to call a URL.
            ring_timeout: See the spec.
            first_party_play_url: An http(s) URL.
            second_party_play_url: An http(s) URL.
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionUpdateResponse``.
        """
        request = update_masking_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
            body=MaskingSessionUpdateRequest(
                record=record,
                recording_callback_url=recording_callback_url,
                record_file_format=_enum(RecordFileFormat, record_file_format),
                recording_callback_method=_enum(HttpMethod, recording_callback_method),
                session_expiry=session_expiry,
                call_time_limit=call_time_limit,
                callback_url=callback_url,
                callback_method=_enum(HttpMethod, callback_method),
                ring_timeout=ring_timeout,
                first_party_play_url=first_party_play_url,
                second_party_play_url=second_party_play_url,
                first_party=first_party,
                second_party=second_party,
            ),
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = update_masking_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionUpdateResponse)

    def delete(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionDeleteResponse]:
        """End a masking session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionDeleteResponse``.
        """
        request = delete_masking_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = delete_masking_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionDeleteResponse)


class MaskingSessions:
    """``client.masking_sessions``: Number masking (call masking) sessions: two parties call each other through a
    virtual number from the account's pool, and neither sees the other's real number.
    The APIs need at least one Plivo virtual number in the account."""

    def __init__(self, client: PlivoClient) -> None:
        self._client = client
        self.with_raw_response = MaskingSessionsWithRawResponse(client)

    def list(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: MaskingStatusFilter | Literal["active", "expired", "all"] | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time_gt: str | Unset = UNSET,
        created_time_gte: str | Unset = UNSET,
        created_time_lt: str | Unset = UNSET,
        created_time_lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time_gt: str | Unset = UNSET,
        expiry_time_gte: str | Unset = UNSET,
        expiry_time_lt: str | Unset = UNSET,
        expiry_time_lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration_gt: int | Unset = UNSET,
        duration_gte: int | Unset = UNSET,
        duration_lt: int | Unset = UNSET,
        duration_lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int = 0,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> SyncPager[MaskingSessionListItem, MaskingSessionListMeta]:
        """List masking sessions.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            virtual_number: See the spec.
            status: Default when omitted: 'all'.
            created_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            created_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            duration: A duration in seconds.
            duration_gt: A duration in seconds.
            duration_gte: A duration in seconds.
            duration_lt: A duration in seconds.
            duration_lte: A duration in seconds.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: every item of every page, fetched a page at a time as iteration needs it (``for``); ``.pages()`` gives the pages.
        """

        def fetch(at: int) -> Page[MaskingSessionListItem, MaskingSessionListMeta]:
            return self.page(
                first_party=first_party,
                second_party=second_party,
                virtual_number=virtual_number,
                status=status,
                created_time=created_time,
                created_time_gt=created_time_gt,
                created_time_gte=created_time_gte,
                created_time_lt=created_time_lt,
                created_time_lte=created_time_lte,
                expiry_time=expiry_time,
                expiry_time_gt=expiry_time_gt,
                expiry_time_gte=expiry_time_gte,
                expiry_time_lt=expiry_time_lt,
                expiry_time_lte=expiry_time_lte,
                duration=duration,
                duration_gt=duration_gt,
                duration_gte=duration_gte,
                duration_lt=duration_lt,
                duration_lte=duration_lte,
                subaccount=subaccount,
                limit=limit,
                timeout=timeout,
                max_retries=max_retries,
                offset=at,
            )

        return SyncPager(fetch, offset)

    def page(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: MaskingStatusFilter | Literal["active", "expired", "all"] | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time_gt: str | Unset = UNSET,
        created_time_gte: str | Unset = UNSET,
        created_time_lt: str | Unset = UNSET,
        created_time_lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time_gt: str | Unset = UNSET,
        expiry_time_gte: str | Unset = UNSET,
        expiry_time_lt: str | Unset = UNSET,
        expiry_time_lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration_gt: int | Unset = UNSET,
        duration_gte: int | Unset = UNSET,
        duration_lt: int | Unset = UNSET,
        duration_lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Page[MaskingSessionListItem, MaskingSessionListMeta]:
        """List masking sessions.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            virtual_number: See the spec.
            status: Default when omitted: 'all'.
            created_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            created_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            duration: A duration in seconds.
            duration_gt: A duration in seconds.
            duration_gte: A duration in seconds.
            duration_lt: A duration in seconds.
            duration_lte: A duration in seconds.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: one page: its ``items``, its ``meta`` and the ``raw`` answer.
        """
        raw = self.with_raw_response.list(
            first_party=first_party,
            second_party=second_party,
            virtual_number=virtual_number,
            status=status,
            created_time=created_time,
            created_time_gt=created_time_gt,
            created_time_gte=created_time_gte,
            created_time_lt=created_time_lt,
            created_time_lte=created_time_lte,
            expiry_time=expiry_time,
            expiry_time_gt=expiry_time_gt,
            expiry_time_gte=expiry_time_gte,
            expiry_time_lt=expiry_time_lt,
            expiry_time_lte=expiry_time_lte,
            duration=duration,
            duration_gt=duration_gt,
            duration_gte=duration_gte,
            duration_lt=duration_lt,
            duration_lte=duration_lte,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
            timeout=timeout,
            max_retries=max_retries,
        )
        body = _parsed(raw)
        return Page(items=body.response.objects, meta=body.response.meta, raw=raw)

    def create(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        create_session_with_single_party: bool | Unset = UNSET,
        geomatch: bool | Unset = UNSET,
        virtual_number_cooloff_period: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        is_pin_authentication_required: bool | Unset = UNSET,
        generate_pin: bool | Unset = UNSET,
        generate_pin_length: int | Unset = UNSET,
        first_party_pin: int | str | Unset = UNSET,
        second_party_pin: int | str | Unset = UNSET,
        pin_prompt_play: str | Unset = UNSET,
        incorrect_pin_play: str | Unset = UNSET,
        pin_retry: int | Unset = UNSET,
        pin_retry_wait: int | Unset = UNSET,
        force_pin_authentication: bool | Unset = UNSET,
        unknown_caller_play: str | Unset = UNSET,
        record: bool | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        record_file_format: RecordFileFormat | Literal["mp3", "wav"] | Unset = UNSET,
        recording_callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        initiate_call_to_first_party: bool | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> MaskingSessionCreateResponse:
        """Create a masking session.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            create_session_with_single_party: Create the session with one party only; either
                `first_party` or `second_party` is then enough. Default when omitted: False.
            geomatch: Allocate a virtual number in the same country as `first_party`. Default when
                omitted: True.
            virtual_number_cooloff_period: Seconds during which a virtual number released by a
                session is not allocated to another session. Default when omitted: 0.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            is_pin_authentication_required: Ask a caller who is not one of the parties for a PIN.
                When true, `pin_prompt_play` and `incorrect_pin_play` are required, and so are both PINs
                unless `generate_pin` is true. Default when omitted: False.
            generate_pin: Let Plivo generate the two PINs. Applies only with
                `is_pin_authentication_required`. Default when omitted: False.
            generate_pin_length: Length of the PINs Plivo generates when `generate_pin` is true.
                (The sources give no range; 4 to 8 digits is assumed, like Verify's `code_length`.)
                Default when omitted: 4.
            first_party_pin: A PIN, digits only. Plivo's own examples send it as a JSON number
                (`1234`); a string keeps leading zeros (`"0123"`).
            second_party_pin: A PIN, digits only. Plivo's own examples send it as a JSON number
                (`1234`); a string keeps leading zeros (`"0123"`).
            pin_prompt_play: The URL of an .mp3 or .wav file.
            incorrect_pin_play: The URL of an .mp3 or .wav file.
            pin_retry: Retries allowed after a wrong PIN. (No default is documented; Plivo's example
                answer shows 1 for a request that omits it.) Default when omitted: 1.
            pin_retry_wait: Seconds to wait before a PIN retry. Default when omitted: 5.
            force_pin_authentication: Ask for the PIN even when the call comes from a party's
                registered number. Applies only with `is_pin_authentication_required`. Default when
                omitted: False.
            unknown_caller_play: The URL of an .mp3 or .wav file.
            record: Record calls. Recording starts when both parties have answered; each call of the
                session makes its own file. Default when omitted: False.
            recording_callback_url: An http(s) URL.
            record_file_format: The audio format of recordings. Default when omitted: 'mp3'.
            recording_callback_method: The HTTP verb Plivo uses to call a URL. Default when omitted:
                'POST'.
            session_expiry: Default when omitted: 3600.
            call_time_limit: Default when omitted: 3600.
            initiate_call_to_first_party: Call the first party at once and bridge the call to the
                second party when answered. Default when omitted: False.
            callback_url: An http(s) URL.
            callback_method: The HTTP verb Plivo uses to call a URL. Default when omitted: 'POST'.
            ring_timeout: Default when omitted: 120.
            first_party_play_url: An http(s) URL.
            second_party_play_url: An http(s) URL.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``MaskingSessionCreateResponse``.
        """
        return _parsed(
            self.with_raw_response.create(
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
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    def get(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> MaskingSessionGetResponse:
        """Get a masking session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``MaskingSessionGetResponse``.
        """
        return _parsed(
            self.with_raw_response.get(
                session_uuid,
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    def update(
        self,
        session_uuid: UUID | str,
        *,
        record: bool | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        record_file_format: RecordFileFormat | Literal["mp3", "wav"] | Unset = UNSET,
        recording_callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> MaskingSessionUpdateResponse:
        """Update a masking session.

        Args:
            session_uuid: See the spec.
            record: Record calls.
            recording_callback_url: An http(s) URL.
            record_file_format: The audio format of recordings.
            recording_callback_method: The HTTP verb Plivo uses to call a URL.
            session_expiry: See the spec.
            call_time_limit: See the spec.
            callback_url: An http(s) URL.
            callback_method: The HTTP verb Plivo uses to call a URL.
            ring_timeout: See the spec.
            first_party_play_url: An http(s) URL.
            second_party_play_url: An http(s) URL.
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``MaskingSessionUpdateResponse``.
        """
        return _parsed(
            self.with_raw_response.update(
                session_uuid,
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
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    def delete(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> MaskingSessionDeleteResponse:
        """End a masking session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``MaskingSessionDeleteResponse``.
        """
        return _parsed(
            self.with_raw_response.delete(
                session_uuid,
                timeout=timeout,
                max_retries=max_retries,
            )
        )


class AsyncMaskingSessionsWithRawResponse:
    """``client.masking_sessions.with_raw_response``: each call answers the whole ``Response``.

    ``status_code``, ``headers``, ``content`` and ``parsed`` (the success model).
    Error answers still raise. A list call answers its one page.
    """

    def __init__(self, client: AsyncPlivoClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: MaskingStatusFilter | Literal["active", "expired", "all"] | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time_gt: str | Unset = UNSET,
        created_time_gte: str | Unset = UNSET,
        created_time_lt: str | Unset = UNSET,
        created_time_lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time_gt: str | Unset = UNSET,
        expiry_time_gte: str | Unset = UNSET,
        expiry_time_lt: str | Unset = UNSET,
        expiry_time_lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration_gt: int | Unset = UNSET,
        duration_gte: int | Unset = UNSET,
        duration_lt: int | Unset = UNSET,
        duration_lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionListResponse]:
        """List masking sessions.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            virtual_number: See the spec.
            status: Default when omitted: 'all'.
            created_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            created_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            duration: A duration in seconds.
            duration_gt: A duration in seconds.
            duration_gte: A duration in seconds.
            duration_lt: A duration in seconds.
            duration_lte: A duration in seconds.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionListResponse``.
        """
        request = list_masking_sessions._get_kwargs(
            first_party=first_party,
            second_party=second_party,
            virtual_number=virtual_number,
            status=_enum(MaskingStatusFilter, status),
            created_time=created_time,
            created_time_gt=created_time_gt,
            created_time_gte=created_time_gte,
            created_time_lt=created_time_lt,
            created_time_lte=created_time_lte,
            expiry_time=expiry_time,
            expiry_time_gt=expiry_time_gt,
            expiry_time_gte=expiry_time_gte,
            expiry_time_lt=expiry_time_lt,
            expiry_time_lte=expiry_time_lte,
            duration=duration,
            duration_gt=duration_gt,
            duration_gte=duration_gte,
            duration_lt=duration_lt,
            duration_lte=duration_lte,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = list_masking_sessions._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionListResponse)

    async def create(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        create_session_with_single_party: bool | Unset = UNSET,
        geomatch: bool | Unset = UNSET,
        virtual_number_cooloff_period: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        is_pin_authentication_required: bool | Unset = UNSET,
        generate_pin: bool | Unset = UNSET,
        generate_pin_length: int | Unset = UNSET,
        first_party_pin: int | str | Unset = UNSET,
        second_party_pin: int | str | Unset = UNSET,
        pin_prompt_play: str | Unset = UNSET,
        incorrect_pin_play: str | Unset = UNSET,
        pin_retry: int | Unset = UNSET,
        pin_retry_wait: int | Unset = UNSET,
        force_pin_authentication: bool | Unset = UNSET,
        unknown_caller_play: str | Unset = UNSET,
        record: bool | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        record_file_format: RecordFileFormat | Literal["mp3", "wav"] | Unset = UNSET,
        recording_callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        initiate_call_to_first_party: bool | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionCreateResponse]:
        """Create a masking session.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            create_session_with_single_party: Create the session with one party only; either
                `first_party` or `second_party` is then enough. Default when omitted: False.
            geomatch: Allocate a virtual number in the same country as `first_party`. Default when
                omitted: True.
            virtual_number_cooloff_period: Seconds during which a virtual number released by a
                session is not allocated to another session. Default when omitted: 0.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            is_pin_authentication_required: Ask a caller who is not one of the parties for a PIN.
                When true, `pin_prompt_play` and `incorrect_pin_play` are required, and so are both PINs
                unless `generate_pin` is true. Default when omitted: False.
            generate_pin: Let Plivo generate the two PINs. Applies only with
                `is_pin_authentication_required`. Default when omitted: False.
            generate_pin_length: Length of the PINs Plivo generates when `generate_pin` is true.
                (The sources give no range; 4 to 8 digits is assumed, like Verify's `code_length`.)
                Default when omitted: 4.
            first_party_pin: A PIN, digits only. Plivo's own examples send it as a JSON number
                (`1234`); a string keeps leading zeros (`"0123"`).
            second_party_pin: A PIN, digits only. Plivo's own examples send it as a JSON number
                (`1234`); a string keeps leading zeros (`"0123"`).
            pin_prompt_play: The URL of an .mp3 or .wav file.
            incorrect_pin_play: The URL of an .mp3 or .wav file.
            pin_retry: Retries allowed after a wrong PIN. (No default is documented; Plivo's example
                answer shows 1 for a request that omits it.) Default when omitted: 1.
            pin_retry_wait: Seconds to wait before a PIN retry. Default when omitted: 5.
            force_pin_authentication: Ask for the PIN even when the call comes from a party's
                registered number. Applies only with `is_pin_authentication_required`. Default when
                omitted: False.
            unknown_caller_play: The URL of an .mp3 or .wav file.
            record: Record calls. Recording starts when both parties have answered; each call of the
                session makes its own file. Default when omitted: False.
            recording_callback_url: An http(s) URL.
            record_file_format: The audio format of recordings. Default when omitted: 'mp3'.
            recording_callback_method: The HTTP verb Plivo uses to call a URL. Default when omitted:
                'POST'.
            session_expiry: Default when omitted: 3600.
            call_time_limit: Default when omitted: 3600.
            initiate_call_to_first_party: Call the first party at once and bridge the call to the
                second party when answered. Default when omitted: False.
            callback_url: An http(s) URL.
            callback_method: The HTTP verb Plivo uses to call a URL. Default when omitted: 'POST'.
            ring_timeout: Default when omitted: 120.
            first_party_play_url: An http(s) URL.
            second_party_play_url: An http(s) URL.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionCreateResponse``.
        """
        request = create_masking_session._get_kwargs(
            body=MaskingSessionCreateRequest(
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
                record_file_format=_enum(RecordFileFormat, record_file_format),
                recording_callback_method=_enum(HttpMethod, recording_callback_method),
                session_expiry=session_expiry,
                call_time_limit=call_time_limit,
                initiate_call_to_first_party=initiate_call_to_first_party,
                callback_url=callback_url,
                callback_method=_enum(HttpMethod, callback_method),
                ring_timeout=ring_timeout,
                first_party_play_url=first_party_play_url,
                second_party_play_url=second_party_play_url,
            ),
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = create_masking_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionCreateResponse)

    async def get(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionGetResponse]:
        """Get a masking session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionGetResponse``.
        """
        request = get_masking_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = get_masking_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionGetResponse)

    async def update(
        self,
        session_uuid: UUID | str,
        *,
        record: bool | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        record_file_format: RecordFileFormat | Literal["mp3", "wav"] | Unset = UNSET,
        recording_callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionUpdateResponse]:
        """Update a masking session.

        Args:
            session_uuid: See the spec.
            record: Record calls.
            recording_callback_url: An http(s) URL.
            record_file_format: The audio format of recordings.
            recording_callback_method: The HTTP verb Plivo uses to call a URL.
            session_expiry: See the spec.
            call_time_limit: See the spec.
            callback_url: An http(s) URL.
            callback_method: The HTTP verb Plivo uses to call a URL.
            ring_timeout: See the spec.
            first_party_play_url: An http(s) URL.
            second_party_play_url: An http(s) URL.
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionUpdateResponse``.
        """
        request = update_masking_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
            body=MaskingSessionUpdateRequest(
                record=record,
                recording_callback_url=recording_callback_url,
                record_file_format=_enum(RecordFileFormat, record_file_format),
                recording_callback_method=_enum(HttpMethod, recording_callback_method),
                session_expiry=session_expiry,
                call_time_limit=call_time_limit,
                callback_url=callback_url,
                callback_method=_enum(HttpMethod, callback_method),
                ring_timeout=ring_timeout,
                first_party_play_url=first_party_play_url,
                second_party_play_url=second_party_play_url,
                first_party=first_party,
                second_party=second_party,
            ),
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = update_masking_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionUpdateResponse)

    async def delete(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[MaskingSessionDeleteResponse]:
        """End a masking session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``MaskingSessionDeleteResponse``.
        """
        request = delete_masking_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = delete_masking_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, MaskingSessionDeleteResponse)


class AsyncMaskingSessions:
    """``client.masking_sessions``: Number masking (call masking) sessions: two parties call each other through a
    virtual number from the account's pool, and neither sees the other's real number.
    The APIs need at least one Plivo virtual number in the account."""

    def __init__(self, client: AsyncPlivoClient) -> None:
        self._client = client
        self.with_raw_response = AsyncMaskingSessionsWithRawResponse(client)

    def list(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: MaskingStatusFilter | Literal["active", "expired", "all"] | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time_gt: str | Unset = UNSET,
        created_time_gte: str | Unset = UNSET,
        created_time_lt: str | Unset = UNSET,
        created_time_lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time_gt: str | Unset = UNSET,
        expiry_time_gte: str | Unset = UNSET,
        expiry_time_lt: str | Unset = UNSET,
        expiry_time_lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration_gt: int | Unset = UNSET,
        duration_gte: int | Unset = UNSET,
        duration_lt: int | Unset = UNSET,
        duration_lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int = 0,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncPager[MaskingSessionListItem, MaskingSessionListMeta]:
        """List masking sessions.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            virtual_number: See the spec.
            status: Default when omitted: 'all'.
            created_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            created_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            duration: A duration in seconds.
            duration_gt: A duration in seconds.
            duration_gte: A duration in seconds.
            duration_lt: A duration in seconds.
            duration_lte: A duration in seconds.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: every item of every page, fetched a page at a time as iteration needs it (``async for``); ``.pages()`` gives the pages.
        """

        async def fetch(at: int) -> Page[MaskingSessionListItem, MaskingSessionListMeta]:
            return await self.page(
                first_party=first_party,
                second_party=second_party,
                virtual_number=virtual_number,
                status=status,
                created_time=created_time,
                created_time_gt=created_time_gt,
                created_time_gte=created_time_gte,
                created_time_lt=created_time_lt,
                created_time_lte=created_time_lte,
                expiry_time=expiry_time,
                expiry_time_gt=expiry_time_gt,
                expiry_time_gte=expiry_time_gte,
                expiry_time_lt=expiry_time_lt,
                expiry_time_lte=expiry_time_lte,
                duration=duration,
                duration_gt=duration_gt,
                duration_gte=duration_gte,
                duration_lt=duration_lt,
                duration_lte=duration_lte,
                subaccount=subaccount,
                limit=limit,
                timeout=timeout,
                max_retries=max_retries,
                offset=at,
            )

        return AsyncPager(fetch, offset)

    async def page(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        virtual_number: str | Unset = UNSET,
        status: MaskingStatusFilter | Literal["active", "expired", "all"] | Unset = UNSET,
        created_time: str | Unset = UNSET,
        created_time_gt: str | Unset = UNSET,
        created_time_gte: str | Unset = UNSET,
        created_time_lt: str | Unset = UNSET,
        created_time_lte: str | Unset = UNSET,
        expiry_time: str | Unset = UNSET,
        expiry_time_gt: str | Unset = UNSET,
        expiry_time_gte: str | Unset = UNSET,
        expiry_time_lt: str | Unset = UNSET,
        expiry_time_lte: str | Unset = UNSET,
        duration: int | Unset = UNSET,
        duration_gt: int | Unset = UNSET,
        duration_gte: int | Unset = UNSET,
        duration_lt: int | Unset = UNSET,
        duration_lte: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Page[MaskingSessionListItem, MaskingSessionListMeta]:
        """List masking sessions.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            virtual_number: See the spec.
            status: Default when omitted: 'all'.
            created_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            created_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            created_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            expiry_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            expiry_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            duration: A duration in seconds.
            duration_gt: A duration in seconds.
            duration_gte: A duration in seconds.
            duration_lt: A duration in seconds.
            duration_lte: A duration in seconds.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: one page: its ``items``, its ``meta`` and the ``raw`` answer.
        """
        raw = await self.with_raw_response.list(
            first_party=first_party,
            second_party=second_party,
            virtual_number=virtual_number,
            status=status,
            created_time=created_time,
            created_time_gt=created_time_gt,
            created_time_gte=created_time_gte,
            created_time_lt=created_time_lt,
            created_time_lte=created_time_lte,
            expiry_time=expiry_time,
            expiry_time_gt=expiry_time_gt,
            expiry_time_gte=expiry_time_gte,
            expiry_time_lt=expiry_time_lt,
            expiry_time_lte=expiry_time_lte,
            duration=duration,
            duration_gt=duration_gt,
            duration_gte=duration_gte,
            duration_lt=duration_lt,
            duration_lte=duration_lte,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
            timeout=timeout,
            max_retries=max_retries,
        )
        body = _parsed(raw)
        return Page(items=body.response.objects, meta=body.response.meta, raw=raw)

    async def create(
        self,
        *,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        create_session_with_single_party: bool | Unset = UNSET,
        geomatch: bool | Unset = UNSET,
        virtual_number_cooloff_period: int | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        is_pin_authentication_required: bool | Unset = UNSET,
        generate_pin: bool | Unset = UNSET,
        generate_pin_length: int | Unset = UNSET,
        first_party_pin: int | str | Unset = UNSET,
        second_party_pin: int | str | Unset = UNSET,
        pin_prompt_play: str | Unset = UNSET,
        incorrect_pin_play: str | Unset = UNSET,
        pin_retry: int | Unset = UNSET,
        pin_retry_wait: int | Unset = UNSET,
        force_pin_authentication: bool | Unset = UNSET,
        unknown_caller_play: str | Unset = UNSET,
        record: bool | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        record_file_format: RecordFileFormat | Literal["mp3", "wav"] | Unset = UNSET,
        recording_callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        initiate_call_to_first_party: bool | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> MaskingSessionCreateResponse:
        """Create a masking session.

        Args:
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            create_session_with_single_party: Create the session with one party only; either
                `first_party` or `second_party` is then enough. Default when omitted: False.
            geomatch: Allocate a virtual number in the same country as `first_party`. Default when
                omitted: True.
            virtual_number_cooloff_period: Seconds during which a virtual number released by a
                session is not allocated to another session. Default when omitted: 0.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            is_pin_authentication_required: Ask a caller who is not one of the parties for a PIN.
                When true, `pin_prompt_play` and `incorrect_pin_play` are required, and so are both PINs
                unless `generate_pin` is true. Default when omitted: False.
            generate_pin: Let Plivo generate the two PINs. Applies only with
                `is_pin_authentication_required`. Default when omitted: False.
            generate_pin_length: Length of the PINs Plivo generates when `generate_pin` is true.
                (The sources give no range; 4 to 8 digits is assumed, like Verify's `code_length`.)
                Default when omitted: 4.
            first_party_pin: A PIN, digits only. Plivo's own examples send it as a JSON number
                (`1234`); a string keeps leading zeros (`"0123"`).
            second_party_pin: A PIN, digits only. Plivo's own examples send it as a JSON number
                (`1234`); a string keeps leading zeros (`"0123"`).
            pin_prompt_play: The URL of an .mp3 or .wav file.
            incorrect_pin_play: The URL of an .mp3 or .wav file.
            pin_retry: Retries allowed after a wrong PIN. (No default is documented; Plivo's example
                answer shows 1 for a request that omits it.) Default when omitted: 1.
            pin_retry_wait: Seconds to wait before a PIN retry. Default when omitted: 5.
            force_pin_authentication: Ask for the PIN even when the call comes from a party's
                registered number. Applies only with `is_pin_authentication_required`. Default when
                omitted: False.
            unknown_caller_play: The URL of an .mp3 or .wav file.
            record: Record calls. Recording starts when both parties have answered; each call of the
                session makes its own file. Default when omitted: False.
            recording_callback_url: An http(s) URL.
            record_file_format: The audio format of recordings. Default when omitted: 'mp3'.
            recording_callback_method: The HTTP verb Plivo uses to call a URL. Default when omitted:
                'POST'.
            session_expiry: Default when omitted: 3600.
            call_time_limit: Default when omitted: 3600.
            initiate_call_to_first_party: Call the first party at once and bridge the call to the
                second party when answered. Default when omitted: False.
            callback_url: An http(s) URL.
            callback_method: The HTTP verb Plivo uses to call a URL. Default when omitted: 'POST'.
            ring_timeout: Default when omitted: 120.
            first_party_play_url: An http(s) URL.
            second_party_play_url: An http(s) URL.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``MaskingSessionCreateResponse``.
        """
        return _parsed(
            await self.with_raw_response.create(
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
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    async def get(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> MaskingSessionGetResponse:
        """Get a masking session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``MaskingSessionGetResponse``.
        """
        return _parsed(
            await self.with_raw_response.get(
                session_uuid,
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    async def update(
        self,
        session_uuid: UUID | str,
        *,
        record: bool | Unset = UNSET,
        recording_callback_url: str | Unset = UNSET,
        record_file_format: RecordFileFormat | Literal["mp3", "wav"] | Unset = UNSET,
        recording_callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        session_expiry: int | Unset = UNSET,
        call_time_limit: int | Unset = UNSET,
        callback_url: str | Unset = UNSET,
        callback_method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        ring_timeout: int | Unset = UNSET,
        first_party_play_url: str | Unset = UNSET,
        second_party_play_url: str | Unset = UNSET,
        first_party: str | Unset = UNSET,
        second_party: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> MaskingSessionUpdateResponse:
        """Update a masking session.

        Args:
            session_uuid: See the spec.
            record: Record calls.
            recording_callback_url: An http(s) URL.
            record_file_format: The audio format of recordings.
            recording_callback_method: The HTTP verb Plivo uses to call a URL.
            session_expiry: See the spec.
            call_time_limit: See the spec.
            callback_url: An http(s) URL.
            callback_method: The HTTP verb Plivo uses to call a URL.
            ring_timeout: See the spec.
            first_party_play_url: An http(s) URL.
            second_party_play_url: An http(s) URL.
            first_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            second_party: A phone number in E.164 form (an assigned country code, 7 to 15 digits),
                with or without the leading `+`.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``MaskingSessionUpdateResponse``.
        """
        return _parsed(
            await self.with_raw_response.update(
                session_uuid,
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
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    async def delete(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> MaskingSessionDeleteResponse:
        """End a masking session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``MaskingSessionDeleteResponse``.
        """
        return _parsed(
            await self.with_raw_response.delete(
                session_uuid,
                timeout=timeout,
                max_retries=max_retries,
            )
        )


class VerifySessionsWithRawResponse:
    """``client.verify_sessions.with_raw_response``: each call answers the whole ``Response``.

    ``status_code``, ``headers``, ``content`` and ``parsed`` (the success model).
    Error answers still raise. A list call answers its one page.
    """

    def __init__(self, client: PlivoClient) -> None:
        self._client = client

    def list(
        self,
        *,
        app_uuid: UUID | str | Unset = UNSET,
        status: VerifySessionStatus | Literal["in-progress", "verified", "expired"] | Unset = UNSET,
        recipient: str | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        session_time: str | Unset = UNSET,
        session_time_gt: str | Unset = UNSET,
        session_time_gte: str | Unset = UNSET,
        session_time_lt: str | Unset = UNSET,
        session_time_lte: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        country: str | Unset = UNSET,
        alias: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[VerifySessionListResponse]:
        """List Verify sessions.

        Args:
            app_uuid: See the spec.
            status: `in-progress` until the code is validated (`verified`) or expires (`expired`).
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            session_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            session_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            brand_name: See the spec.
            app_hash: An Android SMS Retriever app hash (11 characters).
            country: See the spec.
            alias: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``VerifySessionListResponse``.
        """
        request = list_verify_sessions._get_kwargs(
            app_uuid=_uuid(app_uuid),
            status=_enum(VerifySessionStatus, status),
            recipient=recipient,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
            session_time=session_time,
            session_time_gt=session_time_gt,
            session_time_gte=session_time_gte,
            session_time_lt=session_time_lt,
            session_time_lte=session_time_lte,
            brand_name=brand_name,
            app_hash=app_hash,
            country=country,
            alias=alias,
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = list_verify_sessions._parse_response(client=self._client, response=response)
        return _answer(response, parsed, VerifySessionListResponse)

    def create(
        self,
        *,
        recipient: str,
        app_uuid: UUID | str | Unset = UNSET,
        channel: VerifyChannel | Literal["sms", "voice"] | Unset = UNSET,
        url: str | Unset = UNSET,
        method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        locale: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        code_length: int | Unset = UNSET,
        dtmf: VerifyDtmf | Literal[0, 1] | Unset = UNSET,
        fraud_check: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[VerifySessionCreateResponse]:
        """Start a Verify session (send an OTP).

        Args:
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            app_uuid: The Verify application; the account's default application when omitted.
            channel: How the OTP is delivered.
            url: An http(s) URL.
            method: The HTTP verb Plivo uses to call a URL. Default when omitted: 'POST'.
            locale: Language of the message, such as `en`, `en_US` or `fr_FR`. Default when omitted:
                'en'.
            brand_name: Replaces `${brand_name}` in the application's templates.
            app_hash: An Android SMS Retriever app hash (11 characters).
            code_length: Digits in the OTP. (The application's setting when omitted; 6 is assumed.)
                Default when omitted: 6.
            dtmf: Voice channel only; 1 lets the recipient confirm by pressing keys (SDK argument,
                not on Plivo's pages).
            fraud_check: Fraud-check level for the session (SDK argument, not on Plivo's pages).
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``VerifySessionCreateResponse``.
        """
        request = create_verify_session._get_kwargs(
            body=VerifySessionCreateRequest(
                recipient=recipient,
                app_uuid=_uuid(app_uuid),
                channel=_enum(VerifyChannel, channel),
                url=url,
                method=_enum(HttpMethod, method),
                locale=locale,
                brand_name=brand_name,
                app_hash=app_hash,
                code_length=code_length,
                dtmf=_enum(VerifyDtmf, dtmf),
                fraud_check=fraud_check,
            ),
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = create_verify_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, VerifySessionCreateResponse)

    def get(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[VerifySessionGetResponse]:
        """Get a Verify session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``VerifySessionGetResponse``.
        """
        request = get_verify_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = get_verify_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, VerifySessionGetResponse)

    def validate(
        self,
        session_uuid: UUID | str,
        *,
        otp: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[VerifySessionValidateResponse]:
        """Validate the OTP of a Verify session.

        Args:
            session_uuid: See the spec.
            otp: The code the recipient entered.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``VerifySessionValidateResponse``.
        """
        request = validate_verify_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
            body=VerifySessionValidateRequest(
                otp=otp,
            ),
        )
        response = self._client._send(request, timeout, max_retries)
        parsed = validate_verify_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, VerifySessionValidateResponse)


class VerifySessions:
    """``client.verify_sessions``: Verify sessions: Plivo sends a one-time password (OTP) to a recipient by SMS or
    voice and validates the code the user enters. There is no update and no delete."""

    def __init__(self, client: PlivoClient) -> None:
        self._client = client
        self.with_raw_response = VerifySessionsWithRawResponse(client)

    def list(
        self,
        *,
        app_uuid: UUID | str | Unset = UNSET,
        status: VerifySessionStatus | Literal["in-progress", "verified", "expired"] | Unset = UNSET,
        recipient: str | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        session_time: str | Unset = UNSET,
        session_time_gt: str | Unset = UNSET,
        session_time_gte: str | Unset = UNSET,
        session_time_lt: str | Unset = UNSET,
        session_time_lte: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        country: str | Unset = UNSET,
        alias: str | Unset = UNSET,
        offset: int = 0,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> SyncPager[VerifySession, VerifySessionListMeta]:
        """List Verify sessions.

        Args:
            app_uuid: See the spec.
            status: `in-progress` until the code is validated (`verified`) or expires (`expired`).
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            session_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            session_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            brand_name: See the spec.
            app_hash: An Android SMS Retriever app hash (11 characters).
            country: See the spec.
            alias: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: every item of every page, fetched a page at a time as iteration needs it (``for``); ``.pages()`` gives the pages.
        """

        def fetch(at: int) -> Page[VerifySession, VerifySessionListMeta]:
            return self.page(
                app_uuid=app_uuid,
                status=status,
                recipient=recipient,
                subaccount=subaccount,
                limit=limit,
                session_time=session_time,
                session_time_gt=session_time_gt,
                session_time_gte=session_time_gte,
                session_time_lt=session_time_lt,
                session_time_lte=session_time_lte,
                brand_name=brand_name,
                app_hash=app_hash,
                country=country,
                alias=alias,
                timeout=timeout,
                max_retries=max_retries,
                offset=at,
            )

        return SyncPager(fetch, offset)

    def page(
        self,
        *,
        app_uuid: UUID | str | Unset = UNSET,
        status: VerifySessionStatus | Literal["in-progress", "verified", "expired"] | Unset = UNSET,
        recipient: str | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        session_time: str | Unset = UNSET,
        session_time_gt: str | Unset = UNSET,
        session_time_gte: str | Unset = UNSET,
        session_time_lt: str | Unset = UNSET,
        session_time_lte: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        country: str | Unset = UNSET,
        alias: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Page[VerifySession, VerifySessionListMeta]:
        """List Verify sessions.

        Args:
            app_uuid: See the spec.
            status: `in-progress` until the code is validated (`verified`) or expires (`expired`).
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            session_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            session_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            brand_name: See the spec.
            app_hash: An Android SMS Retriever app hash (11 characters).
            country: See the spec.
            alias: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: one page: its ``items``, its ``meta`` and the ``raw`` answer.
        """
        raw = self.with_raw_response.list(
            app_uuid=app_uuid,
            status=status,
            recipient=recipient,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
            session_time=session_time,
            session_time_gt=session_time_gt,
            session_time_gte=session_time_gte,
            session_time_lt=session_time_lt,
            session_time_lte=session_time_lte,
            brand_name=brand_name,
            app_hash=app_hash,
            country=country,
            alias=alias,
            timeout=timeout,
            max_retries=max_retries,
        )
        body = _parsed(raw)
        return Page(items=body.sessions, meta=body.meta, raw=raw)

    def create(
        self,
        *,
        recipient: str,
        app_uuid: UUID | str | Unset = UNSET,
        channel: VerifyChannel | Literal["sms", "voice"] | Unset = UNSET,
        url: str | Unset = UNSET,
        method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        locale: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        code_length: int | Unset = UNSET,
        dtmf: VerifyDtmf | Literal[0, 1] | Unset = UNSET,
        fraud_check: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> VerifySessionCreateResponse:
        """Start a Verify session (send an OTP).

        Args:
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            app_uuid: The Verify application; the account's default application when omitted.
            channel: How the OTP is delivered.
            url: An http(s) URL.
            method: The HTTP verb Plivo uses to call a URL. Default when omitted: 'POST'.
            locale: Language of the message, such as `en`, `en_US` or `fr_FR`. Default when omitted:
                'en'.
            brand_name: Replaces `${brand_name}` in the application's templates.
            app_hash: An Android SMS Retriever app hash (11 characters).
            code_length: Digits in the OTP. (The application's setting when omitted; 6 is assumed.)
                Default when omitted: 6.
            dtmf: Voice channel only; 1 lets the recipient confirm by pressing keys (SDK argument,
                not on Plivo's pages).
            fraud_check: Fraud-check level for the session (SDK argument, not on Plivo's pages).
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``VerifySessionCreateResponse``.
        """
        return _parsed(
            self.with_raw_response.create(
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
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    def get(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> VerifySessionGetResponse:
        """Get a Verify session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``VerifySessionGetResponse``.
        """
        return _parsed(
            self.with_raw_response.get(
                session_uuid,
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    def validate(
        self,
        session_uuid: UUID | str,
        *,
        otp: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> VerifySessionValidateResponse:
        """Validate the OTP of a Verify session.

        Args:
            session_uuid: See the spec.
            otp: The code the recipient entered.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``VerifySessionValidateResponse``.
        """
        return _parsed(
            self.with_raw_response.validate(
                session_uuid,
                otp=otp,
                timeout=timeout,
                max_retries=max_retries,
            )
        )


class AsyncVerifySessionsWithRawResponse:
    """``client.verify_sessions.with_raw_response``: each call answers the whole ``Response``.

    ``status_code``, ``headers``, ``content`` and ``parsed`` (the success model).
    Error answers still raise. A list call answers its one page.
    """

    def __init__(self, client: AsyncPlivoClient) -> None:
        self._client = client

    async def list(
        self,
        *,
        app_uuid: UUID | str | Unset = UNSET,
        status: VerifySessionStatus | Literal["in-progress", "verified", "expired"] | Unset = UNSET,
        recipient: str | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        session_time: str | Unset = UNSET,
        session_time_gt: str | Unset = UNSET,
        session_time_gte: str | Unset = UNSET,
        session_time_lt: str | Unset = UNSET,
        session_time_lte: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        country: str | Unset = UNSET,
        alias: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[VerifySessionListResponse]:
        """List Verify sessions.

        Args:
            app_uuid: See the spec.
            status: `in-progress` until the code is validated (`verified`) or expires (`expired`).
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            session_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            session_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            brand_name: See the spec.
            app_hash: An Android SMS Retriever app hash (11 characters).
            country: See the spec.
            alias: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``VerifySessionListResponse``.
        """
        request = list_verify_sessions._get_kwargs(
            app_uuid=_uuid(app_uuid),
            status=_enum(VerifySessionStatus, status),
            recipient=recipient,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
            session_time=session_time,
            session_time_gt=session_time_gt,
            session_time_gte=session_time_gte,
            session_time_lt=session_time_lt,
            session_time_lte=session_time_lte,
            brand_name=brand_name,
            app_hash=app_hash,
            country=country,
            alias=alias,
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = list_verify_sessions._parse_response(client=self._client, response=response)
        return _answer(response, parsed, VerifySessionListResponse)

    async def create(
        self,
        *,
        recipient: str,
        app_uuid: UUID | str | Unset = UNSET,
        channel: VerifyChannel | Literal["sms", "voice"] | Unset = UNSET,
        url: str | Unset = UNSET,
        method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        locale: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        code_length: int | Unset = UNSET,
        dtmf: VerifyDtmf | Literal[0, 1] | Unset = UNSET,
        fraud_check: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[VerifySessionCreateResponse]:
        """Start a Verify session (send an OTP).

        Args:
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            app_uuid: The Verify application; the account's default application when omitted.
            channel: How the OTP is delivered.
            url: An http(s) URL.
            method: The HTTP verb Plivo uses to call a URL. Default when omitted: 'POST'.
            locale: Language of the message, such as `en`, `en_US` or `fr_FR`. Default when omitted:
                'en'.
            brand_name: Replaces `${brand_name}` in the application's templates.
            app_hash: An Android SMS Retriever app hash (11 characters).
            code_length: Digits in the OTP. (The application's setting when omitted; 6 is assumed.)
                Default when omitted: 6.
            dtmf: Voice channel only; 1 lets the recipient confirm by pressing keys (SDK argument,
                not on Plivo's pages).
            fraud_check: Fraud-check level for the session (SDK argument, not on Plivo's pages).
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``VerifySessionCreateResponse``.
        """
        request = create_verify_session._get_kwargs(
            body=VerifySessionCreateRequest(
                recipient=recipient,
                app_uuid=_uuid(app_uuid),
                channel=_enum(VerifyChannel, channel),
                url=url,
                method=_enum(HttpMethod, method),
                locale=locale,
                brand_name=brand_name,
                app_hash=app_hash,
                code_length=code_length,
                dtmf=_enum(VerifyDtmf, dtmf),
                fraud_check=fraud_check,
            ),
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = create_verify_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, VerifySessionCreateResponse)

    async def get(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[VerifySessionGetResponse]:
        """Get a Verify session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``VerifySessionGetResponse``.
        """
        request = get_verify_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = get_verify_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, VerifySessionGetResponse)

    async def validate(
        self,
        session_uuid: UUID | str,
        *,
        otp: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Response[VerifySessionValidateResponse]:
        """Validate the OTP of a Verify session.

        Args:
            session_uuid: See the spec.
            otp: The code the recipient entered.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the whole answer; ``parsed`` is a ``VerifySessionValidateResponse``.
        """
        request = validate_verify_session._get_kwargs(
            session_uuid=_uuid(session_uuid),
            body=VerifySessionValidateRequest(
                otp=otp,
            ),
        )
        response = await self._client._send(request, timeout, max_retries)
        parsed = validate_verify_session._parse_response(client=self._client, response=response)
        return _answer(response, parsed, VerifySessionValidateResponse)


class AsyncVerifySessions:
    """``client.verify_sessions``: Verify sessions: Plivo sends a one-time password (OTP) to a recipient by SMS or
    voice and validates the code the user enters. There is no update and no delete."""

    def __init__(self, client: AsyncPlivoClient) -> None:
        self._client = client
        self.with_raw_response = AsyncVerifySessionsWithRawResponse(client)

    def list(
        self,
        *,
        app_uuid: UUID | str | Unset = UNSET,
        status: VerifySessionStatus | Literal["in-progress", "verified", "expired"] | Unset = UNSET,
        recipient: str | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        session_time: str | Unset = UNSET,
        session_time_gt: str | Unset = UNSET,
        session_time_gte: str | Unset = UNSET,
        session_time_lt: str | Unset = UNSET,
        session_time_lte: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        country: str | Unset = UNSET,
        alias: str | Unset = UNSET,
        offset: int = 0,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> AsyncPager[VerifySession, VerifySessionListMeta]:
        """List Verify sessions.

        Args:
            app_uuid: See the spec.
            status: `in-progress` until the code is validated (`verified`) or expires (`expired`).
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            session_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            session_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            brand_name: See the spec.
            app_hash: An Android SMS Retriever app hash (11 characters).
            country: See the spec.
            alias: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: every item of every page, fetched a page at a time as iteration needs it (``async for``); ``.pages()`` gives the pages.
        """

        async def fetch(at: int) -> Page[VerifySession, VerifySessionListMeta]:
            return await self.page(
                app_uuid=app_uuid,
                status=status,
                recipient=recipient,
                subaccount=subaccount,
                limit=limit,
                session_time=session_time,
                session_time_gt=session_time_gt,
                session_time_gte=session_time_gte,
                session_time_lt=session_time_lt,
                session_time_lte=session_time_lte,
                brand_name=brand_name,
                app_hash=app_hash,
                country=country,
                alias=alias,
                timeout=timeout,
                max_retries=max_retries,
                offset=at,
            )

        return AsyncPager(fetch, offset)

    async def page(
        self,
        *,
        app_uuid: UUID | str | Unset = UNSET,
        status: VerifySessionStatus | Literal["in-progress", "verified", "expired"] | Unset = UNSET,
        recipient: str | Unset = UNSET,
        subaccount: str | Unset = UNSET,
        limit: int | Unset = UNSET,
        offset: int | Unset = UNSET,
        session_time: str | Unset = UNSET,
        session_time_gt: str | Unset = UNSET,
        session_time_gte: str | Unset = UNSET,
        session_time_lt: str | Unset = UNSET,
        session_time_lte: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        country: str | Unset = UNSET,
        alias: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> Page[VerifySession, VerifySessionListMeta]:
        """List Verify sessions.

        Args:
            app_uuid: See the spec.
            status: `in-progress` until the code is validated (`verified`) or expires (`expired`).
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            subaccount: A subaccount's Auth ID (`SA` + 18 characters).
            limit: Default when omitted: 20.
            offset: Default when omitted: 0.
            session_time: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists (so
                `2023-02-29` is refused).
            session_time_gt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_gte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lt: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            session_time_lte: A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that exists
                (so `2023-02-29` is refused).
            brand_name: See the spec.
            app_hash: An Android SMS Retriever app hash (11 characters).
            country: See the spec.
            alias: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: one page: its ``items``, its ``meta`` and the ``raw`` answer.
        """
        raw = await self.with_raw_response.list(
            app_uuid=app_uuid,
            status=status,
            recipient=recipient,
            subaccount=subaccount,
            limit=limit,
            offset=offset,
            session_time=session_time,
            session_time_gt=session_time_gt,
            session_time_gte=session_time_gte,
            session_time_lt=session_time_lt,
            session_time_lte=session_time_lte,
            brand_name=brand_name,
            app_hash=app_hash,
            country=country,
            alias=alias,
            timeout=timeout,
            max_retries=max_retries,
        )
        body = _parsed(raw)
        return Page(items=body.sessions, meta=body.meta, raw=raw)

    async def create(
        self,
        *,
        recipient: str,
        app_uuid: UUID | str | Unset = UNSET,
        channel: VerifyChannel | Literal["sms", "voice"] | Unset = UNSET,
        url: str | Unset = UNSET,
        method: HttpMethod | Literal["GET", "POST"] | Unset = UNSET,
        locale: str | Unset = UNSET,
        brand_name: str | Unset = UNSET,
        app_hash: str | Unset = UNSET,
        code_length: int | Unset = UNSET,
        dtmf: VerifyDtmf | Literal[0, 1] | Unset = UNSET,
        fraud_check: str | Unset = UNSET,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> VerifySessionCreateResponse:
        """Start a Verify session (send an OTP).

        Args:
            recipient: A phone number in E.164 form (an assigned country code, 7 to 15 digits), with
                or without the leading `+`.
            app_uuid: The Verify application; the account's default application when omitted.
            channel: How the OTP is delivered.
            url: An http(s) URL.
            method: The HTTP verb Plivo uses to call a URL. Default when omitted: 'POST'.
            locale: Language of the message, such as `en`, `en_US` or `fr_FR`. Default when omitted:
                'en'.
            brand_name: Replaces `${brand_name}` in the application's templates.
            app_hash: An Android SMS Retriever app hash (11 characters).
            code_length: Digits in the OTP. (The application's setting when omitted; 6 is assumed.)
                Default when omitted: 6.
            dtmf: Voice channel only; 1 lets the recipient confirm by pressing keys (SDK argument,
                not on Plivo's pages).
            fraud_check: Fraud-check level for the session (SDK argument, not on Plivo's pages).
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``VerifySessionCreateResponse``.
        """
        return _parsed(
            await self.with_raw_response.create(
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
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    async def get(
        self,
        session_uuid: UUID | str,
        *,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> VerifySessionGetResponse:
        """Get a Verify session.

        Args:
            session_uuid: See the spec.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``VerifySessionGetResponse``.
        """
        return _parsed(
            await self.with_raw_response.get(
                session_uuid,
                timeout=timeout,
                max_retries=max_retries,
            )
        )

    async def validate(
        self,
        session_uuid: UUID | str,
        *,
        otp: str,
        timeout: float | httpx.Timeout | None = None,
        max_retries: int | None = None,
    ) -> VerifySessionValidateResponse:
        """Validate the OTP of a Verify session.

        Args:
            session_uuid: See the spec.
            otp: The code the recipient entered.
            timeout: This call's timeout (default: the client's).
            max_retries: This call's retries (default: the client's ``max_retries``).

        Returns: the parsed ``VerifySessionValidateResponse``.
        """
        return _parsed(
            await self.with_raw_response.validate(
                session_uuid,
                otp=otp,
                timeout=timeout,
                max_retries=max_retries,
            )
        )


__all__ = [
    "MaskingSessions",
    "MaskingSessionsWithRawResponse",
    "AsyncMaskingSessions",
    "AsyncMaskingSessionsWithRawResponse",
    "VerifySessions",
    "VerifySessionsWithRawResponse",
    "AsyncVerifySessions",
    "AsyncVerifySessionsWithRawResponse",
]
