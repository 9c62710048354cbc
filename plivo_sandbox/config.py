"""The sandbox's configuration: accounts, their number pools, server and Verify settings.

``load_config`` reads an optional TOML file, then environment overrides.
Without a file the demo configuration applies (see ``sandbox.example.toml``).
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from .errors import BadRequest
from .numbers import digits, region_of
from .spec import ApiSpec, schema_regex
from .storage import BUSY_TIMEOUT_SECONDS

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
DEFAULT_LOCK_TIMEOUT = BUSY_TIMEOUT_SECONDS

# The spec states the main account's Auth ID shape only in prose (`MA` + 18);
# the subaccount's shape comes from its SubaccountAuthId schema.
_MAIN_AUTH_ID = re.compile(r"^MA[A-Z0-9]{18}$")
_DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only this machine: ``localhost``, 127.0.0.0/8 or ::1 (no DNS asked)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


_HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


class ConfigError(ValueError):
    """The configuration file or environment holds something unusable."""


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
    # Robustness and exposure (see the README's "Guarantees").
    read_timeout: float = DEFAULT_READ_TIMEOUT
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT
    control_token: str = ""  # required by the control API when set ("" = none)
    # The URL clients reach the sandbox at, for the links it hands out (RecordingURL...)
    # and the names its control API and /docs answer to ("" = the address it listens on).
    public_url: str = ""
    docs_accounts: bool = False  # /docs shows and pre-authorizes non-demo accounts
    trusted_proxies: str = ""  # addresses whose X-Forwarded-* headers count ("" = none)
    log_otps: bool = False  # log each OTP sent, for your own debugging


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


# A config file's keys are the fields of the dataclasses it fills.
_TOP_KEYS = {f.name for f in fields(SandboxConfig)}
_ACCOUNT_KEYS = {f.name for f in fields(Account)}


def _int(where: str, value: Any, minimum: int, maximum: int | None = None) -> int:
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        value = int(value.strip())
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(f"{where}: expected a whole number, got {value!r}")
    if value < minimum or (maximum is not None and value > maximum):
        span = f"between {minimum} and {maximum}" if maximum is not None else f">= {minimum}"
        raise ConfigError(f"{where}: {value} must be {span}")
    return value


def _seconds(where: str, value: Any) -> float:
    """A positive, finite number of seconds."""
    try:
        number = float(value) if isinstance(value, str | int | float) else float("nan")
    except ValueError:
        number = float("nan")
    if isinstance(value, bool) or not 0 < number < 86400:
        raise ConfigError(f"{where}: expected seconds between 0 and 86400, got {value!r}")
    return number


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def _bool(where: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
        return value.strip().lower() in _TRUE
    raise ConfigError(f"{where}: expected true or false, got {value!r}")


def _str(where: str, value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ConfigError(f"{where}: expected a non-empty string, got {value!r}")
    return value


def _hosts(where: str, value: Any) -> tuple[str, ...]:
    """Host names or IP addresses (``"*"``: any host), from a TOML list or a comma list."""
    if isinstance(value, str):
        value = [part.strip() for part in value.split(",") if part.strip()]
    if not isinstance(value, list):
        raise ConfigError(f'{where}: expected a list of host names, like ["hooks.example.com"]')
    hosts: list[str] = []
    for index, item in enumerate(value):
        host = _str(f"{where}[{index}]", item).strip().lower().removeprefix("[").removesuffix("]")
        if host != "*" and not _HOST_NAME.match(host):
            try:
                ipaddress.ip_address(host)
            except ValueError:
                raise ConfigError(
                    f"{where}[{index}]: {item!r} is not a host name or IP address"
                    ' (no scheme, port or path; "*" allows any host)'
                ) from None
        hosts.append(host)
    return tuple(dict.fromkeys(hosts))


def _amount(where: str, value: Any) -> str:
    """A decimal amount of USD such as ``"0.03300"`` (a TOML number is accepted too)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not _DECIMAL.match(value):
        raise ConfigError(f'{where}: {value!r} is not a decimal amount like "0.03300"')
    return value


