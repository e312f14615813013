#!/usr/bin/env bash
# Sets up everything the coach and its tests need, idempotently:
#  - Debian packages for speech and listening (espeak-ng, alsa-utils, sox, libportaudio2) when
#    run as root with apt;
#  - a virtualenv in .venv with this project and its pinned dependencies installed.
# Sourced or run by scripts/run.sh and scripts/test.sh; safe to run again.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

# libportaudio2: sounddevice's Linux wheel does not bundle PortAudio (microphone capture).
# flite: a second synthetic voice engine for benchmarks/bench_listening.py.
apt_packages=(espeak-ng libespeak-ng1 alsa-utils sox libportaudio2 flite)
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  missing=()
  for pkg in "${apt_packages[@]}"; do
    dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    echo "setup: installing ${missing[*]} with apt-get" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >&2
    apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
  fi
elif ! command -v espeak-ng >/dev/null 2>&1; then
  echo "setup: espeak-ng is not installed and this is not root; speech will fall back to printed text" >&2
fi

python="${PYTHON:-python3}"
if [ ! -x .venv/bin/python ]; then
  echo "setup: creating .venv" >&2
  "$python" -m venv .venv
fi
# Reinstall only when pyproject.toml changed since the last successful install.
stamp=.venv/.installed-$(sha256sum pyproject.toml | cut -c1-16)
if [ ! -f "$stamp" ]; then
  echo "setup: installing the project and its pinned dependencies into .venv" >&2
  .venv/bin/python -m pip install -q --upgrade pip >&2
  .venv/bin/python -m pip install -q -e ".[dev]" >&2
  rm -f .venv/.installed-*
  touch "$stamp"
fi
# Train the local recogniser once now (about two minutes on 2 cores) rather than on the coach's first
# start; afterwards it loads from the user cache in a fraction of a second.
.venv/bin/python -c "from local_runner.understanding import default_recogniser as r; r()" >&2 \
  || echo "setup: the recogniser could not be prepared now; the coach will train it on first use" >&2
