"""What changed in openapi.yaml since a base, breaking or not, and whether the version says so.

``make breaking [BASE=<git ref>]`` (``make test`` runs it too). Two views of
the change, each classified breaking or not:

* **the wire**: the spec at BASE and in the work tree, parsed and compared
  operation by operation (``wire_changes``): a removed operation, parameter,
  property, enum value, status or content type; a new required request
  field; a narrowed request type, pattern or limit; a response field that
  became optional (or nullable) are breaking; additions and documentation
  are not;
* **the generated client's public Python API**: griffe compares
  ``generated/plivo_masking_client`` at BASE with the work tree (what
  ``griffe check`` does); every breakage it finds is breaking. Other
  changes under ``generated/`` (new classes, methods, modules) are not.

The gate (exit 1 when it fails): any change needs ``info.version`` above
BASE's; a breaking change needs its major above BASE's and a section
``## [<version>]`` in CHANGELOG.md (Keep a Changelog) that names what broke
(each breaking change's subject, such as ``record_file_format`` or
``DELETE /Masking/Session/{session_uuid}``). Exit 0: nothing changed, or the
version and the changelog say what did; 2: BASE cannot be read.

BASE by default: the merge-base with ``main`` when HEAD is not on main; on
main, the newest ``v*`` release tag; without one, the commit that added
CHANGELOG.md's section of the previous release (the newest version below
``info.version``); without that, the last commit of the previous
``info.version`` (the newest commit whose spec had another version). With
none of these there is no earlier version to compare with.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

REPO_ROOT = Path(__file__).resolve().parent.parent
SPEC = "openapi.yaml"
CHANGELOG = "CHANGELOG.md"
CLIENT_PACKAGE = "plivo_masking_client"
CLIENT_SEARCH_PATH = "generated"
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
# Keywords whose change alters no contract: prose and samples.
DOCUMENTATION = frozenset(
    {"description", "summary", "example", "examples", "title", "externalDocs"}
)


@dataclass(frozen=True, order=True)
class Change:
    """One difference between BASE and the work tree."""

    breaking: bool
    where: str  # "wire" or "client"
    subject: str  # what a changelog entry must name
    what: str  # the sentence printed


# ---------------------------------------------------------------- the wire


class _Document:
    """``$ref`` resolution within one parsed OpenAPI document."""

    def __init__(self, document: dict[str, Any]) -> None:
        self.document = document

    def resolve(self, node: Any) -> Any:
        seen = set()
        while isinstance(node, dict) and "$ref" in node and node["$ref"] not in seen:
            seen.add(node["$ref"])
            target: Any = self.document
            for part in node["$ref"].removeprefix("#/").split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            node = target
        return node


def _parameters(doc: _Document, item: dict[str, Any], operation: dict[str, Any]) -> dict[Any, Any]:
    found = {}
    for ref in [*item.get("parameters", []), *operation.get("parameters", [])]:
        parameter = doc.resolve(ref)
        found[(parameter["in"], parameter["name"])] = parameter
    return found


class _Comparison:
    """The wire changes between two parsed documents."""

    def __init__(self, base: dict[str, Any], head: dict[str, Any]) -> None:
        self.base, self.head = _Document(base), _Document(head)
        self.changes: list[Change] = []

    def add(self, breaking: bool, subject: str, what: str) -> None:
        self.changes.append(Change(breaking, "wire", subject, what))

    def run(self) -> list[Change]:
        base_paths = self.base.document.get("paths", {})
        head_paths = self.head.document.get("paths", {})
        for path in sorted(set(base_paths) | set(head_paths)):
            base_item, head_item = base_paths.get(path, {}), head_paths.get(path, {})
            for method in METHODS:
                label = f"{method.upper()} {path}"
                old, new = base_item.get(method), head_item.get(method)
                if old is None and new is not None:
                    self.add(False, label, f"{label}: operation added")
                elif old is not None and new is None:
                    self.add(True, label, f"{label}: operation removed")
                elif old is not None and new is not None:
                    count = len(self.changes)
                    self.operation(label, (base_item, old), (head_item, new))
                    if len(self.changes) == count and self._differs(old, new, base_item, head_item):
                        self.add(
                            False, label, f"{label}: {self._how(old, new, base_item, head_item)}"
                        )
        return self.changes

    def _differs(self, old: Any, new: Any, old_item: Any, new_item: Any) -> bool:
        """Whether anything of the operation differs, its references followed."""
        return bool(
            _expanded(self.base, old) != _expanded(self.head, new)
            or _expanded(self.base, old_item.get("parameters", []))
            != _expanded(self.head, new_item.get("parameters", []))
        )

    def _how(self, old: Any, new: Any, old_item: Any, new_item: Any) -> str:
        """What differs when no rule above matched: prose and samples, or something else."""
        before = _prose_free(_expanded(self.base, [old, old_item.get("parameters", [])]))
        after = _prose_free(_expanded(self.head, [new, new_item.get("parameters", [])]))
        if before == after:
            return "descriptions, examples or extensions"
        return "other keywords changed (no rule calls them breaking)"

    def operation(self, label: str, base: tuple[Any, Any], head: tuple[Any, Any]) -> None:
        old_params = _parameters(self.base, *base)
        new_params = _parameters(self.head, *head)
        for key in sorted(set(old_params) | set(new_params)):
            where, name = key
            old, new = old_params.get(key), new_params.get(key)
            place = f"{label}: {where} parameter `{name}`"
            if new is None:
                self.add(True, name, f"{place} removed")
            elif old is None:
                required = bool(new.get("required"))
                self.add(required, name, f"{place} added{' (required)' if required else ''}")
            else:
                if new.get("required") and not old.get("required"):
                    self.add(True, name, f"{place} became required")
                self.schema(place, name, old.get("schema", {}), new.get("schema", {}), True)
        self.request_body(label, base[1].get("requestBody"), head[1].get("requestBody"))
        self.responses(label, base[1].get("responses", {}), head[1].get("responses", {}))

    def request_body(self, label: str, old: Any, new: Any) -> None:
        old, new = self.base.resolve(old or {}), self.head.resolve(new or {})
        place = f"{label}: request body"
        if new.get("required") and not old.get("required"):
            self.add(True, label, f"{place} became required")
        self.content(place, label, old.get("content", {}), new.get("content", {}), True)

    def responses(self, label: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        for status in sorted(set(old) | set(new)):
            place = f"{label}: response {status}"
            if status not in new:
                self.add(True, label, f"{place} removed")
            elif status not in old:
                self.add(False, label, f"{place} added")
            else:
                before, after = self.base.resolve(old[status]), self.head.resolve(new[status])
                old_content, new_content = before.get("content", {}), after.get("content", {})
                self.content(place, label, old_content, new_content, False)
                old_headers, new_headers = before.get("headers", {}), after.get("headers", {})
                for name in sorted(set(old_headers) | set(new_headers)):
                    if name not in new_headers:
                        self.add(True, name, f"{place}: header {name} removed")
                    elif name not in old_headers:
                        self.add(False, name, f"{place}: header {name} added")

    def content(self, place: str, label: str, old: Any, new: Any, request: bool) -> None:
        for media in sorted(set(old) | set(new)):
            if media not in new:
                self.add(True, label, f"{place}: content type {media} removed")
            elif media not in old:
                self.add(False, label, f"{place}: content type {media} added")
            else:
                old_schema, new_schema = old[media].get("schema", {}), new[media].get("schema", {})
                self.schema(place, label, old_schema, new_schema, request)

    def schema(
        self, place: str, subject: str, old: Any, new: Any, request: bool, depth: int = 0
    ) -> None:
        """Compare two schemas; ``request``: the client sends it (narrowing breaks)."""
        old, new = self.base.resolve(old), self.head.resolve(new)
        if not isinstance(old, dict) or not isinstance(new, dict) or depth > 20:
            return
        old, new = _merged(self.base, old), _merged(self.head, new)
        if old.get("type") != new.get("type") and old.get("type") is not None:
            self.add(True, subject, f"{place}: type {old.get('type')} became {new.get('type')}")
            return
        self._enum(place, subject, old, new)
        if request:
            self._narrowed(place, subject, old, new)
        elif new.get("nullable") and not old.get("nullable"):
            self.add(True, subject, f"{place}: may now be null")
        old_props, new_props = old.get("properties", {}), new.get("properties", {})
        old_required, new_required = set(old.get("required", [])), set(new.get("required", []))
        for name in sorted(set(old_props) | set(new_props)):
            field = f"{place} `{name}`" if depth == 0 else f"{place}.{name}"
            if name not in new_props:
                self.add(True, name, f"{field} removed")
            elif name not in old_props:
                breaking = request and name in new_required
                self.add(breaking, name, f"{field} added{' (required)' if breaking else ''}")
            else:
                if request and name in new_required - old_required:
                    self.add(True, name, f"{field} became required")
                if not request and name in old_required - new_required:
                    self.add(True, name, f"{field} became optional in a response")
                self.schema(field, name, old_props[name], new_props[name], request, depth + 1)
        if "items" in old or "items" in new:
            old_items, new_items = old.get("items", {}), new.get("items", {})
            self.schema(f"{place}[]", subject, old_items, new_items, request, depth + 1)

    def _enum(self, place: str, subject: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        old_values, new_values = old.get("enum"), new.get("enum")
        if old_values is None:
            if new_values is not None:
                self.add(True, subject, f"{place}: now limited to {new_values}")
            return
        for value in old_values:
            if new_values is not None and value not in new_values:
                self.add(True, subject, f"{place}: enum value {value!r} removed")
        for value in new_values or []:
            if value not in old_values:
                self.add(False, subject, f"{place}: enum value {value!r} added")

    def _narrowed(self, place: str, subject: str, old: dict[str, Any], new: dict[str, Any]) -> None:
        """Request schemas: a new or changed pattern or format, a tighter limit, no more null."""
        for keyword in ("pattern", "format"):
            if new.get(keyword) is not None and new.get(keyword) != old.get(keyword):
                change = f"{keyword} {old.get(keyword)!r} became {new[keyword]!r}"
                self.add(True, subject, f"{place}: {change}")
            elif new.get(keyword) is None and old.get(keyword) is not None:
                self.add(False, subject, f"{place}: {keyword} {old[keyword]!r} dropped")
        for keyword, tighter in (
            ("maximum", lambda a, b: b < a),
            ("maxLength", lambda a, b: b < a),
            ("maxItems", lambda a, b: b < a),
            ("minimum", lambda a, b: b > a),
            ("minLength", lambda a, b: b > a),
            ("minItems", lambda a, b: b > a),
        ):
            before, after = old.get(keyword), new.get(keyword)
            if after is not None and (before is None or tighter(before, after)):
                self.add(True, subject, f"{place}: {keyword} {before} became {after}")
            elif before is not None and after != before:
                self.add(False, subject, f"{place}: {keyword} {before} became {after}")
        if old.get("nullable") and not new.get("nullable"):
            self.add(True, subject, f"{place}: no longer accepts null")
        if (
            old.get("additionalProperties") is not False
            and new.get("additionalProperties") is False
        ):
            self.add(True, subject, f"{place}: no longer accepts other properties")


def _merged(doc: _Document, schema: dict[str, Any]) -> dict[str, Any]:
    """``allOf`` parts folded into one schema (properties and required lists joined)."""
    if "allOf" not in schema:
        return schema
    merged: dict[str, Any] = {k: v for k, v in schema.items() if k != "allOf"}
    properties: dict[str, Any] = {}
    required: list[str] = []
    for part in schema["allOf"]:
        part = _merged(doc, doc.resolve(part))
        properties |= part.get("properties", {})
        required += part.get("required", [])
        merged |= {k: v for k, v in part.items() if k not in ("properties", "required")}
    merged["properties"] = properties | schema.get("properties", {})
    merged["required"] = sorted(set(required) | set(schema.get("required", [])))
    return merged


def _expanded(doc: _Document, node: Any, depth: int = 0) -> Any:
    """``node`` with its references followed (to a depth), for equality only."""
    node = doc.resolve(node)
    if depth > 30:
        return node
    if isinstance(node, dict):
        return {key: _expanded(doc, value, depth + 1) for key, value in node.items()}
    if isinstance(node, list):
        return [_expanded(doc, value, depth + 1) for value in node]
    return node


def _prose_free(node: Any) -> Any:
    """``node`` without documentation keywords and ``x-`` extensions."""
    if isinstance(node, dict):
        return {
            key: _prose_free(value)
            for key, value in node.items()
            if key not in DOCUMENTATION and not str(key).startswith("x-")
        }
    if isinstance(node, list):
        return [_prose_free(value) for value in node]
    return node


def wire_changes(base: dict[str, Any], head: dict[str, Any]) -> list[Change]:
    """Every wire-level change from the ``base`` document to ``head``, classified."""
    return _Comparison(base, head).run()


# ---------------------------------------------------------------- the generated client


def client_changes(repo: Path, base: str) -> list[Change]:
    """The generated client's public API breakages since ``base`` (griffe), or its additions."""
    import griffe  # the dev environment's; only this view needs it

    if not _exists(repo, base, f"{CLIENT_SEARCH_PATH}/{CLIENT_PACKAGE}"):
        return []
    old = griffe.load_git(CLIENT_PACKAGE, ref=base, repo=repo, search_paths=[CLIENT_SEARCH_PATH])
    new = griffe.load(CLIENT_PACKAGE, search_paths=[repo / CLIENT_SEARCH_PATH])
    changes = [
        Change(True, "client", _client_name(breakage.obj), _plain(breakage.explain()))
        for breakage in griffe.find_breaking_changes(old, new)
    ]
    untracked = _git(repo, "ls-files", "--others", "--exclude-standard", "--", CLIENT_SEARCH_PATH)
    changed = _git(repo, "diff", "--quiet", base, "--", CLIENT_SEARCH_PATH, check=False)
    if not changes and (changed or untracked.strip()):
        changes.append(Change(False, "client", CLIENT_PACKAGE, "generated client: additions only"))
    return changes


