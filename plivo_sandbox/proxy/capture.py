"""Exchanges saved as redacted test fixtures, in the layout of tests/fixtures/.

A fixture directory holds one JSON file per answer body and an ``index.yaml``
that says, for each, which operation of openapi.yaml answered it and with
which status (as tests/fixtures/sdk/ does). Saved into tests/fixtures/proxy/,
an answer is a spec test at once: tests/spec/test_proxy_fixtures.py checks
every listed answer (and request body) against the spec's schemas.

Nothing secret is written: no header at all (so no Authorization), Auth IDs
in paths and bodies become ``MAXXXXXXXXXXXXXXXXXX`` / ``SAXXXXXXXXXXXXXXXXXX``,
phone numbers keep their first three digits and length (the spec's patterns
still match) with the rest replaced, the same number the same way within an
exchange, and the values of OTPs, PINs, codes and tokens keep only their shape
(``"123456"`` becomes ``"000000"``). IP addresses become documentation addresses.
"""

from __future__ import annotations

import ipaddress
import json
import os
import re
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, quote, urlencode, urlsplit

import yaml

from plivo_sandbox.proxy.drift import Exchange, Mismatch

INDEX = "index.yaml"
# How many answers of one operation and status a run saves, unless one shows a new kind of drift.
DEFAULT_PER_OPERATION = 5
_HEADER = """\
# Answers of a real Plivo API, saved redacted by `plivo-sandbox proxy --save-fixtures`
# (docs/proxy.md), one file each, named <operation_id>.<status>.<number>.json.
#
#   file          the answer's body
#   operation_id  the operation of openapi.yaml that answered, and its status
#   method, path, query
#                 the request, redacted (Auth IDs, phone numbers, codes)
#   request_file  the request's JSON body, redacted, when it had one
#   upstream      the server that answered; captured: when
#   drift         the mismatches the proxy reported for the exchange (empty: none)
#
# tests/spec/test_proxy_fixtures.py checks each body against the spec's schemas.
"""
_AUTH_ID = re.compile(r"(MA|SA)[A-Z0-9]{18}")
_PHONE = re.compile(r"\+?[1-9][0-9]{6,14}")
_SECRET_NAME = re.compile(r"(?:^|_)(?:otp|pin|code|token|password|secret)$", re.IGNORECASE)


class Redactor:
    """Redacts the values of one exchange; the same phone number the same way throughout."""

    def __init__(self) -> None:
        self.numbers: dict[str, str] = {}

    def number(self, text: str) -> str:
        """A stand-in for a phone number: its first three digits and length, then a counter."""
        digits = text.lstrip("+")
        if digits not in self.numbers:
            serial = str(len(self.numbers) + 1)
            self.numbers[digits] = digits[:3] + serial.rjust(len(digits) - 3, "0")
        return text[: len(text) - len(digits)] + self.numbers[digits]

    def text(self, value: str) -> str:
        """A string with phone numbers, IP addresses and Auth IDs replaced."""
        if _PHONE.fullmatch(value):
            return self.number(value)
        try:
            address = ipaddress.ip_address(value)
        except ValueError:
            pass
        else:
            return "192.0.2.1" if address.version == 4 else "2001:db8::1"
        return _AUTH_ID.sub(lambda found: found.group(1) + "X" * 18, value)

    def json(self, node: Any, name: str = "") -> Any:
        """A JSON value with every secret and personal value redacted."""
        if isinstance(node, dict):
            return {key: self.json(value, str(key)) for key, value in node.items()}
        if isinstance(node, list):
            return [self.json(value, name) for value in node]
        if _SECRET_NAME.search(name) and not isinstance(node, bool):
            if isinstance(node, int):
                return 0
            if isinstance(node, str):
                return re.sub(r"[0-9]", "0", re.sub(r"[^0-9]", "x", node))
        if isinstance(node, str):
            return self.text(node)
        return node

    def path(self, path: str) -> str:
        """A request path with Auth IDs and phone numbers replaced, segment by segment."""
        return "/".join(self.text(segment) for segment in path.split("/"))

    def query(self, query: bytes) -> str:
        """A query string with its values redacted (dropped whole if it cannot be read)."""
        if not query:
            return ""
        try:
            pairs = parse_qsl(query.decode("ascii"), keep_blank_values=True, strict_parsing=True)
        except (UnicodeDecodeError, ValueError):
            return "<unreadable query string left out>"
        redacted = [(name, str(self.json(value, name))) for name, value in pairs]
        return urlencode(redacted, quote_via=quote, safe="+")


