"""Slot spotting: routine, exercise, equipment, feeling, side and number values anywhere in a
sentence, whatever carrier phrase surrounds them.

Spans are found longest-first, left to right. The classifier reads the sentence with each span
replaced by a placeholder naming its type(s) ("let's get going on my lower back" ->
"let's get going on my §RoutineName"), so it learns carriers, not values.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from skill.core.events import Event
from skill.core.words import ONES, TENS, parse_number

from .model import NUMBER_TYPE, WILDCARD_TYPES, LanguageModel
from .slot_choice import preferred
from .word_senses import in_another_sense

PLACEHOLDER = "§"
MAX_SPAN_WORDS = 6
# Words people put inside a value ("didn't really help", "my really tight hamstrings"); a span may
# hold up to MAX_INSERTED of them beyond its value's own words.
_INSERTED = frozenset({"really", "just", "quite", "very", "pretty", "totally", "properly", "proper",
                       "super", "real", "so"})  # fmt: skip
MAX_INSERTED = 2
_NUMBER_WORDS = frozenset({*ONES, *TENS[2:], "hundred"})
# "One" is mostly a pronoun ("the next one", "hold each one for forty seconds"); it is a number
# alone, or beside a word that asks for one ("about a one", "one out of ten", "for one minute").
_ONE_AS_NUMBER_BEFORE = frozenset({"out", "second", "seconds", "minute", "minutes", "o'clock"})
_ONES_AFTER_ONE = frozenset(ONES[2:20])
_ONE_AS_NUMBER_AFTER = frozenset(
    {"is", "about", "around", "at", "for", "maybe", "score", "a", "pain's", "it's", "only",
     "just", "like", "roughly", "probably", "was", "be", "and"}
)  # fmt: skip


# A name said in another inflection ("the nerve gliding exercise", "that knee hugging one", "the
# kid's pose") is found by the stems of its words when its own words are not: names of two words
# or more, of routines, exercises and equipment. Not feelings or lengths, said with verbs whose
# inflections mean other things ("ease off a bit" is no "eased off", "does it help" no "helped"),
# except said as they happen ("that's really helping", "it's loosening me up").
_NAMES_BY_STEM = frozenset({"RoutineName", "ExerciseName", "Equipment"})
_HAPPENING_BY_STEM = frozenset({"Feeling"})
_ENDING = re.compile(r"(?:'s|s'|ing|ed|es|s|e)$")
_DOUBLED = re.compile(r"([b-df-hj-np-tv-z])\1$")


@cache
def _stem(word: str) -> str:
    bare = _ENDING.sub("", word)
    return _DOUBLED.sub(r"\1", bare) if len(bare) >= 3 else word


def _stems(words: list[str]) -> str:
    return " ".join(_stem(w) for w in words)


# An exercise is described as one does it or as one tells it ("pulling my knee up to my chest",
# "the one where you pull your knee up to your chest"): its forms are taken either way.
_TOLD_EITHER_WAY = frozenset({"ExerciseName"})
_TOLD = {"my": "your", "your": "my"}


def _told_either_way(slot_type: str, forms: list[tuple[str, str]]) -> list[tuple[str, str]]:
    if slot_type not in _TOLD_EITHER_WAY:
        return forms
    known = {form for form, _ in forms}
    told = [(" ".join(_TOLD.get(w, w) for w in form.split()), value) for form, value in forms]
    return forms + [(form, value) for form, value in told if form not in known]


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    words: str
    ids: tuple[tuple[str, str], ...]  # (slot type, value id), one per type this span can be

    def id_for(self, slot_type: str) -> str | None:
        return next((value for kind, value in self.ids if kind == slot_type), None)

    @property
    def token(self) -> str:
        return PLACEHOLDER + "+".join(sorted({kind for kind, _ in self.ids}))


class SlotSpotter:
    def __init__(self, model: LanguageModel) -> None:
        self.model = model
        self.phrases: dict[str, dict[str, str]] = {}  # spoken form -> {type: id}
        self.stemmed: dict[str, dict[str, str]] = {}  # a name's stems -> {type: id}
        self.happening: dict[str, dict[str, str]] = {}  # a feeling's stems -> {type: id}
        for slot_type, forms in model.values.items():
            for form, value_id in _told_either_way(slot_type, forms):
                self.phrases.setdefault(form, {}).setdefault(slot_type, value_id)
                by_stem = self.happening if slot_type in _HAPPENING_BY_STEM else self.stemmed
                if len(form.split()) > 1 and slot_type in _NAMES_BY_STEM | _HAPPENING_BY_STEM:
                    by_stem.setdefault(_stems(form.split()), {}).setdefault(slot_type, value_id)
        # Longest form starting with each word (or its stem): most words start none.
        self.longest: dict[str, int] = {}
        for form in self.phrases:
            words = form.split()
            for first in {words[0], f"{words[0]}'s", _stem(words[0])} if words else ():
                self.longest[first] = max(self.longest.get(first, 0), len(words))
        self._spans_of = lru_cache(maxsize=128)(self._spans)

    def spans(self, utterance: str) -> list[Span]:
        # Several stages spot the same sentence: spotted once.
        return list(self._spans_of(utterance))

    def _spans(self, utterance: str) -> tuple[Span, ...]:
        words = utterance.split()
        found: list[Span] = []
        i = 0
        while i < len(words):
            skipped = in_another_sense(words, i)
            span = None if skipped else self._number_at(words, i) or self._phrase_at(words, i)
            if span is None:
                i += 1
                continue
            found.append(span)
            i = span.end
        return tuple(found)

    def _phrase_at(self, words: list[str], i: int) -> Span | None:
        longest = max(self.longest.get(words[i], 0), self.longest.get(_stem(words[i]), 0))
        longest = min(longest, MAX_SPAN_WORDS)
        for n in range(min(longest + MAX_INSERTED, len(words) - i), 0, -1):
            window = words[i : i + n]
            # "didn't really notice any change": the value with the words said inside it left out.
            plain = [w for k, w in enumerate(window) if k == 0 or w not in _INSERTED]
            for said in (window, plain) if plain != window else (window,):
                if len(said) > longest or window[-1] in _INSERTED:
                    continue
                text = " ".join(said)
                # "my hamstring's tight", "the lumbago's back": the value without its 's.
                kinds = (self.phrases.get(text) or self.phrases.get(text.removesuffix("'s"))
                         or self._by_stems(said))  # fmt: skip
                if kinds:
                    return Span(i, i + n, " ".join(window), tuple(sorted(kinds.items())))
        return None

    def _by_stems(self, said: list[str]) -> dict[str, str] | None:
        stems = _stems(said)
        if found := self.stemmed.get(stems):
            return found
        return self.happening.get(stems) if any(w.endswith("ing") for w in said) else None

    @staticmethod
    def _number_at(words: list[str], i: int) -> Span | None:
        if words[i].isdigit():
            return Span(i, i + 1, words[i], ((NUMBER_TYPE, str(int(words[i]))),))
        if words[i] == "one" and not _one_is_a_number(words, i):
            return None
        end = i
        while end < len(words) and (
            words[end] in _NUMBER_WORDS or (words[end] == "and" and end > i)
        ):
            end += 1
        while end > i and words[end - 1] == "and":
            end -= 1
        if end == i:
            return None
        text = " ".join(words[i:end])
        value = parse_number(text)
        return None if value is None else Span(i, end, text, ((NUMBER_TYPE, str(value)),))

    def delexicalise(self, utterance: str, spans: list[Span]) -> list[str]:
        words = utterance.split()
        out: list[str] = []
        i = 0
        for span in spans:
            out.extend(words[i : span.start])
            out.append(span.token)
            i = span.end
        out.extend(words[i:])
        return out

    def fill(self, intent: str, utterance: str, spans: list[Span]) -> Event:
        """The event for `intent` with its slots taken from the spans found in the sentence."""
        slots: dict[str, str] = {}
        heard: dict[str, str] = {}
        words = utterance.split()
        for slot, slot_type in self.model.slot_types.get(intent, {}).items():
            if slot_type in WILDCARD_TYPES:
                if slot_type == "AMAZON.SearchQuery":  # the coach triages the words themselves
                    slots[slot] = heard[slot] = utterance
                continue
            found = [
                (v, span.words)
                for span in spans
                if (v := span.id_for(slot_type)) and not _is_a_scale(utterance, span, slot_type)
            ]
            if found:
                slots[slot], heard[slot] = preferred(found, words, spans)
        return Event(intent, slots, heard)


# "It's been four days and it isn't easing": a number of days is no score and no hold time.
_DURATIONS = frozenset({"hours", "days", "nights", "weeks", "months", "years", "hour", "day",
                        "night", "week", "month", "year"})  # fmt: skip


def _is_a_scale(utterance: str, span: Span, slot_type: str) -> bool:
    """ "Out of ten", "on a scale of ten": the ten is the scale the number is given on; "four
    days": the number counts something else."""
    words = utterance.split()
    before = words[span.start - 1] if span.start else ""
    after = words[span.end] if span.end < len(words) else ""
    return slot_type == NUMBER_TYPE and (before == "of" or after in _DURATIONS)


def _one_is_a_number(words: list[str], i: int) -> bool:
    after = words[i - 1] if i > 0 else None
    before = words[i + 1] if i + 1 < len(words) else None
    if before in _ONES_AFTER_ONE:  # Pidgin and Singlish "like one six": "like a six"
        return False
    return len(words) == 1 or after in _ONE_AS_NUMBER_AFTER or before in _ONE_AS_NUMBER_BEFORE
