"""The synthesising speaker: calibrated rate, measured durations, a cache, and instant flush.

- Before anything can be queued, the engine is calibrated (speech_rate.calibrate) so speech
  lands at the requested words per minute of actual speech, not the engine's nominal rate.
- Every text is synthesised once, on a single synthesis thread, to a WAV in a private folder
  and cached by text: `prepare()` synthesises cues ahead, `duration()` reads the WAV's frames.
- A playback thread plays queued texts in order with `aplay` (when there is a sound card) and
  copies each to the --save-audio folder; `flush()` empties the queue and kills aplay at once.
"""

from __future__ import annotations

import collections
import itertools
import logging
import shutil
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterable
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor
from pathlib import Path

from .speech_rate import Calibration, calibrate, estimate_seconds, wav_seconds
from .synthesisers import SpeechUnavailable, Synthesiser, make_synthesiser, synthesise_checked

__all__ = ["SpeechUnavailable", "SynthSpeaker", "has_audio_device", "make_synthesiser"]

log = logging.getLogger(__name__)
ENGINE_TIMEOUT_SECONDS = 30.0
PLAY_COMMAND = ("aplay", "-q")  # the WAV's path is appended
MIN_BUSY_SECONDS = 0.02  # while audio is starting or ending, "busy" is never reported as 0


def has_audio_device() -> bool:
    """True when ALSA lists a sound card (playback is through aplay)."""
    if shutil.which("aplay") is None:
        return False
    try:
        listing = subprocess.run(
            ["aplay", "-l"], capture_output=True, text=True, timeout=5, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return "card " in listing.stdout


class SynthSpeaker:
    def __init__(
        self,
        synthesiser: Synthesiser,
        words_per_minute: float,
        *,
        save_dir: Path | None = None,
        play: bool = True,
        play_command: tuple[str, ...] = PLAY_COMMAND,
        on_play: Callable[[Path, float], None] | None = None,
    ) -> None:
        self.synthesiser = synthesiser
        # Told what is about to be played and when (the microphone's echo guard listens).
        self.on_play = on_play
        self.words_per_minute = words_per_minute
        self.save_dir = save_dir
        self.play = play
        self.play_command = play_command
        self.saved: list[Path] = []
        self._workdir = Path(tempfile.mkdtemp(prefix="stretch-coach-"))
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="synth")
        self._cache: dict[str, Future[Path]] = {}
        self._names = itertools.count(1)
        self._numbers = itertools.count(1)
        self._cond = threading.Condition()
        self._pending: collections.deque[str] = collections.deque()
        self._generation = 0
        self._proc: subprocess.Popen[bytes] | None = None
        self._playing_until = 0.0
        self._closing = False
        self._idle = threading.Event()
        self._idle.set()
        if save_dir is not None:
            save_dir.mkdir(parents=True, exist_ok=True)
        # The rate is fixed and verified on the synthesis thread before any text is accepted.
        try:
            self.calibration: Calibration = self._pool.submit(
                calibrate, synthesiser, words_per_minute, self._workdir
            ).result(timeout=ENGINE_TIMEOUT_SECONDS * 2)
        except Exception as error:
            self._shutdown()
            raise SpeechUnavailable(str(error)) from error
        if self.calibration.measured_wpm <= 0:
            self._shutdown()
            raise SpeechUnavailable("the speech engine produced no audio")
        if not self.calibration.within_tolerance:
            log.warning("speech pace %.0f wpm, wanted %.0f", self.calibration.measured_wpm,
                        words_per_minute)  # fmt: skip
        self._thread = threading.Thread(target=self._play_loop, name="speech", daemon=True)
        self._thread.start()

    # synthesis -------------------------------------------------------------------------

    def _wav(self, text: str) -> Future[Path]:
        with self._cond:
            future = self._cache.get(text)
            if future is None:
                path = self._workdir / f"{next(self._names):05d}.wav"
                rate = self.calibration.engine_rate
                future = self._pool.submit(synthesise_checked, self.synthesiser, text, rate, path)
                self._cache[text] = future
            return future

    def prepare(self, texts: Iterable[str]) -> None:
        for text in texts:
            if text.strip():
                self._wav(text)

    def duration(self, text: str) -> float:
        if not text.strip():
            return 0.0
        try:
            return wav_seconds(self._wav(text).result(timeout=ENGINE_TIMEOUT_SECONDS))
        except Exception:  # a failed synthesis: fall back to the estimate
            return estimate_seconds(text, self.words_per_minute)

    # playback --------------------------------------------------------------------------

    def say(self, text: str) -> None:
        if not text.strip():
            return
        self._wav(text)
        with self._cond:
            self._pending.append(text)
            self._idle.clear()
            self._cond.notify()

    def busy_for(self) -> float:
        if self._idle.is_set() or not self.play:  # files only: nobody waits for them
            return 0.0
        with self._cond:
            queued = [self._cache[text] for text in self._pending]
            left = max(0.0, self._playing_until - time.monotonic())
        for future in queued:
            left += wav_seconds(future.result()) if future.done() else 0.0
        return max(left, MIN_BUSY_SECONDS)

    def flush(self) -> None:
        if not self.play:
            return  # nothing is heard: keep every file that was asked for
        with self._cond:
            self._generation += 1
            self._pending.clear()
            # Texts prepared ahead but not yet synthesised would delay the answer: drop them.
            for text, future in list(self._cache.items()):
                if future.cancel():
                    del self._cache[text]
            if self._proc is not None:
                self._proc.kill()
            self._playing_until = 0.0
            self._idle.set()

    def wait(self) -> None:
        if not self._idle.wait(ENGINE_TIMEOUT_SECONDS):
            log.warning("speech did not finish in %.0f s; carrying on", ENGINE_TIMEOUT_SECONDS)

    def _play_loop(self) -> None:
        while True:
            with self._cond:
                while not self._pending and not self._closing:
                    self._cond.wait()
                if not self._pending:
                    return
                text = self._pending.popleft()
                generation = self._generation
            try:
                self._play_one(text, generation)
            except CancelledError:
                pass  # flushed before it was synthesised
            except Exception as error:
                log.warning("speech failed: %s", error)
            with self._cond:
                if not self._pending:
                    self._idle.set()

    def _play_one(self, text: str, generation: int) -> None:
        path = self._wav(text).result(timeout=ENGINE_TIMEOUT_SECONDS)
        if generation != self._generation:
            return  # flushed while it was being synthesised
        if self.save_dir is not None:
            saved = self.save_dir / f"{next(self._numbers):04d}.wav"
            shutil.copyfile(path, saved)
            self.saved.append(saved)
        if not self.play:
            return
        seconds = wav_seconds(path)
        with self._cond:
            if generation != self._generation:
                return
            if self.on_play is not None:
                self.on_play(path, time.monotonic())
            proc = subprocess.Popen([*self.play_command, str(path)])
            self._proc = proc
            self._playing_until = time.monotonic() + seconds
        try:
            proc.wait(timeout=seconds + 10)
        except subprocess.TimeoutExpired:
            proc.kill()
        with self._cond:
            self._proc = None
            self._playing_until = 0.0

    def close(self) -> None:
        self.wait()
        with self._cond:
            self._closing = True
            self._cond.notify()
        self._thread.join(timeout=5)
        self._shutdown()

    def _shutdown(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self.synthesiser.close()
        shutil.rmtree(self._workdir, ignore_errors=True)
