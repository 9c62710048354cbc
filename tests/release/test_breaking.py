"""``make breaking``: what changed in openapi.yaml since BASE, and the release rule for the spec.

The gate runs on a throwaway git repository holding this checkout's committed
openapi.yaml, CHANGELOG.md and generated/ client as BASE; each test edits the
work tree as a contributor would and reads the verdict. The wire
classification is shown one kind of change at a time on the parsed spec.
"""

from __future__ import annotations

import copy
import importlib.util
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "scripts" / "breaking.py"


def _load_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("breaking_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


breaking: Any = _load_script()
SPEC_TEXT = subprocess.run(
    ["git", "show", "HEAD:openapi.yaml"], cwd=REPO_ROOT, capture_output=True, text=True, check=True
).stdout
SPEC: dict[str, Any] = yaml.safe_load(SPEC_TEXT)
VERSION = SPEC["info"]["version"]
MAJOR, MINOR, PATCH = (int(part) for part in VERSION.split("."))
PATCHED = f"{MAJOR}.{MINOR}.{PATCH + 1}"
NEXT_MAJOR = f"{MAJOR + 1}.0.0"
# A seeded breaking edit: recordings can no longer be asked for as WAV.
REMOVE_WAV = ("enum: [mp3, wav]", "enum: [mp3]")
DESCRIBE = ("description: The audio format of recordings.", "description: The recordings' format.")


def git(repo: Path, *args: str) -> str:
    run = subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)
    return run.stdout


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose one commit (on main) holds this checkout's spec, changelog, client."""
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.email", "gate@example.com")
    git(tmp_path, "config", "user.name", "gate")
    archive = subprocess.run(
        ["git", "archive", "HEAD", "openapi.yaml", "CHANGELOG.md", "generated"],
        cwd=REPO_ROOT,
        capture_output=True,
        check=True,
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(tmp_path)], input=archive, check=True)
    git(tmp_path, "add", "-A")
    git(tmp_path, "commit", "-q", "-m", "release")
    return tmp_path


def edit_spec(repo: Path, *replacements: tuple[str, str], version: str | None = None) -> None:
    """Apply text replacements to the work tree's openapi.yaml, and set info.version."""
    path = repo / "openapi.yaml"
    text = path.read_text(encoding="utf-8")
    if version is not None:
        replacements = (*replacements, (f'version: "{VERSION}"', f'version: "{version}"'))
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")


def changelog_entry(repo: Path, version: str, entry: str) -> None:
    """A released section for ``version`` under ``[Unreleased]``, with one entry."""
    path = repo / "CHANGELOG.md"
    section = f"## [{version}] - 2026-12-05\n\n### Removed\n\n- {entry}\n\n"
    text = path.read_text(encoding="utf-8").replace(
        "## [Unreleased]\n\n", f"## [Unreleased]\n\n{section}"
    )
    path.write_text(text, encoding="utf-8")


