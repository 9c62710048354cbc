from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.masking_session_list_response import MaskingSessionListResponse
from ...models.masking_status_filter import MaskingStatusFilter
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: MaskingStatusFilter | Unset = MaskingStatusFilter.ALL,
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
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["first_party"] = first_party

    params["second_party"] = second_party

    params["virtual_number"] = virtual_number

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["created_time"] = created_time

    params["created_time__gt"] = created_time_gt

    params["created_time__gte"] = created_time_gte

    params["created_time__lt"] = created_time_lt

    params["created_time__lte"] = created_time_lte

    params["expiry_time"] = expiry_time

    params["expiry_time__gt"] = expiry_time_gt

    params["expiry_time__gte"] = expiry_time_gte

    params["expiry_time__lt"] = expiry_time_lt

    params["expiry_time__lte"] = expiry_time_lte

    params["duration"] = duration

    params["duration__gt"] = duration_gt

    params["duration__gte"] = duration_gte

    params["duration__lt"] = duration_lt

    params["duration__lte"] = duration_lte

    params["subaccount"] = subaccount

    params["limit"] = limit

    params["offset"] = offset

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/Masking/Session",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | MaskingSessionListResponse | None:
    if response.status_code == 200:
        response_200 = MaskingSessionListResponse.from_dict(response.json())

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
) -> Response[Error | MaskingSessionListResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: MaskingStatusFilter | Unset = MaskingStatusFilter.ALL,
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
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[Error | MaskingSessionListResponse]:
    """List masking sessions

     Lists the account's masking sessions, newest first, over the last 90
    days. Without explicit time bounds the search window is the last 7
    days; a window given with `created_time` or `expiry_time` filters may
    span at most 30 days (400 beyond). A subaccount sees only its own
    sessions. Each listed object carries its `resource_uri`, and
    `meta.next` / `meta.previous` are the URLs of the neighbouring pages
    (or null).

    Args:
        first_party (str | Unset): A phone number in E.164 form (an assigned country code, 7 to 15
            digits), with or without the leading `+`. Example: +12025550100.
        second_party (str | Unset): A phone number in E.164 form (an assigned country code, 7 to
            15 digits), with or without the leading `+`. Example: +12025550100.
        virtual_number (str | Unset):
        status (MaskingStatusFilter | Unset):  Default: MaskingStatusFilter.ALL.
        created_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        duration (int | Unset): A duration in seconds.
        duration_gt (int | Unset): A duration in seconds.
        duration_gte (int | Unset): A duration in seconds.
        duration_lt (int | Unset): A duration in seconds.
        duration_lte (int | Unset): A duration in seconds.
        subaccount (str | Unset): A subaccount's Auth ID (`SA` + 18 characters). Example:
            SAOWRKMGU3YZCTZJXXXX.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MaskingSessionListResponse]
    """

    kwargs = _get_kwargs(
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
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: MaskingStatusFilter | Unset = MaskingStatusFilter.ALL,
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
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Error | MaskingSessionListResponse | None:
    """List masking sessions

     Lists the account's masking sessions, newest first, over the last 90
    days. Without explicit time bounds the search window is the last 7
    days; a window given with `created_time` or `expiry_time` filters may
    span at most 30 days (400 beyond). A subaccount sees only its own
    sessions. Each listed object carries its `resource_uri`, and
    `meta.next` / `meta.previous` are the URLs of the neighbouring pages
    (or null).

    Args:
        first_party (str | Unset): A phone number in E.164 form (an assigned country code, 7 to 15
            digits), with or without the leading `+`. Example: +12025550100.
        second_party (str | Unset): A phone number in E.164 form (an assigned country code, 7 to
            15 digits), with or without the leading `+`. Example: +12025550100.
        virtual_number (str | Unset):
        status (MaskingStatusFilter | Unset):  Default: MaskingStatusFilter.ALL.
        created_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        duration (int | Unset): A duration in seconds.
        duration_gt (int | Unset): A duration in seconds.
        duration_gte (int | Unset): A duration in seconds.
        duration_lt (int | Unset): A duration in seconds.
        duration_lte (int | Unset): A duration in seconds.
        subaccount (str | Unset): A subaccount's Auth ID (`SA` + 18 characters). Example:
            SAOWRKMGU3YZCTZJXXXX.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MaskingSessionListResponse
    """

    return sync_detailed(
        client=client,
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
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: MaskingStatusFilter | Unset = MaskingStatusFilter.ALL,
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
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Response[Error | MaskingSessionListResponse]:
    """List masking sessions

     Lists the account's masking sessions, newest first, over the last 90
    days. Without explicit time bounds the search window is the last 7
    days; a window given with `created_time` or `expiry_time` filters may
    span at most 30 days (400 beyond). A subaccount sees only its own
    sessions. Each listed object carries its `resource_uri`, and
    `meta.next` / `meta.previous` are the URLs of the neighbouring pages
    (or null).

    Args:
        first_party (str | Unset): A phone number in E.164 form (an assigned country code, 7 to 15
            digits), with or without the leading `+`. Example: +12025550100.
        second_party (str | Unset): A phone number in E.164 form (an assigned country code, 7 to
            15 digits), with or without the leading `+`. Example: +12025550100.
        virtual_number (str | Unset):
        status (MaskingStatusFilter | Unset):  Default: MaskingStatusFilter.ALL.
        created_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        duration (int | Unset): A duration in seconds.
        duration_gt (int | Unset): A duration in seconds.
        duration_gte (int | Unset): A duration in seconds.
        duration_lt (int | Unset): A duration in seconds.
        duration_lte (int | Unset): A duration in seconds.
        subaccount (str | Unset): A subaccount's Auth ID (`SA` + 18 characters). Example:
            SAOWRKMGU3YZCTZJXXXX.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | MaskingSessionListResponse]
    """

    kwargs = _get_kwargs(
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
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    first_party: str | Unset = UNSET,
    second_party: str | Unset = UNSET,
    virtual_number: str | Unset = UNSET,
    status: MaskingStatusFilter | Unset = MaskingStatusFilter.ALL,
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
    limit: int | Unset = 20,
    offset: int | Unset = 0,
) -> Error | MaskingSessionListResponse | None:
    """List masking sessions

     Lists the account's masking sessions, newest first, over the last 90
    days. Without explicit time bounds the search window is the last 7
    days; a window given with `created_time` or `expiry_time` filters may
    span at most 30 days (400 beyond). A subaccount sees only its own
    sessions. Each listed object carries its `resource_uri`, and
    `meta.next` / `meta.previous` are the URLs of the neighbouring pages
    (or null).

    Args:
        first_party (str | Unset): A phone number in E.164 form (an assigned country code, 7 to 15
            digits), with or without the leading `+`. Example: +12025550100.
        second_party (str | Unset): A phone number in E.164 form (an assigned country code, 7 to
            15 digits), with or without the leading `+`. Example: +12025550100.
        virtual_number (str | Unset):
        status (MaskingStatusFilter | Unset):  Default: MaskingStatusFilter.ALL.
        created_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        created_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day that
            exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_gt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_gte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_lt (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        expiry_time_lte (str | Unset): A UTC time as `YYYY-MM-DD HH:MM[:ss[.uuuuuu]]`, on a day
            that exists (so `2023-02-29` is refused). Example: 2024-02-01 06:28.
        duration (int | Unset): A duration in seconds.
        duration_gt (int | Unset): A duration in seconds.
        duration_gte (int | Unset): A duration in seconds.
        duration_lt (int | Unset): A duration in seconds.
        duration_lte (int | Unset): A duration in seconds.
        subaccount (str | Unset): A subaccount's Auth ID (`SA` + 18 characters). Example:
            SAOWRKMGU3YZCTZJXXXX.
        limit (int | Unset):  Default: 20.
        offset (int | Unset):  Default: 0.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | MaskingSessionListResponse
    """

    return (
        await asyncio_detailed(
            client=client,
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
        )
    ).parsed
