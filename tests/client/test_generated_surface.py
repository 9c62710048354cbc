"""The resource surface is generated: an operation added to the spec appears on the client.

A copy of openapi.yaml gains one operation and ``scripts/generate_client.sh``
(what ``make generate`` runs) writes a client from it into a temporary
directory; nothing else changes. Also: user code written against the surface
passes ``mypy --strict`` with the installed package.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import REPO_ROOT

BIN = Path(sys.executable).parent
# mypy cannot follow setuptools' editable-install hook, so it reads the package
# where the wheel would put it from: generated/ (py.typed included).
MYPY_ENV = {**os.environ, "MYPYPATH": str(REPO_ROOT / "generated")}
CANCEL: dict[str, Any] = {
    "operationId": "cancel_verify_session",
    "tags": ["Verify Sessions"],
    "summary": "Cancel a Verify session",
    "parameters": [
        {"name": "reason", "in": "query", "schema": {"type": "string", "enum": ["user", "fraud"]}}
    ],
    "responses": {
        "200": {
            "description": "Cancelled.",
            "content": {
                "application/json": {
                    "schema": {"$ref": "#/components/schemas/VerifySessionValidateResponse"}
                }
            },
        },
        "404": {"$ref": "#/components/responses/NotFound"},
    },
}
# Run in a fresh interpreter on the generated copy: the new method exists on both
# clients and sends what the spec says, through a transport that answers offline.
PROBE = """
import asyncio, inspect, json
import httpx
from plivo_masking_client import PlivoClient
from plivo_masking_client.resources import AsyncVerifySessions

seen = []
def answer(request):
    seen.append((request.method, request.url.path, dict(request.url.params)))
    return httpx.Response(200, json={"api_id": "x", "message": "cancelled"})

client = PlivoClient(auth_id="MADEMO1234567890ABCD", auth_token="t", base_url="http://sandbox.invalid/{auth_id}",
                     httpx_args={"transport": httpx.MockTransport(answer)})
result = client.verify_sessions.cancel("0b4b7f1e-8e8f-4c52-9a2c-6a6f3f0f6d1a", reason="fraud")
print(json.dumps({
    "message": result.message,
    "seen": seen,
    "async": inspect.iscoroutinefunction(AsyncVerifySessions.cancel),
}))
"""


@pytest.fixture(scope="module")
def generated_with_a_new_operation(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A client generated from openapi.yaml plus ``DELETE /Verify/Session/{session_uuid}``."""
    folder = tmp_path_factory.mktemp("new-operation")
    spec = yaml.safe_load((REPO_ROOT / "openapi.yaml").read_text())
    spec["paths"]["/Verify/Session/{session_uuid}"]["delete"] = CANCEL
    changed = folder / "openapi.yaml"
    changed.write_text(yaml.safe_dump(spec, sort_keys=False))
    subprocess.run(
        ["bash", "scripts/generate_client.sh", str(folder / "client")],
        cwd=REPO_ROOT,
        env={**os.environ, "SPEC": str(changed), "BIN": str(BIN)},
        check=True,
        capture_output=True,
    )
    return folder / "client"


def test_a_new_operation_appears_on_both_clients(generated_with_a_new_operation: Path) -> None:
    probe = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, "PYTHONPATH": str(generated_with_a_new_operation)},
        capture_output=True,
        text=True,
        check=True,
    )

    assert probe.stdout.strip() == (
        '{"message": "cancelled", "seen": [["DELETE", '
        '"/MADEMO1234567890ABCD/Verify/Session/0b4b7f1e-8e8f-4c52-9a2c-6a6f3f0f6d1a", '
        '{"reason": "fraud"}]], "async": true}'
    )


USER_PROGRAM = """
from plivo_masking_client import (
    AsyncPlivoClient, NotFoundError, PlivoApiError, PlivoClient, RateLimitError,
)


def flow(client: PlivoClient) -> str:
    s = client.masking_sessions.create(first_party="+14155550100", second_party="+14155550199")
    client.masking_sessions.get(s.session_uuid)
    client.masking_sessions.update(s.session_uuid, record=True, record_file_format="wav")
    for session in client.masking_sessions.list(status="active"):
        print(session.session_uuid)
    page = client.masking_sessions.page(limit=5)
    print(page.meta.total_count, page.has_next_page, page.raw.status_code)
    client.masking_sessions.delete(s.session_uuid)
    v = client.verify_sessions.create(recipient="+14155550123", channel="voice")
    client.verify_sessions.validate(v.session_uuid, otp="123456")
    try:
        client.verify_sessions.get(v.session_uuid, timeout=2.5, max_retries=0)
    except NotFoundError as error:
        return error.message
    except RateLimitError as error:
        return str(error.retry_after)
    except PlivoApiError as error:
        return str(error.api_id)
    for verified in client.verify_sessions.list(status="verified"):
        print(verified.recipient)
    return "ok"


async def async_flow(client: AsyncPlivoClient) -> int:
    s = await client.masking_sessions.create(first_party="+14155550100")
    count = 0
    async for _ in client.masking_sessions.list(status="active"):
        count += 1
    await client.masking_sessions.delete(s.session_uuid)
    return count
"""


def mypy_strict(program: Path) -> subprocess.CompletedProcess[str]:
    """``mypy --strict`` on ``program``, run beside it as a user's project would."""
    return subprocess.run(
        [str(BIN / "mypy"), "--strict", "--no-incremental", str(program)],
        cwd=program.parent,
        env=MYPY_ENV,
        capture_output=True,
        text=True,
    )


def test_user_code_against_the_surface_passes_mypy_strict(tmp_path: Path) -> None:
    program = tmp_path / "user_program.py"
    program.write_text(textwrap.dedent(USER_PROGRAM))

    checked = mypy_strict(program)

    assert checked.returncode == 0, checked.stdout


def test_a_typo_in_an_argument_fails_mypy_strict(tmp_path: Path) -> None:
    program = tmp_path / "user_program.py"
    program.write_text(
        "from plivo_masking_client import PlivoClient\n"
        "def f(client: PlivoClient) -> None:\n"
        "    client.masking_sessions.list(status='activ')\n"
    )

    checked = mypy_strict(program)

    assert checked.returncode == 1
    assert 'Argument "status"' in checked.stdout
