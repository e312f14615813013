"""Speech output: WAV files from espeak-ng via pyttsx3, and graceful fallbacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from local_runner import speaker as speaker_module
from local_runner.speaker import SilentSpeaker, make_speaker

ROOT = Path(__file__).resolve().parent.parent
HAVE_ESPEAK = shutil.which("espeak-ng") is not None


@pytest.mark.skipif(
    not HAVE_ESPEAK, reason="espeak-ng is not installed (scripts/setup.sh installs it as root)"
)
def test_save_audio_writes_valid_wav_files(tmp_path: Path) -> None:
    script = tmp_path / "s.txt"
    script.write_text("list routines\nstop\n")
    out = tmp_path / "wav"
    result = subprocess.run(
        [sys.executable, "-m", "skill.cli", "--script", str(script), "--save-audio", str(out)],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False,
        env={"STRETCH_COACH_DATA_DIR": str(tmp_path / "data"), "PATH": "/usr/bin:/bin"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "Audio saved to" not in result.stdout
    files = sorted(out.glob("*.wav"))
    assert len(files) >= 5
    for path in files:
        with wave.open(str(path)) as wav:
            assert wav.getnchannels() == 1 and wav.getframerate() == 22050
            seconds = wav.getnframes() / wav.getframerate()
            assert 0.3 < seconds < 60
    # The first file is the spoken disclaimer: a long sentence, several seconds of audio.
    with wave.open(str(files[0])) as first:
        assert first.getnframes() / first.getframerate() > 3


def test_no_audio_device_says_so_once_and_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speaker_module, "has_audio_device", lambda: False)
    notices: list[str] = []
    chosen = make_speaker(speech=True, save_dir=None, notice=notices.append)
    assert isinstance(chosen, SilentSpeaker)
    assert notices == ["No audio output device found, so I'll print what I would say."]


def test_missing_tts_engine_falls_back_with_a_notice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import pyttsx3

    def broken_init(*args: object, **kwargs: object) -> None:
        raise RuntimeError("no espeak library")

    monkeypatch.setattr(pyttsx3, "init", broken_init)
    notices: list[str] = []
    chosen = make_speaker(speech=False, save_dir=tmp_path, notice=notices.append)
    assert isinstance(chosen, SilentSpeaker)
    assert notices and "Speech is not available (no espeak library)" in notices[0]
