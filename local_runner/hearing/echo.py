"""The coach's own voice is not a command: echo suppression against the played signal.

The speaker tells the guard what it plays (`playing(samples, rate, started_at)`, times on the
listener's clock, time.monotonic by default). For each microphone frame the guard looks up the
reference that was playing, finds the loudspeaker-to-microphone delay (the sound card and room
add an unknown 20-300 ms) by GCC-PHAT and the coupling gain by least squares, subtracts the
aligned echo, and mutes frames whose residual is no louder than what subtraction leaves behind
in this room (its reverberant tail). A user talking over the coach ("stop" during a count)
leaves a residual well above that and passes through. No echo-cancellation library installs
here with a current build (the speexdsp / webrtc bindings on PyPI date from 2018-2019), so
this is subtraction plus gating; tests/test_hearing_audio.py and the benchmark measure it.
"""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

import numpy as np

from .audio import RATE, AudioError, read_wav, resample

MAX_DELAY = int(0.35 * RATE)  # longest loudspeaker-to-microphone delay searched
TAIL = 0.6  # seconds after playback ends that echo (and reverb) may still arrive
# A frame is muted when its residual power is below LEFTOVER_MARGIN times what subtraction
# typically leaves of the echo in this room (learnt while the user is silent), at least
# MIN_RESIDUAL_RATIO of the echo power: a dry room keeps quiet barge-in audible, a reverberant
# one mutes its tails.
MIN_RESIDUAL_RATIO = 0.05
LEFTOVER_MARGIN = 2.0
MIN_PEAK = 0.1  # GCC-PHAT peak height above which a delay estimate is considered
MIN_FIT = 0.5  # ...and the normalised correlation of the waveforms at that delay
WINDOW = RATE // 2  # the recent microphone audio the delay and gain are estimated over
TAIL_WINDOW = int(0.15 * RATE)  # how far back the echo power is taken (room reverberation)


class EchoGuard:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._played: list[tuple[float, np.ndarray]] = []
        self.delay = 0  # samples; re-estimated while the coach talks
        self.gain = 0.0
        self._history = np.zeros(0, dtype=np.float32)
        self._candidate = -1
        self.locked = False  # True once the delay has been measured (kept across utterances)
        self.leftover = 0.3  # residual/echo power after subtraction, learnt per room

    def playing(self, samples: np.ndarray, rate: int, started_at: float) -> None:
        """Called by the speaker as it starts playing `samples` (mono or frames x channels)."""
        mono = samples.astype(np.float32)
        if mono.ndim > 1:
            mono = mono.mean(axis=1)
        if mono.dtype.kind != "f" or np.abs(mono).max(initial=0.0) > 1.0:
            mono = mono / 32768.0
        with self._lock:
            self._played.append((started_at, resample(mono, rate, RATE)))

    def playing_wav(self, path: Path, started_at: float) -> None:
        """The same, for a WAV file the speaker is about to play (any rate / channels)."""
        with contextlib.suppress(AudioError):  # unreadable: nothing we know of was played
            self.playing(read_wav(path), RATE, started_at)

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
        self._history = np.concatenate([self._history, frame])[-WINDOW:]
        window_at = at + (len(frame) - len(self._history)) / RATE
        reference = self._reference(window_at - MAX_DELAY / RATE, len(self._history) + MAX_DELAY)
        if reference is None or not np.any(reference):
            return frame
        self._estimate(self._history, reference)
        if not self.locked:
            return np.zeros_like(frame)  # the coach is talking and we can't align yet: mute
        aligned = reference[MAX_DELAY - self.delay :][: len(self._history)]
        echo = self.gain * aligned[-len(frame) :]
        residual = frame - echo
        # Room reverberation smears the echo over time: compare with the recent echo power,
        # not only this frame's, so a reverberant tail is muted too.
        tail = aligned[-min(len(aligned), len(frame) + TAIL_WINDOW) :]
        echo_power = self.gain**2 * float(np.mean(np.square(tail))) * len(frame)
        ratio = float(np.dot(residual, residual)) / max(echo_power, 1e-12)
        if ratio < 1.0:  # mostly echo: learn how much a subtraction leaves in this room
            self.leftover = 0.95 * self.leftover + 0.05 * ratio
        if ratio < min(1.0, max(MIN_RESIDUAL_RATIO, LEFTOVER_MARGIN * self.leftover)):
            return np.zeros_like(frame)
        return residual.astype(np.float32)

    def _estimate(self, mic: np.ndarray, reference: np.ndarray) -> None:
        """Delay by GCC-PHAT over the recent window; gain by least squares at that delay.

        The user's speech is uncorrelated with the coach's, so over half a second it barely
        moves either estimate: they hold during double talk.
        """
        size = 1 << int(np.ceil(np.log2(len(reference) + len(mic))))
        cross = np.fft.rfft(reference, size) * np.conj(np.fft.rfft(mic, size))
        correlation = np.fft.irfft(cross / (np.abs(cross) + 1e-9), size)[: MAX_DELAY + 1]
        lag = int(np.argmax(correlation))
        candidate = reference[lag : lag + len(mic)]
        norm = float(np.linalg.norm(candidate) * np.linalg.norm(mic))
        # Whitened correlation can peak by chance on noise: the delay must also explain the
        # waveform (time-domain correlation), and two windows in a row must agree on it.
        if correlation[lag] >= MIN_PEAK and norm > 0 and np.dot(candidate, mic) / norm >= MIN_FIT:
            if abs(MAX_DELAY - lag - self._candidate) <= 2:
                self.delay, self.locked = MAX_DELAY - lag, True
            self._candidate = MAX_DELAY - lag
        aligned = reference[MAX_DELAY - self.delay :][: len(mic)]
        power = float(np.dot(aligned, aligned))
        if power > 1e-6:
            self.gain = max(0.0, float(np.dot(mic, aligned)) / power)
