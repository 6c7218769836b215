#!/usr/bin/env bash
# End-to-end test of the demo portal (examples/portal/) in headless Chromium:
# Debian's `chromium` package driven by playwright-core from npm (no browser
# download). Installs what is missing, then runs `node --test` and leaves a
# full-page screenshot in examples/portal/out/portal.png.
#
# Needs the browser builds of the WASM package and of its test build
# (pkg-probe-web, for the recovery after an internal error): scripts/build-wasm.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
portal="$root/examples/portal"
step() { printf '\n=== %s\n' "$*"; }

# Run as root on the project's machines; elsewhere fall back to sudo.
sudo=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null; then sudo="sudo"; fi

if [ ! -x /usr/bin/chromium ]; then
  step "installing Debian's chromium"
  $sudo apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium
fi

if ! command -v node >/dev/null; then
  echo "node (>= 20) is needed for the portal test" >&2
  exit 1
fi

# npm records what it installed in node_modules/.package-lock.json; a newer
# package-lock.json means the lockfile changed since (or nothing is there).
if [ ! -f "$portal/node_modules/.package-lock.json" ] \
   || [ "$portal/package-lock.json" -nt "$portal/node_modules/.package-lock.json" ]; then
  step "npm ci (examples/portal)"
  (cd "$portal" && npm ci --no-audit --no-fund)
fi

for pkg in pkg-web pkg-probe-web; do
  if [ ! -f "$root/bindings-wasm/$pkg/motcua.js" ]; then
    echo "bindings-wasm/$pkg/motcua.js is missing: run scripts/build-wasm.sh first" >&2
    exit 1
  fi
done

step "portal test (headless Chromium)"
cd "$root"
node --test examples/portal/test/
echo "screenshot: examples/portal/out/portal.png"
