"""The README's machine table is the one the code runs (generated, so it cannot go stale)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from skill.core.coach import MACHINE

ROOT = Path(__file__).resolve().parent.parent


def test_readme_machine_table_is_current() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "describe_machine.py"), "--check"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stdout + result.stderr
    assert MACHINE.describe() in (ROOT / "README.md").read_text(encoding="utf-8")
