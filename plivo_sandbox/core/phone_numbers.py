"""Phone numbers: E.164 digits, their region and their network (phonenumbers)."""

from __future__ import annotations

from functools import lru_cache

import phonenumbers
from phonenumbers import carrier

from plivo_sandbox.core.errors import BadRequest


def digits(number: str) -> str:
    """A phone number as Plivo stores it: E.164 digits without the ``+``."""
    return number.strip().removeprefix("+")


@lru_cache(maxsize=4096)
def known_region(number: str) -> str | None:
    """The region (ISO 3166 code) of ``number``, or None when phonenumbers knows none."""
    try:
        parsed = phonenumbers.parse("+" + digits(number), None)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed)
    if region is None and parsed.country_code is not None:
        # A number phonenumbers cannot place exactly (e.g. an unassigned +1
        # area code) still belongs to its country code's main region.
        region = phonenumbers.region_code_for_country_code(parsed.country_code)
    return None if region in (None, phonenumbers.UNKNOWN_REGION) else region


def region_of(number: str, argument: str) -> str:
    """The ISO region (``US``, ``IN``...) of ``number``; BadRequest naming ``argument``."""
    region = known_region(number)
    if region is None:
        raise BadRequest(
            f"{argument}: '{number}' has no country code that can be recognised"
            " (expected E.164, e.g. +14155552671)"
        )
    return region


@lru_cache(maxsize=4096)
def network_of(number: str) -> str:
    """The mobile network phonenumbers knows for ``number``, or ``""``."""
    try:
        parsed = phonenumbers.parse("+" + digits(number), None)
    except phonenumbers.NumberParseException:
        return ""
    return str(carrier.name_for_number(parsed, "en"))
