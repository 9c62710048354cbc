"""Two patterns of openapi.yaml say exactly what the API accepts, so schema-valid data is accepted.

Schemathesis's ``positive_data_acceptance`` found schema-valid phone numbers
(``+28...``: no such country code) and filter times (``2023-06-31``) that the
sandbox, like Plivo, refuses with 400. The spec's patterns now name the
assigned country codes and the days that exist; these tests hold the spec and
the sandbox to the same set.
"""

from __future__ import annotations

import re
from functools import cache

import pytest

from plivo_sandbox.core.errors import BadRequest
from plivo_sandbox.core.filters import parse_filter_time
from plivo_sandbox.core.phone_numbers import region_of
from plivo_sandbox.core.spec import ApiSpec


@cache
def pattern(schema: str) -> re.Pattern[str]:
    return re.compile(ApiSpec().schema(schema)["pattern"])


def sandbox_places(number: str) -> bool:
    try:
        region_of(number, "number")
    except BadRequest:
        return False
    return True


def sandbox_reads(moment: str) -> bool:
    try:
        parse_filter_time("created_time", moment)
    except BadRequest:
        return False
    return True


@pytest.mark.parametrize("length", [7, 11, 15])
def test_the_phone_pattern_admits_exactly_the_country_codes_the_sandbox_places(
    length: int,
) -> None:
    for code in range(1, 1000):
        number = f"+{code}".ljust(length + 1, "5")
        assert bool(pattern("PhoneNumber").match(number)) == sandbox_places(number), number


@pytest.mark.parametrize("year", [1, 4, 100, 400, 1900, 2000, 2023, 2024, 9999])
def test_the_filter_time_pattern_admits_exactly_the_days_that_exist(year: int) -> None:
    for month in range(1, 13):
        for day in range(1, 32):
            moment = f"{year:04d}-{month:02d}-{day:02d} 06:28"
            assert bool(pattern("FilterTimestamp").match(moment)) == sandbox_reads(moment), moment
