"""The safety net: pain or symptoms in a sentence nothing else understood are never dropped.

Triage (skill.core.triage) decides what counts as pain or a known symptom; this module only
turns its answer into an event: pain -> FeelingIntent(feeling=worse), another recognised
symptom -> RedFlagIntent with the words as the symptom.
"""

from __future__ import annotations

from collections import Counter
from typing import Protocol

from skill.core import events as ev
from skill.core.events import Event
from skill.core.triage import Assessment, Triage, Words

SAFETY_INTENTS = frozenset({ev.FEELING, ev.RED_FLAG})
# Answers that already carry what the user said about pain ("my pain is six").
SAFE_FROM_OVERRIDE = SAFETY_INTENTS | {ev.PAIN_SCORE}


class Assessor(Protocol):
    def assess(self, description: str) -> Assessment: ...


class SafetyNet:
    def __init__(self, triage: Assessor | None = None) -> None:
        self.triage = triage or Triage.default()
        self.vocabulary = _vocabulary(self.triage)

    def _could_match(self, text: str) -> bool:
        """False only when no word of `text` occurs in any triage term (assess is slow)."""
        if self.vocabulary is None:
            return True
        words = Words.of(text)
        present = {*words.stems, *("=" + raw for raw in words.raw)}
        return any(term <= present for word in present for term in self.vocabulary.get(word, ()))

    def catch(self, text: str, *, unsure_only: bool = False, said: str = "") -> Event | None:
        """Pain -> Feeling(worse); a known symptom -> RedFlag(symptom=the words, or `said`).

        With `unsure_only` (the classifier has a usable answer, just not a sure one) ordinary
        back words ("my back", "stretch") that triage knows as self-care do not override it:
        only pain or a red flag does.
        """
        if not self._could_match(text):
            return None
        assessment = self.triage.assess(text)
        words = said or text
        if assessment.pain:
            return Event(ev.FEELING, {"feeling": "worse"}, {"feeling": words})
        if assessment.recognised and (assessment.flags or not unsure_only):
            return Event(ev.RED_FLAG, {"symptom": words}, {"symptom": words})
        return None

    def names_red_flag(self, text: str) -> bool:
        return self._could_match(text) and bool(self.triage.assess(text).flags)

    def names_symptom(self, text: str) -> bool:
        return self._could_match(text) and self.triage.assess(text).recognised


def _vocabulary(triage: Assessor) -> dict[str, list[frozenset[str]]] | None:
    """Triage's terms as word sets, indexed by their rarest word; None (no shortcut) if triage
    is shaped otherwise.

    Triage fires only when every word of some term (one term of each group, for combinations)
    is in the text, so a text containing no whole term cannot be recognised or painful: this
    lets the net skip most sentences without the full assessment.
    """
    if not isinstance(triage, Triage):
        return None
    try:
        terms = [*triage.pain_terms, *triage.selfcare_terms]
        for flag in triage.flags:
            terms.extend([*flag.phrases, *flag.unless])
            terms.extend(term for combo in flag.combos for group in combo for term in group)
    except (AttributeError, TypeError):
        return None
    sets = [frozenset(term) for term in terms if term]
    counts = Counter(word for term in sets for word in term)
    index: dict[str, list[frozenset[str]]] = {}
    for term in set(sets):
        index.setdefault(min(term, key=lambda w: (counts[w], w)), []).append(term)
    return index
