"""An installed wheel works away from the checkout: content, rules and the model are package data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.venvs import clean_venv

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtualenv holding only our wheel; dependencies come from this environment."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(work / "dist"), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    wheel = next((work / "dist").glob("back_stretch_coach-*.whl"))
    fresh = work / "venv"
    python = clean_venv(fresh)
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps",
         "--no-index", str(wheel)],
        check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return fresh


def _run(fresh: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(fresh / "bin" / "stretch-coach"), *args],
        capture_output=True, text=True, cwd=cwd, timeout=120, check=False,
        env={"PATH": "/usr/bin:/bin", "STRETCH_COACH_DATA_DIR": str(cwd / "data")},
    )  # fmt: skip


def test_installed_wheel_parses_from_its_own_model(installed: Path, tmp_path: Path) -> None:
    result = _run(installed, "parse", "next", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["intent"] == "AMAZON.NextIntent"
    where = subprocess.run(
        [str(installed / "bin" / "python"), "-c", "import skill; print(skill.__file__)"],
        capture_output=True, text=True, cwd=tmp_path, check=True,
    ).stdout  # fmt: skip
    assert str(installed) in where and str(ROOT) not in where  # not the checkout


def test_installed_wheel_runs_a_routine_and_triage(installed: Path, tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text("start the breathing routine\nstop\n")
    result = _run(installed, "--script", str(script), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "Let's begin the breathing routine" in result.stdout
    triage = _run(installed, "triage", "numbness in my groin", cwd=tmp_path)
    assert json.loads(triage.stdout)["level"] == "emergency"
