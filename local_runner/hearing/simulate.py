"""Synthetic audio for the tests and the benchmark: TTS voices, steady noise, rooms, mixes.

Speech comes from espeak-ng (always installed by the setup script) or flite (a second,
different synthesiser, for measurement); noise is generated (seeded) so runs are repeatable.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from .audio import RATE, read_wav, write_wav


def have(tool: str) -> bool:
    return shutil.which(tool) is not None


def speak(
    text: str, voice: str = "en-us", rate: int = 150, engine: str = "espeak-ng"
) -> np.ndarray:
    """`text` spoken by a synthetic voice, as 16 kHz mono float32."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "speech.wav"
        if engine == "flite":
            stretch = f"{150 / rate:.2f}"
            command = ["flite", "-voice", voice, "--setf", f"duration_stretch={stretch}",
                       "-t", text, "-o", str(path)]  # fmt: skip
        else:
            command = ["espeak-ng", "-v", voice, "-s", str(rate), "-w", str(path), text]
        subprocess.run(command, check=True, capture_output=True, timeout=30)
        return read_wav(path)


def steady_noise(seconds: float, seed: int = 0) -> np.ndarray:
    """Fan-like noise: low-passed white noise with a 50 Hz hum and its harmonics (RMS 1)."""
    rng = np.random.default_rng(seed)
    count = int(seconds * RATE)
    white = rng.standard_normal(count)
    spectrum = np.fft.rfft(white)
    freqs = np.fft.rfftfreq(count, 1 / RATE)
    spectrum /= np.sqrt(1.0 + (freqs / 400.0) ** 2)  # pink-ish roll-off, like a fan
    noise = np.fft.irfft(spectrum, count)
    t = np.arange(count) / RATE
    noise = noise / noise.std() + 0.5 * sum(np.sin(2 * np.pi * 50 * k * t) / k for k in (1, 2, 3))
    return np.asarray(noise / noise.std(), dtype=np.float32)


def rms(samples: np.ndarray) -> float:
    return float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0


def mix(speech: np.ndarray, noise: np.ndarray, snr_db: float) -> np.ndarray:
    """`speech` with `noise` (tiled or cut to length) at the given signal-to-noise ratio."""
    reps = int(np.ceil(len(speech) / max(1, len(noise))))
    bed = np.tile(noise, reps)[: len(speech)]
    scale = rms(speech[np.abs(speech) > 0.01]) / (rms(bed) or 1.0) / 10 ** (snr_db / 20)
    return (speech + scale * bed).astype(np.float32)


def room(samples: np.ndarray, reverberance: int = 60) -> np.ndarray:
    """`samples` played in a reverberant room (sox's reverb effect)."""
    with tempfile.TemporaryDirectory() as folder:
        dry, wet = Path(folder) / "dry.wav", Path(folder) / "wet.wav"
        write_wav(dry, samples)
        subprocess.run(["sox", str(dry), str(wet), "reverb", str(reverberance)],
                       check=True, capture_output=True, timeout=30)  # fmt: skip
        return read_wav(wet)


def pad(samples: np.ndarray, before: float = 0.5, after: float = 1.0) -> np.ndarray:
    return np.concatenate(
        [np.zeros(int(before * RATE)), samples, np.zeros(int(after * RATE))]
    ).astype(np.float32)
