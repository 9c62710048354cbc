from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.verify_session_create_request import VerifySessionCreateRequest
from ...models.verify_session_create_response import VerifySessionCreateResponse
from ...types import Response


def _get_kwargs(
    *,
    body: VerifySessionCreateRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/Verify/Session",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | VerifySessionCreateResponse | None:
    if response.status_code == 202:
        response_202 = VerifySessionCreateResponse.from_dict(response.json())

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

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
) -> Response[Error | VerifySessionCreateResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VerifySessionCreateRequest,
) -> Response[Error | VerifySessionCreateResponse]:
    """Start a Verify session (send an OTP)

     Generates an OTP of `code_length` digits and sends it to `recipient`
    over `channel`, recording a delivery attempt and its charge. The new
    session is `in-progress` until the code is validated (`verified`) or
    it expires (`expired`). Status events go to `url` (see the
    callbacks).

    Args:
        body (VerifySessionCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VerifySessionCreateResponse]
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
    body: VerifySessionCreateRequest,
) -> Error | VerifySessionCreateResponse | None:
    """Start a Verify session (send an OTP)

     Generates an OTP of `code_length` digits and sends it to `recipient`
    over `channel`, recording a delivery attempt and its charge. The new
    session is `in-progress` until the code is validated (`verified`) or
    it expires (`expired`). Status events go to `url` (see the
    callbacks).

    Args:
        body (VerifySessionCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VerifySessionCreateResponse
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: VerifySessionCreateRequest,
) -> Response[Error | VerifySessionCreateResponse]:
    """Start a Verify session (send an OTP)

     Generates an OTP of `code_length` digits and sends it to `recipient`
    over `channel`, recording a delivery attempt and its charge. The new
    session is `in-progress` until the code is validated (`verified`) or
    it expires (`expired`). Status events go to `url` (see the
    callbacks).

    Args:
        body (VerifySessionCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VerifySessionCreateResponse]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: VerifySessionCreateRequest,
) -> Error | VerifySessionCreateResponse | None:
    """Start a Verify session (send an OTP)

     Generates an OTP of `code_length` digits and sends it to `recipient`
    over `channel`, recording a delivery attempt and its charge. The new
    session is `in-progress` until the code is validated (`verified`) or
    it expires (`expired`). Status events go to `url` (see the
    callbacks).

    Args:
        body (VerifySessionCreateRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VerifySessionCreateResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
