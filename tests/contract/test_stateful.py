"""Sequences of calls along the spec's OpenAPI links, in-process, with every check.

openapi.yaml links a masking create to get, update and delete of the new
session, and a Verify create to get and validate. Schemathesis's state
machine chains these calls (and the lists) into scenarios, feeding each
call the ``session_uuid`` the create returned, and checks every answer,
including the checks that need history: ``ensure_resource_availability``
(a created session is there), ``use_after_free`` and the hooks'
``ended_masking_session_is_expired`` (an ended session reads as expired,
cannot be updated).
"""

from __future__ import annotations

from hypothesis import settings

from tests.contract import hooks
from tests.contract.conftest import SIZE, in_process

sandbox, schema = in_process()


class Flows(schema.as_state_machine()):  # type: ignore[misc]
    """Schemathesis's state machine over the spec's links, one fresh sandbox per scenario.

    Starting each scenario from an empty sandbox makes its answers depend on
    its own calls only, so Hypothesis sees the same scenario behave the same.
    """

    def setup(self) -> None:
        sandbox.reset()


LINKED = [
    "GET /Masking/Session/{session_uuid}",
    "POST /Masking/Session/{session_uuid}",
    "DELETE /Masking/Session/{session_uuid}",
    "GET /Verify/Session/{session_uuid}",
    "POST /Verify/Session/{session_uuid}",
]


def successes(label: str) -> int:
    """Stateful calls of ``label`` answered with a 2xx so far."""
    return sum(
        count
        for (op, phase, _, status), count in hooks.RULES.answers.items()
        if op == label and phase == "stateful" and 200 <= status < 300
    )


def test_sequences_along_the_links_conform_and_reach_every_linked_operation() -> None:
    Flows.run(
        settings=settings(
            Flows.TestCase.settings,
            max_examples=SIZE.scenarios,
            stateful_step_count=SIZE.steps,
        )
    )
    assert successes("POST /Masking/Session") > 0
    assert successes("POST /Verify/Session") > 0
    for label in LINKED:
        assert successes(label) > 0, f"no stateful call of {label} succeeded"
