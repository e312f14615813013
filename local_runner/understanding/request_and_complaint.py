"""A request for a routine said beside the complaint behind it ("the nerve in my bum is playing up
again, put on the stretches for that"; "let's get going on my lower back, it's been murder since
saturday").

Read whole, the complaint's words pull such a sentence towards pain or everyday speech, and the
coach would answer "sorry it's worse" to someone who asked for stretches. Read in two parts, one
part is a sure request that says nothing hurts, and the sentence as a whole says what is wrong.
It is taken as that request only when the coach, given every word, still hears all the pain and
red flags in it: its guards then answer those first (a doctor's advice, the sciatica screen)
before any routine starts. A serious sign is never read this way, nor is a sentence that turns
a routine down ("it hurts, i'd rather not do the lower back one") or is about someone else, and
the request must be made in so many words ("let's", "can we", "put on"): naming the stretches
in a remark ("the hamstring stretches make my back hurt") is no request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from skill.core import events as ev
from skill.core.events import Event

from . import routine_requests as requests
from .ood import said_about_someone_else
from .safety import SafetyNet
from .slots import Span

# A part read alone, as the recogniser reads any sentence: (event, confidence, stage).
ReadAlone = Callable[[str], tuple[Event, float, str]]
SURE_STAGES = frozenset({"exact", "template", "classifier"})  # not a near miss: that is a guess
MIN_WORDS = 2  # in each part: "put on the stretches for that" | "my sciatica's playing up"
# Nobody says more in one breath; each cut costs two readings, so longer text is read whole only.
MAX_WORDS = 30


def request_beside_complaint(
    utterance: str,
    spans: list[Span],
    read_alone: ReadAlone,
    safety: SafetyNet,
    sure: float,
) -> tuple[Event, float] | None:
    """The request in `utterance`, when one part of it asks surely for a routine (or for the
    stretches, the routine then chosen by what is wrong) and the whole says something hurts."""
    if (
        safety.names_serious_flag(utterance)
        or not safety.names_pain_or_symptom(utterance)
        or requests.refuses(utterance)
        or said_about_someone_else(utterance)
    ):
        return None
    words = utterance.split()
    if len(words) > MAX_WORDS:
        return None
    best: tuple[Event, float] | None = None
    for cut in range(MIN_WORDS, len(words) - MIN_WORDS + 1):
        for part in (words[:cut], words[cut:]):
            found = _sure_request(" ".join(part), read_alone, safety, sure)
            if found is not None and (best is None or found[1] > best[1]):
                best = found
    if best is None:
        # No part names a routine, but the sentence asks for help with what it describes ("my
        # back seized up lifting the kids, what have you got for that").
        asked = requests.asked_by_situation(utterance, spans, safety)
        best = None if asked is None else (asked, sure)
    if best is None:
        return None
    event = requests.routine_for_what_is_wrong(best[0], utterance, spans, safety)
    if not event.slot("routine"):
        suggested = safety.routine_for_situation(utterance)
        if suggested is None:
            return None  # the coach would ask which routine, and lose the complaint's reason
        event = replace(event, slots={**event.slots, "routine": suggested})
    if not safety.hears_all_of(utterance, event):
        return None
    return event, best[1]


def _sure_request(
    part: str, read_alone: ReadAlone, safety: SafetyNet, sure: float
) -> tuple[Event, float] | None:
    if not requests.asks_in_so_many_words(part):
        return None
    event, confidence, stage = read_alone(part)
    if event.name == ev.YES and part.startswith("let's "):
        # "... been killing me all week, let's get into it": a go-ahead for the stretches for
        # what the rest of the sentence says is wrong.
        event = replace(event, name=ev.START_ROUTINE, slots={}, heard={})
    if event.name != ev.START_ROUTINE or stage not in SURE_STAGES or confidence < sure:
        return None
    # A routine named by its problem ("give us the spasm stuff") says nothing hurts by itself.
    named = event.heard_words("routine") or ""
    if safety.names_pain_or_flag(part.replace(named, " ") if named else part):
        return None
    return event, confidence
