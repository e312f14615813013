"""The words of an event that could describe a symptom: what the coach triages.

A front end that decides whether the coach will hear pain in a sentence (the local recogniser's
safety net) asks here, so both read a sentence the same way.
"""

from __future__ import annotations

import re

from . import events as ev
from .events import Event

# Slots whose words name a routine, exercise or thing, not how the user feels. A routine's name
# stands for the body part it is named after: "my lower back is wrecked" still says something
# hurts, "oh my back my back" is still a cry, "the back spasm one" says nothing hurts. Words
# heard as the routine that say more than its name are kept: a routine asked for by what is
# wrong ("back pain", "the nerve pain down my leg") still says it.
_NAMING_SLOTS = {"routine": " my back ", "exercise": " ", "equipment": " "}
# Words that name a routine as a routine, not a symptom ("the spasm routine please").
_PLAIN = ("my", "me", "the", "a", "your", "one", "routine", "stretches", "stretch", "exercises",
          "session", "set")  # fmt: skip
_NOT_SPOKEN = frozenset({ev.LAUNCH, ev.SESSION_ENDED, *ev.FRONT_END_EVENTS})


def heard_symptoms(event: Event) -> str:
    """What the user said that could describe a symptom ("" when nothing could)."""
    if event.name in _NOT_SPOKEN:
        return ""
    if event.text:
        text = f" {event.text.lower()} "
        for slot, stands_for in _NAMING_SLOTS.items():
            heard = event.heard_words(slot)
            if heard:
                heard = heard.lower()
                kept = (
                    heard if slot == "routine" and _beyond_the_name(heard, event.slot(slot)) else ""
                )
                # The article goes too: "that set the spasm off" reads "that set my back off".
                text = re.sub(
                    rf" (?:(?:the|a|my|me) )?{re.escape(heard)} ", f"{stands_for}{kept} ", text
                )
        return " ".join(text.split())
    parts = [event.slot("symptom"), event.heard_words("feeling")]
    return " ".join(p for p in parts if p)


def _beyond_the_name(heard: str, routine_id: str | None) -> bool:
    """Whether `heard` says more than the routine's own name ("back pain" as lower_back does;
    "my back spasm" as back_spasm does not)."""
    name = {*(routine_id or "").split("_"), *_PLAIN}
    return any(not any(w in (n, n + "s") or w + "s" == n for n in name) for w in heard.split())
