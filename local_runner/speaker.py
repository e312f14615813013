"""Speech out for the local runner: what a speaker can do, the silent and recording speakers,
and choosing the best one this machine allows (the synthesising speaker lives in `tts`).

Every speaker can say how long a text takes to say (`duration`), how long until everything
handed over has been spoken (`busy_for`), and drop everything at once (`flush`), so the player
never starts a cue over the previous one and an interruption is answered at once.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from .speech_rate import DEFAULT_WPM, estimate_seconds


class Speaker(Protocol):
    def say(self, text: str) -> None:
        """Hand `text` to the speech engine and return at once (it is spoken after the rest)."""

    def prepare(self, texts: Iterable[str]) -> None:
        """Synthesise ahead what will be said soon (cues), so it is ready when due."""

    def duration(self, text: str) -> float:
        """Seconds it takes to say `text`."""

    def busy_for(self) -> float:
        """Seconds until everything handed over has been spoken (0 when quiet)."""

    def flush(self) -> None:
        """Drop everything queued and stop what is being spoken, at once."""

    def wait(self) -> None:
        """Block until everything handed over so far has been spoken."""

    def close(self) -> None: ...


class SilentSpeaker:
    """No speech (the display prints everything); durations are estimated at the set rate."""

    def __init__(self, words_per_minute: float = DEFAULT_WPM) -> None:
        self.words_per_minute = words_per_minute

    def say(self, text: str) -> None:
        pass

    def prepare(self, texts: Iterable[str]) -> None:
        pass

    def duration(self, text: str) -> float:
        return estimate_seconds(text, self.words_per_minute)

    def busy_for(self) -> float:
        return 0.0

    def flush(self) -> None:
        pass

    def wait(self) -> None:
        pass

    def close(self) -> None:
        pass


class RecordingSpeaker:
    """A clock-accurate fake: each utterance occupies the clock for its duration.

    Records when each text was handed over, counts overlaps (a text handed over while the
    previous one was still being spoken) and cuts (a flush that stopped speech part way).
    `words_per_minute=0` makes speech instant; `durations` overrides the estimate (e.g.
    measured from real synthesised audio).
    """

    def __init__(
        self,
        clock: Callable[[], float] = time.monotonic,
        words_per_minute: float = DEFAULT_WPM,
        durations: Callable[[str], float] | None = None,
    ) -> None:
        self.clock = clock
        self.words_per_minute = words_per_minute
        self._durations = durations
        self.spoken: list[tuple[float, str]] = []
        self.overlaps = 0
        self.cuts = 0
        self.speech_seconds = 0.0
        self._busy_until = -math.inf

    def say(self, text: str) -> None:
        now = self.clock()
        if now < self._busy_until - 1e-9:
            self.overlaps += 1
        seconds = self.duration(text)
        self.speech_seconds += seconds
        self._busy_until = max(now, self._busy_until) + seconds
        self.spoken.append((now, text))

    def prepare(self, texts: Iterable[str]) -> None:
        pass

    def duration(self, text: str) -> float:
        if self._durations is not None:
            return self._durations(text)
        return estimate_seconds(text, self.words_per_minute)

    def busy_for(self) -> float:
        return max(0.0, self._busy_until - self.clock())

    def flush(self) -> None:
        now = self.clock()
        if self._busy_until > now:
            self.cuts += 1
            self.speech_seconds -= self._busy_until - now
            self._busy_until = now

    def wait(self) -> None:
        pass

    def close(self) -> None:
        pass

    @property
    def texts(self) -> list[str]:
        return [text for _, text in self.spoken]


def make_speaker(
    *,
    speech: bool,
    save_dir: Path | None,
    notice: Callable[[str], None],
    words_per_minute: float = DEFAULT_WPM,
    on_play: Callable[[Path, float], None] | None = None,
) -> Speaker:
    """The best speaker this machine allows; explains once (via `notice`) what it fell back to."""
    from .tts import SpeechUnavailable, SynthSpeaker, has_audio_device, make_synthesiser

    silent = SilentSpeaker(words_per_minute)
    if not speech and save_dir is None:
        return silent
    play = speech and has_audio_device()
    if speech and not play:
        notice("No audio output device found, so I'll print what I would say.")
    if not play and save_dir is None:
        return silent
    try:
        synthesiser = make_synthesiser()
        return SynthSpeaker(
            synthesiser, words_per_minute, save_dir=save_dir, play=play, on_play=on_play
        )
    except SpeechUnavailable as error:
        notice(f"Speech is not available ({error}), so I'll print what I would say.")
        return silent
