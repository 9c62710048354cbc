#!/usr/bin/env bash
# Drift check for the generated client: regenerates it from openapi.yaml,
# generator-config.yml and client_templates/ into a temporary directory and
# fails, printing the diff, when generated/ differs from that fresh output.
#
# Usage: scripts/check_generated.sh        (run from anywhere; `make check-generated`)
#
# It runs the same scripts/generate_client.sh as `make generate`.
set -euo pipefail

cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

if ! BIN="$BIN" scripts/generate_client.sh "$tmp/generated" >"$tmp/generator.log" 2>&1; then
    cat "$tmp/generator.log" >&2
    echo "check-generated: the generator failed or warned (output above)" >&2
    exit 1
fi

if [ ! -d generated ]; then
    echo "check-generated: generated/ is missing; run 'make generate'" >&2
    exit 1
fi

# Build and tool artefacts that an install or a test run leaves in generated/
# are not part of the generator's output.
if ! diff -ru \
    --exclude=__pycache__ \
    --exclude='*.egg-info' \
    --exclude=.ruff_cache \
    --exclude=.mypy_cache \
    --exclude=.pytest_cache \
    --exclude=build \
    --exclude=dist \
    generated "$tmp/generated"; then
    echo >&2
    echo "check-generated: generated/ differs from what openapi.yaml, generator-config.yml" >&2
    echo "and client_templates/ produce (diff above: - is generated/, + is fresh output)." >&2
    echo "Run 'make generate' and commit the result; never edit generated/ by hand." >&2
    exit 1
fi
echo "check-generated: generated/ is up to date"
