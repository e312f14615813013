"""The local coach's main loops: a live session (speech or typed) and a scripted run.

Live: each reply is played in real time; hands-free mode moves on to the next exercise by
itself after a short spoken lead-in unless the user speaks or has paused; step mode waits for
"next" as Alexa does. Scripted: one utterance per line, played on virtual time (no waiting
unless realtime), a transcript printed as it goes.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

from skill.core import events as ev
from skill.core.events import Event

from .player import Inbox, Player
from .session import LocalSession

LEAD_IN_SECONDS = 8.0  # quiet time after a step before hands-free mode moves on
IDLE_POLL_SECONDS = 60.0


def run_live(
    session: LocalSession,
    player: Player,
    inbox: Inbox,
    *,
    hands_free: bool,
    lead_in: float = LEAD_IN_SECONDS,
    clock: Callable[[], float] = time.monotonic,
) -> int:
    reply = session.start()
    while True:
        interrupted = player.play(reply)
        if interrupted is not None:
            reply = session.handle(interrupted.event)
            continue
        if session.ended:
            return 0
        line: str | None = None
        if hands_free and "step_delivered" in reply.events:
            line = _wait_for_line(inbox, clock() + lead_in, clock)
            if line is None:
                reply = session.handle(Event(ev.AUTO_ADVANCE))
                continue
        while line is None:
            line = inbox.get(IDLE_POLL_SECONDS)
            if line is None and getattr(inbox, "closed", False):
                return 0
        if line.strip():
            player.display.user(line)
            reply = session.say(line)


def _wait_for_line(inbox: Inbox, deadline: float, clock: Callable[[], float]) -> str | None:
    while (remaining := deadline - clock()) > 0:
        line = inbox.get(remaining)
        if line is not None and line.strip():
            return line
    return None


def run_script(session: LocalSession, player: Player, lines: Iterable[str]) -> int:
    reply = session.start()
    player.play(reply)
    for raw in lines:
        text = raw.strip()
        if not text or text.startswith("#"):
            continue
        player.display.user(text)
        reply = session.say(text)
        player.play(reply)
        if session.ended:
            break
    return 0
