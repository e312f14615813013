"""A pause said with its reason ("hang on a sec the kettle's boiling", "just a moment i've
dropped my glasses"): the pause is the request, the rest says why.

Read whole, the reason's words pull such a sentence below the action bar, and the hold goes on
counting while the user is at the door. Read in two parts, the first is one of the model's own
pause sentences and the rest tells of something happening, not something said to the person on
the phone or in the room ("hold on i'll put you on speaker", "hang on what's the number"): no
"you", no question. A stop said with its reason is read this way too, when the reason opens a
new clause ("stop | i'm going to get the door"), not when it goes on with the command ("stop |
kicking the table", "stop | the car"). A bare "stop" before a reason is read as a pause, the
coach's safe way to wait: the hold stops at once, and nothing is ended on a guess. A stop said
in so many words ("that's me finished | i'm off to put the kettle on") is the stop.
"""

from __future__ import annotations

from collections.abc import Callable

from skill.core import events as ev
from skill.core.events import Event

from .ood import said_to_someone_else
from .text import after_apology, without_padding

MAX_COMMAND_WORDS = 6  # "can you pause it for a minute"
MIN_REASON_WORDS = 2  # "the kettle's boiling"
_SAID_TO_SOMEONE = frozenset(
    {"you", "your", "you're", "you'll", "yours", "ya", "caller", "coming"}  # "hold on i'm coming"
)
# A reason opens a new clause: "hold on to the rail" is one command, not "hold on" and a reason.
_CONTINUING = frozenset({"to", "for", "with", "at", "in", "on", "by", "off", "up", "and", "or"})
_NEW_CLAUSE = frozenset(
    {"i", "i'm", "i've", "i'll", "i'd", "it's", "this's", "that's", "we",
     "we're", "we've", "my", "there's", "please", "now", "just", "because", "cos", "cause"}
)  # fmt: skip
_ASKING = frozenset(
    {"what", "what's", "who", "who's", "where", "where's", "why", "how", "which", "is", "are",
     "can", "could", "do", "does", "did", "will", "would", "shall", "should"}
)  # fmt: skip


Lookup = Callable[[str], Event | None]


def pause_said_with_reason(utterance: str, lookup: Lookup) -> Event | None:
    """The pause (or stop) that opens `utterance`, also after padding or an apology ("oh sorry
    just a moment i've dropped my glasses"), unless it is said to someone else in the room."""
    if said_to_someone_else(utterance):
        return None
    for said in dict.fromkeys((utterance, without_padding(utterance), after_apology(utterance))):
        paused = pause_with_its_reason(said, lookup)
        if paused is not None:
            return paused
    return None


def pause_with_its_reason(utterance: str, lookup: Lookup) -> Event | None:
    """The pause (or stop) that opens `utterance` when the rest is its reason; `lookup` gives
    the model's own sentence for a part (the exact stage), or None."""
    words = utterance.split()
    wanted: tuple[str, ...] = (ev.PAUSE, ev.STOP)
    for cut in range(1, min(MAX_COMMAND_WORDS, len(words) - MIN_REASON_WORDS) + 1):
        found = lookup(" ".join(words[:cut]))
        if found is None or found.name not in wanted:
            continue
        reason = words[cut:]
        if reason[0] in _CONTINUING:  # the command goes on ("wait | for me")
            continue
        if found.name == ev.STOP and reason[0] not in _NEW_CLAUSE:
            # "stop | the session i have a meeting": only a longer stop may open it ("stop the
            # clock | the contestant has answered" is no pause of the coach's)
            wanted = (ev.STOP,)
            continue
        if not (_SAID_TO_SOMEONE.isdisjoint(reason) and _ASKING.isdisjoint(reason)):
            return None
        return Event(ev.PAUSE) if found.name == ev.STOP and cut == 1 else found
    return None
