"""Reading the settings: an optional TOML file, then environment overrides.

Without a file the demo configuration applies (see ``server/sandbox.example.toml``).
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from collections.abc import Mapping
from dataclasses import fields
from pathlib import Path
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit

from plivo_sandbox.core.accounts import Account, demo_accounts
from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.phone_numbers import digits, region_of
from plivo_sandbox.core.settings import (
    DEFAULT_CALLBACK_TIMEOUT,
    DEFAULT_DATA_DIR,
    DEFAULT_HOST,
    DEFAULT_LOCK_TIMEOUT,
    DEFAULT_MASKING_BILLING_INCREMENT,
    DEFAULT_MASKING_CALL_RATE,
    DEFAULT_OTP_TTL,
    DEFAULT_PORT,
    DEFAULT_READ_TIMEOUT,
    MAX_OTP_TTL,
    MEMORY,
    PLIVO_VERIFY_LIST_RATE,
    PLIVO_VERIFY_LIST_WINDOW,
    SandboxConfig,
    _default_charges,
)
from plivo_sandbox.core.spec import ApiSpec, schema_regex

# the subaccount's shape comes from its SubaccountAuthId schema.
_MAIN_AUTH_ID = re.compile(r"^MA[A-Z0-9]{18}$")
_DECIMAL = re.compile(r"^[0-9]+(\.[0-9]+)?$")


_HOST_NAME = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


class ConfigError(ValueError):
    """The configuration file or environment holds something unusable."""


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
