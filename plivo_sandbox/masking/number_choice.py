"""Which virtual number a new masking session gets, and why none is free when none is."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from plivo_sandbox.core.phone_numbers import known_region
from plivo_sandbox.core.store import NumberUse


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
        if _free(_use(uses, number)) and (region is None or known_region(number) == region)
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
    candidates = [n for n in pool if region is None or known_region(n) == region]
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
