"""The coach's own voice is not a command: echo suppression against the played signal.

The speaker tells the guard what it plays (`playing(samples, rate, started_at)`, times on the
listener's clock, time.monotonic by default). For each microphone frame the guard looks up the
reference that was playing, finds the loudspeaker-to-microphone delay by cross-correlation
(the sound card and room add an unknown 20-300 ms) and the coupling gain by least squares,
subtracts the aligned echo, and mutes frames whose residual is no louder than what a room's
reverberant tail leaves behind. A user talking over the coach ("stop" during a count) leaves a
residual well above that and passes through. No echo-cancellation library installs here with
a current build (speexdsp/webrtc bindings on PyPI date from 2018-2019), so this is subtraction
plus gating; tests/test_hearing_echo.py and the benchmark measure it on simulated mixes.
"""

from __future__ import annotations

import threading

import numpy as np

from .audio import RATE, resample

MAX_DELAY = int(0.35 * RATE)  # longest loudspeaker-to-microphone delay searched
TAIL = 0.6  # seconds after playback ends that echo (and reverb) may still arrive
RESIDUAL_RATIO = 0.5  # residual power below this share of the echo power is echo leftover
MIN_CORRELATION = 0.3  # a delay estimate is trusted only above this normalised correlation


class EchoGuard:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._played: list[tuple[float, np.ndarray]] = []
        self.delay = 0  # samples; re-estimated while the coach talks
        self.gain = 0.0

    def playing(self, samples: np.ndarray, rate: int, started_at: float) -> None:
        """Called by the speaker as it starts playing `samples` (mono or frames x channels)."""
        mono = samples.astype(np.float32)
        if mono.ndim > 1:
            mono = mono.mean(axis=1)
        if mono.dtype.kind != "f" or np.abs(mono).max(initial=0.0) > 1.0:
            mono = mono / 32768.0
        with self._lock:
            self._played.append((started_at, resample(mono, rate, RATE)))

    def _reference(self, start: float, count: int) -> np.ndarray | None:
        """What was played from `start` for `count` samples (None when nothing was)."""
        out = np.zeros(count, dtype=np.float32)
        found = False
        with self._lock:
            self._played = [
                (t, s) for t, s in self._played if t + len(s) / RATE + TAIL + 5.0 > start
            ]
            for began, signal in self._played:
                offset = round((start - began) * RATE)
                lo, hi = max(0, offset), min(len(signal), offset + count)
                if hi > lo:
                    out[lo - offset : hi - offset] += signal[lo:hi]
                    found = True
        return out if found else None

    def clean(self, frame: np.ndarray, at: float) -> np.ndarray:
        """The microphone frame starting at `at` with the coach's own voice taken out."""
        reference = self._reference(at - MAX_DELAY / RATE, len(frame) + MAX_DELAY)
        if reference is None or not np.any(reference):
            return frame
        self._estimate_delay(frame, reference)
        start = MAX_DELAY - self.delay
        echo_ref = reference[start : start + len(frame)]
        ref_power = float(np.dot(echo_ref, echo_ref))
        if ref_power <= 1e-9:
            return frame
        gain = max(0.0, float(np.dot(frame, echo_ref)) / ref_power)
        # Double talk inflates the least-squares gain: follow decreases at once, increases slowly.
        self.gain = gain if gain < self.gain or self.gain == 0.0 else 0.9 * self.gain + 0.1 * gain
        echo = self.gain * echo_ref
        residual = frame - echo
        if float(np.dot(residual, residual)) < RESIDUAL_RATIO * float(np.dot(echo, echo)):
            return np.zeros_like(frame)
        return residual.astype(np.float32)

    def _estimate_delay(self, frame: np.ndarray, reference: np.ndarray) -> None:
        size = 1 << int(np.ceil(np.log2(len(reference) + len(frame))))
        spectrum = np.fft.rfft(reference, size) * np.conj(np.fft.rfft(frame, size))
        correlation = np.fft.irfft(spectrum, size)[: MAX_DELAY + 1]
        lag = int(np.argmax(correlation))
        segment = reference[lag : lag + len(frame)]
        norm = float(np.linalg.norm(segment) * np.linalg.norm(frame))
        if norm > 0 and correlation[lag] / norm >= MIN_CORRELATION:
            self.delay = MAX_DELAY - lag
