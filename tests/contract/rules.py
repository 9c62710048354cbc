"""Plivo's rules that openapi.yaml states in prose, applied to *positive* requests.

JSON Schema cannot say "both parties unless `create_session_with_single_party`"
or "a `created_time` window of at most 30 days", so the spec says it in the
operation descriptions and the API answers 400 when a request breaks it.
A request that breaks a documented rule is not valid data, so the contract
tests keep schemathesis's *positive* requests inside these rules (and only
those: negative requests are never touched). Each function here takes what
the generator drew and changes the least it can to obey the rule, keeping
every other drawn value.

Pure functions over plain dicts: ``hooks.py`` applies them.
"""

from __future__ import annotations

import json
import re
import zlib
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.filters import COMPARISONS, parse_filter_time
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.core.times import from_micros

# Values filled in when a rule needs an argument the generator left out. Parties
# are +1 415 555 xxxx, the last digits taken from the rest of the body, so that
# two sessions rarely share a party (a number never serves two active sessions
# with a common party: such creates get a 409 once the pool is used up).
PARTY_PREFIX = "+1415555"
FIRST_PIN = "1234"
SECOND_PIN = "4321"
PIN_PROMPT_PLAY = "https://play.s3.eu-north-1.amazonaws.com/pin_prompt.wav"
INCORRECT_PIN_PLAY = "https://play.s3.eu-north-1.amazonaws.com/incorrect_pin.wav"

PARTIES = ("first_party", "second_party")
PINS = ("first_party_pin", "second_party_pin")

# list_masking_sessions: "a window given with created_time or expiry_time
# filters may span at most 30 days (400 beyond)"; without a lower bound the
# window starts 7 days before the upper one, without an upper bound it ends now.
# The spec's x-plivo-search-window gives both spans in seconds.
MASKING_WINDOW_FIELDS = ("created_time", "expiry_time")
_MASKING_WINDOW = ApiSpec().operation("/Masking/Session", "get")["x-plivo-search-window"]
MAX_WINDOW = timedelta(seconds=_MASKING_WINDOW["max"])
DEFAULT_WINDOW = timedelta(seconds=_MASKING_WINDOW["default"])
SAFE_WINDOW = MAX_WINDOW - timedelta(days=1)  # well inside the limit
FILTER_TIME_FORMAT = "%Y-%m-%d %H:%M:%S"


def digits(number: object) -> str:
    """A phone number or PIN as the digits Plivo compares (``+`` and type dropped)."""
    return str(number).removeprefix("+")


def other_digits(value: str) -> str:
    """``value`` with its last digit changed: the same shape, a different number."""
    return value[:-1] + str((int(value[-1]) + 1) % 10)


def fallback_party(body: Mapping[str, Any], index: int) -> str:
    """A US number for a party the generator left out, different for different bodies."""
    drawn = json.dumps(body, sort_keys=True, default=str).encode()
    return f"{PARTY_PREFIX}{(zlib.crc32(drawn) + index) % 10_000:04d}"


def _with_known_subaccount(arguments: dict[str, Any], subaccounts: Sequence[str]) -> None:
    """``subaccount`` must name one of the caller's subaccounts (400 otherwise).

    A drawn Auth ID is kept when it is one; otherwise one of ``subaccounts``
    takes its place (chosen by the drawn value, so the draw still matters), or
    the argument is left out when the caller has none to name.
    """
    if "subaccount" not in arguments or arguments["subaccount"] in subaccounts:
        return
    if subaccounts:
        drawn = str(arguments["subaccount"])
        arguments["subaccount"] = subaccounts[sum(map(ord, drawn)) % len(subaccounts)]
    else:
        del arguments["subaccount"]


def masking_create_body(body: Mapping[str, Any], subaccounts: Sequence[str]) -> dict[str, Any]:
    """A create_masking_session body within the rules its description states."""
    result = dict(body)
    # Both parties, unless create_session_with_single_party: then one is enough.
    if result.get("create_session_with_single_party"):
        if not any(name in result for name in PARTIES):
            result["first_party"] = fallback_party(body, 0)
    else:
        for index, name in enumerate(PARTIES):
            result.setdefault(name, fallback_party(body, index))
    # Two parties are two different numbers.
    if all(name in result for name in PARTIES) and digits(result["first_party"]) == digits(
        result["second_party"]
    ):
        result["second_party"] = other_digits(str(result["second_party"]))
    # PIN authentication needs both prompts, and both PINs unless Plivo generates them.
    if result.get("is_pin_authentication_required"):
        result.setdefault("pin_prompt_play", PIN_PROMPT_PLAY)
        result.setdefault("incorrect_pin_play", INCORRECT_PIN_PLAY)
        if not result.get("generate_pin"):
            result.setdefault("first_party_pin", FIRST_PIN)
            result.setdefault("second_party_pin", SECOND_PIN)
            # The two PINs differ (1234 and "1234" are the same PIN).
            if digits(result["first_party_pin"]) == digits(result["second_party_pin"]):
                result["second_party_pin"] = other_digits(digits(result["second_party_pin"]))
    _with_known_subaccount(result, subaccounts)
    return result


