"""Schemathesis hooks and checks of the contract tests: Plivo's semantics schemathesis cannot know.

Loaded by the pytest suite (``tests/contract``) and by the schemathesis CLI
(``tests/contract/schemathesis.toml`` names this module), so a run against the sandbox or
against api.plivo.com applies the same rules. Registered globally on import.

What it adds, each for one documented behaviour:

* **Positive requests obey the rules openapi.yaml states in prose**
  (``before_call``; see ``rules.py``). Negative requests are left alone.
  Positive Verify validations carry the OTP the sandbox sent, when a sandbox
  says which (``PLIVO_SANDBOX_CONTROL_URL``, or ``RULES.otp_readers``).
* **Every error is Plivo's shape** (check ``plivo_error_shape``).
* **An ended masking session stays readable as ``expired`` and cannot be
  updated** (check ``ended_masking_session_is_expired``), which is what
  Plivo documents for DELETE; schemathesis's ``use_after_free`` expects a
  404 instead, so its failure is dropped for exactly that documented answer
  and no other (``filter_failure``).
* **A wrong OTP is a 400** when the OTP cannot be known (the live API): the
  ``positive_data_acceptance`` failure of such a validation is dropped only
  when the 400 is about the OTP.
* **A negative case counts only if what was sent is invalid.** Schemathesis
  marks a case negative when it generates it; serialisation (a ``None``
  query value is not sent) or the run's auth (it puts back the
  ``Authorization`` header the case left out) can make the request that is
  sent valid, and a server is right to accept it (schemathesis issues 3730
  and 4332). A ``negative_data_rejection`` failure is dropped when the
  request sent conforms to openapi.yaml by the sandbox's own validators
  (``conformance.py``).

Every dropped failure is counted with its reason; the schemathesis CLI
prints them under its summary (``DroppedFailures``), the pytest suite in its
terminal summary.

Environment (the ``scripts/contract.py`` runner sets them):

``PLIVO_CONTRACT_SUBACCOUNTS``
    Comma-separated subaccount Auth IDs the caller owns; positive
    ``subaccount`` arguments name one of them (or are left out).
``PLIVO_SANDBOX_CONTROL_URL``
    The sandbox control API (``http://127.0.0.1:8000/_sandbox``), to read OTPs.
``PLIVO_CONTRACT_NUMBERS``
    Two comma-separated numbers the tester owns (runs that write to the live
    API): every valid party or recipient number in any request becomes one
    of them, so no generated request calls or texts a stranger.
"""

from __future__ import annotations

import json
import os
import threading
import urllib.error
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import click
import schemathesis
import schemathesis.cli
from schemathesis.cli.commands.run.handlers.base import EventHandler
from schemathesis.core.failures import AcceptedNegativeData, Failure
from schemathesis.core.parameters import ParameterLocation
from schemathesis.engine import events
from schemathesis.openapi.checks import RejectedPositiveData, UseAfterFree

from tests.contract import conformance, rules

AnyCase = schemathesis.Case[Any]

GET_MASKING = "GET /Masking/Session/{session_uuid}"
UPDATE_MASKING = "POST /Masking/Session/{session_uuid}"
DELETE_MASKING = "DELETE /Masking/Session/{session_uuid}"
CREATE_MASKING = "POST /Masking/Session"
LIST_MASKING = "GET /Masking/Session"
VALIDATE_VERIFY = "POST /Verify/Session/{session_uuid}"
LIST_VERIFY = "GET /Verify/Session"


def _env_list(name: str) -> tuple[str, ...]:
    return tuple(item.strip() for item in os.environ.get(name, "").split(",") if item.strip())


OtpReader = Callable[[str], str | None]


def otp_from_control_api(base: str) -> OtpReader:
    """Read a Verify session's OTP from the sandbox control API at ``base``."""

    def read(session_uuid: str) -> str | None:
        url = f"{base.rstrip('/')}/verify/sessions/{session_uuid}/otp"
        try:
            with urllib.request.urlopen(url, timeout=10) as answer:
                otp: str = json.load(answer)["otp"]
                return otp
        except (urllib.error.URLError, KeyError, ValueError):
            return None

    return read