def _client_name(obj: Any) -> str:
    """An object's dotted name in its module (``PlivoApiError.__init__``), for the changelog."""
    path, module = str(obj.path), str(obj.module.path)
    return path.removeprefix(f"{module}.") if path != module else path


def _plain(text: str) -> str:
    """griffe's explanation without its terminal colours."""
    return re.sub(r"\x1b\[[0-9;]*m", "", text).strip()


# ---------------------------------------------------------------- git, versions, changelog


def _git(repo: Path, *args: str, check: bool = True) -> str:
    """Git's output; with ``check=False``, a non-empty marker when it exits non-zero."""
    run = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)
    if check and run.returncode != 0:
        raise GateError(f"git {' '.join(args)}: {run.stderr.strip()}")
    return run.stdout if check else ("differs" if run.returncode else "")


def _exists(repo: Path, ref: str, path: str) -> bool:
    return not _git(repo, "cat-file", "-e", f"{ref}:{path}", check=False)


class GateError(Exception):
    """BASE or a file at BASE cannot be read."""


def default_base(repo: Path) -> str | None:
    """Off main, the merge-base; else the newest v* tag; else the previous release (see above)."""
    head = _git(repo, "rev-parse", "HEAD").strip()
    for main in ("main", "origin/main"):
        if not _git(repo, "rev-parse", "--verify", "-q", main, check=False):
            merge_base = _git(repo, "merge-base", "HEAD", main).strip()
            if merge_base != head:
                return merge_base
            break
    tag = subprocess.run(
        ["git", "describe", "--tags", "--abbrev=0", "--match", "v[0-9]*"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    if tag:
        return tag
    current = spec_version(yaml.safe_load((repo / SPEC).read_text(encoding="utf-8")))
    released = previous_release(repo, current)
    if released is not None:
        return released
    for commit in _git(repo, "log", "--format=%H", "--", SPEC).split():
        text = _show(repo, commit, SPEC)
        if text is not None and spec_version(yaml.safe_load(text)) != current:
            return commit
    return None


def previous_release(repo: Path, current: tuple[int, int, int]) -> str | None:
    """The commit that added CHANGELOG.md's section of the newest version below ``current``."""
    log = repo / CHANGELOG
    if not log.is_file():
        return None
    versions = re.findall(r"^## \[(\d+)\.(\d+)\.(\d+)\]", log.read_text(encoding="utf-8"), re.M)
    below = sorted(v for v in ((int(a), int(b), int(c)) for a, b, c in versions) if v < current)
    if not below:
        return None
    heading = "## [{}.{}.{}]".format(*below[-1])
    commits = _git(repo, "log", "--format=%H", "-S", heading, "--", CHANGELOG).split()
    return commits[-1] if commits else None


def _show(repo: Path, ref: str, path: str) -> str | None:
    run = subprocess.run(
        ["git", "show", f"{ref}:{path}"], cwd=repo, capture_output=True, text=True, check=False
    )
    return run.stdout if run.returncode == 0 else None


def spec_version(document: dict[str, Any]) -> tuple[int, int, int]:
    """``info.version`` as (major, minor, patch)."""
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", str(document.get("info", {}).get("version", "")))
    if match is None:
        version = document.get("info", {}).get("version")
        raise GateError(f"info.version must be MAJOR.MINOR.PATCH, got {version!r}")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def changelog_section(text: str, version: str) -> str | None:
    """The text of ``## [version]`` in a Keep a Changelog file, or None."""
    match = re.search(rf"^## \[{re.escape(version)}\][^\n]*\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    return match.group(1) if match else None


@dataclass
class Verdict:
    """What the gate found and whether it passes."""

    base: str | None
    changes: list[Change]
    problems: list[str]

    @property
    def passed(self) -> bool:
        """No problem: the version (and the changelog) account for every change."""
        return not self.problems


def judge(repo: Path, base: str | None) -> Verdict:
    """Compare the work tree of ``repo`` with ``base`` and apply the release rule."""
    if base is None:
        return Verdict(None, [], [])
    old_text = _show(repo, base, SPEC)
    if old_text is None:
        raise GateError(f"{SPEC} cannot be read at {base}")
    old, new = yaml.safe_load(old_text), yaml.safe_load((repo / SPEC).read_text(encoding="utf-8"))
    changes = sorted(wire_changes(old, new) + client_changes(repo, base), reverse=True)
    problems: list[str] = []
    before, after = spec_version(old), spec_version(new)
    version = ".".join(map(str, after))
    breaking = [change for change in changes if change.breaking]
    if breaking and after[0] <= before[0]:
        problems.append(
            f"breaking changes need a new major version: info.version is {version},"
            f" {'.'.join(map(str, before))} at BASE; make it {before[0] + 1}.0.0"
        )
    elif changes and after <= before:
        problems.append(
            f"changes need a higher info.version than BASE's {'.'.join(map(str, before))}:"
            f" {before[0]}.{before[1] + 1}.0 (additions) or"
            f" {before[0]}.{before[1]}.{before[2] + 1} (fixes, documentation)"
        )
    if breaking:
        log = repo / CHANGELOG
        text = log.read_text(encoding="utf-8") if log.is_file() else ""
        section = changelog_section(text, version)
        if section is None:
            problems.append(
                f"{CHANGELOG} has no section '## [{version}]' naming the breaking changes"
            )
        else:
            missing = sorted({c.subject for c in breaking if c.subject not in section})
            if missing:
                problems.append(f"{CHANGELOG} '## [{version}]' does not name: {', '.join(missing)}")
    return Verdict(base, changes, problems)


def report(verdict: Verdict) -> Iterator[str]:
    """The verdict as printed lines."""
    if verdict.base is None:
        yield "breaking: nothing to compare with (no BASE, release tag or earlier info.version)"
        return
    yield f"breaking: {SPEC} and generated/ compared with {verdict.base}"
    for change in verdict.changes:
        kind = "BREAKING" if change.breaking else "ok      "
        yield f"  {kind} {change.where:6s} {change.what}"
    if not verdict.changes:
        yield "  no changes"
    for problem in verdict.problems:
        yield f"FAIL: {problem}"
    if verdict.passed:
        yield "breaking: passed"


def main(argv: list[str] | None = None) -> int:
    """List the changes since BASE and apply the release rule; 0 passed, 1 failed, 2 unusable."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--base", help="git ref to compare with (default: see the docstring)")
    parser.add_argument("--repo", type=Path, default=REPO_ROOT, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    try:
        base = args.base or default_base(args.repo)
        verdict = judge(args.repo, base)
    except GateError as error:
        print(f"breaking: {error}", file=sys.stderr)
        return 2
    for line in report(verdict):
        print(line)
    return 0 if verdict.passed else 1


if __name__ == "__main__":
    sys.exit(main())
