"""A client library for accessing Plivo Number Masking and Verify Session API"""

from . import webhooks
from .client import (
    PLIVO_BASE_URL,
    SANDBOX_BASE_URL,
    AsyncPlivoClient,
    AuthenticatedClient,
    Client,
    PlivoClient,
)
from .errors import (
    AuthenticationError,
    BadRequestError,
    ConflictError,
    InternalServerError,
    MethodNotAllowedError,
    NotFoundError,
    PlivoApiError,
    PlivoConnectionError,
    PlivoError,
    PlivoTimeoutError,
    RateLimitError,
    ServiceUnavailableError,
    UnexpectedStatus,
    unwrap,
)
from .pagination import AsyncPager, Page, SyncPager
from .retries import RetryPolicy

__all__ = [
    "PLIVO_BASE_URL",
    "SANDBOX_BASE_URL",
    "AsyncPager",
    "AsyncPlivoClient",
    "AuthenticatedClient",
    "Client",
    "Page",
    "PlivoClient",
    "RetryPolicy",
    "SyncPager",
    "webhooks",
    "PlivoApiError",
    "PlivoConnectionError",
    "PlivoError",
    "PlivoTimeoutError",
    "UnexpectedStatus",
    "unwrap",
    "BadRequestError",
    "AuthenticationError",
    "NotFoundError",
    "MethodNotAllowedError",
    "ConflictError",
    "RateLimitError",
    "InternalServerError",
    "ServiceUnavailableError",
]