@dataclass
class Rules:
    """What the hooks know about the account under test and the sessions seen so far."""

    subaccounts: tuple[str, ...] = ()
    numbers: tuple[str, ...] = ()
    # Sandboxes that tell the OTPs they sent (a session is known to one of them).
    otp_readers: list[OtpReader] = field(default_factory=list)
    # Single-party masking sessions created in this run: uuid -> (first, second) party.
    single_party: dict[str, tuple[str, str]] = field(default_factory=dict)
    # Masking sessions ended with a successful DELETE in this run.
    ended: set[str] = field(default_factory=set)
    # Validations sent with an OTP nobody could know (no sandbox to ask).
    guessed_otp: set[str] = field(default_factory=set)
    # Answers, by (operation, phase, generation mode, status): the run's figures.
    answers: Counter[tuple[str, str, str, int]] = field(default_factory=Counter)
    # Built-in check failures dropped, by (check, reason).
    dropped: Counter[tuple[str, str]] = field(default_factory=Counter)
    lock: threading.Lock = field(default_factory=threading.Lock)

    @classmethod
    def from_env(cls) -> Rules:
        """The rules as the environment describes the target."""
        rules = cls(
            subaccounts=_env_list("PLIVO_CONTRACT_SUBACCOUNTS"),
            numbers=_env_list("PLIVO_CONTRACT_NUMBERS"),
        )
        control = os.environ.get("PLIVO_SANDBOX_CONTROL_URL")
        if control:
            rules.otp_readers.append(otp_from_control_api(control))
        return rules

    def read_otp(self, session_uuid: str) -> str | None:
        """The OTP a sandbox sent for ``session_uuid``, or None when no sandbox knows it."""
        for read in self.otp_readers:
            otp = read(session_uuid)
            if otp is not None:
                return otp
        return None


RULES = Rules.from_env()


def _is_positive(case: AnyCase, location: ParameterLocation) -> bool:
    """Whether ``case`` carries schema-valid data at ``location`` (explicit cases count)."""
    meta = case.meta
    if meta is None:
        return True
    component = meta.components.get(location)
    return component is None or component.mode.is_positive


def _session_uuid(case: AnyCase) -> str:
    return str((case.path_parameters or {}).get("session_uuid", ""))


def _json(response: schemathesis.Response) -> Any:
    try:
        return json.loads(response.content or b"null")
    except ValueError:
        return None


# ---------------------------------------------------------------- positive data within the rules


@schemathesis.hook
def before_call(context: schemathesis.HookContext, case: AnyCase, kwargs: Any) -> None:
    """Keep positive requests inside the rules the spec states in prose.

    Then, when the tester named numbers they own, put those in place of every
    valid phone number a request would make Plivo call or text.
    """
    _within_documented_rules(case)
    body = case.body
    if RULES.numbers and isinstance(body, dict):
        pattern = case.operation.schema.raw_schema["components"]["schemas"]["PhoneNumber"]
        case.body = rules.with_owned_numbers(body, RULES.numbers, pattern["pattern"])


def _within_documented_rules(case: AnyCase) -> None:
    label = case.operation.label
    body, query = case.body, case.query
    if isinstance(body, dict) and _is_positive(case, ParameterLocation.BODY):
        if label == CREATE_MASKING:
            case.body = rules.masking_create_body(body, RULES.subaccounts)
        elif label == UPDATE_MASKING:
            parties = RULES.single_party.get(_session_uuid(case))
            case.body = rules.masking_update_body(body, parties)
        elif label == VALIDATE_VERIFY:
            otp = RULES.read_otp(_session_uuid(case))
            if otp is not None:
                case.body = {**body, "otp": otp}
            else:
                with RULES.lock:
                    RULES.guessed_otp.add(case.id)
    if isinstance(query, dict) and _is_positive(case, ParameterLocation.QUERY):
        if label == LIST_MASKING:
            case.query = rules.masking_list_query(query, RULES.subaccounts, datetime.now(UTC))
        elif label == LIST_VERIFY:
            case.query = rules.verify_list_query(query, RULES.subaccounts)


