from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.masking_session_update_request import MaskingSessionUpdateRequest
from ...models.masking_session_update_response import MaskingSessionUpdateResponse
from ...types import Response


def _get_kwargs(
    session_uuid: UUID,
    *,
    body: MaskingSessionUpdateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Masking/Session/{session_uuid}".format(
            session_uuid=quote(str(session_uuid), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MaskingSessionUpdateResponse | None:
    if response.status_code == 200:
        response_200 = MaskingSessionUpdateResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

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
) -> Response[Error | MaskingSessionUpdateResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    session_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MaskingSessionUpdateRequest,
) -> Response[Error | MaskingSessionUpdateResponse]:
    """Update a masking session

     Changes the settings of a session that is still `active`; an expired
    session cannot be revived (409). Changing `session_expiry` moves
    `expiry_time` to creation time + the new `session_expiry`.

    `first_party` and `second_party` may be set only on a session created
    with `create_session_with_single_party`; on any other active session
    they are refused with 400. These cannot be changed on an active
    session at all and are therefore not arguments here:
    `initiate_call_to_first_party`, `is_pin_authentication_required`,
    `pin_prompt_play`, `pin_retry`, `pin_retry_wait`,
    `incorrect_pin_play`, `unknown_caller_play`.

    Args:
        session_uuid (UUID):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.
        body (MaskingSessionUpdateRequest): The settings that may change on an active session.
            `first_party` and
            `second_party` only on a single-party session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MaskingSessionUpdateResponse]
    """

    kwargs = _get_kwargs(
        session_uuid=session_uuid,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MaskingSessionUpdateRequest,
) -> Error | MaskingSessionUpdateResponse | None:
    """Update a masking session

     Changes the settings of a session that is still `active`; an expired
    session cannot be revived (409). Changing `session_expiry` moves
    `expiry_time` to creation time + the new `session_expiry`.

    `first_party` and `second_party` may be set only on a session created
    with `create_session_with_single_party`; on any other active session
    they are refused with 400. These cannot be changed on an active
    session at all and are therefore not arguments here:
    `initiate_call_to_first_party`, `is_pin_authentication_required`,
    `pin_prompt_play`, `pin_retry`, `pin_retry_wait`,
    `incorrect_pin_play`, `unknown_caller_play`.

    Args:
        session_uuid (UUID):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.
        body (MaskingSessionUpdateRequest): The settings that may change on an active session.
            `first_party` and
            `second_party` only on a single-party session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MaskingSessionUpdateResponse
    """

    return sync_detailed(
        session_uuid=session_uuid,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    session_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MaskingSessionUpdateRequest,
) -> Response[Error | MaskingSessionUpdateResponse]:
    """Update a masking session

     Changes the settings of a session that is still `active`; an expired
    session cannot be revived (409). Changing `session_expiry` moves
    `expiry_time` to creation time + the new `session_expiry`.

    `first_party` and `second_party` may be set only on a session created
    with `create_session_with_single_party`; on any other active session
    they are refused with 400. These cannot be changed on an active
    session at all and are therefore not arguments here:
    `initiate_call_to_first_party`, `is_pin_authentication_required`,
    `pin_prompt_play`, `pin_retry`, `pin_retry_wait`,
    `incorrect_pin_play`, `unknown_caller_play`.

    Args:
        session_uuid (UUID):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.
        body (MaskingSessionUpdateRequest): The settings that may change on an active session.
            `first_party` and
            `second_party` only on a single-party session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MaskingSessionUpdateResponse]
    """

    kwargs = _get_kwargs(
        session_uuid=session_uuid,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
    body: MaskingSessionUpdateRequest,
) -> Error | MaskingSessionUpdateResponse | None:
    """Update a masking session

     Changes the settings of a session that is still `active`; an expired
    session cannot be revived (409). Changing `session_expiry` moves
    `expiry_time` to creation time + the new `session_expiry`.

    `first_party` and `second_party` may be set only on a session created
    with `create_session_with_single_party`; on any other active session
    they are refused with 400. These cannot be changed on an active
    session at all and are therefore not arguments here:
    `initiate_call_to_first_party`, `is_pin_authentication_required`,
    `pin_prompt_play`, `pin_retry`, `pin_retry_wait`,
    `incorrect_pin_play`, `unknown_caller_play`.

    Args:
        session_uuid (UUID):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.
        body (MaskingSessionUpdateRequest): The settings that may change on an active session.
            `first_party` and
            `second_party` only on a single-party session.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MaskingSessionUpdateResponse
    """

    return (
        await asyncio_detailed(
            session_uuid=session_uuid,
            client=client,
            body=body,
        )
    ).parsed
