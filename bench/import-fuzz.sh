#!/usr/bin/env bash
# A long run of the importers' never-panic property (tests/engine/import.rs): any text, and
# the real sample files with bytes put in anywhere, through the Keel, Daylio, Day One and jrnl
# readers, and a Day One export zip with bytes put in or written over anywhere. Usage: bench/import-fuzz.sh [CASES] (default 200000).
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
KEEL_FUZZ_CASES="${1:-200000}" cargo test --release --locked -p keel --test engine import::never_panic -- --nocapture
echo "import fuzz: ${1:-200000} cases in $(( $(date +%s) - start )) s, no panic"
