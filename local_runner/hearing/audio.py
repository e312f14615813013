"""Audio in: WAV files of any rate and channel count become 16 kHz mono float32 samples."""

from __future__ import annotations

import wave
from pathlib import Path

import numpy as np

RATE = 16000  # what every engine and the VAD take


class AudioError(ValueError):
    """A file that is not audio we can read; the message says why in one sentence."""


def read_wav(path: Path) -> np.ndarray:
    """The file's samples as 16 kHz mono float32 in [-1, 1]."""
    try:
        with wave.open(str(path), "rb") as wav:
            channels, width, rate = wav.getnchannels(), wav.getsampwidth(), wav.getframerate()
            raw = wav.readframes(wav.getnframes())
    except FileNotFoundError as error:
        raise AudioError(f"no such file: {path}") from error
    except (OSError, EOFError, wave.Error) as error:
        detail = f" ({error})" if str(error) else ""
        raise AudioError(f"not a readable PCM WAV file{detail}") from error
    samples = _decode(raw, width)
    if channels > 1:
        samples = samples[: len(samples) // channels * channels].reshape(-1, channels).mean(axis=1)
    return resample(samples.astype(np.float32), rate, RATE)


def _decode(raw: bytes, width: int) -> np.ndarray:
    if width == 1:
        return (np.frombuffer(raw, np.uint8).astype(np.float32) - 128.0) / 128.0
    if width == 2:
        return np.frombuffer(raw, "<i2").astype(np.float32) / 32768.0
    if width == 3:
        bytes3 = np.frombuffer(raw[: len(raw) // 3 * 3], np.uint8).reshape(-1, 3)
        as32 = (bytes3[:, 0].astype(np.int32) << 8) | (bytes3[:, 1].astype(np.int32) << 16)
        as32 |= bytes3[:, 2].astype(np.int32) << 24
        return as32.astype(np.float32) / 2.0**31
    if width == 4:
        return np.frombuffer(raw, "<i4").astype(np.float32) / 2.0**31
    raise AudioError(f"unsupported sample width of {width} bytes")


def resample(samples: np.ndarray, rate: int, target: int = RATE) -> np.ndarray:
    """Band-limited resampling through the FFT (whole utterances, so the cost is small)."""
    if rate == target or len(samples) == 0:
        return samples.astype(np.float32)
    if rate <= 0:
        raise AudioError(f"invalid sample rate {rate}")
    count = max(1, round(len(samples) * target / rate))
    spectrum = np.fft.rfft(samples)
    keep = min(len(spectrum), count // 2 + 1)
    out = np.fft.irfft(spectrum[:keep], n=count) * (count / len(samples))
    return out.astype(np.float32)


def to_int16(samples: np.ndarray) -> bytes:
    """float32 [-1, 1] -> little-endian 16-bit PCM bytes (what pocketsphinx decodes)."""
    return bytes((np.clip(samples, -1.0, 1.0) * 32767.0).astype("<i2").tobytes())


def write_wav(path: Path, samples: np.ndarray, rate: int = RATE) -> None:
    with wave.open(str(path), "wb") as wav:
        wav.setnchannels(1)
        wav.setsampwidth(2)
        wav.setframerate(rate)
        wav.writeframes(to_int16(samples))
