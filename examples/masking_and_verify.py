"""A masking session's life and a Verify round trip, with the generated client's resources.

Run it against the local sandbox (`make serve` in another terminal)::

    python examples/masking_and_verify.py

or against Plivo, with your own credentials and numbers::

    PLIVO_AUTH_ID=MA... PLIVO_AUTH_TOKEN=... python examples/masking_and_verify.py \
        --base-url https://api.plivo.com/v1/Account/{auth_id} \
        --first-party +14155550100 --second-party +14155550101 --recipient +14155550102

Against a sandbox on this machine (a 127.0.0.1 or localhost base URL) the
OTP is read through the sandbox's control API and the demo account is used
unless PLIVO_AUTH_ID/PLIVO_AUTH_TOKEN are set; against Plivo the credentials
come from those variables and the script asks for the code you received.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from urllib.parse import urlsplit

import httpx
from plivo_masking_client import SANDBOX_BASE_URL, PlivoClient

# The sandbox's demo account: used when no credentials are in the environment.
DEMO_AUTH_ID = "MADEMO1234567890ABCD"
DEMO_AUTH_TOKEN = "demo-auth-token"
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1"}


def masking_life_cycle(client: PlivoClient, first_party: str, second_party: str) -> None:
    """Create a PIN-protected masking session, read, change, find and end it."""
    created = client.masking_sessions.create(
        first_party=first_party,
        second_party=second_party,
        is_pin_authentication_required=True,
        first_party_pin="1234",
        second_party_pin="4321",
        pin_prompt_play="https://play.s3.eu-north-1.amazonaws.com/pin_prompt.wav",
        incorrect_pin_play="https://play.s3.eu-north-1.amazonaws.com/incorrect_pin.wav",
        session_expiry=1800,
    )
    session_uuid = created.session_uuid
    print(f"created {session_uuid}: dial {created.virtual_number} ({created.session.status})")

    fetched = client.masking_sessions.get(session_uuid).response
    print(
        f"  expires {fetched.expiry_time}, PIN required: {fetched.is_pin_authentication_required}"
    )

    updated = client.masking_sessions.update(session_uuid, record=True, call_time_limit=600)
    print(f"  {updated.message}: record={updated.session.record}")

    page = client.masking_sessions.page(first_party=first_party, status="active", limit=5)
    print(f"  {page.meta.total_count} active session(s) for {first_party}")

    ended = client.masking_sessions.delete(session_uuid)
    print(f"  {ended.message}")


def verify_round_trip(client: PlivoClient, recipient: str, read_otp: Callable[[str], str]) -> None:
    """Send an OTP to ``recipient``, validate the code ``read_otp`` returns, read the result."""
    started = client.verify_sessions.create(recipient=recipient, channel="sms", brand_name="Acme")
    print(f"verify {started.session_uuid}: {started.message}")

    session_uuid = started.session_uuid
    validated = client.verify_sessions.validate(session_uuid, otp=read_otp(str(session_uuid)))
    print(f"  {validated.message}")

    session = client.verify_sessions.get(session_uuid)
    print(f"  status {session.status}, created {session.created_at:%Y-%m-%d %H:%M:%S %Z}")
    print(f"  charged {session.charges.total_charge} USD over {session.count} attempt(s)")

    listed = list(client.verify_sessions.list(recipient=recipient))
    print(f"  {len(listed)} session(s) for {recipient} in the last 24 hours")


def sandbox_otp_reader(base_url: str) -> Callable[[str], str]:
    """Read OTPs through the sandbox's control API (``/_sandbox/...`` on the same host)."""
    parts = urlsplit(base_url)
    control = f"{parts.scheme}://{parts.netloc}/_sandbox/verify/sessions"

    def read(session_uuid: str) -> str:
        answer = httpx.get(f"{control}/{session_uuid}/otp", timeout=10)
        answer.raise_for_status()
        otp = answer.json()["otp"]
        if not isinstance(otp, str):
            raise TypeError(f"the sandbox answered a non-string OTP: {otp!r}")
        return otp

    return read


def typed_otp(session_uuid: str) -> str:
    """Ask the person running the script for the code their phone received."""
    return input(f"OTP received for {session_uuid}: ").strip()


def main(argv: list[str] | None = None) -> int:
    """Run both flows against the sandbox (default) or the ``--base-url`` given."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--base-url", default=SANDBOX_BASE_URL)
    parser.add_argument("--first-party", default="+14155550100")
    parser.add_argument("--second-party", default="+14155550199")
    parser.add_argument("--recipient", default="+14155550123")
    args = parser.parse_args(argv)

    against_sandbox = urlsplit(args.base_url).hostname in LOCAL_HOSTS
    if against_sandbox:
        client = PlivoClient(
            auth_id=os.environ.get("PLIVO_AUTH_ID") or DEMO_AUTH_ID,
            auth_token=os.environ.get("PLIVO_AUTH_TOKEN") or DEMO_AUTH_TOKEN,
            base_url=args.base_url,
        )
    else:
        client = PlivoClient.from_env(base_url=args.base_url)
    read_otp = sandbox_otp_reader(client.base_url) if against_sandbox else typed_otp
    with client:
        masking_life_cycle(client, args.first_party, args.second_party)
        verify_round_trip(client, args.recipient, read_otp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
