from http import HTTPStatus
from typing import Any
from uuid import UUID

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.verify_session_list_response import VerifySessionListResponse
from ...models.verify_session_status import VerifySessionStatus
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    app_uuid: UUID | Unset = UNSET,
    status: VerifySessionStatus | Unset = UNSET,
    recipient: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    session_time: str | Unset = UNSET,
    session_time_gt: str | Unset = UNSET,
    session_time_gte: str | Unset = UNSET,
    session_time_lt: str | Unset = UNSET,
    session_time_lte: str | Unset = UNSET,
    brand_name: str | Unset = UNSET,
    app_hash: str | Unset = UNSET,
    country: str | Unset = UNSET,
    alias: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_app_uuid: str | Unset = UNSET
    if not isinstance(app_uuid, Unset):
        json_app_uuid = str(app_uuid)
    params["app_uuid"] = json_app_uuid

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["recipient"] = recipient

    params["subaccount"] = subaccount

    params["limit"] = limit

    params["offset"] = offset

    params["session_time"] = session_time

    params["session_time__gt"] = session_time_gt

    params["session_time__gte"] = session_time_gte

    params["session_time__lt"] = session_time_lt

    params["session_time__lte"] = session_time_lte

    params["brand_name"] = brand_name

    params["app_hash"] = app_hash

    params["country"] = country

    params["alias"] = alias

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/Verify/Session",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | VerifySessionListResponse | None:
    if response.status_code == 200:
        response_200 = VerifySessionListResponse.from_dict(response.json())

        return response_200

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
) -> Response[Error | VerifySessionListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    app_uuid: UUID | Unset = UNSET,
    status: VerifySessionStatus | Unset = UNSET,
    recipient: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    session_time: str | Unset = UNSET,
    session_time_gt: str | Unset = UNSET,
    session_time_gte: str | Unset = UNSET,
    session_time_lt: str | Unset = UNSET,
    session_time_lte: str | Unset = UNSET,
    brand_name: str | Unset = UNSET,
    app_hash: str | Unset = UNSET,
    country: str | Unset = UNSET,
    alias: str | Unset = UNSET,
) -> Response[Error | VerifySessionListResponse]:
    """List Verify sessions

     Lists Verify sessions matching the filters, newest first, over the
    last 90 days. Without a `session_time` filter only the last 24 hours
    are searched. With a subaccount's credentials the `subaccount` filter
    is applied implicitly; the argument is for a main account.

    Rate limited to 20 requests a minute; beyond that Plivo answers 429
    "too many requests".

    Args:
        app_uuid (UUID | Unset):
        status (VerifySessionStatus | Unset): `in-progress` until the code is validated
            (`verified`) or expires (`expired`).
        recipient (str | Unset): A phone number in E.164 form (an assigned country code, 7 to 15
            digits), with or without the leading `+`. Example: +12025550100.
        subaccount (str | Unset): A subaccount's Auth ID (`SA` + 18 characters). Example:
            SAOWRKMGU3YZCTZJXXXX.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        session_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        brand_name (str | Unset):
        app_hash (str | Unset): An Android SMS Retriever app hash (11 characters). Example:
            FA+9qCX9VSu.
        country (str | Unset):
        alias (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VerifySessionListResponse]
    """

    kwargs = _get_kwargs(
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
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    app_uuid: UUID | Unset = UNSET,
    status: VerifySessionStatus | Unset = UNSET,
    recipient: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    session_time: str | Unset = UNSET,
    session_time_gt: str | Unset = UNSET,
    session_time_gte: str | Unset = UNSET,
    session_time_lt: str | Unset = UNSET,
    session_time_lte: str | Unset = UNSET,
    brand_name: str | Unset = UNSET,
    app_hash: str | Unset = UNSET,
    country: str | Unset = UNSET,
    alias: str | Unset = UNSET,
) -> Error | VerifySessionListResponse | None:
    """List Verify sessions

     Lists Verify sessions matching the filters, newest first, over the
    last 90 days. Without a `session_time` filter only the last 24 hours
    are searched. With a subaccount's credentials the `subaccount` filter
    is applied implicitly; the argument is for a main account.

    Rate limited to 20 requests a minute; beyond that Plivo answers 429
    "too many requests".

    Args:
        app_uuid (UUID | Unset):
        status (VerifySessionStatus | Unset): `in-progress` until the code is validated
            (`verified`) or expires (`expired`).
        recipient (str | Unset): A phone number in E.164 form (an assigned country code, 7 to 15
            digits), with or without the leading `+`. Example: +12025550100.
        subaccount (str | Unset): A subaccount's Auth ID (`SA` + 18 characters). Example:
            SAOWRKMGU3YZCTZJXXXX.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        session_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        brand_name (str | Unset):
        app_hash (str | Unset): An Android SMS Retriever app hash (11 characters). Example:
            FA+9qCX9VSu.
        country (str | Unset):
        alias (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VerifySessionListResponse
    """

    return sync_detailed(
        client=client,
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
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    app_uuid: UUID | Unset = UNSET,
    status: VerifySessionStatus | Unset = UNSET,
    recipient: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    session_time: str | Unset = UNSET,
    session_time_gt: str | Unset = UNSET,
    session_time_gte: str | Unset = UNSET,
    session_time_lt: str | Unset = UNSET,
    session_time_lte: str | Unset = UNSET,
    brand_name: str | Unset = UNSET,
    app_hash: str | Unset = UNSET,
    country: str | Unset = UNSET,
    alias: str | Unset = UNSET,
) -> Response[Error | VerifySessionListResponse]:
    """List Verify sessions

     Lists Verify sessions matching the filters, newest first, over the
    last 90 days. Without a `session_time` filter only the last 24 hours
    are searched. With a subaccount's credentials the `subaccount` filter
    is applied implicitly; the argument is for a main account.

    Rate limited to 20 requests a minute; beyond that Plivo answers 429
    "too many requests".

    Args:
        app_uuid (UUID | Unset):
        status (VerifySessionStatus | Unset): `in-progress` until the code is validated
            (`verified`) or expires (`expired`).
        recipient (str | Unset): A phone number in E.164 form (an assigned country code, 7 to 15
            digits), with or without the leading `+`. Example: +12025550100.
        subaccount (str | Unset): A subaccount's Auth ID (`SA` + 18 characters). Example:
            SAOWRKMGU3YZCTZJXXXX.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        session_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        brand_name (str | Unset):
        app_hash (str | Unset): An Android SMS Retriever app hash (11 characters). Example:
            FA+9qCX9VSu.
        country (str | Unset):
        alias (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | VerifySessionListResponse]
    """

    kwargs = _get_kwargs(
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
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    app_uuid: UUID | Unset = UNSET,
    status: VerifySessionStatus | Unset = UNSET,
    recipient: str | Unset = UNSET,
    subaccount: str | Unset = UNSET,
    limit: int | Unset = 20,
    offset: int | Unset = 0,
    session_time: str | Unset = UNSET,
    session_time_gt: str | Unset = UNSET,
    session_time_gte: str | Unset = UNSET,
    session_time_lt: str | Unset = UNSET,
    session_time_lte: str | Unset = UNSET,
    brand_name: str | Unset = UNSET,
    app_hash: str | Unset = UNSET,
    country: str | Unset = UNSET,
    alias: str | Unset = UNSET,
) -> Error | VerifySessionListResponse | None:
    """List Verify sessions

     Lists Verify sessions matching the filters, newest first, over the
    last 90 days. Without a `session_time` filter only the last 24 hours
    are searched. With a subaccount's credentials the `subaccount` filter
    is applied implicitly; the argument is for a main account.

    Rate limited to 20 requests a minute; beyond that Plivo answers 429
    "too many requests".

    Args:
        app_uuid (UUID | Unset):
        status (VerifySessionStatus | Unset): `in-progress` until the code is validated
            (`verified`) or expires (`expired`).
        recipient (str | Unset): A phone number in E.164 form (an assigned country code, 7 to 15
            digits), with or without the leading `+`. Example: +12025550100.
        subaccount (str | Unset): A subaccount's Auth ID (`SA` + 18 characters). Example:
            SAOWRKMGU3YZCTZJXXXX.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.
        session_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        session_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        brand_name (str | Unset):
        app_hash (str | Unset): An Android SMS Retriever app hash (11 characters). Example:
            FA+9qCX9VSu.
        country (str | Unset):
        alias (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | VerifySessionListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
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
        )
    ).parsed
