"""HTTP Basic authentication against the sandbox's configured accounts.

Plugged into connexion as the handler of the spec's ``basicAuth`` scheme, so
the spec decides which operations need credentials.
"""

from __future__ import annotations

from typing import Any

from connexion.security import BasicSecurityHandler

from plivo_sandbox.assembly import Sandbox

ACCOUNT_PATH_PREFIX = "/v1/Account/"


def _path_auth_id(path: str) -> str:
    """The ``{auth_id}`` segment of ``/v1/Account/{auth_id}/...`` ('' when absent)."""
    if not path.startswith(ACCOUNT_PATH_PREFIX):
        return ""
    return path[len(ACCOUNT_PATH_PREFIX) :].split("/", 1)[0]


def basic_auth_handler(sandbox: Sandbox) -> type[BasicSecurityHandler]:
    """A connexion security handler class that checks credentials with ``sandbox``."""

    def check(username: str, password: str, request: Any = None) -> dict[str, Any]:
        path = request.scope.get("path", "") if request is not None else ""
        account = sandbox.authenticate(_path_auth_id(path), username, password)
        # `sub` becomes the handlers' `user`; the account rides along in `token_info`.
        return {"sub": account.auth_id, "account": account}

    class PlivoBasicAuth(BasicSecurityHandler):  # type: ignore[misc]
        @classmethod
        def _get_function(cls, *args: Any, **kwargs: Any) -> Any:
            return check

    return PlivoBasicAuth
