"""Builds the cue timelines of holds, repetitions and rests (the words and when to say them)."""

from __future__ import annotations

from collections.abc import Sequence

from . import phrases as P
from .content import RepCue
from .reply import Cue, Timed, speech_seconds
from .words import capitalise, number_words

HOLD_COUNT_EVERY = 10
REST_COUNT_EVERY = 30
# Holds the user may choose, in seconds (DESIGN §5: at least 10 s, better 30 s or longer).
MIN_HOLD, DEFAULT_HOLD, MAX_HOLD = 10, 30, 120


def clamp_hold(seconds: int) -> int:
    return max(MIN_HOLD, min(MAX_HOLD, seconds))


def hold(seconds: int, side: str | None = None, count_every: int = HOLD_COUNT_EVERY) -> Timed:
    """A static hold: a count every `count_every` s, a breath cue in long holds, then release."""
    cues: list[Cue] = []
    for at in range(count_every, seconds, count_every):
        text = number_words(at)
        if at == count_every and seconds >= 30:
            text = f"{text}. {P.BREATH_CUE}"
        cues.append(Cue(float(at), capitalise(text) + ("" if text.endswith(".") else ".")))
    cues.append(Cue(float(seconds), P.RELEASE))
    return Timed("hold", float(seconds), tuple(cues), count_every=count_every, side=side)


def rest(seconds: int, side: str | None = None) -> Timed:
    """A resting position: a gentle reminder every half minute, then release."""
    cues = [
        Cue(
            float(at),
            capitalise(P.REST_COUNT.format(seconds=number_words(at))) + " " + P.BREATH_CUE,
        )
        for at in range(REST_COUNT_EVERY, seconds, REST_COUNT_EVERY)
    ]
    cues.append(Cue(float(seconds), f"{P.RELEASE} {P.REST_RELEASE}"))
    return Timed("rest", float(seconds), tuple(cues), count_every=REST_COUNT_EVERY, side=side)


def repetitions(rep_cues: Sequence[RepCue], reps: int, side: str | None = None) -> Timed:
    """`reps` repetitions of the exercise's cues, each planned from its own speech.

    A cue is said, then the user has its `seconds` to move before the next one, so no cue is
    due before the previous one can be finished. Later repetitions use the short cue and are
    numbered; counted cues ("breathe in") count their seconds aloud instead, one a second.
    """
    cues: list[Cue] = []
    counted = any(cue.count for cue in rep_cues)
    at = 0.0
    for rep in range(1, reps + 1):
        for index, cue in enumerate(rep_cues):
            text = capitalise(cue.short if rep > 1 and cue.short else cue.say) + "."
            if index == 0 and rep > 1 and not counted:
                text = f"{capitalise(number_words(rep))}. {text}"
            cues.append(Cue(at, text))
            if cue.count:
                for second in range(1, round(cue.seconds)):
                    cues.append(Cue(at + second, capitalise(number_words(second + 1)) + "."))
                at += max(cue.seconds, speech_seconds(text))
            else:
                at += speech_seconds(text) + cue.seconds
    cues.append(Cue(at, P.RELAX))
    return Timed("reps", at, tuple(cues), reps=reps, side=side)
