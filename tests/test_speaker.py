"""Speech output: calibrated pace, measured durations, WAV files from espeak-ng, fallbacks."""

from __future__ import annotations

import shutil
import subprocess
import sys
import wave
from pathlib import Path

import pytest

from local_runner import tts
from local_runner.speaker import RecordingSpeaker, SilentSpeaker, make_speaker
from local_runner.speech_rate import (
    CALIBRATION_SENTENCES,
    TOLERANCE_WPM,
    calibrate,
    estimate_seconds,
    pace,
)
from local_runner.synthesisers import EspeakNgSynthesiser, SpeechUnavailable
from local_runner.tts import SynthSpeaker

ROOT = Path(__file__).resolve().parent.parent
ESPEAK = shutil.which("espeak-ng")
needs_espeak = pytest.mark.skipif(
    ESPEAK is None, reason="espeak-ng is not installed (scripts/setup.sh installs it as root)"
)
INSTRUCTION = (
    "Kneel on all fours with your hands under your shoulders, then slowly round your back "
    "towards the ceiling while you breathe out."
)
INSTRUCTIONS = (  # not the calibration sentences
    INSTRUCTION,
    "Sit tall near the front of a chair with one leg straight out in front of you.",
    "Let both knees drop slowly to one side, keeping your shoulders on the floor.",
    "Stay here and breathe.",
)


@needs_espeak
@pytest.mark.parametrize("target", [130.0, 150.0])
def test_pace_is_calibrated_before_the_first_word(target: float, tmp_path: Path) -> None:
    assert ESPEAK is not None
    speaker = SynthSpeaker(EspeakNgSynthesiser(ESPEAK), target, save_dir=tmp_path, play=False)
    try:
        # The engine's nominal rate is not the pace: calibration picked a different setting.
        assert speaker.calibration.engine_rate != round(target)
        assert speaker.calibration.within_tolerance
        for text in INSTRUCTIONS:
            speaker.say(text)
        speaker.wait()
        measured = pace(zip(INSTRUCTIONS, speaker.saved, strict=True))
        assert abs(measured - target) <= TOLERANCE_WPM, measured
    finally:
        speaker.close()


@needs_espeak
def test_durations_come_from_the_audio_and_are_cached(tmp_path: Path) -> None:
    assert ESPEAK is not None
    speaker = SynthSpeaker(EspeakNgSynthesiser(ESPEAK), 150.0, play=False)
    try:
        short, long = speaker.duration("Two."), speaker.duration(INSTRUCTION)
        assert 0.2 < short < 2.0 < long < 15.0
        speaker.prepare(["And bend."])
        assert speaker.duration("Two.") == short  # same WAV, not synthesised again
        assert speaker.duration("And bend.") > 0.2
        assert len(list(speaker._workdir.glob("*.wav"))) == 3  # one file per distinct text
    finally:
        speaker.close()


def test_calibration_corrects_a_fast_engine(tmp_path: Path) -> None:
    """An engine whose speech is 1.35x its nominal rate (like espeak-ng) is slowed down."""
    settings: list[int] = []

    def fake_synth(text: str, rate: int, path: Path) -> None:
        settings.append(rate)
        seconds = len(text.split()) * 60.0 / (rate * 1.35)
        frames = int(seconds * 1000)
        with wave.open(str(path), "wb") as wav:
            wav.setnchannels(1)
            wav.setsampwidth(2)
            wav.setframerate(1000)
            wav.writeframes(b"\x00\x10" * frames)

    result = calibrate(fake_synth, 150.0, tmp_path)
    assert settings[0] == 150 and result.engine_rate == round(150 / 1.35)
    assert result.within_tolerance and abs(result.measured_wpm - 150.0) < 2
    assert sum(len(text.split()) for text in CALIBRATION_SENTENCES) > 40  # enough to measure


def test_silent_and_recording_speakers_estimate_at_the_set_rate() -> None:
    assert SilentSpeaker(120).duration("one two three four") == pytest.approx(2.0)
    assert estimate_seconds("", 150) == 0.0
    now = [0.0]
    fake = RecordingSpeaker(lambda: now[0], words_per_minute=60)
    fake.say("one two")
    assert fake.busy_for() == pytest.approx(2.0)
    now[0] = 1.0
    fake.say("three")  # handed over while the first is still being spoken
    assert fake.overlaps == 1 and fake.busy_for() == pytest.approx(2.0)
    fake.flush()
    assert fake.busy_for() == 0.0 and fake.cuts == 1


