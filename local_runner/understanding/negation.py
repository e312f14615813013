"""Commands said negated ("don't skip this one", "i don't want to do the sciatica one"): a bag of
words hears the command in them, so the classifier stage does not act on an action whose own
verb follows a negation ("don't stop" is no stop), nor on a stop put off ("one more then i'm
done"). Intents whose meaning is the refusal itself
(no, cancel) keep theirs.
"""

from __future__ import annotations

import re

from skill.core import events as ev

_NEGATED = r"(?:don't|do not|dont|never|not|won't|wouldn't)(?: (?:want|wanna|need|like) to| wanna)?"
# The verbs that say each action; an action negated by its own verb is not asked for.
_VERBS = {
    ev.SKIP: ("skip", "miss", "leave out", "drop"),
    ev.NEXT: ("go to the next", "go on", "move on", "next"),
    ev.START_ROUTINE: ("do", "start", "begin", "try", "run"),
    ev.START_OVER: ("start", "restart", "begin", "go back to the start"),
    ev.DELETE_DATA: ("delete", "erase", "wipe", "clear", "forget", "remove"),
    ev.PAUSE: ("pause", "wait", "stop", "hang about", "hang fire", "hang on"),
    ev.STOP: ("stop", "finish", "end", "quit"),
    ev.RESUME: ("resume", "continue", "carry on", "go on"),
    ev.PREVIOUS: ("go back",),
}
_PATTERNS = {
    intent: re.compile(rf"\b{_NEGATED} (?:{'|'.join(map(re.escape, verbs))})\b")
    for intent, verbs in _VERBS.items()
}


# Done later is not done now: "one more then i'm done", "three more drops then i'm done".
_DONE_LATER = re.compile(
    r"\b(?:more|another|after)\b.* (?:i'm|i am|i'll be|we're) (?:done|finished)\b"
)


def negated_command(intent: str, utterance: str) -> bool:
    """Whether `utterance` negates the very verb that would make it `intent`, or puts it off."""
    if intent == ev.STOP and _DONE_LATER.search(utterance):
        return True
    pattern = _PATTERNS.get(intent)
    return pattern is not None and pattern.search(utterance) is not None


# "Stop the lower back routine", "end my hamstring stretches": the routine's name makes a bag
# of words hear a request for it, but the verb before it ends it.
_ENDING = re.compile(r"^(?:please |can you |could you |just )?(?:stop|end|quit|cancel|exit)\b")


# "Stop messing about and start the lower back routine": a start asked for after all.
_STARTING = re.compile(r"\b(?:start|begin|do|try|run|put on|instead)\b")


def ended_instead(intent: str, utterance: str) -> str:
    """Stop, for a routine named after a verb that ends it; otherwise `intent`."""
    ended = _ENDING.search(utterance) and not _STARTING.search(utterance)
    return ev.STOP if intent == ev.START_ROUTINE and ended else intent
