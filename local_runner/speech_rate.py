"""Speaking rate: how long a WAV's speech lasts, and calibrating an engine to a target pace.

espeak-ng's rate setting is not the pace you hear: at "-s 145" an instruction sentence measures
about 196 words a minute of actual speech on this machine. So the engine is calibrated: a
calibration sentence is synthesised, its voiced span measured (leading and trailing silence
trimmed), and the engine rate scaled until the measured pace lands within the tolerance.
"""

from __future__ import annotations

import array
import wave
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

DEFAULT_WPM = 150
TOLERANCE_WPM = 10.0  # instructions must land at target +/- this, measured
CALIBRATION_ATTEMPTS = 4
SILENCE_LEVEL = 500  # 16-bit sample magnitude below which audio counts as silence
KEEP_SILENCE_SECONDS = 0.15  # silence kept around each utterance (a natural short breath)
# Instruction-like sentences, each synthesised on its own as instructions are (the pace that
# matters most is that of instructions; pauses between sentences are not counted).
CALIBRATION_SENTENCES = (
    "Lie on your back with both knees bent and your feet flat on the floor.",
    "Breathing out, slowly bring one knee towards your chest, only as far as feels easy.",
    "Keep your shoulders relaxed, and let your lower back sink gently into the mat.",
    "Come back to the middle.",
)


def estimate_seconds(text: str, words_per_minute: float) -> float:
    """Time to say `text` at `words_per_minute` (0: instant)."""
    words = len(text.split())
    return words * 60.0 / words_per_minute if words and words_per_minute > 0 else 0.0


def wav_seconds(path: Path) -> float:
    """Length of a WAV file in seconds (0 when missing or unreadable)."""
    try:
        with wave.open(str(path)) as wav:
            return float(wav.getnframes()) / float(wav.getframerate())
    except (OSError, EOFError, wave.Error):
        return 0.0


def voiced_seconds(path: Path) -> float:
    """Seconds from the first to the last audible sample of a 16-bit mono WAV."""
    try:
        with wave.open(str(path)) as wav:
            if wav.getsampwidth() != 2:
                return float(wav.getnframes()) / float(wav.getframerate())
            rate = wav.getframerate()
            samples = array.array("h", wav.readframes(wav.getnframes()))
    except (OSError, EOFError, wave.Error):
        return 0.0
    loud = [i for i, value in enumerate(samples) if abs(value) > SILENCE_LEVEL]
    return (loud[-1] - loud[0]) / float(rate) if loud else 0.0


def trim_silence(path: Path, keep_seconds: float = KEEP_SILENCE_SECONDS) -> None:
    """Cut the WAV's leading and trailing silence down to `keep_seconds` each (espeak-ng ends
    every utterance with about 0.6 s of silence, which would delay the next cue)."""
    try:
        with wave.open(str(path)) as wav:
            params = wav.getparams()
            samples = array.array("h", wav.readframes(wav.getnframes()))
    except (OSError, EOFError, wave.Error):
        return
    if params.sampwidth != 2 or params.nchannels != 1:
        return
    loud = [i for i, value in enumerate(samples) if abs(value) > SILENCE_LEVEL]
    if not loud:
        return
    keep = int(keep_seconds * params.framerate)
    kept = samples[max(0, loud[0] - keep) : loud[-1] + keep]
    with wave.open(str(path), "wb") as wav:
        wav.setparams(params)
        wav.writeframes(kept.tobytes())


def measured_wpm(text: str, path: Path) -> float:
    return pace([(text, path)])


def pace(spoken: Iterable[tuple[str, Path]]) -> float:
    """Words per minute of actual speech over (text, WAV) pairs (silence around each trimmed)."""
    words = seconds = 0.0
    for text, path in spoken:
        words += len(text.split())
        seconds += voiced_seconds(path)
    return words * 60.0 / seconds if seconds > 0 else 0.0


@dataclass(frozen=True)
class Calibration:
    engine_rate: int  # the value handed to the engine
    measured_wpm: float  # words per minute of actual speech at that setting
    target_wpm: float

    @property
    def within_tolerance(self) -> bool:
        return abs(self.measured_wpm - self.target_wpm) <= TOLERANCE_WPM


def calibrate(
    synthesise: Callable[[str, int, Path], None], target_wpm: float, workdir: Path
) -> Calibration:
    """Finds the engine rate whose measured pace is closest to `target_wpm`.

    `synthesise(text, rate, path)` writes `text` spoken at engine `rate` to `path`. Speech
    pace is close to proportional to the engine rate, so each attempt scales the rate by
    target / measured; the best attempt is kept if none lands within the tolerance.
    """
    rate = round(target_wpm)
    best: Calibration | None = None
    for attempt in range(CALIBRATION_ATTEMPTS):
        spoken = []
        for index, text in enumerate(CALIBRATION_SENTENCES):
            path = workdir / f"calibration-{attempt}-{index}.wav"
            synthesise(text, rate, path)
            spoken.append((text, path))
        wpm = pace(spoken)
        for _, path in spoken:
            path.unlink(missing_ok=True)
        if wpm <= 0:
            break
        found = Calibration(rate, wpm, target_wpm)
        if best is None or abs(wpm - target_wpm) < abs(best.measured_wpm - target_wpm):
            best = found
        if abs(wpm - target_wpm) <= TOLERANCE_WPM / 2:
            break
        rate = max(40, min(450, round(rate * target_wpm / wpm)))
    return best or Calibration(round(target_wpm), 0.0, target_wpm)