def _public_url(where: str, value: Any) -> str:
    """``http(s)://host[:port][/prefix]``, without a trailing slash ("" = none)."""
    text = _optional_str(where, value).rstrip("/")
    if not text:
        return ""
    try:
        parts = urlsplit(text)
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError as exc:
        raise ConfigError(f"{where}: {value!r} is not a URL ({exc})") from None
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or "@" in parts.netloc
        or parts.query
        or parts.fragment
    ):
        raise ConfigError(
            f"{where}: {value!r} must be like http://sandbox.internal:8000 (http or https, a"
            " host, an optional port and path; no user, query or fragment)"
        )
    return text


def public_base(
    config: SandboxConfig, server: tuple[str, int] | None = None, scheme: str = "http"
) -> str:
    """Where the sandbox serves its own resources, such as a recording's ``RecordingURL``.

    The configured ``public_url``; else the address a request's connection
    reached (``server``, the listening socket's, never the client's ``Host``
    header); else the configured host and port (a wildcard host: 127.0.0.1).
    """
    if config.public_url:
        return config.public_url
    host, port = server if server is not None else (config.host, config.port)
    if host in ("0.0.0.0", "::", ""):
        host = "127.0.0.1"
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}.get(scheme)
    return f"{scheme}://{host}" + ("" if port == default else f":{port}")


def allowed_host_names(config: SandboxConfig) -> frozenset[str]:
    """Host names the control API and /docs answer besides the address a request reached.

    ``localhost`` (and ``*.localhost``, which RFC 6761 keeps on loopback), any
    loopback address, the configured host and the ``public_url``'s host. Never
    a name looked up in DNS: DNS rebinding makes an attacker's name resolve
    to 127.0.0.1.
    """
    names = {"localhost", config.host.lower().strip("[]")}
    if config.public_url:
        names.add((urlsplit(config.public_url).hostname or "").lower())
    return frozenset(names - {"", "0.0.0.0", "::"})


def _optional_str(where: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"{where}: expected a string, got {value!r}")
    return value.strip()


# Environment variables of the settings above: name, SandboxConfig field, parser.
_ENV_SETTINGS: tuple[tuple[str, str, Any], ...] = (
    ("PLIVO_SANDBOX_READ_TIMEOUT", "read_timeout", _seconds),
    ("PLIVO_SANDBOX_LOCK_TIMEOUT", "lock_timeout", _seconds),
    ("PLIVO_SANDBOX_CONTROL_TOKEN", "control_token", _optional_str),
    ("PLIVO_SANDBOX_PUBLIC_URL", "public_url", _public_url),
    ("PLIVO_SANDBOX_DOCS_ACCOUNTS", "docs_accounts", _bool),
    ("PLIVO_SANDBOX_TRUSTED_PROXIES", "trusted_proxies", _optional_str),
    ("PLIVO_SANDBOX_LOG_OTPS", "log_otps", _bool),
    ("PLIVO_SANDBOX_CALLBACK_HOSTS", "callback_allowed_hosts", _hosts),
    ("PLIVO_SANDBOX_CALLBACK_TIMEOUT", "callback_timeout", _seconds),
    ("PLIVO_SANDBOX_VERIFY_RATE_WINDOW", "verify_list_rate_window", _seconds),
)


def _data_dir(value: str) -> Path | None:
    return None if value == MEMORY else Path(value)


def _account(where: str, raw: Any, sub_pattern: re.Pattern[str]) -> Account:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: expected a table with auth_id, auth_token, numbers")
    unknown = set(raw) - _ACCOUNT_KEYS
    if unknown:
        raise ConfigError(
            f"{where}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_ACCOUNT_KEYS)}"
        )
    auth_id = _str(f"{where}.auth_id", raw.get("auth_id"))
    parent = raw.get("parent")
    if parent is None and not _MAIN_AUTH_ID.fullmatch(auth_id):
        raise ConfigError(
            f"{where}.auth_id: {auth_id!r} is not a main account Auth ID (MA + 18 of A-Z, 0-9)"
            " (a subaccount needs 'parent')"
        )
    if parent is not None:
        parent = _str(f"{where}.parent", parent)
        if not sub_pattern.search(auth_id):
            raise ConfigError(
                f"{where}.auth_id: {auth_id!r} has a parent, so it must be a subaccount"
                f" Auth ID matching {sub_pattern.pattern}"
            )
    numbers_raw = raw.get("numbers", [])
    if not isinstance(numbers_raw, list):
        raise ConfigError(f"{where}.numbers: expected a list of E.164 numbers")
    numbers: list[str] = []
    for index, number in enumerate(numbers_raw):
        label = f"{where}.numbers[{index}]"
        text = digits(_str(label, number))
        if not text.isascii() or not text.isdigit():
            raise ConfigError(f"{label}: {number!r} is not an E.164 number")
        try:
            region_of(text, label)
        except BadRequest as exc:  # an API error type; say it as a config error
            raise ConfigError(str(exc)) from None
        if text in numbers:
            raise ConfigError(f"{label}: {number!r} is listed twice")
        numbers.append(text)
    return Account(
        auth_id=auth_id,
        auth_token=_str(f"{where}.auth_token", raw.get("auth_token")),
        parent=parent,
        numbers=tuple(numbers),
    )


