"""Plays a Reply in real time: speech, pauses and timed activities, always listening.

- No utterance starts over another: each Say waits for the previous speech to end, and each
  cue waits for it too. A cue that is late for that reason is said as soon as the speech
  ends and the rest of the schedule moves by the same amount (re-anchored), so the user is
  never counted through a hold they could not hear; `stats` records how late and how much.
- Each cue is otherwise due at (start of the activity + its offset + time spent paused),
  computed from the start, never from the previous cue: no drift accumulates.
- The inbox is polled while speech plays, during pauses, holds and rests. Every utterance
  goes to the session at once: an `aside` answer ("how long is left?") is said and the
  activity carries on (an interrupted instruction is said again after it); any other answer
  flushes the speech and is handed back (`Interrupted.reply`) for the runner to play.
  "pause" during a hold stops the clock (the coach is told), "resume" carries on.
The clock and the inbox are injected, so tests run instantly on a virtual clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from typing import Protocol

from skill.core import events as ev
from skill.core.coach.unsure import PAUSED_TO_ASK
from skill.core.events import Event
from skill.core.reply import Pause, Reply, Say, SideSwitch, Timed

from .display import Display
from .inbox import Inbox, QueueInbox, QuietInbox, VirtualClock, heard_something, inbox_closed
from .speaker import Speaker

__all__ = ["Inbox", "Interrupted", "Player", "QueueInbox", "QuietInbox", "VirtualClock"]

TICK_SECONDS = 1.0  # how often the countdown display is refreshed during a hold
POLL_SECONDS = 0.1  # longest wait between looks at the speaker while speech plays
PAUSED_POLL_SECONDS = 30.0


class Conversation(Protocol):
    """What the player talks to: the local session (recogniser + coach)."""

    def parse(self, text: str) -> Event: ...
    def handle(self, event: Event) -> Reply: ...


@dataclass
class Interrupted:
    """The user said something during playback; `reply` is the session's answer, to play next."""

    event: Event
    text: str
    reply: Reply


@dataclass
class PlayStats:
    late_cues: int = 0
    max_late: float = 0.0  # longest a cue waited for the previous utterance to end
    reanchored: float = 0.0  # total time schedules moved because of late cues
    answer_delays: list[float] = field(default_factory=list)  # heard -> answer's first word


def shown(line: str) -> str:
    """What the display shows for a line: the words heard when the listener was unsure."""
    return line if line.strip() else str(getattr(line, "transcript", line))


