import base64
import os
import ssl
from typing import TYPE_CHECKING, Any, Self

import httpx
from attrs import define, evolve, field

from .retries import DEFAULT_MAX_RETRIES, DEFAULT_TIMEOUT, RetryPolicy, asend, send
from .webhooks import Webhooks

if TYPE_CHECKING:
    from .resources import (
        AsyncMaskingSessions,
        AsyncVerifySessions,
        MaskingSessions,
        VerifySessions,
    )


@define
class Client:
    """A class for keeping track of data related to the API

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    def with_headers(self, headers: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "Client":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "Client":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


@define
class AuthenticatedClient:
    """A Client which has been authenticated for use on secured endpoints

    The following are accepted as keyword arguments and will be used to construct httpx Clients internally:

        ``base_url``: The base URL for the API, all requests are made to a relative path to this URL

        ``cookies``: A dictionary of cookies to be sent with every request

        ``headers``: A dictionary of headers to be sent with every request

        ``timeout``: The maximum amount of a time a request can take. API functions will raise
        httpx.TimeoutException if this is exceeded.

        ``verify_ssl``: Whether or not to verify the SSL certificate of the API server. This should be True in production,
        but can be set to False for testing purposes.

        ``follow_redirects``: Whether or not to follow redirects. Default value is False.

        ``httpx_args``: A dictionary of additional arguments to be passed to the ``httpx.Client`` and ``httpx.AsyncClient`` constructor.

    """

    raise_on_unexpected_status: bool = field(default=False, kw_only=True)
    """Whether or not to raise an errors.UnexpectedStatus if the API returns a status code that was not documented in the source OpenAPI document. Can also be provided as a keyword argument to the constructor."""
    _base_url: str = field(alias="base_url")
    _cookies: dict[str, str] = field(factory=dict, kw_only=True, alias="cookies")
    _headers: dict[str, str] = field(factory=dict, kw_only=True, alias="headers")
    _timeout: httpx.Timeout | None = field(default=None, kw_only=True, alias="timeout")
    _verify_ssl: str | bool | ssl.SSLContext = field(default=True, kw_only=True, alias="verify_ssl")
    _follow_redirects: bool = field(default=False, kw_only=True, alias="follow_redirects")
    _httpx_args: dict[str, Any] = field(factory=dict, kw_only=True, alias="httpx_args")
    _client: httpx.Client | None = field(default=None, init=False)
    _async_client: httpx.AsyncClient | None = field(default=None, init=False)

    token: str
    """The token to use for authentication"""
    prefix: str = "Bearer"
    """The prefix to use for the Authorization header"""
    auth_header_name: str = "Authorization"
    """The name of the Authorization header"""

    def with_headers(self, headers: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional headers"""
        if self._client is not None:
            self._client.headers.update(headers)
        if self._async_client is not None:
            self._async_client.headers.update(headers)
        return evolve(self, headers={**self._headers, **headers})

    def with_cookies(self, cookies: dict[str, str]) -> "AuthenticatedClient":
        """Get a new client matching this one with additional cookies"""
        if self._client is not None:
            self._client.cookies.update(cookies)
        if self._async_client is not None:
            self._async_client.cookies.update(cookies)
        return evolve(self, cookies={**self._cookies, **cookies})

    def with_timeout(self, timeout: httpx.Timeout) -> "AuthenticatedClient":
        """Get a new client matching this one with a new timeout configuration"""
        if self._client is not None:
            self._client.timeout = timeout
        if self._async_client is not None:
            self._async_client.timeout = timeout
        return evolve(self, timeout=timeout)

    def set_httpx_client(self, client: httpx.Client) -> Self:
        """Manually set the underlying httpx.Client

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._client = client
        return self

    def get_httpx_client(self) -> httpx.Client:
        """Get the underlying httpx.Client, constructing a new one if not previously set"""
        if self._client is None:
            self._headers[self.auth_header_name] = f"{self.prefix} {self.token}" if self.prefix else self.token
            self._client = httpx.Client(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._client

    def __enter__(self) -> Self:
        """Enter a context manager for self.client—you cannot enter twice (see httpx docs)"""
        self.get_httpx_client().__enter__()
        return self

    def __exit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for internal httpx.Client (see httpx docs)"""
        self.get_httpx_client().__exit__(*args, **kwargs)

    def set_async_httpx_client(self, async_client: httpx.AsyncClient) -> Self:
        """Manually set the underlying httpx.AsyncClient

        **NOTE**: This will override any other settings on the client, including cookies, headers, and timeout.
        """
        self._async_client = async_client
        return self

    def get_async_httpx_client(self) -> httpx.AsyncClient:
        """Get the underlying httpx.AsyncClient, constructing a new one if not previously set"""
        if self._async_client is None:
            self._headers[self.auth_header_name] = f"{self.prefix} {self.token}" if self.prefix else self.token
            self._async_client = httpx.AsyncClient(
                base_url=self._base_url,
                cookies=self._cookies,
                headers=self._headers,
                timeout=self._timeout,
                verify=self._verify_ssl,
                follow_redirects=self._follow_redirects,
                **self._httpx_args,
            )
        return self._async_client

    async def __aenter__(self) -> Self:
        """Enter a context manager for underlying httpx.AsyncClient—you cannot enter twice (see httpx docs)"""
        await self.get_async_httpx_client().__aenter__()
        return self

    async def __aexit__(self, *args: Any, **kwargs: Any) -> None:
        """Exit a context manager for underlying httpx.AsyncClient (see httpx docs)"""
        await self.get_async_httpx_client().__aexit__(*args, **kwargs)


