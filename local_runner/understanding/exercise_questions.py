"""Questions about an exercise asked with the state of the back as their condition.

"is it bad to touch my toes with a sore back" asks whether the exercise suits a sore back; the
coach's answer to ExplainExercise says so ("While your back hurts, I'd leave out toe touches").
Its pain words are the question's condition, not a report of pain in a stretch, so the safety
net does not turn it into "that felt worse". So are the words of a worry about what the
exercise might do ("can i do leg raises or will it strain my back", "... or it'll make it
worse"). Mid-routine the coach's own guards still hear the pain in its words and stop the hold.
Pain anywhere else in the sentence ("is it normal to feel a sharp pain in the cat cow") is still
pain.
"""

from __future__ import annotations

import re

from skill.core import events as ev

from .safety import SafetyNet

# "with a sore back", "with my bad back", "on a dodgy lower back", "for me back"; "when my back
# is sore", "while my back's playing up".
_CONDITION = re.compile(
    r"\b(?:with|on|for) (?:a|my|me) (?:[a-z']+ ){0,2}back\b"
    r"|\b(?:when|while|if) (?:my|me) (?:lower )?back(?:'s| is)? "
    r"(?:(?:really|so|very|quite|a|bit|little|proper|pretty|still|all|kind|of|kinda) ){0,3}"
    r"(?:sore|bad|hurting|aching|achy|stiff|tight|painful|pain|paining|playing up|acting up"
    r"|flaring up|dodgy)$"
)
# "or will it strain the back", "or it'll make it worse", "would that hurt my back", "or is that
# gonna mess my back up worse", "going to help or hurt", "or is that bad": said last, ending on
# words of the worry only ("is it bad that my foot goes numb in the cat cow" says a symptom).
_WORRY_ENDING = (
    r"(?: (?:it|me|my|the|a|back|lower|worse|more|off|entirely|things|up|any|even|at|all"
    r"|bit|lot|further|again|in|long|run|or|not|too|much))*$"
)
_WORRY = re.compile(
    r"\b(?:or )?(?:(?:will|would|could|might|does|is|isn't) (?:it|that|this|they)"
    r"|(?:it|that|they)(?:'ll| will| would| could| might| gonna| going to))"
    r"(?: (?:gonna|going to|be|just))?(?: [a-z']+){0,2}"
    r" (?:strain|hurt|aggravate|damage|injure|wreck|make|bad|harm|finish|mess|muck|mash|screw"
    r"|knacker|bugger)"
    + _WORRY_ENDING
    + r"|\b(?:help|good) or (?:hurt|harm|bad|make)"
    + _WORRY_ENDING
)
_QUESTION_OPENERS = frozenset(
    {"is", "isn't", "should", "shall", "can", "could", "would", "will", "do", "does", "are",
     "am", "what", "what's", "how", "why", "which", "when", "ok", "okay", "alright"}
)  # fmt: skip


def asked_with_back_trouble(intent: str, utterance: str, safety: SafetyNet) -> bool:
    """An exercise question whose only pain or red flag is its condition ("with a sore back") or a
    worry about what the exercise might do ("or will it strain my back")."""
    words = utterance.split()
    if intent != ev.EXPLAIN_EXERCISE or not words or words[0] not in _QUESTION_OPENERS:
        return False
    rest, conditions = _CONDITION.subn(" ", utterance)
    rest, worries = _WORRY.subn(" ", rest)
    return bool(conditions + worries) and not safety.names_pain_or_flag(rest)
