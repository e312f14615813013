"""Times said aloud: a time of day -> the values Alexa's AMAZON.TIME gives ("HH:MM", or
MO/AF/EV/NI for a part of the day), so a reminder asked for on the laptop reads as it would on
an Echo; and a length of time -> seconds ("half a minute", "two minutes": not 2 seconds).

"at six", "half seven", "quarter to eight", "seven thirty in the morning", "six pm",
"every evening at six", "after lunch". An hour said with no part of the day is taken as a
stretcher's hour: 7-11 in the morning, 1-6 in the evening (the coach reads the time back and
asks before it sets anything, so a wrong guess is caught).
"""

from __future__ import annotations

from dataclasses import replace

from skill.core import events as ev
from skill.core.events import Event
from skill.core.words import parse_number

from .text import normalise, taken_back

_EVENING = frozenset({"pm", "p.m", "evening", "evenings", "tonight", "night", "afternoon",
                      "afternoons", "nights"})  # fmt: skip
_MORNING = frozenset({"am", "a.m", "morning", "mornings"})
# A part of the day with no hour (AMAZON.TIME's own codes).
_DAY_PARTS = (
    (("after lunch", "afternoon", "afternoons", "lunchtime"), "AF"),
    (("evening", "evenings", "tonight", "after work", "after dinner", "after tea"), "EV"),
    (("night", "nights", "bedtime", "before bed"), "NI"),
    (("morning", "mornings", "breakfast"), "MO"),
)
_NAMED = {"noon": (12, 0), "midday": (12, 0), "midnight": (0, 0)}
_MINUTES_BEFORE = {"quarter": 15, "half": 30, "twenty": 20, "ten": 10, "five": 5}


def with_spoken_time(event: Event) -> Event:
    """A reminder's time as AMAZON.TIME gives it ("every evening at six": "18:00"); a hold's
    length in seconds ("two minutes": 120, not 2)."""
    if event.name not in (ev.SET_REMINDER, ev.HOLD_TIME):
        return event
    utterance = normalise(event.text)
    slots = dict(event.slots)
    if event.name == ev.SET_REMINDER:
        said: str | int | None = clock_time(utterance)
        slot = "time"
    else:
        # The slot spotter gives a number to both of the intent's number slots; the length
        # read here, in seconds, is the one answer.
        slots.pop("minutes", None)
        said, slot = duration_seconds(utterance), "seconds"
    if said is not None:
        slots[slot] = str(said)
    return replace(event, slots=slots)


def clock_time(utterance: str) -> str | None:
    """The first time of day said in `utterance`, as AMAZON.TIME would resolve it, or None."""
    words = utterance.replace("p m", "pm").replace("a m", "am").split()
    for i, word in enumerate(words):
        if word in _NAMED:
            return _hhmm(*_NAMED[word])
        found = _time_at(words, i)
        if found is not None:
            return _hhmm(_with_part_of_day(found[0], words), found[1])
    padded = f" {' '.join(words)} "
    for phrases, code in _DAY_PARTS:
        if any(f" {phrase} " in padded for phrase in phrases):
            return code
    return None


def _time_at(words: list[str], i: int) -> tuple[int, int] | None:
    """(hour, minute) for a time starting at word i."""
    word = words[i]
    if word in _MINUTES_BEFORE and i + 2 < len(words) and words[i + 1] in ("past", "to"):
        hour = _hour(words[i + 2])
        if hour is not None:
            minutes = _MINUTES_BEFORE[word]
            if words[i + 1] == "to":
                return (hour - 1) % 12 or 12, 60 - minutes
            return hour, minutes
    if word == "half" and i + 1 < len(words):  # "half seven" is half past seven (UK)
        hour = _hour(words[i + 1])
        if hour is not None:
            return hour, 30
    hour = _hour(word)
    if hour is None or not _said_as_a_time(words, i):
        return None
    return hour, _minutes_after(words, i + 1)


_NOT_A_REMINDER_BEFORE = frozenset({"since", "it's", "its", "is", "was", "till", "until"})


def _said_as_a_time(words: list[str], i: int) -> bool:
    before = words[i - 1] if i else ""
    after = words[i + 1] if i + 1 < len(words) else ""
    if before in ("at", "for", "around", "about", "by") or after in (*_EVENING, *_MORNING):
        return True
    # "tomorrow seven o'clock remind me", not "up since six o'clock" or "it's three o'clock now".
    return after == "o'clock" and before not in _NOT_A_REMINDER_BEFORE


def _minutes_after(words: list[str], start: int) -> int:
    """ "thirty" / "oh five" / "forty five" after the hour (0 when none is said)."""
    if start < len(words) and words[start] == "oh" and start + 1 < len(words):
        minute = parse_number(words[start + 1])
        if minute is not None and minute < 10:
            return minute
    for length in (2, 1):
        said = " ".join(words[start : start + length])
        minute = parse_number(said) if len(said.split()) == length else None
        if minute is not None and 0 < minute < 60:
            return minute
    return 0


def _with_part_of_day(hour: int, words: list[str]) -> int:
    if hour > 12:
        return hour
    if any(w in _EVENING for w in words):
        return hour % 12 + 12
    if any(w in _MORNING for w in words):
        return hour % 12
    return hour + 12 if 1 <= hour <= 6 else hour


def _hour(word: str) -> int | None:
    value = parse_number(word)
    return value if value is not None and 0 <= value <= 23 else None


def _hhmm(hour: int, minute: int) -> str:
    return f"{hour:02d}:{minute:02d}"


_UNITS = {"second": 1, "seconds": 1, "sec": 1, "secs": 1, "minute": 60, "minutes": 60, "min": 60,
          "mins": 60}  # fmt: skip
_HALF = {"half a minute": 30, "half minute": 30, "a minute and a half": 90,
         "one and a half minutes": 90, "a minute and half": 90}  # fmt: skip


def duration_seconds(utterance: str) -> int | None:
    """The first length of time said ("forty seconds", "a minute", "two minutes") in seconds,
    passing one the sentence corrects ("thirty seconds is too long")."""
    padded = f" {utterance} "
    for phrase, seconds in _HALF.items():
        if f" {phrase} " in padded:
            return seconds
    words = utterance.split()
    for i, word in enumerate(words):
        unit = _UNITS.get(word)
        if unit is None:
            continue
        for length in (3, 2, 1):
            said = " ".join(words[max(0, i - length) : i])
            amount = parse_number(said) if i - length >= 0 else None
            if amount is not None and not taken_back(words, i - length, i + 1):
                return amount * unit
        if unit == 60:  # "a full minute", "for the minute"
            return 60
    return None
