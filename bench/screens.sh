#!/usr/bin/env bash
# The everyday screens at scale: unlock, History (open, scroll, memory) and Search in the real
# window, release build, a vault of COUNT records. Needs what `scripts/setup --tests` installs.
# Usage: bench/screens.sh [COUNT] [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
scripts/setup --tests
(cd ui && npm run build --silent)
cargo build --release --locked -p keel-desktop
cargo build --release --locked -p keel --example seed_vault
work=$(mktemp -d)
trap 'rm -rf "$work"; [ -n "${xvfb:-}" ] && kill "$xvfb" 2>/dev/null || true' EXIT
export KEEL_PASSPHRASE="benchmark passphrase"
target/release/examples/seed_vault "$work/vault.keel" "${1:-50000}"
if [ -z "${DISPLAY:-}" ]; then
  Xvfb :93 -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 & xvfb=$!
  export DISPLAY=:93
  sleep 1
fi
E2E_RUN_DIR="$work" node bench/screens.mjs "$PWD/target/release/keel-desktop" "$work/vault.keel" "${2:-3}"
