"""Speech out for the local runner: pyttsx3 (espeak-ng on Linux) on one thread of its own.

Known pyttsx3 2.99 quirks (DESIGN §8) and how this module handles them:
- the engine must be created and run on the same thread: one worker thread owns it;
- the espeak driver keeps the last `save_to_file` target, so a later `say()` would overwrite
  that file instead of playing: every utterance is synthesised with `save_to_file` to its own
  WAV (the --save-audio folder, or a temporary file) and played with `aplay` when there is a
  sound card;
- two queued `save_to_file` calls keep only the last: one utterance per `runAndWait`;
- the driver prints "Audio saved to ...": those lines are dropped from stdout;
- the driver can drop the last audio chunk and write an empty WAV: such files are re-made.
With no TTS engine or no audio device the runner says so once and prints instead; a stuck
engine is abandoned after a timeout, never waited on forever.
"""

from __future__ import annotations

import itertools
import logging
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import wave
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, TextIO

log = logging.getLogger(__name__)

SPEECH_RATE_WPM = 145  # calm; espeak's default of 200 is too quick for instructions
SAVED_PREFIX = "Audio saved to "
ENGINE_TIMEOUT_SECONDS = 30.0
# pyttsx3 2.99's espeak driver writes the WAV on the end-of-message event before appending
# that callback's samples, so an utterance delivered in one callback comes out empty; we
# check the file and synthesise again.
SYNTH_ATTEMPTS = 3


class Speaker(Protocol):
    def say(self, text: str) -> None:
        """Hand `text` to the speech engine and return at once."""

    def wait(self) -> None:
        """Block until everything handed over so far has been spoken."""

    def close(self) -> None: ...


class SilentSpeaker:
    """No speech (the display prints everything); used when speech is off or unavailable."""

    def say(self, text: str) -> None:
        pass

    def wait(self) -> None:
        pass

    def close(self) -> None:
        pass


class RecordingSpeaker:
    """Records when each text was handed over (tests and timing benchmarks)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.spoken: list[tuple[float, str]] = []

    def say(self, text: str) -> None:
        self.spoken.append((self.clock(), text))

    def wait(self) -> None:
        pass

    def close(self) -> None:
        pass

    @property
    def texts(self) -> list[str]:
        return [text for _, text in self.spoken]


class _DropSavedLines:
    """A stdout wrapper that drops pyttsx3's "Audio saved to ..." lines."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self._dropped = False  # print() writes the newline separately: drop that one too

    def write(self, text: str) -> int:
        if text.startswith(SAVED_PREFIX) or (text == "\n" and self._dropped):
            self._dropped = text.startswith(SAVED_PREFIX)
            return len(text)
        self._dropped = False
        return self.stream.write(text)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)


def _wav_frames(path: Path) -> int:
    try:
        with wave.open(str(path)) as wav:
            return int(wav.getnframes())
    except (OSError, EOFError, wave.Error):
        return 0


def has_audio_device() -> bool:
    """True when ALSA lists a sound card (aplay is what pyttsx3's espeak driver plays with)."""
    if shutil.which("aplay") is None:
        return False
    try:
        listing = subprocess.run(
            ["aplay", "-l"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "card " in listing.stdout


class SpeechUnavailable(RuntimeError):
    pass


class Pyttsx3Speaker:
    def __init__(self, save_dir: Path | None = None, play: bool = True) -> None:
        self.save_dir = save_dir
        self.play = play
        self._queue: queue.Queue[str | None] = queue.Queue()
        self._idle = threading.Event()
        self._idle.set()
        self._ready = threading.Event()
        self._error: BaseException | None = None
        self._counter = itertools.count(1)
        self.saved: list[Path] = []
        if save_dir is not None:
            save_dir.mkdir(parents=True, exist_ok=True)
        if not isinstance(sys.stdout, _DropSavedLines):
            sys.stdout = _DropSavedLines(sys.stdout)
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
        self._thread.start()
        if not self._ready.wait(ENGINE_TIMEOUT_SECONDS) or self._error is not None:
            raise SpeechUnavailable(str(self._error or "speech engine did not start"))

    def _run(self) -> None:
        try:
            import pyttsx3

            engine = pyttsx3.init()
            engine.setProperty("rate", SPEECH_RATE_WPM)
        except Exception as error:  # no espeak-ng, no driver: the caller falls back
            self._error = error
            self._ready.set()
            return
        self._ready.set()
        while True:
            text = self._queue.get()
            if text is None:
                break
            try:
                self._speak(engine, text)
            except Exception as error:
                log.warning("speech failed: %s", error)
            finally:
                if self._queue.empty():
                    self._idle.set()

    def _speak(self, engine: Any, text: str) -> None:
        if self.save_dir is not None:
            path = self.save_dir / f"{next(self._counter):04d}.wav"
        else:
            handle, name = tempfile.mkstemp(suffix=".wav", prefix="stretch-coach-")
            os.close(handle)
            path = Path(name)
        for _attempt in range(SYNTH_ATTEMPTS):
            engine.save_to_file(text, str(path))
            engine.runAndWait()
            if _wav_frames(path) > 0:
                break
        else:
            log.warning("speech engine produced no audio for %r", text[:40])
        if self.save_dir is not None:
            self.saved.append(path)
        if self.play and path.exists():
            subprocess.run(["aplay", "-q", str(path)], check=False, timeout=120)
        if self.save_dir is None:
            path.unlink(missing_ok=True)

    def say(self, text: str) -> None:
        if text.strip():
            self._idle.clear()
            self._queue.put(text)

    def wait(self) -> None:
        # Generous: an utterance takes well under a second per ten words.
        if not self._idle.wait(ENGINE_TIMEOUT_SECONDS):
            log.warning(
                "speech engine did not finish in %.0f s; carrying on", ENGINE_TIMEOUT_SECONDS
            )

    def close(self) -> None:
        self.wait()
        self._queue.put(None)
        self._thread.join(timeout=5)


def make_speaker(*, speech: bool, save_dir: Path | None, notice: Callable[[str], None]) -> Speaker:
    """The best speaker this machine allows; explains once (via `notice`) what it fell back to."""
    if not speech and save_dir is None:
        return SilentSpeaker()
    play = speech and has_audio_device()
    if speech and not play:
        notice("No audio output device found, so I'll print what I would say.")
    if not play and save_dir is None:
        return SilentSpeaker()
    try:
        return Pyttsx3Speaker(save_dir=save_dir, play=play)
    except SpeechUnavailable as error:
        notice(f"Speech is not available ({error}), so I'll print what I would say.")
        return SilentSpeaker()
