#!/usr/bin/env bash
# Runs every test: the Rust crate's (unit, integration, doc) and the Python
# package's (pytest, and the type stubs checked against the built module).
# Builds polysum into its own venv (.venv-test) first, as a user would install it.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo test --quiet --features cli

python=${PYTHON:-python3}
venv=.venv-test
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check ".[test]"
"$venv/bin/python" -m pytest
"$venv/bin/python" -m mypy.stubtest polysum --allowlist tests/python/stubtest-allowlist.txt
