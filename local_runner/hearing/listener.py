"""The listening inbox: audio frames in, one text per utterance out, decoded in the background.

`Listener.feed(samples, at)` takes audio from any source (the microphone callback, or a test
pushing WAV frames) through the same path: echo guard -> VAD endpointer -> a decode thread ->
transcript -> safety decision (decision.py) -> `get(timeout)`, the player's Inbox interface.
It keeps listening while the coach speaks (barge-in); the echo guard keeps the coach's own
voice out.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .audio import RATE
from .decision import Heard, decide
from .echo import EchoGuard
from .engines import Engine
from .vad import FRAME, Endpointer, SileroStream, Utterance


@dataclass(frozen=True)
class Timing:
    speech_ended: float
    understood: float
    audio_seconds: float
    decode_seconds: float


class Listener:
    closed = False  # a microphone never runs out (unlike typed input at end of file)

    def __init__(
        self,
        engine: Engine,
        echo: EchoGuard | None = None,
        clock: Callable[[], float] = time.monotonic,
        background: bool = True,
    ) -> None:
        self.engine = engine
        self.echo = echo or EchoGuard()
        self.clock = clock
        self.timings: list[Timing] = []
        self._endpointer = Endpointer(SileroStream())
        self._pending = np.zeros(0, dtype=np.float32)
        self._pending_at = 0.0
        self._out: queue.Queue[Heard] = queue.Queue()
        self._work: queue.Queue[Utterance | None] | None = None
        if background:
            self._work = queue.Queue()
            threading.Thread(target=self._decode_loop, name="hearing", daemon=True).start()

    def feed(self, samples: np.ndarray, at: float) -> None:
        """Audio (16 kHz mono float32) whose first sample was captured at time `at`."""
        if not len(self._pending):
            self._pending_at = at
        self._pending = np.concatenate([self._pending, samples.astype(np.float32)])
        while len(self._pending) >= FRAME:
            frame, self._pending = self._pending[:FRAME], self._pending[FRAME:]
            frame_at = self._pending_at
            self._pending_at += FRAME / RATE
            utterance = self._endpointer.push(self.echo.clean(frame, frame_at), frame_at)
            if utterance is None:
                continue
            if self._work is not None:
                self._work.put(utterance)
            else:
                self._decode(utterance)

    def get(self, timeout: float) -> str | None:
        try:
            return self._out.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None

    def close(self) -> None:
        if self._work is not None:
            self._work.put(None)

    def _decode_loop(self) -> None:
        assert self._work is not None
        while (utterance := self._work.get()) is not None:
            self._decode(utterance)

    def _decode(self, utterance: Utterance) -> None:
        started = time.perf_counter()
        transcript = self.engine.transcribe(utterance.samples)
        decision = decide(transcript, self.engine.trusted_from)
        self.timings.append(
            Timing(
                utterance.ended_at,
                self.clock(),
                len(utterance.samples) / RATE,
                time.perf_counter() - started,
            )
        )
        if decision.heard is not None and decision.heard.worth_asking:
            self._out.put(decision.heard)
