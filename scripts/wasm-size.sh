#!/usr/bin/env bash
# Prints the size of the release WASM module (bindings-wasm/pkg-web, after
# scripts/build-wasm.sh), raw and gzipped, against issue 6's budget
# (300 KB / 120 KB, with the embedded calendar), and fails past it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wasm="$root/bindings-wasm/pkg-web/motcua_bg.wasm"
budget_raw=307200     # 300 KB, issue 6
budget_gzip=122880    # 120 KB, issue 6
raw=$(wc -c < "$wasm")
gz=$(gzip -9 -c "$wasm" | wc -c)
verdict() { if [ "$1" -le "$2" ]; then echo "within"; else echo "OVER"; fi; }
printf 'motcua_bg.wasm: %d bytes raw (%s the %d budget), %d gzipped (%s the %d budget)\n' \
  "$raw" "$(verdict "$raw" "$budget_raw")" "$budget_raw" "$gz" "$(verdict "$gz" "$budget_gzip")" "$budget_gzip"
if [ "$raw" -gt "$budget_raw" ] || [ "$gz" -gt "$budget_gzip" ]; then
  echo "wasm-size: the module is over its budget" >&2
  exit 1
fi