@needs_espeak
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


def test_rate_option_rejects_nonsense(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "skill.cli", "--text", "--rate", "fast"],
        capture_output=True, text=True, cwd=ROOT, timeout=60, check=False, input="",
    )  # fmt: skip
    assert result.returncode == 2
    assert "--rate: must be a number from 80 to 250" in result.stderr
    assert "Traceback" not in result.stderr


def test_no_audio_device_says_so_once_and_prints(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tts, "has_audio_device", lambda: False)
    notices: list[str] = []
    chosen = make_speaker(speech=True, save_dir=None, notice=notices.append)
    assert isinstance(chosen, SilentSpeaker)
    assert notices == ["No audio output device found, so I'll print what I would say."]


def test_missing_tts_engine_falls_back_with_a_notice(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    class Broken:
        def __call__(self, text: str, rate: int, path: Path) -> None:
            raise SpeechUnavailable("no espeak library")

        def close(self) -> None:
            pass

    monkeypatch.setattr(tts, "make_synthesiser", Broken)
    notices: list[str] = []
    chosen = make_speaker(speech=False, save_dir=tmp_path, notice=notices.append)
    assert isinstance(chosen, SilentSpeaker)
    assert notices and "Speech is not available (no espeak library)" in notices[0]


@needs_espeak
def test_flush_stops_playback_at_once_and_drops_the_queue() -> None:
    assert ESPEAK is not None
    # A stand-in for aplay that would play for a minute unless it is killed.
    player = (sys.executable, "-c", "import time; time.sleep(60)")
    speaker = SynthSpeaker(EspeakNgSynthesiser(ESPEAK), 150.0, play_command=player)
    try:
        speaker.say("One.")
        speaker.say("Two.")
        for _ in range(2000):  # until playback has started (the WAV is synthesised first)
            with speaker._cond:
                process = speaker._proc
            if process is not None:
                break
            speaker._idle.wait(0.005)
        assert process is not None and speaker.busy_for() > 0
        speaker.flush()
        assert speaker.busy_for() == 0.0
        assert process.wait(timeout=2) != 0  # killed, not finished
        assert not speaker._pending  # "Two." was dropped
    finally:
        speaker.close()


@needs_espeak
def test_flush_drops_texts_prepared_ahead_so_an_answer_is_synthesised_next() -> None:
    assert ESPEAK is not None
    speaker = SynthSpeaker(EspeakNgSynthesiser(ESPEAK), 150.0, play=True, play_command=("true",))
    try:
        cues = [f"Count number {n}, keep breathing slowly and gently." for n in range(40)]
        speaker.prepare(cues)
        speaker.flush()
        assert len(speaker._cache) < len(cues)  # those not yet started were cancelled
        assert speaker.duration("Thanks for telling me.") > 0.3  # synthesised, not estimated
        speaker.say("Thanks for telling me.")
        speaker.wait()
    finally:
        speaker.close()


def test_pyttsx3_fallback_sets_the_rate_before_each_synthesis_it_changes(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Where espeak-ng's program is missing, pyttsx3 synthesises; it is calibrated the same way."""
    import pyttsx3

    from local_runner.synthesisers import Pyttsx3Synthesiser

    class FakeEngine:
        def __init__(self) -> None:
            self.rate = 200
            self.job: tuple[str, str] | None = None

        def setProperty(self, name: str, value: int) -> None:
            assert name == "rate"
            self.rate = value

        def save_to_file(self, text: str, path: str) -> None:
            self.job = (text, path)

        def runAndWait(self) -> None:
            assert self.job is not None
            text, path = self.job
            frames = int(len(text.split()) * 60.0 / (self.rate * 1.3) * 1000)
            with wave.open(path, "wb") as wav:
                wav.setnchannels(1)
                wav.setsampwidth(2)
                wav.setframerate(1000)
                wav.writeframes(b"\x00\x10" * frames)

    engine = FakeEngine()
    monkeypatch.setattr(pyttsx3, "init", lambda: engine)
    monkeypatch.setattr(sys, "stdout", sys.stdout)  # restored afterwards (the filter wraps it)
    speaker = SynthSpeaker(Pyttsx3Synthesiser(), 150.0, save_dir=tmp_path, play=False)
    try:
        assert speaker.calibration.within_tolerance
        assert engine.rate == speaker.calibration.engine_rate == round(150 / 1.3)
        assert speaker.duration("one two three") == pytest.approx(3 * 60 / 150, abs=0.05)
    finally:
        speaker.close()
