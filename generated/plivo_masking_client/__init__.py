"""A client library for accessing Plivo Number Masking and Verify Session API"""

from . import webhooks
from .client import PLIVO_BASE_URL, SANDBOX_BASE_URL, AuthenticatedClient, Client, PlivoClient
from .errors import PlivoApiError, UnexpectedStatus, unwrap

__all__ = (
    "PLIVO_BASE_URL",
    "SANDBOX_BASE_URL",
    "AuthenticatedClient",
    "Client",
    "PlivoApiError",
    "PlivoClient",
    "UnexpectedStatus",
    "unwrap",
    "webhooks",
)
