#!/usr/bin/env bash
# Runs every fuzz target in fuzz/fuzz_targets for FUZZ_SECONDS each (default 60)
# under libFuzzer with AddressSanitizer, starting from the committed corpus in
# fuzz/corpus/<target> (new inputs go to a scratch folder, so the repository is
# never written). Prints the executions per target; exits non-zero on a crash.
#
# Needs a nightly toolchain for -Zsanitizer (cargo +nightly), or, failing that,
# the stable one with RUSTC_BOOTSTRAP=1. The flags are those cargo-fuzz passes.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-60}
target=x86_64-unknown-linux-gnu
toolchain=()
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  toolchain=(+nightly)
else
  export RUSTC_BOOTSTRAP=1
fi
export RUSTFLAGS="-Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
-Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
-Cllvm-args=-sanitizer-coverage-trace-compares -Zsanitizer=address --cfg fuzzing -Cdebug-assertions"
export CARGO_TARGET_DIR=${FUZZ_TARGET_DIR:-fuzz/target}
cargo "${toolchain[@]}" build --quiet --release --manifest-path fuzz/Cargo.toml --target "$target" --bins
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for source in fuzz/fuzz_targets/*.rs; do
  name=$(basename "$source" .rs)
  mkdir -p "$scratch/$name" "fuzz/corpus/$name"
  log="$scratch/$name.log"
  if ! "$CARGO_TARGET_DIR/$target/release/$name" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=20 \
      -artifact_prefix="$scratch/" "$scratch/$name" "fuzz/corpus/$name" >"$log" 2>&1; then
    tail -40 "$log"
    echo "fuzz: $name failed; the input is in $scratch (kept)" >&2
    trap - EXIT
    exit 1
  fi
  runs=$(grep -o 'Done [0-9]* runs' "$log" | tail -1 || true)
  echo "fuzz: $name: ${runs:-no summary line} in ${seconds} s"
done