def texts_of(reply: Reply) -> Iterator[str]:
    for segment in reply.segments:
        if isinstance(segment, Say | SideSwitch):
            yield segment.text
        elif isinstance(segment, Timed):
            yield from (cue.text for cue in segment.cues)


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
        self.stats = PlayStats()
        self._heard_at: float | None = None  # an utterance whose answer is not yet spoken
        self._start = 0.0
        self._paused_for = 0.0

    def answer(self, line: str) -> Reply:
        """The session's answer to a line heard while nothing was playing."""
        self._heard_at = self.clock()
        self.display.user(shown(line))
        return self.conversation.handle(self.conversation.parse(line))

    def play(self, reply: Reply) -> Interrupted | None:
        self.display.reply_started(reply)
        self.speaker.prepare(texts_of(reply))
        for segment in reply.segments:
            result: Interrupted | None = None
            if isinstance(segment, Say | SideSwitch):
                result = self._say_segment(segment.text)
            elif isinstance(segment, Pause):
                result = self._wait_until(partial(float, self.clock() + segment.seconds), None)
            elif isinstance(segment, Timed):
                result = self._timed(segment)
            if result is not None:
                return result
        interrupted = self._until_quiet(None)
        return interrupted if isinstance(interrupted, Interrupted) else None

    def _speak(self, text: str, cue_at: float | None = None) -> None:
        if self._heard_at is not None:
            self.stats.answer_delays.append(self.clock() - self._heard_at)
            self._heard_at = None
        self.speaker.say(text)
        if cue_at is None:
            self.display.coach(text)
        else:
            self.display.cue(cue_at, text)

    def _say_segment(self, text: str) -> Interrupted | None:
        while True:
            before = self._until_quiet(None)
            if isinstance(before, Interrupted):
                return before
            self._speak(text)
            after = self._until_quiet(None)
            if isinstance(after, Interrupted):
                return after
            if after is None:
                return None
            # An aside cut this sentence short: say it again after the answer.

    def _timed(self, segment: Timed) -> Interrupted | None:
        self.display.timed_started(segment)
        self._start = self.clock()
        self._paused_for = 0.0
        try:
            for cue in segment.cues:
                while True:
                    waited = self._wait_until(partial(self._due, cue.at), segment)
                    if waited is not None:
                        return waited
                    quiet = self._until_quiet(segment)
                    if isinstance(quiet, Interrupted):
                        return quiet
                    if self.clock() >= self._due(cue.at) - 1e-9:
                        break  # (a pause while waiting for quiet moves the cue later)
                late = self.clock() - self._due(cue.at)
                if late > 1e-6:
                    self.stats.late_cues += 1
                    self.stats.max_late = max(self.stats.max_late, late)
                    self.stats.reanchored += late
                    self._paused_for += late
                self._speak(cue.text, cue.at)
        finally:
            self.display.timed_ended(segment)
        return None

    def _due(self, offset: float) -> float:
        return self._start + self._paused_for + offset

    def _poll(self, timeout: float) -> str | None:
        """The next line; blank ones are skipped unless the listener was unsure of them (the
        session turns those into "Sorry, was that ...?")."""
        line = self.inbox.get(timeout)
        return line if line is not None and heard_something(line) else None

    def _until_quiet(self, timed: Timed | None) -> Interrupted | Reply | None:
        """Listen until the speaker has said everything; returns an aside said meanwhile."""
        aside: Reply | None = None
        while (left := self.speaker.busy_for()) > 0:
            line = self._poll(min(left, POLL_SECONDS))
            if line is not None:
                heard = self._heard(line, timed)
                if isinstance(heard, Interrupted):
                    return heard
                aside = heard or aside
        return aside

    def _wait_until(self, due: Callable[[], float], timed: Timed | None) -> Interrupted | None:
        """Listen until a deadline (a cue's due time moves while paused)."""
        while True:
            now = self.clock()
            if timed is not None:
                self.display.timed_tick(timed, now - self._start - self._paused_for)
            remaining = due() - now
            if remaining <= 0:
                return None
            line = self._poll(min(remaining, TICK_SECONDS))
            if line is not None:
                heard = self._heard(line, timed)
                if isinstance(heard, Interrupted):
                    return heard

    def _heard(self, line: str, timed: Timed | None) -> Interrupted | Reply | None:
        """Hand an utterance to the session; says an aside, else returns the interruption."""
        heard_at = self.clock()
        self.display.user(shown(line))
        event = self.conversation.parse(line)
        if timed is not None and event.name == ev.PAUSE:
            return self._paused()
        if timed is not None and event.name == ev.RESUME:
            return None  # not paused: carry on counting
        if timed is not None and event.name == ev.STATUS:
            event = self._with_progress(event, timed)
        reply = self.conversation.handle(event)
        self.speaker.flush()
        self._heard_at = heard_at
        if reply.aside:
            self._say_now(reply)
            return reply
        if timed is not None and PAUSED_TO_ASK in reply.events:
            return self._paused(reply)  # in doubt about a safety word: the coach paused to ask
        return Interrupted(event, line, reply)

    def _with_progress(self, event: Event, timed: Timed) -> Event:
        """What only the player knows, for "how long is left?": the seconds left and the side."""
        elapsed = self.clock() - self._start - self._paused_for
        progress = {"remaining": str(max(0, round(timed.seconds - elapsed)))}
        if timed.side:
            progress["side"] = timed.side
        return replace(event, slots={**event.slots, **progress})

    def _say_now(self, reply: Reply) -> None:
        """Speak a short answer from the coach without leaving the activity being played."""
        self.speaker.flush()
        said = " ".join(s.text for s in reply.segments if isinstance(s, Say | SideSwitch))
        if said:
            self._speak(said)  # one utterance: nothing is handed over while another plays

    def _paused(self, reply: Reply | None = None) -> Interrupted | None:
        """Hold the clock until the user resumes; any other command ends the activity.

        The coach is told (it says "paused" and knows it), so what it says and what it
        would do next stay its own decisions. `reply`: the coach paused by itself and said so.
        """
        paused_at = self.clock()
        self._heard_at = paused_at
        self._say_now(reply or self.conversation.handle(Event(ev.PAUSE)))
        while True:
            line = self._poll(PAUSED_POLL_SECONDS)
            if line is None:
                if inbox_closed(self.inbox):
                    stop = Event(ev.STOP)
                    return Interrupted(stop, "", self.conversation.handle(stop))
                continue
            self._heard_at = self.clock()
            self.display.user(shown(line))
            event = self.conversation.parse(line)
            if event.name in (ev.RESUME, ev.NEXT, ev.YES):
                self._paused_for += self.clock() - paused_at
                self._say_now(self.conversation.handle(Event(ev.HOLD_RESUMED)))
                return None
            if event.name == ev.PAUSE:  # already paused: the coach says so again
                self._say_now(self.conversation.handle(event))
                continue
            reply = self.conversation.handle(event)
            if reply.aside or PAUSED_TO_ASK in reply.events:  # answered; still paused
                self._say_now(reply)
                continue
            self.speaker.flush()
            return Interrupted(event, line, reply)
