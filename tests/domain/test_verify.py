"""Verify sessions: sending an OTP, validating it, reading sessions."""

from __future__ import annotations

import re
import uuid
from typing import Any

import pytest

from plivo_sandbox.assembly import Sandbox
from plivo_sandbox.core.accounts import Account
from plivo_sandbox.core.clock import ManualClock
from plivo_sandbox.core.errors import BadRequest, Conflict, NotFound
from plivo_sandbox.core.settings import SandboxConfig
from plivo_sandbox.core.spec import ApiSpec
from plivo_sandbox.verify.record import default_app_uuid
from tests.domain.conftest import IN_A, US_A, Api, make_config

APP = "59728519-d145-45d6-8d46-60c06f7e8bbb"
RFC3339_MICRO_Z = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$")


def start(api: Api, caller: Account, **args: Any) -> str:
    """Start a session to US_A (unless ``args`` say otherwise); its uuid."""
    answer = api.send(caller, **{"recipient": US_A, **args})
    uuid_: str = answer["session_uuid"]
    return uuid_


def test_create_initiates_a_session_with_an_otp_of_the_default_length(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    answer = api.send(main, recipient=US_A)

    assert answer["message"] == "Session initiated"
    otp = sandbox.run(sandbox.verify.otp, answer["session_uuid"])
    default = ApiSpec().defaults("VerifySessionCreateRequest")["code_length"]
    assert len(otp) == default and otp.isdigit()


def test_create_makes_an_otp_of_code_length_digits(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid_ = start(api, main, code_length=8)

    assert len(sandbox.run(sandbox.verify.otp, uuid_)) == 8


def test_new_sms_session_records_one_delivered_attempt_and_its_charge(
    api: Api, main: Account
) -> None:
    uuid_ = start(api, main, recipient=IN_A, brand_name="Acme")

    session = api.verify_get(main, uuid_)

    assert session["session_uuid"] == uuid_
    assert session["recipient"] == IN_A[1:]
    assert session["channel"] == "sms"
    assert session["status"] == "in-progress"
    assert session["count"] == 1
    assert session["destination_country_iso2"] == "IN"
    assert session["destination_network"] == "Airtel"
    [attempt] = session["attempt_details"]
    assert attempt["channel"] == "sms" and attempt["status"] == "delivered"
    assert attempt["time"] == session["created_at"] == "2024-02-01T06:28:15.000000Z"
    assert session["charges"] == {
        "total_charge": "0.08",
        "validation_charge": "0.0000",
        "attempt_charges": [
            {"attempt_uuid": attempt["attempt_uuid"], "channel": "sms", "charge": "0.08000"}
        ],
    }


def test_voice_session_is_charged_at_the_voice_rate(api: Api, main: Account) -> None:
    session = api.verify_get(main, start(api, main, channel="voice"))

    assert session["attempt_details"][0]["status"] == "ANSWER"
    assert session["charges"]["total_charge"] == "0.033"
    assert session["charges"]["attempt_charges"][0]["charge"] == "0.03300"


def test_session_shows_requestor_ip_and_times_in_rfc3339_with_microseconds(
    api: Api, main: Account, clock: ManualClock
) -> None:
    clock.advance(0.25)
    uuid_ = api.send(main, requestor_ip="203.0.113.7", recipient=US_A)["session_uuid"]

    session = api.verify_get(main, uuid_)

    assert session["requestor_ip"] == "203.0.113.7"
    assert session["created_at"] == "2024-02-01T06:28:15.250000Z"
    assert RFC3339_MICRO_Z.match(session["updated_at"])


def test_default_app_uuid_is_stable_per_account(api: Api, main: Account, other: Account) -> None:
    first = api.verify_get(main, start(api, main))
    second = api.verify_get(main, start(api, main))
    foreign = api.verify_get(other, start(api, other))

    assert first["app_uuid"] == second["app_uuid"] == default_app_uuid(main.auth_id)
    assert foreign["app_uuid"] != first["app_uuid"]


def test_given_app_uuid_is_kept(api: Api, main: Account) -> None:
    assert api.verify_get(main, start(api, main, app_uuid=APP))["app_uuid"] == APP


def test_recipient_with_unknown_country_code_is_bad_request(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^recipient: "):
        api.send(main, recipient="+9991234567")


def test_missing_recipient_is_bad_request(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^recipient: required"):
        api.send(main, channel="sms")


def test_an_app_uuid_that_is_no_uuid_is_refused_as_over_http(api: Api, main: Account) -> None:
    with pytest.raises(BadRequest, match=r"^app_uuid: 'app-1' is not a 'uuid'$"):
        api.send(main, recipient=US_A, app_uuid="app-1")


def test_right_otp_verifies_the_session(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock
) -> None:
    uuid_ = start(api, main)
    clock.advance(30)

    answer = api.validate(main, uuid_, sandbox.run(sandbox.verify.otp, uuid_))

    assert answer == {"message": "session validated successfully."}
    session = api.verify_get(main, uuid_)
    assert session["status"] == "verified"
    assert session["updated_at"] == "2024-02-01T06:28:45.000000Z"


def test_wrong_otp_is_bad_request_and_counts_as_an_attempt(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid_ = start(api, main)
    wrong = "000000" if sandbox.run(sandbox.verify.otp, uuid_) != "000000" else "111111"

    with pytest.raises(BadRequest, match=r"^otp: invalid OTP \(9 attempt"):
        api.validate(main, uuid_, wrong)
    with pytest.raises(BadRequest, match=r"invalid OTP \(8 attempt"):
        api.validate(main, uuid_, wrong)
    assert api.verify_get(main, uuid_)["status"] == "in-progress"


def test_after_ten_failed_attempts_the_session_refuses_validation(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid_ = start(api, main)
    otp = sandbox.run(sandbox.verify.otp, uuid_)
    wrong = "000000" if otp != "000000" else "111111"
    for _ in range(10):
        with pytest.raises(BadRequest):
            api.validate(main, uuid_, wrong)

    with pytest.raises(Conflict, match=r"after 10 failed attempts"):
        api.validate(main, uuid_, otp)


def test_a_verified_session_cannot_be_validated_again(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    uuid_ = start(api, main)
    api.validate(main, uuid_, sandbox.run(sandbox.verify.otp, uuid_))

    with pytest.raises(Conflict, match=r"already been verified"):
        api.validate(main, uuid_, sandbox.run(sandbox.verify.otp, uuid_))


def test_the_code_expires_after_the_configured_ttl(
    api: Api, sandbox: Sandbox, main: Account, clock: ManualClock, config: SandboxConfig
) -> None:
    uuid_ = start(api, main)
    clock.advance(config.verify_code_ttl - 1)
    assert api.verify_get(main, uuid_)["status"] == "in-progress"

    clock.advance(1)

    assert api.verify_get(main, uuid_)["status"] == "expired"
    with pytest.raises(Conflict, match=r"has expired"):
        api.validate(main, uuid_, sandbox.run(sandbox.verify.otp, uuid_))


def test_verify_sessions_of_other_accounts_are_not_found(
    api: Api, main: Account, sub: Account, other: Account
) -> None:
    mine = start(api, main)
    subs = start(api, sub)

    assert api.verify_get(main, subs)["session_uuid"] == subs
    for caller, uuid_ in ((sub, mine), (other, mine), (other, subs)):
        with pytest.raises(NotFound, match=rf"verify session {uuid_} not found"):
            api.verify_get(caller, uuid_)
        with pytest.raises(NotFound):
            api.validate(caller, uuid_, "123456")


def test_otp_of_an_unknown_session_is_not_found(sandbox: Sandbox) -> None:
    with pytest.raises(NotFound):
        sandbox.run(sandbox.verify.otp, str(uuid.uuid4()))


def test_with_log_otps_each_otp_sent_is_logged(caplog: pytest.LogCaptureFixture) -> None:
    box = Sandbox(make_config(log_otps=True), clock=ManualClock())
    main = box.config.accounts["MADEMO1234567890ABCD"]
    with caplog.at_level("INFO", logger="plivo_sandbox.otp"):
        session_uuid = Api(box).send(main, recipient=US_A)["session_uuid"]
    otp = box.run(box.verify.otp, session_uuid)
    assert [record.getMessage() for record in caplog.records] == [
        f"OTP {otp} sent by MADEMO1234567890ABCD over sms to {US_A} (session {session_uuid})"
    ]
    box.close()


def test_otps_are_not_logged_by_default(
    api: Api, main: Account, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level("INFO", logger="plivo_sandbox.otp"):
        start(api, main)
    assert caplog.records == []


def test_warming_a_create_stores_nothing_and_leaves_its_errors_to_create(
    api: Api, sandbox: Sandbox, main: Account
) -> None:
    sandbox.verify.warm_create({"recipient": US_A})
    sandbox.verify.warm_create({"recipient": "+999123"})
    sandbox.verify.warm_create({})

    with pytest.raises(NotFound):
        sandbox.run(sandbox.verify.latest_otp, US_A)
    with pytest.raises(BadRequest, match="recipient"):
        api.send(main, recipient="+999123")
