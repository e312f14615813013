"""Red-flag triage: a free-text description of symptoms -> a level, advice and matched flags.

The rules live in content/redflags.toml. Matching works on word stems, so "numbness", "numb"
and "gone numb" meet; a flag fires on a phrase, or on one term from each of several lists found
close together ("tingling ... inner thighs"). A negating word directly before a term ("no
numbness") cancels that term; anything vaguer counts as a yes. The most serious flag wins, and
a description we cannot read at all gets `doctor`, never `selfcare`: when unsure, escalate.
"""

from __future__ import annotations

import itertools
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from .content import ContentError

LEVELS: tuple[str, ...] = ("emergency", "urgent", "doctor", "selfcare")
RANK = {level: index for index, level in enumerate(LEVELS)}  # lower is more serious
DEFAULT_WINDOW = 8

_CONTRACTIONS = (
    (r"\bcan'?t\b", "cannot"),
    (r"\bwon'?t\b", "will not"),
    (r"\bshan'?t\b", "shall not"),
    (r"\b(\w+)n't\b", r"\1 not"),
    (r"\bcan not\b", "cannot"),
    (r"\bi'?m\b", "i am"),
    (r"\b(\w+)'ve\b", r"\1 have"),
    (r"\b(\w+)'ll\b", r"\1 will"),
    (r"\b(\w+)'re\b", r"\1 are"),
    (r"\b(\w+)'d\b", r"\1 would"),
    (r"\b(it|that|there|what|he|she)'s\b", r"\1 is"),
    (r"'s\b", ""),
)
_SUFFIXES = (
    "nesses",
    "ness",
    "ings",
    "ing",
    "edly",
    "ed",
    "ers",
    "er",
    "est",
    "ies",
    "es",
    "s",
    "ly",
    "e",
)
_NEGATORS = frozenset({"no", "not", "without", "never", "nor", "none", "neither"})
# Words that may stand between a negator and what it negates ("I don't have any numbness").
_NEGATION_FILLERS = frozenset(
    {"have", "had", "any", "a", "an", "my", "the", "got", "feel", "felt", "been", "notice",
     "noticed", "experience", "experienced", "do", "did", "get", "getting", "much", "sign", "of"}
)  # fmt: skip
_HEDGES = frozenset({"sure", "certain", "know", "think"})


