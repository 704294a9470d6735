#!/usr/bin/env bash
# Desktop benchmarks: Keel against an empty Tauri 2 window, both release builds, same run.
# Needs what `scripts/setup --tests` installs. Usage: bench/app.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup --tests
(cd ui && npm run build --silent)
cargo build --release --locked -p keel-desktop -p minimal-window
cargo build --release --locked -p keel --example seed_vault
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
export KEEL_PASSPHRASE="benchmark passphrase"
target/release/examples/seed_vault "$work/vault.keel" 10000
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :94 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:94
  sleep 1
fi
node bench/app-bench.mjs "$PWD/target/release/keel-desktop" "$PWD/target/release/minimal-window" "$work/vault.keel" "${1:-5}"