def gate(repo: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    status = breaking.main(["--repo", str(repo), "--base", "HEAD"])
    return status, capsys.readouterr().out


# ---------------------------------------------------------------- the release rule


def test_a_seeded_breaking_edit_fails_the_gate_with_a_patch_bump(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(repo, REMOVE_WAV, version=PATCHED)
    status, out = gate(repo, capsys)
    assert status == 1
    assert "BREAKING wire" in out and "enum value 'wav' removed" in out
    assert f"make it {NEXT_MAJOR}" in out


def test_a_description_edit_with_a_patch_bump_passes(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(repo, DESCRIBE, version=PATCHED)
    status, out = gate(repo, capsys)
    assert status == 0, out
    assert "BREAKING" not in out and "descriptions, examples or extensions" in out


def test_any_change_without_a_version_bump_fails(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(repo, DESCRIBE)
    status, out = gate(repo, capsys)
    assert status == 1
    assert f"{MAJOR}.{MINOR}.{PATCH + 1} (fixes, documentation)" in out


def test_a_breaking_edit_passes_with_a_major_bump_and_a_changelog_entry_naming_it(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(repo, REMOVE_WAV, version=NEXT_MAJOR)
    changelog_entry(repo, NEXT_MAJOR, "`record_file_format`: `wav` is no longer offered.")
    status, out = gate(repo, capsys)
    assert status == 0, out


def test_a_major_bump_without_a_changelog_entry_naming_the_break_fails(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    edit_spec(repo, REMOVE_WAV, version=NEXT_MAJOR)
    changelog_entry(repo, NEXT_MAJOR, "Recordings are MP3 only.")
    status, out = gate(repo, capsys)
    assert status == 1
    assert "does not name: record_file_format" in out


def test_nothing_changed_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out = gate(repo, capsys)
    assert (status, "no changes" in out) == (0, True)


# ---------------------------------------------------------------- the generated client (griffe)


def test_a_removed_public_name_of_the_client_is_a_breaking_client_change(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    errors = repo / "generated" / "plivo_masking_client" / "errors.py"
    text = errors.read_text(encoding="utf-8")
    errors.write_text(text.replace("class PlivoApiError", "class _PlivoApiError", 1), "utf-8")
    status, out = gate(repo, capsys)
    assert status == 1
    assert "BREAKING client" in out and "PlivoApiError" in out


def test_additions_to_the_client_are_not_breaking(
    repo: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = repo / "generated" / "plivo_masking_client"
    (package / "newly_added.py").write_text(
        '"""A new module."""\n\n\nclass MaskingSessions:\n    """New."""\n', "utf-8"
    )
    edit_spec(repo, version=f"{MAJOR}.{MINOR + 1}.0")
    status, out = gate(repo, capsys)
    assert status == 0, out
    assert "ok       client generated client: additions only" in out


# ---------------------------------------------------------------- where BASE comes from


def test_on_main_without_a_tag_base_is_the_commit_that_released_the_previous_version(
    repo: Path,
) -> None:
    released = git(repo, "rev-parse", "HEAD").strip()
    edit_spec(repo, DESCRIBE, version=PATCHED)
    git(repo, "commit", "-q", "-am", "patch")
    assert breaking.default_base(repo) == released


def test_on_a_branch_base_is_the_merge_base_with_main(repo: Path) -> None:
    fork = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "checkout", "-q", "-b", "topic")
    edit_spec(repo, DESCRIBE)
    git(repo, "commit", "-q", "-am", "topic")
    assert breaking.default_base(repo) == fork


def test_a_release_tag_is_the_base_on_main(repo: Path) -> None:
    git(repo, "tag", f"v{VERSION}")
    edit_spec(repo, DESCRIBE, version=PATCHED)
    git(repo, "commit", "-q", "-am", "patch")
    assert breaking.default_base(repo) == f"v{VERSION}"


# ---------------------------------------------------------------- the wire, one kind at a time

Edit = Callable[[dict[str, Any]], None]


Locate = Callable[[dict[str, Any]], dict[str, Any]]


def _at(*keys: str) -> Locate:
    """Where a node is in a parsed spec, by its keys."""

    def locate(spec: dict[str, Any]) -> dict[str, Any]:
        node = spec
        for key in keys:
            node = node[key]
        return node

    return locate


def _schema(name: str) -> Locate:
    return _at("components", "schemas", name)


def _drop(mapping: Locate, key: str) -> Edit:
    return lambda spec: mapping(spec).pop(key)


def _set(mapping: Locate, key: str, value: Any) -> Edit:
    return lambda spec: mapping(spec).__setitem__(key, value)


VERIFY_CREATE = _schema("VerifySessionCreateRequest")
VERIFY_CREATED = _schema("VerifySessionCreateResponse")
CODE_LENGTH = _at(
    "components", "schemas", "VerifySessionCreateRequest", "properties", "code_length"
)
LOCALE = _at("components", "schemas", "VerifySessionCreateRequest", "properties", "locale")
LIMIT = _at("components", "parameters", "Limit", "schema")
VERIFY_LIST = _at("paths", "/Verify/Session", "get")
CREATE_BODY = _at("paths", "/Verify/Session", "post", "requestBody", "content")


def _removed_parameter(spec: dict[str, Any]) -> None:
    VERIFY_LIST(spec)["parameters"] = VERIFY_LIST(spec)["parameters"][1:]


def _required_request_field(spec: dict[str, Any]) -> None:
    VERIFY_CREATE(spec)["required"] = ["recipient", "channel"]


def _optional_response_field(spec: dict[str, Any]) -> None:
    VERIFY_CREATED(spec)["required"] = ["api_id", "message"]


def _changed_content_type(spec: dict[str, Any]) -> None:
    CREATE_BODY(spec)["application/x-www-form-urlencoded"] = CREATE_BODY(spec).pop(
        "application/json"
    )


def _added_optional_field(spec: dict[str, Any]) -> None:
    VERIFY_CREATE(spec)["properties"]["campaign"] = {"type": "string"}


@pytest.mark.parametrize(
    ("edit", "breaks", "says"),
    [
        (
            _drop(lambda spec: spec["paths"]["/Masking/Session/{session_uuid}"], "delete"),
            True,
            "operation removed",
        ),
        (_removed_parameter, True, "query parameter `app_uuid` removed"),
        (
            _drop(lambda spec: VERIFY_CREATED(spec)["properties"], "message"),
            True,
            "`message` removed",
        ),
        (_set(_schema("RecordFileFormat"), "enum", ["mp3"]), True, "enum value 'wav' removed"),
        (_required_request_field, True, "`channel` became required"),
        (_set(CODE_LENGTH, "type", "string"), True, "type integer became string"),
        (_set(LOCALE, "pattern", "^[a-z]{2}$"), True, "pattern"),
        (_set(LIMIT, "maximum", 10), True, "maximum 20 became 10"),
        (
            _drop(_at("paths", "/Masking/Session/{session_uuid}", "delete", "responses"), "404"),
            True,
            "response 404 removed",
        ),
        (_changed_content_type, True, "content type application/json removed"),
        (_optional_response_field, True, "`session_uuid` became optional in a response"),
        (_set(LIMIT, "maximum", 50), False, "maximum 20 became 50"),
        (_added_optional_field, False, "`campaign` added"),
        (_set(VERIFY_LIST, "summary", "Lists."), False, "descriptions, examples or extensions"),
    ],
    ids=[
        "removed operation",
        "removed parameter",
        "removed response property",
        "removed enum value",
        "new required request field",
        "narrowed type",
        "narrowed pattern",
        "narrowed limit",
        "removed status",
        "changed content type",
        "response field became optional",
        "widened limit",
        "added optional request field",
        "documentation",
    ],
)
def test_each_kind_of_wire_change_is_classified(edit: Edit, breaks: bool, says: str) -> None:
    head = copy.deepcopy(SPEC)
    edit(head)
    changes = breaking.wire_changes(SPEC, head)
    found = [change for change in changes if says in change.what]
    assert found, [change.what for change in changes]
    assert {change.breaking for change in found} == {breaks}