def normalise(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    for pattern, replacement in _CONTRACTIONS:
        text = re.sub(pattern, replacement, text)
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def stem(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    return [stem(word) for word in normalise(text).split()]


@dataclass(frozen=True)
class Words:
    """A description as its raw words and their stems (terms starting "=" match raw words)."""

    raw: tuple[str, ...]
    stems: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Words:
        raw = tuple(normalise(text).split())
        return cls(raw, tuple(stem(w) for w in raw))

    def __len__(self) -> int:
        return len(self.raw)

    def matches(self, term: str, index: int) -> bool:
        if term.startswith("="):
            return self.raw[index] == term[1:]
        return self.stems[index] == term


def term_stems(item: str) -> tuple[str, ...]:
    """A rules-file term as stems; a leading "=" keeps the exact word ("=legs" is not "leg")."""
    if item.startswith("="):
        return tuple("=" + w for w in normalise(item[1:]).split())
    return tuple(tokens(item))


@dataclass(frozen=True)
class Flag:
    id: str
    level: str
    label: str
    phrases: tuple[tuple[str, ...], ...]
    combos: tuple[tuple[tuple[tuple[str, ...], ...], ...], ...]  # combo -> group -> term stems
    unless: tuple[tuple[str, ...], ...]
    window: int
    age_outside: tuple[int, int] | None


@dataclass(frozen=True)
class ScreenQuestion:
    level: str
    flag: str
    text: str


@dataclass(frozen=True)
class Assessment:
    level: str
    advice: str
    flags: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    # True when the text names a symptom we know (a flag or an ordinary back-pain word), as
    # opposed to the "unsure" answer given to text we could not read.
    recognised: bool = False
    # True when the text says something hurts ("ouch", "that hurts", "sharp"): said during a
    # stretch, the hold stops and the coach asks about it.
    pain: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"level": self.level, "advice": self.advice, "flags": list(self.flags)}


@dataclass(frozen=True)
class _Match:
    start: int
    end: int


def _find(sequence: Sequence[str], words: Words) -> list[_Match]:
    n = len(sequence)
    return [
        _Match(i, i + n)
        for i in range(len(words) - n + 1)
        if all(words.matches(term, i + k) for k, term in enumerate(sequence))
    ]


def _negated(words: Words, start: int) -> bool:
    """True when an unambiguous negator sits right before position `start`."""
    raw = words.raw
    i = start - 1
    while i >= 0 and raw[i] in _NEGATION_FILLERS:
        i -= 1
    if i < 0 or raw[i] not in _NEGATORS:
        return False
    # "not sure if it's numb" is a hedge, not a denial.
    return not any(w in _HEDGES for w in raw[i + 1 : start])


@dataclass
class Triage:
    flags: tuple[Flag, ...]
    advice: dict[str, str]
    unsure_level: str
    unsure_advice: str
    selfcare_terms: tuple[tuple[str, ...], ...]
    pain_terms: tuple[tuple[str, ...], ...]
    questions: tuple[ScreenQuestion, ...]
    screen_intro: str
    screen_all_clear: str
    screen_stopped: str
    _labels: dict[str, str] = field(default_factory=dict)

    # ------------------------------------------------------------------ loading

    @classmethod
    def load(cls, path: Path | None = None) -> Triage:
        source = path if path is not None else resources.files("skill.content") / "redflags.toml"
        name = source.name
        try:
            data = tomllib.loads(source.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as error:
            raise ContentError(f"{name}: cannot be loaded: {error}") from error
        return _parse_rules(name, data)

    @classmethod
    def default(cls) -> Triage:
        return _default_triage()

    # ------------------------------------------------------------------ assessment

    def assess(self, description: str) -> Assessment:
        words = Words.of(description)
        pain = any(self._live(term, words) for term in self.pain_terms)
        matched = [flag for flag in self.flags if self._fires(flag, words, description)]
        if matched:
            level = min((flag.level for flag in matched), key=RANK.__getitem__)
            top = [flag for flag in matched if flag.level == level]
            labels = tuple(flag.label for flag in top)
            advice = self.advice[level].format(labels=_join_labels(labels))
            return Assessment(level, advice, tuple(f.id for f in matched), labels, True, pain)
        if pain or any(_find(term, words) for term in self.selfcare_terms):
            return Assessment("selfcare", self.advice["selfcare"], recognised=True, pain=pain)
        return Assessment(self.unsure_level, self.unsure_advice)

    def _fires(self, flag: Flag, words: Words, raw: str) -> bool:
        if any(self._live(phrase, words) for phrase in flag.unless):
            return False
        if any(self._live(phrase, words) for phrase in flag.phrases):
            return flag.age_outside is None or _age_outside(raw, flag.age_outside)
        for combo in flag.combos:
            positions = [self._group_positions(group, words) for group in combo]
            if all(positions) and _within(positions, flag.window):
                return flag.age_outside is None or _age_outside(raw, flag.age_outside)
        return False

    @staticmethod
    def _live(phrase: tuple[str, ...], words: Words) -> bool:
        return any(not _negated(words, m.start) for m in _find(phrase, words))

    @staticmethod
    def _group_positions(group: Iterable[tuple[str, ...]], words: Words) -> list[int]:
        return sorted(
            {m.start for term in group for m in _find(term, words) if not _negated(words, m.start)}
        )

    # ------------------------------------------------------------------ screen

    @property
    def screen_length(self) -> int:
        return len(self.questions)

    def screen_question(self, index: int) -> ScreenQuestion:
        return self.questions[min(index, len(self.questions) - 1)]

    def advice_for(self, level: str, flag_id: str | None = None) -> str:
        label = self._labels.get(flag_id or "", "What you describe")
        return self.advice[level].format(labels=label)


def _within(positions: list[list[int]], window: int) -> bool:
    if len(positions) == 1:
        return True
    return any(max(c) - min(c) <= window for c in itertools.product(*positions))


def _join_labels(labels: Sequence[str]) -> str:
    if len(labels) == 1:
        return labels[0]
    rest = [label[:1].lower() + label[1:] for label in labels[1:]]
    return ", ".join([labels[0], *rest[:-1]]) + f" and {rest[-1]}"


_AGE_PATTERNS = (
    re.compile(r"\b(?:i am|i'm|im|aged?|age of)\s+(\d{1,3})\b"),
    re.compile(r"\b(\d{1,3})\s*(?:years? old|yrs? old|year-old|yo)\b"),
    re.compile(r"\b(?:over|above|older than)\s+(\d{2})\b"),
    re.compile(r"\b(?:under|younger than)\s+(\d{2})\b"),
)


def _age_outside(raw: str, bounds: tuple[int, int]) -> bool:
    text = raw.lower()
    low, high = bounds
    if re.search(r"\bteen(?:ager)?s?\b|\bin my teens\b", text):
        return True
    for pattern in _AGE_PATTERNS:
        for match in pattern.finditer(text):
            age = int(match.group(1))
            if age < low or age > high or (pattern is _AGE_PATTERNS[2] and age >= high):
                return True
            if pattern is _AGE_PATTERNS[3] and age <= low:
                return True
    return False


# ---------------------------------------------------------------------- rules file parsing


def _parse_rules(name: str, data: dict[str, Any]) -> Triage:
    def fail(entry: str, field_name: str, problem: str) -> ContentError:
        return ContentError(f"{name}: entry '{entry}': field '{field_name}': {problem}")

    raw_terms = data.get("terms", {})
    if not isinstance(raw_terms, dict):
        raise fail("terms", "terms", "must be a table of lists")

    def expand(entry: str, field_name: str, items: Any, depth: int = 0) -> list[tuple[str, ...]]:
        if not isinstance(items, list) or not all(isinstance(i, str) and i.strip() for i in items):
            raise fail(entry, field_name, "must be a list of non-empty strings")
        result: list[tuple[str, ...]] = []
        for item in items:
            head, _, tail = item.partition(" ")
            if head.startswith("@"):
                ref = head[1:]
                if ref not in raw_terms or depth > 3:
                    raise fail(entry, field_name, f"unknown term list '@{ref}'")
                for term in expand(f"terms.{ref}", ref, raw_terms[ref], depth + 1):
                    result.append(term + term_stems(tail) if tail else term)
            else:
                stems = term_stems(item)
                if not stems:
                    raise fail(entry, field_name, f"term {item!r} has no words")
                result.append(stems)
        return result

    advice: dict[str, str] = {}
    levels = data.get("levels", {})
    for level in LEVELS:
        text = levels.get(level, {}).get("advice") if isinstance(levels, dict) else None
        if not isinstance(text, str) or not text.strip():
            raise fail(f"levels.{level}", "advice", "is missing")
        advice[level] = text.strip()
    unsure = levels.get("unsure", {})
    unsure_level = unsure.get("level", "doctor")
    if unsure_level not in ("emergency", "urgent", "doctor"):
        raise fail("levels.unsure", "level", "must be doctor or more serious")

    flags: list[Flag] = []
    raw_flags = data.get("flag")
    if not isinstance(raw_flags, list) or not raw_flags:
        raise ContentError(f"{name}: needs at least one [[flag]]")
    for index, raw in enumerate(raw_flags):
        entry = str(raw.get("id", f"flag[{index}]")) if isinstance(raw, dict) else f"flag[{index}]"
        if not isinstance(raw, dict):
            raise fail(entry, "flag", "must be a table")
        flag_level = raw.get("level")
        if flag_level not in ("emergency", "urgent", "doctor"):
            raise fail(entry, "level", "must be emergency, urgent or doctor")
        label = raw.get("label")
        if not isinstance(label, str) or not label.strip():
            raise fail(entry, "label", "is missing")
        combos_raw = raw.get("combos", [])
        if not isinstance(combos_raw, list) or not all(isinstance(c, list) for c in combos_raw):
            raise fail(entry, "combos", "must be a list of lists")
        combos = tuple(
            tuple(tuple(expand(entry, "combos", [group])) for group in combo)
            for combo in combos_raw
        )
        phrases = tuple(expand(entry, "phrases", raw.get("phrases", [])))
        if not phrases and not any(combos):
            raise fail(entry, "phrases", "a flag needs phrases or combos")
        age = raw.get("age_outside")
        if age is not None and not (
            isinstance(age, list) and len(age) == 2 and all(isinstance(a, int) for a in age)
        ):
            raise fail(entry, "age_outside", "must be [low, high]")
        window = raw.get("window", DEFAULT_WINDOW)
        if not isinstance(window, int) or window < 1:
            raise fail(entry, "window", "must be a positive whole number")
        flags.append(
            Flag(
                id=entry,
                level=str(flag_level),
                label=label.strip(),
                phrases=phrases,
                combos=combos,
                unless=tuple(expand(entry, "unless", raw.get("unless", []))),
                window=window,
                age_outside=(age[0], age[1]) if age else None,
            )
        )

    selfcare = data.get("selfcare", {})
    selfcare_terms = tuple(expand("selfcare", "terms", selfcare.get("terms", [])))
    pain_terms = tuple(expand("pain", "terms", data.get("pain", {}).get("terms", [])))
    if not pain_terms:
        raise fail("pain", "terms", "needs at least one term")
    screen = data.get("screen", {})
    questions = []
    flag_ids = {f.id for f in flags}
    for index, raw in enumerate(screen.get("question", [])):
        entry = f"screen.question[{index}]"
        if raw.get("level") not in ("emergency", "urgent", "doctor"):
            raise fail(entry, "level", "must be emergency, urgent or doctor")
        if raw.get("flag") not in flag_ids:
            raise fail(entry, "flag", f"unknown flag {raw.get('flag')!r}")
        if not isinstance(raw.get("text"), str):
            raise fail(entry, "text", "is missing")
        questions.append(ScreenQuestion(raw["level"], raw["flag"], raw["text"]))
    if not questions:
        raise fail("screen", "question", "needs at least one question")
    order = [RANK[q.level] for q in questions]
    if order != sorted(order):
        raise fail("screen", "question", "questions must go from most to least serious")
    for key in ("intro", "all_clear", "stopped"):
        if not isinstance(screen.get(key), str):
            raise fail("screen", key, "is missing")
    return Triage(
        flags=tuple(flags),
        advice=advice,
        unsure_level=unsure_level,
        unsure_advice=str(unsure.get("advice", advice["doctor"])),
        selfcare_terms=selfcare_terms,
        pain_terms=pain_terms,
        questions=tuple(questions),
        screen_intro=screen["intro"],
        screen_all_clear=screen["all_clear"],
        screen_stopped=screen["stopped"],
        _labels={f.id: f.label for f in flags},
    )


@cache
def _default_triage() -> Triage:
    return Triage.load()
