#!/usr/bin/env bash
# The two ways the README installs the Python package, each on a fresh
# virtual environment, as a user would run them:
#
# 1. `pip install target/wheels/motcua-*.whl`: the one wheel that
#    scripts/build-python.sh leaves there (the glob must match one file).
# 2. `pip install ./bindings-python`: pip fetches maturin into an isolated build environment,
# builds the abi3 wheel from source and installs it with numpy, its only
# required dependency. Then the installed package answers a call.
# CARGO_TARGET_DIR points at the workspace's target/ so that the build
# reuses what scripts/build-python.sh already compiled.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

shopt -s nullglob
wheels=("$root"/target/wheels/motcua-*.whl)
if [ "${#wheels[@]}" -ne 1 ]; then
  echo "test-pip-install: target/wheels holds ${#wheels[@]} motcua wheels, not one: ${wheels[*]}" >&2
  exit 1
fi
python3 -m venv "$work/wheel"
"$work/wheel/bin/python" -m pip install --quiet "${wheels[0]}"
"$work/wheel/bin/python" -c '
import datetime as dt, motcua
due, _ = motcua.Catalog.sample()["2.000001"].estimate(dt.datetime(2026, 2, 13, 15, 30))
assert due is not None
' >/dev/null
echo "pip install target/wheels/$(basename "${wheels[0]}"): installed and answered"

venv="$work/venv"
python3 -m venv "$venv"
CARGO_TARGET_DIR="$root/target" "$venv/bin/python" -m pip install --quiet "$root/bindings-python"
# maturin's PEP 517 build leaves its own copy of the wheel in
# target/wheels; pip installed it already, and the README's glob must find
# one wheel only.
for wheel in "$root"/target/wheels/motcua-*.whl; do
  [ "$wheel" = "${wheels[0]}" ] || rm -f "$wheel"
done
"$venv/bin/python" - <<'PY'
import datetime as dt
import importlib.metadata as md

import motcua

cal = motcua.Calendar.vietnam()
assert cal.add_working_days(dt.date(2026, 2, 13), 1) == dt.date(2026, 2, 23)
requires = md.requires("motcua") or []
required = [r for r in requires if "extra ==" not in r]
assert [r.split(">")[0].split("=")[0].strip() for r in required] == ["numpy"], required
print(f"pip install ./bindings-python: motcua {motcua.__version__}, requires {required}; "
      f"extras: {sorted(md.metadata('motcua').get_all('Provides-Extra'))}")
PY