@schemathesis.hook
def after_call(
    context: schemathesis.HookContext, case: AnyCase, response: schemathesis.Response
) -> None:
    """Remember what later requests depend on: single-party sessions, ended sessions."""
    label = case.operation.label
    meta = case.meta
    phase = meta.phase.name.value if meta is not None else "explicit"
    mode = meta.generation.mode.value if meta is not None else "positive"
    body = _json(response)
    with RULES.lock:
        RULES.answers[(label, phase, mode, response.status_code)] += 1
        if not 200 <= response.status_code < 300 or not isinstance(body, dict):
            return
        session = body.get("session")
        if label in (CREATE_MASKING, UPDATE_MASKING) and isinstance(session, dict):
            uuid = str(session.get("session_uuid", ""))
            single = label == UPDATE_MASKING and uuid in RULES.single_party
            if label == CREATE_MASKING and isinstance(case.body, dict):
                single = bool(case.body.get("create_session_with_single_party"))
            if single:
                parties = (str(session["first_party"]), str(session["second_party"]))
                RULES.single_party[uuid] = parties
        elif label == DELETE_MASKING:
            RULES.ended.add(_session_uuid(case))


# ---------------------------------------------------------------- checks


@schemathesis.check
def plivo_error_shape(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: AnyCase
) -> bool | None:
    """Every answer with a status of 400 or more is Plivo's ``{"api_id", "error"}`` in JSON."""
    if response.status_code < 400:
        return None
    content_type = response.headers.get("content-type", [""])[0]
    assert content_type.startswith("application/json"), (
        f"a {response.status_code} answer is not JSON (Content-Type: {content_type!r})"
    )
    body = _json(response)
    assert isinstance(body, dict), f"a {response.status_code} answer is not a JSON object"
    for key in ("api_id", "error"):
        value = body.get(key)
        assert isinstance(value, str) and value, (
            f'a {response.status_code} answer lacks Plivo\'s "{key}" text: {body!r}'
        )
    return True


@schemathesis.check
def ended_masking_session_is_expired(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: AnyCase
) -> bool | None:
    """After DELETE, Plivo's session is still there: GET shows it ``expired``, update is a 409."""
    label = case.operation.label
    if label not in (GET_MASKING, UPDATE_MASKING) or _session_uuid(case) not in RULES.ended:
        return None
    if label == UPDATE_MASKING:
        assert not 200 <= response.status_code < 300, "an ended session was updated"
    if case.meta is not None and not case.meta.generation.mode.is_positive:
        return True  # invalid data or no credentials: refused for that, whatever the state
    if label == GET_MASKING:
        assert response.status_code == 200, (
            f"GET of an ended session answered {response.status_code}; Plivo documents"
            " that the record stays readable (200)"
        )
        status = (_json(response) or {}).get("response", {}).get("status")
        assert status == "expired", f"an ended session reads as {status!r}, not 'expired'"
    else:
        assert response.status_code == 409, (
            f"updating an ended session answered {response.status_code}, not 409"
        )
    return True


# ---------------------------------------------------------------- failures Plivo documents


def _is_documented_read_after_delete(case: AnyCase, response: schemathesis.Response) -> bool:
    """GET of an ended masking session: 200 with status ``expired``, as Plivo documents."""
    if case.operation.label != GET_MASKING or _session_uuid(case) not in RULES.ended:
        return False
    body = _json(response)
    return (
        response.status_code == 200
        and isinstance(body, dict)
        and isinstance(body.get("response"), dict)
        and body["response"].get("status") == "expired"
    )


def _is_wrong_otp(case: AnyCase, response: schemathesis.Response) -> bool:
    """A validation with an OTP nobody could know, refused with a 400 about the OTP."""
    if case.operation.label != VALIDATE_VERIFY or case.id not in RULES.guessed_otp:
        return False
    body = _json(response)
    error = body.get("error") if isinstance(body, dict) else None
    return response.status_code == 400 and isinstance(error, str) and "otp" in error.lower()


