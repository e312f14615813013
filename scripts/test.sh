#!/usr/bin/env bash
# One command to set up and run the whole check: lint, types, and the pytest suite.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
cd "$root"
echo "== ruff" && .venv/bin/ruff check .
echo "== mypy" && .venv/bin/mypy
echo "== pytest"
# pytest exits 5 when it collects no tests; that is a failure here too.
.venv/bin/python -m pytest "$@"
