#!/usr/bin/env bash
# Creates (or updates) the project virtualenv .venv with the build and test
# tools of the Python package. Pinned versions, installed from PyPI.
# Usage: scripts/python-env.sh   (prints the venv's python path last)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
venv="$root/.venv"
python="${PYTHON:-python3}"
if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
stamp="$venv/.motcua-requirements"
requirements="$root/bindings-python/requirements-dev.txt"
if ! cmp -s "$requirements" "$stamp" 2>/dev/null; then
  "$venv/bin/python" -m pip install --quiet --upgrade pip
  "$venv/bin/python" -m pip install --quiet -r "$requirements"
  cp "$requirements" "$stamp"
fi
echo "$venv/bin/python"
