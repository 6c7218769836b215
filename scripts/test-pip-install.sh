#!/usr/bin/env bash
# `pip install ./bindings-python` on a fresh virtual environment, as a user
# would run it: pip fetches maturin into an isolated build environment,
# builds the abi3 wheel from source and installs it with numpy, its only
# required dependency. Then the installed package answers a call.
# CARGO_TARGET_DIR points at the workspace's target/ so that the build
# reuses what scripts/build-python.sh already compiled.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$(mktemp -d)/venv"
trap 'rm -rf "$(dirname "$venv")"' EXIT
python3 -m venv "$venv"
CARGO_TARGET_DIR="$root/target" "$venv/bin/python" -m pip install --quiet "$root/bindings-python"
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
