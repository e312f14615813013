"""Parity: one conversation through Alexa envelopes and through the local runner says the same."""

from __future__ import annotations

import html
import re
from typing import Any

from local_runner.session import LocalSession
from skill.core.coach import Coach
from skill.core.store import MemoryStore
from tests.conftest import AlexaConversation, fixed_clock, speech

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
    assert any("Hold for forty five seconds" in said for said in local_said)
