#!/usr/bin/env bash
# Kill -9 rounds for the closing figures (not CI): the writer adds, edits, changes the
# passphrase and re-keys while it is killed at varying points; after every round the file, every
# record and the manifest must be whole and no record reported saved may be missing.
# Usage: bench/crash-rounds.sh [ROUNDS]   (default 1000 of the mixed writer, 200 of adds only)
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-1000}
# The writer the rounds kill is an example of the CLI crate; `--test` alone does not build it.
cargo build --release --locked -p keel-cli --example stream_writer
KEEL_CRASH_ROUNDS=$rounds cargo test --release --locked -p keel-cli --test cli \
  kill_9_amid_adds_edits_passphrase_changes_and_rekeys -- --nocapture 2>&1 | grep -E "rounds|test result"
KEEL_CRASH_ROUNDS=$((rounds / 5)) cargo test --release --locked -p keel-cli --test cli \
  kill_9_mid_stream_of_adds -- --nocapture 2>&1 | grep -E "rounds|test result"