def _accounts(raw: Any, source: str) -> dict[str, Account]:
    if not isinstance(raw, list) or not raw:
        raise ConfigError(
            f"{source}: 'accounts' must be a non-empty array of tables ([[accounts]])"
        )
    sub_pattern = schema_regex(ApiSpec().schema("SubaccountAuthId")["pattern"])
    accounts: dict[str, Account] = {}
    owner_of: dict[str, str] = {}
    for index, item in enumerate(raw):
        account = _account(f"{source}: accounts[{index}]", item, sub_pattern)
        if account.auth_id in accounts:
            raise ConfigError(f"{source}: account {account.auth_id} is configured twice")
        for number in account.numbers:
            if number in owner_of:
                raise ConfigError(
                    f"{source}: number {number} belongs to both {owner_of[number]}"
                    f" and {account.auth_id}; a number has one owner"
                )
            owner_of[number] = account.auth_id
        accounts[account.auth_id] = account
    for account in accounts.values():
        if account.parent is None:
            continue
        parent = accounts.get(account.parent)
        if parent is None or parent.is_subaccount:
            raise ConfigError(
                f"{source}: subaccount {account.auth_id} names parent {account.parent!r},"
                " which is not a configured main account"
            )
    return accounts


def _charges(raw: Any, source: str) -> Mapping[str, str]:
    channels = ApiSpec().schema("VerifyChannel")["enum"]
    if not isinstance(raw, dict):
        raise ConfigError(f"{source}: 'verify_charges' must be a table of channel = \"0.08000\"")
    charges = dict(_default_charges())
    for channel, amount in raw.items():
        if channel not in channels:
            raise ConfigError(
                f"{source}: verify_charges.{channel}: unknown channel; use {channels}"
            )
        if isinstance(amount, int | float) and not isinstance(amount, bool):
            amount = str(amount)
        if not isinstance(amount, str) or not _DECIMAL.fullmatch(amount):
            raise ConfigError(
                f"{source}: verify_charges.{channel}: {amount!r} is not a decimal amount"
                ' like "0.08000"'
            )
        charges[channel] = amount
    return MappingProxyType(charges)


def _read_file(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"config file {path} does not exist") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"config file {path} is not valid TOML: {exc}") from None


