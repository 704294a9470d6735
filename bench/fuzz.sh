#!/usr/bin/env bash
# A long run of the vault-file fuzzer (tests/engine/fuzz.rs), for the closing figures (not CI).
# Usage: bench/fuzz.sh [CASES] [SEED]   (default 2000 cases)
set -euo pipefail
cd "$(dirname "$0")/.."
KEEL_FUZZ_CASES=${1:-2000} KEEL_FUZZ_SEED=${2:-$RANDOM} cargo test --release --locked -p keel \
  --test engine mutated_headers -- --nocapture 2>&1 | grep -E "fuzz:|test result|panicked"
