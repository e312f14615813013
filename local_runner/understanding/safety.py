"""The safety net: pain or symptoms in a sentence nothing else understood are never dropped.

Triage (skill.core.triage) decides what counts as pain or a known symptom; this module only
turns its answer into an event: pain -> FeelingIntent(feeling=worse), another recognised
symptom -> RedFlagIntent with the words as the symptom.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache
from typing import Protocol

from skill.core import events as ev
from skill.core.events import Event
from skill.core.symptom_words import heard_symptoms
from skill.core.triage import SERIOUS, Assessment, Triage

SAFETY_INTENTS = frozenset({ev.FEELING, ev.RED_FLAG})
# Answers that already carry what the user said about pain ("my pain is six").
SAFE_FROM_OVERRIDE = SAFETY_INTENTS | {ev.PAIN_SCORE}
_FELT_WORSE = frozenset({"worse_than_before"})


class Assessor(Protocol):
    def assess(self, description: str) -> Assessment: ...

    def routine_for(self, description: str) -> str | None: ...


class SafetyNet:
    def __init__(self, triage: Assessor | None = None) -> None:
        self.triage = triage or Triage.default()
        # One utterance is assessed several times over (the whole, less its slot values, the
        # symptom a template found); the recent answers are kept.
        self._assess = lru_cache(maxsize=64)(self.triage.assess)

    def catch(self, text: str, *, unsure_only: bool = False, said: str = "") -> Event | None:
        """Pain -> Feeling(worse); a known symptom, or pain with a serious sign, -> RedFlag
        (symptom=the words, or `said`).

        With `unsure_only` (the classifier has a usable answer, just not a sure one) ordinary
        back words ("my back", "stretch") that triage knows as self-care do not override it:
        only pain or a red flag does.
        """
        assessment = self._assess(text)
        words = said or text
        if assessment.flags and assessment.level in SERIOUS:  # "a fever and my back hurts"
            return Event(ev.RED_FLAG, {"symptom": words}, {"symptom": words})
        # A flag that only says it is worse than it was ("that one made it worse") is the feeling
        # worse; getting worse over days ("worse every day") keeps the doctor's advice.
        if assessment.pain or (assessment.flags and set(assessment.flags) <= _FELT_WORSE):
            return Event(ev.FEELING, {"feeling": "worse"}, {"feeling": words})
        if assessment.recognised and (assessment.flags or not unsure_only):
            return Event(ev.RED_FLAG, {"symptom": words}, {"symptom": words})
        return None

    def hears_all_of(self, said: str, event: Event) -> bool:
        """Whether the coach, given `event` with the words `said`, still hears what they say:
        triaging what it sees once the slot values are taken out, their red flags and their
        pain are all still there. Then an answer the classifier is sure of can stand ("my back's
        in spasm, let's do the spasm one") and the coach's own guards stop a hold on the pain."""
        told = heard_symptoms(replace(event, text=said))
        whole, seen = self._assess(said), self._assess(told)
        return set(whole.flags) <= set(seen.flags) and (seen.pain or not whole.pain)

    def routine_for_situation(self, text: str) -> str | None:
        """The routine for what `text` describes, symptom or not ("sat at a laptop all day")."""
        return self.triage.routine_for(text)

    def names_serious_flag(self, text: str) -> bool:
        assessment = self._assess(text)
        return bool(assessment.flags) and assessment.level in SERIOUS

    def names_red_flag(self, text: str) -> bool:
        return bool(self._assess(text).flags)

    def only_felt_worse(self, text: str) -> bool:
        """Whether the only flag `text` raises is that it feels worse than it was."""
        flags = set(self._assess(text).flags)
        return bool(flags) and flags <= _FELT_WORSE

    def names_symptom(self, text: str) -> bool:
        return self._assess(text).recognised

    def names_pain_or_symptom(self, text: str) -> bool:
        assessment = self._assess(text)
        return assessment.pain or assessment.recognised

    def names_pain_or_flag(self, text: str) -> bool:
        assessment = self._assess(text)
        return assessment.pain or bool(assessment.flags)
