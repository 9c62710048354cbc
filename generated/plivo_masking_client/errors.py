"""Contains shared errors types that can be raised from API functions"""

from http import HTTPStatus
from typing import TypeVar

from .models.error import Error
from .types import Response

T = TypeVar("T")


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class PlivoApiError(Exception):
    """Plivo answered with one of its documented error statuses and an ``Error`` body.

    Raised by ``unwrap``. ``status_code`` is the HTTP status, ``error`` the parsed
    body (``error.error`` is Plivo's text, ``error.api_id`` identifies the request).
    """

    def __init__(self, status_code: HTTPStatus, error: Error):
        self.status_code = status_code
        self.error = error
        super().__init__(f"{int(status_code)} {status_code.phrase}: {error.error} (api_id {error.api_id})")


def unwrap(response: Response[T | Error]) -> T:
    """Return the successful body of a ``*_detailed`` call, or raise.

    ``sync()``/``asyncio()`` return ``Error`` for a documented error status;
    this turns that into a ``PlivoApiError`` carrying the status code, so the
    happy path reads straight through::

        session = unwrap(get_masking_session.sync_detailed(uuid, client=client))

    Raises ``UnexpectedStatus`` when nothing could be parsed (a status the spec
    does not document, with ``raise_on_unexpected_status`` off).
    """
    parsed = response.parsed
    if isinstance(parsed, Error):
        raise PlivoApiError(response.status_code, parsed)
    if parsed is None:
        raise UnexpectedStatus(response.status_code, response.content)
    return parsed


__all__ = ["PlivoApiError", "UnexpectedStatus", "unwrap"]
