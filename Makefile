# The two commands a newcomer needs:  `make serve`  and  `make test`.
# Every target sets up what it uses (.venv, node_modules, Chromium) by itself.

SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
# Worker processes of `make serve` (and `make bench`): two share one SQLite state,
# and reads scale with them (bench/README.md); WORKERS=1 for one process.
WORKERS ?= 2
PIP_VERSION := 26.3
# Extra pytest arguments of `make test`, e.g. PYTEST_ARGS=--junitxml=reports/pytest-junit.xml (CI).
PYTEST_ARGS ?=

# The generated client is installed into the venv once `make generate` has made it.
GENERATED_PKG := $(if $(wildcard generated/pyproject.toml),-e ./generated,)

.PHONY: help serve test lint lint-spec lint-code fmt generate check-generated \
        breaking contract contract-deep bench chromium wrk lock clean

# The targets that carry a `## ` comment, in the order of this file: the two commands
# first, set-up helpers last (tests/first_run/test_make_help.py holds `make help` to that).
help:
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed 's/$$(PORT)/$(PORT)/g' \
	  | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

# ---------------------------------------------------------------- set-up

$(BIN)/python:
	@echo "Creating $(VENV) ..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)

# Runtime only: what `make serve` needs.
$(VENV)/.runtime: $(BIN)/python pyproject.toml constraints.txt
	@echo "Installing the sandbox's pinned Python packages into $(VENV) (under a minute) ..."
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	@touch $@

# The contract runner (`make contract`): the sandbox and schemathesis, nothing else.
$(VENV)/.contract: $(VENV)/.runtime
	@echo "Installing the contract runner's pinned packages (schemathesis) into $(VENV) ..."
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[contract]'
	@touch $@

# Everything: tests, linters, generator, the generated client.
# (generated/ is installed editable, so regenerating it needs no reinstall.)
$(VENV)/.dev: $(VENV)/.contract | $(wildcard generated/pyproject.toml)
	@echo "Installing the test, lint and generator packages into $(VENV) (about a minute) ..."
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]' $(GENERATED_PKG)
	@touch $@

node_modules/.installed: package.json package-lock.json
	@echo "Installing the pinned npm tools (Redocly CLI) into node_modules (npm ci) ..."
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# ---------------------------------------------------------------- the two commands

serve: $(VENV)/.runtime ## Serve the sandbox on http://127.0.0.1:$(PORT), Swagger UI at /docs
	PORT=$(PORT) $(BIN)/python -m plivo_sandbox --workers $(WORKERS)

test: $(VENV)/.dev node_modules/.installed chromium ## Lint, check the release rule, then run the whole test suite
	$(MAKE) --no-print-directory lint
	$(MAKE) --no-print-directory breaking
	$(BIN)/pytest -n 2 $(PYTEST_ARGS)

# ---------------------------------------------------------------- linting

lint: lint-spec lint-code check-generated ## Validate the spec, the code (ruff, mypy) and that generated/ is current

lint-spec: $(VENV)/.dev node_modules/.installed
	$(BIN)/openapi-spec-validator openapi.yaml
	npx --no-install redocly lint --format=stylish openapi.yaml

lint-code: $(VENV)/.dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

fmt: $(VENV)/.dev ## Format and auto-fix the Python code
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# ---------------------------------------------------------------- the generated client

generate: $(VENV)/.dev ## Regenerate the Python client in generated/ from openapi.yaml
	BIN=$(BIN) scripts/generate_client.sh generated

check-generated: $(VENV)/.dev ## Fail, printing the diff, when generated/ is stale or hand-edited
	BIN=$(BIN) bash scripts/check_generated.sh

# ---------------------------------------------------------------- the release rule

# BASE: a git ref; by default the merge-base with main off main, else the newest v* tag,
# else the previous info.version's last commit (scripts/breaking.py).
breaking: $(VENV)/.dev ## What changed in openapi.yaml and the client since BASE, and the version rule: make breaking [BASE=ref]
	$(BIN)/python scripts/breaking.py $(if $(BASE),--base '$(BASE)')

# ---------------------------------------------------------------- contract tests

# URL, ALLOW_WRITES, SEED... reach the script as environment variables; credentials
# come from the environment only (PLIVO_AUTH_ID, PLIVO_AUTH_TOKEN), never a command line.
# Needs only the `contract` extra, not the dev environment (docs/contract-testing.md).
contract: $(VENV)/.contract ## Schemathesis against a server: make contract [URL=... SEED=... MAX_EXAMPLES=...]
	$(BIN)/python scripts/contract.py

contract-deep: $(VENV)/.dev ## Deep contract tests against the sandbox (thousands of cases, ~15 min)
	CONTRACT_DEEP=1 $(BIN)/pytest tests/contract -n 2 -p no:cacheprovider

# ---------------------------------------------------------------- benchmarks

# Knobs: DURATION (s per operation), CONNECTIONS (wrk -c), FILL (also the lists
# at 100 vs FILL stored sessions), CALLS (client overhead; 0 skips), BENCH_ARGS
# (anything else of bench/bench.py --help, e.g. --ops=get_masking --no-prism).
DURATION    ?= 10
CONNECTIONS ?= 8
FILL        ?= 0
CALLS       ?= 1000
BENCH_ARGS  ?=

# Prism is pinned in bench/prism (its own package.json and lock), so that
# `make test` does not install it.
bench/prism/node_modules/.installed: bench/prism/package.json bench/prism/package-lock.json
	@echo "Installing the pinned Stoplight Prism into bench/prism/node_modules (npm ci) ..."
	npm ci --prefix bench/prism --no-audit --no-fund --loglevel=error
	@touch $@

bench: $(VENV)/.dev bench/prism/node_modules/.installed wrk ## The sandbox against Prism under wrk: make bench [DURATION=10 CONNECTIONS=8 FILL=100000]
	$(BIN)/python bench/bench.py --duration $(DURATION) --connections $(CONNECTIONS) \
	  --fill $(FILL) --client-calls $(CALLS) --workers $(WORKERS) $(BENCH_ARGS)

# ---------------------------------------------------------------- system tools and the lock

chromium: ## Install Debian's headless Chromium for the browser test, if missing
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then echo "Installing Debian's chromium for the browser test (apt-get, a minute or two) ..."; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: run 'sudo apt-get install chromium' (the browser test is skipped without it)"; fi; }

wrk: ## Install Debian's wrk (the benchmark's load generator), if missing
	@command -v wrk >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "wrk is missing: run 'sudo apt-get install wrk' (make bench needs it)"; exit 1; fi; }

lock: $(BIN)/python ## Re-resolve pyproject.toml pins and rewrite constraints.txt
	$(BIN)/pip install --quiet -e '.[dev]'
	{ echo "# Exact versions of every Python package, direct and transitive, that the"; \
	  echo "# pins in pyproject.toml resolve to. \`make lock\` rewrites this file."; \
	  $(BIN)/pip freeze --all --exclude-editable | grep -v '^pip=='; } > constraints.txt

clean: ## Remove the venv, node_modules and caches
	rm -rf $(VENV) node_modules bench/prism/node_modules .pytest_cache .mypy_cache .ruff_cache .hypothesis
