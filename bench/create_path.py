"""The sandbox modules one masking create passes through, and how often it crosses between them.

Run: ``.venv/bin/python bench/create_path.py`` (``--connexion`` for the path
without the fast path). It serves a create in-process (a file-backed sandbox
in a temporary directory, as ``make serve`` keeps state), once to warm up and
once traced with ``sys.setprofile`` (the serving thread only), and prints each module
whose functions ran, in the order first entered, then the number of calls that
crossed from one of these modules into another. It uses only the package's
public API, so the same script measures any layout of the package.
"""

from __future__ import annotations

import argparse
import base64
import sys
import tempfile
import threading
from dataclasses import replace
from pathlib import Path
from types import FrameType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from starlette.testclient import TestClient  # noqa: E402

from plivo_sandbox import Sandbox, create_app, load_config  # noqa: E402

PACKAGE = ROOT / "plivo_sandbox"


def module_of(frame: FrameType) -> str | None:
    """The dotted name of the package module ``frame`` runs in, if any."""
    path = Path(frame.f_code.co_filename)
    if not path.is_relative_to(PACKAGE):
        return None
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts)


def main() -> None:
    """Serve one traced masking create and print the modules it passed through."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connexion", action="store_true", help="with the fast path off")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        config = replace(load_config(env={}), data_dir=Path(tmp))
        account = next(iter(config.accounts.values()))
        token = base64.b64encode(f"{account.auth_id}:{account.auth_token}".encode()).decode()
        headers = {"Authorization": f"Basic {token}"}
        url = f"/v1/Account/{account.auth_id}/Masking/Session/"
        order: list[str] = []
        crossings = 0
        tracing = False
        serving: int | None = None

        def profile(frame: FrameType, event: str, _arg: Any) -> None:
            nonlocal crossings
            if not tracing or event != "call":
                return
            here = module_of(frame)
            if here is None:
                return
            # Only the thread serving the request: not the callback loop or the timers.
            if threading.get_ident() != serving:
                return
            if here not in order:
                order.append(here)
            caller = frame.f_back
            while caller is not None and module_of(caller) is None:
                caller = caller.f_back
            if caller is not None and module_of(caller) != here:
                crossings += 1

        # Installed before any thread starts, so a thread pool's workers carry it too.
        threading.setprofile(profile)
        sys.setprofile(profile)
        try:
            with Sandbox(config) as sandbox:
                app = create_app(sandbox=sandbox, fast_path=not args.connexion)
                with TestClient(app) as client:

                    def create(n: int) -> None:
                        first, second = f"+1415555{n:04d}", f"+1415666{n:04d}"
                        parties = {"first_party": first, "second_party": second}
                        answer = client.post(url, json=parties, headers=headers)
                        assert answer.is_success, answer.text

                    create(1)
                    # The test client serves requests on its portal's event-loop thread.
                    serving = client.portal.call(threading.get_ident)  # type: ignore[union-attr]
                    tracing = True
                    create(2)
                    tracing = False
        finally:
            sys.setprofile(None)
            threading.setprofile(None)
    for name in order:
        print(name)
    print(f"{len(order)} modules, {crossings} calls from one of them into another")


if __name__ == "__main__":
    main()
