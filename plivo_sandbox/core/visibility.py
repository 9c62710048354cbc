"""Which account owns a new session and which sessions a caller may see.

A main account sees its own sessions and its subaccounts'; a subaccount only
its own. Anything else does not exist for the caller (404, never listed).
"""

from __future__ import annotations

from dataclasses import dataclass

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.store import Row


def subaccount_of(config: SandboxConfig, caller: Account, subaccount: str) -> Account:
    """The ``subaccount`` argument as an account the caller may act for, else BadRequest."""
    if caller.is_subaccount:
        if subaccount != caller.auth_id:
            raise BadRequest(
                f"subaccount: {subaccount} is not this account; a subaccount may only name itself"
            )
        return caller
    account = config.accounts.get(subaccount)
    if account is None or account.parent != caller.auth_id:
        raise BadRequest(f"subaccount: {subaccount} is not a subaccount of {caller.auth_id}")
    return account


def can_see(caller: Account, row: Row) -> bool:
    """Whether ``caller`` may read ``row``."""
    if caller.is_subaccount:
        return row.owner == caller.auth_id
    return row.root == caller.auth_id


@dataclass(frozen=True)
class Scope:
    """The owner/root condition of a list query."""

    root: str
    owner: str | None


def list_scope(config: SandboxConfig, caller: Account, subaccount: str | None) -> Scope:
    """What a list by ``caller`` covers, narrowed by its ``subaccount`` filter."""
    if subaccount is not None:
        return Scope(root=caller.root, owner=subaccount_of(config, caller, subaccount).auth_id)
    if caller.is_subaccount:
        return Scope(root=caller.root, owner=caller.auth_id)
    return Scope(root=caller.auth_id, owner=None)
