"""The sandbox's settings (``SandboxConfig``) and their defaults.

``config_file.load_config`` fills them from a TOML file and the environment.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType

from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.spec import ApiSpec

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_DATA_DIR = Path("data")
# The sandbox's own choice: how long an OTP stays valid (Plivo's is per application).
DEFAULT_OTP_TTL = 600
# The sandbox's own choice of masking call charges (Plivo bills per leg and per
# country): USD a minute per call leg, billed in whole increments of seconds.
DEFAULT_MASKING_CALL_RATE = "0.03300"
DEFAULT_MASKING_BILLING_INCREMENT = 60
# The sandbox's own choice: seconds a callback receiver has to answer.
DEFAULT_CALLBACK_TIMEOUT = 5.0
MAX_OTP_TTL = 10 * 365 * 86400  # ten years: every OTP expiry stays a showable time
# Plivo's rate limit of the Verify list, as openapi.yaml documents it.
_VERIFY_LIST_RATE = ApiSpec().operation("/Verify/Session", "get")["x-plivo-rate-limit"]
PLIVO_VERIFY_LIST_RATE: int = _VERIFY_LIST_RATE["requests"]
PLIVO_VERIFY_LIST_WINDOW: float = float(_VERIFY_LIST_RATE["per-seconds"])
MEMORY = ":memory:"
# Seconds a client may take to send a request head, and then its body (408).
DEFAULT_READ_TIMEOUT = 10.0
# Seconds a write waits for the database lock before a retryable 503.
DEFAULT_LOCK_TIMEOUT = 2.0


# The spec states the main account's Auth ID shape only in prose (`MA` + 18);
def _default_charges() -> Mapping[str, str]:
    return MappingProxyType({"sms": "0.08000", "voice": "0.03300"})


@dataclass(frozen=True)
class SandboxConfig:
    """Everything the sandbox needs to run."""

    accounts: Mapping[str, Account]  # by auth_id
    host: str = DEFAULT_HOST
    port: int = DEFAULT_PORT
    data_dir: Path | None = None  # None = in-memory SQLite (tests)
    verify_code_ttl: int = DEFAULT_OTP_TTL  # seconds an OTP stays valid
    # Verify list requests a minute per account (Plivo's limit by default); 0 = none
    verify_list_rate_limit: int = PLIVO_VERIFY_LIST_RATE
    # ...counted over this many seconds (Plivo's minute by default; shorter for retry tests)
    verify_list_rate_window: float = PLIVO_VERIFY_LIST_WINDOW
    verify_charges: Mapping[str, str] = field(default_factory=_default_charges)
    masking_call_rate: str = DEFAULT_MASKING_CALL_RATE  # USD a minute per masking call leg
    masking_billing_increment: int = DEFAULT_MASKING_BILLING_INCREMENT  # seconds
    # Hosts callbacks may go to besides loopback (127.0.0.0/8, ::1, localhost); "*": any.
    callback_allowed_hosts: tuple[str, ...] = ()
    callback_timeout: float = DEFAULT_CALLBACK_TIMEOUT  # seconds a receiver has to answer
    # Robustness and exposure (see docs/guarantees.md).
    read_timeout: float = DEFAULT_READ_TIMEOUT
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    control_token: str = ""  # required by the control API when set ("" = none)
    # The URL clients reach the sandbox at, for the links it hands out (RecordingURL...)
    # and the names its control API and /docs answer to ("" = the address it listens on).
    public_url: str = ""
    docs_accounts: bool = False  # /docs shows and pre-authorizes non-demo accounts
    trusted_proxies: str = ""  # addresses whose X-Forwarded-* headers count ("" = none)
    log_otps: bool = False  # log each OTP sent, for your own debugging
