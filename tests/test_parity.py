"""Parity: what the local runner speaks comes only from core Replies, as on Alexa.

That both front ends say the same words for the same conversations is checked on every golden
transcript (tests/test_transcripts.py, conversations in tests/transcripts.py).
"""

from __future__ import annotations

import io

from local_runner.display import PlainDisplay
from local_runner.player import Player, VirtualClock
from local_runner.runner import run_live
from local_runner.session import LocalSession
from local_runner.speaker import RecordingSpeaker
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.reply import Reply, Say, SideSwitch, Timed
from skill.stores.memory import MemoryStore
from tests.conftest import fixed_clock
from tests.fakes import ScriptedInbox


class RecordingSession(LocalSession):
    """A local session that keeps every Reply the core made."""

    def __init__(self) -> None:
        super().__init__(coach=Coach(clock=fixed_clock), store=MemoryStore())
        self.replies: list[Reply] = []

    def handle(self, event: Event, *, fresh: bool = False) -> Reply:
        reply = super().handle(event, fresh=fresh)
        self.replies.append(reply)
        return reply


def _texts(reply: Reply) -> set[str]:
    texts = {s.text for s in reply.segments if isinstance(s, Say | SideSwitch)}
    for segment in reply.segments:
        if isinstance(segment, Timed):
            texts |= {cue.text for cue in segment.cues}
    return texts


def test_every_word_the_local_runner_speaks_comes_from_a_core_reply() -> None:
    # Hands-free run with a pause and resume in the middle of a hold and auto-advances.
    clock = VirtualClock(0.0)
    lines = [(1.0, "start the hamstring routine"), (70.0, "pause"), (90.0, "resume")]
    inbox = ScriptedInbox(clock, lines)
    session = RecordingSession()
    speaker = RecordingSpeaker(clock)
    player = Player(speaker, PlainDisplay(io.StringIO()), session, inbox, clock)
    assert run_live(session, player, inbox, hands_free=True, clock=clock) == 0
    said_by_core = set().union(*(_texts(reply) for reply in session.replies))
    assert speaker.texts and set(speaker.texts) <= said_by_core
    assert "Let's move on." in speaker.texts  # auto-advance words came from the core too
    assert "Okay, picking up where we were." in speaker.texts
