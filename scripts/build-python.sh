#!/usr/bin/env bash
# Builds the abi3 wheel of the `motcua` Python package into target/wheels/
# and installs it into .venv (the tests import the installed wheel, not the
# source tree).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
python="$("$root/scripts/python-env.sh" | tail -n 1)"
venv_bin="$(dirname "$python")"
rm -f "$root"/target/wheels/motcua-*.whl
"$venv_bin/maturin" build --release --quiet \
  --manifest-path "$root/bindings-python/Cargo.toml" \
  --interpreter "$python" --out "$root/target/wheels"
"$python" -m pip install --quiet --force-reinstall --no-deps "$root"/target/wheels/motcua-*.whl
ls "$root"/target/wheels/motcua-*.whl
