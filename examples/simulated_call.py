"""A webhook receiver, a simulated call through a masking session, and the events it gets.

Run it with the sandbox running (`make serve` in another terminal)::

    python examples/simulated_call.py

It serves a receiver on a free 127.0.0.1 port, creates a recorded session
whose ``callback_url`` and ``recording_callback_url`` point at it, has the
first party call the virtual number through the sandbox's control API, then
prints the events it received in SequenceNumber order, each checked with
``plivo_masking_client.webhooks.parse_callback`` (Plivo's V3 signature), and
the length of the recording it downloads.
"""

from __future__ import annotations

import argparse
import queue
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
from plivo_masking_client.webhooks import CallbackEvent, InvalidSignature, parse_callback

AUTH_ID, AUTH_TOKEN = "MADEMO1234567890ABCD", "demo-auth-token"
FIRST, SECOND = "+14155550100", "+14155550199"

received: queue.Queue[CallbackEvent] = queue.Queue()


class Receiver(BaseHTTPRequestHandler):
    """Your webhook handler: check the signature, use the event, answer 200."""

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        url = f"http://{self.headers['Host']}{self.path}"  # the URL the sandbox called
        try:
            event = parse_callback("POST", url, dict(self.headers), body, AUTH_TOKEN)
        except InvalidSignature:
            self.send_response(403)
        else:
            received.put(event)
            self.send_response(200)  # anything else: the sandbox retries, like Plivo
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the events are printed instead."""


def main() -> None:
    """Serve the receiver, place the call, print what arrives."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sandbox-url", default="http://127.0.0.1:8000")
    sandbox = parser.parse_args().sandbox_url

    server = ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    hooks = f"http://127.0.0.1:{server.server_address[1]}"

    with httpx.Client(base_url=sandbox, auth=(AUTH_ID, AUTH_TOKEN), timeout=10) as http:
        session = http.post(
            f"/v1/Account/{AUTH_ID}/Masking/Session/",
            json={
                "first_party": FIRST,
                "second_party": SECOND,
                "callback_url": f"{hooks}/events",
                "record": True,
                "recording_callback_url": f"{hooks}/recordings",
            },
        ).json()
        call = http.post(
            f"/_sandbox/masking/sessions/{session['session_uuid']}/calls",
            json={"caller": FIRST, "duration": 42},
        ).json()
        print(call["reason"], "-", len(call["events"]), "events queued")
        # Each URL gets its events in order; SequenceNumber orders them across both.
        events = [received.get(timeout=30).to_dict() for _ in call["events"]]
        for fields in sorted(events, key=lambda fields: int(fields["SequenceNumber"])):
            print(fields["SequenceNumber"], fields["EventName"], fields["EventTimestamp"])
        media = http.get(call["recording"]["recording_url"])
        print("recording:", media.headers["content-type"], len(media.content), "bytes")
    server.shutdown()


if __name__ == "__main__":
    main()
