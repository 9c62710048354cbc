"""Phone-number helpers and the choice of a masking session's virtual number."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from functools import lru_cache

import phonenumbers
from phonenumbers import carrier

from .errors import BadRequest
from .storage import NumberUse


def digits(number: str) -> str:
    """A phone number as Plivo stores it: E.164 digits without the ``+``."""
    return number.strip().removeprefix("+")


@lru_cache(maxsize=4096)
def _region(number: str) -> str | None:
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
    region = _region(number)
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


def choose_number(
    pool: Sequence[str], region: str | None, uses: Mapping[str, NumberUse]
) -> str | None:
    """Pick the virtual number for a new session, or None when none is free.

    ``region`` restricts the pool (geomatch); ``None`` allows every number.
    ``uses`` tells, per number, how stored sessions hold it for the new
    session's parties (``Transaction.holds``). A number may serve several
    active sessions, but never two that share a party (a call from that party
    would be ambiguous), and a number whose session ended less than that
    session's cool-off period ago is not given to another one. Among the free
    numbers the least recently allocated wins, then the lowest, so the choice
    is deterministic.
    """
    free = [
        number
        for number in pool
        if _free(_use(uses, number)) and (region is None or _region(number) == region)
    ]
    if not free:
        return None

    def recency(number: str) -> tuple[int, str]:
        latest = _use(uses, number).last_created_us
        return (-1 if latest is None else latest, number)

    return min(free, key=recency)


def _use(uses: Mapping[str, NumberUse], number: str) -> NumberUse:
    """What ``uses`` tells about ``number`` (a number it leaves out was never used)."""
    return uses.get(number) or NumberUse(number, last_created_us=None, cooling=False)


def _free(use: NumberUse) -> bool:
    """No active session on the number shares a party, and it does not cool off."""
    return not use.sharers and not use.cooling


def explain_shortage(pool: Sequence[str], region: str | None, uses: Mapping[str, NumberUse]) -> str:
    """Why ``choose_number`` found nothing, for the 409 message."""
    where = f" in {region}" if region else ""
    candidates = [n for n in pool if region is None or _region(n) == region]
    if not candidates:
        return f"the number pool has no virtual number{where}" + (
            " (geomatch is on: turn it off to use a number from another country)" if region else ""
        )
    shared = {number for number in candidates if _use(uses, number).sharers}
    cooling = {number for number in candidates if _use(uses, number).cooling}
    reasons = []
    if shared:
        reasons.append(f"{len(shared)} already serve an active session with one of these parties")
    if cooling - shared:
        reasons.append(f"{len(cooling - shared)} are in their cool-off period")
    return (
        f"all {len(candidates)} virtual number(s){where} are taken: "
        + " and ".join(reasons)
        + "; to free one, end a session that holds it (DELETE .../Masking/Session/<session_uuid>/)"
        " or empty the sandbox (POST /_sandbox/reset)"
    )
