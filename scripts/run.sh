#!/usr/bin/env bash
# One command to set up and start the coach (local runner, embedded defaults).
# Extra arguments go to `stretch-coach`, e.g. scripts/run.sh --text
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
"$root/scripts/setup.sh"
exec "$root/.venv/bin/stretch-coach" "$@"
