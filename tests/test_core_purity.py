"""The coach core imports no framework (DESIGN §3): Alexa and local front ends only translate."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = {"ask_sdk_core", "ask_sdk_model", "flask", "flask_ask_sdk", "pyttsx3", "pocketsphinx",
              "sounddevice", "hassil", "rapidfuzz", "rich", "werkzeug"}  # fmt: skip


def test_core_modules_import_no_framework() -> None:
    code = (
        "import sys, pkgutil, importlib, skill.core as core\n"
        "for m in pkgutil.iter_modules(core.__path__): importlib.import_module('skill.core.' + m.name)\n"
        "print(' '.join(sorted({name.split('.')[0] for name in sys.modules})))\n"
        "print(' '.join(sorted(n for n in sys.modules if n.startswith(('skill.', 'local_runner')))))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True
    )
    top, ours = result.stdout.split("\n")[:2]
    loaded = set(top.split())
    assert "skill" in loaded
    assert not loaded & FRAMEWORKS, loaded & FRAMEWORKS
    # The core depends on nothing outside it: not the stores, the Alexa side or the runner.
    outside = {n for n in ours.split() if not n.startswith("skill.core")}
    assert not outside, outside
