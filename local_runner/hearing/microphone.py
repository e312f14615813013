"""The microphone (sounddevice, 16 kHz mono) feeding a Listener, and the CLI's factory.

Every way listening can fail here (no PortAudio library, no input device, no engine or model)
ends in one clear sentence through `notice` and `None`, so the session carries on typed.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable
from typing import Any

import numpy as np

from ..player import Inbox
from .audio import RATE
from .echo import EchoGuard
from .engines import EngineUnavailable, make_engine
from .listener import Listener
from .vad import FRAME


class Microphone:
    """Captures into a queue from PortAudio's callback; a thread of ours runs VAD and decoding."""

    def __init__(self, listener: Listener, sounddevice: Any) -> None:
        self.listener = listener
        self._frames: queue.Queue[tuple[np.ndarray, float] | None] = queue.Queue()
        self._stream = sounddevice.InputStream(
            samplerate=RATE, channels=1, dtype="float32", blocksize=FRAME, callback=self._callback
        )
        threading.Thread(target=self._pump, name="microphone", daemon=True).start()
        self._stream.start()

    def _callback(self, data: np.ndarray, frames: int, _time: Any, _status: Any) -> None:
        # PortAudio's thread: copy and hand over, nothing slow here.
        self._frames.put((data[:, 0].copy(), self.listener.clock() - frames / RATE))

    def _pump(self) -> None:
        while (item := self._frames.get()) is not None:
            self.listener.feed(*item)

    def get(self, timeout: float) -> str | None:
        return self.listener.get(timeout)

    @property
    def echo(self) -> EchoGuard:
        """What the speaker reports its playback to (`playing` / `playing_wav`)."""
        return self.listener.echo

    @property
    def closed(self) -> bool:
        return False

    def close(self) -> None:
        self._stream.stop()
        self._stream.close()
        self._frames.put(None)
        self.listener.close()


def make_listener(engine: str | None, notice: Callable[[str], None]) -> Microphone | None:
    """A listening inbox on the default microphone, or None after saying why not."""
    try:
        import sounddevice
    except OSError:
        notice(
            "Listening is off because the PortAudio library is missing "
            "(./scripts/setup.sh installs libportaudio2 as root); type your commands instead."
        )
        return None
    try:
        sounddevice.query_devices(kind="input")
    except Exception:
        notice("No microphone found, so type your commands instead.")
        return None
    try:
        recogniser = make_engine(engine, notice)
    except EngineUnavailable as error:
        notice(f"{error} Type your commands instead.")
        return None
    try:
        return Microphone(Listener(recogniser), sounddevice)
    except Exception as error:  # PortAudio refuses the device: keep the session typed
        notice(f"The microphone could not be opened ({error}); type your commands instead.")
        return None


PUMP_WAIT = 0.5  # seconds each source is waited on before checking whether it closed


class MergedInbox:
    """Lines from several inboxes (typed and spoken), whichever comes first."""

    def __init__(self, *inboxes: Inbox) -> None:
        self._inboxes = inboxes
        self._queue: queue.Queue[str] = queue.Queue()
        self._done = [False] * len(inboxes)
        for index, inbox in enumerate(inboxes):
            threading.Thread(target=self._pump, args=(index, inbox), daemon=True).start()

    def _pump(self, index: int, inbox: Inbox) -> None:
        while True:
            asked = time.monotonic()
            line = inbox.get(PUMP_WAIT)
            if line is not None:
                self._queue.put(line)
            elif getattr(inbox, "closed", False):
                self._done[index] = True
                return
            elif time.monotonic() - asked < PUMP_WAIT / 2:
                # An inbox that answers "nothing" at once must not make this thread spin (it
                # held the interpreter and slowed everything else down).
                time.sleep(PUMP_WAIT)

    @property
    def closed(self) -> bool:
        return all(self._done) and self._queue.empty()

    def get(self, timeout: float) -> str | None:
        try:
            return self._queue.get(timeout=max(0.0, timeout))
        except queue.Empty:
            if self.closed:
                time.sleep(max(0.0, timeout))
            return None