# ---------------------------------------------------------------------------
# Plivo-specific additions (client_templates/client.py.jinja)
# ---------------------------------------------------------------------------

PLIVO_BASE_URL = "https://api.plivo.com/v1/Account/{auth_id}"
"""Plivo's production API; ``{auth_id}`` is replaced with the caller's Auth ID."""

SANDBOX_BASE_URL = "http://127.0.0.1:8000/v1/Account/{auth_id}"
"""The local Plivo sandbox of this project (``make serve``)."""

AUTH_ID_ENV = "PLIVO_AUTH_ID"
AUTH_TOKEN_ENV = "PLIVO_AUTH_TOKEN"


def _basic_credentials(auth_id: str, auth_token: str) -> str:
    """The ``user:password`` pair of HTTP Basic auth, base64-encoded."""
    return base64.b64encode(f"{auth_id}:{auth_token}".encode()).decode("ascii")


def _as_timeout(value: float | httpx.Timeout | None) -> httpx.Timeout | None:
    """A timeout in seconds or as ``httpx.Timeout`` (``None``: wait for ever)."""
    return httpx.Timeout(value) if isinstance(value, (int, float)) else value


@define(kw_only=True)
class _PlivoClientBase(AuthenticatedClient):
    """What ``PlivoClient`` and ``AsyncPlivoClient`` share: credentials, base URL, retries."""

    auth_id: str = field(default="")
    """The Auth ID (``MA`` + 18 characters, or ``SA`` + 18 for a subaccount)."""
    _auth_token: str = field(default="", repr=False, alias="auth_token")
    # Redefined from AuthenticatedClient: computed from auth_id and base_url
    # when not given (``evolve`` passes them back in), and the token is kept
    # out of repr() because it is the encoded credentials.
    _base_url: str = field(default=PLIVO_BASE_URL, alias="base_url")
    _timeout: httpx.Timeout | None = field(default=DEFAULT_TIMEOUT, alias="timeout", converter=_as_timeout)
    token: str = field(default="", repr=False)
    prefix: str = "Basic"
    raise_on_unexpected_status: bool = True
    max_retries: int = DEFAULT_MAX_RETRIES
    """How often a call is sent again when the retry policy allows (``retries.py``)."""
    retry_policy: RetryPolicy = field(factory=RetryPolicy)
    """When to retry, and how long to wait first."""
    webhooks: Webhooks = field(init=False, repr=False)
    """``parse`` and ``is_valid`` for the callbacks Plivo sends, checked with this client's Auth Token."""

    def __attrs_post_init__(self) -> None:
        """Fill the credentials from the environment and resolve ``base_url``."""
        self.auth_id = self.auth_id or os.environ.get(AUTH_ID_ENV, "")
        self._auth_token = self._auth_token or os.environ.get(AUTH_TOKEN_ENV, "")
        if not self.auth_id or not self._auth_token:
            raise ValueError(
                f"{type(self).__name__} needs auth_id and auth_token (or the {AUTH_ID_ENV} and {AUTH_TOKEN_ENV} environment variables)"
            )
        if self.max_retries < 0:
            raise ValueError(f"max_retries must be 0 or more, not {self.max_retries}")
        self._base_url = self._base_url.replace("{auth_id}", self.auth_id)
        self.token = _basic_credentials(self.auth_id, self._auth_token)
        self.webhooks = Webhooks(self._auth_token)

    @property
    def base_url(self) -> str:
        """The URL every path of the API is resolved under, with the Auth ID filled in."""
        return self._base_url

    def with_options(
        self,
        *,
        max_retries: int | None = None,
        timeout: float | httpx.Timeout | None = None,
    ) -> Self:
        """A copy of this client with other ``max_retries`` or ``timeout``; the connections are not shared."""
        changes: dict[str, Any] = {}
        if max_retries is not None:
            changes["max_retries"] = max_retries
        if timeout is not None:
            changes["timeout"] = timeout
        return evolve(self, **changes)

    @classmethod
    def from_env(cls, *, base_url: str = PLIVO_BASE_URL, **kwargs: Any) -> Self:
        """A client with the credentials of ``PLIVO_AUTH_ID`` and ``PLIVO_AUTH_TOKEN``.

        Raises ``ValueError`` when either variable is unset or empty.
        """
        return cls(base_url=base_url, **kwargs)

    def _call_options(self, timeout: float | httpx.Timeout | None, max_retries: int | None) -> tuple[Any, int]:
        """A call's timeout and retries: its own where given, else the client's."""
        return (
            httpx.USE_CLIENT_DEFAULT if timeout is None else timeout,
            self.max_retries if max_retries is None else max_retries,
        )