def load_config(path: Path | None = None, env: Mapping[str, str] = os.environ) -> SandboxConfig:
    """Build the configuration from an optional TOML file and environment overrides.

    The file comes from ``path`` or ``$PLIVO_SANDBOX_CONFIG``; without one the
    demo accounts apply. ``PORT``, ``HOST``, ``PLIVO_SANDBOX_DATA`` (a
    directory or ``:memory:``), ``PLIVO_SANDBOX_OTP_TTL``,
    ``PLIVO_SANDBOX_VERIFY_RATE_LIMIT``, ``PLIVO_SANDBOX_VERIFY_RATE_WINDOW``,
    ``PLIVO_SANDBOX_CALLBACK_HOSTS`` (comma
    separated), ``PLIVO_SANDBOX_CALLBACK_TIMEOUT`` and ``PLIVO_SANDBOX_LOG_OTPS``
    override the file. Raises ConfigError with a message naming the offending key.
    """
    if path is None and env.get("PLIVO_SANDBOX_CONFIG"):
        path = Path(env["PLIVO_SANDBOX_CONFIG"])
    raw: dict[str, Any] = _read_file(path) if path is not None else {}
    source = str(path) if path is not None else "configuration"
    unknown = set(raw) - _TOP_KEYS
    if unknown:
        raise ConfigError(
            f"{source}: unknown key(s) {sorted(unknown)}; allowed: {sorted(_TOP_KEYS)}"
        )

    accounts = _accounts(raw["accounts"], source) if "accounts" in raw else demo_accounts()
    host = _str(f"{source}: host", raw.get("host", DEFAULT_HOST))
    port = _int(f"{source}: port", raw.get("port", DEFAULT_PORT), 1, 65535)
    data_dir = _data_dir(_str(f"{source}: data_dir", raw.get("data_dir", str(DEFAULT_DATA_DIR))))
    ttl = _int(
        f"{source}: verify_code_ttl", raw.get("verify_code_ttl", DEFAULT_OTP_TTL), 1, MAX_OTP_TTL
    )
    rate = _int(
        f"{source}: verify_list_rate_limit",
        raw.get("verify_list_rate_limit", PLIVO_VERIFY_LIST_RATE),
        0,
    )
    charges = _charges(raw.get("verify_charges", {}), source)
    settings: dict[str, Any] = {
        "read_timeout": _seconds(
            f"{source}: read_timeout",
            raw.get("read_timeout", DEFAULT_READ_TIMEOUT),
        ),
        "lock_timeout": _seconds(
            f"{source}: lock_timeout", raw.get("lock_timeout", DEFAULT_LOCK_TIMEOUT)
        ),
        "control_token": _optional_str(f"{source}: control_token", raw.get("control_token", "")),
        "public_url": _public_url(f"{source}: public_url", raw.get("public_url", "")),
        "docs_accounts": _bool(f"{source}: docs_accounts", raw.get("docs_accounts", False)),
        "trusted_proxies": _optional_str(
            f"{source}: trusted_proxies", raw.get("trusted_proxies", "")
        ),
        "log_otps": _bool(f"{source}: log_otps", raw.get("log_otps", False)),
        "masking_call_rate": _amount(
            f"{source}: masking_call_rate",
            raw.get("masking_call_rate", DEFAULT_MASKING_CALL_RATE),
        ),
        "masking_billing_increment": _int(
            f"{source}: masking_billing_increment",
            raw.get("masking_billing_increment", DEFAULT_MASKING_BILLING_INCREMENT),
            1,
            3600,
        ),
        "callback_allowed_hosts": _hosts(
            f"{source}: callback_allowed_hosts", raw.get("callback_allowed_hosts", [])
        ),
        "callback_timeout": _seconds(
            f"{source}: callback_timeout", raw.get("callback_timeout", DEFAULT_CALLBACK_TIMEOUT)
        ),
        "verify_list_rate_window": _seconds(
            f"{source}: verify_list_rate_window",
            raw.get("verify_list_rate_window", PLIVO_VERIFY_LIST_WINDOW),
        ),
    }

    if env.get("HOST"):
        host = env["HOST"]
    if env.get("PORT"):
        port = _int("environment PORT", env["PORT"], 1, 65535)
    if env.get("PLIVO_SANDBOX_DATA"):
        data_dir = _data_dir(env["PLIVO_SANDBOX_DATA"])
    if env.get("PLIVO_SANDBOX_OTP_TTL"):
        ttl = _int(
            "environment PLIVO_SANDBOX_OTP_TTL", env["PLIVO_SANDBOX_OTP_TTL"], 1, MAX_OTP_TTL
        )
    for name, key, parse in _ENV_SETTINGS:
        if env.get(name) is not None and (env[name] or parse is _optional_str):
            settings[key] = parse(f"environment {name}", env[name])
    if env.get("PLIVO_SANDBOX_VERIFY_RATE_LIMIT"):
        rate = _int(
            "environment PLIVO_SANDBOX_VERIFY_RATE_LIMIT", env["PLIVO_SANDBOX_VERIFY_RATE_LIMIT"], 0
        )

    return SandboxConfig(
        accounts=MappingProxyType(accounts),
        host=host,
        port=port,
        data_dir=data_dir,
        verify_code_ttl=ttl,
        verify_list_rate_limit=rate,
        verify_charges=charges,
        **settings,
    )
