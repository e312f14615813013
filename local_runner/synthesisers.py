"""Text to WAV at a given engine rate: the espeak-ng program, or pyttsx3 where it is missing.

Why not pyttsx3 on Linux: its espeak driver (2.99) applies a rate change asynchronously to
the synthesis it precedes. Measured here, setting 150 then 83 then 110 on one engine gave
271, 114 and 148 words a minute in one run and 148, 203, 202 in another (issue 9 saw whole
sessions at the default 200 wpm). `espeak-ng -s RATE -w FILE` applies the rate per call, so
synthesis goes through the program when it is installed; pyttsx3 (SAPI5/NSSS elsewhere)
is the fallback. Both are called from one thread only (pyttsx3 requires it).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any, Protocol, TextIO

from .speech_rate import trim_silence, wav_seconds

SAVED_PREFIX = "Audio saved to "
SYNTH_TIMEOUT_SECONDS = 30.0


class SpeechUnavailable(RuntimeError):
    pass


class Synthesiser(Protocol):
    def __call__(self, text: str, rate: int, path: Path) -> None:
        """Write `text` spoken at engine rate `rate` to the WAV file `path`."""

    def close(self) -> None: ...


class EspeakNgSynthesiser:
    def __init__(self, program: str) -> None:
        self.program = program

    def __call__(self, text: str, rate: int, path: Path) -> None:
        try:
            subprocess.run(
                [self.program, "-s", str(rate), "-w", str(path), "--stdin"],
                input=text, text=True, capture_output=True, timeout=SYNTH_TIMEOUT_SECONDS,
                check=True,
            )  # fmt: skip
        except (OSError, subprocess.SubprocessError) as error:
            raise SpeechUnavailable(f"espeak-ng failed: {error}") from error

    def close(self) -> None:
        pass


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


class Pyttsx3Synthesiser:
    """pyttsx3's save_to_file, one utterance per runAndWait (two queued keep only the last);
    the engine is created on first use, on the calling (synthesis) thread."""

    def __init__(self) -> None:
        self._engine: Any = None
        self._rate: int | None = None
        if not isinstance(sys.stdout, _DropSavedLines):
            sys.stdout = _DropSavedLines(sys.stdout)

    def __call__(self, text: str, rate: int, path: Path) -> None:
        try:
            if self._engine is None:
                import pyttsx3

                self._engine = pyttsx3.init()
            if rate != self._rate:
                self._engine.setProperty("rate", rate)
                self._rate = rate
            self._engine.save_to_file(text, str(path))
            self._engine.runAndWait()
        except Exception as error:  # no driver, no library: the caller falls back to print
            raise SpeechUnavailable(str(error)) from error

    def close(self) -> None:
        pass


def make_synthesiser() -> Synthesiser:
    program = shutil.which("espeak-ng")
    if program is not None:
        return EspeakNgSynthesiser(program)
    return Pyttsx3Synthesiser()


def synthesise_checked(synthesiser: Synthesiser, text: str, rate: int, path: Path) -> Path:
    """Synthesise (silence around the speech trimmed), making the file again if it came out
    empty (a pyttsx3 driver quirk)."""
    for _attempt in range(3):
        synthesiser(text, rate, path)
        if wav_seconds(path) > 0:
            trim_silence(path)
            return path
    raise SpeechUnavailable(f"the speech engine produced no audio for {text[:40]!r}")