def masking_update_body(body: Mapping[str, Any], parties: tuple[str, str] | None) -> dict[str, Any]:
    """An update_masking_session body within the rules its description states.

    ``parties`` are the session's current (first, second) parties when it was
    created with ``create_session_with_single_party``, else None: only such a
    session takes ``first_party`` / ``second_party`` (400 on any other), and
    its two parties must stay two different numbers.
    """
    result = dict(body)
    if parties is None:
        for name in PARTIES:
            result.pop(name, None)
        return result
    first = digits(result.get("first_party", parties[0]))
    second = digits(result.get("second_party", parties[1]))
    if first and first == second:
        name = "second_party" if "second_party" in result else "first_party"
        result[name] = other_digits(str(result[name]))
    return result


def _parse_filter_time(value: object) -> datetime | None:
    """The time a filter value names, or None when it is not one (the server judges it)."""
    try:
        return from_micros(parse_filter_time("", value))
    except BadRequest:
        return None


def _minus(moment: datetime, span: timedelta) -> datetime:
    """``moment - span``, or the earliest time there is when that would be before year 1."""
    earliest = datetime.min.replace(tzinfo=UTC)
    return moment - span if moment - earliest > span else earliest


def _within_window(query: dict[str, Any], field: str, now: datetime) -> None:
    """Raise the lower bounds of ``field`` so its window spans at most 30 days."""
    given = {form: query[field + form] for form in COMPARISONS if field + form in query}
    bounds = {form: _parse_filter_time(value) for form, value in given.items()}
    parsed = {form: moment for form, moment in bounds.items() if moment is not None}
    if not parsed or len(parsed) < len(bounds):
        return  # nothing to adjust, or not a valid time: the server judges it
    uppers = [moment for form, moment in parsed.items() if form in ("", "__lt", "__lte")]
    lowers = [moment for form, moment in parsed.items() if form in ("", "__gt", "__gte")]
    upper = min(uppers) if uppers else now
    lower = max(lowers) if lowers else _minus(upper, DEFAULT_WINDOW)
    if upper - lower <= MAX_WINDOW:
        return
    floor = _minus(upper, SAFE_WINDOW)
    for form in ("__gt", "__gte"):
        moment = parsed.get(form)
        if moment is not None and moment < floor:
            query[field + form] = floor.strftime(FILTER_TIME_FORMAT)


def masking_list_query(
    query: Mapping[str, Any], subaccounts: Sequence[str], now: datetime
) -> dict[str, Any]:
    """A list_masking_sessions query within the rules its description states."""
    result = dict(query)
    for field in MASKING_WINDOW_FIELDS:
        _within_window(result, field, now)
    _with_known_subaccount(result, subaccounts)
    return result


def verify_list_query(query: Mapping[str, Any], subaccounts: Sequence[str]) -> dict[str, Any]:
    """A list_verify_sessions query within the rules its description states."""
    result = dict(query)
    _with_known_subaccount(result, subaccounts)
    return result


# Where a request carries a phone number that Plivo would call or text.
REACHABLE = {"first_party": 0, "second_party": 1, "recipient": 0}


def with_owned_numbers(
    body: Mapping[str, Any], numbers: Sequence[str], phone_pattern: str
) -> dict[str, Any]:
    """``body`` with every valid party or recipient number replaced by one of ``numbers``.

    Against the live API, a generated number belongs to a stranger: a session
    with ``initiate_call_to_first_party`` rings it, a Verify session texts it.
    Invalid numbers are kept (Plivo refuses them; that is what negative tests
    send), so this never turns a negative request positive.
    """
    pattern = re.compile(phone_pattern)
    result = dict(body)
    for name, index in REACHABLE.items():
        value = result.get(name)
        if isinstance(value, str) and pattern.search(value):
            result[name] = numbers[index % len(numbers)]
    return result
