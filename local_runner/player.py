"""Plays a Reply in real time: speech, then timed activities counted on a monotonic clock.

Each cue is due at (start of the activity + its offset + time spent paused): the schedule is
computed from the start, never from the previous cue, so no drift accumulates however long
the speech takes. While a hold runs the player keeps listening to the inbox: "pause" stops
the clock and keeps the remaining time, "resume" carries on, and any other command stops the
activity at once and is handed back to the session (so "that hurts" interrupts a hold).
The clock and the inbox are injected, so tests run instantly.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol

from skill.core import events as ev
from skill.core.events import Event
from skill.core.reply import Pause, Reply, Say, SideSwitch, Timed

from .display import Display
from .speaker import Speaker

TICK_SECONDS = 1.0  # how often the countdown display is refreshed during a hold


class Conversation(Protocol):
    """What the player talks to: the local session (recogniser + coach)."""

    def parse(self, text: str) -> Event: ...
    def handle(self, event: Event) -> Reply: ...


class Inbox(Protocol):
    def get(self, timeout: float) -> str | None:
        """The next line the user typed or said, or None if `timeout` seconds pass first."""


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


@dataclass
class Interrupted:
    """The user said something during playback that the session must handle."""

    event: Event
    text: str


class Player:
    def __init__(
        self,
        speaker: Speaker,
        display: Display,
        conversation: Conversation,
        inbox: Inbox,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.speaker = speaker
        self.display = display
        self.conversation = conversation
        self.inbox = inbox
        self.clock = clock

    def play(self, reply: Reply) -> Interrupted | None:
        self.display.reply_started(reply)
        for segment in reply.segments:
            if isinstance(segment, Say | SideSwitch):
                self._speak(segment.text)
                self.speaker.wait()
            elif isinstance(segment, Pause):
                interrupted = self._wait_until(self.clock() + segment.seconds, None)
                if interrupted:
                    return interrupted
            elif isinstance(segment, Timed):
                interrupted = self._timed(segment)
                if interrupted:
                    return interrupted
        return None

    def _speak(self, text: str) -> None:
        self.speaker.say(text)
        self.display.coach(text)

    def _timed(self, segment: Timed) -> Interrupted | None:
        self.display.timed_started(segment)
        self._start = self.clock()
        self._paused_for = 0.0
        for cue in segment.cues:
            interrupted = self._wait_until(None, (segment, cue.at))
            if interrupted:
                self.display.timed_ended(segment)
                return interrupted
            self.speaker.say(cue.text)
            self.display.cue(cue.at, cue.text)
        self.display.timed_ended(segment)
        return None

    def _due(self, offset: float) -> float:
        return self._start + self._paused_for + offset

    def _wait_until(
        self, deadline: float | None, timed: tuple[Timed, float] | None
    ) -> Interrupted | None:
        """Wait for a deadline (or a cue's due time), handling commands that arrive meanwhile."""
        while True:
            due = self._due(timed[1]) if timed else deadline
            assert due is not None
            now = self.clock()
            if timed:
                self.display.timed_tick(timed[0], now - self._start - self._paused_for)
            remaining = due - now
            if remaining <= 0:
                return None
            line = self.inbox.get(min(remaining, TICK_SECONDS))
            if line is None or not line.strip():
                continue
            self.display.user(line)
            event = self.conversation.parse(line)
            if event.name == ev.PAUSE and timed:
                resumed = self._paused()
                if isinstance(resumed, Interrupted):
                    return resumed
                continue
            if event.name == ev.RESUME and timed:
                continue  # not paused: carry on counting
            return Interrupted(event, line)

    def _say_reply(self, reply: Reply) -> None:
        """Speak a short answer from the coach without leaving the activity being played."""
        for segment in reply.segments:
            if isinstance(segment, Say | SideSwitch):
                self._speak(segment.text)
        self.speaker.wait()

    def _paused(self) -> Interrupted | None:
        """Hold the clock until the user resumes; any other command ends the activity.

        The coach is told (it says "paused" and knows it), so what it says and what it
        would do next stay its own decisions.
        """
        paused_at = self.clock()
        self._say_reply(self.conversation.handle(Event(ev.PAUSE)))
        while True:
            line = self.inbox.get(TICK_SECONDS * 30)
            if line is None:
                if getattr(self.inbox, "closed", False):
                    return Interrupted(Event(ev.STOP), "")
                continue
            if not line.strip():
                continue
            self.display.user(line)
            event = self.conversation.parse(line)
            if event.name in (ev.RESUME, ev.NEXT, ev.YES):
                self._paused_for += self.clock() - paused_at
                self._say_reply(self.conversation.handle(Event(ev.HOLD_RESUMED)))
                return None
            if event.name == ev.PAUSE:
                continue
            return Interrupted(event, line)
