"""The safety net: pain or symptoms in a sentence nothing else understood are never dropped.

Triage (skill.core.triage) decides what counts as pain or a known symptom; this module only
turns its answer into an event: pain -> FeelingIntent(feeling=worse), another recognised
symptom -> RedFlagIntent with the words as the symptom.
"""

from __future__ import annotations

from skill.core import events as ev
from skill.core.events import Event
from skill.core.triage import Triage

SAFETY_INTENTS = frozenset({ev.FEELING, ev.RED_FLAG})


class SafetyNet:
    def __init__(self, triage: Triage | None = None) -> None:
        self.triage = triage or Triage.default()

    def catch(self, text: str) -> Event | None:
        assessment = self.triage.assess(text)
        if assessment.pain:
            return Event(ev.FEELING, {"feeling": "worse"}, {"feeling": text})
        if assessment.recognised:
            return Event(ev.RED_FLAG, {"symptom": text}, {"symptom": text})
        return None

    def names_symptom(self, text: str) -> bool:
        return self.triage.assess(text).recognised
