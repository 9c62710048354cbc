"""Every operation of openapi.yaml against the in-process sandbox, with every check there is.

Schemathesis generates schema-valid (positive) and schema-violating
(negative) requests for each of the nine operations, from the spec's
examples, its coverage phase and random fuzzing, and checks each answer:
server errors, documented statuses, content types, response schemas and
headers, acceptance of valid and refusal of invalid data, authentication,
and Plivo's own rules (``hooks.py``).
"""

from __future__ import annotations

from typing import Any

import schemathesis
from hypothesis import settings

from tests.contract.conftest import SIZE, in_process

schema = in_process()[1]


@schema.parametrize()
@settings(max_examples=SIZE.examples)
def test_every_operation_answers_as_the_spec_says(case: schemathesis.Case[Any]) -> None:
    case.call_and_validate()
