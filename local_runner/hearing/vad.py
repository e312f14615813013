"""Voice activity detection and endpointing on a stream of 32 ms frames.

Silero VAD (the ONNX model inside faster-whisper's wheel, run frame by frame with its state
kept) scores each frame; unlike energy VADs (pocketsphinx's, webrtcvad) it does not open on
loud steady noise such as fans, hum or traffic (issue 11). The endpointer turns the scores into
whole utterances: it opens after a few speech frames (keeping a short pre-roll so the first
consonant is not cut), closes after a short silence, and caps an utterance's length.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

FRAME = 512  # samples at 16 kHz (32 ms): Silero's window
CONTEXT = 64
OPEN_PROB = 0.5
CLOSE_PROB = 0.35
OPEN_FRAMES = 3  # ~0.1 s of speech opens an utterance
# ...or ~0.2 s of weaker evidence: a short word in fan noise ("wait", "ouch" at 10 dB SNR) can
# peak at 0.35-0.45 and never reach OPEN_PROB, while steady noise and silence stay below 0.1.
WEAK_OPEN_PROB = 0.25
WEAK_OPEN_FRAMES = 6
CLOSE_FRAMES = 10  # ~0.32 s of silence ends it: short, for latency; commands rarely pause longer
PRE_ROLL_FRAMES = 8
MIN_SPEECH_FRAMES = 4  # ~0.13 s: shorter bursts (a click) are dropped; "stop" over a count keeps ~5
MAX_FRAMES = 250  # 8 s: a longer stretch is decoded as it is and a new one begins


class SileroStream:
    """Speech probability per 512-sample frame, keeping the model's state across calls."""

    def __init__(self) -> None:
        from faster_whisper.vad import get_vad_model

        self._session: Any = get_vad_model().session
        self.reset()

    def reset(self) -> None:
        self._h = np.zeros((1, 1, 128), dtype=np.float32)
        self._c = np.zeros((1, 1, 128), dtype=np.float32)
        self._context = np.zeros(CONTEXT, dtype=np.float32)

    def __call__(self, frame: np.ndarray) -> float:
        window = np.concatenate([self._context, frame.astype(np.float32)])[None, :]
        out, self._h, self._c = self._session.run(
            None, {"input": window, "h": self._h, "c": self._c}
        )
        self._context = frame[-CONTEXT:].astype(np.float32)
        return float(np.asarray(out).reshape(-1)[0])


@dataclass(frozen=True)
class Utterance:
    samples: np.ndarray
    ended_at: float  # time of the last speech frame's end (the endpointer's clock)


class Endpointer:
    """Feeds frames through a VAD and returns each complete utterance once it has ended."""

    def __init__(self, score: Callable[[np.ndarray], float]) -> None:
        self.score = score
        self._pre: deque[np.ndarray] = deque(maxlen=PRE_ROLL_FRAMES)
        self._frames: list[np.ndarray] = []
        self._speech_run = 0
        self._weak_run = 0
        self._silence_run = 0
        self._speech_frames = 0
        self._last_speech_end = 0.0

    @property
    def in_speech(self) -> bool:
        return bool(self._frames)

    def push(self, frame: np.ndarray, at: float) -> Utterance | None:
        """`frame` starts at time `at`; returns an utterance when this frame ends one."""
        prob = self.score(frame)
        if not self._frames:
            self._pre.append(frame)
            self._speech_run = self._speech_run + 1 if prob >= OPEN_PROB else 0
            self._weak_run = self._weak_run + 1 if prob >= WEAK_OPEN_PROB else 0
            if self._speech_run >= OPEN_FRAMES or self._weak_run >= WEAK_OPEN_FRAMES:
                self._frames = list(self._pre)
                strong = self._speech_run >= OPEN_FRAMES
                self._speech_frames = self._speech_run if strong else self._weak_run
                self._silence_run = 0
                self._last_speech_end = at + FRAME / 16000
            return None
        self._frames.append(frame)
        if prob >= CLOSE_PROB:
            self._silence_run = 0
            self._speech_frames += 1
            self._last_speech_end = at + FRAME / 16000
        else:
            self._silence_run += 1
        if self._silence_run >= CLOSE_FRAMES or len(self._frames) >= MAX_FRAMES:
            return self._finish()
        return None

    def _finish(self) -> Utterance | None:
        frames, speech = self._frames, self._speech_frames
        self._frames, self._speech_run, self._weak_run = [], 0, 0
        self._pre = deque(maxlen=PRE_ROLL_FRAMES)
        if speech < MIN_SPEECH_FRAMES:
            return None
        return Utterance(np.concatenate(frames), self._last_speech_end)
