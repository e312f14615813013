"""A command said after an acknowledgement ("righto on we go", "yeah back into it"), or after
the reason the user will not do the exercise ("i'm not getting down on all fours skip it").

Read whole, the acknowledgement pulls such a sentence towards Yes (the classifier has seen
"righto" as a yes on its own). So before the classifier reads it, the words after the
acknowledgement are looked up among the model's own sentences (or as a slip of one).

A reason in front of a skip or a next leaves the classifier between skip, next, no and other
speech ("this one i cannot do kindly go to the one after": skip 0.81). When the words before a
move-on command the model knows refuse something the user says ("i can't", "not feeling this
one"), that command is what they want. Pain in the reason is still heard first (the caller's
safety net), and nothing said of or to someone else counts.
"""

from __future__ import annotations

from collections.abc import Callable

from skill.core import events as ev
from skill.core.events import Event

from .negation import negated_command
from .ood import ACTIONS, said_to_someone_else
from .text import without_acknowledgement

# Moving on, said last after a refusal.
_MOVES = frozenset({ev.SKIP, ev.NEXT})
_REFUSING = frozenset(
    {"not", "can't", "cannot", "won't", "don't", "nah", "never", "rather", "no", "couldn't"}
)
_LONGEST_COMMAND = 6
_SHORTEST_REASON = 3
_NAMING = frozenset({"that", "the", "this", "a", "any", "which"})
# Someone else's refusal ("he won't do his homework so move on") is not the user's.
_OTHERS = frozenset({"he", "she", "they", "he's", "she's", "they're", "him", "her", "his", "them"})

# Commands an acknowledgement may stand before. Not answers or remarks ("okay no", "yeah that's
# fine", "okay my lower back"), nor questions ("done what's next"): those are read whole.
_COMMANDS = ACTIONS - {ev.YES, ev.NO, ev.START_ROUTINE}

Lookup = Callable[[str], Event | None]


def command_after_acknowledgement(
    utterance: str, lookup: Lookup, near: Lookup
) -> tuple[Event, str] | None:
    """The command after an opening acknowledgement, with the stage that found it ("exact", or
    "near" for a slip of a sentence of two words or more); None if there is none."""
    rest = without_acknowledgement(utterance)
    if rest == utterance or said_to_someone_else(utterance):
        return None
    found, stage = lookup(rest), "exact"
    if found is None and " " in rest:
        found, stage = near(rest), "near"
    if found is None or found.name not in _COMMANDS:
        return None
    return found, stage


def command_after_refusal(utterance: str, lookup: Lookup) -> Event | None:
    """The skip or next said last, after words that refuse something ("i can't do that one just
    move on"); None if the sentence is not so made."""
    words = utterance.split()
    if said_to_someone_else(utterance) or _OTHERS.intersection(words):
        return None
    for start in range(max(_SHORTEST_REASON, len(words) - _LONGEST_COMMAND), len(words)):
        found = lookup(" ".join(words[start:]))
        if found is not None and found.name in _MOVES:
            # "i don't want to skip it" refuses the command itself; "no not that next one"
            # names an exercise.
            refused = _REFUSING.intersection(words[:start]) and words[start - 1] not in _NAMING
            return found if refused and not negated_command(found.name, utterance) else None
    return None
