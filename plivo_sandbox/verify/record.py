"""A stored Verify session (``VerifyRecord``): its fields, its row, and how Plivo shows it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from plivo_sandbox.core.filters import Range
from plivo_sandbox.core.store import (
    Attribute,
    Kind,
    Row,
    StoredRecord,
)
from plivo_sandbox.core.times import check_showable, verify_time

KIND: Kind = "verify"
VALIDATION_CHARGE = "0.0000"  # validating a code is free


def default_app_uuid(auth_id: str) -> str:
    """The stable uuid of an account's default Verify application."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"plivo-sandbox:verify-default-app:{auth_id}"))


def _amount(value: Decimal) -> str:
    """A decimal amount as Plivo writes totals: no exponent, no trailing zeros."""
    return format(value.normalize(), "f")


@dataclass
class VerifyRecord(StoredRecord):
    """A stored Verify session."""

    session_uuid: str
    owner: str
    root: str
    app_uuid: str
    alias: str
    recipient: str
    channel: str
    otp: str
    created_us: int
    updated_us: int
    expiry_us: int
    requestor_ip: str
    country: str
    network: str
    locale: str
    brand_name: str = ""
    app_hash: str = ""
    url: str = ""
    method: str = ""
    dtmf: int | None = None
    fraud_check: str = ""
    verified: bool = False
    failed_validations: int = 0
    # {attempt_uuid, channel, status, time_us, charge, channel_status[, error_code]}
    attempts: list[dict[str, Any]] = field(default_factory=list)
    expiry_reported: bool = False  # the expired status callback went out

    def to_row(self) -> Row:
        """The record as a store row, with its indexed columns."""
        check_showable("verify_code_ttl", self.expiry_us)  # only readable rows are stored
        return Row(
            kind=KIND,
            uuid=self.session_uuid,
            owner=self.owner,
            root=self.root,
            created_us=self.created_us,
            expiry_us=self.expiry_us,
            release_us=self.expiry_us,
            number=self.recipient,
            data=self.to_data(),
            attributes={
                "app_uuid": self.app_uuid,
                "brand_name": self.brand_name,
                "app_hash": self.app_hash,
                "country": self.country,
                "alias": self.alias,
                "verified": int(self.verified),
            },
        )

    def status(self, now_us: int) -> str:
        """``verified`` once validated, else ``expired`` after the code's lifetime."""
        if self.verified:
            return "verified"
        return "in-progress" if now_us < self.expiry_us else "expired"

    @staticmethod
    def status_condition(status: str, now_us: int) -> tuple[dict[Attribute, str | int], Range]:
        """What the sessions in ``status`` at ``now_us`` have: attribute values, expiry times."""
        if status == "verified":
            return {"verified": 1}, Range()
        if status == "in-progress":
            return {"verified": 0}, Range(lower=now_us, lower_inclusive=False)
        if status == "expired":
            return {"verified": 0}, Range(upper=now_us)
        raise ValueError(f"unknown verify status {status!r}")

    def render(self, now_us: int) -> dict[str, Any]:
        """The VerifySession object (flat, without ``api_id``)."""
        charges = [Decimal(attempt["charge"]) for attempt in self.attempts]
        return {
            "session_uuid": self.session_uuid,
            "app_uuid": self.app_uuid,
            "alias": self.alias,
            "recipient": self.recipient,
            "channel": self.channel,
            "status": self.status(now_us),
            "count": len(self.attempts),
            "requestor_ip": self.requestor_ip,
            "destination_country_iso2": self.country,
            "destination_network": self.network,
            "attempt_details": [
                {
                    "channel": attempt["channel"],
                    "attempt_uuid": attempt["attempt_uuid"],
                    "status": attempt["status"],
                    "time": verify_time(attempt["time_us"]),
                }
                for attempt in self.attempts
            ],
            "charges": {
                "total_charge": _amount(sum(charges, Decimal(0))),
                "validation_charge": VALIDATION_CHARGE,
                "attempt_charges": [
                    {
                        "attempt_uuid": attempt["attempt_uuid"],
                        "channel": attempt["channel"],
                        "charge": attempt["charge"],
                    }
                    for attempt in self.attempts
                ],
            },
            "created_at": verify_time(self.created_us),
            "updated_at": verify_time(self.updated_us),
        }