def _sent_request_conforms(response: schemathesis.Response) -> bool:
    """Whether the request that produced ``response`` conforms to openapi.yaml, as sent."""
    request = response.request
    headers = {
        name: value if isinstance(value, str) else value.decode("latin-1")
        for name, value in request.headers.items()
    }
    body = request.body if isinstance(request.body, bytes | str) else None
    return conformance.request_conforms(str(request.method), str(request.url), headers, body)


READ_AFTER_DELETE = (
    "GET of a masking session this run ended answered 200 with status `expired`, as Plivo"
    " documents for DELETE"
)
WRONG_OTP = "a validation with an OTP nobody could know was refused with a 400 about the OTP"
SENT_REQUEST_VALID = (
    "the request sent conforms to openapi.yaml by the sandbox's validators: schemathesis made"
    " the case negative before serialisation, and serialisation or the run's auth undid the"
    " violation (schemathesis issues 3730, 4332)"
)


def drop_reason(failure: Failure, case: AnyCase, response: schemathesis.Response) -> str | None:
    """Why ``failure`` is not a failure of the server, or None when it stands."""
    if isinstance(failure, UseAfterFree) and _is_documented_read_after_delete(case, response):
        return READ_AFTER_DELETE
    if isinstance(failure, RejectedPositiveData) and _is_wrong_otp(case, response):
        return WRONG_OTP
    if isinstance(failure, AcceptedNegativeData) and _sent_request_conforms(response):
        return SENT_REQUEST_VALID
    return None


@schemathesis.hook
def filter_failure(
    context: schemathesis.HookContext,
    failure: Failure,
    case: AnyCase,
    response: schemathesis.Response,
) -> bool:
    """Keep every failure except those ``drop_reason`` explains (see the module docstring)."""
    reason = drop_reason(failure, case, response)
    if reason is not None:
        check = failure.checks[0] if failure.checks else type(failure).__name__
        with RULES.lock:
            RULES.dropped[(check, reason)] += 1
    return reason is None


def dropped_summary(dropped: Counter[tuple[str, str]]) -> list[str]:
    """One line per check and reason: how many failures were dropped, and why."""
    return [f"{count:7d} {check}: {reason}" for (check, reason), count in sorted(dropped.items())]


@schemathesis.cli.handler()
class DroppedFailures(EventHandler[Any]):
    """Print, after the CLI's summary, every failure ``filter_failure`` dropped and why."""

    def __init__(self, *args: Any, **params: Any) -> None:
        self.finished = False

    def handle_event(self, ctx: Any, event: events.EngineEvent) -> None:
        """Note the end of the run (the summary is printed after every event is handled)."""
        self.finished = self.finished or isinstance(event, events.EngineFinished)

    def shutdown(self, ctx: Any) -> None:
        """Runs after the output handler has printed the summary."""
        if self.finished and RULES.dropped:
            click.echo("Dropped by filter_failure, not counted as failures:")
            for line in dropped_summary(RULES.dropped):
                click.echo(line)


# ---------------------------------------------------------------- where scenarios start


@schemathesis.hook
def after_load_schema(context: schemathesis.HookContext, schema: schemathesis.BaseSchema) -> None:
    """Let a Verify create start a stateful scenario, as a masking create does.

    Schemathesis's dependency analysis reads Verify's optional ``app_uuid``
    (and the list's ``brand_name``) as a foreign key to an "App" resource
    that no operation produces, and so never starts a scenario with
    ``POST /Verify/Session``: the spec's Verify links would never be
    followed. These arguments name things managed outside this API, so such
    inputs are dropped from the analysis; the spec's links stay as written.
    """
    analysis = getattr(schema, "analysis", None)
    if analysis is None:
        return
    graph = analysis.dependency_graph
    produced = {
        output.resource.name for node in graph.operations.values() for output in node.outputs
    }
    for node in graph.operations.values():
        node.inputs = [slot for slot in node.inputs if slot.resource.name in produced]
    # The analysis built the operations before the loader attached an in-process
    # app to the schema; forget them so they are built again, with it.
    operations = getattr(schema, "_operations", None)
    if operations is not None:
        operations.clear_cache()
