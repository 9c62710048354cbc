from http import HTTPStatus
from typing import Any
from urllib.parse import quote
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.masking_session_get_response import MaskingSessionGetResponse
from ...types import Response


def _get_kwargs(
    session_uuid: UUID,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/Masking/Session/{session_uuid}".format(
            session_uuid=quote(str(session_uuid), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MaskingSessionGetResponse | None:
    if response.status_code == 200:
        response_200 = MaskingSessionGetResponse.from_dict(response.json())

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
) -> Response[Error | MaskingSessionGetResponse]:
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
) -> Response[Error | MaskingSessionGetResponse]:
    """Get a masking session

     Fetches one session, wrapped in `response`. Sessions of other
    accounts are not found (404), as are unknown UUIDs. A session ended
    with DELETE stays readable, with status `expired`.

    Args:
        session_uuid (UUID):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MaskingSessionGetResponse]
    """

    kwargs = _get_kwargs(
        session_uuid=session_uuid,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    session_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Error | MaskingSessionGetResponse | None:
    """Get a masking session

     Fetches one session, wrapped in `response`. Sessions of other
    accounts are not found (404), as are unknown UUIDs. A session ended
    with DELETE stays readable, with status `expired`.

    Args:
        session_uuid (UUID):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MaskingSessionGetResponse
    """

    return sync_detailed(
        session_uuid=session_uuid,
        client=client,
    ).parsed


async def asyncio_detailed(
    session_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Error | MaskingSessionGetResponse]:
    """Get a masking session

     Fetches one session, wrapped in `response`. Sessions of other
    accounts are not found (404), as are unknown UUIDs. A session ended
    with DELETE stays readable, with status `expired`.

    Args:
        session_uuid (UUID):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MaskingSessionGetResponse]
    """

    kwargs = _get_kwargs(
        session_uuid=session_uuid,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    session_uuid: UUID,
    *,
    client: AuthenticatedClient | Client,
) -> Error | MaskingSessionGetResponse | None:
    """Get a masking session

     Fetches one session, wrapped in `response`. Sessions of other
    accounts are not found (404), as are unknown UUIDs. A session ended
    with DELETE stays readable, with status `expired`.

    Args:
        session_uuid (UUID):  Example: c28b77d4-21e7-43bd-9447-04bfee92e651.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MaskingSessionGetResponse
    """

    return (
        await asyncio_detailed(
            session_uuid=session_uuid,
            client=client,
        )
    ).parsed
