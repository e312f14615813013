"""Parity: one conversation through Alexa envelopes and through the local runner says the same."""

from __future__ import annotations

import html
import io
import re
from typing import Any

from local_runner.display import PlainDisplay
from local_runner.player import Player, VirtualClock
from local_runner.runner import run_live
from local_runner.session import LocalSession
from local_runner.speaker import RecordingSpeaker
from skill.core.coach import Coach
from skill.core.events import Event
from skill.core.reply import Reply, Say, SideSwitch, Timed
from skill.core.store import MemoryStore
from tests.conftest import AlexaConversation, fixed_clock, speech
from tests.fakes import ScriptedInbox

# (what the local user types, the intent request Alexa would send)
CONVERSATION: list[tuple[str, str, dict[str, Any]]] = [
    ("start lower back routine", "StartRoutineIntent", {"routine": ("lower back", "lower_back")}),
    ("next", "AMAZON.NextIntent", {}),
    ("that felt worse", "FeelingIntent", {"feeling": ("worse", "worse")}),
    ("yes", "AMAZON.YesIntent", {}),
    ("say it again", "AMAZON.RepeatIntent", {}),
    ("hold for forty five seconds", "HoldTimeIntent", {"seconds": "45"}),
    ("skip", "SkipIntent", {}),
    ("help", "AMAZON.HelpIntent", {}),
    ("go back", "AMAZON.PreviousIntent", {}),
    ("pause", "AMAZON.PauseIntent", {}),
    ("resume", "AMAZON.ResumeIntent", {}),
    ("how do i do sit ups", "ExplainExerciseIntent", {"exercise": ("sit ups", "sit_ups")}),
    ("i don't have a towel", "NoEquipmentIntent", {"equipment": ("towel", "towel")}),
    ("is stiffness in my back a red flag", "RedFlagIntent", {"symptom": "stiffness in my back"}),
    ("no", "AMAZON.NoIntent", {}),
    ("what routines do you have", "ListRoutinesIntent", {}),
    ("next", "AMAZON.NextIntent", {}),
    ("stop", "AMAZON.StopIntent", {}),
]


def plain(ssml: str) -> str:
    text = html.unescape(re.sub(r"<[^>]+>", " ", ssml))
    return " ".join(text.split())


def test_alexa_and_local_say_the_same_words(alexa: AlexaConversation) -> None:
    local = LocalSession(coach=Coach(clock=fixed_clock), store=MemoryStore())
    alexa_said = [plain(speech(alexa.launch()))]
    local_said = [" ".join(local.start().spoken_text().split())]
    for typed, intent, slots in CONVERSATION:
        alexa_said.append(plain(speech(alexa.intent(intent, **slots))))
        local_said.append(" ".join(local.say(typed).spoken_text().split()))
    for index, (heard_on_alexa, heard_locally) in enumerate(
        zip(alexa_said, local_said, strict=True)
    ):
        assert heard_on_alexa == heard_locally, (
            index,
            CONVERSATION[index - 1][0] if index else "launch",
        )
    assert any("I'll count forty five seconds for each hold" in said for said in local_said)


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