@dataclass(frozen=True)
class CapturedFixture:
    """One saved answer, as listed in a fixture directory's index.yaml."""

    directory: Path
    file: str
    operation_id: str
    status: int
    request_file: str | None
    drift: tuple[str, ...]

    def body(self) -> Any:
        """The answer's body, parsed."""
        return json.loads((self.directory / self.file).read_text(encoding="utf-8"))

    def request_body(self) -> Any:
        """The request's body, parsed (None when the request had none)."""
        if self.request_file is None:
            return None
        return json.loads((self.directory / self.request_file).read_text(encoding="utf-8"))


def _entries(directory: Path) -> list[dict[str, Any]]:
    index = directory / INDEX
    if not index.is_file():
        return []
    loaded = yaml.safe_load(index.read_text(encoding="utf-8")) or {}
    entries = loaded.get("fixtures") or []
    return [entry for entry in entries if isinstance(entry, dict)]


def read_fixtures(directory: Path) -> list[CapturedFixture]:
    """The fixtures listed in ``directory``'s index.yaml, in its order (none without one)."""
    return [
        CapturedFixture(
            directory=directory,
            file=str(entry["file"]),
            operation_id=str(entry["operation_id"]),
            status=int(entry["status"]),
            request_file=entry.get("request_file"),
            drift=tuple(entry.get("drift") or ()),
        )
        for entry in _entries(directory)
    ]


def _write_whole(path: Path, text: str) -> None:
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _json_text(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


class FixtureWriter:
    """Saves exchanges into one fixture directory, adding to its index.yaml.

    At most ``per_operation`` answers of one operation and status are saved
    in a run, and any exchange that showed a kind of drift for the first time.
    """

    def __init__(
        self, directory: Path, upstream: str, per_operation: int = DEFAULT_PER_OPERATION
    ) -> None:
        self.directory = directory
        parts = urlsplit(upstream)
        self.upstream = f"{parts.scheme}://{parts.hostname}" + (
            f":{parts.port}" if parts.port else ""
        )
        self.per_operation = per_operation
        self.saved: Counter[tuple[str, int]] = Counter()
        directory.mkdir(parents=True, exist_ok=True)

    def save(
        self,
        operation_id: str,
        exchange: Exchange,
        mismatches: list[Mismatch],
        new_kind: bool = False,
    ) -> Path | None:
        """Save ``exchange`` if its answer is JSON and the quota allows; the body's path."""
        key = (operation_id, exchange.status)
        if self.saved[key] >= self.per_operation and not new_kind:
            return None
        try:
            answer = json.loads(exchange.response_body.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError):
            return None  # an HTML page or garbage: nothing a JSON fixture can hold
        redactor = Redactor()
        entries = _entries(self.directory)
        taken = {str(entry.get("file")) for entry in entries}
        number = 1
        while (
            f"{operation_id}.{exchange.status}.{number:03d}.json" in taken
            or (self.directory / f"{operation_id}.{exchange.status}.{number:03d}.json").exists()
        ):
            number += 1
        stem = f"{operation_id}.{exchange.status}.{number:03d}"
        entry: dict[str, Any] = {
            "file": f"{stem}.json",
            "operation_id": operation_id,
            "status": exchange.status,
            "method": exchange.method.upper(),
            "path": redactor.path(exchange.path),
        }
        query = redactor.query(exchange.query)
        if query:
            entry["query"] = query
        request = None
        if exchange.body:
            try:
                request = json.loads(exchange.body.decode("utf-8"))
            except (UnicodeDecodeError, ValueError, RecursionError):
                request = None
        if request is not None:
            entry["request_file"] = f"{stem}.request.json"
            _write_whole(self.directory / entry["request_file"], _json_text(redactor.json(request)))
        _write_whole(self.directory / entry["file"], _json_text(redactor.json(answer)))
        entry["upstream"] = self.upstream
        entry["captured"] = datetime.now(UTC).isoformat(timespec="seconds")
        entry["drift"] = [f"{m.where}: {m.what}" for m in mismatches]
        index = yaml.safe_dump(
            {"fixtures": [*entries, entry]}, sort_keys=False, allow_unicode=True, width=100
        )
        _write_whole(self.directory / INDEX, _HEADER + index)
        self.saved[key] += 1
        return self.directory / f"{stem}.json"
