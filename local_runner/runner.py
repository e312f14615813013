"""The local coach's main loops: a live session (speech or typed) and a scripted run.

Live: each reply is played in real time. No state leaves the coach silent for good:
- hands-free, after a reply the runner waits `reply.wait_seconds` of silence and then sends
  Coach.AutoAdvance (the reply's `wait_seconds` says how long);
- a reply that expects an answer and has no wait gets its reprompt said once after
  REPROMPT_SECONDS of silence, then the runner keeps listening;
- a closed inbox (stdin ended) while waiting for an answer ends the session cleanly.
Step mode waits for "next" as Alexa does. Scripted: one utterance per line, played on
virtual time (no waiting unless realtime), a transcript printed as it goes.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Iterable

from skill.core import events as ev
from skill.core.events import Event
from skill.core.reply import Reply, Say

from .inbox import Inbox, heard_something, inbox_closed
from .player import Player
from .session import LocalSession

REPROMPT_SECONDS = 15.0  # silence before an unanswered question is asked again (once)
IDLE_POLL_SECONDS = 60.0


def play_through(player: Player, reply: Reply) -> Reply:
    """Plays `reply` and then every answer to an interruption; returns the last one played."""
    while (interrupted := player.play(reply)) is not None:
        reply = interrupted.reply
    return reply


def run_live(
    session: LocalSession,
    player: Player,
    inbox: Inbox,
    *,
    hands_free: bool,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    reply = session.start()
    while True:
        reply = play_through(player, reply)
        if session.ended:
            return 0
        # The core says how long to wait before moving on by itself (0: never, ask instead).
        wait = reply.wait_seconds if hands_free else 0.0
        if wait > 0:
            line = _wait_for_line(inbox, clock() + wait, clock)
            if line is None:
                reply = session.handle(Event(ev.AUTO_ADVANCE))
                continue
        else:
            line = _wait_for_line(inbox, clock() + REPROMPT_SECONDS, clock, stop_if_closed=True)
            if line is None and reply.reprompt and not inbox_closed(inbox):
                interrupted = player.play(Reply((Say(reply.reprompt),), title=reply.title))
                if interrupted is not None:
                    reply = interrupted.reply
                    continue
            if line is None:
                line = _wait_for_line(inbox, math.inf, clock, stop_if_closed=True)
            if line is None:
                return 0  # the inbox closed: nobody can answer any more
        reply = player.answer(line)


def _wait_for_line(
    inbox: Inbox, deadline: float, clock: Callable[[], float], *, stop_if_closed: bool = False
) -> str | None:
    while (remaining := deadline - clock()) > 0:
        if stop_if_closed and inbox_closed(inbox):
            return None
        line = inbox.get(min(remaining, IDLE_POLL_SECONDS))
        if line is not None and heard_something(line):
            return line
    return None


def run_script(session: LocalSession, player: Player, lines: Iterable[str]) -> int:
    play_through(player, session.start())
    for raw in lines:
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        play_through(player, player.answer(text))
        if session.ended:
            break
    return 0
