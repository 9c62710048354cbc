from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.masking_session_create_request import MaskingSessionCreateRequest
from ...models.masking_session_create_response import MaskingSessionCreateResponse
from ...types import Response


def _get_kwargs(
    *,
    body: MaskingSessionCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Masking/Session",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MaskingSessionCreateResponse | None:
    if response.status_code == 201:
        response_201 = MaskingSessionCreateResponse.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 405:
        response_405 = Error.from_dict(response.json())

        return response_405

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if response.status_code == 500:
        response_500 = Error.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Error.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | MaskingSessionCreateResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MaskingSessionCreateRequest,
) -> Response[Error | MaskingSessionCreateResponse]:
    """Create a masking session

     Creates a session that anonymously connects two parties through a
    virtual number that Plivo allocates from the account's pool (from the
    given `subaccount`'s numbers when one is named). Omitted arguments
    take the defaults shown.

    Rules JSON Schema cannot state here:

    * `first_party` and `second_party` are both required, unless
      `create_session_with_single_party` is `true`: then either one is
      enough, and the other can be set later with an update.
    * When `is_pin_authentication_required` is `true`, `pin_prompt_play`
      and `incorrect_pin_play` are required, and so are `first_party_pin`
      and `second_party_pin` unless `generate_pin` is `true` (Plivo then
      generates PINs of `generate_pin_length` digits).
    * `first_party_pin` and `second_party_pin` are digits only and must
      differ from each other.
    * With `geomatch` on (the default) the virtual number is in the first
      party's country. A number released by another session is not reused
      within `virtual_number_cooloff_period` seconds.
    * The session stays `active` until `expiry_time` = creation time +
      `session_expiry`, then becomes `expired`.

    Plivo reports the session's events to `callback_url` and recording
    events to `recording_callback_url` (see the callbacks).

    Args:
        body (MaskingSessionCreateRequest): Arguments of a new masking session. See the operation
            for the rules
            that tie them together (single-party sessions, PIN authentication).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MaskingSessionCreateResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: MaskingSessionCreateRequest,
) -> Error | MaskingSessionCreateResponse | None:
    """Create a masking session

     Creates a session that anonymously connects two parties through a
    virtual number that Plivo allocates from the account's pool (from the
    given `subaccount`'s numbers when one is named). Omitted arguments
    take the defaults shown.

    Rules JSON Schema cannot state here:

    * `first_party` and `second_party` are both required, unless
      `create_session_with_single_party` is `true`: then either one is
      enough, and the other can be set later with an update.
    * When `is_pin_authentication_required` is `true`, `pin_prompt_play`
      and `incorrect_pin_play` are required, and so are `first_party_pin`
      and `second_party_pin` unless `generate_pin` is `true` (Plivo then
      generates PINs of `generate_pin_length` digits).
    * `first_party_pin` and `second_party_pin` are digits only and must
      differ from each other.
    * With `geomatch` on (the default) the virtual number is in the first
      party's country. A number released by another session is not reused
      within `virtual_number_cooloff_period` seconds.
    * The session stays `active` until `expiry_time` = creation time +
      `session_expiry`, then becomes `expired`.

    Plivo reports the session's events to `callback_url` and recording
    events to `recording_callback_url` (see the callbacks).

    Args:
        body (MaskingSessionCreateRequest): Arguments of a new masking session. See the operation
            for the rules
            that tie them together (single-party sessions, PIN authentication).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MaskingSessionCreateResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: MaskingSessionCreateRequest,
) -> Response[Error | MaskingSessionCreateResponse]:
    """Create a masking session

     Creates a session that anonymously connects two parties through a
    virtual number that Plivo allocates from the account's pool (from the
    given `subaccount`'s numbers when one is named). Omitted arguments
    take the defaults shown.

    Rules JSON Schema cannot state here:

    * `first_party` and `second_party` are both required, unless
      `create_session_with_single_party` is `true`: then either one is
      enough, and the other can be set later with an update.
    * When `is_pin_authentication_required` is `true`, `pin_prompt_play`
      and `incorrect_pin_play` are required, and so are `first_party_pin`
      and `second_party_pin` unless `generate_pin` is `true` (Plivo then
      generates PINs of `generate_pin_length` digits).
    * `first_party_pin` and `second_party_pin` are digits only and must
      differ from each other.
    * With `geomatch` on (the default) the virtual number is in the first
      party's country. A number released by another session is not reused
      within `virtual_number_cooloff_period` seconds.
    * The session stays `active` until `expiry_time` = creation time +
      `session_expiry`, then becomes `expired`.

    Plivo reports the session's events to `callback_url` and recording
    events to `recording_callback_url` (see the callbacks).

    Args:
        body (MaskingSessionCreateRequest): Arguments of a new masking session. See the operation
            for the rules
            that tie them together (single-party sessions, PIN authentication).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MaskingSessionCreateResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: MaskingSessionCreateRequest,
) -> Error | MaskingSessionCreateResponse | None:
    """Create a masking session

     Creates a session that anonymously connects two parties through a
    virtual number that Plivo allocates from the account's pool (from the
    given `subaccount`'s numbers when one is named). Omitted arguments
    take the defaults shown.

    Rules JSON Schema cannot state here:

    * `first_party` and `second_party` are both required, unless
      `create_session_with_single_party` is `true`: then either one is
      enough, and the other can be set later with an update.
    * When `is_pin_authentication_required` is `true`, `pin_prompt_play`
      and `incorrect_pin_play` are required, and so are `first_party_pin`
      and `second_party_pin` unless `generate_pin` is `true` (Plivo then
      generates PINs of `generate_pin_length` digits).
    * `first_party_pin` and `second_party_pin` are digits only and must
      differ from each other.
    * With `geomatch` on (the default) the virtual number is in the first
      party's country. A number released by another session is not reused
      within `virtual_number_cooloff_period` seconds.
    * The session stays `active` until `expiry_time` = creation time +
      `session_expiry`, then becomes `expired`.

    Plivo reports the session's events to `callback_url` and recording
    events to `recording_callback_url` (see the callbacks).

    Args:
        body (MaskingSessionCreateRequest): Arguments of a new masking session. See the operation
            for the rules
            that tie them together (single-party sessions, PIN authentication).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MaskingSessionCreateResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
