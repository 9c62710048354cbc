#!/usr/bin/env bash
# Generates the Python client from openapi.yaml, generator-config.yml and
# client_templates/ into the directory given (default: generated/).
# SPEC=<file> generates from another spec (the tests use a changed copy).
# `make generate` and scripts/check_generated.sh both run exactly this.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.venv/bin}"
out="${1:-generated}"
spec="${SPEC:-openapi.yaml}"
# The generator's post hooks call `ruff` by name: the venv's pinned ruff must
# come first on PATH, or the formatting (and so the diff) depends on the machine.
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
export PATH="$BIN:$PATH"
rm -rf "$out"
openapi-python-client generate \
    --path "$spec" \
    --config generator-config.yml \
    --custom-template-path client_templates \
    --meta setup \
    --fail-on-warning \
    --output-path "$out" \
    --overwrite
# Modules the generator has no template slot for (webhooks.py): see the script.
"$BIN/python" scripts/render_client_extras.py "$out" "$spec"
