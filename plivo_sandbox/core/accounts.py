"""Plivo accounts of the sandbox: credentials and pools of virtual numbers, and the demo pair."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Account:
    """A Plivo account of the sandbox: credentials and pool of virtual numbers."""

    auth_id: str
    auth_token: str
    parent: str | None = None  # the main account's auth_id, for a subaccount
    numbers: tuple[str, ...] = ()  # E.164 digits without '+'

    @property
    def is_subaccount(self) -> bool:
        """Whether this account is a subaccount of ``parent``."""
        return self.parent is not None

    @property
    def root(self) -> str:
        """The main account this account belongs to (itself for a main account)."""
        return self.parent if self.parent is not None else self.auth_id


DEMO_MAIN = Account(
    auth_id="MADEMO1234567890ABCD",
    auth_token="demo-auth-token",
    numbers=(
        "14155552671",  # US, San Francisco
        "12125550147",  # US, New York
        "442071838750",  # GB, London
        "912269947011",  # IN, Mumbai
        "918035001234",  # IN, Bengaluru
        "493012345678",  # DE, Berlin
        "61291234567",  # AU, Sydney
    ),
)
DEMO_SUB = Account(
    auth_id="SADEMO1234567890ABCD",
    auth_token="demo-subaccount-token",
    parent=DEMO_MAIN.auth_id,
    numbers=(
        "13105550188",  # US, Los Angeles
        "912240001234",  # IN, Mumbai
    ),
)


def demo_accounts() -> dict[str, Account]:
    """The demo main account and its subaccount."""
    return {DEMO_MAIN.auth_id: DEMO_MAIN, DEMO_SUB.auth_id: DEMO_SUB}
