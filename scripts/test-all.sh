#!/usr/bin/env bash
# The one test command: installs what the tests need on a fresh machine
# (Python venv with maturin and pytest, the WASM toolchain), then runs every
# check in all three runtimes:
#   1. cargo fmt --check, clippy with warnings as errors;
#   2. boundary check: the core depends on no binding crate;
#   3. cargo tests (unit, integration, doc, proptest, regeneration checks),
#      and the crate as crates.io gets it: `cargo package`, its doctests
#      inside the package, and a build with the MSRV toolchain;
#   4. every fuzz target of fuzz/ for 20 s (scripts/fuzz.sh; a longer
#      budget is `scripts/fuzz.sh 600`), and the main job's smoke run;
#   5. pytest against the installed wheel, mypy.stubtest on its stubs,
#      the one wheel of target/wheels and `pip install ./bindings-python`
#      each on a fresh venv, mypy --strict on the Python examples;
#   6. Node tests against the built WASM package, tsc --noEmit on consumer
#      files of both builds, the npm package packed, installed and imported
#      by a consumer project, the module's size, and the demo portal page
#      in headless Chromium (scripts/test-portal.sh).
# The conformance vectors in tests/vectors/ run in all three runtimes.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
step() { printf '\n=== %s\n' "$*"; }

step "rustfmt"
cargo fmt --all -- --check
(cd fuzz && cargo fmt -- --check)

step "clippy (warnings are errors)"
cargo clippy --quiet --workspace --all-targets -- -D warnings

step "core boundary: no binding crate in the core's dependency tree"
if cargo tree -p motcua -e normal --prefix none | grep -Eq '^(pyo3|wasm-bindgen|js-sys|serde-wasm-bindgen) '; then
  echo "the motcua core must not depend on binding crates" >&2
  exit 1
fi

step "cargo test (unit, integration, doc, proptest, generated tables)"
cargo test --quiet --workspace --exclude motcua-python --exclude motcua-wasm

step "the crate as published: cargo package, doctests inside it, the MSRV"
scripts/test-crate-package.sh

step "fuzz: every target for 20 s (coverage-guided, AddressSanitizer)"
scripts/fuzz.sh 20

step "main job: the sample center's quarter"
cargo run --quiet -p motcua-examples --bin center-report -- --out target/center-report.json > target/center-report.txt
grep -q "identities .*: hold" target/center-report.txt
# Beside its JSON, the files a center sends (opened by openpyxl in pytest).
for f in target/II06a-2026-Q3.xlsx target/scorecard-2026-09.xlsx; do
  [ "$(head -c 2 "$f")" = "PK" ] || { echo "the main job did not write $f" >&2; exit 1; }
done
tail -n 1 target/center-report.txt

step "Python: build and install the wheel"
scripts/build-python.sh
step "pytest (installed wheel)"
.venv/bin/python -m pytest -q bindings-python/tests
step "mypy.stubtest: the type stubs match the installed package"
.venv/bin/python -m mypy.stubtest motcua
step "the wheel of target/wheels, and pip install ./bindings-python, each on a fresh venv"
scripts/test-pip-install.sh
step "mypy --strict on the Python examples"
.venv/bin/python -m mypy --strict examples/analyst

step "WASM: build the module"
scripts/build-wasm.sh
step "node --test (built WASM package)"
node --test bindings-wasm/tests/
step "tsc --noEmit: consumer files against the .d.ts of both builds"
(cd bindings-wasm/types-test && npm ci --no-audit --no-fund --loglevel=error)
(cd bindings-wasm/types-test && npx --no-install tsc -p tsconfig.json)
step "npm pack: a consumer project installs, imports and type-checks the package"
scripts/test-npm-package.sh
step "WASM module size"
scripts/wasm-size.sh
step "demo portal page in headless Chromium"
scripts/test-portal.sh