@define(kw_only=True)
class PlivoClient(_PlivoClientBase):
    """Plivo's API, made from an Auth ID and an Auth Token: ``client.<resource>.<method>(...)``.

    ``PlivoClient(auth_id="MA...", auth_token="...")`` is all it takes: the
    credentials go out as HTTP Basic auth on every request, and every path of
    the API is resolved under ``base_url``, which defaults to
    ``https://api.plivo.com/v1/Account/{auth_id}``. A ``{auth_id}`` in
    ``base_url`` is replaced with the Auth ID, so ``base_url=SANDBOX_BASE_URL``
    points the client at the local sandbox. ``auth_id`` and ``auth_token``
    default to the environment variables ``PLIVO_AUTH_ID`` and
    ``PLIVO_AUTH_TOKEN``, as in Plivo's own SDKs.

    Resources (one per tag of the spec):
    ``masking_sessions`` (``MaskingSessions``),
    ``verify_sessions`` (``VerifySessions``).
    Each call raises a ``PlivoApiError`` subclass for an error answer, and is
    retried as ``retries.py`` says, at most ``max_retries`` times (default 2).
    ``timeout`` defaults to 30 s per read or write and 5 s to connect.

    It is also an ``AuthenticatedClient``, so the functional modules under
    ``api/`` accept it as ``client=``; there a status the spec does not
    document raises ``errors.UnexpectedStatus``. Every keyword of
    ``AuthenticatedClient`` (``headers``, ``httpx_args``, ``verify_ssl``, ...)
    is accepted too.
    """

    masking_sessions: "MaskingSessions" = field(init=False, repr=False)
    verify_sessions: "VerifySessions" = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Resolve the credentials, then attach the resources."""
        super().__attrs_post_init__()
        from . import resources  # noqa: PLC0415 (resources import the api modules, which import this one)

        self.masking_sessions = resources.MaskingSessions(self)
        self.verify_sessions = resources.VerifySessions(self)

    def _send(
        self, request: dict[str, Any], timeout: float | httpx.Timeout | None, max_retries: int | None
    ) -> httpx.Response:
        """Send one call's request under the retry policy; raise its error."""
        call_timeout, retries = self._call_options(timeout, max_retries)
        return send(
            self.get_httpx_client(),
            request,
            policy=self.retry_policy,
            max_retries=retries,
            timeout=call_timeout,
        )

    def close(self) -> None:
        """Close the connections (``with PlivoClient(...) as client`` does it for you)."""
        self.get_httpx_client().close()


@define(kw_only=True)
class AsyncPlivoClient(_PlivoClientBase):
    """``PlivoClient`` for asyncio: the same resources and methods, awaited.

    ``async with AsyncPlivoClient(...) as client:``, then
    ``await client.masking_sessions.create(...)``, and ``async for`` over a
    list call.
    """

    masking_sessions: "AsyncMaskingSessions" = field(init=False, repr=False)
    verify_sessions: "AsyncVerifySessions" = field(init=False, repr=False)

    def __attrs_post_init__(self) -> None:
        """Resolve the credentials, then attach the resources."""
        super().__attrs_post_init__()
        from . import resources  # noqa: PLC0415 (resources import the api modules, which import this one)

        self.masking_sessions = resources.AsyncMaskingSessions(self)
        self.verify_sessions = resources.AsyncVerifySessions(self)

    async def _send(
        self, request: dict[str, Any], timeout: float | httpx.Timeout | None, max_retries: int | None
    ) -> httpx.Response:
        """Send one call's request under the retry policy; raise its error."""
        call_timeout, retries = self._call_options(timeout, max_retries)
        return await asend(
            self.get_async_httpx_client(),
            request,
            policy=self.retry_policy,
            max_retries=retries,
            timeout=call_timeout,
        )

    async def aclose(self) -> None:
        """Close the connections (``async with`` does it for you)."""
        await self.get_async_httpx_client().aclose()
