#!/usr/bin/env bash
# Runs every check: the lint gate (rustfmt, clippy, rustdoc, ruff), the Rust
# crate's tests (unit, integration, doc) and the Python package's (pytest, and the
# type stubs checked against the built module). Builds polysum into its own venv
# (.venv-test) first, as a user would install it.
set -euo pipefail
cd "$(dirname "$0")/.."

cargo fmt --all --check
cargo clippy --quiet --all-targets --all-features -- -D warnings
RUSTDOCFLAGS=-Dwarnings cargo doc --quiet --no-deps --all-features

cargo test --quiet --features cli

python=${PYTHON:-python3}
venv=.venv-test
[ -x "$venv/bin/python" ] || "$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check ".[test,integrations-test]"
"$venv/bin/python" -m ruff check python tests benches examples scripts
"$venv/bin/python" -m ruff format --check python tests benches examples scripts
"$venv/bin/python" -m pytest
"$venv/bin/python" -m mypy.stubtest polysum --allowlist tests/python/stubtest-allowlist.txt
