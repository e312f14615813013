"""Where the player's input comes from: lines read on a thread of their own, or none at all.

Input never waits for speech: a background thread reads lines as they come, and the player
polls the queue while it speaks, counts and waits, so every utterance reaches the session
within a poll interval.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable
from typing import Protocol


class Inbox(Protocol):
    def get(self, timeout: float) -> str | None:
        """The next line the user typed or said, or None if `timeout` seconds pass first."""


def heard_something(line: str) -> bool:
    """A line worth handing to the session: not blank, or words the listener was unsure of
    (a hearing.decision.Heard; the session turns it into "Sorry, was that ...?")."""
    return bool(line.strip()) or bool(getattr(line, "unsure", False))


def inbox_closed(inbox: Inbox) -> bool:
    """True when no more input can arrive (stdin ended, a script ran out)."""
    return bool(getattr(inbox, "closed", False))


class QueueInbox:
    """Lines from an iterable (stdin), read on a background thread."""

    def __init__(self, lines: Iterable[str]) -> None:
        self._queue: queue.Queue[str | None] = queue.Queue()
        self.closed = False
        threading.Thread(target=self._pump, args=(lines,), daemon=True, name="input").start()

    def _pump(self, lines: Iterable[str]) -> None:
        for line in lines:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def get(self, timeout: float) -> str | None:
        if self.closed:
            time.sleep(max(0.0, timeout))
            return None
        try:
            line = self._queue.get(timeout=max(0.0, timeout))
        except queue.Empty:
            return None
        if line is None:
            self.closed = True
        return line


class VirtualClock:
    """Time that passes only when someone waits: --script runs and tests never sleep."""

    def __init__(self, start: float = 0.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += max(0.0, seconds)


class QuietInbox:
    """No input arrives during playback; waiting only advances the given virtual clock."""

    closed = True

    def __init__(self, clock: VirtualClock) -> None:
        self.clock = clock

    def get(self, timeout: float) -> str | None:
        self.clock.advance(timeout)
        return None
