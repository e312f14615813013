"""A model sentence as Whisper would write it, so that forced decoding scores its words only.

The near-miss rescoring (decision.rescored) asks Whisper how likely each of a few model
sentences is for the audio (mean log-probability per token, whisper.py) and compares that
with Whisper's own reading. The model's sentences are normalised ("tell me the routines",
"hold for forty five seconds"), Whisper writes "Tell me the routines." and "Hold for 45
seconds.": scored as normalised, a right sentence lost about a nat per token to its lower
case, its missing full stop and its spelt-out number alone. Written Whisper's way (a capital,
"I", numbers from ten up in digits, closed with the mark Whisper closed its own reading with;
of digits and words, the better counts), it competes on its words. The closing mark also
makes a sentence that stops short of what was said unlikely ("At least one." for "At least
won't again."), which a score of its words alone did not.

On the development set (benchmarks/listening_dev.py, 450 clips): right 383 -> 395 of 450,
wrong actions 28 -> 24, with the same rescoring thresholds.
"""

from __future__ import annotations

import re

from skill.core.words import ONES, TENS, capitalise, parse_number

CLOSING = ".?!"
_PRONOUN = re.compile(r"\bi\b")
_TENS, _ONES, _TEENS = "|".join(TENS[2:]), "|".join(ONES[1:10]), "|".join(ONES[10:])
_NUMBER = re.compile(rf"\b(?:(?:{_TENS})(?: (?:{_ONES}))?|(?:{_TEENS}))\b")


def _digits(match: re.Match[str]) -> str:
    return str(parse_number(match[0]))


def closing(reading: str) -> str:
    """The mark Whisper closed its reading with (a question mark for a question)."""
    reading = reading.strip()
    return reading[-1] if reading[-1:] in CLOSING else "."


def as_written(text: str, mark: str = ".") -> tuple[str, ...]:
    """The ways Whisper may write `text`, closed with `mark`; one of its own readings (it ends
    in a closing mark already) is kept as it is."""
    text = text.strip()
    if not text or text[-1] in CLOSING:
        return (text,)
    words = _PRONOUN.sub("I", text)
    forms = dict.fromkeys(capitalise(form) for form in (words, _NUMBER.sub(_digits, words)))
    return tuple(form + mark for form in forms)
