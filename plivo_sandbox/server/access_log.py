"""Access logs without personal data: phone numbers masked, tokens and OTPs never shown.

openapi.yaml marks personal data ``x-pii``; every query parameter whose
schema carries it is masked in the logged URL, and so is any other query
value shaped like an E.164 number. Parameters named like secrets (token,
password, otp) are masked too. uvicorn logs no request headers, so Basic
credentials and the control token never reach the log.
"""

from __future__ import annotations

import logging
import re
from functools import cache
from typing import Any
from urllib.parse import quote, unquote, unquote_plus

from plivo_sandbox.core.spec import ApiSpec

_E164 = re.compile(r"\+?[1-9][0-9]{6,14}")
# A whole path segment that is a number (in a path, "+" is itself, not a space).
_NUMBER_SEGMENT = re.compile(r"(?:^|(?<=/))\+?[1-9][0-9]{6,14}(?=/|$)")
_SECRET_NAME = re.compile(r"token|password|secret|otp", re.IGNORECASE)
MASK = "***"


@cache
def pii_parameters() -> frozenset[str]:
    """Names of the query parameters whose schema openapi.yaml marks ``x-pii``."""
    spec = ApiSpec()
    names = set()
    candidates: list[dict[str, Any]] = list(
        spec.document.get("components", {}).get("parameters", {}).values()
    )
    for item in spec.document["paths"].values():
        for operation in item.values():
            if isinstance(operation, dict):
                candidates += operation.get("parameters", [])
    for candidate in candidates:
        param = spec.resolve(candidate)
        schema = spec.resolve(param.get("schema", {}))
        if param.get("in") == "query" and (param.get("x-pii") or schema.get("x-pii")):
            names.add(param["name"])
    return frozenset(names)


def mask_phone(value: str) -> str:
    """``+14155550123`` as ``+14*******23``: enough to tell numbers apart in a log."""
    digits = value.lstrip("+")
    return value[: len(value) - len(digits)] + digits[:2] + "*" * (len(digits) - 4) + digits[-2:]


def redact_target(target: str, log_otps: bool = False) -> str:
    """A request target with phone numbers (in the path or query) and secret values masked."""
    path, mark, query = target.partition("?")
    # Path segments too: the control API reads the latest OTP by recipient number.
    if "%" not in path:  # nothing escaped: one pass of a regex over the whole path
        path = _NUMBER_SEGMENT.sub(lambda found: mask_phone(found.group()), path)
    else:
        path = "/".join(
            quote(mask_phone(unquote(segment)), safe="+*")
            if _E164.fullmatch(unquote(segment))
            else segment
            for segment in path.split("/")
        )
    if not mark:
        return path
    pii = pii_parameters()
    parts = []
    for pair in query.split("&"):
        name, equals, raw = pair.partition("=")
        plain_name = unquote_plus(name)
        value = unquote_plus(raw)
        if _SECRET_NAME.search(plain_name) and not (log_otps and plain_name.lower() == "otp"):
            raw = MASK
        elif plain_name in pii or _E164.fullmatch(value.strip()):
            raw = (
                quote(mask_phone(value.strip()), safe="+*")
                if _E164.fullmatch(value.strip())
                else MASK
            )
        parts.append(f"{name}{equals}{raw}")
    return f"{path}?{'&'.join(parts)}"


class AccessLogRedactor(logging.Filter):
    """A filter for ``uvicorn.access`` that rewrites the logged request target."""

    def __init__(self, log_otps: bool = False) -> None:
        super().__init__()
        self.log_otps = log_otps

    def filter(self, record: logging.LogRecord) -> bool:
        """Mask the target (uvicorn's third argument); always keep the record."""
        args = record.args
        if isinstance(args, tuple) and len(args) >= 3 and isinstance(args[2], str):
            record.args = (*args[:2], redact_target(args[2], self.log_otps), *args[3:])
        return True
